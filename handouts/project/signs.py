"""Danger signs: one answer per sign across the whole catalog.

``data/signs.yaml`` names each danger sign and the one tone (the answer) every handout
gives it: a breathing pause is an emergency everywhere, poor feeding is a same-day call.
Items name their sign (``sign: breathing-pause``), so the ``triage-consistency`` check
does not depend on wording or language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from handouts.names import Tone
from handouts.project.content import Slug, Text
from handouts.project.validation import Model, validate_document
from handouts.project.yamlsource import YamlDocument, load_yaml


class Sign(Model):
    tone: Tone = Field(description="The answer: emergency (call the emergency number "
                                   "now), urgent (call the clinic today), watch, normal.")
    what: Text = Field(description="What the sign is, for writers and reviewers.")


class SignsFile(Model):
    """``data/signs.yaml``: the catalog's triage table."""

    signs: dict[Slug, Sign]


@dataclass(frozen=True)
class Signs:
    table: dict[str, Sign]
    doc: YamlDocument | None  # None: the project has no signs file

    def line_of(self, sign: str) -> int | None:
        return self.doc.position(("signs", sign), at_key=True)[0] if self.doc else None

    @property
    def path(self) -> Path | None:
        return self.doc.path if self.doc else None


NO_SIGNS = Signs({}, None)


def load_signs(path: Path, max_mb: float) -> Signs:
    """The triage table, or no table when the file does not exist."""
    if not path.is_file():
        return NO_SIGNS
    doc = load_yaml(path, max_mb)
    return Signs(validate_document(SignsFile, doc).signs, doc)
