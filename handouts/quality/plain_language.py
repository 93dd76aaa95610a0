"""Plain-language checks of the printed words: reading level, long sentences, jargon.

They read each sheet as a parent gets it: one age band, in one language, so a Russian
translation that reads harder than its English source is caught on its own. Findings
point at the line a writer has to change: the YAML line of a source text, or the PO
entry of a translation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from handouts.document.render import plain_text
from handouts.errors import HandoutsError
from handouts.i18n.catalogs import CatalogFiles
from handouts.i18n.localize import LocalizedHandout, localize
from handouts.i18n.messages import source_texts
from handouts.locales import fallbacks
from handouts.project.bands import for_band
from handouts.project.config import ReadabilityTargets
from handouts.project.content import PLACEHOLDER_RE, AgeBand, LoadedHandout, Text
from handouts.project.loader import Project
from handouts.project.validation import Model, validate_document
from handouts.project.yamlsource import KeyPath, YamlDocument, load_yaml
from handouts.quality.readability import (
    NO_TEXT,
    Formula,
    LanguageRules,
    TextStats,
    measure,
    rules_for,
    sentences,
    words,
)

WORST_SECTIONS = 2
MIN_SECTION_WORDS = 12  # fewer words give a grade that means nothing


@dataclass(frozen=True)
class Piece:
    """One printed text of a sheet, as plain words, and the line that holds it."""

    section: str  # section id, or "summary"/"title"
    text: str
    prose: bool  # paragraphs and list items; titles and headings are not read as prose
    file: Path
    line: int | None
    doc: YamlDocument | None = None  # the source file, to find a word's own line
    path: KeyPath = ()

    def line_of(self, needle: str) -> int | None:
        """The line of ``needle`` in a source text (a PO entry gives its first line)."""
        if self.doc is None:
            return self.line
        return self.doc.find(self.path, needle)[0] or self.line


@dataclass(frozen=True)
class SectionLevel:
    section: str
    score: float
    description: str


@dataclass(frozen=True)
class ReadingLevel:
    """The reading level of one sheet: a handout in one band and locale."""

    handout: str
    band: str | None
    locale: str
    formula: Formula | None
    score: float | None
    stats: TextStats
    max_grade: float
    recommended_grade: float
    hardest: tuple[SectionLevel, ...]  # hardest first, only sections long enough to score
    file: Path
    line: int | None

    @property
    def grade(self) -> float | None:
        return None if self.formula is None or self.score is None else \
            self.formula.grade(self.score)

    @property
    def description(self) -> str:
        if self.formula is None or self.score is None:
            return "no readability formula for this language"
        return self.formula.describe(self.score)

    def as_json(self) -> dict[str, object]:
        return {"handout": self.handout, "band": self.band, "locale": self.locale,
                "formula": self.formula.name if self.formula else None,
                "score": None if self.score is None else round(self.score, 1),
                "grade": self.grade, "max_grade": self.max_grade,
                "recommended_grade": self.recommended_grade,
                "sentences": self.stats.sentences, "words": self.stats.words,
                "syllables": self.stats.syllables,
                "hardest_sections": [{"section": s.section, "score": round(s.score, 1)}
                                     for s in self.hardest]}


@dataclass(frozen=True)
class Sheet:
    """The printed texts of one handout in one band and locale."""

    loaded: LoadedHandout
    band: AgeBand | None
    locale: str
    pieces: tuple[Piece, ...]
    file: Path  # where a writer changes this sheet's words: the YAML or the PO file


def sheets(project: Project, files: CatalogFiles, handouts: list[LoadedHandout],
           locales: list[str]) -> Iterator[Sheet]:
    """Every sheet of the handouts in each of ``locales`` that can be printed.

    A translation that is unfinished is skipped here: the build check reports it.
    """
    for loaded in handouts:
        for locale in locales:
            try:
                localized = localize(loaded, locale, files)
            except HandoutsError:
                continue
            bands: list[AgeBand | None] = [*loaded.handout.age_bands] or [None]
            for band in bands:
                yield Sheet(loaded, band, locale, tuple(_pieces(loaded, localized, band)),
                            localized.source or loaded.path)


def _pieces(loaded: LoadedHandout, localized: LocalizedHandout,
            band: AgeBand | None) -> Iterator[Piece]:
    source = for_band(loaded.handout, band) if band else loaded.handout
    shown = for_band(localized.handout, band) if band else localized.handout
    paths = {(t.context, t.text): t.path for t in source_texts(loaded.handout)}
    # Translation keeps the structure, so the two walks pair text for text.
    for original, text in zip(source_texts(source), source_texts(shown)):
        if not text.printed or text.path[0] not in ("title", "summary", "sections"):
            continue
        section = source.sections[int(text.path[1])].id if text.path[0] == "sections" \
            else str(text.path[0])
        prose = text.path[0] != "title" and text.path[-1] != "heading"
        plain = plain_text(PLACEHOLDER_RE.sub("", text.text), {})
        found = localized.entry(original)
        if found is not None and found[1].msgstr:
            yield Piece(section, plain, prose, found[0].path, found[1].linenum or None)
        else:
            doc, path = loaded.source_of(paths[(original.context, original.text)])
            yield Piece(section, plain, prose, doc.path, doc.position(path)[0], doc, path)


# ---------------------------------------------------------------- reading level


def targets_for(targets: ReadabilityTargets, locale: str) -> tuple[float, float]:
    """(maximum grade, recommended grade) for a locale: its own setting or the default."""
    maximum, recommended = targets.max_grade, targets.recommended_grade
    for code in reversed(fallbacks(locale)):
        own = targets.locales.get(code)
        if own is not None:
            maximum = own.max_grade if own.max_grade is not None else maximum
            recommended = own.recommended_grade if own.recommended_grade is not None \
                else recommended
    return maximum, recommended


def sentence_limit(targets: ReadabilityTargets, locale: str) -> int:
    """The longest sentence, in words, for a locale: its own setting or the default."""
    limit = targets.max_sentence_words
    for code in reversed(fallbacks(locale)):
        own = targets.locales.get(code)
        if own is not None and own.max_sentence_words is not None:
            limit = own.max_sentence_words
    return limit


def reading_level(sheet: Sheet, targets: ReadabilityTargets) -> ReadingLevel:
    rules = rules_for(sheet.locale)
    maximum, recommended = targets_for(targets, sheet.locale)
    prose = [piece for piece in sheet.pieces if piece.prose]
    formula: Formula | None = None
    score: float | None = None
    stats, hardest = NO_TEXT, tuple[SectionLevel, ...]()
    if rules is not None and prose:
        formula = rules.formula
        stats = measure([p.text for p in prose], rules)
        score = formula.score(stats)
        hardest = _hardest_sections(prose, rules)
    # Point at the hardest section, where a writer starts shortening.
    own = [p for p in prose if p.file == sheet.file]
    line = next((p.line for p in own if hardest and p.section == hardest[0].section),
                own[0].line if own else None)
    return ReadingLevel(sheet.loaded.id, sheet.band.id if sheet.band else None,
                        sheet.locale, formula, score, stats, maximum, recommended, hardest,
                        sheet.file, line)


def _hardest_sections(prose: list[Piece], rules: LanguageRules) -> tuple[SectionLevel, ...]:
    formula = rules.formula
    by_section: dict[str, list[str]] = {}
    for piece in prose:
        by_section.setdefault(piece.section, []).append(piece.text)
    scored = []
    for section, texts in by_section.items():
        part = measure(texts, rules)
        if part.words >= MIN_SECTION_WORDS:
            score = formula.score(part)
            scored.append(SectionLevel(section, score, formula.describe(score, named=False)))
    # Ease scores fall as text gets harder; grades rise.
    scored.sort(key=lambda s: -s.score if formula.table else s.score, reverse=True)
    return tuple(scored[:WORST_SECTIONS])


@dataclass(frozen=True)
class LongSentence:
    sentence: str
    words: int
    file: Path
    line: int | None


def long_sentences(sheet: Sheet, limit: int) -> Iterator[LongSentence]:
    for piece in sheet.pieces:
        for sentence in sentences(piece.text):
            count = len(words(sentence))
            if count > limit:
                start = " ".join(words(sentence)[:3])
                yield LongSentence(sentence, count, piece.file, piece.line_of(start))


# ---------------------------------------------------------------- jargon


class Glossary(Model):
    """``data/glossary/<locale>.yaml``: medical words and the plain words for them."""

    terms: dict[Text, Text] = Field(
        description="Medical word: plain alternative. A * stands for any letters "
                    "(fontanel* matches fontanel and fontanelles).")


@dataclass(frozen=True)
class Term:
    word: str  # as the glossary writes it
    plain: str
    pattern: re.Pattern[str]


def load_glossary(folder: Path, locale: str) -> list[Term]:
    """The glossary for a locale (es-MX uses es.yaml if it has none of its own)."""
    for code in fallbacks(locale):
        path = folder / f"{code}.yaml"
        if path.is_file():
            doc = load_yaml(path)
            glossary = validate_document(Glossary, doc)
            return [Term(word, plain, _term_pattern(word))
                    for word, plain in glossary.terms.items()]
    return []


def _term_pattern(word: str) -> re.Pattern[str]:
    body = re.escape(word).replace(r"\*", r"\w*").replace(r"\ ", r"\s+")
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class JargonUse:
    term: Term
    found: str  # the word as the text writes it
    piece: Piece


def unexplained_jargon(sheet: Sheet, glossary: list[Term]) -> Iterator[JargonUse]:
    """Glossary words whose first use on the sheet is not explained in brackets:
    'fontanelle (soft spot)' and 'soft spot (fontanelle)' both explain it."""
    for term in glossary:
        # A title may name the condition; the summary or the text must explain it.
        for piece in (p for p in sheet.pieces if p.section != "title"):
            match = term.pattern.search(piece.text)
            if match is None:
                continue
            if not _bracketed(piece.text, match):
                yield JargonUse(term, match.group(0), piece)
            break


def _bracketed(text: str, match: re.Match[str]) -> bool:
    followed = re.match(r"\s*\(", text[match.end():]) is not None
    before = text[:match.start()]
    inside = before.rfind("(") > before.rfind(")")
    return followed or inside
