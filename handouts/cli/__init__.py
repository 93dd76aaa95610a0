"""The ``handouts`` command line: parse, call the pipeline, print.

Exit codes: 0 ok, 1 content or build error, 2 usage error, 3 a bug. A user's mistake is
printed as a list of problems (file:line: key: message, with a hint), never as a
traceback; ``--debug`` shows the traceback for bug reports.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib.metadata import version as package_version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from handouts.cli.report import report_problems
from handouts.errors import HandoutsError, Problem
from handouts.names import CONFIG_NAME

if TYPE_CHECKING:
    from handouts.project.loader import Project



@dataclass
class Settings:
    project_dir: Path | None
    debug: bool

    def project(self) -> Project:
        from handouts.project.loader import ProjectLoadError, find_root, load_project

        root = self.project_dir.resolve() if self.project_dir else find_root(Path.cwd())
        if not (root / CONFIG_NAME).is_file():
            raise HandoutsError([Problem(f"no {CONFIG_NAME} in {root}",
                                         hint="start a project with 'handouts init DIR'")])
        try:
            return load_project(root)
        except ProjectLoadError as exc:  # the brands' own problems too, in one round
            from handouts.quality.media import brand_problems

            raise HandoutsError([*exc.problems,
                                 *brand_problems(exc.brands.values(), exc.config)]) from None


class HandoutsGroup(click.Group):
    """Turns HandoutsError into a readable report and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except HandoutsError as exc:
            settings = ctx.find_object(Settings)
            if settings and settings.debug:
                raise
            report_problems(exc.problems, Path.cwd())
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


def _register() -> None:
    from handouts.cli import build, check, pack, project, serve, translate

    for command in (build.build, pack.pack, check.check, serve.serve, project.list_,
                    project.schema, project.init, translate.translate):
        main.add_command(command)


_register()
