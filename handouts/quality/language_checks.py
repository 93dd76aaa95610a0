"""The plain-language findings of every sheet: reading level, long sentences, jargon.

Each sheet is one band in one language; a text shared by several bands is reported
once, at the line that holds it.
"""

from __future__ import annotations

from collections.abc import Iterator

from handouts.names import CheckId
from handouts.quality.context import CheckContext, Finding, subject
from handouts.quality.plain_language import (ReadingLevel, Sheet, long_sentences, sentence_limit,
                                             unexplained_jargon)


def reading_level(context: CheckContext) -> Iterator[Finding]:
    for sheet, level in context.reading_levels:
        if level.grade is not None and level.grade > level.max_grade:
            yield _level_finding(CheckId.READING_LEVEL, sheet, level,
                                 f"the most is grade {level.max_grade:g}")


def reading_level_recommended(context: CheckContext) -> Iterator[Finding]:
    for sheet, level in context.reading_levels:
        if level.grade is not None and level.max_grade >= level.grade > \
                level.recommended_grade:
            yield _level_finding(CheckId.READING_LEVEL_RECOMMENDED, sheet, level,
                                 f"grade {level.recommended_grade:g} is recommended")


def _level_finding(check: CheckId, sheet: Sheet, level: ReadingLevel, target: str) -> Finding:
    where = f", band '{level.band}'" if level.band else ""
    hardest = ", ".join(f"'{s.section}' ({s.description})" for s in level.hardest)
    return Finding(
        check, f"reads at {level.description} ({level.locale}{where}); {target}",
        subject(sheet.loaded), level.file, level.line,
        (f"hardest sections: {hardest}. " if hardest else "") +
        "Use shorter sentences and everyday words")


def long_sentence(context: CheckContext) -> Iterator[Finding]:
    targets = context.project.config.readability
    seen: set[tuple[object, ...]] = set()
    for sheet in context.sheets:
        limit = sentence_limit(targets, sheet.locale)
        for long in long_sentences(sheet, limit):
            if (long.file, long.line, long.sentence) not in seen:
                seen.add((long.file, long.line, long.sentence))
                yield Finding(
                    CheckId.LONG_SENTENCE, f"a sentence of {long.words} words "
                    f"({sheet.locale}): \"{long.sentence}\"", subject(sheet.loaded),
                    long.file, long.line, f"split it: sentences of at most {limit} words "
                    "are easier to follow")


def jargon(context: CheckContext) -> Iterator[Finding]:
    seen: set[tuple[object, ...]] = set()
    for sheet in context.sheets:
        for use in unexplained_jargon(sheet, context.glossary(sheet.locale)):
            line = use.piece.line_of(use.found)
            if (use.term.word, use.piece.file, line) not in seen:
                seen.add((use.term.word, use.piece.file, line))
                yield Finding(
                    CheckId.JARGON, f"'{use.found}' is a medical word ({sheet.locale}); "
                    f"its glossary says: {use.term.plain}", subject(sheet.loaded),
                    use.piece.file, line,
                    f"write '{use.term.plain}', or explain it in brackets where it first "
                    f"appears: '{use.found} ({use.term.plain})'")
