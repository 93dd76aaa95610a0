"""The handout content format: models, loading and validation of ``data/handouts/*.yaml``.

A handout is written once, in its source language, as YAML. These models are the single
definition of the format: they validate files, and ``handouts schema`` exports them as
JSON Schema for editors.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Iterator, Literal

from pydantic import Field, StringConstraints, model_validator

from .errors import HandoutsError, Problem, ProblemList
from .images import image_problem
from .validation import Model, validate_document
from .yamlsource import KeyPath, YamlDocument, load_yaml

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Kind = Literal["sheet", "card", "checklist"]
Tone = Literal["info", "normal", "watch", "urgent", "emergency"]
Status = Literal["sample", "draft", "approved"]

# Content is never evaluated as a template (it is data, not code); these named values
# are the only ones it may insert, and they come from the brand file.
PLACEHOLDERS = ("brand.name", "brand.phone", "brand.emergency_number", "brand.website")
PLACEHOLDER_RE = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")


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


class Block(Model):
    """One body block. Exactly one of the keys is given, e.g. ``- p: Some text``."""

    p: Text | None = Field(None, description="A paragraph. **bold** and *italic* allowed.")
    bullets: Annotated[list[Text], Field(min_length=1)] | None = None
    steps: Annotated[list[Text], Field(min_length=1)] | None = Field(
        None, description="Numbered steps.")
    checklist: Annotated[list[Text], Field(min_length=1)] | None = Field(
        None, description="Items printed with empty tick boxes.")
    image: Image | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> "Block":
        given = [name for name in type(self).model_fields if getattr(self, name) is not None]
        if len(given) != 1:
            names = ", ".join(type(self).model_fields)
            found = " and ".join(f"'{g}'" for g in given) or "none of them"
            raise ValueError(
                f"a body block needs exactly one of {names}; found {found}"
                "|start each block on its own line with '- ', e.g. '- p: Some text'")
        return self

    @property
    def kind(self) -> str:
        return next(name for name in type(self).model_fields if getattr(self, name) is not None)


class Section(Model):
    id: Slug = Field(description="Stable id, used by translations; lowercase-with-hyphens.")
    heading: Text
    tone: Tone = Field("normal", description="info, normal, watch, urgent or emergency.")
    body: Annotated[list[Block], Field(min_length=1)]


class Handout(Model):
    """One handout file."""

    id: Slug = Field(description="Lowercase-with-hyphens; equals the file name.")
    version: Annotated[int, Field(ge=1)]
    kind: Kind
    sides: Annotated[int, Field(ge=1, le=2)] = Field(
        1, description="Cards only: printed sides (1, or 2 for front and back).")
    language: Text = Field("en", description="BCP 47 code of the source language.")
    title: Text
    summary: Text
    audience: Text
    status: Status
    reviewed_by: Text | None = None
    reviewed_on: dt.date | None = None
    next_review: dt.date
    sources: Annotated[list[Source], Field(min_length=1)]
    sections: Annotated[list[Section], Field(min_length=1)]

    @model_validator(mode="after")
    def _consistent(self) -> "Handout":
        if self.sides != 1 and self.kind != "card":
            raise ValueError("'sides' is only for cards|remove it, or set 'kind: card'")
        if self.status == "approved" and not (self.reviewed_by and self.reviewed_on):
            raise ValueError("approved content must name 'reviewed_by' and 'reviewed_on'"
                             "|add them, or set 'status: draft'")
        return self


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


def load_handout(path: Path) -> LoadedHandout:
    doc = load_yaml(path)
    handout = validate_document(Handout, doc)
    problems = ProblemList()
    problems.extend(_check_file_rules(handout, doc))
    problems.raise_if_any()
    return LoadedHandout(handout=handout, doc=doc)


def load_handouts(folder: Path) -> dict[str, LoadedHandout]:
    """Load every ``*.yaml`` in ``folder``; all problems of all files are reported together."""
    problems = ProblemList()
    loaded: dict[str, LoadedHandout] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            item = load_handout(path)
        except HandoutsError as exc:
            problems.extend(exc.problems)
            continue
        if item.id in loaded:
            problems.add(Problem(f"handout id '{item.id}' is also used by "
                                 f"{loaded[item.id].path.name}", file=path, line=1))
            continue
        loaded[item.id] = item
    problems.raise_if_any()
    return loaded


def _check_file_rules(handout: Handout, doc: YamlDocument) -> Iterator[Problem]:
    """Rules that need the file itself: names, placeholders, images, unique ids."""
    if handout.id != doc.path.stem:
        yield doc.problem(("id",), f"the id '{handout.id}' differs from the file name "
                          f"'{doc.path.name}'", f"rename the file to {handout.id}.yaml, "
                          "or change the id")
    seen: dict[str, int] = {}
    for index, section in enumerate(handout.sections):
        if section.id in seen:
            yield doc.problem(("sections", index, "id"), f"section id '{section.id}' is "
                              f"used twice (also section {seen[section.id] + 1})",
                              "give every section its own id")
        seen.setdefault(section.id, index)
        for block_index, block in enumerate(section.body):
            if block.image is not None:
                loc = ("sections", index, "body", block_index, "image", "src")
                yield from _check_image(doc, loc, block.image.src)
    for loc, text in strings_in(doc.data, ()):
        for match in PLACEHOLDER_RE.finditer(text):
            if match.group(1) not in PLACEHOLDERS:
                yield doc.problem(loc, f"unknown placeholder '{match.group(0)}'",
                                  "placeholders you can use: "
                                  + ", ".join("{{ %s }}" % p for p in PLACEHOLDERS))


def _check_image(doc: YamlDocument, loc: KeyPath, src: str) -> Iterator[Problem]:
    problem = image_problem(doc.path.parent / src)
    if problem:
        yield doc.problem(loc, *problem)


def strings_in(value: Any, loc: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings_in(item, loc + (index,))


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """Replace ``{{ brand.phone }}`` and friends; other braces stay as written."""
    return PLACEHOLDER_RE.sub(lambda m: values.get(m.group(1), m.group(0)), text)
