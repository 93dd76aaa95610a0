"""What the checks share: the finding they report, and what they read, made once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from handouts.errors import Problem
from handouts.i18n.translate import catalog_files
from handouts.names import CheckId, Level
from handouts.project.bands import for_band
from handouts.project.brand import LoadedBrand
from handouts.project.content import AgeBand, Handout, LoadedHandout
from handouts.project.loader import Project
from handouts.quality.plain_language import (
    ReadingLevel,
    Sheet,
    Term,
    load_glossary,
    reading_level,
    sheets,
)
from handouts.select.jobs import BuildJob

BUILD: Literal["build"] = "build"  # the check name of a problem that stops the build itself


@dataclass(frozen=True)
class PageFill:
    """How one made output ended: its pages, and how full the last one is (0 to 1;
    None when the output is not laid out in pages)."""

    job: BuildJob
    pages: int
    last_page_fill: float | None


@dataclass(frozen=True)
class Finding:
    """One thing a content lead should fix (error) or look at (warning)."""

    check: CheckId | Literal["build"]
    message: str
    subject: str  # "handout 'newborn-tremor'" or "brand 'riverside'": how reports group
    file: Path | None = None
    line: int | None = None
    hint: str | None = None
    level: Level = Level.ERROR  # the registry sets the configured level

    def problem(self) -> Problem:
        return Problem(f"{self.check}: {self.message}", file=self.file, line=self.line,
                       hint=self.hint)


@dataclass(frozen=True)
class Scope:
    """The handouts, brands and locales a command prints: only their findings can stop
    it (a build of the English sheets does not localize and check the nine others)."""

    handouts: frozenset[str]
    brands: frozenset[str]
    locales: frozenset[str] | None = None  # None: every configured locale


def subject(loaded: LoadedHandout) -> str:
    return f"handout '{loaded.id}'"


def line_of(loaded: LoadedHandout, *key: str | int) -> int | None:
    return loaded.doc.position(tuple(key))[0]


@dataclass
class CheckContext:
    """The project as the checks read it; sheets and reading levels are worked out once
    and shared by the checks that need them."""

    project: Project
    today: dt.date
    scope: Scope | None = None  # None: everything in the project
    page_fills: tuple[PageFill, ...] = ()  # of the outputs made for this run, if any
    _glossaries: dict[str, list[Term]] = field(default_factory=dict)

    @property
    def handouts(self) -> list[LoadedHandout]:
        return [h for h in self.project.handouts.values()
                if self.scope is None or h.id in self.scope.handouts]

    @property
    def brands(self) -> list[LoadedBrand]:
        return [b for b in self.project.brands.values()
                if self.scope is None or b.id in self.scope.brands]

    def bands(self, loaded: LoadedHandout) -> list[tuple[Handout, AgeBand | None]]:
        """The handout as each band's reader sees it (the whole handout if no bands)."""
        bands: list[AgeBand | None] = [*loaded.handout.age_bands] or [None]
        return [(for_band(loaded.handout, band) if band else loaded.handout, band)
                for band in bands]

    @cached_property
    def sheets(self) -> list[Sheet]:
        """Every band of every handout in every configured language that can print."""
        locales = [code for code in self.project.config.locales
                   if self.scope is None or self.scope.locales is None
                   or code in self.scope.locales]
        return list(sheets(self.project, catalog_files(self.project), self.handouts, locales))

    @cached_property
    def reading_levels(self) -> list[tuple[Sheet, ReadingLevel]]:
        targets = self.project.config.readability
        return [(sheet, reading_level(sheet, targets)) for sheet in self.sheets]

    def glossary(self, locale: str) -> list[Term]:
        if locale not in self._glossaries:
            folder = self.project.root / self.project.config.glossary_dir
            self._glossaries[locale] = load_glossary(folder, locale)
        return self._glossaries[locale]
