"""Flowables of our own: tick boxes, lines to write on, SVG drawings, and the photo
conversion of grey proofs."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image as PILImage
from reportlab.graphics import renderPDF
from reportlab.lib import colors
from reportlab.platypus import Flowable

from handouts.backends.pdf.shaped_text import TextDirection
from handouts.backends.pdf.styles import colour
from handouts.backends.pdf.tagging import Node, Role, Tagger
from handouts.document.fonts import FontSet
from handouts.document.theme import BLANK_LENGTHS, FLEXIBLE_BLANK, INK, MM, MUTED
from handouts.project.images import svg_drawing

MIN_FITTED_SIZE = 6.0  # points: the smallest a long footer or header line may shrink to


def fitting_size(direction: TextDirection, text: str, font: str, size: float,
                 width: float) -> float:
    """``size``, made smaller (down to 6 pt) when a clinic's long line needs it."""
    natural = direction.width(text, font, size)
    return size if natural <= width else max(MIN_FITTED_SIZE, size * width / natural)


def raster(path: Path, grayscale: bool) -> str | io.BytesIO:
    """A PNG or JPEG for drawing, in grey (as PNG data) for a grayscale proof."""
    if not grayscale:
        return str(path)
    data = io.BytesIO()
    with PILImage.open(path) as picture:
        picture.convert("LA" if "A" in picture.getbands() else "L").save(data, "PNG")
    data.seek(0)
    return data


class CheckBox(Flowable):
    """An empty square to tick with a pen, or a form checkbox: ``field`` is its name and
    the Form element it belongs to."""

    def __init__(self, size: float, color: colors.Color, tagger: Tagger,
                 field: tuple[str, Node] | None = None, tooltip: str = ""):
        super().__init__()
        self.size = size
        self.color = color
        self.tagger = tagger
        self.field = field
        self.tooltip = tooltip

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        if self.field is not None:
            name, node = self.field
            form: Any = self.canv.acroForm  # its stubs take whole points; ReportLab does not
            self.tagger.widget(self.canv, node, name)
            form.checkbox(
                name=name, tooltip=self.tooltip, size=self.size, relative=True,
                buttonStyle="check", borderColor=self.color, fillColor=colors.white,
                textColor=colour(INK), borderWidth=1.3, forceBorder=True, fieldFlags="")
            return
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(1.3)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


@dataclass(frozen=True)
class Blank:
    """A labelled line to write on; ``kind`` sets its length, ``name`` names its field."""

    label: str
    name: str
    kind: str  # a write-in kind (date, time, initials, note) or "text"
    value: str | None = None  # printed on the line instead of leaving it blank

    @property
    def fixed_length(self) -> float | None:
        return BLANK_LENGTHS.get(self.kind)


Row = list[tuple[Blank, float, float]]  # (blank, x from the start side, line length)


class WriteIn(Flowable):
    """Labelled lines side by side ("Date ______   Initials ____"), wrapping to a new row
    when the column is full; form text fields over the lines with ``fillable``."""

    GAP = 5 * MM

    def __init__(self, blanks: list[Blank], fonts: FontSet, size: float, fillable: bool,
                 direction: TextDirection, tags: tuple[Tagger, Node]):
        super().__init__()
        self.tagger, self.node = tags
        self.blanks = blanks
        self.fonts = fonts
        self.text = direction
        self.size = size
        self.fillable = fillable
        self.row_height = size * 2.1
        self.rows: list[Row] = []

    def _label_width(self, blank: Blank) -> float:
        return self.text.width(blank.label, self.fonts.regular, self.size) + 5

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        rows: list[Row] = [[]]
        x = 0.0
        for blank in self.blanks:
            need = self._label_width(blank) + (blank.fixed_length or FLEXIBLE_BLANK)
            if rows[-1] and x + need > aw:
                rows.append([])
                x = 0.0
            rows[-1].append((blank, x, blank.fixed_length or 0.0))
            x += need + self.GAP
        self.rows = [self._share_room(row, aw) for row in rows]
        self.width = aw
        self.height = len(rows) * self.row_height
        return aw, self.height

    def _share_room(self, row: Row, aw: float) -> Row:
        """Flexible lines (names, notes) take the room their row has left."""
        flexible = [i for i, (b, _, _) in enumerate(row) if b.fixed_length is None]
        fixed = sum(self._label_width(b) + length for b, _, length in row) + self.GAP * (
            len(row) - 1)
        share = max(FLEXIBLE_BLANK, (aw - fixed - sum(
            self._label_width(row[i][0]) for i in flexible)) / max(1, len(flexible)))
        shared: Row = []
        x = 0.0
        for i, (blank, _, length) in enumerate(row):
            shared.append((blank, x, share if i in flexible else length))
            x += self._label_width(blank) + shared[-1][2] + self.GAP
        return shared

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        for number, row in enumerate(self.rows, start=1):
            base = self.height - number * self.row_height + self.size * 0.5
            for blank, x, length in row:
                self._draw_blank(blank, x, length, base)
        c.restoreState()

    def _draw_blank(self, blank: Blank, x: float, length: float, base: float) -> None:
        c = self.canv
        label = self._label_width(blank)
        # The label at the start side, the line after it (to its left in RTL).
        if self.text.rtl:
            x = self.width - x - label - length
            label_x, start = x + length + label, x
        else:
            label_x, start = x, x + label
        c.setFillColor(colour(MUTED))
        with self.tagger.marked(c, self.node, blank.label if self.text.complex else None):
            self.text.draw(c, label_x, base, blank.label, self.fonts.regular, self.size)
        c.setStrokeColor(colour(MUTED))
        c.setLineWidth(0.7)
        c.line(start, base - 2, start + length, base - 2)
        if blank.value:
            c.setFillColor(colour(INK))
            size = fitting_size(self.text, blank.value, self.fonts.regular, self.size,
                                length - 4)
            with self.tagger.marked(c, self.node, blank.value if self.text.complex else None):
                self.text.draw(c, start + length - 2 if self.text.rtl else start + 2, base,
                               blank.value, self.fonts.regular, size)
        elif self.fillable:
            # Above the line, so the printed line stays visible under the field.
            form: Any = c.acroForm  # its stubs take whole points; ReportLab does not
            self.tagger.widget(c, self.node.add(Role.FORM), blank.name)
            form.textfield(
                name=blank.name, tooltip=blank.label, x=start, y=base - 1.5, width=length,
                height=self.size * 1.45, relative=True, borderWidth=0,
                fillColor=colors.white, textColor=colour(INK), fontSize=self.size - 1,
                maxlen=200)


def draw_svg(canv: Any, drawing: Any, font: str) -> None:
    """Draw an SVG drawing at the origin. Its text state starts in ``font``, not in
    ReportLab's default Helvetica, which is never embedded."""
    drawing.initialFontName = font  # read by ReportLab's renderer as the start state
    renderPDF.draw(drawing, canv, 0, 0)


class SvgFlowable(Flowable):
    """An SVG drawing scaled to a given width."""

    def __init__(self, path: Path, width: float, font: str):
        super().__init__()
        drawing = svg_drawing(path)
        self.drawing = drawing
        self.font = font
        self.scale = width / drawing.width
        self.width = width
        self.height = drawing.height * self.scale

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.scale(self.scale, self.scale)
        draw_svg(self.canv, self.drawing, self.font)
        self.canv.restoreState()
