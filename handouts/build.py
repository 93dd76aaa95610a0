"""The pipeline for one PDF, and writing a set of them safely.

    project (config, content, brands)  ->  select jobs  ->  check glyphs
    ->  render template  ->  parse semantic document  ->  lay out  ->  write PDF

Every PDF of a run is made in memory first; files are written only when all of them
succeeded, each through a temporary file and an atomic rename, so a failed build never
leaves a partial file or replaces a good one.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterator

from .ages import date_at_function
from .bands import for_band
from .content import fill_placeholders, strings_in
from .errors import HandoutsError, Problem, ProblemList
from .fonts import FontSet, describe_chars, font_set, missing_glyphs
from .layout import LayoutRequest, Metadata, PageInfo, layout_pdf
from .project import Project
from .render import TemplateContext, plain_text, render_handout
from .selection import BuildJob
from .yamlsource import format_key_path
from .semantic import document_text, parse_document
from .words import ENGLISH, Words


@dataclass(frozen=True)
class BuiltPdf:
    job: BuildJob
    path: Path
    data: bytes
    pages: int


def template_search_path(project: Project, job: BuildJob) -> list[Path]:
    """A brand's own templates first, then the project's."""
    brand_templates = job.brand.templates_path
    return [p for p in (brand_templates, project.templates_dir) if p is not None]


def make_pdfs(project: Project, jobs: list[BuildJob], out_dir: Path) -> list[BuiltPdf]:
    """Make every PDF in memory; all problems of all jobs are reported together."""
    fonts = font_set(project.config.font)
    problems = ProblemList()
    built = []
    for job in jobs:
        glyph_problems = list(check_glyphs(job, fonts, ENGLISH))
        if glyph_problems:
            problems.extend(glyph_problems)
            continue
        try:
            data, pages = make_pdf(project, job, fonts, ENGLISH)
        except HandoutsError as exc:
            problems.extend(exc.problems)
            continue
        built.append(BuiltPdf(job, job.output_path(out_dir), data, pages))
    problems.raise_if_any()
    return built


def make_pdf(project: Project, job: BuildJob, fonts: FontSet,
             words: Words) -> tuple[bytes, int]:
    """One PDF and its page count."""
    brand = job.brand
    handout = for_band(job.handout.handout, job.band) if job.band else job.handout.handout
    search_path = template_search_path(project, job)
    date_locale = brand.brand.locale if _language(brand.brand.locale) == _language(
        job.locale) else job.locale  # a UK clinic prints UK dates in English
    context = TemplateContext(brand, words, job.band, job.child if job.shows_child else None,
                              date_at_function(job.child if job.born else None, date_locale))
    rendered = render_handout(handout, context, search_path)
    document = parse_document(rendered.markup, rendered.template)
    # Content was checked with its file positions before; what is left is text that the
    # template itself prints.
    missing = missing_glyphs(document_text(document), fonts)
    if missing:
        raise HandoutsError([Problem(
            f"the font {fonts.label} has no glyph for {describe_chars(missing)}, printed by "
            f"the template", file=rendered.template,
            hint="replace the character in the template")])
    b = brand.brand
    title = plain_text(handout.title, brand.placeholders())
    # The band label tells print shops and screen readers which version this is; the
    # child's age and dates never go into metadata.
    full_title = f"{title} ({job.band.label})" if job.band else title
    request = LayoutRequest(
        document=document, kind=handout.kind, sides=handout.sides,
        page=PageInfo(
            clinic=b.name, phone=b.phone, emergency_number=b.emergency_number,
            website=b.website, address=b.address, footer_note=b.footer_note,
            logo=brand.logo_path,
            paper=b.paper, title=title, handout_id=handout.id,
            version=handout.version, review_by=handout.next_review.isoformat(),
            reviewed_on=handout.reviewed_on.isoformat() if handout.reviewed_on else None,
            sample=handout.status == "sample", primary=b.colors.primary,
            accent=b.colors.accent, on_primary=b.colors.on_primary),
        metadata=Metadata(
            title=full_title, author=b.name,
            subject=plain_text(handout.summary, brand.placeholders()),
            keywords=(handout.id, handout.kind, f"version {handout.version}",
                      handout.audience, *([f"age band {job.band.id}"] if job.band else [])),
            language=job.locale),
        words=words, fonts=fonts, image_dir=job.handout.folder,
        source=job.handout.path, label=f"handout '{handout.id}'"
        + (f", band '{job.band.id}'" if job.band else "") + f", brand '{brand.id}'")
    return layout_pdf(request)


def _language(locale: str) -> str:
    return locale.replace("_", "-").split("-")[0].lower()


def check_glyphs(job: BuildJob, fonts: FontSet, words: Words) -> Iterator[Problem]:
    """Every character that will be printed must exist in the font."""
    handout, doc = job.handout.handout, job.handout.doc
    values = job.brand.placeholders()
    printed_keys = {"title", "summary", "sections", "age_bands"}
    for loc, text in strings_in(doc.data, ()):
        if not loc or loc[0] not in printed_keys:
            continue
        missing = missing_glyphs(fill_placeholders(text, values), fonts)
        if missing:
            where = f"handout '{handout.id}'"
            if loc[0] == "sections" and len(loc) > 1 and isinstance(loc[1], int):
                where += f", section '{handout.sections[loc[1]].id}'"
            line, column = doc.find(loc, missing[0])
            yield Problem(f"the font {fonts.label} has no glyph for "
                          f"{describe_chars(missing)} ({where})", file=doc.path, line=line,
                          column=column, key=format_key_path(loc),
                          hint="replace the character, or choose a font that has it")
    b = job.brand.brand
    brand_doc_texts = [b.name, b.phone, b.emergency_number, b.footer_note or "",
                       b.website or "", b.address or "", *vars(words).values()]
    missing = missing_glyphs("".join(brand_doc_texts), fonts)
    if missing:
        yield Problem(f"the font {fonts.label} has no glyph for {describe_chars(missing)} "
                      f"(brand '{job.brand.id}' or interface words)", file=job.brand.path)


def write_atomically(files: list[tuple[Path, bytes]]) -> None:
    """Write each file through a temporary sibling and os.replace (never half a file)."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            staged.append((Path(tmp), path))
        for tmp, path in staged:
            os.replace(tmp, path)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
