"""``handouts translate extract | update | status``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from handouts.cli import Settings
from handouts.cli.options import LocaleParam
from handouts.cli.report import relative, table

if TYPE_CHECKING:
    from handouts.i18n.translate import Status


@click.group()
def translate() -> None:
    """Translate handouts with gettext PO files (Poedit, Weblate, Crowdin, OmegaT).

    \b
    The cycle:
      handouts translate extract              source texts -> data/translations/*.pot
      handouts translate update --locale ru   *.pot -> data/translations/ru/*.po
      (translators fill in the PO files)
      handouts translate status               what is done, per handout and locale
      handouts build --lang ru
    """


@translate.command(name="extract")
@click.pass_obj
def translate_extract(settings: Settings) -> None:
    """Write PO templates (.pot) from the handouts and templates.

    One template per handout, plus _interface.pot for the interface words. A file is
    rewritten only when its text changed.
    """
    from handouts.i18n.translate import extract

    project = settings.project()
    for change in extract(project):
        click.echo(f"{relative(change.path)}: {change.summary}")


@translate.command(name="update")
@click.option("--locale", "locales", multiple=True, type=LocaleParam(),
              help="Update (or start) this locale only (repeatable). Default: every "
                   "configured locale and every locale folder that exists.")
@click.pass_obj
def translate_update(settings: Settings, locales: tuple[str, ...]) -> None:
    """Merge the current source texts into the PO files, keeping every translation.

    New texts are added untranslated; a changed text keeps the old translation as a
    fuzzy suggestion (to check); removed texts become obsolete (#~), never deleted.
    Reads the source content directly, so there is no need to extract first.
    """
    from handouts.i18n.translate import update

    project = settings.project()
    for change in update(project, locales):
        click.echo(f"{relative(change.path)}: {change.summary}")


@translate.command(name="status")
@click.option("--locale", "locales", multiple=True, type=LocaleParam(),
              help="Show this locale only (repeatable).")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]),
              default="table", show_default=True, help="json is for scripts.")
@click.pass_obj
def translate_status(settings: Settings, locales: tuple[str, ...],
                     output_format: str) -> None:
    """How much of each handout is translated, per locale, against the current source.

    \b
    Examples:
      handouts translate status
      handouts translate status --locale es --format json
    """
    from handouts.i18n.translate import status

    rows = status(settings.project(), locales)
    if output_format == "json":
        click.echo(json.dumps([_status_json(row) for row in rows], indent=2))
        return
    rows_out = [("HANDOUT", "LOCALE", "DONE", "TRANSLATED", "FUZZY", "MISSING", "REVIEWED")]
    rows_out += [(row.name, row.locale, f"{row.percent:.0f}%", str(row.translated),
               str(row.fuzzy), str(row.missing), "yes" if row.reviewed else "no")
              for row in rows]
    table(rows_out)
    done = sum(1 for row in rows if row.missing == row.fuzzy == 0)
    click.echo(f"\n{done} of {len(rows)} catalogs complete")


def _status_json(row: Status) -> dict[str, Any]:
    return {"handout": row.name, "locale": row.locale, "translated": row.translated,
            "fuzzy": row.fuzzy, "missing": row.missing, "total": row.total,
            "percent": round(row.percent, 1), "reviewed": row.reviewed,
            "file": relative(row.file)}
