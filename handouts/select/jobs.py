"""Select what to build: which handouts, for which brands, in which locales and bands.

A job is one output to make. For a child (``--age`` or ``--born``) each handout gives
the one band that fits; otherwise every band is made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from handouts.ages import Age, ChildAge, child_age, parse_age
from handouts.errors import HandoutsError, Problem, did_you_mean
from handouts.i18n.words import ENGLISH
from handouts.project.bands import band_range
from handouts.project.brand import LoadedBrand
from handouts.project.content import AgeBand, LoadedHandout
from handouts.project.loader import Project

T = TypeVar("T")


@dataclass(frozen=True)
class BuildJob:
    """One handout to make, for one brand, locale and band."""

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

    def output_path(self, out_dir: Path, suffix: str) -> Path:
        """``OUT/<brand>/<lang>/<handout>--<band><suffix>``; ``suffix`` comes from the
        backend and its options, e.g. ``--grayscale.pdf``."""
        stem = self.handout.id
        if self.band is not None:
            stem += f"--{self.band.id}"
        if self.born is not None:
            stem += "--dated"  # concrete dates inside: keep apart from the catalog file
        return out_dir / self.brand.id / self.locale / f"{stem}{suffix}"


class AgeRequestError(ValueError):
    """Options about the child that do not go together (a usage error)."""


@dataclass(frozen=True)
class AgeRequest:
    """What the user said about the child: an age, or a birth date (and gestation)."""

    age: Age | None = None
    born: dt.date | None = None
    on: dt.date | None = None
    gestation_days: int | None = None

    @classmethod
    def from_options(cls, age: Age | None, born: dt.date | None, on: dt.date | None,
                     born_at: int | None, today: dt.date | None = None) -> AgeRequest | None:
        """The request of ``--age``/``--born``/``--on``/``--born-at``; None for none.

        AgeRequestError for options that do not go together; HandoutsError for dates
        that cannot both be true."""
        if age is not None and born is not None:
            raise AgeRequestError("give either --age or --born, not both")
        if on is not None and born is None:
            raise AgeRequestError("--on goes with --born (it is the day the age is counted to)")
        if born_at is not None and age is None and born is None:
            raise AgeRequestError("--born-at goes with --age or --born")
        if age is None and born is None:
            return None
        if born is not None and on is not None and on < born:
            raise HandoutsError([Problem(
                f"--on {on.isoformat()} is before the birth date {born.isoformat()}",
                hint="--on is the day the age is counted to (default: today)")])
        if born is not None and on is None:
            on = today or dt.date.today()
        return cls(age=age, born=born, on=on, gestation_days=born_at)

    def child(self, handout: LoadedHandout) -> ChildAge:
        try:
            return child_age(age=self.age, born=self.born, on=self.on,
                             gestation_days=self.gestation_days,
                             use_corrected=handout.handout.corrected_age)
        except ValueError as exc:
            raise HandoutsError([Problem(str(exc))]) from None


def band_for(handout: LoadedHandout, child: ChildAge) -> AgeBand:
    """The band that contains the child's age, or an error listing the ranges."""
    bands = handout.handout.age_bands
    for band in bands:
        if child.reached(parse_age(band.start)) and (
                band.end is None or not child.reached(parse_age(band.end))):
            return band
    ranges = "; ".join(f"{b.id}: {band_range(b)}" for b in bands)
    raise HandoutsError([Problem(
        f"no age band of handout '{handout.id}' fits {ENGLISH.explain(child)}",
        file=handout.path, hint=f"this handout covers: {ranges}")])


def job_for(handout: LoadedHandout, brand: LoadedBrand, locale: str, band: AgeBand | None,
            age: AgeRequest | None) -> BuildJob:
    """A job in a given band, or (``band`` None, ``age`` given) in the band that fits the
    child."""
    if age is None:
        return BuildJob(handout, brand, locale, band)
    child = age.child(handout)
    if band is None and handout.handout.age_bands:
        band = band_for(handout, child)
    return BuildJob(handout, brand, locale, band, child, age.born,
                    age.gestation_days is not None)


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
    handouts = pick("handout", handout_ids or tuple(default_handouts), project.handouts)
    brands = pick("brand", brand_ids or tuple(default_brands), project.brands)
    return [job for locale in dict.fromkeys(locales or config.locales) for brand in brands
            for handout in handouts for job in _jobs_for(handout, brand, locale, age)]


def _jobs_for(handout: LoadedHandout, brand: LoadedBrand, locale: str,
              age: AgeRequest | None) -> list[BuildJob]:
    """One job per age band, or the one band that fits the child."""
    if age is not None:
        return [job_for(handout, brand, locale, None, age)]
    bands: list[AgeBand | None] = [*handout.handout.age_bands] or [None]
    return [BuildJob(handout, brand, locale, band) for band in bands]


def pick(what: str, ids: tuple[str, ...], known: Mapping[str, T]) -> list[T]:
    """The items named by ``ids`` (each once), or every unknown id with a suggestion."""
    problems = [Problem(f"unknown {what} '{item}'", hint=did_you_mean(item, known) or
                        f"known {what}s: {', '.join(sorted(known)) or 'none'}")
                for item in ids if item not in known]
    if problems:
        raise HandoutsError(problems)
    return [known[item] for item in dict.fromkeys(ids)]
