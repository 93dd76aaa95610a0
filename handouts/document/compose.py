"""Composing documents: a handout (or a pack's cover) in its language, ready for any
backend.

This is where a job becomes a :class:`Document`: the band's content, rendered through
the kind's template, parsed into the semantic tree; the title, notes and page model in
the build's language; the metadata. Both handouts and covers take what depends on the
locale from one :class:`Language`, made once per run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from handouts.document.fonts import FontSet, describe_chars, missing_glyphs
from handouts.document.model import Document, Metadata, Origin, Typesetting
from handouts.document.page import Identity, Numbering, PagePosition, page_model
from handouts.document.render import (
    TemplateContext,
    date_at_function,
    plain_text,
    render_handout,
    render_template,
)
from handouts.document.semantic import Element, document_text, parse_document
from handouts.document.theme import COVER, FORMATS
from handouts.errors import HandoutsError, Problem
from handouts.i18n.localize import Interface, LocalizedHandout
from handouts.i18n.words import Words
from handouts.locales import format_day, language, script
from handouts.names import Status
from handouts.project.bands import for_band
from handouts.project.brand import LoadedBrand
from handouts.project.packs import LoadedPack
from handouts.project.yamlsource import load_yaml
from handouts.select.jobs import BuildJob


@dataclass(frozen=True)
class Language:
    """Everything a document takes from its locale: interface words, fonts, setting."""

    locale: str
    interface: Interface
    fonts: FontSet

    @property
    def words(self) -> Words:
        return self.interface.words

    @property
    def setting(self) -> Typesetting:
        return Typesetting.for_locale(self.locale)

    def footer_note(self, brand: LoadedBrand) -> str | None:
        """The brand's own footer line: translated like the interface words, or the
        brand's text for this language. HandoutsError when the brand gives texts per
        language but none for this one."""
        b = brand.brand
        note = b.translated_footer_note
        if note is not None:
            return self.interface.translations.pgettext(f"brand:{brand.id}", note)
        if b.footer_note is None:
            return None
        own = b.own_footer_note(self.locale)
        if own is None:
            raise HandoutsError([Problem(
                f"footer_note has no text for '{self.locale}'", file=brand.path,
                line=load_yaml(brand.path).position(("footer_note",), at_key=True)[0],
                hint=f"add '{language(self.locale)}: ...' under footer_note, or "
                     "'all: ...' for a text printed in every language")])
        return own


def with_latin_language(setting: Typesetting, brand: LoadedBrand) -> Typesetting:
    """In a language of another script, Latin words are mostly the clinic's own (its
    name, address, web site): they are in the clinic's language."""
    if script(setting.locale) == "Latn":
        return setting
    return replace(setting, latin_language=brand.brand.locale)


def dates_locale(brand: LoadedBrand, locale: str) -> str:
    """A UK clinic prints UK dates in English; a Spanish sheet uses Spanish dates."""
    return brand.brand.locale if language(brand.brand.locale) == language(locale) else locale


def compose_handout(job: BuildJob, text: LocalizedHandout, lang: Language,
                    search_path: list[Path], position: PagePosition | None = None,
                    child_name: str | None = None, today: dt.date | None = None) -> Document:
    """One handout in one band and language. Inside a pack, ``position`` gives the pack's
    page numbers and ``child_name`` the name that templates may print."""
    brand, words = job.brand, lang.words
    band = next((b for b in text.handout.age_bands if b.id == job.band.id), None) \
        if job.band else None
    handout = for_band(text.handout, band) if band else text.handout
    date_locale = dates_locale(brand, job.locale)
    context = TemplateContext(brand, words, lang.interface.translations, band,
                              job.child if job.shows_child else None,
                              date_at_function(job.child if job.born else None, words,
                                               date_locale), child_name)
    rendered = render_handout(handout, context, search_path)
    body = parse_document(rendered.markup, rendered.template)
    check_template_glyphs(body, lang.fonts, rendered.template)
    b = brand.brand
    title = plain_text(handout.title, brand.placeholders(), words)
    notes = ([words.review_overdue] if handout.next_review < (today or dt.date.today())
             else []) + ([words.sample] if handout.status is Status.SAMPLE else []) + (
        [words.translation_unreviewed] if text.translated and not text.reviewed else [])
    page_format = FORMATS[handout.kind]
    page = page_model(
        brand, words, lang.footer_note(brand), page_format, title=title,
        identity=Identity(handout.id, handout.version,
                          format_day(handout.reviewed_on, date_locale)
                          if handout.reviewed_on else None,
                          format_day(handout.next_review, date_locale)),
        notes=tuple(notes), draft=words.draft_content if handout.status is Status.DRAFT else
        words.draft_translation if text.draft or lang.interface.draft else None,
        numbering=Numbering(words.page_of, words.number) if position is None else
        Numbering(words.page_of, words.number, position.first, position.total),
        qr_url=_qr_address(brand, handout.id, job.locale))
    # The band label tells print shops and screen readers which version this is; the
    # child's age and dates never go into metadata.
    metadata = Metadata(
        title=f"{title} \u2013 {band.label}" if band else title, author=b.name,
        subject=plain_text(handout.summary, brand.placeholders(), words),
        keywords=(handout.id, handout.kind, words.version.format(version=handout.version),
                  handout.audience, *([f"age band {job.band.id}"] if job.band else [])),
        language=job.locale)
    origin = Origin(
        source=text.source or job.handout.path, assets=job.handout.folder,
        label=f"handout '{handout.id}'" + (f", band '{job.band.id}'" if job.band else "")
        + f", brand '{brand.id}'" + (f", locale '{job.locale}'" if text.translated else ""))
    return Document(body, page_format, handout.sides, page, metadata,
                    with_latin_language(lang.setting, brand), words,
                    lang.fonts, origin, calls(brand, words))


@dataclass(frozen=True)
class ContentsEntry:
    """One line of a pack's contents, as the cover template gets it."""

    title: str
    band: str | None
    page: int


@dataclass(frozen=True)
class Cover:
    """What a pack's cover says, in the pack's language."""

    pack: LoadedPack
    brand: LoadedBrand
    title: str
    summary: str | None
    printed_on: dt.date
    contents: tuple[ContentsEntry, ...]
    born: dt.date | None = None
    child_name: str | None = None


def compose_cover(cover: Cover, lang: Language, search_path: list[Path]) -> Document:
    """The cover page(s) of a pack, with the contents and their page numbers."""
    words, brand, pack = lang.words, cover.brand, cover.pack
    date_locale = dates_locale(brand, lang.locale)
    context = TemplateContext(brand, words, lang.interface.translations,
                              child_name=cover.child_name)
    rendered = render_template(
        pack.pack.cover, context, search_path, (pack.path, pack.doc.position(("cover",))[0]),
        title=cover.title, summary=cover.summary,
        born_on=format_day(cover.born, date_locale) if cover.born else None,
        printed_on=format_day(cover.printed_on, date_locale), contents=cover.contents)
    body = parse_document(rendered.markup, rendered.template)
    check_template_glyphs(body, lang.fonts, rendered.template)
    page = page_model(brand, words, lang.footer_note(brand), COVER, title=cover.title,
                      identity=Identity(pack.id),
                      draft=words.draft_translation if lang.interface.draft else None)
    metadata = Metadata(title=cover.title, author=brand.brand.name,
                        subject=cover.summary or "", keywords=(pack.id, "pack"),
                        language=lang.locale)
    origin = Origin(source=pack.path, label=f"the cover of pack '{pack.id}'",
                    assets=pack.path.parent)
    return Document(body, COVER, 1, page, metadata, with_latin_language(lang.setting, brand),
                    words, lang.fonts, origin,
                    calls(brand, words))


def calls(brand: LoadedBrand, words: Words) -> dict[str, str]:
    """The numbers tone boxes print beside their label, in the document's language."""
    b = brand.brand
    found = {"emergency": words.call_now.format(number=b.emergency_number)}
    if b.out_of_hours:
        found["out_of_hours"] = words.out_of_hours.format(number=b.out_of_hours)
    return found


def _qr_address(brand: LoadedBrand, handout_id: str, locale: str) -> str | None:
    try:
        return brand.brand.qr_address(handout_id, locale)
    except ValueError as exc:  # e.g. too long with this handout's id
        message, _, hint = str(exc).partition("|")
        raise HandoutsError([Problem(message, file=brand.path, hint=hint or None)]) from None


def check_template_glyphs(document: Element, fonts: FontSet, template: Path) -> None:
    """Content was checked with its file positions before; what is left is text that
    the template itself prints."""
    missing = missing_glyphs(document_text(document), fonts)
    if missing:
        raise HandoutsError([Problem(
            f"the font {fonts.label} has no glyph for {describe_chars(missing)}, printed by "
            f"the template", file=template, hint="replace the character in the template")])
