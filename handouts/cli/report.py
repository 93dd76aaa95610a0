"""How the command line prints: problems, tables, check findings, paths."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from handouts.errors import Problem
from handouts.names import Level
from handouts.quality import Finding
from handouts.quality.plain_language import ReadingLevel


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
