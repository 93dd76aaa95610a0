"""The theme's text styles and colours as ReportLab objects, and inline markup.

``document/theme.py`` says what each style is (size, leading, face, colour role); this
module turns that into ``ParagraphStyle`` objects once per document, and the semantic
tree's inline elements into ReportLab's paragraph markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from handouts.backends.pdf.shaped_text import TextDirection
from handouts.document.fonts import FontSet
from handouts.document.semantic import Element
from handouts.document.theme import DRAFT_INK, INK, MUTED, Face, Ink, PageFormat, TextStyle, Theme

HYPHENATE_FROM = 8  # letters: splitting shorter words ("an-tes") costs more than it saves


@cache
def colour(hex_colour: str) -> colors.Color:
    return colors.HexColor(hex_colour)


def draft_ink() -> colors.Color:
    red, green, blue, alpha = DRAFT_INK
    return colors.Color(red, green, blue, alpha=alpha)


@dataclass
class Styles:
    """Paragraph styles of one document, from its page format and brand colours."""

    fonts: FontSet
    format: PageFormat
    theme: Theme
    direction: TextDirection
    hyphenation: str | None = None
    by_name: dict[str, ParagraphStyle] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name, text in self.format.text.items():
            self.by_name[name] = self._paragraph_style(name, text)

    @property
    def primary(self) -> colors.Color:
        return colour(self.theme.primary)

    @property
    def accent(self) -> colors.Color:
        return colour(self.theme.accent)

    def ink(self, role: Ink) -> colors.Color:
        return {Ink.INK: colour(INK), Ink.MUTED: colour(MUTED), Ink.PRIMARY: self.primary}[role]

    def face(self, face: Face) -> str:
        return {Face.REGULAR: self.fonts.regular, Face.BOLD: self.fonts.bold,
                Face.ITALIC: self.fonts.italic}[face]

    def _paragraph_style(self, name: str, text: TextStyle) -> ParagraphStyle:
        space_after = self.format.paragraph_space if text.space_after is None \
            else text.space_after
        # None switches hyphenation off (the stubs only know the language names).
        hyphenation: Any = self.hyphenation if self.format.hyphenate else None
        return ParagraphStyle(
            name, fontName=self.face(text.face), fontSize=text.size * self.fonts.scale,
            leading=text.leading * self.fonts.scale * self.fonts.spacing,
            textColor=self.ink(text.ink), spaceBefore=text.space_before,
            spaceAfter=space_after, keepWithNext=int(text.keep_with_next),
            hyphenationLang=hyphenation, hyphenationMinWordLength=HYPHENATE_FROM)

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.by_name[name]

    def paragraph(self, markup: str, style: ParagraphStyle | str) -> Flowable:
        """A paragraph in the language's direction and script."""
        if isinstance(style, str):
            style = self[style]
        return self.direction.paragraph(markup, style)


_INLINE_TAGS = {"strong": "b", "b": "b", "em": "i", "i": "i"}


def inline_markup(element: Element) -> str:
    """Children of an element as ReportLab paragraph markup (text escaped)."""
    parts: list[str] = []
    for child in element.children:
        if isinstance(child, str):
            parts.append(escape(re.sub(r"\s+", " ", child)))
        elif child.tag == "br":
            parts.append("<br/>")
        elif child.tag in _INLINE_TAGS:
            tag = _INLINE_TAGS[child.tag]
            parts.append(f"<{tag}>{inline_markup(child)}</{tag}>")
    return "".join(parts).strip()
