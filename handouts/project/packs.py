"""Pack files: ``data/packs/<id>.yaml``, several handouts printed as one document.

A pack names its handouts in order, each with a fixed age band or ``by-age`` (the band
that fits the child the pack is printed for), how cards in it print, and the cover
template. Loading checks every reference against the handouts, so a typo in a pack is
an error with its line before anything is built.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field

from handouts.errors import HandoutsError, Problem, ProblemList, did_you_mean
from handouts.names import Imposition, Kind
from handouts.project.content import Handout, LoadedHandout, Slug, Text
from handouts.project.reading import Reading
from handouts.project.validation import Model, validate_document
from handouts.project.yamlsource import YamlDocument, load_yaml

BY_AGE = "by-age"


class PackPart(Model):
    """One handout of a pack."""

    handout: Slug = Field(description="The handout's id.")
    band: Slug = Field(BY_AGE, description="An age band id of the handout, or 'by-age': "
                                           "the band that fits the child's age.")
    imposition: Imposition | None = Field(
        None, description="Cards only: '1up' (the default) prints the card on the pack's "
                          "paper with cut marks, so the pack is one paper size; '2up' or "
                          "'4up' prints copies to cut; 'none' prints it on card-size pages.")

    def imposition_of(self, handout: Handout) -> Imposition:
        if handout.kind is not Kind.CARD:
            return Imposition.NONE
        return self.imposition or Imposition.ONE_UP


class Pack(Model):
    """A pack file."""

    id: Slug = Field(description="Lowercase-with-hyphens; equals the file name.")
    title: Text = Field(description="Printed on the cover and in the PDF's title.")
    summary: Text | None = Field(None, description="A line under the title on the cover.")
    cover: Text = Field("cover.html.j2", description="Template of the cover page.")
    duplex: bool = Field(True, description="Printed on both sides: every handout starts on "
                                           "a right-hand page ('handouts pack --simplex' "
                                           "overrides).")
    handouts: Annotated[list[PackPart], Field(min_length=1)]


@dataclass(frozen=True)
class LoadedPack:
    pack: Pack
    doc: YamlDocument

    @property
    def id(self) -> str:
        return self.pack.id

    @property
    def path(self) -> Path:
        return self.doc.path


def load_packs(folder: Path, handouts: dict[str, LoadedHandout],
               reading: Reading) -> dict[str, LoadedPack]:
    """Every pack in ``folder`` (none if there is no such folder), checked against the
    handouts; all problems of all files are reported together."""
    problems = ProblemList()
    packs: dict[str, LoadedPack] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            doc = load_yaml(path, reading.max_mb)
            pack = validate_document(Pack, doc)
        except HandoutsError as exc:
            problems.extend(exc.problems)
            continue
        found = list(_check_references(pack, doc, handouts))
        problems.extend(found)
        if not found:
            packs[pack.id] = LoadedPack(pack, doc)
    problems.raise_if_any()
    return packs


def _check_references(pack: Pack, doc: YamlDocument,
                      handouts: dict[str, LoadedHandout]) -> Iterator[Problem]:
    yield from filter(None, [doc.id_problem(pack.id)])
    for index, part in enumerate(pack.handouts):
        loaded = handouts.get(part.handout)
        if loaded is None:
            yield doc.problem(("handouts", index, "handout"),
                              f"no handout with id '{part.handout}'",
                              did_you_mean(part.handout, handouts) or
                              f"known: {', '.join(sorted(handouts))}")
            continue
        handout = loaded.handout
        bands = [band.id for band in handout.age_bands]
        if part.band != BY_AGE and part.band not in bands:
            yield doc.problem(
                ("handouts", index, "band"),
                f"handout '{handout.id}' has no age band '{part.band}'",
                (did_you_mean(part.band, bands) or f"its bands: {', '.join(bands)}; or "
                 f"'{BY_AGE}'") if bands else "it has no age bands: remove 'band'")
        if part.imposition not in (None, Imposition.NONE) and handout.kind is not Kind.CARD:
            yield doc.problem(("handouts", index, "imposition"),
                              f"'{handout.id}' is a {handout.kind}; imposition is for cards",
                              "remove 'imposition'")
