"""One answer per danger sign: a sign sits in the same tone in every handout and band.

The answer is the tone of the sign in data/signs.yaml; without that table, the tone of
the sign's first use in the catalog. Each item elsewhere in another tone is a finding
that names both places, so a reviewer sees the two answers side by side.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from handouts.names import CheckId, Tone
from handouts.project.content import LoadedHandout
from handouts.quality.context import CheckContext, Finding, subject


@dataclass(frozen=True)
class Use:
    sign: str
    tone: Tone
    loaded: LoadedHandout
    file: Path  # the handout's, or the shared block's it was written in
    line: int | None

    @property
    def place(self) -> str:
        return f"{self.file.name}:{self.line}" if self.line else self.file.name


def uses(handouts: list[LoadedHandout]) -> Iterator[Use]:
    """Every item that names a sign, with the tone of its section, in file order."""
    for loaded in handouts:
        for s_index, section in enumerate(loaded.handout.sections):
            for b_index, block in enumerate(section.body):
                for i_index, item in enumerate(block.items or []):
                    if item.sign is not None:
                        yield Use(item.sign, section.tone, loaded, *loaded.position((
                            "sections", s_index, "body", b_index, block.kind.value, i_index,
                            "sign")))


def triage_consistency(context: CheckContext) -> Iterator[Finding]:
    signs = context.project.signs
    first: dict[str, Use] = {}
    # The whole catalog gives the answers; only the handouts of the run get findings.
    reported = {loaded.id for loaded in context.handouts}
    for use in uses(list(context.project.handouts.values())):
        if use.loaded.id not in reported:
            first.setdefault(use.sign, use)
            continue
        expected = signs.table.get(use.sign)
        if expected is not None:
            if use.tone is not expected.tone:
                yield _finding(use, expected.tone, f"{_relative(signs.path, context)}:"
                               f"{signs.line_of(use.sign)}", "the triage table")
            continue
        earlier = first.setdefault(use.sign, use)
        if earlier is not use and use.tone is not earlier.tone:
            yield _finding(use, earlier.tone, earlier.place, f"handout '{earlier.loaded.id}'")


def _finding(use: Use, tone: Tone, place: str, where: str) -> Finding:
    return Finding(
        CheckId.TRIAGE_CONSISTENCY,
        f"the sign '{use.sign}' is in {_a(use.tone)} section here, but in '{tone}' in "
        f"{where} ({place}): every handout must give a danger sign the same answer",
        subject(use.loaded), use.file, use.line,
        f"move the item to {_a(tone)} section, or change the answer everywhere (the "
        "triage table in data/signs.yaml and every handout that names the sign)")


def _a(tone: Tone) -> str:
    return f"{'an' if tone.value[0] in 'aeiou' else 'a'} '{tone}'"


def _relative(path: Path | None, context: CheckContext) -> str:
    if path is None:
        return "?"
    try:
        return path.relative_to(context.project.root).as_posix()
    except ValueError:
        return str(path)
