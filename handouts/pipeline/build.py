"""The pipeline for a set of jobs, in memory.

    project  ->  select jobs  ->  localize  ->  check glyphs  ->  compose document
    ->  backend writes it  ->  (the caller writes the files, all or none)

Every output of a run is made in memory first and every problem of every job is
collected, so one run reports everything and a failed build never leaves a partial
file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from handouts.backends import get_backend
from handouts.backends.base import Backend, Options, Output
from handouts.document.compose import Language, compose_handout
from handouts.document.fonts import describe_chars, missing_glyphs
from handouts.errors import HandoutsError, Problem, ProblemList
from handouts.i18n.localize import LocalizedHandout
from handouts.pipeline.context import Policy, Session
from handouts.project.content import fill_placeholders
from handouts.project.loader import Project
from handouts.quality import blocking_problems, run_checks, scope_of
from handouts.select.jobs import BuildJob

T = TypeVar("T")


@dataclass(frozen=True)
class Target:
    """What to write: a backend and its options (``pdf`` with ``--grayscale``...)."""

    backend: Backend[Any]
    options: Options

    @classmethod
    def named(cls, name: str, options: Options) -> Target:
        return cls(get_backend(name), options)

    def suffix(self) -> str:
        return self.backend.file_suffix(self.options)


@dataclass(frozen=True)
class Built:
    job: BuildJob
    path: Path
    output: Output


def jobs_for(jobs: list[BuildJob], target: Target, wanted: str) -> tuple[list[BuildJob],
                                                                         list[str]]:
    """The jobs the target can write (imposition takes cards, form fields the handouts
    with tick boxes), and the ids of the handouts it skips. HandoutsError when it can
    write none; ``wanted`` says what a handout must be ("a card")."""
    kept = [job for job in jobs if target.backend.applies_to(job.handout.handout,
                                                            target.options)]
    skipped = sorted({job.handout.id for job in jobs} - {job.handout.id for job in kept})
    if not kept:
        raise HandoutsError([Problem(
            f"none of the selected handouts ({', '.join(skipped)}) is {wanted}",
            hint="--imposition is for handouts with 'kind: card'; --fillable for "
                 "checklists and handouts with a 'checklist' block")])
    return kept, skipped


def refuse_blocked(project: Project, jobs: list[BuildJob], policy: Policy) -> None:
    """Error-level quality findings about what the jobs print stop the build."""
    findings = run_checks(project, scope=scope_of(jobs)).findings
    blocking = blocking_problems(findings, jobs, policy.allow_expired)
    if blocking:
        raise HandoutsError(blocking)


def make_outputs(project: Project, jobs: list[BuildJob], out_dir: Path, target: Target,
                 policy: Policy = Policy(), workers: int = 1,
                 done: Callable[[BuildJob], None] | None = None) -> list[Built]:
    """Every output in memory, on ``workers`` processes; all problems of all jobs are
    reported together, in the order of the jobs, whatever the number of workers.

    A variant is named after it (``<name>--grayscale.pdf``), beside the plain file.
    ``done`` is called as each job finishes (for a progress bar)."""
    maker = _Maker(project, jobs, target, policy)
    if workers > 1 and len(jobs) >= MIN_PARALLEL_JOBS:
        results = _in_parallel(maker, min(workers, len(jobs)), done)
    else:
        results = []
        for index, job in enumerate(jobs):
            results.append(maker.make(index))
            if done:
                done(job)
    problems = ProblemList()
    built = []
    suffix = target.suffix()
    for job, (output, found) in zip(jobs, results):
        problems.extend(found)
        if output is not None:
            built.append(Built(job, job.output_path(out_dir, suffix), output))
    problems.raise_if_any()
    return built


MIN_PARALLEL_JOBS = 4  # fewer outputs are made sooner than worker processes start
Result = tuple[Output | None, list[Problem]]


class _Maker:
    """Makes the output of one job of a run, with the run's caches (one per process)."""

    def __init__(self, project: Project, jobs: list[BuildJob], target: Target,
                 policy: Policy) -> None:
        self.jobs = jobs
        self.target = target
        self.session = Session(project, policy)

    def make(self, index: int) -> Result:
        job, session = self.jobs[index], self.session
        problems = ProblemList()
        # Each part is tried on its own, so one run lists every unfinished catalog.
        text = _attempt(problems, lambda: session.handout(job))
        interface = _attempt(problems, lambda: session.interface(job.locale))
        fonts = _attempt(problems, lambda: session.fonts(job.locale))
        if text is None or interface is None or fonts is None:
            return None, problems.problems
        lang = Language(job.locale, interface, fonts)
        glyph_problems = list(check_glyphs(job, text, lang))
        if glyph_problems:
            return None, glyph_problems
        try:
            document = compose_handout(job, text, lang, session.search_path(job.brand))
            return self.target.backend.write(document, self.target.options), []
        except HandoutsError as exc:
            return None, exc.problems


_worker: _Maker | None = None  # the maker of a worker process


def _start_worker(project: Project, jobs: list[BuildJob], target: Target,
                  policy: Policy) -> None:
    global _worker
    _worker = _Maker(project, jobs, target, policy)


def _make_in_worker(index: int) -> Result:
    assert _worker is not None, "the worker was not started"
    return _worker.make(index)


def _in_parallel(maker: _Maker, workers: int,
                 done: Callable[[BuildJob], None] | None) -> list[Result]:
    """The results of every job, in job order, made by ``workers`` processes."""
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(
            maker.session.project, maker.jobs, maker.target, maker.session.policy)) as pool:
        futures = {pool.submit(_make_in_worker, index): index
                   for index in range(len(maker.jobs))}
        if done:
            for future in as_completed(futures):
                done(maker.jobs[futures[future]])
        return [future.result() for future in futures]  # in the order submitted


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _attempt(problems: ProblemList, step: Callable[[], T]) -> T | None:
    try:
        return step()
    except HandoutsError as exc:
        problems.extend(exc.problems)
        return None


def check_glyphs(job: BuildJob, text: LocalizedHandout, lang: Language) -> Iterator[Problem]:
    """Every character that will be printed must exist in the font."""
    fonts = lang.fonts
    values = job.brand.placeholders()
    for printed in text.printed:
        missing = missing_glyphs(fill_placeholders(printed.text, values), fonts)
        if missing:
            line, column = printed.position_of(missing[0])
            yield Problem(f"the font {fonts.label} has no glyph for "
                          f"{describe_chars(missing)} (handout '{job.handout.id}', "
                          f"{printed.where})", file=printed.file, line=line, column=column,
                          key=printed.key,
                          hint="replace the character, or choose a font that has it")
    b = job.brand.brand
    brand_texts = [b.name, b.phone, b.emergency_number, b.footer_note or "",
                   b.website or "", b.address or ""]
    missing = missing_glyphs("".join(brand_texts), fonts)
    if missing:
        yield Problem(f"the font {fonts.label} has no glyph for {describe_chars(missing)} "
                      f"(brand '{job.brand.id}')", file=job.brand.path)
    interface = lang.interface
    missing = missing_glyphs("".join(interface.words.texts()), fonts)
    if missing:
        yield Problem(f"the font {fonts.label} has no glyph for {describe_chars(missing)} "
                      f"(interface words of '{job.locale}')",
                      file=interface.catalogs[0] if interface.catalogs else None)
