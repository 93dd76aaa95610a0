"""Bad input, as users, translators and hostile files make it: a clear error with file
and line, exit 1 (2 for usage), no traceback, nothing written, and an answer in seconds."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable

import pypdf
import pytest
from conftest import ProjectCopy
from test_build import normalized, text_of

TREMOR = "data/handouts/newborn-tremor.yaml"
BRAND = "data/brands/riverside.yaml"
RU_TREMOR = "data/translations/ru/newborn-tremor.po"
RU_INTERFACE = "data/translations/ru/_interface.po"
SHEET = "templates/sheet.html.j2"


def set_line(project: ProjectCopy, relative: str, key: str, value: str) -> None:
    text = project.read(relative)
    new = re.sub(rf"(?m)^{key}:.*$", lambda _: f"{key}: {value}", text, count=1)
    assert new != text, f"no line '{key}:' in {relative}"
    project.write(relative, new)


def alias_bomb(project: ProjectCopy) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(8):
        name, previous = chr(98 + level), chr(97 + level)
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    project.write(TREMOR, project.read(TREMOR) + "\n".join(lines) + "\n")


Case = tuple[str, Callable[[ProjectCopy], object], tuple[str, ...], str]
CASES: list[Case] = [
    # The line of the value past the limit, inside the bomb: newborn-tremor.yaml has 171
    # lines, so the bomb takes lines 172 ('a: ...') to 180.
    ("alias bomb", alias_bomb, (), "newborn-tremor.yaml:172:"),
    ("file of 20 MB", lambda p: set_line(p, TREMOR, "audience", '"' + "x" * 20_000_000 + '"'),
     (), "the file is 20.0 MB"),
    ("text of 60,000 characters", lambda p: set_line(p, TREMOR, "audience",
                                                     '"' + "x" * 60_000 + '"'),
     (), "newborn-tremor.yaml:9:11: audience: a text of 60,000 characters"),
    ("impossible date", lambda p: set_line(p, TREMOR, "next_review", "2027-02-30"),
     (), "newborn-tremor.yaml:27:14: next_review: '2027-02-30' is not a real date"),
    ("month 13", lambda p: set_line(p, TREMOR, "next_review", "2027-13-01"),
     (), "'2027-13-01' is not a real date"),
    ("a date where text goes", lambda p: p.edit(TREMOR, "      - p: ", "      - p: 2027-02-30\n"
                                                "      - p: "),
     # The first paragraph of newborn-tremor is now the last block of its emergency box.
     (), "newborn-tremor.yaml:47:12: sections[1].body[4].p: '2027-02-30' is not a real date"),
    ("NUL byte", lambda p: p.path(TREMOR).write_bytes(
        p.path(TREMOR).read_bytes().replace(b"kind: sheet", b"kind: sh\x00eet")),
     (), "newborn-tremor.yaml:3:9: the character"),
    ("not UTF-8", lambda p: p.path(TREMOR).write_bytes(
        p.path(TREMOR).read_bytes().replace(b"kind: sheet", b"kind: sh\xffeet")),
     (), "newborn-tremor.yaml:3:9: not UTF-8 text"),
    ("nested loops", lambda p: p.write(SHEET, "{% for i in range(100000) %}{% for j in "
                                              "range(100000) %}{% endfor %}{% endfor %}"),
     (), "sheet.html.j2:1: the template's loops take more than"),
    ("huge repeat", lambda p: p.write(SHEET, "x\n{{ 'x' * 1000000000 }}"),
     (), "sheet.html.j2:2: the template repeats a text"),
    ("template includes itself", lambda p: p.write(SHEET, '{% include "sheet.html.j2" %}'),
     (), "sheet.html.j2:1: the template calls itself without end"),
    ("recursive macro", lambda p: p.write(SHEET, "{% macro m() %}{{ m() }}{% endmacro %}"
                                                 "{{ m() }}"),
     (), "the template calls itself without end"),
    ("template not UTF-8", lambda p: p.path(SHEET).write_bytes(b"<h1>\n\xff</h1>"),
     (), "sheet.html.j2:2:1: not UTF-8 text"),
    ("include not found", lambda p: p.write(SHEET, 'x\n{% include "nope.html.j2" %}'),
     (), "sheet.html.j2:2: template 'nope.html.j2' not found"),
    ("QR pattern with a format spec", lambda p: set_line(
        p, BRAND, "qr_url", "https://x.example/{id:>999999999}/{lang}"),
     (), "riverside.yaml:14:9: qr_url: the QR address pattern may hold {id} and {lang}"),
    ("QR address too long", lambda p: set_line(
        p, BRAND, "qr_url", "https://x.example/" + "a" * 3000 + "/{id}/{lang}"),
     (), "the QR address is 3036 characters long"),
    ("logo outside the project", lambda p: set_line(p, BRAND, "logo", "../../../../etc/x.png"),
     (), "riverside.yaml:4:7: logo: the image"),
    ("SVG linking another file", lambda p: p.write(
        "data/brands/riverside-logo.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="9" height="9"><image xlink:href="../../x.png" width="9" height="9"/></svg>'),
     (), "riverside-logo.svg links to another file"),
    ("SVG of zero size", lambda p: p.write(
        "data/brands/riverside-logo.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"></svg>'),
     (), "riverside-logo.svg is not an SVG drawing the layout can read"),
    ("brand file named ..", lambda p: p.write("data/brands/...yaml", p.read(BRAND)),
     (), "a brand's file name is its id"),
    ("output outside the project", lambda p: set_line(p, "handouts.yaml", "output", "../.."),
     (), "handouts.yaml:19:9: output: '../..' is outside the project folder"),
    ("PO in another charset", lambda p: p.edit(RU_TREMOR, "charset=UTF-8", "charset=FOO-9"),
     ("--lang", "ru"), "newborn-tremor.po:11: the header says the file is in FOO-9"),
    ("PO entry twice", lambda p: p.write(RU_TREMOR, p.read(RU_TREMOR) + '\nmsgctxt '
                                         '"newborn-tremor"\nmsgid "Newborn tremor: when to '
                                         'worry"\nmsgstr "X"\n'),
     ("--lang", "ru"), "is translated twice (first on line 18)"),
    ("plural rule of another language", lambda p: p.write(RU_INTERFACE, re.sub(
        r'"Plural-Forms: [^"]*"', lambda _: '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
        p.read(RU_INTERFACE))),
     ("--lang", "ru"), "_interface.po:13: the header's Plural-Forms does not fit 'ru'"),
    ("plural rule that cannot be read", lambda p: p.write(RU_INTERFACE, re.sub(
        r'"Plural-Forms: [^"]*"', lambda _: '"Plural-Forms: nplurals=3; plural=((((;\\n"',
        p.read(RU_INTERFACE))),
     ("--lang", "ru"), "_interface.po:13: the header's Plural-Forms cannot be read"),
    ("format spec in a translation", lambda p: p.edit(
        RU_INTERFACE, 'msgstr "Страница {page} из {pages}"',
        'msgstr "Страница {page} из {pages} {page:>99999999}"'),
     ("--lang", "ru"), "the translation of 'page_of' adds '{page:>99999999}'"),
    ("lone brace in a translation", lambda p: p.edit(
        RU_INTERFACE, 'msgstr "Страница {page} из {pages}"', 'msgstr "Страница {page} из {"'),
     ("--lang", "ru"), "has a { or } without its pair"),
]


@pytest.mark.parametrize("name,mutate,options,expected", CASES, ids=[c[0] for c in CASES])
def test_bad_input_gets_one_clear_error_and_nothing_is_written(
        project: ProjectCopy, name: str, mutate: Callable[[ProjectCopy], object],
        options: tuple[str, ...], expected: str) -> None:
    if options:
        project.edit("handouts.yaml", "  - en\n", "  - en\n  - ru\n")
    mutate(project)
    result = project.run("build", "newborn-tremor", "--brand", "riverside", *options)
    assert result.exit_code == 1, result.output
    assert expected in result.output, result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
    assert not list(project.path("output").rglob("*.pdf"))


def test_usage_mistakes_exit_2(project: ProjectCopy) -> None:
    for options, expected in ((("--out", ""), "is empty"),
                              (("--born", "9999-01-01", "--born-at", "33w"),
                               "the year 9999 cannot be right")):
        result = project.run("build", "newborn-tremor", *options)
        assert result.exit_code == 2 and expected in result.output, result.output


def test_a_cover_that_is_not_found_names_the_pack_line(project: ProjectCopy) -> None:
    project.edit("data/packs/newborn-discharge.yaml", "title:", "cover: nope.html.j2\ntitle:")
    result = project.run("pack", "newborn-discharge", "--age", "2w")
    assert result.exit_code == 1
    assert "newborn-discharge.yaml:5: template 'nope.html.j2' not found" in result.output


def test_translate_extract_reports_a_template_it_cannot_read(project: ProjectCopy) -> None:
    project.write(SHEET, "x\n{% for %}")
    result = project.run("translate", "extract")
    assert result.exit_code == 1 and "sheet.html.j2:2: template syntax error" in result.output


def test_content_and_translations_print_template_syntax_as_text(project: ProjectCopy) -> None:
    project.edit(TREMOR, "    tone: normal\n    body:\n",
                 "    tone: normal\n    body:\n"
                 "      - p: 'Type {% include \"sheet.html.j2\" %} and {# this #}.'\n")
    result = project.run("build", "newborn-tremor", "--brand", "riverside")
    assert result.exit_code == 0, result.output
    text = normalized(text_of(project.pdf("riverside", "newborn-tremor", band="1-to-3-months")))
    # Printed as written (with the language's quotation marks), never run.
    assert "Type {% include \u201csheet.html.j2\u201d %} and {# this #}." in text


def test_a_folder_in_the_way_stops_the_build_before_any_file_is_replaced(
        project: ProjectCopy) -> None:
    assert project.run("build", "newborn-tremor", "--brand", "riverside").exit_code == 0
    first = project.pdf("riverside", "newborn-tremor")
    before = first.read_bytes()
    project.edit(TREMOR, "Fine, fast shaking", "Small, fast shaking")
    blocker = project.pdf("riverside", "newborn-tremor", band="3-to-12-months")
    blocker.unlink()
    blocker.mkdir()
    result = project.run("build", "newborn-tremor", "--brand", "riverside")
    assert result.exit_code == 1
    assert "a folder stands where this file is to be written" in result.output
    assert first.read_bytes() == before


def test_an_output_under_a_file_is_one_clear_error(project: ProjectCopy) -> None:
    project.write("afile", "x")
    result = project.run("build", "newborn-tremor", "--out", str(project.path("afile/sub")))
    assert result.exit_code == 1, result.output
    assert "a file stands where a folder is needed" in result.output
    assert "internal error" not in result.output


def test_pdfs_get_the_usual_permissions(project: ProjectCopy) -> None:
    old = os.umask(0o022)
    try:
        assert project.run("build", "newborn-tremor", "--brand", "riverside").exit_code == 0
    finally:
        os.umask(old)
    mode = stat.S_IMODE(project.pdf("riverside", "newborn-tremor").stat().st_mode)
    assert mode == 0o644


def test_leftovers_of_a_killed_build_are_removed_by_the_next(project: ProjectCopy) -> None:
    folder = project.path("output/riverside/en")
    folder.mkdir(parents=True)
    leftover = folder / ".newborn-tremor--under-1-month.pdf.ab12cd34.tmp"
    leftover.write_bytes(b"%PDF-1.4 half a file")
    mine = folder / "notes.tmp"  # not ours: kept
    mine.write_text("keep me")
    assert project.run("build", "newborn-tremor", "--brand", "riverside").exit_code == 0
    assert not leftover.exists() and mine.exists()
    for pdf in folder.glob("*.pdf"):
        assert len(pypdf.PdfReader(pdf).pages) >= 1


def test_a_killed_build_leaves_only_whole_pdfs_and_the_next_cleans_up(
        project: ProjectCopy) -> None:
    import random
    import signal
    import subprocess
    import sys
    import time

    command = [sys.executable, "-m", "handouts", "--project", str(project.root), "build",
               "-j", "1", "--force"]
    assert subprocess.run(command, capture_output=True).returncode == 0
    randomly = random.Random(20261202)
    for _ in range(3):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(randomly.uniform(1.0, 4.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        for pdf in project.path("output").rglob("*.pdf"):
            assert pypdf.PdfReader(pdf).pages, pdf  # the old file or the new one, whole
    assert subprocess.run(command, capture_output=True).returncode == 0
    assert not [p for p in project.path("output").rglob("*") if p.name.endswith(".tmp")]
    # 17 bands of 9 handouts x 2 brands
    assert len(list(project.path("output").rglob("*.pdf"))) == 34
