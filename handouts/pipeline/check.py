"""``handouts check``: everything a build would print, made in memory, and the quality
gates, as one report."""

from __future__ import annotations

from dataclasses import dataclass

from handouts.backends.pdf.options import PdfOptions
from handouts.errors import Problem
from handouts.names import Level
from handouts.pipeline.build import check_outputs
from handouts.pipeline.cache import BuildCache
from handouts.pipeline.packs import check_covers
from handouts.pipeline.policy import Policy
from handouts.pipeline.target import Target
from handouts.project.loader import Project
from handouts.quality import BUILD, Finding, run_checks
from handouts.quality.plain_language import ReadingLevel
from handouts.select.jobs import select_jobs


@dataclass(frozen=True)
class CheckReport:
    findings: list[Finding]  # build problems first, then the quality checks'
    reading_levels: list[ReadingLevel]
    outputs: int  # how many PDFs were made to check them

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.level is Level.ERROR)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors


def check_project(project: Project, locales: tuple[str, ...] = (),
                  policy: Policy = Policy(), workers: int = 1,
                  cache: BuildCache | None = None) -> CheckReport:
    """Every handout and brand in the project, also those handouts.yaml does not list,
    and every pack's cover, in every configured locale (or ``locales``)."""
    jobs = select_jobs(project, everything=True, locales=locales)
    checked = check_outputs(project, jobs, Target("pdf", PdfOptions()), policy, workers,
                            cache)
    report = run_checks(project, page_fills=checked.page_fills)
    problems = checked.problems
    # A pack's cover also needs the interface words: report a problem once.
    for problem in check_covers(project, list(locales or project.config.locales), policy):
        if problem not in problems:
            problems.append(problem)
    built = [Finding(BUILD, p.message, problem_subject(p, project), p.file, p.line, p.hint)
             for p in problems]
    return CheckReport(built + report.findings, report.reading_levels, len(jobs))


def problem_subject(problem: Problem, project: Project) -> str:
    """Group build problems with their handout (or brand) when the file says which."""
    if problem.file is not None:
        for kind, known in (("handout", project.handouts), ("brand", project.brands),
                            ("pack", project.packs)):
            if problem.file.stem in known:
                return f"{kind} '{problem.file.stem}'"
    return "project"
