"""How the command line prints: problems, tables, check findings, paths."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from handouts.errors import Problem
from handouts.names import Level

if TYPE_CHECKING:
    from handouts.quality import Finding
    from handouts.quality.plain_language import ReadingLevel


class Progress:
    """A progress bar on a terminal, for runs long enough to need one; nothing in a log,
    a pipe or CI. Times the run either way."""

    MIN_STEPS = 8  # fewer outputs are done before a bar would be read

    def __init__(self, label: str, steps: int) -> None:
        self.label = label
        self.steps = steps
        self.shown = (steps >= self.MIN_STEPS and sys.stdout.isatty()
                      and not os.environ.get("CI"))
        self._bar: Any = None
        self._start = 0.0
        self.seconds = 0.0

    def __enter__(self) -> Progress:
        self._start = time.perf_counter()
        if self.shown:
            self._bar = click.progressbar(length=self.steps, label=self.label,
                                          show_eta=True, show_pos=True).__enter__()
        return self

    def step(self, _: object = None) -> None:
        if self._bar is not None:
            self._bar.update(1)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
        self.seconds = time.perf_counter() - self._start


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 PDF', '3 PDFs', '1 page', '2 pages'."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def report_problems(problems: list[Problem], base: Path) -> None:
    for problem in problems:
        click.secho("error: ", fg="red", bold=True, err=True, nl=False)
        click.echo(problem.format(base), err=True)
    count = len(problems)
    click.secho(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.",
                fg="red", err=True)


def table(rows: Sequence[Sequence[str]]) -> None:
    if not rows:
        click.echo("  (none)")
        return
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  " + "  ".join(str(cell).ljust(width)
                                    for cell, width in zip(row, widths)).rstrip())


def print_reading_levels(levels: list[ReadingLevel]) -> None:
    rows = [(level.handout, level.band or "-", level.locale, level.description,
             f"{level.max_grade:g} / {level.recommended_grade:g}",
             "ok" if level.grade is None or level.grade <= level.recommended_grade else
             "above recommended" if level.grade <= level.max_grade else "too hard")
            for level in levels]
    header = ("handout", "band", "lang", "reading level", "max / recommended", "")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        click.echo("  ".join(str(cell).ljust(width) for cell, width in
                             zip(row, [*widths, 0])).rstrip())
    click.echo()


def print_findings(findings: list[Finding]) -> None:
    for subject in dict.fromkeys(f.subject for f in findings):
        click.secho(subject, bold=True)
        for finding in (f for f in findings if f.subject == subject):
            where = Problem("", finding.file, finding.line).location(Path.cwd())
            click.secho(f"  {finding.level:<8}", fg="red" if finding.level is Level.ERROR
                        else "yellow", nl=False)
            message = finding.message.replace("\n", "\n           ")
            click.echo(f"{where + ': ' if where else ''}{finding.check}: {message}")
            if finding.hint:
                click.echo(f"           hint: {finding.hint}")


def finding_json(finding: Finding) -> dict[str, Any]:
    return {"check": finding.check, "level": finding.level, "subject": finding.subject,
            "message": finding.message, "file": relative(finding.file) if finding.file
            else None, "line": finding.line, "hint": finding.hint}
