"""Select what to build: which handouts, for which brands, in which locales."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from handouts.ages import Age, ChildAge, child_age
from handouts.project.bands import band_for
from handouts.project.brand import LoadedBrand
from handouts.project.content import AgeBand, LoadedHandout
from handouts.errors import HandoutsError, Problem, did_you_mean
from handouts.project.loader import Project

T = TypeVar("T")


@dataclass(frozen=True)
class BuildJob:
    """One PDF to make."""

    handout: LoadedHandout
    brand: LoadedBrand
    locale: str
    band: AgeBand | None = None
    child: ChildAge | None = None  # set when the PDF is made for one child's age
    born: dt.date | None = None  # only to print dates; never in names or metadata
    gestation_given: bool = False

    @property
    def shows_child(self) -> bool:
        """A PDF for a plain --age is the band's PDF; a birth date or gestation makes it
        personal, and the page then says which age was used and why."""
        return self.child is not None and (self.born is not None or self.gestation_given)

    def output_path(self, out_dir: Path) -> Path:
        stem = self.handout.id
        if self.band is not None:
            stem += f"--{self.band.id}"
        if self.born is not None:
            stem += "--dated"  # concrete dates inside: keep apart from the catalog file
        return out_dir / self.brand.id / self.locale / f"{stem}.pdf"


@dataclass(frozen=True)
class AgeRequest:
    """What the user said about the child: an age, or a birth date (and gestation)."""

    age: Age | None = None
    born: dt.date | None = None
    on: dt.date | None = None
    gestation_days: int | None = None

    def child(self, handout: LoadedHandout) -> ChildAge:
        try:
            return child_age(age=self.age, born=self.born, on=self.on,
                             gestation_days=self.gestation_days,
                             use_corrected=handout.handout.corrected_age)
        except ValueError as exc:
            raise HandoutsError([Problem(str(exc))]) from None


def select_jobs(project: Project, handout_ids: tuple[str, ...] = (),
                brand_ids: tuple[str, ...] = (), *, everything: bool = False,
                age: AgeRequest | None = None, locales: tuple[str, ...] = ()) -> list[BuildJob]:
    """Jobs for the given ids and locales, or for what handouts.yaml lists.

    ``everything`` ignores the config's lists of handouts and brands: ``check`` looks at
    every file there is.
    """
    config = project.config
    default_handouts = project.handouts if everything else (config.handouts or project.handouts)
    default_brands = project.brands if everything else (config.brands or project.brands)
    handouts = _pick("handout", handout_ids or tuple(default_handouts), project.handouts)
    brands = _pick("brand", brand_ids or tuple(default_brands), project.brands)
    return [job for locale in dict.fromkeys(locales or config.locales) for brand in brands
            for handout in handouts for job in _jobs_for(handout, brand, locale, age)]


def _jobs_for(handout: LoadedHandout, brand: LoadedBrand, locale: str,
              age: AgeRequest | None) -> list[BuildJob]:
    """One job per age band, or the one band that fits the child."""
    bands = handout.handout.age_bands
    if age is None:
        return [BuildJob(handout, brand, locale, band) for band in bands or [None]]
    child = age.child(handout)
    band = band_for(handout, child) if bands else None
    return [BuildJob(handout, brand, locale, band, child, age.born,
                     age.gestation_days is not None)]


def _pick(what: str, ids: tuple[str, ...], known: dict[str, T]) -> list[T]:
    problems = []
    for item in ids:
        if item not in known:
            hint = did_you_mean(item, known) or f"known {what}s: {', '.join(sorted(known))}"
            problems.append(Problem(f"unknown {what} '{item}'", hint=hint))
    if problems:
        raise HandoutsError(problems)
    return [known[item] for item in dict.fromkeys(ids)]
