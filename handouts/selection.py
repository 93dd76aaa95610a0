"""Select what to build: which handouts, for which brands, in which locales."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .brand import LoadedBrand
from .content import LoadedHandout
from .errors import HandoutsError, Problem, did_you_mean
from .project import Project

T = TypeVar("T")


@dataclass(frozen=True)
class BuildJob:
    """One PDF to make."""

    handout: LoadedHandout
    brand: LoadedBrand
    locale: str

    def output_path(self, out_dir: Path) -> Path:
        return out_dir / self.brand.id / self.locale / f"{self.handout.id}.pdf"


def select_jobs(project: Project, handout_ids: tuple[str, ...] = (),
                brand_ids: tuple[str, ...] = (), *, everything: bool = False) -> list[BuildJob]:
    """Jobs for the given ids, or for what handouts.yaml lists when none are given.

    ``everything`` ignores the config's lists: ``check`` looks at every file there is.
    """
    config = project.config
    default_handouts = project.handouts if everything else (config.handouts or project.handouts)
    default_brands = project.brands if everything else (config.brands or project.brands)
    handouts = _pick("handout", handout_ids or tuple(default_handouts), project.handouts)
    brands = _pick("brand", brand_ids or tuple(default_brands), project.brands)
    if handout_ids:
        problems = [Problem(f"handout '{h.id}' is written in '{h.handout.language}', which is "
                            f"not one of the project's locales ({', '.join(config.locales)})",
                            file=project.config_doc.path,
                            hint=f"add '{h.handout.language}' to 'locales' in handouts.yaml")
                    for h in handouts if h.handout.language not in config.locales]
        if problems:
            raise HandoutsError(problems)
    jobs = [BuildJob(handout, brand, handout.handout.language)
            for brand in brands for handout in handouts
            if handout.handout.language in config.locales]
    if not jobs:
        raise HandoutsError([Problem(
            "nothing to build: no handout is written in the configured locales "
            f"({', '.join(config.locales)})", file=project.config_doc.path,
            hint="add the handouts' language to 'locales' in handouts.yaml")])
    return jobs


def _pick(what: str, ids: tuple[str, ...], known: dict[str, T]) -> list[T]:
    problems = []
    for item in ids:
        if item not in known:
            hint = did_you_mean(item, known) or f"known {what}s: {', '.join(sorted(known))}"
            problems.append(Problem(f"unknown {what} '{item}'", hint=hint))
    if problems:
        raise HandoutsError(problems)
    return [known[item] for item in dict.fromkeys(ids)]
