"""Laying out a document with ReportLab: the two passes, and the card's fit.

"Page X of Y" needs the page count, so a document is built twice: the first pass counts
pages (and finds how far a card overflows its sides), the second prints the final
numbers. ``invariant=1`` makes the bytes reproducible.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate

from handouts.backends.pdf.frame import PageFrame
from handouts.backends.pdf.options import PdfOptions
from handouts.backends.pdf.shaped_text import TextDirection
from handouts.backends.pdf.story import StoryBuilder
from handouts.backends.pdf.styles import Styles
from handouts.colors import gray_equivalent
from handouts.document.model import Document
from handouts.document.theme import MM
from handouts.errors import HandoutsError, Problem


def to_gray(color: Any) -> colors.Color:
    """ReportLab's colour hook: every fill and stroke as its grey of equal luminance."""
    rgb = colors.toColor(color)
    return colors.Color(*gray_equivalent(rgb.rgb()), alpha=rgb.alpha)


def direction_of(document: Document) -> TextDirection:
    return TextDirection(document.setting.rtl, document.setting.shaped)


def layout_pdf(document: Document, options: PdfOptions = PdfOptions()) -> tuple[bytes, int]:
    """The finished PDF and its page count. HandoutsError when a card does not fit."""
    pdf, pages, overflow = _build(document, 0, options)
    sides = document.sides
    if document.format.fit_sides and pages > sides:
        raise HandoutsError([Problem(
            f"{document.origin.label}: the card does not fit on {sides} "
            f"side{'s' if sides > 1 else ''}; it is too long by about "
            f"{overflow / MM:.0f} mm of text", file=document.origin.source,
            hint="shorten the text" + (", or set 'sides: 2'" if sides == 1 else ""))])
    pdf, _, _ = _build(document, pages, options)
    return pdf, pages


class _Doc(BaseDocTemplate):
    """Remembers where the last flowable ended, to measure how far a card overflows."""

    end_y: float | None = None

    def afterFlowable(self, flowable: Flowable) -> None:
        if self.frame is not None:
            self.end_y = float(getattr(self.frame, "_y"))  # where the next flowable goes


def _build(document: Document, total_pages: int,
           options: PdfOptions) -> tuple[bytes, int, float]:
    direction = direction_of(document)
    frame = PageFrame(document, direction, options, total_pages)
    setting = document.setting
    styles = Styles(document.fonts, document.format, document.page.theme, direction,
                    None if setting.shaped else setting.hyphenation)
    first, later = frame.frames()
    story = StoryBuilder(document, styles, first.width, options).build(document.body)
    buffer = io.BytesIO()
    meta = document.metadata
    doc = _Doc(
        buffer, pagesize=frame.size, invariant=1, title=meta.title, author=meta.author,
        subject=meta.subject, keywords=list(meta.keywords), creator="handouts",
        lang=meta.language, displayDocTitle=1,
        enforceColorSpace=to_gray if options.grayscale else None,
        leftMargin=frame.margin, rightMargin=frame.margin,
        topMargin=frame.margin, bottomMargin=frame.margin)
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
    return buffer.getvalue(), pages, overflow


def _overflow(frame: Frame, pages: int, sides: int, end_y: float | None) -> float:
    """Approximate height of text past the last allowed side."""
    end_y = end_y if end_y is not None else frame.y1
    used_on_last = frame.y1 + frame.height - end_y
    return float((pages - sides - 1) * frame.height + used_on_last)
