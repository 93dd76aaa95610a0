"""``handouts list``, ``schema`` and ``init``: the project as a whole."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import click

from handouts.cli import Settings
from handouts.cli.report import table
from handouts.errors import HandoutsError, Problem

if TYPE_CHECKING:
    from handouts.i18n.translate import Status

# The file formats, by the name 'handouts schema' takes: module and model.
SCHEMAS = {"handout": ("handouts.project.content", "Handout"),
           "brand": ("handouts.project.brand", "Brand"),
           "config": ("handouts.project.config", "Config"),
           "pack": ("handouts.project.packs", "Pack"),
           "block": ("handouts.project.blocks", "SharedBlock"),
           "signs": ("handouts.project.signs", "SignsFile"),
           "glossary": ("handouts.quality.plain_language", "Glossary")}


@click.command(name="list")
@click.pass_obj
def list_(settings: Settings) -> None:
    """List the project's handouts, brands and locales.

    \b
    Example:
      handouts list
    """
    from handouts.i18n.translate import status
    from handouts.project.bands import band_range

    project = settings.project()
    click.secho(f"{project.config.title}\n", bold=True)
    click.secho("Handouts", bold=True)
    handouts = [item.handout for item in project.handouts.values()]
    table([(h.id, h.kind, h.status, f"v{h.version}", f"review by {h.next_review}",
            f"reviewed {h.reviewed_on} by {h.reviewed_by}" if h.reviewed_by else "not reviewed",
            h.title) for h in handouts])
    banded = [(h.id, ", ".join(f"{b.id} ({band_range(b)})" for b in h.age_bands)
               + ("; corrected age for babies born early" if h.corrected_age else ""))
              for h in handouts if h.age_bands]
    if banded:
        click.secho("\nAge bands", bold=True)
        table(banded)
    click.secho("\nBrands", bold=True)
    table([(bid, b.brand.name, b.brand.paper, b.brand.locale,
            f"emergency {b.brand.emergency_number}") for bid, b in project.brands.items()])
    click.secho("\nLocales", bold=True)
    sources = {h.handout.language for h in project.handouts.values()}
    rows = status(project, tuple(project.config.locales)) if set(
        project.config.locales) - sources else []
    table([(code, "source language" if code in sources else _locale_summary(
        [row for row in rows if row.locale == code])) for code in project.config.locales])


def _locale_summary(rows: list[Status]) -> str:
    done = sum(row.translated for row in rows)
    total = sum(row.total for row in rows)
    reviewed = "reviewed" if rows and all(row.reviewed for row in rows) else "not reviewed"
    return f"translated {100 * done / total if total else 0:.0f}% ({reviewed}); " \
           "details: handouts translate status"


@click.command()
@click.argument("what", type=click.Choice(sorted(SCHEMAS)), default="handout")
def schema(what: str) -> None:
    """Print the JSON Schema of a file format (handout, brand, pack, block, signs, glossary
    or config).

    Point your editor at it for autocompletion and checks, e.g. with the VS Code YAML
    extension: save it in the project folder and add
    '# yaml-language-server: $schema=../../handout.schema.json' at the top of a
    handout file (the path is relative to the handout file).

    \b
    Examples:
      handouts schema > handout.schema.json
      handouts schema brand > brand.schema.json
    """
    from importlib import import_module

    from pydantic import BaseModel

    module, name = SCHEMAS[what]
    model: type[BaseModel] = getattr(import_module(module), name)
    data = model.model_json_schema()
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    click.echo(json.dumps(data, indent=2, sort_keys=True))


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--empty", is_flag=True, help="One blank handout and one brand to fill in, "
              "with the templates; no example catalog.")
def init(directory: Path, empty: bool) -> None:
    """Start a new project in DIRECTORY with the example handouts, brands and templates.

    Never overwrites: if any of the files already exists, nothing is copied.

    \b
    Examples:
      handouts init my-clinic && cd my-clinic && handouts build
      handouts init --empty my-clinic
    """
    from handouts.project.loader import starter_files

    files = starter_files(empty)
    clashes = [rel for _, rel in files if (directory / rel).exists()]
    if clashes:
        raise HandoutsError([Problem(
            f"{directory / clashes[0]} already exists"
            + (f" (and {len(clashes) - 1} more files)" if len(clashes) > 1 else ""),
            hint="choose a new folder; init never overwrites your files")])
    from handouts.files import write_problem

    target = directory
    try:
        for source, relative in files:
            target = directory / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        target = directory / "output"
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HandoutsError([write_problem(exc, target)]) from None
    click.secho(f"created {directory} with {len(files)} files", fg="green")
    click.echo(f"next: cd {directory} && handouts build")
