"""``handouts check``."""

from __future__ import annotations

import json
import sys

import click

from handouts.cli import Settings
from handouts.cli.options import draft_option, jobs_option, lang_option
from handouts.cli.report import finding_json, plural, print_findings, print_reading_levels


@click.command()
@lang_option
@draft_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="json is for CI and scripts.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@click.option("--readability", "show_levels", is_flag=True,
              help="Also list the reading level of every sheet (band and language).")
@jobs_option
@click.option("--force", is_flag=True, help="Make every PDF again in memory, even those "
              "built without a problem from the same inputs before.")
@click.pass_obj
def check(settings: Settings, locales: tuple[str, ...], allow_draft: bool,
          output_format: str, strict: bool, show_levels: bool, workers: int | None,
          force: bool) -> None:
    """Check everything a build would print, and the quality gates, writing nothing.

    Runs the whole pipeline in memory (translations, glyphs, templates, layout, card
    fit) for every handout and brand in the project, also those handouts.yaml does not
    list, and every pack's cover, in every configured locale, so that what passes here
    also builds. Then runs the quality checks: reading level of every band in every
    language, sentences over 20 words, jargon (data/glossary), review dates,
    actionability (something to do, whom to call, lists of at most 7 items), colour
    contrast, image resolution and links. Each check is an error or a warning (set per
    project under 'checks:' in handouts.yaml). Exit code 1 on any error, or on a
    warning with --strict.

    \b
    Examples:
      handouts check
      handouts check --readability
      handouts check --strict --format json
      handouts check --lang es --allow-draft
    """
    from handouts.pipeline.build import default_workers
    from handouts.pipeline.cache import BuildCache
    from handouts.pipeline.check import check_project
    from handouts.pipeline.policy import Policy

    project = settings.project()
    cache = BuildCache.open(project, disabled=force)
    report = check_project(project, locales, Policy(allow_draft=allow_draft),
                           workers or default_workers(), cache)
    cache.save()
    errors, warnings = report.errors, report.warnings
    if output_format == "json":
        click.echo(json.dumps({"findings": [finding_json(f) for f in report.findings],
                               "errors": errors, "warnings": warnings,
                               "pdfs": report.outputs,
                               "reading_levels": [level.as_json()
                                                  for level in report.reading_levels]},
                              indent=2, ensure_ascii=False))
    else:
        if show_levels:
            print_reading_levels(report.reading_levels)
        print_findings(report.findings)
        click.secho(f"{plural(errors, 'error')}, {plural(warnings, 'warning')}: "
                    f"{plural(len(project.handouts), 'handout')}, "
                    f"{plural(len(project.brands), 'brand')}, "
                    f"{plural(report.outputs, 'PDF')} checked",
                    fg="red" if errors else ("yellow" if warnings else "green"))
    if errors or (strict and warnings):
        sys.exit(1)
