"""Packs: several handouts, a cover with contents and blank backs, as one PDF.

Every handout of a pack is composed and written like a single handout. This module picks
each handout's band, plans the pages (a handout starts on a right-hand page when the
pack prints on both sides), composes the cover with the real page numbers, and has the
PDF backend join the parts (bookmarks, page labels, metadata). A pack is a print
product, so it is PDF only.

The child's name and birth date are printed on the cover (and where a template asks
for the name); they never go into the PDF's metadata, bookmarks or file name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from handouts.backends.base import Output
from handouts.backends.pdf.backend import PdfBackend
from handouts.backends.pdf.options import PdfOptions
from handouts.backends.pdf.packs import Bookmark, blank_page, join_pack
from handouts.backends.pdf.shaped_text import TextDirection
from handouts.document.compose import ContentsEntry, Cover, Language, compose_cover, compose_handout
from handouts.document.model import Metadata
from handouts.document.page import PagePosition
from handouts.document.render import plain_text
from handouts.errors import HandoutsError, Problem, ProblemList
from handouts.names import Imposition
from handouts.pipeline.context import Session
from handouts.pipeline.make import check_glyphs
from handouts.pipeline.policy import Policy
from handouts.project.brand import LoadedBrand
from handouts.project.loader import Project
from handouts.project.packs import BY_AGE, LoadedPack
from handouts.select.jobs import AgeRequest, BuildJob, band_for, pick

PDF = PdfBackend()


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

    @classmethod
    def create(cls, project: Project, pack_id: str, *, brand_id: str | None = None,
               locale: str | None = None, printed_on: dt.date | None = None,
               age: AgeRequest | None = None, child_name: str | None = None,
               duplex: bool | None = None) -> PackRequest:
        """A request with the project's defaults: its first brand and locale, today,
        and the pack's own duplex setting."""
        (loaded,) = pick("pack", (pack_id,), project.packs)
        brand_id = brand_id or (project.config.brands or sorted(project.brands))[0]
        (brand,) = pick("brand", (brand_id,), project.brands)
        return cls(loaded, brand, locale or project.config.locales[0],
                   printed_on or dt.date.today(), age, child_name,
                   loaded.pack.duplex if duplex is None else duplex)

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
    title: str  # in the pack's language
    band: str | None  # the band's label, in the pack's language
    imposition: Imposition
    pages: int
    first: int = 0  # its first page number in the pack (the cover is not counted)

    @property
    def bookmark(self) -> str:
        return f"{self.title} \u2013 {self.band}" if self.band else self.title


@dataclass(frozen=True)
class BuiltPack:
    data: bytes
    pages: int
    parts: list[Part]


def pack_jobs(project: Project, request: PackRequest) -> list[tuple[BuildJob, Imposition]]:
    """The handouts of a pack, each in its band, with how it is imposed."""
    pack = request.pack
    problems = ProblemList()
    jobs = []
    for index, part in enumerate(pack.pack.handouts):
        handout = project.handouts[part.handout]
        brand, locale = request.brand, request.locale
        imposition = part.imposition_of(handout.handout)
        if not handout.handout.age_bands:
            jobs.append((BuildJob(handout, brand, locale), imposition))
        elif part.band != BY_AGE:
            band = next(b for b in handout.handout.age_bands if b.id == part.band)
            jobs.append((BuildJob(handout, brand, locale, band), imposition))
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
            jobs.append((BuildJob(handout, brand, locale, band, child, request.age.born,
                                  request.age.gestation_days is not None), imposition))
    problems.raise_if_any()
    return jobs


def make_pack(project: Project, request: PackRequest, policy: Policy = Policy()) -> BuiltPack:
    """The pack as one PDF, made in memory; every problem of every part is reported."""
    session = Session(project, policy)
    lang = session.language(request.locale)
    parts = _measure_parts(session, request, lang)
    cover_pages = _cover(session, request, parts, lang).pages
    front, order, total = _plan(cover_pages, parts, request.duplex)
    parts = [replace(part, first=first) for part, first in
             zip(parts, [first for kind, first in order if kind == "part"])]
    documents: list[bytes] = [_cover(session, request, parts, lang).data]
    blank = blank_page(request.brand.brand.paper, lang.words.blank_page, lang.fonts,
                       request.locale, TextDirection(lang.setting.rtl, lang.setting.shaped))
    numbered = iter(parts)
    for kind, _ in [("blank", 0)] * (front - cover_pages) + order:
        if kind == "blank":
            documents.append(blank)
            continue
        part = next(numbered)
        documents.append(_write_part(session, request, part, lang,
                                     PagePosition(part.first, total)).data)
    title, summary = _cover_words(request, lang)
    bookmarks = [Bookmark(title, 0)] + [Bookmark(part.bookmark, front + part.first - 1)
                                        for part in parts]
    data = join_pack(documents, bookmarks, front, Metadata(
        title=title, author=request.brand.brand.name, subject=summary or "",
        keywords=(request.pack.id, "pack"), language=request.locale))
    return BuiltPack(data, front + total, parts)


def _measure_parts(session: Session, request: PackRequest, lang: Language) -> list[Part]:
    """Each handout made once, to know its title and how many pages it takes."""
    problems = ProblemList()
    parts: list[Part] = []
    for job, imposition in pack_jobs(session.project, request):
        try:
            text = session.handout(job)
            missing = list(check_glyphs(job, text, lang))
            if missing:
                problems.extend(missing)
                continue
            part = Part(job, plain_text(text.handout.title, job.brand.placeholders(),
                                        lang.words), None, imposition, 0)
            pages = _write_part(session, request, part, lang, None).pages
        except HandoutsError as exc:
            problems.extend(exc.problems)
            continue
        band = next((b.label for b in text.handout.age_bands
                     if job.band is not None and b.id == job.band.id), None)
        parts.append(replace(part, band=band and plain_text(band, {}, lang.words),
                             pages=pages))
    problems.raise_if_any()
    return parts


def _write_part(session: Session, request: PackRequest, part: Part, lang: Language,
                position: PagePosition | None) -> Output:
    document = compose_handout(part.job, session.handout(part.job), lang,
                               session.search_path(part.job.brand), position,
                               request.child_name)
    return PDF.write(document, PdfOptions(imposition=part.imposition))


def check_covers(project: Project, locales: list[str], policy: Policy = Policy()
                 ) -> list[Problem]:
    """Render every pack's cover for every brand and locale, as ``check`` builds every
    handout, so a mistake in a cover template shows before anyone prints a pack."""
    session = Session(project, policy)
    problems = ProblemList()
    for loaded in project.packs.values():
        for brand in project.brands.values():
            for locale in locales:
                request = PackRequest(loaded, brand, locale, printed_on=dt.date.today())
                parts = [Part(BuildJob(project.handouts[p.handout], brand, locale),
                              project.handouts[p.handout].handout.title, None,
                              Imposition.NONE, 1, 1) for p in loaded.pack.handouts]
                try:
                    _cover(session, request, parts, session.language(locale))
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


def _cover_words(request: PackRequest, lang: Language) -> tuple[str, str | None]:
    """The pack's title and summary, translated like the interface words."""
    pack = request.pack.pack
    translations = lang.interface.translations
    title = translations.pgettext(f"pack:{pack.id}", pack.title)
    summary = translations.pgettext(f"pack:{pack.id}:summary", pack.summary) \
        if pack.summary else None
    return title, summary


def _cover(session: Session, request: PackRequest, parts: list[Part],
           lang: Language) -> Output:
    """The cover page(s), with the contents and their page numbers."""
    title, summary = _cover_words(request, lang)
    cover = Cover(request.pack, request.brand, title, summary, request.printed_on,
                  tuple(ContentsEntry(part.title, part.band, part.first) for part in parts),
                  request.age.born if request.age is not None else None, request.child_name)
    document = compose_cover(cover, lang, session.search_path(request.brand))
    return PDF.write(document, PdfOptions())
