"""The pipeline for one PDF, and writing a set of them safely.

    project (config, content, brands)  ->  select jobs  ->  check glyphs
    ->  render template  ->  parse semantic document  ->  lay out  ->  write PDF

Every PDF of a run is made in memory first; files are written only when all of them
succeeded, each through a temporary file and an atomic rename, so a failed build never
leaves a partial file or replaces a good one.
"""

from __future__ import annotations

import datetime as dt

from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable, Iterator
from typing import TypeVar

from handouts.project.bands import for_band
from handouts.project.content import Handout, fill_placeholders
from handouts.errors import HandoutsError, Problem, ProblemList
from handouts.backends.pdf.imposition import impose
from handouts.document.fonts import FontSet, describe_chars, font_set, missing_glyphs
from handouts.project.brand import LoadedBrand
from handouts.backends.pdf.layout import LayoutRequest, Metadata, PageInfo, PageNumbering, layout_pdf
from handouts.locales import (format_day, hyphenation_language, is_rtl, language, needs_shaping,
                      script)
from handouts.i18n.localize import Interface, LocalizedHandout, interface_for, localize
from handouts.project.loader import Project
from handouts.document.render import TemplateContext, date_at_function, plain_text, render_handout
from handouts.select.jobs import BuildJob
from handouts.document.semantic import Element, document_text, parse_document
from handouts.i18n.catalogs import interface_template
from handouts.i18n.messages import project_messages
from handouts.i18n.translate import catalog_files

T = TypeVar("T")


@dataclass(frozen=True)
class Variant:
    """How the PDFs of a run are finished, beside the plain colour files."""

    grayscale: bool = False  # a proof in grey, for black-and-white printers
    fillable: bool = False  # form fields for tick boxes and write-in lines
    imposition: str | None = None  # "2up" | "4up": cards placed on sheets to cut

    def suffix(self) -> str:
        """``--fillable``, ``--4up``, ``--grayscale``: variants never replace the plain file."""
        return "".join(f"--{part}" for part in (
            "fillable" if self.fillable else None, self.imposition,
            "grayscale" if self.grayscale else None) if part)

    def applies_to(self, handout: Handout) -> bool:
        """Imposition is for cards, form fields for handouts with tick boxes."""
        if self.imposition and handout.kind != "card":
            return False
        return not self.fillable or has_tick_boxes(handout)


def has_tick_boxes(handout: Handout) -> bool:
    return handout.kind == "checklist" or any(
        block.checklist for section in handout.sections for block in section.body)


@dataclass(frozen=True)
class BuiltPdf:
    job: BuildJob
    path: Path
    data: bytes
    pages: int


def template_search_path(project: Project, brand: LoadedBrand) -> list[Path]:
    """A brand's own templates first, then the project's."""
    brand_templates = brand.templates_path
    return [p for p in (brand_templates, project.templates_dir) if p is not None]


class Localizer:
    """Translations, interface words and fonts per locale, each made once per run."""

    def __init__(self, project: Project, allow_draft: bool) -> None:
        self.project = project
        self.allow_draft = allow_draft
        self.files = catalog_files(project)
        self._handouts: dict[tuple[str, str], LocalizedHandout] = {}
        self._interfaces: dict[str, Interface] = {}
        self._wanted = interface_template(project.template_dirs(), project.root, "",
                                          project_messages(project.brands.values(), project.packs.values()))

    def handout(self, job: BuildJob) -> LocalizedHandout:
        key = (job.handout.id, job.locale)
        if key not in self._handouts:
            self._handouts[key] = localize(job.handout, job.locale, self.files,
                                           self.allow_draft)
        return self._handouts[key]

    def interface(self, locale: str) -> Interface:
        if locale not in self._interfaces:
            self._interfaces[locale] = interface_for(locale, self.files, self._wanted,
                                                     self.allow_draft)
        return self._interfaces[locale]

    def fonts(self, locale: str) -> FontSet:
        code = script(locale)
        family = self.project.config.fonts.get(code)
        if family is None:
            raise HandoutsError([Problem(
                f"no font is set for the script '{code}', which locale '{locale}' is "
                "written in", file=self.project.config_doc.path, key="fonts",
                hint=f"add a fontpkg family with static faces under 'fonts:' in "
                     f"handouts.yaml, e.g. '{code}: <family>'")])
        try:
            return font_set(family)
        except HandoutsError as exc:
            doc = self.project.config_doc
            raise HandoutsError([doc.problem(("fonts", code), p.message, p.hint)
                                 for p in exc.problems]) from None


def make_pdfs(project: Project, jobs: list[BuildJob], out_dir: Path,
              allow_draft: bool = False, variant: Variant = Variant()) -> list[BuiltPdf]:
    """Make every PDF in memory; all problems of all jobs are reported together.

    A variant is named after it (``<name>--grayscale.pdf``), beside the plain file."""
    localizer = Localizer(project, allow_draft)
    problems = ProblemList()
    built = []
    for job in jobs:
        # Each part is tried on its own, so one run lists every unfinished catalog.
        text = _attempt(problems, lambda: localizer.handout(job))
        interface = _attempt(problems, lambda: localizer.interface(job.locale))
        fonts = _attempt(problems, lambda: localizer.fonts(job.locale))
        if text is None or interface is None or fonts is None:
            continue
        glyph_problems = list(check_glyphs(job, text, interface, fonts))
        if glyph_problems:
            problems.extend(glyph_problems)
            continue
        try:
            data, pages = make_pdf(project, job, text, interface, fonts, variant)
        except HandoutsError as exc:
            problems.extend(exc.problems)
            continue
        path = job.output_path(out_dir)
        path = path.with_name(f"{path.stem}{variant.suffix()}.pdf")
        built.append(BuiltPdf(job, path, data, pages))
    problems.raise_if_any()
    return built


def _attempt(problems: ProblemList, step: Callable[[], T]) -> T | None:
    try:
        return step()
    except HandoutsError as exc:
        problems.extend(exc.problems)
        return None


def make_pdf(project: Project, job: BuildJob, text: LocalizedHandout, interface: Interface,
             fonts: FontSet, variant: Variant = Variant(), numbering: PageNumbering | None = None,
             child_name: str | None = None) -> tuple[bytes, int]:
    """One PDF and its page count (of sheets, when cards are imposed). Inside a pack,
    ``numbering`` gives the pack's page numbers and ``child_name`` the name that
    templates may print."""
    brand, words = job.brand, interface.words
    band = next((b for b in text.handout.age_bands if b.id == job.band.id), None) \
        if job.band else None
    handout = for_band(text.handout, band) if band else text.handout
    date_locale = dates_locale(brand, job.locale)
    context = TemplateContext(brand, words, interface.translations, band,
                              job.child if job.shows_child else None,
                              date_at_function(job.child if job.born else None, words,
                                               date_locale), child_name)
    rendered = render_handout(handout, context, template_search_path(project, job.brand))
    document = parse_document(rendered.markup, rendered.template)
    check_template_glyphs(document, fonts, rendered.template)
    b = brand.brand
    title = plain_text(handout.title, brand.placeholders(), words)
    # The band label tells print shops and screen readers which version this is; the
    # child's age and dates never go into metadata.
    full_title = f"{title} ({band.label})" if band else title
    notes = ([words.review_overdue] if handout.next_review < dt.date.today() else []) + (
        [words.sample] if handout.status == "sample" else []) + (
        [words.translation_unreviewed] if text.catalog and not text.reviewed else [])
    request = LayoutRequest(
        document=document, kind=handout.kind, sides=handout.sides,
        page=page_info(
            brand, interface, title=title, handout_id=handout.id, version=handout.version,
            review_by=format_day(handout.next_review, date_locale),
            reviewed_on=format_day(handout.reviewed_on, date_locale)
            if handout.reviewed_on else None,
            notes=tuple(notes), draft=text.draft or interface.draft,
            qr_url=b.qr_address(handout.id, job.locale)),
        metadata=Metadata(
            title=full_title, author=b.name,
            subject=plain_text(handout.summary, brand.placeholders(), words),
            keywords=(handout.id, handout.kind, words.version.format(version=handout.version),
                      handout.audience, *([f"age band {job.band.id}"] if job.band else [])),
            language=job.locale),
        words=words, fonts=fonts, image_dir=job.handout.folder,
        source=text.catalog or job.handout.path,
        label=f"handout '{handout.id}'" + (f", band '{job.band.id}'" if job.band else "")
        + f", brand '{brand.id}'" + (f", locale '{job.locale}'" if text.catalog else ""),
        hyphenation=hyphenation_language(job.locale), grayscale=variant.grayscale,
        fillable=variant.fillable, numbering=numbering, rtl=is_rtl(job.locale),
        shaping=needs_shaping(job.locale))
    data, pages = layout_pdf(request)
    if variant.imposition:
        return impose(data, b.paper, variant.imposition)
    return data, pages


def dates_locale(brand: LoadedBrand, locale: str) -> str:
    """A UK clinic prints UK dates in English; a Spanish sheet uses Spanish dates."""
    return brand.brand.locale if language(brand.brand.locale) == language(locale) else locale


def page_info(brand: LoadedBrand, interface: Interface, *, title: str, handout_id: str,
              version: int | None = None, review_by: str | None = None,
              reviewed_on: str | None = None, notes: tuple[str, ...] = (),
              draft: bool = False, qr_url: str | None = None) -> PageInfo:
    """The page frame of one document: the brand's header and footer around it."""
    b = brand.brand
    return PageInfo(
        clinic=b.name, phone=b.phone, emergency_number=b.emergency_number,
        website=b.website, address=b.address,
        footer_note=interface.translations.pgettext(f"brand:{brand.id}", b.footer_note)
        if b.footer_note else None,
        logo=brand.logo_path, paper=b.paper, title=title, handout_id=handout_id,
        version=version, review_by=review_by, reviewed_on=reviewed_on, notes=notes,
        draft=interface.words.draft_translation if draft else None,
        primary=b.colors.primary, accent=b.colors.accent, on_primary=b.colors.on_primary,
        qr_url=qr_url)


def check_template_glyphs(document: Element, fonts: FontSet, template: Path) -> None:
    """Content was checked with its file positions before; what is left is text that
    the template itself prints."""
    missing = missing_glyphs(document_text(document), fonts)
    if missing:
        raise HandoutsError([Problem(
            f"the font {fonts.label} has no glyph for {describe_chars(missing)}, printed by "
            f"the template", file=template, hint="replace the character in the template")])


def check_glyphs(job: BuildJob, text: LocalizedHandout, interface: Interface,
                 fonts: FontSet) -> Iterator[Problem]:
    """Every character that will be printed must exist in the font."""
    values = job.brand.placeholders()
    for printed in text.printed:
        missing = missing_glyphs(fill_placeholders(printed.text, values), fonts)
        if missing:
            line, column = printed.position_of(missing[0])
            yield Problem(f"the font {fonts.label} has no glyph for "
                          f"{describe_chars(missing)} (handout '{job.handout.id}', "
                          f"{printed.where})", file=printed.file, line=line, column=column,
                          key=printed.key,
                          hint="replace the character, or choose a font that has it")
    b = job.brand.brand
    brand_texts = [b.name, b.phone, b.emergency_number, b.footer_note or "",
                   b.website or "", b.address or ""]
    missing = missing_glyphs("".join(brand_texts), fonts)
    if missing:
        yield Problem(f"the font {fonts.label} has no glyph for {describe_chars(missing)} "
                      f"(brand '{job.brand.id}')", file=job.brand.path)
    words = interface.words
    missing = missing_glyphs("".join(str(getattr(words, f)) for f in vars(words)
                                     if isinstance(getattr(words, f), str)), fonts)
    if missing:
        yield Problem(f"the font {fonts.label} has no glyph for {describe_chars(missing)} "
                      f"(interface words of '{job.locale}')",
                      file=interface.catalogs[0] if interface.catalogs else None)
