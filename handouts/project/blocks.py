"""Shared blocks: content written once (``data/blocks/<id>.yaml``) and used by id.

The emergency signs, the safe-sleep rules, the fever rule: a text that several handouts
must say the same way is a shared block, used with ``- use: emergency-signs`` in a
section's body. Loading expands it into the handout, so every later stage sees plain
blocks; each expanded block remembers where it was written (its ``origin``), so errors
point at the block's file, and the block is translated once, in its own catalog.

A shared block cannot know the bands of the handouts that use it, so its ``ages`` are
ranges (``{from: 0d, to: 3m}``): in a handout, a shared part belongs to every band that
overlaps its range (to all of a handout without bands). ``ages`` on the ``use`` line
narrows it further, as on any block.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field

from handouts.ages import parse_age
from handouts.errors import HandoutsError, Problem, ProblemList, did_you_mean
from handouts.locales import LocaleCode
from handouts.names import BlockKind
from handouts.project.content import (
    AgeBand,
    AgeRange,
    Ages,
    Block,
    Handout,
    Origin,
    Slug,
    placeholder_problems,
)
from handouts.project.reading import Reading
from handouts.project.validation import Model, validate_document
from handouts.project.yamlsource import KeyPath, YamlDocument, load_yaml


class SharedBlock(Model):
    """``data/blocks/<id>.yaml``: body blocks that handouts use by id."""

    id: Slug = Field(description="Lowercase-with-hyphens; equals the file name.")
    language: LocaleCode = Field("en", description="BCP 47 code of the source language.")
    body: Annotated[list[Block], Field(min_length=1)]


@dataclass(frozen=True)
class LoadedBlock:
    block: SharedBlock
    doc: YamlDocument

    @property
    def id(self) -> str:
        return self.block.id

    @property
    def path(self) -> Path:
        return self.doc.path


def load_blocks(folder: Path, reading: Reading) -> dict[str, LoadedBlock]:
    """Every shared block (none without the folder); all problems reported together."""
    problems = ProblemList()
    blocks: dict[str, LoadedBlock] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            doc = load_yaml(path, reading.max_mb)
            block = validate_document(SharedBlock, doc)
        except HandoutsError as exc:
            problems.extend(exc.problems)
            continue
        found = [*_block_rules(block, doc), *placeholder_problems(doc),
                 *filter(None, [doc.id_problem(block.id)])]
        problems.extend(found)
        if not found:
            blocks[block.id] = LoadedBlock(block, doc)
    problems.raise_if_any()
    return blocks


def _block_rules(shared: SharedBlock, doc: YamlDocument) -> Iterator[Problem]:
    """What a handout's body may hold but a shared block may not, at its line."""
    for index, block in enumerate(shared.body):
        at: KeyPath = ("body", index)
        if block.kind is BlockKind.USE:
            yield doc.problem(at + ("use",), "a shared block cannot use another one",
                              "write its content here, or use both blocks in the handout")
        elif block.kind is BlockKind.IMAGE:
            yield doc.problem(at + ("image",), "a shared block holds text (p, bullets, "
                              "steps, checklist)", "put the image in each handout, next to "
                              "the 'use' line")
        places = [(at, block.ages), *((at + (block.kind.value, i), item.ages)
                                      for i, item in enumerate(block.items or []))]
        for place, ages in places:
            if ages is not None and not isinstance(ages, AgeRange):
                yield doc.problem(place + ("ages",), "a shared block's ages are a range, "
                                  "not band ids (each handout has its own bands)",
                                  "write e.g. 'ages: {from: 0d, to: 3m}'")


def expand(handout: Handout, doc: YamlDocument, blocks: dict[str, LoadedBlock]
           ) -> tuple[Handout, list[Problem]]:
    """The handout with every ``use`` replaced by the shared block's content, and the
    problems (an unknown block id, a shared block in another language)."""
    problems: list[Problem] = []
    sections = []
    for s_index, section in enumerate(handout.sections):
        body: list[Block] = []
        for b_index, block in enumerate(section.body):
            if block.use is None:
                body.append(block)
                continue
            at = ("sections", s_index, "body", b_index, "use")
            shared = blocks.get(block.use)
            if shared is None:
                problems.append(doc.problem(at, f"no shared block '{block.use}'", did_you_mean(
                    block.use, blocks) or "shared blocks are data/blocks/<id>.yaml; known: "
                    + (", ".join(sorted(blocks)) or "none")))
                continue
            if shared.block.language != handout.language:
                problems.append(doc.problem(at, f"the shared block '{block.use}' is written "
                                f"in '{shared.block.language}', this handout in "
                                f"'{handout.language}'", "use a block written in the "
                                "handout's language; other languages come from translations"))
                continue
            body += [_in_bands(part, block.ages, handout.age_bands).shared_from(
                Origin(shared.id, shared.doc, ("body", k_index)))
                for k_index, part in enumerate(shared.block.body)]
        sections.append(section.model_copy(update={"body": body}))
    return handout.model_copy(update={"sections": sections}), problems


def _in_bands(block: Block, used_with: Ages | None, bands: list[AgeBand]) -> Block:
    """A shared part as the handout's own: its ranges become the handout's band ids."""
    if not bands:
        return block
    ages = _band_ids(block.ages, bands)
    if used_with is not None:
        used = _band_ids(used_with, bands) or []
        ages = [band for band in (ages if ages is not None else used) if band in used]
    update: dict[str, object] = {"ages": ages}
    if block.items is not None:
        update[block.kind.value] = [item.model_copy(update={"ages": _band_ids(item.ages, bands)})
                                    for item in block.items]
    return block.model_copy(update=update)


def _band_ids(ages: Ages | None, bands: list[AgeBand]) -> list[str] | None:
    if not isinstance(ages, AgeRange):
        return ages
    low = parse_age(ages.start).average_days
    high = parse_age(ages.end).average_days if ages.end else float("inf")
    return [band.id for band in bands if parse_age(band.start).average_days < high
            and low < (parse_age(band.end).average_days if band.end else float("inf"))]
