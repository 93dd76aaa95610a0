"""Shared blocks: written once in data/blocks/, used by id, translated once."""

from __future__ import annotations

import polib
from conftest import ProjectCopy
from test_build import normalized, text_of
from test_errors import fails, line_of
from test_translation import msgfmt_check

TREMOR = "data/handouts/newborn-tremor.yaml"
GOING_HOME = "data/handouts/going-home.yaml"
BLOCK = "data/blocks/test-fever.yaml"
FEVER_BLOCK = """\
id: test-fever
language: en
body:
  - bullets:
      - text: has a test fever of {{ temperature(38) }} or higher
        ages: {from: 0d, to: 3m}
      - is a test baby who is floppy or hard to wake
"""
CALL_NOW = "    tone: emergency\n    body:\n"


def use_block(project: ProjectCopy, relative: str, block: str = "test-fever") -> None:
    """Add ``- use: <block>`` as the first block of the handout's emergency section."""
    project.edit(relative, CALL_NOW, CALL_NOW + f"      - use: {block}\n")


def test_a_block_prints_in_every_handout_that_uses_it(project: ProjectCopy) -> None:
    project.write(BLOCK, FEVER_BLOCK)
    use_block(project, TREMOR)
    use_block(project, GOING_HOME)
    result = project.run("build", "newborn-tremor", "going-home", "--lang", "en")
    assert result.exit_code == 0, result.output
    going_home = normalized(text_of(project.pdf("riverside", "going-home")))
    assert "has a test fever of 38 °C or higher" in going_home  # no bands: every part
    assert "is a test baby who is floppy or hard to wake" in going_home
    young = normalized(text_of(project.pdf("riverside", "newborn-tremor", band="1-to-3-months")))
    older = normalized(text_of(project.pdf("riverside", "newborn-tremor",
                                           band="3-to-12-months")))
    assert "has a test fever of 38 °C or higher" in young
    # The range 0d-3m does not reach the 3-12 month band; the rest of the block does.
    assert "test fever" not in older and "is a test baby who is floppy" in older


def test_an_unknown_block_is_an_error_at_the_use_line(project: ProjectCopy) -> None:
    project.write(BLOCK, FEVER_BLOCK)
    use_block(project, TREMOR, "test-fevers")
    out = fails(project)
    line = line_of(project, TREMOR, "- use: test-fevers")
    assert f"newborn-tremor.yaml:{line}" in out
    assert "no shared block 'test-fevers'" in out and "did you mean 'test-fever'?" in out


def test_a_mistake_in_a_block_points_at_the_block_file(project: ProjectCopy) -> None:
    project.write(BLOCK, FEVER_BLOCK.replace("  - bullets:", "  - bulets:"))
    use_block(project, TREMOR)
    out = fails(project)
    assert "data/blocks/test-fever.yaml:4" in out


def test_band_ids_in_a_block_are_refused_with_the_fix(project: ProjectCopy) -> None:
    project.write(BLOCK, FEVER_BLOCK.replace("{from: 0d, to: 3m}", "[under-1-month]"))
    out = fails(project)
    assert "test-fever.yaml" in out and "a shared block's ages are a range" in out
    assert "ages: {from: 0d, to: 3m}" in out


def test_a_placeholder_mistake_in_a_block_is_found(project: ProjectCopy) -> None:
    project.write(BLOCK, FEVER_BLOCK.replace("temperature(38)", "brand.fever"))
    out = fails(project)
    assert "test-fever.yaml:5" in out and "unknown placeholder '{{ brand.fever }}'" in out


def test_a_block_is_translated_once_in_its_own_catalog(project: ProjectCopy) -> None:
    project.write(BLOCK, FEVER_BLOCK)
    use_block(project, TREMOR)
    use_block(project, GOING_HOME)
    assert project.run("translate", "extract").exit_code == 0
    pot = project.read("data/translations/blocks/test-fever.pot")
    assert pot.count('msgid "is a test baby who is floppy or hard to wake"') == 1
    assert "#: data/blocks/test-fever.yaml:7" in pot
    handout_pot = project.read("data/translations/going-home.pot")
    assert "test baby" not in handout_pot  # not translated again per handout
    result = project.run("translate", "update", "--locale", "ru")
    assert result.exit_code == 0, result.output
    po_path = project.path("data/translations/ru/blocks/test-fever.po")
    assert po_path.is_file()

    # Until it is translated, the Russian sheets are refused, naming the block.
    out = fails(project, "build", "going-home", "--lang", "ru")
    assert "the 'ru' translation of shared block 'test-fever' is not finished (2 missing)" \
        in out and "ru/blocks/test-fever.po" in out

    po = polib.pofile(str(po_path))
    for entry in po:
        entry.msgstr = {"has a test fever of {{ temperature(38) }} or higher":
                        "тестовая температура {{ temperature(38) }} или выше"}.get(
            entry.msgid, "тестовый вялый ребёнок")
    po.save()
    assert msgfmt_check(po_path).returncode == 0
    result = project.run("build", "going-home", "newborn-tremor", "--lang", "ru")
    assert result.exit_code == 0, result.output
    for handout, band in (("going-home", None), ("newborn-tremor", "under-1-month")):
        text = normalized(text_of(project.pdf("riverside", handout, "ru", band)))
        assert "тестовая температура 38 °C или выше" in text and "test" not in text
    status = project.run("translate", "status", "--locale", "ru")
    assert "blocks/test-fever" in status.output


def test_a_missing_block_translation_is_named(project: ProjectCopy) -> None:
    project.write(BLOCK, FEVER_BLOCK)
    use_block(project, GOING_HOME)
    out = fails(project, "build", "going-home", "--lang", "es")
    assert "shared block 'test-fever' has no translation into 'es'" in out
    assert "translate update --locale es" in out


def test_a_sign_in_a_block_answered_two_ways_points_at_the_block(
        project: ProjectCopy) -> None:
    project.write(BLOCK, FEVER_BLOCK.replace(
        "      - is a test baby who is floppy or hard to wake\n",
        "      - text: is a test baby who is floppy or hard to wake\n"
        "        sign: test-floppy\n"))
    # Added to the catalog's triage table (the example handouts name its other signs).
    project.edit("data/signs.yaml", "signs:\n", "signs:\n  test-floppy:\n    tone: emergency\n"
                                                "    what: floppy or hard to wake\n")
    use_block(project, TREMOR)
    project.edit(TREMOR, "    tone: urgent\n    body:\n",
                 "    tone: urgent\n    body:\n      - use: test-fever\n")
    result = project.run("check")
    assert result.exit_code == 1
    assert "data/blocks/test-fever.yaml:8: triage-consistency: the sign 'test-floppy' is " \
           "in an 'urgent' section here, but in 'emergency' in the triage table" \
        in normalized(result.output)
