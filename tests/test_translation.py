"""The translators' workflow: extract, update (merge), status, and building translations.

A pseudo-translation into German ("DE: " before every text) stands in for a
translator here, so these tests do not depend on the shipped Russian and Spanish text.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import polib
import pypdf
import pytest
from babel.messages.pofile import read_po
from conftest import REPO, ProjectCopy
from test_build import normalized, text_of
from test_errors import fails, line_of

SLEEP = "data/handouts/sleep-hygiene.yaml"
# The text of sleep-hygiene's own section 'baby-safe-sleep' (its rules are the shared
# safe-sleep block, translated in blocks/safe-sleep.po).
OLD_TEXT = "Follow these rules for every sleep, day and night."
NEW_TEXT = "Always follow these rules for every sleep, day and night."
# A list item of section 'child-habits'.
REMOVED = "          - Make the bedroom dark, quiet and cool.\n"


def pseudo_translate(path: Path) -> None:
    """Fill every entry the way a (very literal) German translator would."""
    po = polib.pofile(str(path))
    for entry in po:
        if entry.msgctxt == "quotes":
            entry.msgstr = "\u201e\u201c\u201a\u2018"
        elif entry.msgid_plural:
            entry.msgstr_plural = {0: f"DE: {entry.msgid}", 1: f"DE: {entry.msgid_plural}"}
        else:
            entry.msgstr = f"DE: {entry.msgid}"
    po.save()


def start_german(project: ProjectCopy) -> None:
    """Translate every catalog into German: the handouts', the interface's and the shared
    blocks' (data/translations/de/blocks/*.po)."""
    result = project.run("translate", "update", "--locale", "de")
    assert result.exit_code == 0, result.output
    catalogs = sorted(project.path("data/translations/de").rglob("*.po"))
    assert any(path.parent.name == "blocks" for path in catalogs)
    for path in catalogs:
        pseudo_translate(path)


def po_entry(project: ProjectCopy, relative: str, msgid: str) -> polib.POEntry:
    entries = [e for e in polib.pofile(str(project.path(relative))) if e.msgid == msgid]
    assert entries, f"{msgid!r} not in {relative}"
    return entries[0]


def test_committed_templates_are_up_to_date(project: ProjectCopy) -> None:
    result = project.run("translate", "extract")
    assert result.exit_code == 0, result.output
    assert "created" not in result.output and "updated" not in result.output, result.output
    # the interface, nine handouts and four shared blocks
    assert result.output.count("unchanged") == 14


def test_extract_writes_a_template_per_handout_with_notes_for_translators(
        project: ProjectCopy) -> None:
    for path in project.path("data/translations").glob("*.pot"):
        path.unlink()
    result = project.run("translate", "extract")
    assert result.exit_code == 0, result.output
    pot = polib.pofile(str(project.path("data/translations/newborn-tremor.pot")))
    heading = next(e for e in pot if "now if your baby" in e.msgid)
    assert heading.msgctxt == "newborn-tremor/call-now"
    assert "Do not translate {{ brand.emergency_number }}" in heading.comment
    line = line_of(project, "data/handouts/newborn-tremor.yaml", heading.msgid)
    assert heading.occurrences == [("data/handouts/newborn-tremor.yaml", str(line))]
    card = polib.pofile(str(project.path("data/translations/infant-massage.pot")))
    assert all("Card: space is tight" in e.comment for e in card
               if "not printed" not in e.comment)
    interface = polib.pofile(str(project.path("data/translations/_interface.pot")))
    assert interface.find("Page {page} of {pages}", msgctxt="page_of") is not None
    week = interface.find("{count} week", msgctxt="duration")
    assert week is not None and week.msgid_plural == "{count} weeks"


def test_round_trip_extract_translate_build(project: ProjectCopy) -> None:
    start_german(project)
    result = project.run("build", "sleep-hygiene", "--brand", "riverside", "--lang", "de")
    assert result.exit_code == 0, result.output
    pdf = project.pdf("riverside", "sleep-hygiene", lang="de")
    text = normalized(text_of(pdf))
    assert f"DE: {OLD_TEXT}" in text
    assert "DE: Page 1 of" in text and "DE: Translation not yet reviewed." in text
    reader = pypdf.PdfReader(pdf)
    assert reader.trailer["/Root"]["/Lang"] == "de"
    assert reader.metadata.title.startswith("DE: Sleep")


def test_po_files_written_by_the_tool_read_back_unchanged(project: ProjectCopy) -> None:
    start_german(project)
    project.run("translate", "update", "--locale", "de")
    path = project.path("data/translations/de/sleep-hygiene.po")
    text = path.read_text(encoding="utf-8")
    with_polib = polib.pofile(str(path))
    assert str(with_polib) == text  # polib writes the file back byte for byte
    with_babel = read_po(io.StringIO(text))
    assert {(m.context, m.id, m.string) for m in with_babel if m.id} == {
        (e.msgctxt, e.msgid, e.msgstr) for e in with_polib}
    assert with_babel.locale is not None and str(with_babel.locale) == "de"


def test_update_keeps_translations_and_headers_a_translator_added(
        project: ProjectCopy) -> None:
    start_german(project)
    relative = "data/translations/de/sleep-hygiene.po"
    project.edit(relative, '"X-Reviewed-By: \\n"', '"X-Reviewed-By: Dr Weber\\n"')
    project.edit(relative, '"Language: de\\n"', '"Language: de\\n"\n"X-Poedit-Basepath: .\\n"')
    result = project.run("translate", "update", "--locale", "de")
    assert result.exit_code == 0, result.output
    text = project.read(relative)
    assert "X-Reviewed-By: Dr Weber" in text and "X-Poedit-Basepath: ." in text
    assert po_entry(project, relative, OLD_TEXT).msgstr == f"DE: {OLD_TEXT}"


def test_changed_source_text_becomes_fuzzy_with_the_old_translation(
        project: ProjectCopy) -> None:
    start_german(project)
    project.edit(SLEEP, OLD_TEXT, NEW_TEXT)
    result = project.run("translate", "update", "--locale", "de")
    assert result.exit_code == 0, result.output
    assert "sleep-hygiene.po: 1 fuzzy" in result.output
    relative = "data/translations/de/sleep-hygiene.po"
    entry = po_entry(project, relative, NEW_TEXT)
    assert entry.fuzzy and entry.previous_msgid == OLD_TEXT
    assert entry.msgstr == f"DE: {OLD_TEXT}"  # kept as a suggestion
    assert f'#| msgid "{OLD_TEXT}"' in project.read(relative)
    out = fails(project, "build", "sleep-hygiene", "--lang", "de")
    assert "the 'de' translation of handout 'sleep-hygiene' is not finished (1 fuzzy" in out
    assert f"[fuzzy] sleep-hygiene/baby-safe-sleep: \"{NEW_TEXT}\"" in out
    assert "--allow-draft" in out


def test_removed_source_text_becomes_obsolete_not_deleted(project: ProjectCopy) -> None:
    start_german(project)
    project.edit(SLEEP, REMOVED, "")
    result = project.run("translate", "update", "--locale", "de")
    assert result.exit_code == 0, result.output
    assert "1 obsolete" in result.output
    po = polib.pofile(str(project.path("data/translations/de/sleep-hygiene.po")))
    obsolete = po.obsolete_entries()
    assert [e.msgstr for e in obsolete] == ["DE: Make the bedroom dark, quiet and cool."]
    status = json.loads(project.run("translate", "status", "--locale", "de", "--format",
                                    "json").output)
    assert next(r for r in status if r["handout"] == "sleep-hygiene")["percent"] == 100.0


def test_new_source_text_is_added_untranslated_and_refuses_the_build(
        project: ProjectCopy) -> None:
    start_german(project)
    project.edit(SLEEP, REMOVED, REMOVED + "          - A fan can help in hot weather.\n")
    out = fails(project, "build", "sleep-hygiene", "--lang", "de")
    assert '[missing] sleep-hygiene/child-habits: "A fan can help in hot weather."' in out
    result = project.run("translate", "update", "--locale", "de")
    assert "sleep-hygiene.po: 1 new" in result.output
    assert po_entry(project, "data/translations/de/sleep-hygiene.po",
                    "A fan can help in hot weather.").msgstr == ""


def test_missing_string_names_the_file_and_the_string(project: ProjectCopy) -> None:
    start_german(project)
    relative = "data/translations/de/newborn-tremor.po"
    # An item of newborn-tremor's own emergency list (the shared blocks give the others).
    project.edit(relative, 'msgstr "DE: has jerking that spreads to the whole body"',
                 'msgstr ""')
    out = fails(project, "build", "newborn-tremor", "--lang", "de")
    assert "de/newborn-tremor.po: the 'de' translation of handout 'newborn-tremor' is not " \
           "finished (1 missing)" in out
    assert '[missing] newborn-tremor/call-now: "has jerking that spreads to the whole body"' \
        in out


def test_allow_draft_prints_a_marked_draft_on_every_page(project: ProjectCopy) -> None:
    start_german(project)
    project.edit(SLEEP, OLD_TEXT, NEW_TEXT)
    assert project.run("translate", "update", "--locale", "de").exit_code == 0
    result = project.run("build", "sleep-hygiene", "--brand", "riverside", "--lang", "de",
                         "--allow-draft")
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(project.pdf("riverside", "sleep-hygiene", lang="de"))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert "DE: Draft translation" in normalized(page.extract_text())
    text = normalized(text_of(project.pdf("riverside", "sleep-hygiene", lang="de")))
    assert f"DE: {OLD_TEXT}" in text  # the fuzzy suggestion, on a page marked draft


def test_dropped_placeholder_is_an_error_naming_the_string(project: ProjectCopy) -> None:
    start_german(project)
    relative = "data/translations/de/newborn-tremor.po"
    entry = next(e for e in polib.pofile(str(project.path(relative)))
                 if "{{ brand.emergency_number }}" in e.msgstr)
    broken = entry.msgstr.replace("{{ brand.emergency_number }}", "112")
    project.edit(relative, f'msgstr "{entry.msgstr}"', f'msgstr "{broken}"')
    out = fails(project, "build", "newborn-tremor", "--lang", "de")
    line = line_of(project, relative, f'msgstr "{broken}"')
    assert "de/newborn-tremor.po:" in out
    assert "drops '{{ brand.emergency_number }}'" in out
    assert entry.msgid[:30] in out
    assert int(out.split("newborn-tremor.po:")[1].split(":")[0]) <= line


def test_renamed_interface_placeholder_is_an_error(project: ProjectCopy) -> None:
    start_german(project)
    project.edit("data/translations/de/_interface.po", 'msgstr "DE: Page {page} of {pages}"',
                 'msgstr "DE: Seite {seite} von {pages}"')
    out = fails(project, "build", "sleep-hygiene", "--lang", "de")
    assert "_interface.po:" in out and "drops '{page}'" in out and "adds '{seite}'" in out


def test_status_table_and_json(project: ProjectCopy) -> None:
    start_german(project)
    project.edit("data/translations/de/newborn-tremor.po",
                 'msgstr "DE: has jerking that spreads to the whole body"', 'msgstr ""')
    table = project.run("translate", "status", "--locale", "de")
    assert table.exit_code == 0, table.output
    row = next(line for line in table.output.splitlines() if line.strip().startswith(
        "newborn-tremor"))
    # newborn-tremor has 53 strings to translate (its emergency signs are shared blocks).
    assert row.split()[:7] == ["newborn-tremor", "de", "98%", "52", "0", "1", "no"]
    rows = json.loads(project.run("translate", "status", "--locale", "de", "--format",
                                  "json").output)
    tremor = next(r for r in rows if r["handout"] == "newborn-tremor")
    assert (tremor["missing"], tremor["fuzzy"], tremor["total"]) == (1, 0, 53)
    assert {r["handout"] for r in rows} == {
        "_interface", "newborn-tremor", "infant-massage", "sleep-hygiene", "going-home",
        "before-massage", "bedtime-routine", "jaundice", "feeding-and-nappies",
        "crying-and-coping", "blocks/call-today-newborn", "blocks/emergency-signs",
        "blocks/fever-rule", "blocks/safe-sleep"}


def test_reviewed_translation_drops_the_not_reviewed_line(project: ProjectCopy) -> None:
    start_german(project)
    # The sheet prints its own catalog's text and that of the shared blocks it uses: all
    # of them are reviewed.
    for name in ("sleep-hygiene", "blocks/safe-sleep", "blocks/emergency-signs",
                 "blocks/fever-rule"):
        relative = f"data/translations/de/{name}.po"
        project.edit(relative, '"X-Reviewed-By: \\n"', '"X-Reviewed-By: Dr Weber\\n"')
        project.edit(relative, '"X-Reviewed-On: \\n"', '"X-Reviewed-On: 2026-11-02\\n"')
    result = project.run("build", "sleep-hygiene", "--brand", "riverside", "--lang", "de")
    assert result.exit_code == 0, result.output
    text = normalized(text_of(project.pdf("riverside", "sleep-hygiene", lang="de")))
    assert "Translation not yet reviewed" not in text


def test_bad_review_date_in_po_header_is_an_error(project: ProjectCopy) -> None:
    start_german(project)
    project.edit("data/translations/de/sleep-hygiene.po", '"X-Reviewed-On: \\n"',
                 '"X-Reviewed-On: 2 Nov\\n"')
    out = fails(project, "build", "sleep-hygiene", "--lang", "de")
    assert "sleep-hygiene.po:16: header X-Reviewed-On: '2 Nov' is not a date" in out


def test_broken_po_file_names_the_line_and_update_writes_nothing(
        project: ProjectCopy) -> None:
    start_german(project)
    relative = "data/translations/de/sleep-hygiene.po"
    project.edit(relative, f'msgstr "DE: {OLD_TEXT}"', f'msgstr "DE: {OLD_TEXT}"\nnonsense')
    before = {p: p.read_bytes() for p in project.path("data/translations").rglob("*.po")}
    project.edit(SLEEP, "Sleep hygiene", "Sleep hygiene for babies")
    result = project.run("translate", "update", "--locale", "de")
    assert result.exit_code == 1, result.output
    assert "de/sleep-hygiene.po:" in result.output and "cannot be read" in result.output
    assert {p: p.read_bytes() for p in before} == before


def test_regional_locale_needs_its_own_handout_text_but_shares_interface_words(
        project: ProjectCopy) -> None:
    start_german(project)
    out = fails(project, "build", "sleep-hygiene", "--lang", "de-AT")
    assert "has no translation into 'de-AT'" in out  # never borrowed from 'de'
    # Its own text: the handout's catalog and those of the shared blocks it prints.
    for name in ("sleep-hygiene", "blocks/safe-sleep", "blocks/emergency-signs",
                 "blocks/fever-rule"):
        source = project.read(f"data/translations/de/{name}.po")
        project.write(f"data/translations/de-AT/{name}.po",
                      source.replace("DE: ", "AT: ").replace("Language: de", "Language: de-AT"))
    result = project.run("build", "sleep-hygiene", "--brand", "riverside", "--lang", "de-AT")
    assert result.exit_code == 0, result.output
    text = normalized(text_of(project.pdf("riverside", "sleep-hygiene", lang="de-AT")))
    assert f"AT: {OLD_TEXT}" in text and "DE: Page 1 of" in text
    assert "AT: Lay your baby on their back for every sleep" in text  # a shared block


def test_language_does_not_change_paper_or_emergency_number(project: ProjectCopy) -> None:
    start_german(project)
    result = project.run("build", "newborn-tremor", "--brand", "harbour", "--lang", "de")
    assert result.exit_code == 0, result.output
    pdf = project.pdf("harbour", "newborn-tremor", lang="de")
    box = pypdf.PdfReader(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # Letter
    assert "DE: Call 911 now if your baby:" in normalized(text_of(pdf))


def test_unknown_locale_code_is_refused_and_other_spellings_are_read(
        project: ProjectCopy) -> None:
    result = project.run("build", "--lang", "english")
    assert result.exit_code == 2 and "'english' is not a locale code" in result.output
    project.edit("handouts.yaml", "  - en\n", "  - en\n  - klingon\n")
    out = fails(project)
    assert "handouts.yaml:" in out and "'klingon' is not a locale code" in out
    project.edit("handouts.yaml", "  - klingon\n", "  - es_mx\n")
    out = fails(project)  # read as es-MX, which has no translations yet
    assert "no translation into 'es-MX'" in out


def test_template_strings_are_extracted_and_translated(project: ProjectCopy) -> None:
    project.edit("templates/sheet.html.j2", "{% for section in handout.sections if "
                 "section.tone == \"emergency\" %}",
                 "<p class=\"small\">{{ _(\"Keep this sheet\") }}</p>\n{% for section in "
                 "handout.sections if section.tone == \"emergency\" %}")
    assert project.run("translate", "extract").exit_code == 0
    pot = polib.pofile(str(project.path("data/translations/_interface.pot")))
    assert pot.find("Keep this sheet") is not None
    start_german(project)
    result = project.run("build", "sleep-hygiene", "--brand", "riverside", "--lang", "de")
    assert result.exit_code == 0, result.output
    assert "DE: Keep this sheet" in text_of(project.pdf("riverside", "sleep-hygiene",
                                                        lang="de"))


def test_glyph_check_covers_translations_and_points_at_the_po_file(
        project: ProjectCopy) -> None:
    start_german(project)
    relative = "data/translations/de/sleep-hygiene.po"
    project.edit(relative, f'msgstr "DE: {OLD_TEXT}"', f'msgstr "DE: \u2713 {OLD_TEXT}"')
    out = fails(project, "build", "sleep-hygiene", "--lang", "de")
    line = line_of(project, relative, f'msgid "{OLD_TEXT}"')
    assert "de/sleep-hygiene.po:" in out
    assert int(out.split("sleep-hygiene.po:")[1].split(":")[0]) in range(line - 4, line + 1)
    assert "no glyph for '\u2713' (U+2713 CHECK MARK)" in out


def test_long_words_are_hyphenated_in_the_narrow_columns_of_cards(
        project: ProjectCopy) -> None:
    start_german(project)
    relative = "data/translations/de/infant-massage.po"
    project.edit(relative, 'msgstr "DE: Wait until the cord stump has healed."',
                 'msgstr "Warten Sie auf die Nabelschnurrestabheilungsbest\u00e4tigung."')
    result = project.run("build", "infant-massage", "--brand", "riverside", "--lang", "de",
                         "--age", "3w")
    assert result.exit_code == 0, result.output
    # The cord stump line is on the card for babies under 6 weeks.
    text = text_of(project.pdf("riverside", "infant-massage", lang="de", band="under-6-weeks"))
    assert "Nabelschnurrestabheilungsbest\u00e4tigung" not in text.replace("\n", " ")
    assert "-\n" in text  # split at a hyphenation point, with a hyphen


def test_a_new_language_lists_every_unfinished_catalog_at_once(project: ProjectCopy) -> None:
    assert project.run("translate", "update", "--locale", "de").exit_code == 0
    out = fails(project, "build", "sleep-hygiene", "--lang", "de")
    assert "de/sleep-hygiene.po: the 'de' translation of handout 'sleep-hygiene' is not " \
           "finished (59 missing)" in out
    # The shared blocks the sheet prints: each catalog is named too.
    for block, missing in (("safe-sleep", 8), ("emergency-signs", 4), ("fever-rule", 1)):
        assert f"de/blocks/{block}.po: the 'de' translation of shared block '{block}' is " \
               f"not finished ({missing} missing)" in out
    assert "de/_interface.po: the 'de' interface words are not finished" in out
    assert "5 problems found; nothing was written." in out


def test_translating_into_the_source_language_says_there_is_nothing_to_do(
        project: ProjectCopy) -> None:
    for command in ("update", "status"):
        result = project.run("translate", command, "--locale", "en-GB")
        assert result.exit_code == 1, result.output
        assert "handouts.yaml: nothing to translate: the handouts are written in en-GB" \
            in result.output
    assert not project.path("data/translations/en-GB").exists()


def msgfmt_check(path: Path) -> subprocess.CompletedProcess[str]:
    """GNU gettext's own checker: syntax, headers, plural forms, format strings."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if os.environ.get("CI"):
            pytest.fail("msgfmt (Debian package gettext) is missing; .ci/run installs it")
        pytest.skip("msgfmt is not installed (Debian/Ubuntu: apt-get install gettext)")
    return subprocess.run([msgfmt, "--check", "-o", os.devnull, str(path)],
                          capture_output=True, text=True)


def test_every_shipped_po_file_passes_msgfmt_check() -> None:
    files = sorted((REPO / "data" / "translations").glob("*/**/*.po"))
    assert len(files) >= 21
    for path in files:
        result = msgfmt_check(path)
        assert result.returncode == 0, f"{path}: {result.stderr}"


def test_po_files_written_by_update_pass_msgfmt_check(project: ProjectCopy) -> None:
    start_german(project)  # created by 'translate update', then filled in
    project.edit("data/handouts/sleep-hygiene.yaml", OLD_TEXT, NEW_TEXT)
    assert project.run("translate", "update", "--locale", "de").exit_code == 0  # merged
    for path in sorted(project.path("data/translations/de").glob("*.po")):
        result = msgfmt_check(path)
        assert result.returncode == 0, f"{path}: {result.stderr}"
