"""The Unicode Consortium's BidiCharacterTest.txt run against the project's own bidi
functions (levels, rule L1, visual order). Debian's unicode-data package installs the
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


def passes(case: Case) -> bool:
    base = paragraph_level(case.text, case.rtl)
    resolved = levels(case.text, case.rtl)
    line = line_levels(case.text, resolved, 0, len(case.text), base)
    shown = [i for i in visual_order(case.text, resolved, 0, len(case.text), base)
             if unicodedata.bidirectional(case.text[i]) not in REMOVED]
    return base == case.paragraph and shown == case.order and all(
        want is None or want == got for want, got in zip(case.levels, line))


def main() -> None:
    total = passed = 0
    failed: list[int] = []
    for case in cases():
        total += 1
        if passes(case):
            passed += 1
        elif len(failed) < 10:
            failed.append(case.line)
    print(f"BidiCharacterTest.txt: {passed} of {total} passed "
          f"({100 * passed / total:.2f}%)" + (f"; first failures at lines {failed}"
                                               if failed else ""))
    sys.exit(0 if passed == total else 1)


if __name__ == "__main__":
    main()
