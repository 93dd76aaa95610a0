"""The pipeline for a set of jobs, in memory.

    project  ->  select jobs  ->  what changed (cache)  ->  quality gate  ->  localize
    ->  check glyphs  ->  compose document  ->  backend writes it
    ->  (the caller writes the files, all or none)

Every output of a run is made in memory first and every problem of every job is
collected, so one run reports everything and a failed build never leaves a partial
file. Only what has to be made is checked and made: a job whose output on disk came
from the same inputs is left alone, and its quality findings are the ones it passed.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from handouts.errors import HandoutsError, Problem, ProblemList
from handouts.pipeline.cache import BuildCache, Made
from handouts.pipeline.policy import Policy
from handouts.pipeline.target import Target
from handouts.project.loader import Project
from handouts.quality.context import PageFill
from handouts.select.jobs import BuildJob

if TYPE_CHECKING:
    from handouts.pipeline.make import Result


@dataclass(frozen=True)
class Built:
    job: BuildJob
    path: Path
    data: bytes | None  # None: the file on disk is already this output
    pages: int

    @property
    def unchanged(self) -> bool:
        return self.data is None


@dataclass(frozen=True)
class Outputs:
    built: list[Built]
    skipped: list[tuple[BuildJob, Problem]]  # left out: their translation is not finished


def jobs_for(jobs: list[BuildJob], target: Target, wanted: str) -> tuple[list[BuildJob],
                                                                         list[str]]:
    """The jobs the target can write (imposition takes cards, form fields the handouts
    with tick boxes), and the ids of the handouts it skips. HandoutsError when it can
    write none; ``wanted`` says what a handout must be ("a card")."""
    kept = [job for job in jobs if target.options.applies_to(job.handout.handout)]
    skipped = sorted({job.handout.id for job in jobs} - {job.handout.id for job in kept})
    if not kept:
        raise HandoutsError([Problem(
            f"none of the selected handouts ({', '.join(skipped)}) is {wanted}",
            hint="--imposition is for handouts with 'kind: card'; --fillable for "
                 "checklists and handouts with a 'checklist' block")])
    return kept, skipped


def gate(project: Project, jobs: list[BuildJob], policy: Policy) -> list[Problem]:
    """The error-level quality findings about what the jobs print: they stop a build."""
    if not jobs:
        return []
    from handouts.quality import blocking_problems, run_checks, scope_of

    findings = run_checks(project, scope=scope_of(jobs)).findings
    return blocking_problems(findings, jobs, policy.allow_expired)


def refuse_blocked(project: Project, jobs: list[BuildJob], policy: Policy) -> None:
    blocking = gate(project, jobs, policy)
    if blocking:
        raise HandoutsError(blocking)


def make_outputs(project: Project, jobs: list[BuildJob], out_dir: Path, target: Target,
                 policy: Policy = Policy(), workers: int = 1,
                 done: Callable[[BuildJob], None] | None = None,
                 cache: BuildCache | None = None) -> Outputs:
    """Every output in memory, on ``workers`` processes; all problems of all jobs are
    reported together, in the order of the jobs, whatever the number of workers.

    Content that fails an error-level quality check is refused first. With a ``cache``,
    a job whose file on disk was made from the same inputs is not made again (its
    ``Built`` has no data). A job whose translation is unfinished in a locale the policy
    lets skip is left out and listed. A variant is named after it
    (``<name>--grayscale.pdf``), beside the plain file. ``done`` is called as each job
    finishes (a progress bar)."""
    keys, paths, kept = plan_outputs(jobs, out_dir, target, policy, cache)
    todo = [i for i in range(len(jobs)) if i not in kept]
    # The gate's findings and the making's problems are reported together, in one round.
    problems = ProblemList(gate(project, [jobs[i] for i in todo], policy))
    for index in kept:
        if done:
            done(jobs[index])
    results = dict(zip(todo, _make(project, [jobs[i] for i in todo], target, policy,
                                   workers, done)))
    built: list[Built] = []
    skipped: list[tuple[BuildJob, Problem]] = []
    for index, job in enumerate(jobs):
        if index in kept:
            built.append(Built(job, paths[index], None, kept[index].pages))
            continue
        output, found = results[index]
        if found and job.locale in policy.skip_untranslated and all(
                p.untranslated for p in found):
            skipped.append((job, found[0]))
            continue
        problems.extend(found)
        if output is not None:
            built.append(Built(job, paths[index], output.data, output.pages))
            if cache:
                cache.record(keys[index], output)
    problems.raise_if_any()
    return Outputs(built, skipped)


def plan_outputs(jobs: list[BuildJob], out_dir: Path, target: Target, policy: Policy,
                 cache: BuildCache | None) -> tuple[list[str], list[Path], dict[int, Made]]:
    """Each job's cache key and output path, and the jobs whose file on disk is already
    their output (by index)."""
    today = dt.date.today()
    keys = [cache.key(job, target.options, policy, today) if cache else "" for job in jobs]
    paths = [target.output_path(job, out_dir) for job in jobs]
    kept = {i: made for i in range(len(jobs))
            if cache and (made := cache.unchanged(keys[i], paths[i])) is not None}
    return keys, paths, kept


@dataclass(frozen=True)
class Checked:
    problems: list[Problem]
    page_fills: list[PageFill]  # of every output that was made (or made before)


def check_outputs(project: Project, jobs: list[BuildJob], target: Target, policy: Policy,
                  workers: int = 1, cache: BuildCache | None = None) -> Checked:
    """The problems of making every output, in memory, and how full their last pages
    are; jobs whose inputs built without a problem before are not made again."""
    today = dt.date.today()
    keys = [cache.key(job, target.options, policy, today) if cache else "" for job in jobs]
    before = {i: made for i, key in enumerate(keys)
              if cache and (made := cache.built_before(key)) is not None}
    todo = [i for i in range(len(jobs)) if i not in before]
    problems = ProblemList()
    fills = [PageFill(jobs[i], made.pages, made.last_page_fill) for i, made in before.items()]
    results = _make(project, [jobs[i] for i in todo], target, policy, workers, None)
    for index, (output, found) in zip(todo, results):
        problems.extend(found)
        if output is not None:
            fills.append(PageFill(jobs[index], output.pages, output.last_page_fill))
            if cache:
                cache.record(keys[index], output)
    return Checked(problems.problems, fills)


def _make(project: Project, jobs: list[BuildJob], target: Target, policy: Policy,
          workers: int, done: Callable[[BuildJob], None] | None) -> list[Result]:
    if not jobs:
        return []
    from handouts.pipeline.make import make_all  # the layout: loaded when there is work

    return make_all(project, jobs, target, policy, workers, done)


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1

