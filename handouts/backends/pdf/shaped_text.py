"""Paragraphs and single lines in scripts ReportLab cannot set alone (Arabic, Hebrew,
Devanagari…): shaped with HarfBuzz, broken into lines in logical order, each line
reordered for display, right-aligned in right-to-left text.

``TextDirection`` is what the layout asks: it gives a ReportLab ``Paragraph`` and plain
``drawString`` for simple scripts (unchanged output for English, Russian, Spanish) and
the shaped versions for complex ones.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Literal, TypeVar

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from handouts.backends.pdf import bidi_text, rl_shaping
from handouts.document.islands import LRI, PDI, latin_islands
from handouts.document.fonts import PARAGRAPH_FACES

T = TypeVar("T")
_MARKUP = re.compile(r"<(/?)(b|i)>|<br/>")


@dataclass(frozen=True)
class Piece:
    """One shaped run of a line: where it starts (from the line's left end), what to
    draw, in which face."""

    x: float
    shaped: rl_shaping.Shaped
    font: str
    start: int  # where the run starts in the text: the order to write runs in


@dataclass(frozen=True)
class Line:
    pieces: tuple[Piece, ...]
    width: float
    text: str = ""  # the line's words in reading (logical) order


class LineSetter:
    """Shapes and breaks text of one base direction; ``styles[i]`` is the face of
    character i (index into ``faces``)."""

    def __init__(self, rtl: bool, size: float):
        self.rtl = rtl
        self.size = size

    def lines(self, text: str, faces: list[str], styles: list[int],
              width: float | None) -> list[Line]:
        text, styles = self._isolate_latin(text, styles)
        levels = bidi_text.levels(text, self.rtl)
        base = 1 if self.rtl else 0

        def line(start: int, end: int) -> Line:
            runs = bidi_text.visual_runs(text, levels, styles, start, end, base)
            return self._line(text, runs, faces, _without_controls(text[start:end]))

        if width is None:
            spans = [(0, len(text.rstrip()))]
        else:
            space = stringWidth(" ", faces[0], self.size)
            spans = bidi_text.break_lines(text, lambda a, b: line(a, b).width, width, space)
        return [line(start, end) for start, end in spans]

    def _line(self, text: str, runs: list[bidi_text.Run], faces: list[str],
              logical: str) -> Line:
        """Each run drawn whole, spaces included: extractors rebuild a right-to-left run
        from its glyphs and put runs in the order they are written."""
        pieces: list[Piece] = []
        x = 0.0
        for run in runs:
            font = faces[run.style]
            shaped = rl_shaping.shape(bidi_text.run_text(text, run), font, self.size)
            pieces.append(Piece(x, shaped, font, run.start))
            x += shaped.width
        return Line(tuple(pieces), x, logical.strip())

    def _isolate_latin(self, text: str, styles: list[int]) -> tuple[str, list[int]]:
        if not self.rtl:
            return text, styles
        for start, end in reversed(latin_islands(text)):
            text = text[:start] + LRI + text[start:end] + PDI + text[end:]
            styles = styles[:start] + [styles[start]] + styles[start:end] + [
                styles[end - 1]] + styles[end:]
        return text, styles


def _without_controls(text: str) -> str:
    return text.replace(LRI, "").replace(PDI, "")


def draw_line(canv: Canvas, x: float, y: float, line: Line, size: float,
              latin_language: str | None = None) -> None:
    """Draw the runs where they belong, left to right on the page, but write them into
    the PDF in reading order: extractors (pypdf, PDFium) rebuild each right-to-left run
    from its glyphs and keep the runs in the order they come. With ``latin_language``,
    a run of Latin words is marked as in that language (/Lang)."""
    for piece in sorted(line.pieces, key=lambda p: p.start):
        foreign = latin_language is not None and _is_latin(piece.shaped.text)
        if foreign:
            canv.addLiteral(f"/Span <</Lang ({latin_language})>> BDC")
        rl_shaping.draw(canv, x + piece.x, y, piece.shaped, piece.font, size)
        if foreign:
            canv.addLiteral("EMC")


def _is_latin(text: str) -> bool:
    """A run with Latin letters (not only digits and signs, which need no language)."""
    return "Latn" in bidi_text.scripts(text) and any(c.isalpha() for c in text)


def _faces(font: str) -> list[str]:
    """The regular, bold, italic and bold italic faces of a font's family."""
    family, _, _ = ps2tt(font)
    return [tt2ps(family, bold, italic) for bold, italic in PARAGRAPH_FACES]


def _spans(markup: str) -> list[tuple[str, int]]:
    """ReportLab paragraph markup (<b>, <i>, <br/>) as (text, face index); a line break
    is a "\\n" span."""
    spans: list[tuple[str, int]] = []
    bold = italic = 0
    pos = 0
    for match in _MARKUP.finditer(markup):
        if match.start() > pos:
            spans.append((html.unescape(markup[pos:match.start()]), bold + 2 * italic))
        closing, tag = match.group(1), match.group(2)
        if tag is None:
            spans.append(("\n", 0))
        elif tag == "b":
            bold = 0 if closing else 1
        else:
            italic = 0 if closing else 1
        pos = match.end()
    if pos < len(markup):
        spans.append((html.unescape(markup[pos:]), bold + 2 * italic))
    return spans


class ShapedParagraph(Flowable):
    """A paragraph set with shaping and bidi reordering, in the base direction of its
    language: ragged on the end side, indents on the start side (the right, in
    right-to-left text). Splits between lines across frames and pages."""

    def __init__(self, markup: str, style: ParagraphStyle, rtl: bool = True,
                 _lines: list[Line] | None = None, latin_language: str | None = None):
        super().__init__()
        self.markup = markup
        self.style = style
        self.rtl = rtl
        self._lines = _lines
        self.latin_language = latin_language
        self._width = 0.0

    # -- layout

    def _set_lines(self, aw: float) -> list[Line]:
        style = self.style
        faces = _faces(style.fontName)
        base_face = faces.index(style.fontName)  # a bold heading: its <b> stays bold
        setter = LineSetter(self.rtl, style.fontSize)
        width = aw - style.leftIndent - style.rightIndent
        lines: list[Line] = []
        for segment in self._segments():
            text = "".join(t for t, _ in segment)
            styles = [face | base_face for t, face in segment for _ in t]
            if text.strip():
                lines.extend(setter.lines(text, faces, styles, width))
        return lines

    def _segments(self) -> list[list[tuple[str, int]]]:
        segments: list[list[tuple[str, int]]] = [[]]
        for text, face in _spans(self.markup):
            if text == "\n":
                segments.append([])
            else:
                segments[-1].append((re.sub(r"\s+", " ", text), face))
        return segments

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        if self._lines is None or aw != self._width:
            self._lines = self._set_lines(aw)
            self._width = aw
        self.width = aw
        self.height = len(self._lines) * self.style.leading
        return aw, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        self.wrap(aw, ah)
        assert self._lines is not None
        fit = int((ah + 1e-6) // self.style.leading)
        if fit >= len(self._lines):
            return [self]
        if fit < 2:  # no orphan: a single first line alone at the foot of a page
            return []
        first = ShapedParagraph(self.markup, self.style, self.rtl, self._lines[:fit],
                                self.latin_language)
        rest = ShapedParagraph(self.markup, self.style, self.rtl, self._lines[fit:],
                               self.latin_language)
        for part in (first, rest):
            part._width = aw
        return [first, rest]

    # -- drawing

    def _line_x(self, line: Line) -> float:
        """Left end of a line: aligned to the start side, or centred, or to the end."""
        style = self.style
        start_indent, end_indent = style.leftIndent, style.rightIndent
        left_edge = end_indent if self.rtl else start_indent
        right_edge = self.width - (start_indent if self.rtl else end_indent)
        if style.alignment == TA_CENTER:
            return (left_edge + right_edge - line.width) / 2
        at_end = style.alignment == TA_RIGHT
        if at_end != self.rtl:  # right-aligned
            return right_edge - line.width
        return left_edge

    def draw(self) -> None:
        assert self._lines is not None
        canv, style = self.canv, self.style
        canv.saveState()
        canv.setFillColor(style.textColor)
        canv.setFont(style.fontName, style.fontSize)
        y = self.height - style.fontSize
        for line in self._lines:
            draw_line(canv, self._line_x(line), y, line, style.fontSize,
                      self.latin_language)
            y -= style.leading
        canv.restoreState()

    def logical_text(self) -> str:
        """The words in reading order: the glyphs are drawn shaped and in visual order."""
        return " ".join(line.text for line in self._lines or [] if line.text)


class TextDirection:
    """How the layout sets text for one language: ``complex`` scripts go through
    HarfBuzz and the bidi algorithm; ``rtl`` mirrors what is laid out on the page."""

    def __init__(self, rtl: bool, complex_script: bool, latin_language: str | None = None):
        self.rtl = rtl
        self.complex = complex_script or rtl
        # The language of Latin words inside text of another script (the clinic's name,
        # a term in brackets), marked so a screen reader says them in that language.
        self.latin_language = latin_language

    @property
    def start_side(self) -> Literal["LEFT", "RIGHT"]:
        """Where a line starts, as ReportLab's hAlign: LEFT, or RIGHT in RTL text."""
        return "RIGHT" if self.rtl else "LEFT"

    def start_x(self, x: float, width: float, extent: float) -> float:
        """The left edge of something ``width`` wide placed ``x`` from the start side of
        a span ``extent`` wide: the same place, mirrored in right-to-left text."""
        return extent - x - width if self.rtl else x

    def left_to_right(self, items: list[T]) -> list[T]:
        """Things in reading order (columns, table cells), as they sit from left to
        right on the page."""
        return items[::-1] if self.rtl else items

    def paragraph(self, markup: str, style: ParagraphStyle) -> Flowable:
        if not self.complex:
            return Paragraph(markup, style)
        return ShapedParagraph(markup, style, self.rtl, latin_language=self.latin_language)

    def width(self, text: str, font: str, size: float) -> float:
        if not self.complex:
            return stringWidth(text, font, size)
        return self._line(text, font, size).width

    def draw(self, canv: Canvas, x: float, y: float, text: str, font: str, size: float,
             anchor: str = "start") -> None:
        """Draw one line in a font and size (the fill colour is the canvas's). ``anchor``
        says where x is: at the text's reading start ("start": the left end in English,
        the right end in Arabic), its "end", or its "centre"."""
        canv.setFont(font, size)
        if not self.complex:
            {"start": canv.drawString, "end": canv.drawRightString,
             "centre": canv.drawCentredString}[anchor](x, y, text)
            return
        line = self._line(text, font, size)
        left = {"centre": x - line.width / 2}.get(
            anchor, x - line.width if (anchor == "start") == self.rtl else x)
        draw_line(canv, left, y, line, size, self.latin_language)

    def _line(self, text: str, font: str, size: float) -> Line:
        faces = _faces(font)
        face = faces.index(font) if font in faces else 0  # a bold line stays bold
        lines = LineSetter(self.rtl, size).lines(text, faces, [face] * len(text), None)
        return lines[0] if lines else Line((), 0.0)
