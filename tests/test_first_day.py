"""A new clinic's first day: init, brand, a new handout, translation, build. Every
message says how to fix what it reports, and independent problems come in one round."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import REPO, ProjectCopy
from test_build import normalized, text_of
from test_errors import fails

BRAND = "data/brands/riverside.yaml"
TREMOR = "data/handouts/newborn-tremor.yaml"
BLANK = (REPO / "handouts" / "project" / "empty" / "data" / "handouts" /
         "my-handout.yaml").read_text(encoding="utf-8")


def with_locales(project: ProjectCopy, *codes: str) -> None:
    project.edit("handouts.yaml", "  - en\n", "".join(f"  - {c}\n" for c in ("en", *codes)))


def test_an_unquoted_colour_is_explained(project: ProjectCopy) -> None:
    project.edit(BRAND, 'primary: "#0B5D6B"', "primary: #0B5D6B")
    out = fails(project)
    assert "riverside.yaml:6:" in out and "a # starts a comment" in out
    assert 'primary: "#B03A2E"' in out


def test_a_number_where_text_goes_says_to_quote_it(project: ProjectCopy) -> None:
    project.edit(BRAND, 'emergency_number: "999"', "emergency_number: 112")
    out = fails(project)
    assert "expected text, found the number 112" in out
    assert 'put it in quotes, e.g. emergency_number: "112"' in out


def test_a_misspelt_logo_gets_a_did_you_mean(project: ProjectCopy) -> None:
    project.edit(BRAND, "logo: riverside-logo.svg", "logo: riverside_logo.svg")
    assert "did you mean 'riverside-logo.svg'?" in fails(project)


def test_a_phone_number_with_letters_is_a_warning(project: ProjectCopy) -> None:
    project.edit(BRAND, "phone: 020 7946 0123", 'phone: "0800 KIDS-NOW"')
    result = project.run("check")
    assert result.exit_code == 0, result.output
    assert "riverside.yaml:9: phone-number: phone '0800 KIDS-NOW' has letters" in result.output
    assert project.run("check", "--strict").exit_code == 1


def test_a_footer_note_given_per_language_needs_no_translation(project: ProjectCopy) -> None:
    with_locales(project, "es")
    project.edit(BRAND, 'footer_note: "Open Monday to Friday, 8 am to 6 pm"',
                 "footer_note:\n  en: Open every day, 8 to 8\n  es: Abierto todos los días, "
                 "de 8 a 20")
    result = project.run("build", "newborn-tremor", "--brand", "riverside")
    assert result.exit_code == 0, result.output
    spanish = normalized(text_of(project.pdf("riverside", "newborn-tremor", lang="es")))
    assert "Abierto todos los días, de 8 a 20" in spanish
    assert "Open every day" in normalized(text_of(project.pdf("riverside", "newborn-tremor")))
    with_locales(project, "ru")
    result = project.run("build", "newborn-tremor", "--brand", "riverside", "--lang", "ru")
    assert result.exit_code == 1
    assert "riverside.yaml:15: footer_note has no text for 'ru'" in result.output
    assert "'all: ...'" in result.output


def test_a_footer_note_for_all_languages_prints_as_written(project: ProjectCopy) -> None:
    with_locales(project, "ru")
    project.edit(BRAND, 'footer_note: "Open Monday to Friday, 8 am to 6 pm"',
                 "footer_note: {all: WhatsApp +44 7700 900123}")
    result = project.run("build", "newborn-tremor", "--brand", "riverside", "--lang", "ru")
    assert result.exit_code == 0, result.output
    russian = normalized(text_of(project.pdf("riverside", "newborn-tremor", lang="ru")))
    assert "WhatsApp +44 7700 900123" in russian


def test_a_new_brand_never_gets_another_clinics_words(project: ProjectCopy) -> None:
    with_locales(project, "es")
    lakeside = project.read(BRAND).replace("Open Monday to Friday, 8 am to 6 pm",
                                           "Open Monday to Friday, 8 am to 7 pm")
    project.write("data/brands/lakeside.yaml", lakeside)
    shutil.copy(project.path("data/brands/riverside-logo.svg"),
                project.path("data/brands/lakeside-logo.svg"))
    project.edit("data/brands/lakeside.yaml", "logo: riverside-logo.svg",
                 "logo: lakeside-logo.svg")
    project.edit("handouts.yaml", "  - harbour\n", "  - harbour\n  - lakeside\n")
    assert project.run("translate", "update", "--locale", "es").exit_code == 0
    interface = project.read("data/translations/es/_interface.po")
    entry = interface[interface.index('msgctxt "brand:lakeside"'):].split("\n\n")[0]
    assert 'msgstr ""' in entry and "fuzzy" not in entry
    out = fails(project, "build", "--brand", "lakeside", "--lang", "es")
    assert "run 'handouts translate update'" in out


def test_incomplete_translations_can_be_skipped_and_listed(project: ProjectCopy) -> None:
    with_locales(project, "ru")
    project.write("data/handouts/my-handout.yaml", BLANK.replace("status: draft",
                                                                 "status: sample"))
    project.edit("handouts.yaml", "  - bedtime-routine\n",
                 "  - bedtime-routine\n  - my-handout\n")
    assert "no translation into 'ru'" in fails(project)  # the default: refuse
    project.edit("handouts.yaml", "output: output", "output: output\n"
                 "incomplete_translations: skip")
    result = project.run("build", "--brand", "riverside")
    assert result.exit_code == 0, result.output
    assert "not built, the translation is not finished (1 PDF" in result.output
    assert "  my-handout (ru)" in result.output
    assert project.path("output/riverside/en/my-handout.pdf").is_file()
    assert project.pdf("riverside", "newborn-tremor", lang="ru").is_file()
    project.path("output").rename(project.path("output-before"))
    assert "no translation into 'ru'" in fails(project, "build", "my-handout", "--lang", "ru")
    assert "no translation into 'ru'" in fails(project, "build", "--strict")


def test_translate_update_leaves_locales_that_are_not_configured(
        project: ProjectCopy) -> None:
    before = project.read("data/translations/ar/_interface.po")
    project.edit("data/brands/riverside.yaml", "8 am to 6 pm", "9 am to 6 pm")
    with_locales(project, "es")
    result = project.run("translate", "update")
    assert result.exit_code == 0, result.output
    assert "/ar/" not in result.output and "/es/" in result.output
    assert project.read("data/translations/ar/_interface.po") == before


def test_summaries_count_in_words(project: ProjectCopy) -> None:
    result = project.run("build", "sleep-hygiene", "--brand", "harbour", "--age", "3y")
    assert result.exit_code == 0, result.output
    assert "built 1 PDF (1 page)" in result.output
    assert "band 'child': Children 1 to 12 years" in result.output
    project.edit("handouts.yaml", "  - harbour\n", "")
    shutil.rmtree(project.path("data/brands"))
    project.path("data/brands").mkdir()
    shutil.copy(REPO / BRAND, project.path(BRAND))
    shutil.copy(REPO / "data/brands/riverside-logo.svg",
                project.path("data/brands/riverside-logo.svg"))
    assert ", 1 brand, " in project.run("check").output


def test_a_title_may_name_the_condition_the_summary_explains(project: ProjectCopy) -> None:
    project.edit(TREMOR, 'title: "Newborn tremor: when to worry"',
                 'title: "Myoclonus and tremor: when to worry"')
    result = project.run("check")
    assert "'Myoclonus' is a medical word" not in result.output, result.output
    project.edit(TREMOR, "Fine, fast shaking is common", "Myoclonus is common")
    assert "'Myoclonus' is a medical word" in project.run("check").output


def test_init_empty_gives_a_draft_that_builds_marked_and_checks_clean(tmp_path) -> None:
    from click.testing import CliRunner

    from handouts.cli import main

    folder = tmp_path / "my-clinic"
    assert CliRunner().invoke(main, ["init", "--empty", str(folder)]).exit_code == 0
    assert sorted(p.name for p in (folder / "data").rglob("*.yaml")) == [
        "my-clinic.yaml", "my-handout.yaml"]
    refused = CliRunner().invoke(main, ["--project", str(folder), "build"])
    assert refused.exit_code == 1 and "is a draft" in refused.output
    built = CliRunner().invoke(main, ["--project", str(folder), "build", "--allow-draft"])
    assert built.exit_code == 0, built.output
    pdf = folder / "output/my-clinic/en/my-handout.pdf"
    assert "Draft" in text_of(pdf)
    check = CliRunner().invoke(main, ["--project", str(folder), "check", "--strict",
                                      "--allow-draft"])
    assert check.exit_code == 0, check.output


def test_dry_run_lists_what_a_build_would_write_and_writes_nothing(
        project: ProjectCopy) -> None:
    result = project.run("build", "newborn-tremor", "--brand", "riverside", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would write" in result.output and "3 PDFs would be written, 0 unchanged" in \
        result.output
    assert not project.path("output").exists() or not list(
        project.path("output").rglob("*.pdf"))
    assert project.run("build", "newborn-tremor", "--brand", "riverside").exit_code == 0
    again = project.run("build", "newborn-tremor", "--brand", "riverside", "--dry-run")
    assert "0 PDFs would be written, 3 unchanged" in again.output


def test_problems_of_different_files_come_in_one_round(project: ProjectCopy) -> None:
    project.edit(TREMOR, "    heading: Is this shaking normal?", "    haeding: Is this normal?")
    project.edit(TREMOR, "    to: 3m\n", "    to: 4m\n")  # overlaps the next band
    project.edit(BRAND, 'primary: "#0B5D6B"', 'primary: "#9FD3DB"')  # too faint
    out = fails(project)
    assert "unknown key 'haeding'" in out
    assert "starts at 3m, inside band '1-to-3-months'" in out
    assert "contrast" in out and "too faint" in out


def test_a_quality_error_and_a_missing_translation_come_together(
        project: ProjectCopy) -> None:
    with_locales(project, "ru")
    project.edit(TREMOR, "next_review: 2027-11-01", "next_review: 2020-01-01")
    project.write("data/handouts/my-handout.yaml", BLANK)
    out = fails(project, "build", "newborn-tremor", "my-handout", "--brand", "riverside")
    assert "review overdue" in out and "no translation into 'ru'" in out


@pytest.mark.parametrize("schema,files", [
    ("handout", "data/handouts/*.yaml"), ("brand", "data/brands/*.yaml"),
    ("pack", "data/packs/*.yaml"), ("glossary", "data/glossary/*.yaml"),
    ("block", "data/blocks/*.yaml"), ("signs", "data/signs.yaml"),
    ("config", "handouts.yaml")])
def test_every_data_file_validates_with_its_schema_in_check_jsonschema(
        tmp_path, schema: str, files: str) -> None:
    from click.testing import CliRunner

    from handouts.cli import main

    result = CliRunner().invoke(main, ["schema", schema])
    assert result.exit_code == 0
    schema_file = tmp_path / f"{schema}.json"
    schema_file.write_text(result.output, encoding="utf-8")
    checker = shutil.which("check-jsonschema", path=os.path.dirname(sys.executable))
    assert checker, "check-jsonschema is a test extra"
    targets = sorted(str(p) for p in REPO.glob(files))
    assert targets
    run = subprocess.run([checker, "--schemafile", str(schema_file), *targets],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_shell_completion_offers_the_projects_ids(project: ProjectCopy) -> None:
    env = {**os.environ, "_HANDOUTS_COMPLETE": "bash_complete",
           "COMP_WORDS": f"handouts --project {project.root} build new", "COMP_CWORD": "4"}
    command = shutil.which("handouts", path=os.path.dirname(sys.executable))
    assert command, "the handouts command is installed with the package"
    run = subprocess.run([command], env=env, capture_output=True, text=True)
    assert "newborn-tremor" in run.stdout, run.stdout + run.stderr
