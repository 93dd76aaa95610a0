"""Problems found in a user's files, and the error that carries them to the CLI.

Every stage reports what is wrong as a :class:`Problem` (file, line, column, key path,
message, hint) so that the CLI can print all of them together, the way a compiler does.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing a user has to fix."""

    message: str
    file: Path | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    key: str | None = None  # dotted key path inside the file, e.g. sections[2].tone
    hint: str | None = None
    untranslated: bool = False  # a translation is missing or unfinished: a build may skip it

    def location(self, base: Path | None = None) -> str:
        if self.file is None:
            return ""
        path = self.file
        if base is not None:
            try:
                path = self.file.resolve().relative_to(base.resolve())
            except ValueError:
                pass
        text = str(path)
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text

    def format(self, base: Path | None = None) -> str:
        parts = []
        where = self.location(base)
        if where:
            parts.append(f"{where}: ")
        if self.key:
            parts.append(f"{self.key}: ")
        parts.append(self.message)
        text = "".join(parts)
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class HandoutsError(Exception):
    """A user mistake: printed without a traceback, exit code 1."""

    exit_code = 1

    def __init__(self, problems: Iterable[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem(problems)]
        # The same mistake found once per brand is still one mistake.
        self.problems: list[Problem] = list(dict.fromkeys(problems))
        super().__init__("\n".join(p.format() for p in self.problems))


@dataclass
class ProblemList:
    """Collects problems across a whole run so they are reported together."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise HandoutsError(self.problems)


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A "did you mean ...?" hint for a misspelt name, or None."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{matches[0]}'?" if matches else None
