"""Reading level of a text: sentences, words and syllables, and each language's formula.

The formulas are the published ones; what makes them right or wrong is the syllable
count. English syllables come from syllapy (a dictionary of English words with rules for
the rest, offline; textstat would download NLTK's CMU dictionary at run time). Spanish
and Russian syllables follow their spelling exactly: a Russian syllable is one vowel
letter, a Spanish one a vowel or a diphthong. Hyphenation patterns (pyphen) undercount
both, because they never split off a single letter ("agua" would be one syllable).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import syllapy

from handouts.locales import language

# A sentence ends at . ! ? … (or the Devanagari, Bengali and Urdu full stops, the Arabic
# question mark) followed by a space; "37.5" mid-sentence does not.
SENTENCE_END_RE = re.compile(r"(?<=[.!?…।॥۔؟])[\"'»”)]*\s+")
# Thai, Lao, Khmer and Burmese put no space between words and a space between phrases
# and sentences, which have no full stop.
UNSPACED_SCRIPT_RE = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
# ICU's word statuses: letters, kana and ideographs (numbers and punctuation are not words).
WORD_STATUSES = range(200, 500)


@dataclass(frozen=True)
class TextStats:
    sentences: int
    words: int
    syllables: int

    def __add__(self, other: TextStats) -> TextStats:
        return TextStats(self.sentences + other.sentences, self.words + other.words,
                         self.syllables + other.syllables)

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words


NO_TEXT = TextStats(0, 0, 0)


@dataclass(frozen=True)
class GradeBand:
    """One row of an ease formula's published table: scores from ``min_score`` up."""

    min_score: float
    grade: int  # the lowest school grade of the row: what a grade target compares with
    label: str  # "grade 8-9"


@dataclass(frozen=True)
class Formula:
    name: str
    score: Callable[[TextStats], float]
    table: tuple[GradeBand, ...] = ()  # empty: the score is itself a US school grade

    def grade(self, score: float) -> float:
        if not self.table:
            return score
        return next((row.grade for row in self.table if score >= row.min_score),
                    self.table[-1].grade)

    def describe(self, score: float, named: bool = True) -> str:
        """'grade 3.2', or 'Fernández-Huerta 74.1 (grade 6)' ('74.1, grade 6' unnamed)."""
        if not self.table:
            return f"grade {score:.1f}"
        label = next((row.label for row in self.table if score >= row.min_score),
                     self.table[-1].label)
        return f"{self.name} {score:.1f} ({label})" if named else f"{score:.1f}, {label}"


# Flesch (1949), "The Art of Readable Writing": reading ease to school grade.
FLESCH_TABLE = (GradeBand(90, 5, "grade 5"), GradeBand(80, 6, "grade 6"),
                GradeBand(70, 7, "grade 7"), GradeBand(60, 8, "grade 8-9"),
                GradeBand(50, 10, "grade 10-12"), GradeBand(30, 13, "college"),
                GradeBand(-1000, 17, "college graduate"))
# Fernández Huerta (1959): his table maps the Spanish ease score to the school grade.
FERNANDEZ_HUERTA_TABLE = (GradeBand(90, 4, "grade 4"), GradeBand(80, 5, "grade 5"),
                          GradeBand(70, 6, "grade 6"), GradeBand(60, 7, "grade 7-8"),
                          GradeBand(50, 9, "pre-university"), GradeBand(30, 13, "university"),
                          GradeBand(-1000, 17, "graduate"))

FLESCH_KINCAID = Formula(
    "Flesch-Kincaid grade",
    lambda s: 0.39 * s.words_per_sentence + 11.8 * s.syllables_per_word - 15.59)
# Law (2011) corrected form, as legible.es and textstat use it: the printed 1959 formula
# weighted sentences per 100 words, which rewards longer sentences.
FERNANDEZ_HUERTA = Formula(
    "Fernández-Huerta",
    lambda s: 206.84 - 60 * s.syllables_per_word - 1.02 * s.words_per_sentence,
    FERNANDEZ_HUERTA_TABLE)
# Oborneva (2006) fitted Flesch's coefficients to Russian, keeping Flesch's scale.
OBORNEVA = Formula(
    "Flesch-Oborneva",
    lambda s: 206.835 - 1.3 * s.words_per_sentence - 60.1 * s.syllables_per_word,
    FLESCH_TABLE)


# Kandel and Moles (1958) refitted Flesch's formula to French, keeping Flesch's scale.
KANDEL_MOLES = Formula(
    "Kandel-Moles",
    lambda s: 207 - 1.015 * s.words_per_sentence - 73.6 * s.syllables_per_word,
    FLESCH_TABLE)


def english_syllables(word: str) -> int:
    return max(1, int(syllapy.count(word.replace("’", "'"))))


RUSSIAN_VOWELS = set("аеёиоуыэюя")


def russian_syllables(word: str) -> int:
    # One-letter prepositions (в, к, с) have no vowel: they are words of no syllable.
    return sum(letter in RUSSIAN_VOWELS for letter in word.lower())


SPANISH_STRONG = set("aeoáéóíú")  # an accented i or u is strong: it forms a hiatus
SPANISH_VOWELS = SPANISH_STRONG | set("iuü")


def spanish_syllables(word: str) -> int:
    """Vowel nuclei: two strong vowels side by side are two syllables (hiatus), any other
    pair one (diphthong). The u of que/qui/gue/gui is silent; a final y is a vowel."""
    word = re.sub(r"(?<=[qg])u(?=[eiéí])", "", word.lower())
    word = re.sub(r"(?<=[aeiou])y$", "i", word)
    if word == "y":
        return 1
    count = 0
    previous = ""
    for letter in word:
        if letter in SPANISH_VOWELS:
            if not previous or (previous in SPANISH_STRONG and letter in SPANISH_STRONG):
                count += 1
            previous = letter
        else:
            previous = ""
    return max(1, count)


FRENCH_VOWELS = re.compile(r"[aeiouyàâäéèêëîïôöùûüÿœæ]+")


def french_syllables(word: str) -> int:
    """Spoken syllables: groups of vowel letters, less a final mute e ("lange", "langes"
    and "pleurent" have one)."""
    word = word.lower().replace("’", "'").split("'")[-1]
    count = len(FRENCH_VOWELS.findall(word))
    if count > 1 and re.search(r"[^aeiouyàâäéèêëîïôöùûüÿœæ](e|es|ent)$", word):
        count -= 1
    return max(1, count)


@dataclass(frozen=True)
class LanguageRules:
    formula: Formula
    syllables: Callable[[str], int]


LANGUAGES = {
    "en": LanguageRules(FLESCH_KINCAID, english_syllables),
    "es": LanguageRules(FERNANDEZ_HUERTA, spanish_syllables),
    "ru": LanguageRules(OBORNEVA, russian_syllables),
    "fr": LanguageRules(KANDEL_MOLES, french_syllables),
}


def rules_for(locale: str) -> LanguageRules | None:
    """The formula for a locale's language (en-GB uses en), or None if there is none."""
    return LANGUAGES.get(language(locale))


def words(text: str) -> list[str]:
    """The words of a text, by ICU's word boundaries (UAX #29 and, for Thai and the
    other scripts written without spaces, its dictionaries), so vowel signs stay in
    their word; a hyphenated word ("check-up") is one word."""
    breaker = _word_breaker()
    breaker.setText(text)
    found: list[str] = []
    start = last_end = breaker.first()
    for end in breaker:
        if breaker.getRuleStatus() in WORD_STATUSES:
            if found and text[last_end:start] in ("-", "\u2010"):
                found[-1] += text[last_end:end]
            else:
                found.append(text[start:end])
            last_end = end
        start = end
    return found


def sentences(text: str) -> list[str]:
    """A text split into sentences. A list item without a full stop is one sentence."""
    splitter = re.compile(r"\s+") if UNSPACED_SCRIPT_RE.search(text) else SENTENCE_END_RE
    return [part for part in splitter.split(text.strip()) if words(part)]


_PER_THREAD = threading.local()  # a break iterator holds its text: one per desk thread


def _word_breaker() -> Any:
    breaker = getattr(_PER_THREAD, "words", None)
    if breaker is None:
        import icu

        breaker = _PER_THREAD.words = icu.BreakIterator.createWordInstance(
            icu.Locale.getRoot())
    return breaker


def measure(texts: Sequence[str], rules: LanguageRules) -> TextStats:
    """Sentences, words and syllables of plain texts (paragraphs, list items)."""
    total = NO_TEXT
    for text in texts:
        for sentence in sentences(text):
            found = words(sentence)
            total += TextStats(1, len(found), sum(
                rules.syllables(part) for word in found for part in word.split("-")))
    return total
