"""The page model: what is printed around the content, as text, decided once.

The header and footer lines, the page numbers (a handout's own, a pack's, or none on a
cover), the status notes and the QR code's address are words, not layout; so they are
made here, in the document stage, and every backend prints the same ones. A backend
decides only where they go.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from handouts.document.theme import PageFormat, Theme
from handouts.i18n.words import Words
from handouts.project.brand import LoadedBrand

SEPARATOR = "  \u00b7  "  # between the parts of a footer line


@dataclass(frozen=True)
class FooterLine:
    text: str
    strong: bool = False  # the disclaimer: bold, in full ink


@dataclass(frozen=True)
class Numbering:
    """Page numbers as the footer prints them: "Page 2 of 3". Inside a pack a handout's
    first page is ``first`` of the pack's ``total``."""

    pattern: str  # "Page {page} of {pages}", in the document's language
    number: Callable[[int], str]  # digits of the locale
    first: int = 1
    total: int | None = None  # None: the document's own page count

    def label(self, page: int, pages: int) -> str:
        if self.total is not None:
            page, pages = self.first + page - 1, self.total
        return self.pattern.format(page=self.number(page), pages=self.number(pages))


@dataclass(frozen=True)
class PagePosition:
    """Where a handout sits in a pack: its first page number, and the pack's pages."""

    first: int
    total: int


@dataclass(frozen=True)
class QrLink:
    """The online version of a handout: the address a QR code carries, and the address
    printed under it (without https://) for people who cannot scan."""

    url: str

    @property
    def label(self) -> str:
        return re.sub(r"^https?://", "", self.url)


@dataclass(frozen=True)
class Identity:
    """Which handout and edition a page belongs to (dates in the locale's format)."""

    handout_id: str
    version: int | None = None  # None on a pack's cover
    reviewed_on: str | None = None
    review_by: str | None = None


@dataclass(frozen=True)
class PageModel:
    paper: str
    theme: Theme
    clinic: str
    contact: str  # under the clinic's name on the first page: phone (and website)
    title: str  # the running header of later pages
    logo: Path | None
    footer: tuple[FooterLine, ...]
    notes: str  # status notes: sample content, unreviewed translation, review overdue
    draft: str | None  # "Draft translation": stamped across every page
    numbering: Numbering | None  # None: no page numbers (a pack's cover)
    qr: QrLink | None


def page_model(brand: LoadedBrand, words: Words, footer_note: str | None,
               page_format: PageFormat, *, title: str, identity: Identity,
               notes: tuple[str, ...] = (), draft: str | None = None,
               numbering: Numbering | None = None, qr_url: str | None = None) -> PageModel:
    """The header and footer of one document: the brand around it, in its language."""
    b = brand.brand
    contact = words.phone.format(phone=b.phone)
    if b.website and page_format.website_in_header:
        contact += "   \u00b7   " + b.website
    return PageModel(
        paper=b.paper, theme=Theme(b.colors.primary, b.colors.accent, b.colors.on_primary),
        clinic=b.name, contact=contact, title=title, logo=brand.logo_path,
        footer=_footer_lines(brand, words, footer_note, page_format, identity),
        notes=" ".join(notes), draft=draft,
        numbering=numbering,
        qr=QrLink(qr_url) if qr_url and page_format.qr_code else None)


def _footer_lines(brand: LoadedBrand, words: Words, footer_note: str | None,
                  page_format: PageFormat, identity: Identity) -> tuple[FooterLine, ...]:
    """Contact and disclaimer, then the handout's identity; a card has room for two
    lines, so it keeps the identity and the disclaimer."""
    b = brand.brand
    ident = SEPARATOR.join(filter(None, [
        identity.handout_id,
        words.version.format(version=identity.version) if identity.version else None,
        words.reviewed.format(date=identity.reviewed_on) if identity.reviewed_on else None,
        words.review_by.format(date=identity.review_by) if identity.review_by else None]))
    disclaimer = FooterLine(words.disclaimer, strong=True)
    if not page_format.full_footer:
        return (FooterLine(ident), disclaimer)
    contact = SEPARATOR.join(filter(None, [b.name, b.address, words.phone.format(phone=b.phone)]))
    return (FooterLine(contact), disclaimer,
            FooterLine(SEPARATOR.join(filter(None, [ident, footer_note]))))
