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
  called with a name of our own.

A right-to-left run is written in pieces, from its right end to its left, for the
extractors that read the glyphs without the structure tree. pypdf has no bidi algorithm:
it reverses the glyphs it is given and takes a space or a stop for the direction of the
letter before it in the stream. So the spaces and stops at the run's left end (its last
characters) are a piece of their own, written after the letters. A bracket is drawn
mirrored in right-to-left text, ")" for "(": its glyph gets a second code that reads as
"(", since pypdf and pdftotext do not mirror it back; PDFium does, so the piece of
brackets (with the spaces between them) also carries an /ActualText of what the page
shows. A run with a raised mark is written whole: ReportLab writes the mark
as a text object of its own, and PDFium then takes the pieces for separate lines.
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
FEATURES = {"kern": True, "liga": True, "calt": False}


@dataclass(frozen=True)
class Piece:
    """Glyphs written together, ``dx`` right of the run's left end; ``shows``: what the
    page shows of a piece of mirrored brackets, in reading order, as its /ActualText."""

    glyphs: str
    dx: float = 0.0
    shows: str = ""


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
    if not rtl or any(d.y_offset for d in getattr(glyphs, "__shapeData__")):
        return Shaped(glyphs, width, text, rtl)
    unmirrored = _unmirrored(text, glyphs, font)
    pieces = _right_to_left_pieces(unmirrored, glyphs, font, size)
    return Shaped(unmirrored, width, text, rtl, pieces)


def _unmirrored(text: str, glyphs: ShapedStr, font: str) -> ShapedStr:
    """The run with each mirrored bracket's glyph under a second code, which reads as
    the character it was drawn for."""
    data = getattr(glyphs, "__shapeData__")
    ttf = getFont(font)
    assert isinstance(ttf, TTFont)
    face = face_of(font)
    codes = []
    for code, d in zip(glyphs, data):
        char = text[d.cluster]
        if unicodedata.mirrored(char) and code != char:
            glyph = face.charToGlyph[ord(code)]
            # set on the font by TTFont.hbFont, which shapeFragWord has just called
            add_private = getattr(ttf, "hbAddPrivate")
            code = chr(add_private(f"handouts-mirrored-{glyph}", glyph,
                                   face.charWidths[ord(code)]))
            _PRIVATE_USE_TEXT.setdefault((face.name.decode("latin-1"), code), char)
        codes.append(code)
    return ShapedStr("".join(codes), shapeData=data)


def _right_to_left_pieces(glyphs: ShapedStr, shown: str, font: str,
                          size: float) -> tuple[Piece, ...]:
    """The pieces of a right-to-left run (see the module's docstring), from right to
    left; ``shown`` has the glyphs' codes before ``_unmirrored``."""
    data = getattr(glyphs, "__shapeData__")
    face = face_of(font).name.decode("latin-1")
    reads = [private_use_text(face, code) or code for code in glyphs]
    mirrored = [code != shown[i] for i, code in enumerate(glyphs)]
    cuts = {0, len(glyphs)}
    trailing = 0  # spaces and stops at the left end: the run's last characters
    while (trailing < len(glyphs) - 1 and _neutral(reads[trailing])
           and not mirrored[trailing]):
        trailing += 1
    cuts.add(trailing)
    brackets: set[int] = set()  # where a piece of brackets (and spaces between) starts
    start = 0
    while start < len(glyphs):
        end = start + 1
        if mirrored[start]:
            while end < len(glyphs) and (mirrored[end] or reads[end].isspace()):
                end += 1
            cuts |= {start, end}
            brackets.add(start)
        start = end
    bounds = sorted(cuts)
    pieces = []
    for start, end in zip(bounds, bounds[1:]):
        dx = sum(d.x_advance for d in data[:start]) * size / 1000
        shows = shown[start:end][::-1] if start in brackets else ""
        pieces.append(Piece(glyphs[start:end], dx, shows))
    return tuple(reversed(pieces))


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
        text = canv.beginText(x + piece.dx, y)
        text.setFont(font, size)
        text.textOut(piece.glyphs)
        canv.drawText(text)
        if piece.shows:
            canv.addLiteral("EMC")
    if shaped.needs_actual_text:
        canv.addLiteral("EMC")
