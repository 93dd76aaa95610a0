"""Right-to-left and mixed-direction text: bidi levels, line breaks, visual runs.

Pure text logic, no PDF: the layout stage measures words with shaped widths and draws
the runs this module returns. The order of work is the one UAX #9 prescribes:

1. resolve embedding levels for the whole paragraph, in logical order (ICU);
2. break lines in logical order, from the widths of shaped words;
3. reorder each line for display (rules L1 and L2), as runs of one level and one style.

Latin-script parts of right-to-left text (a clinic's name, a web address, a phone
number, "38 °C") are wrapped in a left-to-right isolate first (``latin_islands``), so
"+44 20 7946 0000" keeps its digit groups in order instead of being read right to left
group by group, and "°C" stays after its number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import icu

from handouts.document.islands import LRI, PDI
from handouts.locales import BIDI_CONTROLS


def levels(text: str, rtl: bool | None) -> list[int]:
    """The resolved embedding level of every character (even: LTR, odd: RTL), for a
    paragraph whose base direction is ``rtl`` (None: from its first strong letter,
    rules P2 and P3), by ICU's implementation of the whole algorithm (UAX #9: isolates,
    bracket pairs, embeddings), with four of its deviations worked around (below). A
    character rule X9 removes gets the level ICU gives it; it is never drawn. Rule L1
    is the caller's (``line_levels``)."""
    para = icu.Bidi.DEFAULT_LTR if rtl is None else 1 if rtl else 0
    given, kept = _isolates_under_overrides(
        _brackets_under_overrides(_overflowing_brackets(text), para))
    found = _icu_levels(given, para)
    return _marks_after_brackets(text, [found[i] for i in kept])


def _icu_levels(text: str, para: int) -> list[int]:
    bidi = icu.Bidi()
    bidi.setPara(icu.UnicodeString(text), para)
    # ICU counts UTF-16 code units: one per character, two above U+FFFF.
    result, unit = [], 0
    for char in text:
        result.append(bidi.getLevelAt(unit))
        unit += 2 if ord(char) > 0xFFFF else 1
    return result


_OVERRIDES = "\u202d\u202e"  # LRO, RLO
_INITIATORS = "\u2066\u2067\u2068"  # LRI, RLI, FSI
_NEUTRAL = "!"  # Bidi_Class ON, no bracket: what a neutral is, and nothing more


# Characters with a Bidi_Paired_Bracket_Type (BD14, BD15), as ICU has them.
_OPENING = frozenset(icu.UnicodeSet("[:bpt=o:]"))
_BRACKETS = _OPENING | frozenset(icu.UnicodeSet("[:bpt=c:]"))
_BRACKET = re.compile("[" + "".join(map(re.escape, sorted(_BRACKETS))) + "]")


def _is_bracket(char: str) -> bool:
    return char in _BRACKETS


def _brackets_under_overrides(text: str, para: int) -> str:
    """A bracket inside an override (LRO, RLO) is no paired bracket (BD14, BD15: its
    type is no longer ON), but ICU pairs it; given to ICU as a plain neutral, it takes
    the override's direction (X6) and pairs with nothing. A bracket is under an override
    when a left-to-right letter and a right-to-left one in its place get levels of the
    same parity (by I1 and I2 they would not). ICU 77 pairs them on purpose (its source
    says so); no ICU ticket was found (December 2026)."""
    if not any(char in text for char in _OVERRIDES):
        return text
    spots = [match.start() for match in _BRACKET.finditer(text)]
    if not spots:
        return text
    as_l = _icu_levels(_put(text, spots, "a"), para)
    as_r = _icu_levels(_put(text, spots, "\u05d0"), para)
    return _put(text, [i for i in spots if as_l[i] % 2 == as_r[i] % 2], _NEUTRAL)


_EXPLICIT = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
_STACK = 63  # BD16: the opening brackets a pairing keeps track of


def _overflowing_brackets(text: str) -> str:
    """ICU-23513: past 63 opening brackets on BD16's stack an isolating run sequence has
    no bracket pairs at all, but ICU pairs on. Followed where the paragraph is a single
    isolating run sequence (no embedding, override or isolate): its brackets are given
    to ICU as plain neutrals, which pair with nothing."""
    spots = [match.start() for match in _BRACKET.finditer(text)]
    if sum(text[i] in _OPENING for i in spots) <= _STACK or any(
            unicodedata.bidirectional(char) in _EXPLICIT for char in text):
        return text
    openings: list[str] = []  # the closing bracket each opening one waits for
    for i in spots:
        char = text[i]
        if char in _OPENING:
            if len(openings) == _STACK:
                return _put(text, spots, _NEUTRAL)
            openings.append(unicodedata.normalize(
                "NFD", icu.Char.getBidiPairedBracket(char)))
        elif unicodedata.normalize("NFD", char) in openings:
            closing = unicodedata.normalize("NFD", char)
            while openings.pop() != closing:
                pass
    return text


def _put(text: str, spots: Sequence[int], char: str) -> str:
    chars = list(text)
    for i in spots:
        chars[i] = char
    return "".join(chars)


def _isolates_under_overrides(text: str) -> tuple[str, list[int]]:
    """ICU-23513: ICU leaves a PDI inside an override neutral, where rule X6a makes it
    strong. A plain neutral before each isolate initiator and after each PDI shares its
    level and override: inside an override it gives ICU the direction the isolate's
    ends should have; outside one it joins their neutral sequence and changes nothing
    (W1, N1, N2), so a text without an override goes to ICU as it is. Returns the text
    for ICU and the place of each character of ``text``."""
    if not any(char in text for char in _OVERRIDES):
        return text, list(range(len(text)))
    given: list[str] = []
    kept: list[int] = []
    for char in text:
        if char in _INITIATORS:
            given.append(_NEUTRAL)
        kept.append(len(given))
        given.append(char)
        if char == PDI:
            given.append(_NEUTRAL)
    return "".join(given), kept


def _marks_after_brackets(text: str, found: list[int]) -> list[int]:
    """Rule N0 (its last paragraph): nonspacing marks right after a bracket (BN between
    them removed by X9) resolve as the bracket does; ICU 77 gives those after a closing
    bracket the direction around the pair (no ICU ticket found, December 2026).
    Unpaired, the bracket stays neutral and the marks with it (W1, N1)."""
    for match in _BRACKET.finditer(text):
        for i in range(match.end(), len(text)):
            kind = unicodedata.bidirectional(text[i])
            if kind == "NSM":
                found[i] = found[match.start()]
            elif kind != "BN":
                break
    return found


def paragraph_level(text: str, rtl: bool | None) -> int:
    """0 (left to right) or 1; with ``rtl`` None, from the first strong letter."""
    if rtl is not None:
        return 1 if rtl else 0
    bidi = icu.Bidi()
    bidi.setPara(icu.UnicodeString(text), icu.Bidi.DEFAULT_LTR)
    return int(bidi.getParaLevel())


# Rule L1: what takes the paragraph's level on a line (with the white space before it).
_SEPARATORS = ("S", "B")
_TRAILING = ("WS", "FSI", "LRI", "RLI", "PDI", "BN", "LRE", "RLE", "LRO", "RLO", "PDF")
_REMOVED = ("BN", "LRE", "RLE", "LRO", "RLO", "PDF")  # rule X9


def line_levels(text: str, levels_: Sequence[int], start: int, end: int,
                base: int) -> list[int]:
    """The levels of the line ``start:end`` after rule L1: segment and paragraph
    separators, and white space (and isolates) before them and at the line's end, take
    the paragraph's level."""
    result = list(levels_[start:end])
    reset = True  # at the line's end
    for offset in range(end - start - 1, -1, -1):
        kind = unicodedata.bidirectional(text[start + offset])
        if kind in _SEPARATORS:
            result[offset], reset = base, True
        elif reset and kind in _TRAILING:
            result[offset] = base
        else:
            reset = False
    # Characters rule X9 removed are not shown: they take their neighbour's level so
    # that they never split a sequence rule L2 reverses.
    for offset in range(end - start):
        if unicodedata.bidirectional(text[start + offset]) in _REMOVED:
            result[offset] = result[offset - 1] if offset else base
    return result


def visual_order(text: str, levels_: Sequence[int], start: int, end: int,
                 base: int) -> list[int]:
    """The logical indices of the line ``start:end``, left to right as displayed
    (rules L1 and L2: from the highest level down to the lowest odd one, reverse every
    sequence at that level or higher)."""
    line = line_levels(text, levels_, start, end, base)
    order = list(range(start, end))
    if not order:
        return order
    highest = max(line)
    lowest_odd = min((lv for lv in line if lv % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if line[order[i] - start] >= level:
                j = i
                while j < len(order) and line[order[j] - start] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order


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
    """The runs of the line ``start:end``, left to right as they are drawn: the
    characters in visual order, grouped while level, style and script stay the same
    (the shaper applies one script's rules to a whole run: a Bengali vowel sign after
    Latin words would stay unordered)."""
    line = line_levels(text, levels_, start, end, base)
    script_of = scripts(text)
    runs: list[Run] = []
    for index in visual_order(text, levels_, start, end, base):
        level, style = line[index - start], styles[index]
        last = runs[-1] if runs else None
        if last is not None and last.level == level and last.style == style and (
                script_of[index] == script_of[last.start]) and (
                index == last.end if level % 2 == 0 else index == last.start - 1):
            runs[-1] = Run(min(last.start, index), max(last.end, index + 1), level, style)
        else:
            runs.append(Run(index, index + 1, level, style))
    return runs


_RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo"})
ISOLATE_CONTROLS = "\u2066\u2067\u2068\u2069"  # LRI, RLI, FSI, PDI
# Characters of every script (spaces, digits, punctuation) and combining marks.
_NEUTRAL_SCRIPTS = frozenset({"Zyyy", "Zinh"})


@lru_cache(maxsize=4096)
def scripts(text: str) -> tuple[str, ...]:
    """The script of each character (ISO 15924, from ICU); a neutral character (space,
    digit, mark) takes the script of the letter before it, or of the first letter after
    it at the start of the text or of an isolate (the digits of "38 °C" go with the C)."""
    found = [icu.Script.getScript(char).getShortName() for char in text]
    segments = re.split(f"([{ISOLATE_CONTROLS}])", text)
    start = 0
    for segment in segments:
        end = start + len(segment)
        codes = found[start:end]
        last = next((code for code in codes if code not in _NEUTRAL_SCRIPTS), "Zyyy")
        for i, code in enumerate(codes, start):
            if code in _NEUTRAL_SCRIPTS:
                found[i] = last
            else:
                last = code
        start = end
    return tuple(found)


def run_text(text: str, run: Run) -> str:
    """The characters of a run, ready for the shaper: controls removed; a right-to-left
    run without any right-to-left letter (brackets, a dash between two Arabic words) is
    mirrored and reversed here, because the shaper would treat it as left to right."""
    piece = "".join(c for c in text[run.start:run.end] if c not in BIDI_CONTROLS)
    if run.rtl and not any(unicodedata.bidirectional(c) in ("R", "AL") for c in piece):
        return "".join(icu.Char.charMirror(c) for c in reversed(piece))
    if not run.rtl and _RTL_SCRIPTS & set(scripts(piece)):
        # Persian or Arabic-Indic digits (the only right-to-left-script characters a
        # left-to-right run can hold) would be laid out right to left by the shaper:
        # given reversed, they come back in reading order.
        return piece[::-1]
    return piece


@dataclass(frozen=True)
class Word:
    """Logical characters ``start:end`` of a piece between two break opportunities and
    the spaces after it (``gap``)."""

    start: int
    end: int
    gap: int  # end of the trailing spaces


# Where no line may break although UAX #14 allows it: a web address, a phone number or
# a number in groups ("020 7946 0123", "+44 20 7946 0000").
_UNBROKEN = re.compile(r"(?:https?://|www\.)\S+|[\w.-]+\.[a-z]{2,}/\S*|\+?\(?\d[\d()]*(?:[ -]\d[\d()-]*)+")


def words(text: str) -> list[Word]:
    """Break opportunities of UAX #14, by ICU's line breaker (which also finds the
    words of Thai, Lao, Khmer and Burmese, written without spaces, in its
    dictionaries), except inside a left-to-right isolate (a Latin island), a web
    address or a number in groups. Forced breaks are separate paragraphs, so there are
    none inside."""
    # The root rules: ICU picks the dictionary by script, whatever the locale.
    breaker = icu.BreakIterator.createLineInstance(icu.Locale.getRoot())
    breaker.setText(icu.UnicodeString(text))
    units = _unit_offsets(text)
    kept = _unbreakable(text)
    result: list[Word] = []
    start = 0
    for unit in breaker:
        boundary = units[unit]
        if boundary >= len(text) or boundary not in kept:
            end = len(text[start:boundary].rstrip(" ")) + start
            result.append(Word(start, end, boundary))
            start = boundary
    return [word for word in result if word.gap > word.start]


def _unit_offsets(text: str) -> dict[int, int]:
    """Character index of each UTF-16 offset ICU reports."""
    offsets, unit = {0: 0}, 0
    for index, char in enumerate(text, start=1):
        unit += 2 if ord(char) > 0xFFFF else 1
        offsets[unit] = index
    return offsets


def _unbreakable(text: str) -> set[int]:
    """Positions no line may start at: inside isolates, addresses and numbers."""
    inside: set[int] = set()
    depth = 0
    for index, char in enumerate(text):
        depth += {LRI: 1, PDI: -1}.get(char, 0)
        if depth and char != LRI:
            inside.add(index)
    for match in _UNBROKEN.finditer(text):
        inside.update(range(match.start() + 1, match.end()))
    return inside


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
