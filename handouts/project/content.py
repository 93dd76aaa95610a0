"""The handout content format: models, loading and validation of ``data/handouts/*.yaml``.

A handout is written once, in its source language, as YAML. These models are the single
definition of the format: they validate files, and ``handouts schema`` exports them as
JSON Schema for editors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    model_validator,
)

from handouts.ages import parse_age
from handouts.errors import Problem
from handouts.locales import LocaleCode
from handouts.names import BlockKind, Kind, Status, Tone, WriteIn
from handouts.project.validation import Model
from handouts.project.yamlsource import KeyPath, YamlDocument

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# Content is never evaluated as a template (it is data, not code); these named values
# are the only ones it may insert, and they come from the brand file.
PLACEHOLDERS = ("brand.name", "brand.phone", "brand.emergency_number", "brand.website")
PLACEHOLDER_RE = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
# {{ date_at('6w') }}: the date a child reaches an age, or "6 weeks of age" without one.
DATE_AT_RE = re.compile(r"date_at\(\s*'([^']*)'\s*\)")
# {{ temperature(38) }}: degrees Celsius, printed in the brand's unit (38 °C, 100.4 °F).
TEMPERATURE_RE = re.compile(r"temperature\(\s*(\d{1,3}(?:\.\d)?)\s*\)")


class Source(Model):
    """Where the facts come from (kept in the file, not printed on the sheet)."""

    title: Text
    publisher: Text | None = None
    url: Text | None = None


class Image(Model):
    src: Text = Field(description="Image file (PNG, JPEG or SVG), relative to the handout file.")
    alt: Text = Field(description="What the image shows, for people who cannot see it.")
    caption: Text | None = None
    width_mm: Annotated[float, Field(gt=10, le=180)] | None = None


def _check_age(value: str) -> str:
    parse_age(value)  # raises ValueError with a readable message
    return str(value).strip().lower()


AgeText = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v),
                    AfterValidator(_check_age),
                    Field(description="An age: 0d, 3w, 6w, 3m, 18m, 1y or adult.")]


class AgeRange(Model):
    """``ages: {from: 3m, to: 12m}``: in a handout its ends are band boundaries; in a
    shared block any range (it covers the bands of each handout that it overlaps)."""

    model_config = ConfigDict(populate_by_name=True)
    start: AgeText = Field(alias="from")
    end: AgeText | None = Field(None, alias="to")


Ages = Annotated[list[Slug] | AgeRange, Field(
    description="Band ids this applies to, or a range {from, to}; omit for all bands.")]


class AgeBand(Model):
    """One age band of a handout: half-open, [from, to)."""

    model_config = ConfigDict(populate_by_name=True)
    id: Slug
    start: AgeText = Field(alias="from")
    end: AgeText | None = Field(None, alias="to", description="Omit for an open-ended band.")
    label: Text = Field(description="Printed under the title, e.g. 'Babies 1 to 3 months'.")
    after_gap: bool = Field(False, description="True if a gap before this band is intended.")


def _text_to_item(value: object) -> object:
    return {"text": value} if isinstance(value, str) else value


class Item(Model):
    """A list item: plain text, or ``{text: ..., ages: [...], write: [...]}``."""

    text: Text
    ages: Ages | None = None
    sign: Slug | None = Field(
        None, description="The danger sign this item names, from data/signs.yaml (e.g. "
                          "breathing-pause): the triage check makes every handout give it "
                          "the same answer.")
    write: list[WriteIn] | None = Field(
        None, description="Checklist items: labelled room to write by hand after the "
                          "item (date, time, initials, note); fields with --fillable.")


ItemOrText = Annotated[Item, BeforeValidator(_text_to_item, json_schema_input_type=str | Item)]
Items = Annotated[list[ItemOrText], Field(min_length=1)]


@dataclass(frozen=True)
class Origin:
    """Where a block a handout uses from ``data/blocks/`` was written."""

    block_id: str
    doc: YamlDocument
    path: KeyPath  # of the block in that file


class Block(Model):
    """One body block. Exactly one of the keys is given, e.g. ``- p: Some text``."""

    p: Text | None = Field(None, description="A paragraph. **bold** and *italic* allowed.")
    bullets: Items | None = None
    steps: Items | None = Field(None, description="Numbered steps.")
    checklist: Items | None = Field(None, description="Items printed with empty tick boxes.")
    image: Image | None = None
    use: Slug | None = Field(
        None, description="The id of a shared block (data/blocks/<id>.yaml): its content "
                          "goes here, written and translated once for every handout.")
    ages: Ages | None = None
    _origin: Origin | None = PrivateAttr(None)

    @model_validator(mode="after")
    def _exactly_one(self) -> Block:
        given = [kind.value for kind in BlockKind if getattr(self, kind) is not None]
        if len(given) != 1:
            found = " and ".join(f"'{g}'" for g in given) or "none of them"
            raise ValueError(
                f"a body block needs exactly one of {', '.join(BlockKind)}; found {found}"
                "|start each block on its own line with '- ', e.g. '- p: Some text'")
        facts = self.kind.facts
        if facts is not None and not facts.tick_boxes and any(
                item.write for item in self.items or ()):
            raise ValueError("'write' (room to write by hand) is only for checklist "
                             "items|make the block a 'checklist', or remove 'write'")
        return self

    @property
    def kind(self) -> BlockKind:
        return next(kind for kind in BlockKind if getattr(self, kind) is not None)

    @property
    def items(self) -> list[Item] | None:
        """The items of a list block; None for a paragraph or an image."""
        return getattr(self, self.kind) if self.kind.is_list else None

    @property
    def origin(self) -> Origin | None:
        """The shared block this came from; None for a handout's own block."""
        return self._origin

    def shared_from(self, origin: Origin) -> Block:
        copy = self.model_copy()
        copy._origin = origin
        return copy


class Section(Model):
    id: Slug = Field(description="Stable id, used by translations; lowercase-with-hyphens.")
    heading: Text
    tone: Tone = Field(Tone.NORMAL, description="info, normal, watch, urgent or emergency.")
    ages: Ages | None = None
    body: Annotated[list[Block], Field(min_length=1)]


class Handout(Model):
    """One handout file."""

    id: Slug = Field(description="Lowercase-with-hyphens; equals the file name.")
    version: Annotated[int, Field(ge=1)]
    kind: Kind
    sides: Annotated[int, Field(ge=1, le=2)] = Field(
        1, description="Cards only: printed sides (1, or 2 for front and back).")
    language: LocaleCode = Field("en", description="BCP 47 code of the source language.")
    title: Text
    summary: Text
    audience: Text
    age_bands: list[AgeBand] = Field(
        [], description="Age bands; a plain build makes one PDF per band.")
    corrected_age: bool = Field(
        False, description="Development-based content: babies born before 37 weeks use "
                           "corrected age.")
    status: Status
    reviewed_by: Text | None = None
    reviewed_on: dt.date | None = None
    next_review: dt.date
    sources: Annotated[list[Source], Field(min_length=1)]
    sections: Annotated[list[Section], Field(min_length=1)]

    @model_validator(mode="after")
    def _consistent(self) -> Handout:
        if self.sides != 1 and self.kind is not Kind.CARD:
            raise ValueError("'sides' is only for cards|remove it, or set 'kind: card'")
        if self.status is Status.APPROVED and not (self.reviewed_by and self.reviewed_on):
            raise ValueError("approved content must name 'reviewed_by' and 'reviewed_on'"
                             "|add them, or set 'status: draft'")
        return self

    @property
    def has_tick_boxes(self) -> bool:
        return self.kind is Kind.CHECKLIST or any(
            (facts := block.kind.facts) is not None and facts.tick_boxes
            for section in self.sections for block in section.body)


@dataclass(frozen=True)
class LoadedHandout:
    """A validated handout with its file, whose positions later stages use in errors."""

    handout: Handout
    doc: YamlDocument

    @property
    def path(self) -> Path:
        return self.doc.path

    @property
    def id(self) -> str:
        return self.handout.id

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def shared_blocks(self) -> dict[str, Path]:
        """The shared blocks this handout uses, and their files."""
        return {block.origin.block_id: block.origin.doc.path
                for section in self.handout.sections for block in section.body
                if block.origin is not None}

    def source_of(self, loc: KeyPath) -> tuple[YamlDocument, KeyPath]:
        """The file and key path where the part at ``loc`` was written: a shared block's
        own file for the content it brought in."""
        if len(loc) >= 4 and loc[0] == "sections" and loc[2] == "body":
            block = self.handout.sections[int(loc[1])].body[int(loc[3])]
            if block.origin is not None:
                return block.origin.doc, block.origin.path + loc[4:]
        return self.doc, loc

    def position(self, loc: KeyPath) -> tuple[Path, int | None]:
        """The file and line of the part at ``loc`` (or of its nearest written parent)."""
        doc, at = self.source_of(loc)
        return doc.path, doc.position(at)[0]


def strings_in(value: Any, loc: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings_in(item, loc + (index,))


def fill_placeholders(text: str, values: dict[str, str],
                      date_at: Callable[[str], str] | None = None,
                      temperature: Callable[[float], str] | None = None) -> str:
    """Replace ``{{ brand.phone }}``, ``{{ date_at('6w') }}``, ``{{ temperature(38) }}``.

    Other braces stay as written: content is data, never a template.
    """
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        age = DATE_AT_RE.fullmatch(name)
        if age and date_at is not None:
            return date_at(age.group(1))
        degrees = TEMPERATURE_RE.fullmatch(name)
        if degrees and temperature is not None:
            return temperature(float(degrees.group(1)))
        return values.get(name, match.group(0))

    return PLACEHOLDER_RE.sub(replace, text)


def placeholder_problem(name: str) -> str | None:
    """Why ``{{ name }}`` is not a placeholder content may use; None if it is."""
    age = DATE_AT_RE.fullmatch(name)
    if age:
        try:
            parse_age(age.group(1))
        except ValueError as exc:
            return str(exc)
        return None
    if TEMPERATURE_RE.fullmatch(name):
        return None
    return None if name in PLACEHOLDERS else f"unknown placeholder '{{{{ {name} }}}}'"


def placeholder_problems(doc: YamlDocument) -> Iterator[Problem]:
    """Every ``{{ ... }}`` in a content file is one content may use."""
    for loc, text in strings_in(doc.data, ()):
        for match in PLACEHOLDER_RE.finditer(text):
            problem = placeholder_problem(match.group(1))
            if problem:
                yield doc.problem(loc, problem, "placeholders you can use: " + ", ".join(
                    "{{ %s }}" % p for p in (*PLACEHOLDERS, "date_at('6w')",
                                             "temperature(38)")))
