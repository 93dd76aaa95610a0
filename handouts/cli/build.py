"""``handouts build``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from handouts.cli import Settings
from handouts.cli.options import (
    OutPath,
    child_options,
    complete_ids,
    draft_option,
    expired_option,
    jobs_option,
    lang_option,
)
from handouts.cli.report import Progress, plural, relative
from handouts.names import Imposition, OutputFormat

if TYPE_CHECKING:  # the pipeline is imported when a command runs, so --help starts fast
    from handouts.ages import Age
    from handouts.backends.pdf.options import PdfOptions
    from handouts.project.loader import Project
    from handouts.errors import Problem
    from handouts.pipeline.build import Built
    from handouts.pipeline.cache import BuildCache
    from handouts.pipeline.policy import Policy
    from handouts.pipeline.target import Target
    from handouts.select.jobs import AgeRequest, BuildJob

IMPOSITIONS = sorted(i.value for i in Imposition if i is not Imposition.NONE)


def age_request(age: Age | None, born: dt.date | None, on: dt.date | None,
                born_at: int | None) -> AgeRequest | None:
    from handouts.select.jobs import AgeRequest, AgeRequestError

    try:
        return AgeRequest.from_options(age, born, on, born_at)
    except AgeRequestError as exc:
        raise click.UsageError(str(exc)) from None


@click.command()
@click.argument("handout_ids", nargs=-1, metavar="[HANDOUT_ID]...",
                shell_complete=complete_ids("content_dir", "data/handouts"))
@click.option("--brand", "brands", multiple=True, metavar="ID",
              shell_complete=complete_ids("brands_dir", "data/brands"),
              help="Build for this brand only (repeatable). Default: the config's brands.")
@click.option("--out", "out_dir", type=OutPath(file_okay=False, path_type=Path),
              help="Output folder. Default: 'output' in handouts.yaml.")
@child_options
@lang_option
@draft_option
@expired_option
@click.option("--format", "formats", multiple=True,
              type=click.Choice([f.value for f in OutputFormat]),
              help="What to write (repeatable): pdf, or html for the web pages of the "
                   "online version. Default: 'formats' in handouts.yaml (pdf).")
@click.option("--grayscale", is_flag=True, help="Grayscale proofs for black-and-white "
              "printers, named <name>--grayscale.pdf.")
@click.option("--fillable", is_flag=True, help="PDF forms of the handouts with tick boxes: "
              "boxes and write-in lines become fields, named <name>--fillable.pdf.")
@click.option("--imposition", type=click.Choice(IMPOSITIONS), help="Cards only: 2 or 4 "
              "copies on each sheet of the brand's paper, with cut marks, named "
              "<name>--2up.pdf or --4up.pdf.")
@jobs_option
@click.option("--force", is_flag=True, help="Make every PDF again, even those whose "
              "inputs have not changed since they were made.")
@click.option("--dry-run", is_flag=True, help="List the PDFs the build would write (and "
              "those it would leave unchanged), without making or writing any.")
@click.option("--strict", is_flag=True, help="Refuse unfinished translations even where "
              "handouts.yaml says 'incomplete_translations: skip'.")
@click.option("--open", "open_after", is_flag=True, help="Open the PDF when the build "
              "made one, or the output folder when it made several.")
@click.pass_obj
def build(settings: Settings, handout_ids: tuple[str, ...], brands: tuple[str, ...],
          out_dir: Path | None, age: Age | None, born: dt.date | None, on: dt.date | None,
          born_at: int | None, locales: tuple[str, ...], allow_draft: bool,
          allow_expired: bool, formats: tuple[str, ...], grayscale: bool, fillable: bool, imposition: str | None,
          workers: int | None, force: bool, dry_run: bool, strict: bool,
          open_after: bool) -> None:
    """Build PDFs into OUT/<brand>/<lang>/<handout>[--<band>].pdf, and web pages.

    Every handout is built in every locale of handouts.yaml (or --lang): in its own
    language, or from its translation, which must be complete unless --allow-draft.
    Content that fails an error-level quality check (see 'handouts check') is refused;
    a handout past its review date prints only with --allow-expired.
    A handout with age bands gives one PDF per band. With --age or --born only the band
    that fits the child is built; with --born the PDF also carries real dates and its
    name ends in --dated.pdf. Everything is checked and made in memory first; files are
    written only if every PDF succeeded, so a failed build never leaves a partial file.
    A PDF whose inputs (content, translations, brand, templates, fonts, options) have
    not changed since it was made is left as it is (.handouts-cache/; --force makes
    everything again). With --format html (or 'formats' in handouts.yaml) each handout
    is also a web page at the path of the brand's qr_url inside OUT/<brand>/
    (h/<id>/<lang>/), with an index of each language (OUT/<brand>/<lang>/index.html):
    upload OUT/<brand>/ as it is and every QR code works.

    \b
    Examples:
      handouts build                                 everything handouts.yaml lists
      handouts build newborn-tremor                  one handout, every band and brand
      handouts build newborn-tremor --age 6w --brand riverside
      handouts build infant-massage --born 2026-10-02 --born-at 33w
      handouts build --lang ru --lang es
      handouts build newborn-tremor --grayscale
      handouts build going-home --fillable
      handouts build infant-massage --imposition 4up
      handouts build --out /tmp/print
      handouts build --format pdf --format html
    """
    from handouts.backends.pdf.options import PdfOptions
    from handouts.files import write_atomically
    from handouts.pipeline.build import jobs_for
    from handouts.pipeline.cache import BuildCache
    from handouts.pipeline.policy import Policy
    from handouts.select.jobs import select_jobs

    project = settings.project()
    request = age_request(age, born, on, born_at)
    jobs = select_jobs(project, handout_ids, brands, age=request, locales=locales)
    options = PdfOptions(grayscale, fillable, Imposition(imposition or Imposition.NONE))
    wanted = [OutputFormat(f) for f in formats or project.config.formats]
    targets = _targets(wanted, options)
    if options.wanted:
        jobs, skipped = jobs_for(jobs, targets[0], options.wanted)
        if skipped:
            click.echo(f"skipped (not {options.wanted}): {', '.join(skipped)}")
    # Unfinished translations may be left out when the project says so, except in a
    # language asked for by name, and never with --strict.
    skipping = project.config.incomplete_translations == "skip" and not strict
    policy = Policy(allow_draft, allow_expired, frozenset(
        code for code in project.config.locales if skipping and code not in locales))
    folder = out_dir if out_dir is not None else project.output_dir
    cache = BuildCache.open(project, disabled=force)
    if dry_run:
        for target in targets:
            _print_plan(jobs, folder, target, policy, cache)
        return
    with Progress("Building", len(jobs) * len(targets)) as progress:
        built, skipped_jobs = _make(project, jobs, folder, targets, policy, workers,
                                    progress, cache)
    files = [(item.path, item.data) for item in built if item.data is not None]
    if OutputFormat.HTML in wanted:
        from handouts.pipeline.site import site_pages

        made = [item.job for item in built if item.path.suffix == ".html"]
        files += site_pages(project, made, folder, with_pdfs=OutputFormat.PDF in wanted)
    write_atomically(files)
    cache.save()
    _print_built(built, folder, progress)
    _print_skipped(skipped_jobs)
    if open_after and built:
        click.launch(str(built[0].path if len(built) == 1 else folder))


def _targets(wanted: list[OutputFormat], options: PdfOptions) -> list[Target]:
    """What the build writes: PDFs with their options, web pages."""
    from handouts.backends.html.backend import HtmlOptions
    from handouts.backends.pdf.options import PdfOptions
    from handouts.pipeline.target import Target

    if OutputFormat.PDF not in wanted and options != PdfOptions():
        raise click.UsageError("--grayscale, --fillable and --imposition are for PDFs: "
                               "add --format pdf")
    return [Target(f, options if f is OutputFormat.PDF else HtmlOptions())
            for f in dict.fromkeys(wanted)]


def _make(project: Project, jobs: list[BuildJob], folder: Path, targets: list[Target],
          policy: Policy, workers: int | None, progress: Progress,
          cache: BuildCache) -> tuple[list[Built], list[tuple[BuildJob, Problem]]]:
    """Every target's outputs in memory, and the jobs left out (each once)."""
    from handouts.pipeline.build import default_workers, make_outputs

    built: list[Built] = []
    skipped: list[tuple[BuildJob, Problem]] = []
    for target in targets:
        outputs = make_outputs(project, jobs, folder, target, policy,
                               workers or default_workers(), progress.step, cache)
        built += outputs.built
        skipped += [item for item in outputs.skipped if item not in skipped]
    return built, skipped


def _print_skipped(skipped: list[tuple[BuildJob, Problem]]) -> None:
    """What incomplete_translations: skip left out, one line per handout and locale."""
    if not skipped:
        return
    click.secho(f"not built, the translation is not finished ({len(skipped)} "
                f"PDF{'s' if len(skipped) != 1 else ''}; see 'handouts translate status'):",
                fg="yellow")
    for handout_id, locale in dict.fromkeys((job.handout.id, job.locale)
                                            for job, _ in skipped):
        click.echo(f"  {handout_id} ({locale})")


def _print_plan(jobs: list[BuildJob], folder: Path, target: Target, policy: Policy,
                cache: BuildCache) -> None:
    from handouts.pipeline.build import plan_outputs

    _, paths, kept = plan_outputs(jobs, folder, target, policy, cache)
    for index, path in enumerate(paths):
        click.echo(f"{'unchanged' if index in kept else 'would write'} {relative(path)}")
    click.secho(f"{plural(len(paths) - len(kept), 'PDF')} would be written, "
                f"{len(kept)} unchanged; nothing was made or written (--dry-run)",
                fg="green")


def _print_built(built: list[Built], folder: Path, progress: Progress) -> None:
    from handouts.i18n.words import ENGLISH

    if not progress.shown:  # a terminal saw the bar; a log gets every file written
        for item in built:
            if not item.unchanged:
                size = "" if item.path.suffix == ".html" else f"  ({plural(item.pages, 'page')})"
                click.echo(f"wrote {relative(item.path)}{size}")
    for job in {(item.job.handout.id, item.job.child): item.job for item in built}.values():
        if job.child is not None:
            band = f"band '{job.band.id}': {job.band.label}" if job.band else "no age bands"
            click.echo(f"{job.handout.id}: {ENGLISH.explain(job.child)} -> {band}")
    pdfs = [item for item in built if item.path.suffix != ".html"]
    pages = sum(item.pages for item in pdfs)
    web = len(built) - len(pdfs)
    unchanged = sum(1 for item in built if item.unchanged)
    made = [f"{plural(len(pdfs), 'PDF')} ({plural(pages, 'page')})"] if pdfs or not web else []
    made += [plural(web, "web page")] if web else []
    click.secho(f"built {' and '.join(made)} in "
                f"{relative(folder)}" + (f", {unchanged} unchanged" if unchanged else "")
                + f" ({progress.seconds:.1f} s)", fg="green")
