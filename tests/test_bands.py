"""Age bands in content and on the command line."""

from __future__ import annotations

import pypdf
import pytest
from conftest import ProjectCopy

FEVER = """\
id: fever
version: 1
kind: sheet
title: Fever in babies
summary: What to do when your baby feels hot.
audience: Parents
corrected_age: true
age_bands:
  - id: young
    from: 0d
    to: 3m
    label: Babies under 3 months
  - id: older
    from: 3m
    to: 12m
    label: Babies 3 to 12 months
status: sample
next_review: 2027-01-01
sources:
  - title: Test fixture
sections:
  - id: call-now
    heading: "Call {{ brand.emergency_number }} now if your baby:"
    tone: emergency
    body:
      - bullets:
          - has blue or grey lips
          - text: has a fever of 38 °C or higher
            ages: [young]
  - id: comfort
    heading: Keep your baby comfortable
    body:
      - bullets:
          - Dress your baby in light clothes.
  - id: tiny
    heading: Very young babies
    ages: [young]
    body:
      - p: "You can start gentle massage from about {{ date_at('6w') }}."
  - id: drinks
    heading: Give drinks
    ages: {from: 3m, to: 12m}
    body:
      - p: Offer extra water between feeds.
"""


@pytest.fixture
def fever(project: ProjectCopy) -> ProjectCopy:
    project.write("data/handouts/fever.yaml", FEVER)
    return project


def text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(path).pages).split())


def band_pdf(project: ProjectCopy, band: str, suffix: str = "") -> object:
    return project.path(f"output/riverside/en/fever--{band}{suffix}.pdf")


def build(project: ProjectCopy, *args: str):
    return project.run("build", "fever", "--brand", "riverside", "--lang", "en", *args)


def test_plain_build_makes_one_pdf_per_band_with_its_own_content(fever: ProjectCopy) -> None:
    result = build(fever)
    assert result.exit_code == 0, result.output
    young, older = text(band_pdf(fever, "young")), text(band_pdf(fever, "older"))
    assert "Babies under 3 months" in young and "Babies 3 to 12 months" in older
    assert "fever of 38 °C" in young and "fever of 38 °C" not in older
    assert "Very young babies" in young and "Very young babies" not in older
    assert "Give drinks" in older and "Give drinks" not in young
    assert "has blue or grey lips" in young and "has blue or grey lips" in older
    assert "6 weeks of age" in young
    title = pypdf.PdfReader(band_pdf(fever, "older")).metadata.title
    assert title == "Fever in babies \u2013 Babies 3 to 12 months"


def test_age_option_gives_the_same_pdf_as_the_band_build(fever: ProjectCopy, tmp_path) -> None:
    assert build(fever, "--out", str(tmp_path / "all")).exit_code == 0
    result = build(fever, "--age", "6w", "--out", str(tmp_path / "one"))
    assert result.exit_code == 0, result.output
    made = sorted(p.name for p in (tmp_path / "one").rglob("*.pdf"))
    assert made == ["fever--young.pdf"]
    assert (tmp_path / "one/riverside/en/fever--young.pdf").read_bytes() == \
        (tmp_path / "all/riverside/en/fever--young.pdf").read_bytes()
    assert "fever: age 6 weeks -> band 'young'" in result.output


def test_exactly_3_months_is_in_the_band_that_starts_at_3_months(fever: ProjectCopy) -> None:
    result = build(fever, "--born", "2026-01-31", "--on", "2026-04-30")
    assert result.exit_code == 0, result.output
    assert band_pdf(fever, "older", "--dated").is_file()
    result = build(fever, "--born", "2026-01-31", "--on", "2026-04-29")
    assert band_pdf(fever, "young", "--dated").is_file()


def test_birth_date_prints_real_dates_but_never_in_names_metadata_or_output(
        fever: ProjectCopy) -> None:
    result = build(fever, "--born", "2026-10-02", "--on", "2026-10-20")
    assert result.exit_code == 0, result.output
    pdf = band_pdf(fever, "young", "--dated")
    body = text(pdf)
    assert "from about 13/11/2026" in body
    assert "Chosen for this child: age 2 weeks." in body
    assert "2026-10-02" not in result.output and "02" not in pdf.name
    meta = pypdf.PdfReader(pdf).metadata
    for value in meta.values():
        assert "2026-10-02" not in str(value) and "13/11/2026" not in str(value)


def test_corrected_age_for_a_baby_born_early(fever: ProjectCopy) -> None:
    result = build(fever, "--age", "14w", "--born-at", "32w")
    assert result.exit_code == 0, result.output
    assert "corrected age 6 weeks (actual age 14 weeks, born at 32 weeks) -> band 'young'" \
        in result.output
    assert "corrected age 6 weeks" in text(band_pdf(fever, "young"))


def test_no_correction_when_the_handout_does_not_ask(fever: ProjectCopy) -> None:
    fever.edit("data/handouts/fever.yaml", "corrected_age: true\n", "")
    result = build(fever, "--age", "14w", "--born-at", "32w")
    assert result.exit_code == 0, result.output
    assert "band 'older'" in result.output


def test_age_outside_every_band_lists_the_ranges(fever: ProjectCopy) -> None:
    result = build(fever, "--age", "2y")
    assert result.exit_code == 1
    assert "no age band of handout 'fever' fits age 2 years" in result.output
    assert "young: 0d to 3m; older: 3m to 12m" in result.output


@pytest.mark.parametrize("args, message", [
    (["--age", "6 weeks"], "write a number and a unit, like 0d, 3w"),
    (["--born", "2026-02-30"], "'2026-02-30' is not a real date: February 2026 has 28 days"),
    (["--born", "2026-13-01"], "there is no month 13"),
    (["--born", "02/10/2026"], "write it as YYYY-MM-DD"),
    (["--born", "2026-10-02", "--born-at", "50w"], "between 22 and 44 weeks"),
    (["--age", "6w", "--born", "2026-10-02"], "either --age or --born, not both"),
    (["--on", "2026-10-02"], "--on goes with --born"),
])
def test_usage_errors_exit_2_with_a_clear_message(fever: ProjectCopy, args, message) -> None:
    result = build(fever, *args)
    assert result.exit_code == 2, result.output
    assert message in result.output


@pytest.mark.parametrize("args, message", [
    (["--born", "2026-12-01", "--on", "2026-11-21"], "--on 2026-11-21 is before the birth date"),
    (["--born", "2099-01-01"], "the birth date 2099-01-01 is after"),
])
def test_impossible_timelines_exit_1(fever: ProjectCopy, args, message) -> None:
    result = build(fever, *args)
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert not list(fever.path("output").rglob("fever*.pdf"))


@pytest.mark.parametrize("old, new, message", [
    ("    from: 3m\n    to: 12m", "    from: 2m\n    to: 12m",
     "band 'older' starts at 2m, inside band 'young' (0d to 3m)"),
    ("    from: 3m\n    to: 12m", "    from: 4m\n    to: 12m",
     "gap between band 'young' (ends at 3m) and band 'older' (starts at 4m)"),
    ("    from: 3m\n    to: 12m", "    from: 3m\n    to: 3m", "'to: 3m' must be after 'from: 3m'"),
    ("ages: [young]\n    body", "ages: [yung]\n    body", "unknown age band 'yung'"),
    ("ages: {from: 3m, to: 12m}", "ages: {from: 2m, to: 12m}", "2m is not where a band starts"),
    ("    from: 3m\n", "    from: 3 months\n", "'3 months' is not an age"),
    ("      - p: Offer extra water between feeds.",
     "      - p: Offer extra water between feeds.\n        ages: [young]",
     "section 'drinks' has no content for band 'older'"),
])
def test_band_mistakes_are_reported_with_file_and_line(fever: ProjectCopy, old, new,
                                                       message) -> None:
    fever.edit("data/handouts/fever.yaml", old, new)
    result = fever.run("check")
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert "fever.yaml:" in result.output


def test_intended_gap_is_allowed(fever: ProjectCopy) -> None:
    fever.edit("data/handouts/fever.yaml", "    from: 3m\n    to: 12m",
               "    from: 4m\n    after_gap: true\n    to: 12m")
    fever.edit("data/handouts/fever.yaml", "ages: {from: 3m, to: 12m}", "ages: [older]")
    assert fever.run("check").exit_code == 0
    result = build(fever, "--age", "3m")
    assert result.exit_code == 1 and "young: 0d to 3m; older: 4m to 12m" in result.output


def test_unknown_band_suggests(fever: ProjectCopy) -> None:
    fever.edit("data/handouts/fever.yaml", "ages: [young]\n    body", "ages: [yung]\n    body")
    assert "did you mean 'young'?" in fever.run("check").output
