"""Parameter types and the option groups that several commands share, declared once."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from click.shell_completion import CompletionItem

from handouts.ages import Age, parse_age, parse_gestation
from handouts.names import CONFIG_NAME

F = TypeVar("F", bound=Callable[..., Any])
FIRST_YEAR, LAST_YEAR = 1900, 2200  # dates outside cannot be a child's or a print day


class AgeParam(click.ParamType):
    name = "AGE"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Age:
        try:
            return parse_age(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class DateParam(click.ParamType):
    """YYYY-MM-DD, with a message that says what is wrong with an impossible date."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", str(value).strip())
        if not match:
            self.fail(f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-10-02",
                      param, ctx)
        year, month, day = (int(g) for g in match.groups())
        if not FIRST_YEAR <= year <= LAST_YEAR:
            self.fail(f"'{value}': the year {year} cannot be right; write a date between "
                      f"{FIRST_YEAR} and {LAST_YEAR}", param, ctx)
        try:
            return dt.date(year, month, day)
        except ValueError:
            if not 1 <= month <= 12:
                self.fail(f"'{value}' is not a real date: there is no month {month}",
                          param, ctx)
            last = calendar.monthrange(year, month)[1]
            self.fail(f"'{value}' is not a real date: {calendar.month_name[month]} {year} "
                      f"has {last} days", param, ctx)


class OutPath(click.Path):
    """A folder or file to write, never an empty string (an empty variable in a script
    would otherwise write into the current folder)."""

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        if not str(value).strip():
            self.fail("is empty: give a folder or file, e.g. --out print", param, ctx)
        return super().convert(value, param, ctx)


class GestationParam(click.ParamType):
    name = "WEEKS"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        try:
            return parse_gestation(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class LocaleParam(click.ParamType):
    """A BCP 47 locale code: en, en-GB, es, es-MX, ru, pt-BR."""

    name = "LOCALE"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        from handouts.locales import canonical  # Babel's locale data, loaded when used

        try:
            return canonical(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def complete_ids(folder_key: str, default: str) -> Callable[..., list[CompletionItem]]:
    """Shell completion of handout, brand or pack ids: the file names in the project's
    folder (found from the current folder or --project, read without validating)."""
    def complete(ctx: click.Context, param: click.Parameter,
                 incomplete: str) -> list[CompletionItem]:
        import yaml

        start = Path(ctx.find_root().params.get("project_dir") or Path.cwd()).resolve()
        root = next((f for f in (start, *start.parents) if (f / CONFIG_NAME).is_file()), None)
        if root is None:
            return []
        try:
            config = yaml.safe_load((root / CONFIG_NAME).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            config = {}
        folder = root / str(config.get(folder_key, default) if isinstance(config, dict)
                            else default)
        return [CompletionItem(path.stem) for path in sorted(folder.glob("*.yaml"))
                if path.stem.startswith(incomplete)]

    return complete


def _stack(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    def apply(function: F) -> F:
        for decorator in reversed(decorators):
            function = decorator(function)
        return function
    return apply


lang_option = click.option(
    "--lang", "locales", multiple=True, type=LocaleParam(),
    help="Build in this locale only (repeatable), e.g. --lang ru. Default: the config's "
         "locales.")
draft_option = click.option(
    "--allow-draft", is_flag=True, help="Print unfinished translations and draft handouts "
    "(status: draft) anyway, marked 'Draft translation' or 'Draft' on every page.")
expired_option = click.option(
    "--allow-expired", is_flag=True, help="Print handouts past their next_review date "
    "anyway, marked 'Review overdue.'")

jobs_option = click.option(
    "-j", "--jobs", "workers", type=click.IntRange(min=1), default=None, metavar="N",
    help="Build on N processes at once. Default: every core of this computer.")

# The child a handout or pack is printed for: its age, or its birth date.
child_options = _stack(
    click.option("--age", type=AgeParam(), help="The child's age, e.g. 6w, 3m, 18m, 2y: "
                 "picks the age band that fits."),
    click.option("--born", type=DateParam(), help="The child's birth date: picks the "
                 "band and prints real dates. Never stored in file names or PDF metadata."),
    click.option("--on", type=DateParam(), help="The day the age is counted to (with "
                 "--born), and a pack's printed date. Default: today."),
    click.option("--born-at", type=GestationParam(), help="Gestation at birth, e.g. 33w "
                 "or 33w4d: babies born before 37 weeks get corrected age where the "
                 "handout asks for it."))
