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
  extraction get real letters; only glyphs without one (Devanagari conjuncts) get
  private-use codes, and those runs are wrapped in an /ActualText span so that the
  real text is what a reader copies. Contextual alternates (``calt``, a matter of style)
  are off because their glyphs have no code point.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.abag import ABag
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, shapeFragWord
from reportlab.pdfgen.canvas import Canvas

_PRIVATE_USE = range(0xE000, 0xF900)
FEATURES = {"kern": True, "liga": True, "calt": False}


@dataclass(frozen=True)
class Shaped:
    """A run of glyphs ready to draw: what to pass to drawString and how wide it is."""

    glyphs: str
    width: float
    text: str  # the run's characters in logical order, for /ActualText

    @property
    def needs_actual_text(self) -> bool:
        return any(ord(c) in _PRIVATE_USE for c in self.glyphs)


@lru_cache(maxsize=20000)
def shape(text: str, font: str, size: float) -> Shaped:
    """HarfBuzz shaping of one run of a single direction (the direction is guessed from
    its script: Arabic runs come back right to left, in visual order)."""
    glyphs = shapeFragWord([stringWidth(text, font, size),
                            (ABag(fontName=font, fontSize=size), text)], FEATURES)[1][1]
    if isinstance(glyphs, ShapedStr):
        width = sum(d.x_advance for d in getattr(glyphs, "__shapeData__")) * size / 1000
    else:
        width = stringWidth(glyphs, font, size)
    return Shaped(glyphs, width, text)


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
