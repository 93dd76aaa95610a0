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
    """Name a sign on an existing list item, wherever it is written (in place of the sign
    it names already, if any)."""
    content = project.read(relative)
    pattern = re.compile(rf"^(\s*)- (?:text: )?{re.escape(text)}$", re.M)
    match = pattern.search(content)
    assert match, f"no item '{text}' in {relative}"
    indent = match.group(1)
    rest = content[match.end():]
    named = re.match(rf"\n{re.escape(indent)}  sign: \S+", rest)
    if named:
        rest = rest[named.end():]
    project.write(relative, content[:match.start()] + f"{indent}- text: {text}\n"
                  f"{indent}  sign: {sign}" + rest)


# newborn-tremor's own items of its emergency box (the others come from shared blocks).
TREMOR_EMERGENCY_ITEM = "has jerking that spreads to the whole body"
# An item of the adults' "See a doctor if:" box (tone watch) of sleep-hygiene.
SLEEP_WATCH_ITEM = "jerks happen during the day, or with loss of awareness"


def table_with(project: ProjectCopy, entry: str) -> None:
    """The example triage table with one more sign, written first (data/signs.yaml:2)."""
    table = project.read(SIGNS)
    project.write(SIGNS, "signs:\n" + entry + table[table.index("\nsigns:\n") + 8:])


def test_a_sign_in_two_tones_is_an_error_that_names_both_places(
        project: ProjectCopy) -> None:
    if project.path(SIGNS).exists():
        project.path(SIGNS).unlink()  # without a table, the first use is the answer
    add_sign(project, TREMOR, TREMOR_EMERGENCY_ITEM, "test-jerking")
    add_sign(project, SLEEP, SLEEP_WATCH_ITEM, "test-jerking")
    result = project.run("check")
    assert result.exit_code == 1
    here = line_of(project, SLEEP, "sign: test-jerking")
    first = line_of(project, TREMOR, "sign: test-jerking")
    assert f"sleep-hygiene.yaml:{here}: triage-consistency: the sign 'test-jerking' " \
           "is in a 'watch' section here, but in 'emergency' in handout 'newborn-tremor' " \
           f"(newborn-tremor.yaml:{first})" in normalized(result.output)
    assert "move the item to an 'emergency' section" in result.output
    out = fails(project, "build", "sleep-hygiene")
    assert "triage-consistency" in out


def test_the_triage_table_gives_the_answer(project: ProjectCopy) -> None:
    table_with(project, "  test-jerking:\n    tone: urgent\n"
                        "    what: jerking that spreads to the whole body\n")
    add_sign(project, TREMOR, TREMOR_EMERGENCY_ITEM, "test-jerking")
    result = project.run("check")
    assert result.exit_code == 1
    assert "in 'urgent' in the triage table (data/signs.yaml:2)" in result.output


def test_an_unknown_sign_is_an_error_with_a_suggestion(project: ProjectCopy) -> None:
    add_sign(project, TREMOR, TREMOR_EMERGENCY_ITEM, "possible-seizures")
    out = fails(project)
    assert "unknown sign 'possible-seizures'" in out and "did you mean 'possible-seizure'?" in out


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
    # The fever rule (data/blocks/fever-rule.yaml) is written "has a temperature of
    # {{ temperature(38) }} or higher", as is every temperature of the example content.
    assert "{{ temperature(38) }} or higher" in project.read("data/blocks/fever-rule.yaml")
    result = project.run("build", "newborn-tremor")
    assert result.exit_code == 0, result.output
    uk = normalized(text_of(project.pdf("riverside", "newborn-tremor")))
    us = normalized(text_of(project.pdf("harbour", "newborn-tremor")))
    assert "a temperature of 38 °C or higher" in uk and "°F" not in uk
    assert "a temperature of 38 °C (100.4 °F) or higher" in us


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
