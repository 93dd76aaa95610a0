"""Printing for one child at the print desk: a pack or a handout, in the band that fits
the child, made in memory and handed back; nothing is written, cached or kept.

The same steps as ``handouts pack`` and ``handouts build --born``, with the choices a
ward clerk makes on a form instead of options.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from handouts.ages import parse_gestation
from handouts.backends.pdf.options import PdfOptions
from handouts.document.render import plain_text
from handouts.errors import HandoutsError, Problem
from handouts.i18n.words import Words
from handouts.pipeline.build import make_outputs, refuse_blocked
from handouts.pipeline.context import Session
from handouts.pipeline.packs import PackRequest, make_pack, pack_jobs
from handouts.pipeline.policy import Policy
from handouts.pipeline.target import Target
from handouts.project.loader import Project
from handouts.select.jobs import AgeRequest, AgeRequestError, BuildJob, select_jobs

MAX_NAME = 80  # characters of a child's name


class Item(StrEnum):
    PACK = "pack"
    HANDOUT = "handout"


@dataclass(frozen=True)
class ChildRequest:
    """What the desk's form says: what to print, for which clinic, in which language,
    for which child. Ids are looked up in the loaded project, never used as paths."""

    item: Item
    item_id: str
    brand_id: str
    locale: str
    born: dt.date
    born_at_weeks: int | None = None
    name: str | None = None
    on: dt.date | None = None  # the day the age is counted to: today


@dataclass(frozen=True)
class Printed:
    data: bytes
    pages: int
    age: str  # the child's age in words, in the printout's language
    versions: tuple[str, ...]  # each handout and the band chosen, as printed


def print_for_child(project: Project, request: ChildRequest) -> Printed:
    """The PDF, or HandoutsError with what stops it, in the CLI's words."""
    on = request.on or dt.date.today()
    if request.born > on:
        raise HandoutsError([Problem(f"the birth date {request.born.isoformat()} is in the "
                                     "future", hint="check the year and the month")])
    try:
        gestation = parse_gestation(f"{request.born_at_weeks}w") \
            if request.born_at_weeks is not None else None
        age = AgeRequest.from_options(None, request.born, on, gestation)
    except (AgeRequestError, ValueError) as exc:
        raise HandoutsError([Problem(str(exc), hint="leave the weeks empty for a baby "
                                     "born at term")]) from None
    session = Session(project)
    words = session.language(request.locale).words
    if request.item is Item.PACK:
        pack = PackRequest.create(project, request.item_id, brand_id=request.brand_id,
                                  locale=request.locale, printed_on=on, age=age,
                                  child_name=request.name)
        refuse_blocked(project, [job for job, _ in pack_jobs(project, pack)], Policy())
        built = make_pack(project, pack)
        jobs = [part.job for part in built.parts]
        return Printed(built.data, built.pages, _age(words, jobs),
                       tuple(f"{part.title} \u2013 {part.band}" if part.band else part.title
                             for part in built.parts))
    jobs = select_jobs(project, (request.item_id,), (request.brand_id,), age=age,
                       locales=(request.locale,))
    outputs = make_outputs(project, jobs, project.output_dir, Target("pdf", PdfOptions()))
    (made,) = outputs.built
    assert made.data is not None  # made without a cache
    job = jobs[0]
    handout = session.handout(job).handout
    title = plain_text(handout.title, job.brand.placeholders(), words)
    band = next((b for b in handout.age_bands if job.band and b.id == job.band.id), None)
    return Printed(made.data, made.pages, _age(words, jobs),
                   (f"{title} \u2013 {plain_text(band.label, {}, words)}" if band
                    else title,))


def _age(words: Words, jobs: list[BuildJob]) -> str:
    child = next((job.child for job in jobs if job.child is not None), None)
    return words.explain(child) if child is not None else ""
