"""Laying out a document with ReportLab, in one pass when the page count is foreseen.

"Page X of Y" needs Y. The body's layout does not depend on the footer's words, so the
document is laid out once with the page count it is expected to have; only when that
guess was wrong is it laid out again with the real count. The same pass tells how far
a card overflows its sides. ``invariant=1`` makes the bytes reproducible.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate

from handouts.backends.pdf.frame import PageFrame
from handouts.backends.pdf.options import PdfOptions
from handouts.backends.pdf.shaped_text import TextDirection
from handouts.backends.pdf.story import StoryBuilder
from handouts.backends.pdf.fields import FieldText
from handouts.backends.pdf.structure import tag_pdf
from handouts.backends.pdf.styles import Styles
from handouts.backends.pdf.tagging import Tagger
from handouts.colors import gray_equivalent
from handouts.document.model import Document
from handouts.document.theme import MM
from handouts.errors import HandoutsError, Problem


def to_gray(color: Any) -> colors.Color:
    """ReportLab's colour hook: every fill and stroke as its grey of equal luminance."""
    rgb = colors.toColor(color)
    return colors.Color(*gray_equivalent(rgb.rgb()), alpha=rgb.alpha)


def direction_of(document: Document) -> TextDirection:
    setting = document.setting
    return TextDirection(setting.rtl, setting.shaped, setting.latin_language)


# A last page filled less than this is worth trying to do without.
SPARSE_LAST_PAGE = 0.4


@dataclass(frozen=True)
class LaidOut:
    data: bytes
    pages: int
    last_page_fill: float  # the share of the last page's text area the content uses
    overflow: float = 0.0  # points of text past a card's last side


def layout_pdf(document: Document, options: PdfOptions = PdfOptions(),
               expected_pages: int | None = None) -> LaidOut:
    """The finished PDF, its page count and how full its last page is. HandoutsError
    when a card does not fit."""
    guess = expected_pages or expected_page_count(document)
    laid_out = _build(document, guess, options)
    sparse = laid_out.pages > 1 and laid_out.last_page_fill < SPARSE_LAST_PAGE
    if (laid_out.pages > guess or sparse) and not document.format.fit_sides:
        # A few lines over: less room between blocks rather than one more page.
        tighter = replace(document, format=document.format.tightened())
        retry = _build(tighter, guess, options)
        if retry.pages < laid_out.pages:
            document, laid_out = tighter, retry
    pages, overflow = laid_out.pages, laid_out.overflow
    sides = document.sides
    if document.format.fit_sides and pages > sides:
        raise HandoutsError([Problem(
            f"{document.origin.label}: the card does not fit on {sides} "
            f"side{'s' if sides > 1 else ''}; it is too long by about "
            f"{overflow / MM:.0f} mm of text", file=document.origin.source,
            hint="shorten the text" + (", or set 'sides: 2'" if sides == 1 else ""))])
    if pages != guess and _numbers_depend_on_count(document):
        laid_out = _build(document, pages, options)
    return laid_out


def expected_page_count(document: Document) -> int:
    """A card fills its sides; most sheets and checklists take both sides of a sheet."""
    return document.sides if document.format.fit_sides else 2


def _numbers_depend_on_count(document: Document) -> bool:
    """Whether a footer prints the document's own page count (not a pack's, or none)."""
    numbering = document.page.numbering
    return numbering is not None and numbering.total is None


class _Doc(BaseDocTemplate):
    """Remembers where the last flowable ended, to measure how far a card overflows."""

    end_y: float | None = None

    def afterFlowable(self, flowable: Flowable) -> None:
        if self.frame is not None:
            self.end_y = float(getattr(self.frame, "_y"))  # where the next flowable goes


def _build(document: Document, total_pages: int, options: PdfOptions) -> LaidOut:
    direction = direction_of(document)
    meta = document.metadata
    tagger = Tagger(meta.language)
    frame = PageFrame(document, direction, options, total_pages, tagger)
    setting = document.setting
    styles = Styles(document.fonts, document.format, document.page.theme, direction,
                    None if setting.shaped else setting.hyphenation)
    first, later = frame.frames()
    story = StoryBuilder(document, styles, first.width, options, tagger).build(document.body)
    frame.add_end_nodes()
    buffer = io.BytesIO()
    doc = _Doc(
        buffer, pagesize=frame.size, invariant=1, title=meta.title, author=meta.author,
        subject=meta.subject, keywords=list(meta.keywords), creator="handouts",
        lang=meta.language, displayDocTitle=1,
        enforceColorSpace=to_gray if options.grayscale else None,
        leftMargin=frame.margin, rightMargin=frame.margin,
        topMargin=frame.margin, bottomMargin=frame.margin,
        # Not ReportLab's Helvetica, which is never embedded: every font must be.
        initialFontName=document.fonts.regular)
    doc.addPageTemplates([
        PageTemplate(id="first", frames=[first], onPage=frame.first_page,
                     onPageEnd=frame.draft_stamp),
        PageTemplate(id="later", frames=[later], onPage=frame.later_page,
                     onPageEnd=frame.draft_stamp)])
    doc.build([NextPageTemplate("later"), *story])
    pages = doc.page
    overflow = 0.0
    if document.format.fit_sides and pages > document.sides:
        overflow = _overflow(later, pages, document.sides, doc.end_y)
    last = first if pages == 1 else later
    end_y = doc.end_y if doc.end_y is not None else last.y1
    fill = min(1.0, max(0.0, (last.y1 + last.height - end_y) / last.height))
    fields = FieldText(document.fonts.regular, direction.rtl)
    return LaidOut(tag_pdf(buffer.getvalue(), tagger.root, meta, fields), pages, fill,
                   overflow)


def _overflow(frame: Frame, pages: int, sides: int, end_y: float | None) -> float:
    """Approximate height of text past the last allowed side."""
    end_y = end_y if end_y is not None else frame.y1
    used_on_last = frame.y1 + frame.height - end_y
    return float((pages - sides - 1) * frame.height + used_on_last)
