"""Right-to-left and mixed-direction text: bidi levels, line breaks, visual runs.

Pure text logic, no PDF: the layout stage measures words with shaped widths and draws
the runs this module returns. The order of work is the one UAX #9 prescribes:

1. resolve embedding levels for the whole paragraph, in logical order (python-bidi);
2. break lines in logical order, from the widths of shaped words;
3. reorder each line for display (rules L1 and L2), as runs of one level and one style.

Latin-script parts of right-to-left text (a clinic's name, a web address, a phone
number, "38 °C") are wrapped in a left-to-right embedding first (``latin_islands``), so
"+44 20 7946 0000" keeps its digit groups in order instead of being read right to left
group by group, and "°C" stays after its number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bidi import algorithm as uax9
from bidi.mirror import MIRRORED

from handouts.locales import BIDI_CONTROLS

LRE, PDF = "\u202a", "\u202c"
# python-bidi's level resolution predates isolates (Unicode 6.3); an isolate around a
# short run behaves like an embedding, so map them (FSI as LRI: our isolates are Latin).
_ISOLATES = str.maketrans({"\u2066": LRE, "\u2067": "\u202b", "\u2068": LRE,
                           "\u2069": PDF})


_LATIN_STRETCH = re.compile(r"[A-Za-z0-9.,:/°%@_+\-()'’&#=? ]+")
_LATIN_LETTER = re.compile(r"[A-Za-z°%@]")
_EDGE = " .,:;!?()"


def _opens_pair(piece: str) -> bool:
    """"(555) 010-2030" keeps its bracket: it closes inside the piece."""
    return piece[0] == "(" and piece.count(")") >= piece.count("(")


def _closes_pair(piece: str) -> bool:
    return piece[-1] == ")" and piece.count("(") >= piece.count(")")


def latin_islands(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of Latin-script words and numbers that must read left
    to right as a unit inside right-to-left text: one with a Latin letter or unit
    ("Riverside Clinic", "38 °C", "www.example.org") or a number in groups ("+44 20 7946
    0000", "(555) 010-2030"). Lone numbers and ranges ("2 إلى 3") are left to the bidi
    algorithm, which already orders them the way a right-to-left reader expects. Spaces
    and punctuation at either end belong to the surrounding sentence, unless a bracket
    pairs with one inside."""
    islands: list[tuple[int, int]] = []
    for match in _LATIN_STRETCH.finditer(text):
        start, end = match.span()
        while start < end and text[start] in _EDGE and not _opens_pair(text[start:end]):
            start += 1
        while end > start and text[end - 1] in _EDGE and not _closes_pair(text[start:end]):
            end -= 1
        piece = text[start:end]
        if piece and (_LATIN_LETTER.search(piece) or piece.startswith("+")
                      or len(re.findall(r"\d+", piece)) >= 2):
            islands.append((start, end))
    return islands


def levels(text: str, rtl: bool) -> list[int]:
    """The resolved embedding level of every character (even: LTR, odd: RTL), for a
    paragraph whose base direction is ``rtl``. Bidi controls get the base level."""
    base = 1 if rtl else 0
    storage = uax9.get_empty_storage()
    storage["base_level"], storage["base_dir"] = base, "R" if rtl else "L"
    uax9.get_embedding_levels(text.translate(_ISOLATES), storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index  # rule X9 drops the controls: remember who is who
    uax9.explicit_embed_and_overrides(storage)
    uax9.resolve_weak_types(storage)
    uax9.resolve_neutral_types(storage, False)
    uax9.resolve_implicit_levels(storage, False)
    result = [base] * len(text)
    for char in storage["chars"]:
        result[char["index"]] = char["level"]
    return result


@dataclass(frozen=True)
class Run:
    """Characters ``start:end`` (logical order) of one level and one style, to be drawn
    as one shaped piece; ``rtl`` pieces are shaped right to left."""

    start: int
    end: int
    level: int
    style: int

    @property
    def rtl(self) -> bool:
        return self.level % 2 == 1


def visual_runs(text: str, levels_: Sequence[int], styles: Sequence[int], start: int,
                end: int, base: int) -> list[Run]:
    """The runs of the line ``start:end``, left to right as they are drawn.

    Rule L1: spaces at the end of the line take the paragraph's level. Rule L2: from the
    highest level down to the lowest odd one, reverse every sequence at that level or
    higher.
    """
    line = list(range(start, end))
    line_levels = {i: levels_[i] for i in line}
    for i in reversed(line):
        if unicodedata.bidirectional(text[i]) not in ("WS", "BN"):
            break
        line_levels[i] = base
    if not line:
        return []
    order = line[:]
    highest = max(line_levels.values())
    lowest_odd = min((lv for lv in line_levels.values() if lv % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if line_levels[order[i]] >= level:
                j = i
                while j < len(order) and line_levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    runs: list[Run] = []
    for index in order:
        level, style = line_levels[index], styles[index]
        last = runs[-1] if runs else None
        if last is not None and last.level == level and last.style == style and (
                index == last.end if level % 2 == 0 else index == last.start - 1):
            runs[-1] = Run(min(last.start, index), max(last.end, index + 1), level, style)
        else:
            runs.append(Run(index, index + 1, level, style))
    return runs


def run_text(text: str, run: Run) -> str:
    """The characters of a run, ready for the shaper: controls removed; a right-to-left
    run without any right-to-left letter (brackets, a dash between two Arabic words) is
    mirrored and reversed here, because the shaper would treat it as left to right."""
    piece = "".join(c for c in text[run.start:run.end] if c not in BIDI_CONTROLS)
    if run.rtl and not any(unicodedata.bidirectional(c) in ("R", "AL") for c in piece):
        return "".join(MIRRORED.get(c, c) for c in reversed(piece))
    return piece


@dataclass(frozen=True)
class Word:
    """Logical characters ``start:end`` of a word and the space after it (``gap``)."""

    start: int
    end: int
    gap: int  # end of the trailing spaces


def words(text: str) -> list[Word]:
    """Break opportunities: after each run of spaces, except inside a left-to-right
    embedding (a phone number stays on one line). Forced breaks are separate paragraphs,
    so there are none inside."""
    result: list[Word] = []
    i, n = 0, len(text)
    depth = 0
    while i < n:
        start = i
        while i < n and (text[i] != " " or depth):
            depth += {LRE: 1, PDF: -1}.get(text[i], 0)
            i += 1
        end = i
        while i < n and text[i] == " ":
            i += 1
        result.append(Word(start, end, i))
    return result


def break_lines(text: str, measure: Callable[[int, int], float], width: float,
                space: float) -> list[tuple[int, int]]:
    """Greedy line breaking in logical order: (start, end) of each line, trailing spaces
    excluded. ``measure(start, end)`` is the shaped width of a slice; a word wider than
    the line gets a line of its own rather than being cut."""
    lines: list[tuple[int, int]] = []
    line_start: int | None = None
    line_end = 0
    used = 0.0
    for word in words(text):
        w = measure(word.start, word.end)
        if line_start is not None and used + space + w > width:
            lines.append((line_start, line_end))
            line_start = None
        if line_start is None:
            line_start, used = word.start, w
        else:
            used += (word.start - line_end) * space + w
        line_end = word.end
    if line_start is not None:
        lines.append((line_start, line_end))
    return lines
