"""Bad input: each mistake a user can make gets a clear message, exit code 1, no output.

Every test asserts what the user sees: the file, the line, what was expected and a hint.
"""

from __future__ import annotations

import re

import pytest
from conftest import ProjectCopy

TREMOR = "data/handouts/newborn-tremor.yaml"
RIVERSIDE = "data/brands/riverside.yaml"


def fails(project: ProjectCopy, *args: str) -> str:
    """Run a command that must fail; return what the user saw. Nothing may be written."""
    result = project.run(*(args or ("build",)))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert not list(project.path("output").rglob("*.pdf")), "a failed build wrote files"
    return result.output


def line_of(project: ProjectCopy, relative: str, needle: str) -> int:
    for number, line in enumerate(project.read(relative).splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not found in {relative}")


def test_malformed_yaml_names_file_and_line(project: ProjectCopy) -> None:
    project.edit(TREMOR, "audience: Parents", "audience: [Parents")
    out = fails(project)
    line = line_of(project, TREMOR, "audience: [Parents")
    assert "newborn-tremor.yaml:" in out and "malformed YAML" in out
    assert f"newborn-tremor.yaml:{line}" in out or f"newborn-tremor.yaml:{line + 1}" in out


def test_wrong_type_says_expected_and_found(project: ProjectCopy) -> None:
    project.edit(TREMOR, "version: 2", "version: one")  # newborn-tremor is at version 2
    out = fails(project)
    line = line_of(project, TREMOR, "version: one")
    assert f"newborn-tremor.yaml:{line}:10: version: expected a whole number, " \
           "found the text 'one'" in out


def test_unknown_key_suggests_the_right_one(project: ProjectCopy) -> None:
    project.edit(TREMOR, "    heading: Is this shaking normal?",
                 "    heding: Is this shaking normal?")
    out = fails(project)
    line = line_of(project, TREMOR, "heding:")
    assert f"newborn-tremor.yaml:{line}:5: sections[2].heding: unknown key 'heding'" in out
    assert "did you mean 'heading'?" in out


def test_missing_required_field_is_named(project: ProjectCopy) -> None:
    project.edit(TREMOR, "next_review: 2027-11-01\n", "")
    out = fails(project)
    assert "newborn-tremor.yaml:1:1: next_review: required key 'next_review' is missing" in out


def test_wrong_choice_lists_the_choices(project: ProjectCopy) -> None:
    project.edit(TREMOR, "    tone: emergency", "    tone: emergancy")
    out = fails(project)
    assert "expected one of info, normal, watch, urgent, emergency; found the text " \
           "'emergancy'" in out
    assert "did you mean 'emergency'?" in out


def test_all_errors_of_a_run_are_reported_together(project: ProjectCopy) -> None:
    project.edit(TREMOR, "version: 2", "version: one")  # newborn-tremor is at version 2
    project.edit("data/handouts/sleep-hygiene.yaml", "kind: sheet", "kind: poster")
    out = fails(project)
    assert "newborn-tremor.yaml" in out and "sleep-hygiene.yaml" in out
    assert "2 problems found; nothing was written." in out


def test_duplicate_key_is_not_silently_dropped(project: ProjectCopy) -> None:
    project.edit(TREMOR, "audience: Parents", "title: Another title\naudience: Parents")
    out = fails(project)
    assert "'title' is given twice (first on line" in out


def test_block_with_two_kinds_explains_the_fix(project: ProjectCopy) -> None:
    project.edit(TREMOR, "      - steps:\n", "      - p: Some text\n        steps:\n")
    out = fails(project)
    assert "a body block needs exactly one of p, bullets, steps, checklist, image, use; " \
           "found 'p' and 'steps'" in out


def test_unknown_placeholder_lists_the_known_ones(project: ProjectCopy) -> None:
    project.edit(TREMOR, "{{ brand.emergency_number }} now", "{{ brand.emergency }} now")
    out = fails(project)
    assert "unknown placeholder '{{ brand.emergency }}'" in out
    assert "{{ brand.emergency_number }}" in out


def test_unknown_handout_id_suggests(project: ProjectCopy) -> None:
    out = fails(project, "build", "newborn-tremour")
    assert "unknown handout 'newborn-tremour'" in out and "did you mean 'newborn-tremor'?" in out


def test_unknown_brand_suggests(project: ProjectCopy) -> None:
    out = fails(project, "build", "--brand", "riverzide")
    assert "unknown brand 'riverzide'" in out and "did you mean 'riverside'?" in out


def test_unknown_handout_in_config_names_the_config_line(project: ProjectCopy) -> None:
    project.edit("handouts.yaml", "  - sleep-hygiene", "  - sleep-hygene")
    out = fails(project)
    assert "handouts.yaml:" in out and "no handout with id 'sleep-hygene'" in out
    assert "did you mean 'sleep-hygiene'?" in out


def test_missing_logo_file(project: ProjectCopy) -> None:
    project.edit(RIVERSIDE, "logo: riverside-logo.svg", "logo: missing.png")
    out = fails(project)
    assert "riverside.yaml:" in out and "logo: image file not found" in out


def test_unsupported_image_format(project: ProjectCopy) -> None:
    project.write("data/brands/logo.gif", "GIF89a")
    project.edit(RIVERSIDE, "logo: riverside-logo.svg", "logo: logo.gif")
    out = fails(project)
    assert "unsupported image format '.gif'" in out and "use a PNG, JPEG or SVG file" in out


def test_image_that_is_not_what_its_name_says(project: ProjectCopy) -> None:
    project.write("data/brands/logo.png", "this is not a picture")
    project.edit(RIVERSIDE, "logo: riverside-logo.svg", "logo: logo.png")
    out = fails(project)
    assert "logo.png is not a readable PNG image" in out


def test_bad_colour(project: ProjectCopy) -> None:
    project.edit(RIVERSIDE, 'accent: "#D57E0F"', "accent: orange")
    out = fails(project)
    line = line_of(project, RIVERSIDE, "accent: orange")
    assert f"riverside.yaml:{line}:11: colors.accent: 'orange' is not a colour; " \
           "write it as #RRGGBB" in out


def test_low_contrast_gives_ratio_and_suggestion(project: ProjectCopy) -> None:
    project.edit(RIVERSIDE, 'primary: "#0B5D6B"', 'primary: "#7FC8D3"')
    out = fails(project)
    assert "clinic name on the header band: contrast 1.89:1 between #FFFFFF and #7FC8D3 " \
           "is too faint" in out
    assert "WCAG AA needs 4.5:1" in out and "try primary: \"#" in out


def test_template_syntax_error_names_template_and_line(project: ProjectCopy) -> None:
    project.edit("templates/sheet.html.j2", "{% for section in handout.sections if section.tone == \"emergency\" %}",
                 "{% for section in handout.sections if %}")
    out = fails(project)
    line = line_of(project, "templates/sheet.html.j2", "{% for section in handout.sections if %}")
    assert f"sheet.html.j2:{line}: template syntax error" in out


def test_undefined_template_variable_names_template_and_line(project: ProjectCopy) -> None:
    project.edit("templates/sheet.html.j2", "{{ handout.summary | inline }}",
                 "{{ handout.subtitle | inline }}")
    out = fails(project)
    line = line_of(project, "templates/sheet.html.j2", "handout.subtitle")
    assert f"sheet.html.j2:{line}: undefined template variable" in out
    assert "subtitle" in out


def test_template_cannot_reach_python_internals(project: ProjectCopy) -> None:
    project.edit("templates/sheet.html.j2", "{{ handout.summary | inline }}",
                 "{{ handout.__class__.__init__.__globals__ }}")
    out = fails(project)
    assert "unsafe" in out or "undefined template variable" in out
    assert "__globals__" not in out.split("hint")[0] or "unsafe" in out


def test_template_element_outside_the_subset(project: ProjectCopy) -> None:
    project.edit("templates/sheet.html.j2", "<h1>", "<div><h1>")
    project.edit("templates/sheet.html.j2", "</h1>", "</h1></div>")
    out = fails(project)
    assert "template sheet.html.j2 produced an unsupported element <div>" in out


def test_missing_glyph_names_character_handout_and_section(project: ProjectCopy) -> None:
    project.edit(TREMOR, "Many new babies have a tremor", "Many new babies ✓ have a tremor")
    out = fails(project)
    line = line_of(project, TREMOR, "Many new babies ✓")
    assert f"newborn-tremor.yaml:{line}" in out
    assert "the font PT Sans has no glyph for '✓' (U+2713 CHECK MARK)" in out
    assert "handout 'newborn-tremor', section 'is-it-normal'" in out


def test_card_overflow_says_which_card_and_by_how_much(project: ProjectCopy) -> None:
    project.edit("data/handouts/infant-massage.yaml", "sides: 2", "sides: 1")
    out = fails(project)
    assert "infant-massage" in out and "does not fit on 1 side" in out
    assert "too long by about" in out and " mm" in out and "set 'sides: 2'" in out


def test_no_project_found(tmp_path) -> None:
    from click.testing import CliRunner

    from handouts.cli import main
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "build"])
    assert result.exit_code == 1
    assert "no handouts.yaml" in result.output and "handouts init" in result.output


def test_usage_error_exits_2(project: ProjectCopy) -> None:
    result = project.run("build", "--no-such-option")
    assert result.exit_code == 2
    assert "No such option" in result.output


@pytest.mark.parametrize("status_line", ["status: approved"])
def test_approved_content_needs_a_reviewer(project: ProjectCopy, status_line: str) -> None:
    project.edit(TREMOR, "status: sample", status_line)
    out = fails(project)
    assert "approved content must name 'reviewed_by' and 'reviewed_on'" in out


def test_failed_build_keeps_the_previous_good_file(project: ProjectCopy) -> None:
    assert project.run("build", "sleep-hygiene", "--brand", "riverside").exit_code == 0
    good = project.pdf("riverside", "sleep-hygiene").read_bytes()
    project.edit("data/handouts/sleep-hygiene.yaml", "Sleep hygiene", "Sleep ✓ hygiene")
    result = project.run("build", "sleep-hygiene", "--brand", "riverside")
    assert result.exit_code == 1
    assert project.pdf("riverside", "sleep-hygiene").read_bytes() == good
    leftovers = [p for p in project.path("output").rglob("*") if p.name.endswith(".tmp")]
    assert not leftovers


def test_misspelt_key_is_one_error_not_two(project: ProjectCopy) -> None:
    project.edit(TREMOR, "    heading: Is this shaking normal?",
                 "    haeding: Is this shaking normal?")
    out = fails(project)
    assert "did you mean 'heading'?" in out
    assert "required key 'heading' is missing" not in out
    assert "1 problem found" in out


def test_missing_glyph_in_template_text_names_the_template(project: ProjectCopy) -> None:
    project.edit("templates/sheet.html.j2", "<h1>{{ handout.title | inline }}</h1>",
                 "<h1>{{ handout.title | inline }} ✓</h1>")
    out = fails(project)
    assert "sheet.html.j2" in out and "'✓' (U+2713 CHECK MARK), printed by the template" in out


def test_unknown_font_is_a_config_error(project: ProjectCopy) -> None:
    project.edit("handouts.yaml", "output: output", "output: output\nfonts:\n  Latn: no-such-font")
    out = fails(project)
    line = line_of(project, "handouts.yaml", "Latn: no-such-font")
    assert f"handouts.yaml:{line}:9: fonts.Latn: font 'no-such-font' is not usable" in out
    assert "pip install fontpkg-no-such-font" in out


def test_handout_in_another_language_is_not_printed_untranslated(
        project: ProjectCopy) -> None:
    project.edit("data/handouts/sleep-hygiene.yaml", "language: en", "language: fr")
    # The shared blocks are written in English, and a French handout may not use them (a
    # check of its own, made first): paragraphs stand in for them here.
    project.write("data/handouts/sleep-hygiene.yaml", re.sub(
        r"- use: ([\w-]+)", r"- p: \1", project.read("data/handouts/sleep-hygiene.yaml")))
    out = fails(project, "build", "sleep-hygiene")
    assert "sleep-hygiene.yaml: handout 'sleep-hygiene' has no translation into 'en'" in out
    assert "handouts translate update --locale en" in out


def test_check_looks_at_handouts_the_config_does_not_list(project: ProjectCopy) -> None:
    project.edit("handouts.yaml", "  - sleep-hygiene\n", "")
    project.edit("data/handouts/sleep-hygiene.yaml", "Sleep hygiene", "Sleep ✓ hygiene")
    out = fails(project, "check")
    assert "sleep-hygiene.yaml" in out and "no glyph" in out
