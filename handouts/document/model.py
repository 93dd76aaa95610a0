"""The document every backend writes: one handout (or a pack's cover), fully decided.

A :class:`Document` is the semantic tree the template rendered, the page model around
it, the metadata, the format of its pages and how its language is set. It holds no
ReportLab object and no HTML: the PDF backend lays it out, another backend could write
it as HTML, and both print the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handouts.document.fonts import FontSet
from handouts.document.page import PageModel
from handouts.document.semantic import Element
from handouts.document.theme import PageFormat
from handouts.i18n.words import Words
from handouts.locales import hyphenation_language, is_rtl, needs_shaping


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str


@dataclass(frozen=True)
class Typesetting:
    """How a language's text is set: its direction, whether its script is shaped
    (Arabic, Devanagari...), its hyphenation dictionary, and the language of Latin words
    in a text of another script."""

    locale: str
    rtl: bool
    shaped: bool
    hyphenation: str | None
    latin_language: str | None = None  # of Latin words in another script (the clinic's)

    @classmethod
    def for_locale(cls, locale: str) -> Typesetting:
        return cls(locale, is_rtl(locale), needs_shaping(locale),
                   hyphenation_language(locale))


@dataclass(frozen=True)
class Origin:
    """Where a document comes from, for error messages and its images."""

    source: Path  # the handout file (or its PO file, or the pack file)
    label: str  # "handout 'newborn-tremor', band 'under-1-month', brand 'riverside'"
    assets: Path  # the folder its image paths are relative to


@dataclass(frozen=True)
class Document:
    body: Element
    format: PageFormat
    sides: int  # printed sides; a format with ``fit_sides`` must fit them
    page: PageModel
    metadata: Metadata
    setting: Typesetting
    words: Words
    fonts: FontSet
    origin: Origin
    calls: dict[str, str]  # by a tone's call: "Call 999 now", "Out of hours: 111"
