"""Making the outputs of a run: each job composed and written by the backend, on one
process or several, with the run's caches in each.

This is the part of the pipeline that loads the layout; a rebuild with nothing to make
never imports it.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import TypeVar

from handouts.backends.base import Output
from handouts.document.compose import Language, compose_handout
from handouts.document.fonts import describe_chars, missing_glyphs
from handouts.errors import HandoutsError, Problem, ProblemList
from handouts.i18n.localize import LocalizedHandout
from handouts.names import Status
from handouts.pipeline.context import Session
from handouts.pipeline.policy import Policy
from handouts.pipeline.target import Target
from handouts.project.content import fill_placeholders
from handouts.project.loader import Project
from handouts.select.jobs import BuildJob

T = TypeVar("T")


MIN_PARALLEL_JOBS = 4  # fewer outputs are made sooner than worker processes start
Result = tuple[Output | None, list[Problem]]


class _Maker:
    """Makes the output of one job of a run, with the run's caches (one per process)."""

    def __init__(self, project: Project, jobs: list[BuildJob], target: Target,
                 policy: Policy) -> None:
        self.jobs = jobs
        self.target = target
        self.session = Session(project, policy)

    def warm_up(self) -> None:
        """Translations, interface words and fonts of every job, made now; a problem is
        left for ``make`` to report with its job."""
        for job in self.jobs:
            for step in (lambda: self.session.handout(job),
                         lambda: self.session.interface(job.locale),
                         lambda: self.session.fonts(job.locale)):
                _attempt(ProblemList(), step)

    def make(self, index: int) -> Result:
        job, session = self.jobs[index], self.session
        problems = ProblemList()
        loaded = job.handout
        if loaded.handout.status is Status.DRAFT and not session.policy.allow_draft:
            problems.add(loaded.doc.problem(
                ("status",), f"handout '{loaded.id}' is a draft: drafts are not printed "
                "for patients", "when it is reviewed, set 'status: approved' with "
                "reviewed_by and reviewed_on; to print a proof meanwhile, build with "
                "--allow-draft (every page then says 'Draft')"))
        # Each part is tried on its own, so one run lists every unfinished catalog.
        text = _attempt(problems, lambda: session.handout(job))
        interface = _attempt(problems, lambda: session.interface(job.locale))
        fonts = _attempt(problems, lambda: session.fonts(job.locale))
        if text is None or interface is None or fonts is None:
            return None, problems.problems
        lang = Language(job.locale, interface, fonts)
        problems.extend(check_glyphs(job, text, lang))
        if problems:
            return None, problems.problems
        try:
            document = compose_handout(job, text, lang, session.search_path(job.brand))
            return self.target.backend.write(document, self.target.options), []
        except HandoutsError as exc:
            return None, exc.problems


_worker: _Maker | None = None  # the maker of a worker process


def _start_worker(project: Project, jobs: list[BuildJob], target: Target,
                  policy: Policy) -> None:
    global _worker
    if _worker is None:  # a spawned process; a forked one has the parent's, warmed up
        _worker = _Maker(project, jobs, target, policy)


def _make_in_worker(index: int) -> Result:
    assert _worker is not None, "the worker was not started"
    return _worker.make(index)


def _in_parallel(maker: _Maker, workers: int,
                 done: Callable[[BuildJob], None] | None) -> list[Result]:
    """The results of every job, in job order, made by ``workers`` processes."""
    global _worker
    if multiprocessing.get_start_method() == "fork":
        # What every worker needs is made once, here, and inherited.
        maker.warm_up()
        _worker = maker
    try:
        with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(
                maker.session.project, maker.jobs, maker.target,
                maker.session.policy)) as pool:
            futures = {pool.submit(_make_in_worker, index): index
                       for index in range(len(maker.jobs))}
            if done:
                for future in as_completed(futures):
                    done(maker.jobs[futures[future]])
            return [future.result() for future in futures]  # in the order submitted
    finally:
        _worker = None


def make_all(project: Project, jobs: list[BuildJob], target: Target, policy: Policy,
              workers: int, done: Callable[[BuildJob], None] | None) -> list[Result]:
    maker = _Maker(project, jobs, target, policy)
    if workers > 1 and len(jobs) >= MIN_PARALLEL_JOBS:
        return _in_parallel(maker, min(workers, len(jobs)), done)
    results = []
    for index, job in enumerate(jobs):
        results.append(maker.make(index))
        if done:
            done(job)
    return results


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
    brand_texts = [b.name, b.phone, b.emergency_number, *b.footer_texts(),
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
