"""The quality checks: each id's default level and the function that looks for it.

Each check has an id (``names.CheckId``) and a default level, error or warning; a project
can change the level, or switch a check off, under ``checks:`` in handouts.yaml.
``handouts check`` reports every finding; ``handouts build`` refuses content with
error-level findings about what it prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from handouts.errors import Problem
from handouts.names import CheckId, Level
from handouts.project.loader import Project
from handouts.quality import actionability, governance, language_checks, layout, media, triage
from handouts.quality.context import CheckContext, Finding, PageFill, Scope
from handouts.quality.plain_language import ReadingLevel
from handouts.select.jobs import BuildJob


@dataclass(frozen=True)
class Check:
    id: CheckId
    level: Level  # its default
    find: Callable[[CheckContext], Iterable[Finding]]
    about: str  # one line for the docs and 'handouts check --help'


CHECKS: tuple[Check, ...] = (
    Check(CheckId.REVIEW_OVERDUE, Level.ERROR, governance.review_overdue,
          "next_review is in the past (build: --allow-expired)"),
    Check(CheckId.REVIEW_DUE_SOON, Level.WARNING, governance.review_due_soon,
          f"next_review is within {governance.DUE_SOON_DAYS} days"),
    Check(CheckId.TRANSLATION_UNREVIEWED, Level.WARNING, governance.translation_unreviewed,
          "approved content whose translation has no reviewer yet"),
    Check(CheckId.ACTION_SECTION, Level.ERROR, actionability.action_section,
          "a band has no steps, checklist or list of things to do"),
    Check(CheckId.HELP_SECTION, Level.ERROR, actionability.help_section,
          "a band never says whom to call (the clinic's phone or the emergency number)"),
    Check(CheckId.LIST_LENGTH, Level.WARNING, actionability.list_length,
          f"a list of more than {actionability.MAX_LIST_ITEMS} items"),
    Check(CheckId.IMAGE_RESOLUTION, Level.WARNING, media.image_resolution,
          f"a photo printed at less than {media.MIN_DPI} dpi"),
    Check(CheckId.LINK, Level.ERROR, media.links,
          "a website or source URL that is not a valid web address"),
    Check(CheckId.READING_LEVEL, Level.ERROR, language_checks.reading_level,
          "a sheet (band and language) reads above the maximum grade"),
    Check(CheckId.READING_LEVEL_RECOMMENDED, Level.WARNING,
          language_checks.reading_level_recommended, "... above the recommended grade"),
    Check(CheckId.LONG_SENTENCE, Level.WARNING, language_checks.long_sentence,
          "a sentence of more than 20 words (readability: max_sentence_words)"),
    Check(CheckId.JARGON, Level.WARNING, language_checks.jargon,
          "a glossary word not explained in brackets at its first use"),
    Check(CheckId.CONTRAST, Level.ERROR, media.contrast,
          "a text or icon colour too faint on its background"),
    Check(CheckId.TRIAGE_CONSISTENCY, Level.ERROR, triage.triage_consistency,
          "a danger sign (sign: on an item) in another tone than data/signs.yaml (or than "
          "its first use) gives it"),
    Check(CheckId.PAGE_FILL, Level.WARNING, layout.page_fill,
          f"a sheet or checklist whose last page is less than {layout.MIN_FILL:.0%} full "
          "(handouts check only)"),
    Check(CheckId.PHONE_NUMBER, Level.WARNING, media.phone_numbers,
          "a brand's phone or emergency number written with letters (0800 KIDS-NOW)"),
)
assert {check.id for check in CHECKS} == set(CheckId), "every check id needs a check"


@dataclass(frozen=True)
class Report:
    findings: list[Finding]
    reading_levels: list[ReadingLevel]  # every sheet's, also those that pass


def run_checks(project: Project, today: dt.date | None = None,
               scope: Scope | None = None, page_fills: Iterable[PageFill] = ()) -> Report:
    """Every finding of every handout and brand (or those of ``scope``), at the project's
    configured levels; the layout checks read ``page_fills`` (``handouts check`` makes
    every output first)."""
    context = CheckContext(project, today or dt.date.today(), scope, tuple(page_fills))
    configured = project.config.checks
    findings = []
    for check in CHECKS:
        level = configured.get(check.id, check.level)
        if level is not Level.OFF:
            findings += [replace(f, level=level) for f in check.find(context)]
    return Report(findings, [level for _, level in context.reading_levels])


def scope_of(jobs: list[BuildJob]) -> Scope:
    return Scope(frozenset(job.handout.id for job in jobs),
                 frozenset(job.brand.id for job in jobs),
                 frozenset(job.locale for job in jobs))


def blocking_problems(findings: list[Finding], jobs: list[BuildJob],
                      allow_expired: bool) -> list[Problem]:
    """Error-level findings about what a build would print: the build refuses them."""
    subjects = {f"handout '{job.handout.id}'" for job in jobs} | {
        f"brand '{job.brand.id}'" for job in jobs}
    return [finding.problem() for finding in findings
            if finding.level is Level.ERROR and finding.subject in subjects
            and not (allow_expired and finding.check is CheckId.REVIEW_OVERDUE)]
