"""The one place that leans on ReportLab's shaping support (a workaround, kept small).

ReportLab 5.1 shapes text with HarfBuzz (``reportlab.pdfbase.ttfonts.shapeFragWord``,
the function behind ``shapeStr``) but can only combine shaping with right-to-left order
through ``rlbidi``, which is not installable. So we shape one run of one direction at a
time and draw the runs ourselves, left to right, in the order ``bidi_text`` gives.

What we rely on, checked loudly by tests/test_rl_shaping.py:
- ``shapeFragWord([width, (style, text)], features)`` returns the run's glyphs in
  visual order, as a str (or its ``ShapedStr`` subclass with HarfBuzz advances in
  ``__shapeData__``) that a text object draws glyph for glyph;
- a glyph the font's character map reaches (an Arabic contextual form has its
  presentation-form code point) is written with that code, so copy-paste and text
  extraction get real letters; a glyph without one (a Devanagari conjunct, a Persian
  final form) gets a private-use code. ``private_use_text`` remembers the characters
  each of those stands for (HarfBuzz's clusters), and ``structure.py`` writes them into
  the font's ToUnicode map, so every extractor reads letters. A left-to-right run with
  such glyphs is also wrapped in an /ActualText span, because a vowel sign drawn before
  its consonant reads back in the wrong order otherwise; a right-to-left run is not:
  PDFium reverses an /ActualText the way it reverses the glyphs of the run. Contextual
  alternates (``calt``, a matter of style) are off because their glyphs have no code
  point;
- ``TTFont.hbAddPrivate(name, glyph, advance)``, which ``shapeFragWord`` uses to give a
  glyph a private-use code, gives a second code to a glyph that already has one when
  called with a name of our own;
- ``TTFont.hbFont(size)`` is a uharfbuzz ``Font`` scaled to 1000 units an em, whose
  glyph outlines (``draw_glyph_with_pen``) are the glyphs ReportLab embeds.

A right-to-left run is written in pieces, from its right end to its left, for the
extractors that read the glyphs without the structure tree (measured by
scripts/rtl_extraction.py, README):
- pypdf has no bidi algorithm: it reverses the glyphs of each text object and gives a
  space or a stop the direction of the letter before it in the stream. So the spaces
  and stops at the run's left end (its last characters) are a piece of their own,
  written after the letters.
- A bracket is drawn mirrored, ")" for "(", and a ligature's code reads as its letters
  in visual order, because PDFium mirrors and reverses what it reads. pypdf and
  pdftotext do neither, so such a glyph gets a second code that reads as the text has
  it ("(", the letters in reading order), and its piece (the brackets with the spaces
  between them, or the ligature's word) carries an /ActualText of what the first code
  read, which PDFium and pdftotext take instead: text as drawn, not the reading order
  the standard means; tag-aware readers take the paragraph's /ActualText instead.
- Where the font moves a letter further right than the glyph widths say (between two
  letters that do not join), ReportLab writes the move in the text and PDFium reads it
  as a space; a wide move starts a new piece, placed where it belongs.
- A mark that the font places off its pen position (the tanween of معمولاً, the damma
  of وُلد) is drawn as its glyph's outline (from HarfBuzz), and its text is written
  invisible on the baseline, just left of its letter. ReportLab would move it with a
  text rise, which PDFium takes for another line, and with a gap, which pypdf takes for
  a space; PDFium orders text objects by where they start.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.abag import ABag
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont, shapeFragWord
from reportlab.pdfgen.canvas import Canvas

from handouts.document.fonts import face_of

_PRIVATE_USE = range(0xE000, 0xF900)
_NEUTRAL = frozenset({"WS", "ON", "CS", "ES", "ET", "S", "B", "BN"})  # bidi classes
_BEFORE = 0.01  # points: how far left of its letter a mark's invisible text starts
FEATURES = {"kern": True, "liga": True, "calt": False}


@dataclass(frozen=True)
class Mark:
    """A mark placed above or below its letter, drawn as its glyph's outline ``dx``
    right of the run's left end and ``dy`` above the baseline."""

    glyph: int  # the glyph's id in the font
    dx: float
    dy: float


@dataclass(frozen=True)
class Piece:
    """Glyphs written together, ``dx`` right of the run's left end; ``shows``: the
    /ActualText of a piece of brackets or of a ligature's word, what its glyphs' first
    codes read (see the module's docstring); ``mark``: the piece is a placed mark, whose
    text is written invisible on the baseline and whose glyph is drawn as an outline."""

    glyphs: str
    dx: float = 0.0
    shows: str = ""
    mark: Mark | None = None


@dataclass(frozen=True)
class Shaped:
    """A run of glyphs ready to draw: what to pass to drawString and how wide it is."""

    glyphs: str
    width: float
    text: str  # the run's characters in logical order, for /ActualText
    rtl: bool = False
    pieces: tuple[Piece, ...] = ()  # in the order to write them; empty: glyphs whole

    @property
    def needs_actual_text(self) -> bool:
        return not self.rtl and any(ord(c) in _PRIVATE_USE for c in self.glyphs)


# (PostScript name of the face, private-use code) -> the characters its glyph stands for
_PRIVATE_USE_TEXT: dict[tuple[str, str], str] = {}


def private_use_text(face: str, code: str) -> str | None:
    """The characters a private-use code of ``face`` (its PostScript name) was drawn for."""
    return _PRIVATE_USE_TEXT.get((face, code))


def _remember_private_use(text: str, glyphs: ShapedStr, font: str, rtl: bool) -> None:
    """Each private-use glyph's characters, from HarfBuzz's clusters: a cluster of as many
    glyphs as characters maps one to one, in reading order; otherwise its first glyph
    stands for all of them."""
    data = getattr(glyphs, "__shapeData__")
    starts = sorted({d.cluster for d in data})
    ends = dict(zip(starts, [*starts[1:], len(text)]))
    clusters: dict[int, list[int]] = {}
    for index, d in enumerate(data):
        clusters.setdefault(d.cluster, []).append(index)
    face = face_of(font).name.decode("latin-1")
    for start, indices in clusters.items():
        chars = text[start:ends[start]]
        in_order = indices[::-1] if rtl else indices  # glyphs come in visual order
        # A ligature of right-to-left letters is written in visual order, as its glyph
        # is drawn: extractors reverse a right-to-left run, the ligature's letters too.
        parts = list(chars) if len(chars) == len(in_order) else [
            chars[::-1] if rtl else chars]
        for index, part in zip(in_order, parts):
            code = glyphs[index]
            if ord(code) in _PRIVATE_USE and part:
                _PRIVATE_USE_TEXT.setdefault((face, code), part)


@lru_cache(maxsize=20000)
def shape(text: str, font: str, size: float) -> Shaped:
    """HarfBuzz shaping of one run of a single direction (the direction is guessed from
    its script: Arabic runs come back right to left, in visual order)."""
    glyphs = shapeFragWord([stringWidth(text, font, size),
                            (ABag(fontName=font, fontSize=size), text)], FEATURES)[1][1]
    rtl = any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)
    if not isinstance(glyphs, ShapedStr):
        return Shaped(glyphs, stringWidth(glyphs, font, size), text, rtl)
    width = sum(d.x_advance for d in getattr(glyphs, "__shapeData__")) * size / 1000
    if any(ord(c) in _PRIVATE_USE for c in glyphs):
        _remember_private_use(text, glyphs, font, rtl)
    if not rtl:
        return Shaped(glyphs, width, text, rtl)
    return _right_to_left(text, glyphs, font, size, width)


def _right_to_left(text: str, glyphs: ShapedStr, font: str, size: float,
                   width: float) -> Shaped:
    """A right-to-left run in pieces (see the module's docstring), from right to left."""
    data = getattr(glyphs, "__shapeData__")
    face = face_of(font).name.decode("latin-1")
    # What each glyph reads as through its code: a ligature's letters in visual order.
    reads = [private_use_text(face, code) or code for code in glyphs]
    brackets = {i for i, d in enumerate(data)
                if unicodedata.mirrored(text[d.cluster]) and glyphs[i] != text[d.cluster]}
    trailing = 0  # spaces and stops at the left end: the run's last characters
    while (trailing < len(glyphs) - 1 and _neutral(reads[trailing])
           and trailing not in brackets):
        trailing += 1
    cuts = {0, trailing, len(glyphs)}
    logical: dict[int, str] = {}  # glyph -> what its second code reads as
    actual: dict[int, str] = {}  # piece start -> its /ActualText
    start = trailing
    while start < len(glyphs):
        if start in brackets:
            first, end = start, _bracket_end(start, reads, brackets)
            logical |= {i: text[data[i].cluster] for i in range(first, end) if i in brackets}
            actual[first] = "".join(reads[first:end][::-1])
        elif len(reads[start]) > 1:
            first, end = _word(start, trailing, reads)
            # PDFium reverses a word written in pieces next to a bracket's piece.
            if first - 1 not in brackets and end not in brackets:
                logical |= {i: reads[i][::-1] for i in range(first, end) if len(reads[i]) > 1}
                actual[first] = "".join(reads[first:end])
        else:
            first, end = start, start + 1
        if first in actual:
            cuts |= {first, end}
        start = end
    inside = {i for first, end in _spans(actual, cuts) for i in range(first + 1, end)}
    cuts |= {i for i in _wide_gaps(data, font) if i not in inside}
    marks = {i for i, d in enumerate(data)
             if not d.x_advance and (d.x_offset or d.y_offset) and i not in inside}
    cuts |= {i for mark in marks for i in (mark, mark + 1)}
    written = _second_codes(glyphs, logical, font)
    bounds = sorted(cuts)
    pieces = tuple(_placed_mark(written, data, start, font, size) if start in marks
                   else _piece(written[start:end], _advance(data[:start], size), size,
                               actual.get(start, ""))
                   for start, end in zip(bounds, bounds[1:]))
    return Shaped(written, width, text, True, pieces[::-1])


def _placed_mark(written: str, data: list, index: int, font: str, size: float) -> Piece:
    """A mark ReportLab would move off its pen position: its outline drawn there, its
    text on the baseline just left of its letter (the glyph after it), where PDFium,
    which orders text objects by where they start, reads it after the letter."""
    d = data[index]
    pen = _advance(data[:index], size)
    glyph = face_of(font).charToGlyph[ord(written[index])]
    return Piece(str(written[index]), pen - _BEFORE, mark=Mark(
        glyph, pen + d.x_offset * size / 1000, d.y_offset * size / 1000))


def _piece(glyphs: str, dx: float, size: float, shows: str) -> Piece:
    """Glyphs to write as one text object at ``dx``, without the moves ReportLab would
    write before the first glyph (its offset) and after the last (its advance against its
    width): pypdf reads a wide move at either end as a space, and a piece is placed on
    its own anyway."""
    data = list(getattr(glyphs, "__shapeData__"))
    first = data[0]
    data[0] = first._replace(x_offset=0, x_advance=first.x_advance - first.x_offset)
    data[-1] = data[-1]._replace(x_advance=data[-1].width + data[-1].x_offset)
    if len(data) == 1:  # one glyph: both at once
        data[0] = first._replace(x_offset=0, x_advance=first.width)
    written = ShapedStr(str(glyphs), shapeData=data)  # type: ignore[arg-type]
    return Piece(written, dx + first.x_offset * size / 1000, shows)


def _spans(actual: dict[int, str], cuts: set[int]) -> list[tuple[int, int]]:
    """Where each piece with an /ActualText starts and ends."""
    bounds = sorted(cuts)
    return [(start, end) for start, end in zip(bounds, bounds[1:]) if start in actual]


def _wide_gaps(data: list, font: str) -> list[int]:
    """Where ReportLab would write, between two glyphs, a move to the right that PDFium
    reads as a space (half a space wide): in the middle of a word, where the font spaces
    two letters that do not join. Not narrower ones: a tenth of an em is where poppler
    breaks a word anyway, and a word written in two pieces it always breaks."""
    least = min(100, face_of(font).charWidths[ord(" ")] / 2)
    return [i + 1 for i, (d, after) in enumerate(zip(data, data[1:]))
            if d.x_advance - d.width - d.x_offset + after.x_offset >= least]


def _bracket_end(start: int, reads: list[str], brackets: set[int]) -> int:
    """The end of a piece of brackets: the brackets and spaces right of ``start``."""
    end = start + 1
    while end < len(reads) and (end in brackets or reads[end].isspace()):
        end += 1
    return end


def _word(index: int, trailing: int, reads: list[str]) -> tuple[int, int]:
    """The glyphs of the word around ``index``: letters and marks, not spaces or stops."""
    first, end = index, index + 1
    while first > trailing and not _neutral(reads[first - 1]):
        first -= 1
    while end < len(reads) and not _neutral(reads[end]):
        end += 1
    return first, end


def _second_codes(glyphs: ShapedStr, logical: dict[int, str], font: str) -> ShapedStr:
    """The run with the glyphs of ``logical`` under a second code each, which reads as
    the text given (a ligature's letters in reading order, a bracket as written)."""
    ttf = getFont(font)
    assert isinstance(ttf, TTFont)
    face = face_of(font)
    name = face.name.decode("latin-1")
    # set on the font by TTFont.hbFont, which shapeFragWord has just called
    add_private = getattr(ttf, "hbAddPrivate")
    codes = list(glyphs)
    for i, reading in logical.items():
        glyph = face.charToGlyph[ord(glyphs[i])]
        code = chr(add_private(f"handouts-{glyph}-{reading}", glyph,
                               face.charWidths[ord(glyphs[i])]))
        _PRIVATE_USE_TEXT.setdefault((name, code), reading)
        codes[i] = code
    return ShapedStr("".join(codes), shapeData=getattr(glyphs, "__shapeData__"))


def _advance(data: list, size: float) -> float:
    return float(sum(d.x_advance for d in data)) * size / 1000


def _neutral(text: str) -> bool:
    """Spaces and punctuation only."""
    return all(unicodedata.bidirectional(c) in _NEUTRAL for c in text)


def draw(canv: Canvas, x: float, y: float, shaped: Shaped, font: str, size: float) -> None:
    """Draw a shaped run with its left end at x, in the canvas's fill colour.

    ``textOut`` rather than ``drawString``: no line feed after the run, so text
    extraction reads the runs of one line as one line.
    """
    if shaped.needs_actual_text:
        hex_text = shaped.text.encode("utf-16-be").hex().upper()
        canv.addLiteral(f"/Span <</ActualText <FEFF{hex_text}>>> BDC")
    for piece in shaped.pieces or (Piece(shaped.glyphs),):
        if piece.shows:
            hex_text = piece.shows.encode("utf-16-be").hex().upper()
            canv.addLiteral(f"/Span <</ActualText <FEFF{hex_text}>>> BDC")
        if piece.mark:
            _draw_outline(canv, x + piece.mark.dx, y + piece.mark.dy, piece.mark.glyph,
                          font, size)
        text = canv.beginText(x + piece.dx, y)
        text.setFont(font, size)
        if piece.mark:
            text.setTextRenderMode(3)  # invisible: the outline shows it
        text.textOut(piece.glyphs)
        if piece.mark:
            text.setTextRenderMode(0)
        canv.drawText(text)
        if piece.shows:
            canv.addLiteral("EMC")
    if shaped.needs_actual_text:
        canv.addLiteral("EMC")


def _draw_outline(canv: Canvas, x: float, y: float, glyph: int, font: str,
                  size: float) -> None:
    """Fill the outline of ``glyph`` with its origin at (x, y), in the fill colour."""
    scale = size / _UNITS
    path = canv.beginPath()
    for op, points in _outline(font, glyph):
        at = [coord for px, py in points for coord in (x + px * scale, y + py * scale)]
        if op == "M":
            path.moveTo(*at)
        elif op == "L":
            path.lineTo(*at)
        elif op == "C":
            path.curveTo(*at)
        else:
            path.close()
    canv.drawPath(path, stroke=0, fill=1, fillMode=_NON_ZERO)


_UNITS = 1000  # ReportLab's HarfBuzz fonts are scaled to 1000 units an em
_NON_ZERO = 1  # canvas.FILL_NON_ZERO (not in the type stubs): TrueType's fill rule


@lru_cache(maxsize=1000)
def _outline(font: str, glyph: int) -> tuple[tuple[str, tuple[tuple[float, float], ...]], ...]:
    """A glyph's outline from HarfBuzz, as moves, lines, cubic curves and closes."""
    ttf = getFont(font)
    assert isinstance(ttf, TTFont)
    pen = _OutlinePen()
    hb_font = ttf.hbFont(_UNITS / 100)
    assert hb_font.scale == (_UNITS, _UNITS)
    hb_font.draw_glyph_with_pen(glyph, pen)
    return tuple(pen.ops)


class _OutlinePen:
    """A fontTools-style pen that keeps a path, quadratic curves made cubic."""

    def __init__(self) -> None:
        self.ops: list[tuple[str, tuple[tuple[float, float], ...]]] = []
        self._at = (0.0, 0.0)

    def moveTo(self, point: tuple[float, float]) -> None:
        self.ops.append(("M", (point,)))
        self._at = point

    def lineTo(self, point: tuple[float, float]) -> None:
        self.ops.append(("L", (point,)))
        self._at = point

    def curveTo(self, *points: tuple[float, float]) -> None:
        self.ops.append(("C", points))
        self._at = points[-1]

    def qCurveTo(self, *points: tuple[float, float]) -> None:
        # Between two off-curve points lies an implied on-curve one, half-way.
        controls, end = points[:-1], points[-1]
        ends = [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
                for a, b in zip(controls, controls[1:])] + [end]
        for control, point in zip(controls, ends):
            start = self._at
            self.curveTo((start[0] + 2 / 3 * (control[0] - start[0]),
                          start[1] + 2 / 3 * (control[1] - start[1])),
                         (point[0] + 2 / 3 * (control[0] - point[0]),
                          point[1] + 2 / 3 * (control[1] - point[1])), point)

    def closePath(self) -> None:
        self.ops.append(("Z", ()))
