"""Imposition: copies of a card placed on printer sheets, with marks to cut along.

A card is a quarter of its brand's paper (A6 on A4, a quarter of Letter on Letter), so
``4up`` fills a sheet with four cards and no gutter, and ``2up`` stacks two cards in the
middle of the sheet. Sheets stay portrait, the default of every duplex printer driver,
and the grid is centred on the sheet: the back of each card lands behind its front
whichever edge the printer flips on, so two-sided cards need no manual collating.

The card design keeps a white margin on every side and prints no colour to its edge, so
it needs no bleed: cut marks lie on the cut lines, outside the cards where the sheet has
room, and on the shared edge of two cards (in their white margin) where it does not.
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import NameObject
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from handouts.document.theme import PAPER_SIZES
from handouts.names import Imposition

GRIDS = {Imposition.ONE_UP: (1, 1), Imposition.TWO_UP: (1, 2),  # columns, rows of cards
         Imposition.FOUR_UP: (2, 2)}
MARK_GAP, MARK_LENGTH = 3 * mm, 6 * mm  # marks outside the cards: away from the trim
# Marks on a shared edge, as distances from the sheet edge: office printers leave about
# 5 mm at every edge unprinted.
EDGE_MARK = (5 * mm, 11 * mm)
MARK_WIDTH = 0.4  # points


def impose(card_pdf: bytes, paper: str, layout: Imposition) -> tuple[bytes, int]:
    """Sheets of ``paper`` with copies of each side of the card; their number."""
    reader = PdfReader(io.BytesIO(card_pdf))
    sheet_w, sheet_h = PAPER_SIZES[paper]
    first = reader.pages[0]
    card_w, card_h = float(first.mediabox.width), float(first.mediabox.height)
    columns, rows = GRIDS[layout]
    left, bottom = (sheet_w - columns * card_w) / 2, (sheet_h - rows * card_h) / 2
    xs = [left + column * card_w for column in range(columns + 1)]
    ys = [bottom + row * card_h for row in range(rows + 1)]
    marks = PdfReader(io.BytesIO(cut_marks(sheet_w, sheet_h, xs, ys))).pages[0]
    writer = PdfWriter()
    for side in reader.pages:
        sheet = writer.add_blank_page(sheet_w, sheet_h)
        for x in xs[:-1]:
            for y in ys[:-1]:
                sheet.merge_transformed_page(side, Transformation().translate(x, y))
        sheet.merge_page(marks)
        sheet.compress_content_streams()
    _copy_document_info(reader, writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), len(reader.pages)


def cut_marks(width: float, height: float, xs: list[float], ys: list[float]) -> bytes:
    """A page with the cut marks of a grid whose cut lines are at ``xs`` and ``ys``."""
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=(width, height), invariant=1)
    canv.setStrokeColor(colors.black)
    canv.setLineWidth(MARK_WIDTH)
    near = EDGE_MARK[0]
    # A cut line in the unprinted edge (A6 on A4 leaves 0.5 mm) is the sheet's own edge.
    for x in xs:
        if near <= x <= width - near:
            for y0, y1 in _mark_spans(ys[0], ys[-1], height):
                canv.line(x, y0, x, y1)
    for y in ys:
        if near <= y <= height - near:
            for x0, x1 in _mark_spans(xs[0], xs[-1], width):
                canv.line(x0, y, x1, y)
    canv.showPage()
    canv.save()
    return buffer.getvalue()


def _mark_spans(low: float, high: float, extent: float) -> list[tuple[float, float]]:
    """Where a cut line's marks go, before and after the grid that spans low..high."""
    near, far = EDGE_MARK
    room = MARK_GAP + MARK_LENGTH
    before = (low - room, low - MARK_GAP) if low - room >= near else (near, far)
    after = (high + MARK_GAP, high + room) if extent - high - room >= near else (
        extent - far, extent - near)
    return [before, after]


def _copy_document_info(reader: PdfReader, writer: PdfWriter) -> None:
    """Title, author, language and the viewer settings of the card, for the sheets."""
    if reader.metadata:
        writer.add_metadata({key: value for key, value in reader.metadata.items()})
    root = reader.root_object
    for key in ("/Lang", "/ViewerPreferences"):
        if key in root:
            writer.root_object[NameObject(key)] = root[key].clone(writer)
