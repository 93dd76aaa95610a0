"""The page frame: the header band, the footer and the draft stamp, drawn on every page.

What they say comes from the document's page model; this module decides only where it
goes: the text column, where status notes fit, the QR code's column, and the mirrored
places of a right-to-left page.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame

from handouts.backends.pdf.flowables import draw_svg, fitting_size, raster
from handouts.backends.pdf.options import PdfOptions
from handouts.backends.pdf.qr import QrCode
from handouts.backends.pdf.shaped_text import TextDirection
from handouts.backends.pdf.styles import colour, draft_ink
from handouts.backends.pdf.tagging import Node, Role, Tagger
from handouts.document.model import Document
from handouts.document.page import SEPARATOR
from handouts.document.theme import INK, MM, MUTED, RULE, SAMPLE_INK
from handouts.project.images import svg_drawing

NOTES_MIN_SIZE = 7.5  # points: a footer line may shrink this far to share its row
FOOTER_MIN_SIZE = 7.0  # points: a footer line that would shrink further takes two rows
SAFETY_LINE_SIZE = 9.0  # points: "This handout does not replace advice from your doctor"


@dataclass(frozen=True)
class FooterRow:
    text: str
    font: str
    colour: colors.Color
    size: float
    safety: bool = False  # a line of the disclaimer: wraps, never shrinks
    beside: str | None = None  # status notes at the row's end

    @property
    def lead(self) -> float:
        return self.size * 1.3


class PageFrame:
    """Draws the header and footer of one document; knows its page geometry."""

    def __init__(self, document: Document, direction: TextDirection, options: PdfOptions,
                 total_pages: int, tagger: Tagger):
        self.document = document
        self.tagger = tagger
        # The header and footer are artifacts but for the logo (first in the structure
        # tree), and the disclaimer (once) and the QR code, read after the content.
        self.logo_node = tagger.root.add(Role.FIGURE, alt=document.page.clinic) \
            if document.page.logo is not None else None
        self.disclaimer_node: Node | None = None
        self.qr_node: Node | None = None
        self.page = document.page
        self.format = document.format
        self.fonts = document.fonts
        self.text = direction
        self.options = options
        self.total = total_pages
        self.size = self.format.page_size(self.page.paper)
        self.margin = self.format.margin
        self.qr = QrCode(self.page.qr, self.fonts.regular, direction.rtl) \
            if self.page.qr is not None else None
        # Read now: a problem raised inside ReportLab's page callbacks loses its shape.
        logo = self.page.logo
        self.logo_drawing = svg_drawing(logo) if logo and logo.suffix.lower() == ".svg" \
            else None
        self.rows = self._footer_rows()
        self.footer = max(self.format.footer, sum(row.lead for row in self.rows) + 3)
        if self.qr is not None:
            self.footer = max(self.footer, self.qr.height + 3)

    def add_end_nodes(self) -> None:
        """The structure elements read after the content: the disclaimer (printed on
        every page, read once) and the QR code, which says what the footer's address
        says."""
        root = self.tagger.root
        if any(row.safety for row in self.rows):
            self.disclaimer_node = root.add(Role.P)
        qr = self.page.qr
        if self.qr is not None and qr is not None:
            self.qr_node = root.add(Role.FIGURE,
                                    alt=self.document.words.qr_code.format(address=qr.label))

    # -- geometry

    def frames(self) -> tuple[Frame, Frame]:
        """The text frame of the first page (below the tall header) and of the others."""
        w, h = self.size
        m, gap = self.margin, self.format.gap
        return tuple(Frame(m, m + self.footer + gap, w - 2 * m,  # type: ignore[return-value]
                           h - 2 * m - self.footer - header - 2 * gap, id=name,
                           leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
                     for name, header in (("first", self.format.header.first),
                                          ("later", self.format.header.later)))

    def _text_width(self) -> float:
        """Width of the footer's text lines: the page, less the QR code's column."""
        column = self.qr.width + 10 if self.qr is not None else 0
        return self.size[0] - 2 * self.margin - column

    def _footer_rows(self) -> list[FooterRow]:
        """The footer's rows, top down. The disclaimer is never smaller than
        ``SAFETY_LINE_SIZE`` and wraps rather than shrinks; the status notes end the
        last row when they fit there, else they take a row of their own."""
        size, room = self.format.footer_size, self._text_width()
        rows: list[FooterRow] = []
        for line in self.page.footer:
            if line.strong:
                big = max(size, SAFETY_LINE_SIZE)
                rows += [FooterRow(part, self.fonts.bold, colour(INK), big, safety=True)
                         for part in self._wrapped(line.text, self.fonts.bold, big, room)]
            else:
                # The first row ends with the page number.
                end = self.text.width(self._page_number(self.total), self.fonts.bold, size) \
                    + 12 if not rows else 0
                rows += [FooterRow(part, self.fonts.regular, colour(MUTED), size)
                         for part in self._readable_parts(line.text, size, room - end)]
        notes = self.page.notes
        if notes:
            last = rows[-1]
            beside = self.text.width(notes, self.fonts.italic, size) + 12
            if self.format.notes_beside and not last.safety and len(rows) > 1 and \
                    self.text.width(last.text, last.font, NOTES_MIN_SIZE) + beside <= room:
                rows[-1] = replace(last, beside=notes)
            else:
                rows.append(FooterRow(notes, self.fonts.italic, colour(SAMPLE_INK), size))
        return rows

    def _readable_parts(self, text: str, size: float, room: float) -> list[str]:
        """A footer line, or its parts on two rows (split between its items where the
        rows come out most even) when one row would shrink it below ``FOOTER_MIN_SIZE``."""
        font = self.fonts.regular
        parts = text.split(SEPARATOR)
        if len(parts) < 2 or fitting_size(self.text, text, font, size, room) >= FOOTER_MIN_SIZE:
            return [text]
        rows = [[SEPARATOR.join(parts[:cut]), SEPARATOR.join(parts[cut:])]
                for cut in range(1, len(parts))]
        return min(rows, key=lambda pair: max(self.text.width(row, font, size)
                                              for row in pair))

    def _wrapped(self, text: str, font: str, size: float, room: float) -> list[str]:
        """``text`` in as few lines as fit ``room``, broken at spaces."""
        lines: list[str] = []
        for word in text.split(" "):
            if lines and self.text.width(f"{lines[-1]} {word}", font, size) <= room:
                lines[-1] += f" {word}"
            else:
                lines.append(word)
        return lines

    # -- drawing, called by ReportLab for every page

    def first_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._header(canv, self.format.header.first, full=True)
        self._footer(canv, doc.page)

    def later_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._header(canv, self.format.header.later, full=False)
        self._footer(canv, doc.page)

    def draft_stamp(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """A large, light diagonal "Draft translation" that no one can overlook, drawn
        over the text yet light enough to read through."""
        draft = self.page.draft
        if not draft:
            return
        w, h = self.size
        diagonal = (w * w + h * h) ** 0.5
        size = min(72.0, 0.7 * diagonal / max(1.0, self.text.width(draft, self.fonts.bold, 1)))
        canv.saveState()
        canv.setFillColor(draft_ink())
        canv.translate(w / 2, h / 2)
        canv.rotate(math.degrees(math.atan2(h, w)))
        self.text.draw(canv, 0, -size / 3, draft, self.fonts.bold, size, "centre")
        canv.restoreState()

    def _header(self, canv: Canvas, height: float, full: bool) -> None:
        """A band in the clinic's colour: logo, name and phone on the first page; name and
        title on the others. In right-to-left languages the logo and name are on the
        right, where reading starts."""
        page, theme = self.page, self.page.theme
        w, h = self.size
        m = self.margin
        top = h - m
        canv.saveState()
        canv.setFillColor(colour(theme.primary))
        canv.roundRect(m, top - height, w - 2 * m, height, 3, stroke=0, fill=1)
        canv.setFillColor(colour(theme.accent))
        canv.rect(m, top - height - 2.2, w - 2 * m, 2.2, stroke=0, fill=1)
        pad = (height * 0.14) if full else 2.5 * MM
        inset = pad  # from the start side
        if full and page.logo is not None:
            side = height - 2 * pad
            left = w - m - inset - side if self.text.rtl else m + inset
            canv.setFillColor(colors.white)
            canv.roundRect(left, top - height + pad, side, side, 3, stroke=0, fill=1)
            assert self.logo_node is not None
            with self.tagger.marked(canv, self.logo_node):
                self._logo(canv, page.logo, left + side * 0.08,
                           top - height + pad + side * 0.08, side * 0.84)
            inset += side + pad
        start = w - m - inset if self.text.rtl else m + inset
        end = m + pad if self.text.rtl else w - m - pad
        canv.setFillColor(colour(theme.on_primary))
        if full:
            self._first_header_text(canv, start, top - height / 2, abs(end - start))
        else:
            self._later_header_text(canv, start, end, top - height / 2)
        canv.restoreState()

    def _first_header_text(self, canv: Canvas, start: float, mid: float, room: float) -> None:
        header, page = self.format.header, self.page
        self.text.draw(canv, start, mid + header.name_raise, page.clinic, self.fonts.bold,
                       fitting_size(self.text, page.clinic, self.fonts.bold, header.name_size,
                                    room))
        self.text.draw(canv, start, mid - header.detail_size - header.detail_drop,
                       page.contact, self.fonts.regular, header.detail_size)

    def _later_header_text(self, canv: Canvas, start: float, end: float, mid: float) -> None:
        size, page = self.format.header.later_size, self.page
        base = mid - size * 0.35
        half = abs(end - start) / 2 - 6
        self.text.draw(canv, start, base, page.clinic, self.fonts.bold,
                       fitting_size(self.text, page.clinic, self.fonts.bold, size, half))
        self.text.draw(canv, end, base, page.title, self.fonts.regular,
                       fitting_size(self.text, page.title, self.fonts.regular, size, half),
                       anchor="end")

    def _logo(self, canv: Canvas, logo: Path, x: float, y: float, side: float) -> None:
        drawing = self.logo_drawing
        if drawing is not None:
            scale = side / max(drawing.width, drawing.height)
            canv.saveState()
            canv.translate(x + (side - drawing.width * scale) / 2,
                           y + (side - drawing.height * scale) / 2)
            canv.scale(scale, scale)
            draw_svg(canv, drawing, self.fonts.regular)
            canv.restoreState()
        else:
            picture = ImageReader(raster(logo, self.options.grayscale))
            canv.drawImage(picture, x, y, side, side, preserveAspectRatio=True, anchor="c",
                           mask="auto")

    def _page_number(self, page: int) -> str:
        numbering = self.page.numbering
        return numbering.label(page, self.total) if numbering is not None else ""

    def _footer(self, canv: Canvas, page: int) -> None:
        """Contact, disclaimer and identity rows from the start side; the page number
        (and status notes) at the end of the text column; the QR code beyond it."""
        w, _ = self.size
        m = self.margin
        top = m + self.footer - 2
        rtl = self.text.rtl
        canv.saveState()
        canv.setStrokeColor(colour(RULE))
        canv.setLineWidth(0.6)
        canv.line(m, top, w - m, top)
        if self.qr is not None and self.qr_node is not None:
            left = m if rtl else w - m - self.qr.width
            with self.tagger.marked(canv, self.qr_node):
                self.qr.draw_code(canv, left, top)
            self.qr.draw_address(canv, left, top)
        start = w - m if rtl else m
        end = w - m - self._text_width() if rtl else m + self._text_width()
        size = self.format.footer_size
        page_text = self._page_number(page)
        y = top
        for index, row in enumerate(self.rows):
            y -= row.lead
            room = self._text_width()
            at_end = [(page_text, self.fonts.bold, colour(INK))] if index == 0 else []
            if row.beside:
                at_end.append((row.beside, self.fonts.italic, colour(SAMPLE_INK)))
            for text, font, color in at_end:
                canv.setFillColor(color)
                self.text.draw(canv, end, y, text, font, size, anchor="end")
                room -= self.text.width(text, font, size) + 12
            canv.setFillColor(row.colour)
            with self._disclaimer(canv, row, page):
                self.text.draw(canv, start, y, row.text, row.font,
                               row.size if row.safety else
                               fitting_size(self.text, row.text, row.font, row.size, room))
        canv.restoreState()

    @contextmanager
    def _disclaimer(self, canv: Canvas, row: FooterRow, page: int) -> Iterator[None]:
        """The disclaimer's rows are content on the first page, artifacts after."""
        if not row.safety or page != 1 or self.disclaimer_node is None:
            yield
            return
        with self.tagger.marked(canv, self.disclaimer_node,
                                row.text if self.text.complex else None):
            yield
