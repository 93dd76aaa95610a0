"""The Unicode Consortium's BidiCharacterTest.txt and BidiTest.txt run against the
project's own bidi functions (levels, rule L1, visual order). Debian's unicode-data package installs the
file; HANDOUTS_UNICODE_DATA points elsewhere. ``python tests/bidi_conformance.py`` runs
every case and prints the figures (README, "Right-to-left and complex scripts")."""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from handouts.backends.pdf.bidi_text import levels, line_levels, paragraph_level, visual_order

FOLDER = Path(os.environ.get("HANDOUTS_UNICODE_DATA", "/usr/share/unicode"))
CHARACTER_TEST = FOLDER / "BidiCharacterTest.txt"
CLASS_TEST = FOLDER / "BidiTest.txt"
# A character of each bidi class, to turn BidiTest.txt's class sequences into text.
SAMPLES = {"L": "a", "R": "\u05d0", "AL": "\u0627", "EN": "1", "ES": "+", "ET": "$",
           "AN": "\u0661", "CS": ",", "NSM": "\u0300", "BN": "\u00ad", "B": "\u2029",
           "S": "\t", "WS": " ", "ON": "!", "LRE": "\u202a", "LRO": "\u202d",
           "RLE": "\u202b", "RLO": "\u202e", "PDF": "\u202c", "LRI": "\u2066",
           "RLI": "\u2067", "FSI": "\u2068", "PDI": "\u2069"}
REMOVED = {"RLE", "LRE", "RLO", "LRO", "PDF", "BN"}  # rule X9: not displayed


@dataclass(frozen=True)
class Case:
    line: int
    text: str
    rtl: bool | None
    paragraph: int
    levels: list[int | None]  # None: removed by X9
    order: list[int]


def cases(every: int = 1) -> Iterator[Case]:
    """Each test of the file (or every ``every``-th one)."""
    count = 0
    with CHARACTER_TEST.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            count += 1
            if (count - 1) % every:
                continue
            points, direction, paragraph, resolved, order = line.split(";")
            yield Case(number, "".join(chr(int(p, 16)) for p in points.split()),
                       {"0": False, "1": True, "2": None}[direction], int(paragraph),
                       [None if lv == "x" else int(lv) for lv in resolved.split()],
                       [int(i) for i in order.split()])


def class_cases(every: int = 1) -> Iterator[Case]:
    """Each test of BidiTest.txt (class sequences, each in every direction its bitset
    names), or every ``every``-th one."""
    count = 0
    expected_levels: list[int | None] = []
    expected_order: list[int] = []
    with CLASS_TEST.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            line = line.split("#", 1)[0].strip()
            if line.startswith("@Levels:"):
                expected_levels = [None if lv == "x" else int(lv)
                                   for lv in line.split(":", 1)[1].split()]
            elif line.startswith("@Reorder:"):
                expected_order = [int(i) for i in line.split(":", 1)[1].split()]
            elif ";" in line:
                classes, bits = line.split(";")
                text = "".join(SAMPLES[name] for name in classes.split())
                for bit, rtl in ((1, None), (2, False), (4, True)):
                    if not int(bits, 16) & bit:
                        continue
                    count += 1
                    if (count - 1) % every:
                        continue
                    yield Case(number, text, rtl, -1, expected_levels, expected_order)


def _resolve(case: Case) -> tuple[int, list[int], list[int]]:
    """The paragraph level, the levels after rule L1, and the displayed order."""
    base = paragraph_level(case.text, case.rtl)
    resolved = levels(case.text, case.rtl)
    line = line_levels(case.text, resolved, 0, len(case.text), base)
    shown = [i for i in visual_order(case.text, resolved, 0, len(case.text), base)
             if unicodedata.bidirectional(case.text[i]) not in REMOVED]
    return base, line, shown


def passes(case: Case) -> bool:
    """Paragraph level, every level and the order exactly as the file says."""
    base, line, shown = _resolve(case)
    return case.paragraph in (-1, base) and shown == case.order and all(
        want is None or want == got for want, got in zip(case.levels, line))


def displays(case: Case) -> bool:
    """What a reader sees: the order, and each character's direction (level parity).
    ICU gives a text whose characters all run one way its paragraph's level rather than
    the embedding levels, which displays the same."""
    _, line, shown = _resolve(case)
    return shown == case.order and all(
        want is None or want % 2 == got % 2 for want, got in zip(case.levels, line))


def main() -> None:
    complete = True
    for name, found in (("BidiCharacterTest.txt", cases()), ("BidiTest.txt", class_cases())):
        total = exact = shown = 0
        failed: list[int] = []
        for case in found:
            total += 1
            exact += passes(case)
            if displays(case):
                shown += 1
            elif len(failed) < 10:
                failed.append(case.line)
        complete = complete and shown == total
        print(f"{name}: {total} cases; displayed as the file says: {shown} "
              f"({100 * shown / total:.3f}%); levels exactly as the file says: {exact} "
              f"({100 * exact / total:.3f}%)"
              + (f"; first display failures at lines {failed}" if failed else ""))
    sys.exit(0 if complete else 1)


if __name__ == "__main__":
    main()
