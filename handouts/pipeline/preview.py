"""The live preview for authors: every handout x band x language x brand, made in memory
and kept by its inputs, so that after an edit only what the edit touched is made again.

The project is loaded again when a file changes (``Previews.changed``); a project that
no longer loads gives its problems, with their files and lines, instead of outputs.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from pathlib import Path

from handouts.backends.base import Output
from handouts.backends.pdf.options import PdfOptions
from handouts.errors import HandoutsError, Problem
from handouts.i18n.translate import status
from handouts.pipeline.cache import BuildCache
from handouts.pipeline.make import make_all
from handouts.pipeline.policy import Policy
from handouts.pipeline.target import Target
from handouts.project.loader import Project, load_project
from handouts.quality import run_checks, scope_of
from handouts.quality.context import Finding
from handouts.select.jobs import BuildJob, select_jobs

# Drafts and unfinished translations are shown (marked), as an author wants to see them.
POLICY = Policy(allow_draft=True, allow_expired=True)
PDF = Target("pdf", PdfOptions())


@dataclass(frozen=True)
class Previewed:
    job: BuildJob
    output: Output | None
    problems: list[Problem]


@dataclass(frozen=True)
class Loaded:
    """The project as it is now, or why it does not load."""

    generation: int
    project: Project | None
    problems: list[Problem] = field(default_factory=list)


class Previews:
    """Outputs by their inputs; thread-safe, one making at a time."""

    def __init__(self, root: Path):
        self.root = root
        self.generation = 0
        self._loaded: Loaded | None = None
        self._made: dict[str, Previewed] = {}
        self._lock = threading.Lock()

    def changed(self) -> None:
        """A file under the project changed: load it again on the next request."""
        self.generation += 1

    def loaded(self) -> Loaded:
        with self._lock:
            if self._loaded is None or self._loaded.generation != self.generation:
                self._loaded = self._load()
            return self._loaded

    def _load(self) -> Loaded:
        generation = self.generation
        try:
            return Loaded(generation, load_project(self.root))
        except HandoutsError as exc:  # ProjectLoadError: every file's mistakes
            return Loaded(generation, None, list(exc.problems))

    def jobs(self, project: Project, handout_id: str | None = None) -> list[BuildJob]:
        return select_jobs(project, (handout_id,) if handout_id else (), everything=True)

    def make(self, project: Project, jobs: list[BuildJob]) -> list[Previewed]:
        """Each job's output or problems; unchanged inputs are not made again."""
        cache = BuildCache(project)
        today = dt.date.today()
        with self._lock:
            keys = [cache.key(job, PDF.options, POLICY, today) for job in jobs]
            todo = [i for i, key in enumerate(keys) if key not in self._made]
            for index, (output, problems) in zip(todo, make_all(
                    project, [jobs[i] for i in todo], PDF, POLICY, 1, None)):
                self._made[keys[index]] = Previewed(jobs[index], output, problems)
            return [Previewed(job, self._made[key].output, self._made[key].problems)
                    for job, key in zip(jobs, keys)]


def findings(project: Project, jobs: list[BuildJob]) -> list[Finding]:
    """What ``handouts check`` says about these jobs' handouts and brands."""
    return run_checks(project, scope=scope_of(jobs)).findings


def translated(project: Project) -> dict[tuple[str, str], float]:
    """Percent translated, by (catalog name, locale)."""
    try:
        return {(row.name, row.locale): row.percent for row in status(project)}
    except HandoutsError:
        return {}
