"""Quality gates in `handouts check` and `handouts build`: each check fails on a bad
fixture and passes on a good one."""

from __future__ import annotations

import datetime as dt
import json

import pypdf
from conftest import ProjectCopy
from PIL import Image
from test_build import normalized
from test_errors import fails, line_of

TREMOR = "data/handouts/newborn-tremor.yaml"
SLEEP = "data/handouts/sleep-hygiene.yaml"
TODAY = dt.date.today()


def check(project: ProjectCopy, *args: str) -> tuple[int, str]:
    result = project.run("check", *args)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def set_review(project: ProjectCopy, relative: str, day: dt.date) -> None:
    project.edit(relative, "next_review: 2027-11-01", f"next_review: {day.isoformat()}")


def test_example_catalog_passes_strict(project: ProjectCopy) -> None:
    code, out = check(project, "--strict")
    assert code == 0, out
    assert "0 errors, 0 warnings" in out


def test_overdue_review_is_an_error_and_the_build_refuses(project: ProjectCopy) -> None:
    set_review(project, TREMOR, TODAY - dt.timedelta(days=3))
    code, out = check(project)
    assert code == 1
    line = line_of(project, TREMOR, "next_review:")
    assert f"newborn-tremor.yaml:{line}: review-overdue: review overdue" in out
    assert "(3 days ago)" in out and "--allow-expired" in out
    out = fails(project, "build", "newborn-tremor")
    assert "review-overdue" in out


def test_allow_expired_prints_review_overdue_on_every_page(project: ProjectCopy) -> None:
    set_review(project, TREMOR, TODAY - dt.timedelta(days=3))
    result = project.run("build", "newborn-tremor", "--brand", "riverside", "--allow-expired")
    assert result.exit_code == 0, result.output
    for page in pypdf.PdfReader(project.pdf("riverside", "newborn-tremor")).pages:
        assert "Review overdue." in normalized(page.extract_text())


def test_other_handouts_still_build_when_one_is_overdue(project: ProjectCopy) -> None:
    set_review(project, TREMOR, TODAY - dt.timedelta(days=3))
    result = project.run("build", "sleep-hygiene")
    assert result.exit_code == 0, result.output


def test_review_due_soon_is_a_warning_that_strict_makes_fail(project: ProjectCopy) -> None:
    set_review(project, SLEEP, TODAY + dt.timedelta(days=30))
    code, out = check(project)
    assert code == 0, out
    assert "warning" in out and "review-due-soon: review due soon" in out
    assert "(in 30 days)" in out and "0 errors, 1 warning" in out
    code, _ = check(project, "--strict")
    assert code == 1


def test_levels_are_configurable_per_project(project: ProjectCopy) -> None:
    set_review(project, SLEEP, TODAY + dt.timedelta(days=30))
    project.edit("handouts.yaml", "output: output", "output: output\nchecks:\n"
                 "  review-due-soon: off\n  list-length: error")
    code, out = check(project, "--strict")
    assert code == 0, out
    project.edit("handouts.yaml", "review-due-soon: off", "review-due-son: off")
    out = fails(project, "check")
    assert "handouts.yaml:" in out and "expected one of review-overdue" in out
    assert "did you mean 'review-due-soon'?" in out


def test_no_action_section_is_an_error(project: ProjectCopy) -> None:
    # A handout whose only lists sit in warning boxes tells nobody what to do.
    project.write("data/handouts/fever.yaml", FEVER_WITHOUT_ACTIONS)
    code, out = check(project)
    assert code == 1
    assert "fever.yaml:" in out and "action-section: no section tells the reader what to do" \
        in out


def test_no_help_section_is_an_error(project: ProjectCopy) -> None:
    project.write("data/handouts/fever.yaml", FEVER_WITHOUT_ACTIONS.replace(
        "{{ brand.emergency_number }}", "an ambulance").replace(
        "    tone: watch\n    body:\n", "    tone: normal\n    body:\n"))
    code, out = check(project)
    assert code == 1
    assert "help-section: no section says when to get help" in out
    assert "action-section" not in out


def test_long_list_is_a_warning(project: ProjectCopy) -> None:
    # The list of section 'baby-safe-sleep' is the shared safe-sleep block (7 rules).
    project.edit("data/blocks/safe-sleep.yaml",
                 "      - Do not use weighted sleep sacks or weighted blankets.\n",
                 "      - Do not use weighted sleep sacks or weighted blankets.\n"
                 "      - Use a sleeping bag, not a loose blanket.\n")
    code, out = check(project)
    assert code == 0, out
    assert "list-length: section 'baby-safe-sleep' has a list of 8 items (band 'baby')" in out


def test_low_resolution_photo_is_a_warning(project: ProjectCopy) -> None:
    Image.new("RGB", (300, 200), "white").save(project.path("data/handouts/small.png"))
    Image.new("RGB", (1200, 800), "white").save(project.path("data/handouts/large.png"))
    project.edit(SLEEP, "      - p: Follow these rules for every sleep, day and night.\n",
                 "      - p: Follow these rules for every sleep, day and night.\n"
                 "      - image: {src: small.png, alt: A cot, width_mm: 80}\n"
                 "      - image: {src: large.png, alt: A cot, width_mm: 80}\n")
    code, out = check(project)
    assert "image-resolution: small.png prints at 95 dpi (300 pixels over 80 mm)" in out
    assert "large.png" not in out
    assert "at least 472 pixels wide" in out


def test_invalid_links_are_errors(project: ProjectCopy) -> None:
    project.edit("data/brands/riverside.yaml", "website: riverside-clinic.example",
                 "website: riverside clinic")
    project.edit(SLEEP, "  - title: \"Project source notes: muscle twitching in adults (seed 003)\"\n",
                 "  - title: \"Project source notes: muscle twitching in adults (seed 003)\"\n"
                 "    url: htp:/nhs.uk\n")
    code, out = check(project)
    assert code == 1
    assert "brand 'riverside'" in out and "link: website 'riverside clinic' is not a web address" in out
    line = line_of(project, SLEEP, "url: htp:/nhs.uk")
    assert f"sleep-hygiene.yaml:{line}: link: source URL 'htp:/nhs.uk'" in out


def test_unreviewed_translation_of_approved_content_is_a_warning(
        project: ProjectCopy) -> None:
    project.edit("handouts.yaml", "  - en\n", "  - en\n  - ru\n")
    project.edit(SLEEP, "status: sample\nreviewed_by: null\nreviewed_on: null",
                 "status: approved\nreviewed_by: Dr Shah\nreviewed_on: 2026-10-01")
    code, out = check(project)
    assert code == 0, out
    assert "ru/sleep-hygiene.po: translation-unreviewed: the content is approved, but the " \
           "'ru' translation is not reviewed" in out


def test_json_report_for_ci(project: ProjectCopy) -> None:
    set_review(project, TREMOR, TODAY - dt.timedelta(days=1))
    code, out = check(project, "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["errors"] == 1 and report["warnings"] == 0
    finding = report["findings"][0]
    assert finding["check"] == "review-overdue" and finding["level"] == "error"
    assert finding["subject"] == "handout 'newborn-tremor'"
    assert finding["file"].endswith("newborn-tremor.yaml") and finding["line"] > 0


def test_build_problems_appear_in_the_check_report(project: ProjectCopy) -> None:
    project.edit(TREMOR, "Many new babies have a tremor", "Many new babies \u2713 have a tremor")
    code, out = check(project, "--format", "json")
    assert code == 1
    finding = json.loads(out)["findings"][0]
    assert finding["check"] == "build" and "no glyph" in finding["message"]
    assert finding["subject"] == "handout 'newborn-tremor'"


FEVER_WITHOUT_ACTIONS = """\
id: fever
version: 1
kind: sheet
title: Fever in babies
summary: What to know when your baby feels hot.
audience: Parents
status: sample
next_review: 2027-11-01
sources:
  - title: Test fixture
sections:
  - id: about
    heading: About fever
    body:
      - p: A fever is a temperature of 38 °C or higher.
  - id: call-now
    heading: "Call {{ brand.emergency_number }} now if your baby:"
    tone: watch
    body:
      - bullets:
          - has blue or grey lips
          - is very sleepy
"""
