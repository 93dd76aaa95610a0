"""``handouts pack``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from handouts.cli import Settings
from handouts.cli.build import age_request
from handouts.cli.options import (
    LocaleParam,
    OutPath,
    child_options,
    complete_ids,
    draft_option,
    expired_option,
)
from handouts.cli.report import relative

if TYPE_CHECKING:
    from handouts.ages import Age


@click.command()
@click.argument("pack_id", metavar="PACK_ID",
                shell_complete=complete_ids("packs_dir", "data/packs"))
@click.option("--brand", "brand_id", metavar="ID",
              shell_complete=complete_ids("brands_dir", "data/brands"),
              help="The clinic. Default: the first brand of handouts.yaml.")
@click.option("--lang", "locale", type=LocaleParam(),
              help="The language. Default: the first locale of handouts.yaml.")
@child_options
@click.option("--name", "child_name", metavar="TEXT", help="The child's name, printed on "
              "the cover and on checklists' name line; never in file names or metadata.")
@click.option("--duplex/--simplex", default=None, help="Printed on both sides (each "
              "handout starts on a right-hand page) or on one. Default: the pack's setting.")
@click.option("--out", "out_file", type=OutPath(dir_okay=False, path_type=Path),
              help="The PDF to write. Default: OUT/<brand>/<lang>/packs/<pack>.pdf "
                   "(<pack>--personal.pdf with a name or birth date).")
@draft_option
@expired_option
@click.pass_obj
def pack(settings: Settings, pack_id: str, brand_id: str | None, locale: str | None,
         age: Age | None, born: dt.date | None, on: dt.date | None, born_at: int | None,
         child_name: str | None, duplex: bool | None, out_file: Path | None,
         allow_draft: bool, allow_expired: bool) -> None:
    """Print a pack (data/packs/PACK_ID.yaml) as one PDF: a cover with the clinic, the
    pack's title, the child's name and birth date if given, and the contents with page
    numbers; then each handout, in the band that fits the child where the pack says
    'by-age'. On both sides (the default of most packs) every handout starts on a
    right-hand page, so a duplex printer needs no manual collating.

    \b
    Examples:
      handouts pack newborn-discharge --born 2026-11-14
      handouts pack newborn-discharge --born 2026-11-14 --born-at 35w --name "Amira"
      handouts pack newborn-discharge --age 2w --lang es --brand harbour --simplex
    """
    from handouts.files import write_atomically
    from handouts.i18n.words import ENGLISH
    from handouts.pipeline.build import refuse_blocked
    from handouts.pipeline.packs import PackRequest, make_pack, pack_jobs
    from handouts.pipeline.policy import Policy

    project = settings.project()
    if child_name is not None and not child_name.strip():
        raise click.UsageError("--name is empty")
    # --on without --born is the printed date only.
    request = PackRequest.create(
        project, pack_id, brand_id=brand_id, locale=locale, printed_on=on,
        age=age_request(age, born, on if born else None, born_at),
        child_name=child_name.strip() if child_name else None, duplex=duplex)
    policy = Policy(allow_draft, allow_expired)
    refuse_blocked(project, [job for job, _ in pack_jobs(project, request)], policy)
    built = make_pack(project, request, policy)
    path = out_file if out_file is not None else request.output_path(project.output_dir)
    write_atomically([(path, built.data)])
    for part in built.parts:
        band = f" \u2013 {part.band}" if part.band else ""
        click.echo(f"  page {part.first:>2}  {part.job.handout.id}{band}")
        if part.job.child is not None:
            click.echo(f"           {ENGLISH.explain(part.job.child)}")
    click.secho(f"wrote {relative(path)}  ({built.pages} pages, "
                f"{'both sides' if request.duplex else 'one side'})", fg="green")
