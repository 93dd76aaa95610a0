"""Fonts: pip-installed static faces, registered once, and a glyph check before rendering.

ReportLab draws a character the font lacks as an empty box without a warning (for TTF
fonts), so every text is checked against the font before it reaches the layout.
PT Sans is the default: four static faces (real bold and italic, not a variable font,
which ReportLab would render at weight 400 only) covering Latin and Cyrillic.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Literal

import fontpkg
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from handouts.errors import HandoutsError, Problem
from handouts.locales import BIDI_CONTROLS

Flag = Literal[0, 1]
PARAGRAPH_FACES: dict[tuple[Flag, Flag], str] = {  # (bold, italic) -> face
    (0, 0): "regular", (1, 0): "bold", (0, 1): "italic", (1, 1): "bolditalic"}
FACES = {"regular": (400, "normal"), "bold": (700, "normal"),
         "italic": (400, "italic"), "bolditalic": (700, "italic")}


@dataclass(frozen=True)
class FontSet:
    """ReportLab names of the four registered faces of one family."""

    family: str
    label: str  # human name, for error messages
    regular: str
    bold: str
    italic: str
    bolditalic: str
    scale: float = 1.0  # text sizes are multiplied by it (OPTICAL_SCALE)
    spacing: float = 1.0  # and line spacing by this too (LINE_SPACING)


# Families whose letters look small at a nominal size: their text is set larger, so a
# page reads as large in every language. Measured on the rendered glyphs: the body of
# Tajawal's Arabic letters (a tooth of س) is 0.425 em high, PT Sans's x-height 0.5 em;
# 1.1 closes most of that gap without pushing sheets onto another page. IBM Plex Sans
# Arabic's (ه) is 0.41 em, but its letters are wider: 1.1 keeps Urdu cards on two sides.
OPTICAL_SCALE = {"tajawal": 1.1, "ibm-plex-sans-arabic": 1.1}

# Scripts that stack marks above and below their letters need more room between lines:
# a Thai tone mark sits on an upper vowel, up to the line above's descenders at the
# Latin leading (seen on the rendered cards).
LINE_SPACING = {"sarabun": 1.15}


@cache
def font_set(family: str = "pt-sans") -> FontSet:
    """Register the four faces of a fontpkg family with ReportLab (once per process)."""
    names = {}
    paths = {}
    for face, (weight, style) in FACES.items():
        try:
            paths[face] = str(fontpkg.path(family, weight=weight, style=style))
        except fontpkg.FontpkgError as exc:
            if style == "italic" and face in ("italic", "bolditalic") and paths:
                # Arabic, Devanagari... have no italics: emphasis stays upright.
                paths[face] = paths["bold" if face == "bolditalic" else "regular"]
                continue
            raise HandoutsError([Problem(
                f"font '{family}' is not usable: {exc}",
                hint=f"install it with 'pip install fontpkg-{family}', or choose another "
                     "family under 'fonts:' in handouts.yaml")]) from None
    if paths["regular"] == paths["bold"]:
        # fontpkg returns the same variable font for every weight; ReportLab would draw
        # it at weight 400 only, so bold would silently look regular.
        raise HandoutsError([Problem(
            f"font '{family}' has no separate bold file (it is a variable font)",
            hint="choose a family with static faces, such as pt-sans (Latin, Cyrillic) "
                 "or tajawal (Arabic)")])
    registered: dict[str, str] = {}  # path -> name: an upright stand-in is not embedded twice
    for face, path in paths.items():
        if path not in registered:
            registered[path] = f"{family}-{face}"
            pdfmetrics.registerFont(TTFont(registered[path], path))
        names[face] = registered[path]
    # Map <b>/<i> in paragraphs to the real faces.
    for (bold, italic), face in PARAGRAPH_FACES.items():
        addMapping(family, bold, italic, names[face])
    label = family.replace("-", " ").title().replace("Pt ", "PT ")
    return FontSet(family=family, label=label, scale=OPTICAL_SCALE.get(family, 1.0),
                   spacing=LINE_SPACING.get(family, 1.0), **names)


def missing_glyphs(text: str, fonts: FontSet) -> list[str]:
    """Characters of ``text`` that one of the faces cannot draw, in order of appearance."""
    missing: list[str] = []
    characters = dict.fromkeys(text)  # each once, in order
    for face in (fonts.regular, fonts.bold, fonts.italic, fonts.bolditalic):
        covered = _coverage(face)
        missing += [char for char in characters if ord(char) not in covered
                    and not _invisible(char) and char not in missing]
    return missing


def describe_chars(chars: list[str]) -> str:
    return ", ".join(f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in chars)


def face_of(name: str) -> TTFontFace:
    """The font file's data of a registered face (every face is a TrueType file)."""
    font = pdfmetrics.getFont(name)
    assert isinstance(font, TTFont)
    return font.face


@cache
def _coverage(face: str) -> frozenset[int]:
    return frozenset(face_of(face).charToGlyph)


# Joiners steer the shaper (a Persian word's ZWNJ keeps two letters apart; a ZWJ joins
# them), the others the line breaker: none of them is drawn.
SHAPING_CONTROLS = frozenset("\u200c\u200d\u200b\u2060\u00ad")


def _invisible(char: str) -> bool:
    # Line breaks and tabs are layout, not glyphs; direction marks (Babel puts U+200F in
    # Arabic dates) steer the bidi algorithm and are never drawn.
    return char in "\n\r\t" or char in BIDI_CONTROLS or char in SHAPING_CONTROLS
