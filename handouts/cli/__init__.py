"""The ``handouts`` command line.

Exit codes: 0 ok, 1 content or build error, 2 usage error. A user's mistake is printed
as a list of problems (file:line: key: message, with a hint), never as a traceback;
``--debug`` shows the traceback for bug reports.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import shutil
import sys
from dataclasses import dataclass
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

import click

from handouts.ages import Age, parse_age, parse_gestation
from handouts.project.bands import band_range
from handouts.project.brand import Brand
from handouts.pipeline.packs import PackRequest, check_covers, make_pack, pack_jobs
from handouts.pipeline.build import Variant, make_pdfs
from handouts.backends.pdf.imposition import IMPOSITIONS
from handouts.project.content import Handout
from handouts.errors import HandoutsError, Problem, did_you_mean
from handouts.files import write_atomically
from handouts.locales import canonical
from handouts.quality.plain_language import ReadingLevel
from handouts.quality import Finding, blocking_problems, run_checks
from handouts.i18n.translate import Status, extract, status, update
from handouts.i18n.words import ENGLISH
from handouts.project.loader import CONFIG_NAME, Config, Project, find_root, load_project, starter_files
from handouts.select.jobs import AgeRequest, BuildJob, select_jobs

SCHEMAS = {"handout": Handout, "brand": Brand, "config": Config}


@dataclass
class Settings:
    project_dir: Path | None
    debug: bool

    def project(self) -> Project:
        root = self.project_dir.resolve() if self.project_dir else find_root(Path.cwd())
        if not (root / CONFIG_NAME).is_file():
            raise HandoutsError([Problem(f"no {CONFIG_NAME} in {root}",
                                         hint="start a project with 'handouts init DIR'")])
        return load_project(root)


class HandoutsGroup(click.Group):
    """Turns HandoutsError into a readable report and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except HandoutsError as exc:
            settings = ctx.find_object(Settings)
            if settings and settings.debug:
                raise
            _report(exc.problems, Path.cwd())
            ctx.exit(exc.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:  # output piped into `head` and friends
            sys.stderr.close()
            ctx.exit(0)
        except Exception as exc:  # a bug, not a user mistake
            settings = ctx.find_object(Settings)
            if settings and settings.debug:
                raise
            click.secho(f"internal error: {type(exc).__name__}: {exc}", fg="red", err=True)
            click.echo("This is a bug in handouts. Run again with --debug and report "
                       "the output.", err=True)
            ctx.exit(3)


def _report(problems: list[Problem], base: Path) -> None:
    for problem in problems:
        click.secho("error: ", fg="red", bold=True, err=True, nl=False)
        click.echo(problem.format(base), err=True)
    count = len(problems)
    click.secho(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.",
                fg="red", err=True)


@click.group(cls=HandoutsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_version("handouts"), prog_name="handouts")
@click.option("--project", "project_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Project folder (holds handouts.yaml). Default: found from the "
                   "current folder upwards.")
@click.option("--debug", is_flag=True, help="Show Python tracebacks (for bug reports).")
@click.pass_context
def main(ctx: click.Context, project_dir: Path | None, debug: bool) -> None:
    """Make print-ready PDF patient handouts from YAML content and Jinja2 templates.

    \b
    Start a project, then build it:
      handouts init my-clinic
      cd my-clinic
      handouts build
    """
    ctx.obj = Settings(project_dir, debug)


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
        try:
            return dt.date(year, month, day)
        except ValueError:
            if not 1 <= month <= 12:
                self.fail(f"'{value}' is not a real date: there is no month {month}",
                          param, ctx)
            last = calendar.monthrange(year, month)[1]
            self.fail(f"'{value}' is not a real date: {calendar.month_name[month]} {year} "
                      f"has {last} days", param, ctx)


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
        try:
            return canonical(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


LANG_OPTION = click.option(
    "--lang", "locales", multiple=True, type=LocaleParam(),
    help="Build in this locale only (repeatable), e.g. --lang ru. Default: the config's "
         "locales.")
DRAFT_OPTION = click.option(
    "--allow-draft", is_flag=True, help="Print unfinished translations anyway, marked "
    "'Draft translation' on every page.")


def _age_request(age: Age | None, born: dt.date | None, on: dt.date | None,
                 born_at: int | None) -> AgeRequest | None:
    if age is not None and born is not None:
        raise click.UsageError("give either --age or --born, not both")
    if on is not None and born is None:
        raise click.UsageError("--on goes with --born (it is the day the age is counted to)")
    if born_at is not None and age is None and born is None:
        raise click.UsageError("--born-at goes with --age or --born")
    if age is None and born is None:
        return None
    if born is not None and on is not None and on < born:
        raise HandoutsError([Problem(
            f"--on {on.isoformat()} is before the birth date {born.isoformat()}",
            hint="--on is the day the age is counted to (default: today)")])
    return AgeRequest(age=age, born=born, on=on or (dt.date.today() if born else None),
                      gestation_days=born_at)


def _jobs_for_variant(jobs: list[BuildJob], variant: Variant) -> list[BuildJob]:
    """Imposition takes the cards of the selection, --fillable the handouts with boxes."""
    kept = [job for job in jobs if variant.applies_to(job.handout.handout)]
    skipped = sorted({job.handout.id for job in jobs} - {job.handout.id for job in kept})
    what = "a card" if variant.imposition else "a handout with tick boxes"
    if not kept:
        raise HandoutsError([Problem(
            f"none of the selected handouts ({', '.join(skipped)}) is {what}",
            hint="--imposition is for handouts with 'kind: card'; --fillable for "
                 "checklists and handouts with a 'checklist' block")])
    if skipped:
        click.echo(f"skipped (not {what}): {', '.join(skipped)}")
    return kept


@main.command()
@click.argument("handout_ids", nargs=-1, metavar="[HANDOUT_ID]...")
@click.option("--brand", "brands", multiple=True, metavar="ID",
              help="Build for this brand only (repeatable). Default: the config's brands.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder. Default: 'output' in handouts.yaml.")
@click.option("--age", type=AgeParam(), help="The child's age, e.g. 6w, 3m, 18m, 2y: "
              "prints only the age band that fits.")
@click.option("--born", type=DateParam(), help="The child's birth date: picks the band "
              "and prints real dates. Never stored in file names or PDF metadata.")
@click.option("--on", type=DateParam(), help="With --born: the day to count the age to "
              "(default: today).")
@click.option("--born-at", type=GestationParam(), help="Gestation at birth, e.g. 33w or "
              "33w4d: babies born before 37 weeks get corrected age where the handout "
              "asks for it.")
@LANG_OPTION
@DRAFT_OPTION
@click.option("--allow-expired", is_flag=True, help="Print handouts past their "
              "next_review date anyway, marked 'Review overdue.'")
@click.option("--grayscale", is_flag=True, help="Grayscale proofs for black-and-white "
              "printers, named <name>--grayscale.pdf.")
@click.option("--fillable", is_flag=True, help="PDF forms of the handouts with tick boxes: "
              "boxes and write-in lines become fields, named <name>--fillable.pdf.")
@click.option("--imposition", type=click.Choice(sorted(IMPOSITIONS)), help="Cards only: "
              "2 or 4 copies on each sheet of the brand's paper, with cut marks, named "
              "<name>--2up.pdf or --4up.pdf.")
@click.pass_obj
def build(settings: Settings, handout_ids: tuple[str, ...], brands: tuple[str, ...],
          out_dir: Path | None, age: Age | None, born: dt.date | None, on: dt.date | None,
          born_at: int | None, locales: tuple[str, ...], allow_draft: bool,
          allow_expired: bool, grayscale: bool, fillable: bool,
          imposition: str | None) -> None:
    """Build PDFs into OUT/<brand>/<lang>/<handout>[--<band>].pdf.

    Every handout is built in every locale of handouts.yaml (or --lang): in its own
    language, or from its translation, which must be complete unless --allow-draft.
    Content that fails an error-level quality check (see 'handouts check') is refused;
    a handout past its review date prints only with --allow-expired.
    A handout with age bands gives one PDF per band. With --age or --born only the band
    that fits the child is built; with --born the PDF also carries real dates and its
    name ends in --dated.pdf. Everything is checked and made in memory first; files are
    written only if every PDF succeeded, so a failed build never leaves a partial file.

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
    """
    project = settings.project()
    request = _age_request(age, born, on, born_at)
    jobs = select_jobs(project, handout_ids, brands, age=request, locales=locales)
    variant = Variant(grayscale, fillable, imposition)
    jobs = _jobs_for_variant(jobs, variant)
    blocking = blocking_problems(run_checks(project).findings, jobs, allow_expired)
    if blocking:
        raise HandoutsError(blocking)
    target = out_dir if out_dir is not None else project.output_dir
    built = make_pdfs(project, jobs, target, allow_draft, variant)
    write_atomically([(pdf.path, pdf.data) for pdf in built])
    for pdf in built:
        click.echo(f"wrote {_relative(pdf.path)}  ({pdf.pages} page{'s' if pdf.pages != 1 else ''})")
    for job in {(pdf.job.handout.id, pdf.job.child): pdf.job for pdf in built}.values():
        if job.child is not None:
            band = f"band '{job.band.id}' ({job.band.label})" if job.band else "no age bands"
            click.echo(f"{job.handout.id}: {ENGLISH.explain(job.child)} -> {band}")
    pages = sum(pdf.pages for pdf in built)
    click.secho(f"built {len(built)} PDF{'s' if len(built) != 1 else ''} "
                f"({pages} pages) in {_relative(target)}", fg="green")


@main.command()
@click.argument("pack_id", metavar="PACK_ID")
@click.option("--brand", "brand_id", metavar="ID",
              help="The clinic. Default: the first brand of handouts.yaml.")
@click.option("--lang", "locale", type=LocaleParam(),
              help="The language. Default: the first locale of handouts.yaml.")
@click.option("--age", type=AgeParam(), help="The child's age, e.g. 2w: picks the bands "
              "of handouts chosen 'by-age'.")
@click.option("--born", type=DateParam(), help="The child's birth date: picks the bands, "
              "prints real dates and the birth date on the cover.")
@click.option("--on", type=DateParam(), help="The day the pack is printed and the age "
              "counted to (default: today).")
@click.option("--born-at", type=GestationParam(), help="Gestation at birth, e.g. 35w: "
              "corrected age for babies born before 37 weeks.")
@click.option("--name", "child_name", metavar="TEXT", help="The child's name, printed on "
              "the cover and on checklists' name line; never in file names or metadata.")
@click.option("--duplex/--simplex", default=None, help="Printed on both sides (each "
              "handout starts on a right-hand page) or on one. Default: the pack's setting.")
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
              help="The PDF to write. Default: OUT/<brand>/<lang>/packs/<pack>.pdf "
                   "(<pack>--personal.pdf with a name or birth date).")
@DRAFT_OPTION
@click.option("--allow-expired", is_flag=True, help="Print handouts past their "
              "next_review date anyway, marked 'Review overdue.'")
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
    project = settings.project()
    loaded = project.packs.get(pack_id)
    if loaded is None:
        raise HandoutsError([Problem(
            f"no pack with id '{pack_id}' in {project.root / project.config.packs_dir}",
            hint=did_you_mean(pack_id, project.packs) or
            f"known packs: {', '.join(sorted(project.packs)) or 'none'}")])
    brand_id = brand_id or (project.config.brands or sorted(project.brands))[0]
    if brand_id not in project.brands:
        raise HandoutsError([Problem(f"unknown brand '{brand_id}'", hint=did_you_mean(
            brand_id, project.brands) or f"known brands: {', '.join(sorted(project.brands))}")])
    if child_name is not None and not child_name.strip():
        raise click.UsageError("--name is empty")
    request = PackRequest(
        loaded, project.brands[brand_id], locale or project.config.locales[0],
        printed_on=on or dt.date.today(), age=_age_request(age, born, on if born else None,
                                                           born_at),
        child_name=child_name.strip() if child_name else None,
        duplex=loaded.pack.duplex if duplex is None else duplex)
    jobs = [job for job, _ in pack_jobs(project, request)]
    blocking = blocking_problems(run_checks(project).findings, jobs, allow_expired)
    if blocking:
        raise HandoutsError(blocking)
    built = make_pack(project, request, allow_draft)
    path = out_file if out_file is not None else request.output_path(project.output_dir)
    write_atomically([(path, built.data)])
    for part in built.parts:
        band = f" ({part.band})" if part.band else ""
        click.echo(f"  page {part.first:>2}  {part.job.handout.id}{band}")
        if part.job.child is not None:
            click.echo(f"           {ENGLISH.explain(part.job.child)}")
    click.secho(f"wrote {_relative(path)}  ({built.pages} pages, "
                f"{'both sides' if request.duplex else 'one side'})", fg="green")


@main.command()
@LANG_OPTION
@DRAFT_OPTION
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="json is for CI and scripts.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@click.option("--readability", "show_levels", is_flag=True,
              help="Also list the reading level of every sheet (band and language).")
@click.pass_obj
def check(settings: Settings, locales: tuple[str, ...], allow_draft: bool,
          output_format: str, strict: bool, show_levels: bool) -> None:
    """Check everything a build would print, and the quality gates, writing nothing.

    Runs the whole pipeline in memory (translations, glyphs, templates, layout, card
    fit) for every handout and brand in the project, also those handouts.yaml does not
    list, and every pack's cover, in every configured locale, so that what passes here also builds. Then runs
    the quality checks: reading level of every band in every language, sentences over
    20 words, jargon (data/glossary), review dates, actionability (something to do,
    whom to call, lists of at most 7 items), colour contrast, image resolution and
    links. Each check is an error or a warning (set per project under 'checks:' in
    handouts.yaml). Exit code 1 on any error, or on a warning with --strict.

    \b
    Examples:
      handouts check
      handouts check --readability
      handouts check --strict --format json
      handouts check --lang es --allow-draft
    """
    project = settings.project()
    jobs = select_jobs(project, everything=True, locales=locales)
    report = run_checks(project)
    findings = report.findings
    problems: list[Problem] = []
    try:
        make_pdfs(project, jobs, project.output_dir, allow_draft)
    except HandoutsError as exc:
        problems = list(exc.problems)
    # A pack's cover also needs the interface words: report a problem once.
    for problem in check_covers(project, list(locales or project.config.locales), allow_draft):
        if problem not in problems:
            problems.append(problem)
    findings = [Finding("build", "error", p.message, _problem_subject(p, project), p.file,
                        p.line, p.hint) for p in problems] + findings
    errors = sum(1 for f in findings if f.level == "error")
    warnings = len(findings) - errors
    summary = (f"{errors} error{'s' if errors != 1 else ''}, {warnings} "
               f"warning{'s' if warnings != 1 else ''}: {len(project.handouts)} handouts, "
               f"{len(project.brands)} brands, {len(jobs)} PDFs checked")
    if output_format == "json":
        click.echo(json.dumps({"findings": [_finding_json(f) for f in findings],
                               "errors": errors, "warnings": warnings,
                               "pdfs": len(jobs),
                               "reading_levels": [level.as_json()
                                                  for level in report.reading_levels]},
                              indent=2, ensure_ascii=False))
    else:
        if show_levels:
            _print_reading_levels(report.reading_levels)
        _print_findings(findings)
        click.secho(summary, fg="red" if errors else ("yellow" if warnings else "green"))
    if errors or (strict and warnings):
        sys.exit(1)


def _problem_subject(problem: Problem, project: Project) -> str:
    """Group build problems with their handout (or brand) when the file says which."""
    if problem.file is not None:
        for kind, known in (("handout", project.handouts), ("brand", project.brands),
                            ("pack", project.packs)):
            if problem.file.stem in known:
                return f"{kind} '{problem.file.stem}'"
    return "project"


def _print_reading_levels(levels: list[ReadingLevel]) -> None:
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


def _print_findings(findings: list[Finding]) -> None:
    for subject in dict.fromkeys(f.subject for f in findings):
        click.secho(subject, bold=True)
        for finding in (f for f in findings if f.subject == subject):
            where = Problem("", finding.file, finding.line).location(Path.cwd())
            click.secho(f"  {finding.level:<8}", fg="red" if finding.level == "error"
                        else "yellow", nl=False)
            message = finding.message.replace("\n", "\n           ")
            click.echo(f"{where + ': ' if where else ''}{finding.check}: {message}")
            if finding.hint:
                click.echo(f"           hint: {finding.hint}")


def _finding_json(finding: Finding) -> dict[str, Any]:
    return {"check": finding.check, "level": finding.level, "subject": finding.subject,
            "message": finding.message, "file": _relative(finding.file) if finding.file
            else None, "line": finding.line, "hint": finding.hint}


@main.command(name="list")
@click.pass_obj
def list_(settings: Settings) -> None:
    """List the project's handouts, brands and locales.

    \b
    Example:
      handouts list
    """
    project = settings.project()
    click.secho(f"{project.config.title}\n", bold=True)
    click.secho("Handouts", bold=True)
    rows = [(h.id, h.kind, h.status, f"v{h.version}", f"review by {h.next_review}",
             f"reviewed {h.reviewed_on} by {h.reviewed_by}" if h.reviewed_by else "not reviewed",
             h.title) for h in (item.handout for item in project.handouts.values())]
    _table(rows)
    banded = [(h.id, ", ".join(f"{b.id} ({band_range(b)})" for b in h.age_bands)
               + ("; corrected age for babies born early" if h.corrected_age else ""))
              for h in (item.handout for item in project.handouts.values()) if h.age_bands]
    if banded:
        click.secho("\nAge bands", bold=True)
        _table(banded)
    click.secho("\nBrands", bold=True)
    _table([(bid, b.brand.name, b.brand.paper, b.brand.locale, f"emergency {b.brand.emergency_number}")
            for bid, b in project.brands.items()])
    click.secho("\nLocales", bold=True)
    sources = {h.handout.language for h in project.handouts.values()}
    rows = status(project, tuple(project.config.locales)) if set(
        project.config.locales) - sources else []
    _table([(code, "source language" if code in sources else _locale_summary(
        [row for row in rows if row.locale == code])) for code in project.config.locales])


def _locale_summary(rows: list[Status]) -> str:
    done = sum(row.translated for row in rows)
    total = sum(row.total for row in rows)
    reviewed = "reviewed" if rows and all(row.reviewed for row in rows) else "not reviewed"
    return f"translated {100 * done / total if total else 0:.0f}% ({reviewed}); " \
           "details: handouts translate status"


@main.group()
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
    project = settings.project()
    for change in extract(project):
        click.echo(f"{_relative(change.path)}: {change.summary}")


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
    project = settings.project()
    for change in update(project, locales):
        click.echo(f"{_relative(change.path)}: {change.summary}")


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
    rows = status(settings.project(), locales)
    if output_format == "json":
        click.echo(json.dumps([_status_json(row) for row in rows], indent=2))
        return
    table = [("HANDOUT", "LOCALE", "DONE", "TRANSLATED", "FUZZY", "MISSING", "REVIEWED")]
    table += [(row.name, row.locale, f"{row.percent:.0f}%", str(row.translated),
               str(row.fuzzy), str(row.missing), "yes" if row.reviewed else "no")
              for row in rows]
    _table(table)
    done = sum(1 for row in rows if row.missing == row.fuzzy == 0)
    click.echo(f"\n{done} of {len(rows)} catalogs complete")


def _status_json(row: Status) -> dict[str, Any]:
    return {"handout": row.name, "locale": row.locale, "translated": row.translated,
            "fuzzy": row.fuzzy, "missing": row.missing, "total": row.total,
            "percent": round(row.percent, 1), "reviewed": row.reviewed,
            "file": _relative(row.file)}


def _table(rows: list[tuple[str, ...]]) -> None:
    if not rows:
        click.echo("  (none)")
        return
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  " + "  ".join(str(cell).ljust(width)
                                    for cell, width in zip(row, widths)).rstrip())


@main.command()
@click.argument("what", type=click.Choice(sorted(SCHEMAS)), default="handout")
def schema(what: str) -> None:
    """Print the JSON Schema of a file format (handout, brand or config).

    Point your editor at it for autocompletion and checks, e.g. with the VS Code YAML
    extension: save it in the project folder and add
    '# yaml-language-server: $schema=../../handout.schema.json' at the top of a
    handout file (the path is relative to the handout file).

    \b
    Examples:
      handouts schema > handout.schema.json
      handouts schema brand > brand.schema.json
    """
    data = SCHEMAS[what].model_json_schema()
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    click.echo(json.dumps(data, indent=2, sort_keys=True))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Start a new project in DIRECTORY with the example handouts, brands and templates.

    Never overwrites: if any of the files already exists, nothing is copied.

    \b
    Example:
      handouts init my-clinic && cd my-clinic && handouts build
    """
    files = starter_files()
    clashes = [rel for _, rel in files if (directory / rel).exists()]
    if clashes:
        raise HandoutsError([Problem(
            f"{directory / clashes[0]} already exists"
            + (f" (and {len(clashes) - 1} more files)" if len(clashes) > 1 else ""),
            hint="choose a new folder; init never overwrites your files")])
    for source, relative in files:
        (directory / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, directory / relative)
    (directory / "output").mkdir(parents=True, exist_ok=True)
    click.secho(f"created {directory} with {len(files)} files", fg="green")
    click.echo(f"next: cd {directory} && handouts build")


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
