"""Packs: several handouts, a cover with contents and blank backs, joined into one PDF.

Every handout of a pack is made by the same pipeline as a single handout
(``build.make_pdf``). This module picks each handout's band, plans the pages (a handout
starts on a right-hand page when the pack prints on both sides), renders the cover from
its template with the real page numbers, and joins the parts with pypdf: bookmarks,
page labels (i, ii for the cover; 1, 2, ... as printed in the footers) and metadata.

The child's name and birth date are printed on the cover (and where a template asks
for the name); they never go into the PDF's metadata, bookmarks or file name.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

from handouts.project.bands import band_for
from handouts.project.brand import LoadedBrand
from handouts.pipeline.build import (Localizer, Variant, check_glyphs, check_template_glyphs, dates_locale,
                    make_pdf, page_info, template_search_path)
from handouts.errors import HandoutsError, Problem, ProblemList
from handouts.backends.pdf.layout import LayoutRequest, Metadata, PageNumbering, blank_page, layout_pdf
from handouts.locales import format_day, hyphenation_language, is_rtl, needs_shaping
from handouts.project.packs import BY_AGE, LoadedPack
from handouts.project.loader import Project
from handouts.document.render import TemplateContext, plain_text, render_template
from handouts.select.jobs import AgeRequest, BuildJob
from handouts.document.semantic import parse_document
from handouts.backends.pdf.shaped_text import TextDirection


@dataclass(frozen=True)
class PackRequest:
    """One pack to print: for which clinic, in which language, for which child."""

    pack: LoadedPack
    brand: LoadedBrand
    locale: str
    printed_on: dt.date
    age: AgeRequest | None = None
    child_name: str | None = None
    duplex: bool = True

    @property
    def personal(self) -> bool:
        return self.child_name is not None or (self.age is not None and
                                               self.age.born is not None)

    def output_path(self, out_dir: Path) -> Path:
        # Never the name or the birth date: only that the file is someone's own.
        suffix = "--personal" if self.personal else ""
        return out_dir / self.brand.id / self.locale / "packs" / f"{self.pack.id}{suffix}.pdf"


@dataclass(frozen=True)
class Part:
    """One handout of the pack, made."""

    job: BuildJob
    title: str  # in the pack's language, with the band label
    band: str | None
    imposition: str | None
    pages: int
    first: int = 0  # its first page number in the pack (the cover is not counted)


@dataclass(frozen=True)
class BuiltPack:
    data: bytes
    pages: int
    parts: list[Part]


def pack_jobs(project: Project, request: PackRequest) -> list[tuple[BuildJob, str | None]]:
    """The handouts of a pack, each in its band, with how it is imposed."""
    pack = request.pack
    problems = ProblemList()
    jobs = []
    for index, part in enumerate(pack.pack.handouts):
        handout = project.handouts[part.handout]
        imposition = None if part.imposition == "none" else part.imposition
        if not handout.handout.age_bands:
            jobs.append((BuildJob(handout, request.brand, request.locale), imposition))
        elif part.band != BY_AGE:
            band = next(b for b in handout.handout.age_bands if b.id == part.band)
            jobs.append((BuildJob(handout, request.brand, request.locale, band), imposition))
        elif request.age is None:
            problems.add(pack.doc.problem(
                ("handouts", index, "band"),
                f"the pack '{pack.id}' picks the band of '{handout.id}' by the child's age",
                "give the birth date with --born YYYY-MM-DD (or an age, e.g. --age 2w)"))
        else:
            try:
                child = request.age.child(handout)
                band = band_for(handout, child)
            except HandoutsError as exc:
                problems.extend(exc.problems)
                continue
            jobs.append((BuildJob(handout, request.brand, request.locale, band, child,
                                  request.age.born, request.age.gestation_days is not None),
                         imposition))
    problems.raise_if_any()
    return jobs


def make_pack(project: Project, request: PackRequest, allow_draft: bool = False) -> BuiltPack:
    """The pack as one PDF, made in memory; every problem of every part is reported."""
    localizer = Localizer(project, allow_draft)
    interface = localizer.interface(request.locale)
    fonts = localizer.fonts(request.locale)
    problems = ProblemList()
    parts: list[Part] = []
    for job, imposition in pack_jobs(project, request):
        try:
            text = localizer.handout(job)
            missing = list(check_glyphs(job, text, interface, fonts))
            if missing:
                problems.extend(missing)
                continue
            _, pages = make_pdf(project, job, text, interface, fonts, Variant(
                imposition=imposition), child_name=request.child_name)
        except HandoutsError as exc:
            problems.extend(exc.problems)
            continue
        words = interface.words
        title = plain_text(text.handout.title, job.brand.placeholders(), words)
        band = next((b.label for b in text.handout.age_bands
                     if job.band is not None and b.id == job.band.id), None)
        parts.append(Part(job, title, band and plain_text(band, {}, words), imposition, pages))
    problems.raise_if_any()

    cover_pages = len(PdfReader(io.BytesIO(_cover(project, request, parts, localizer))).pages)
    front, order, total = _plan(cover_pages, parts, request.duplex)
    parts = [Part(p.job, p.title, p.band, p.imposition, p.pages, first) for p, first in
             zip(parts, [first for kind, first in order if kind == "part"])]
    documents: list[bytes] = [_cover(project, request, parts, localizer)]
    blank = blank_page(request.brand.brand.paper, interface.words.blank_page, fonts,
                       request.locale, TextDirection(is_rtl(request.locale),
                                                     needs_shaping(request.locale)))
    numbering = iter(parts)
    for kind, _ in [("blank", 0)] * (front - cover_pages) + order:
        if kind == "blank":
            documents.append(blank)
            continue
        part = next(numbering)
        data, _ = make_pdf(project, part.job, localizer.handout(part.job), interface, fonts,
                           Variant(imposition=part.imposition),
                           PageNumbering(part.first, total), request.child_name)
        documents.append(data)
    data = _join(documents, parts, front, request, localizer)
    return BuiltPack(data, front + total, parts)


def check_covers(project: Project, locales: list[str], allow_draft: bool = False
                 ) -> list[Problem]:
    """Render every pack's cover for every brand and locale, as ``check`` builds every
    handout, so a mistake in a cover template shows before anyone prints a pack."""
    localizer = Localizer(project, allow_draft)
    problems = ProblemList()
    for loaded in project.packs.values():
        for brand in project.brands.values():
            for locale in locales:
                request = PackRequest(loaded, brand, locale, printed_on=dt.date.today())
                parts = [Part(BuildJob(project.handouts[p.handout], brand, locale),
                              project.handouts[p.handout].handout.title, None, None, 1, 1)
                         for p in loaded.pack.handouts]
                try:
                    _cover(project, request, parts, localizer)
                except HandoutsError as exc:
                    problems.extend(exc.problems)
    return problems.problems


def _plan(cover_pages: int, parts: list[Part],
          duplex: bool) -> tuple[int, list[tuple[str, int]], int]:
    """Front matter pages, the order of parts and blank pages (with the first page
    number of each part), and the number of numbered pages.

    On both sides, page 1, 3, 5... of the paper stack are right-hand pages: a handout
    starts on one, so a blank page goes before it when the last one ended on the right.
    """
    front = cover_pages + (cover_pages % 2 if duplex else 0)
    order: list[tuple[str, int]] = []
    printed = front
    for part in parts:
        if duplex and printed % 2:
            order.append(("blank", 0))
            printed += 1
        order.append(("part", printed - front + 1))
        printed += part.pages
    if duplex and printed % 2:  # the next pack starts on a fresh sheet
        order.append(("blank", 0))
        printed += 1
    return front, order, printed - front


def _cover(project: Project, request: PackRequest, parts: list[Part],
           localizer: Localizer) -> bytes:
    """The cover page(s), with the contents and their page numbers."""
    interface = localizer.interface(request.locale)
    fonts = localizer.fonts(request.locale)
    words = interface.words
    pack, brand = request.pack.pack, request.brand
    date_locale = dates_locale(brand, request.locale)
    title = interface.translations.pgettext(f"pack:{pack.id}", pack.title)
    summary = interface.translations.pgettext(f"pack:{pack.id}:summary", pack.summary) \
        if pack.summary else None
    born = request.age.born if request.age is not None else None
    context = TemplateContext(brand, words, interface.translations,
                              child_name=request.child_name)
    search_path = template_search_path(project, brand)
    rendered = render_template(
        pack.cover, context, search_path, title=title, summary=summary,
        born_on=format_day(born, date_locale) if born else None,
        printed_on=format_day(request.printed_on, date_locale),
        contents=[{"title": part.title, "band": part.band, "page": part.first}
                  for part in parts])
    document = parse_document(rendered.markup, rendered.template)
    check_template_glyphs(document, fonts, rendered.template)
    layout = LayoutRequest(
        document=document, kind="cover", sides=1,
        page=page_info(brand, interface, title=title, handout_id=pack.id,
                       draft=interface.draft),
        metadata=Metadata(title=title, author=brand.brand.name, subject=summary or "",
                          keywords=(pack.id, "pack"), language=request.locale),
        words=words, fonts=fonts, image_dir=request.pack.path.parent,
        source=request.pack.path, label=f"the cover of pack '{pack.id}'",
        hyphenation=hyphenation_language(request.locale), rtl=is_rtl(request.locale),
        shaping=needs_shaping(request.locale))
    data, _ = layout_pdf(layout)
    return data


def _join(documents: list[bytes], parts: list[Part], front: int, request: PackRequest,
          localizer: Localizer) -> bytes:
    writer = PdfWriter()
    for data in documents:
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
    interface = localizer.interface(request.locale)
    pack = request.pack.pack
    title = interface.translations.pgettext(f"pack:{pack.id}", pack.title)
    writer.add_outline_item(title=title, page_number=0)
    for part in parts:
        label = f"{part.title} ({part.band})" if part.band else part.title
        writer.add_outline_item(title=label, page_number=front + part.first - 1)
    writer.set_page_label(0, front - 1, style="/r")
    writer.set_page_label(front, len(writer.pages) - 1, style="/D", start=1)
    summary = interface.translations.pgettext(f"pack:{pack.id}:summary", pack.summary) \
        if pack.summary else ""
    writer.add_metadata({"/Title": title, "/Author": request.brand.brand.name,
                         "/Subject": summary, "/Keywords": f"{pack.id}, pack",
                         "/Creator": "handouts"})
    root = writer.root_object
    root[NameObject("/Lang")] = TextStringObject(request.locale)
    root[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)})
    writer.page_mode = "/UseOutlines"
    writer.compress_identical_objects()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

