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
  point.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.abag import ABag
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, shapeFragWord
from reportlab.pdfgen.canvas import Canvas

from handouts.document.fonts import face_of

_PRIVATE_USE = range(0xE000, 0xF900)
FEATURES = {"kern": True, "liga": True, "calt": False}


@dataclass(frozen=True)
class Shaped:
    """A run of glyphs ready to draw: what to pass to drawString and how wide it is."""

    glyphs: str
    width: float
    text: str  # the run's characters in logical order, for /ActualText
    rtl: bool = False

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
    if isinstance(glyphs, ShapedStr):
        width = sum(d.x_advance for d in getattr(glyphs, "__shapeData__")) * size / 1000
        if any(ord(c) in _PRIVATE_USE for c in glyphs):
            _remember_private_use(text, glyphs, font, rtl)
    else:
        width = stringWidth(glyphs, font, size)
    return Shaped(glyphs, width, text, rtl)


def draw(canv: Canvas, x: float, y: float, shaped: Shaped, font: str, size: float) -> None:
    """Draw a shaped run with its left end at x, in the canvas's fill colour.

    ``textOut`` rather than ``drawString``: no line feed after the run, so text
    extraction reads the runs of one line as one line.
    """
    if shaped.needs_actual_text:
        hex_text = shaped.text.encode("utf-16-be").hex().upper()
        canv.addLiteral(f"/Span <</ActualText <FEFF{hex_text}>>> BDC")
    text = canv.beginText(x, y)
    text.setFont(font, size)
    text.textOut(shaped.glyphs)
    canv.drawText(text)
    if shaped.needs_actual_text:
        canv.addLiteral("EMC")
