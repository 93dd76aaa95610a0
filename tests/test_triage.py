"""Content that cannot contradict itself: one answer per danger sign, drafts never printed
unmarked, temperatures in the clinic's unit, an out-of-hours route with every 'call
today' box."""

from __future__ import annotations

import re

from conftest import ProjectCopy
from test_build import normalized, text_of
from test_errors import fails, line_of

TREMOR = "data/handouts/newborn-tremor.yaml"
SLEEP = "data/handouts/sleep-hygiene.yaml"
SIGNS = "data/signs.yaml"


def add_sign(project: ProjectCopy, relative: str, text: str, sign: str) -> None:
    """Name a sign on an existing list item, wherever it is written."""
    content = project.read(relative)
    pattern = re.compile(rf"^(\s*)- (?:text: )?{re.escape(text)}$", re.M)
    match = pattern.search(content)
    assert match, f"no item '{text}' in {relative}"
    indent = match.group(1)
    project.write(relative, content[:match.start()] + f"{indent}- text: {text}\n"
                  f"{indent}  sign: {sign}" + content[match.end():])


def test_a_sign_in_two_tones_is_an_error_that_names_both_places(
        project: ProjectCopy) -> None:
    if project.path(SIGNS).exists():
        project.path(SIGNS).unlink()  # without a table, the first use is the answer
    add_sign(project, TREMOR, "has pauses in breathing", "test-breathing-pause")
    add_sign(project, SLEEP, "your baby snores loudly or has pauses in breathing during sleep",
             "test-breathing-pause")
    result = project.run("check")
    assert result.exit_code == 1
    here = line_of(project, SLEEP, "sign: test-breathing-pause")
    first = line_of(project, TREMOR, "sign: test-breathing-pause")
    assert f"sleep-hygiene.yaml:{here}: triage-consistency: the sign 'test-breathing-pause' " \
           "is in a 'watch' section here, but in 'emergency' in handout 'newborn-tremor' " \
           f"(newborn-tremor.yaml:{first})" in normalized(result.output)
    assert "move the item to an 'emergency' section" in result.output
    out = fails(project, "build", "sleep-hygiene")
    assert "triage-consistency" in out


def test_the_triage_table_gives_the_answer(project: ProjectCopy) -> None:
    project.write(SIGNS, "signs:\n  test-pause:\n    tone: urgent\n"
                         "    what: a pause in breathing\n")
    add_sign(project, TREMOR, "has pauses in breathing", "test-pause")
    result = project.run("check")
    assert result.exit_code == 1
    assert "in 'urgent' in the triage table (data/signs.yaml:2)" in result.output


def test_an_unknown_sign_is_an_error_with_a_suggestion(project: ProjectCopy) -> None:
    project.write(SIGNS, "signs:\n  breathing-pause:\n    tone: emergency\n"
                         "    what: a pause in breathing\n")
    add_sign(project, TREMOR, "has pauses in breathing", "breathing-pauses")
    out = fails(project)
    assert "unknown sign 'breathing-pauses'" in out and "did you mean 'breathing-pause'?" in out


def test_a_draft_is_refused_or_stamped(project: ProjectCopy) -> None:
    project.edit(TREMOR, "status: sample", "status: draft")
    out = fails(project, "build", "newborn-tremor")
    assert "newborn-tremor.yaml:" in out and "is a draft" in out and "--allow-draft" in out
    result = project.run("build", "newborn-tremor", "--brand", "riverside", "--allow-draft")
    assert result.exit_code == 0, result.output
    import pypdf

    for page in pypdf.PdfReader(project.pdf("riverside", "newborn-tremor")).pages:
        assert "Draft" in page.extract_text()


def test_temperatures_print_in_the_brands_unit(project: ProjectCopy) -> None:
    project.edit(TREMOR, "has a fever of 38 °C or higher", "has a fever of "
                 "{{ temperature(38) }} or higher")
    result = project.run("build", "newborn-tremor")
    assert result.exit_code == 0, result.output
    uk = normalized(text_of(project.pdf("riverside", "newborn-tremor")))
    us = normalized(text_of(project.pdf("harbour", "newborn-tremor")))
    assert "a fever of 38 °C or higher" in uk and "°F" not in uk
    assert "a fever of 38 °C (100.4 °F) or higher" in us


def test_call_today_boxes_give_the_out_of_hours_number(project: ProjectCopy) -> None:
    result = project.run("build", "newborn-tremor")
    assert result.exit_code == 0, result.output
    assert "Out of hours: 111" in normalized(text_of(project.pdf("riverside",
                                                                  "newborn-tremor")))
    assert "Out of hours: (555) 010-2099" in normalized(text_of(project.pdf(
        "harbour", "newborn-tremor")))


def test_a_faint_accent_is_a_contrast_error_with_a_suggestion(project: ProjectCopy) -> None:
    project.edit("data/brands/riverside.yaml", 'accent: "#D57E0F"', 'accent: "#F2A541"')
    result = project.run("check")
    assert result.exit_code == 1
    assert "list bullets and rules: contrast 2.05:1" in result.output
    assert 'try accent: "#D57E0F"' in result.output
