"""Every tone in every kind of handout, through the whole pipeline: the labels of each
box are printed, a plain section has none, and a template that writes a plain section
as <aside tone="normal"> (which the semantic subset allows) prints it as plain text."""

from __future__ import annotations

import pytest
from conftest import ProjectCopy
from test_build import normalized, text_of

from handouts.names import Kind, Tone

# The label of every boxed tone, as names.py defines it for the interface catalog.
LABELS = {tone: words.label for tone in Tone if (words := tone.words) is not None}


def handout_with_every_tone(kind: Kind) -> str:
    sections = "".join(f"""
  - id: {tone}-part
    heading: The {tone} part
    tone: {tone}
    body:
      - p: Call {{{{ brand.phone }}}} if you are not sure.
      - {"checklist" if kind is Kind.CHECKLIST else "steps"}:
          - Do this first.
""" for tone in Tone)
    return f"""id: every-tone-{kind}
version: 1
kind: {kind}
{"sides: 2" if kind is Kind.CARD else ""}
title: Every tone
summary: One section of each tone.
audience: Tests
status: sample
next_review: 2030-01-01
sources:
  - title: The tests
sections:{sections}"""


@pytest.fixture(scope="module")
def every_tone(tmp_path_factory: pytest.TempPathFactory) -> ProjectCopy:
    from conftest import copy_example

    project = copy_example(tmp_path_factory.mktemp("tones"))
    project.only_locales("en")
    # Every section as a box, the plain ones too.
    project.write("templates/_section.html.j2", (
        '<aside id="{{ section.id }}" tone="{{ section.tone }}">\n'
        '<h2>{{ section.heading | inline }}</h2>\n'
        '{% for block in section.body %}{% include "_block.html.j2" %}{% endfor %}\n'
        '</aside>\n'))
    for kind in Kind:
        project.write(f"data/handouts/every-tone-{kind}.yaml", handout_with_every_tone(kind))
    result = project.run("build", *(f"every-tone-{kind}" for kind in Kind),
                         "--brand", "riverside")
    assert result.exit_code == 0, result.output
    return project


@pytest.mark.parametrize("kind", list(Kind))
def test_every_tone_prints_with_its_label_in_every_kind(every_tone: ProjectCopy,
                                                        kind: Kind) -> None:
    text = normalized(text_of(every_tone.pdf("riverside", f"every-tone-{kind}")))
    for tone in Tone:
        assert f"The {tone} part" in text
    for label in LABELS.values():
        assert label in text
    assert "Call 999 now" in text
    # The plain section's heading stands alone: no box label before it.
    before = text[:text.index("The normal part")].rstrip()
    assert not any(before.endswith(label) for label in LABELS.values())
