"""Pages worth the paper: small print a parent can read (body text: test_plain_language), no nearly empty last pages,
sections that say they go on, and Arabic as bold and as clear as Latin."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from conftest import ProjectCopy
from test_build import normalized

DISCLAIMER = "This handout does not replace advice from your doctor or nurse."


@dataclass(frozen=True)
class Run:
    """Consecutive characters of one size and font on one line."""

    text: str
    size: float
    font: str
    top: float  # the baseline, as a share of the page height from the top edge


def runs(path: Path) -> Iterator[tuple[int, Run]]:
    """(page number, run) for the text of every page, as PDFium reads it."""
    for number, page in enumerate(pdfium.PdfDocument(path), start=1):
        height = page.get_size()[1]
        text_page = page.get_textpage()
        current: list[str] = []
        key: tuple[float, str, int] | None = None
        buffer = ctypes.create_string_buffer(128)
        for index in range(text_page.count_chars()):
            char = chr(raw.FPDFText_GetUnicode(text_page.raw, index))
            if raw.FPDFText_IsGenerated(text_page.raw, index) or not char.strip():
                continue
            size = round(raw.FPDFText_GetFontSize(text_page.raw, index), 1)
            raw.FPDFText_GetFontInfo(text_page.raw, index, buffer, 128, None)
            x, y = ctypes.c_double(), ctypes.c_double()
            raw.FPDFText_GetCharOrigin(text_page.raw, index, x, y)  # on the baseline
            this = (size, buffer.value.decode(), round(y.value))
            if key is not None and this != key:
                yield number, Run("".join(current), key[0], key[1], 1 - key[2] / height)
                current = []
            key = this
            current.append(char)
        if key is not None:
            yield number, Run("".join(current), key[0], key[1], 1 - key[2] / height)


def example_pdfs(catalog: ProjectCopy) -> list[Path]:
    return sorted(catalog.path("output").rglob("*.pdf"))


def test_small_print_is_readable(built_catalog: ProjectCopy) -> None:
    """The safety line at least 9 pt, nothing on a page under 7 pt (the QR code's
    address included)."""
    english = [p for p in example_pdfs(built_catalog) if p.parent.name == "en"]
    for path in example_pdfs(built_catalog):
        found = list(runs(path))
        assert min(run.size for _, run in found) >= 7, path
        if path in english:
            disclaimer = [run for _, run in found if run.text == DISCLAIMER.replace(" ", "")]
            assert disclaimer and min(run.size for run in disclaimer) >= 9, path


def test_arabic_prints_bold_where_latin_does(built_catalog: ProjectCopy) -> None:
    path = built_catalog.pdf("riverside", "going-home", lang="ar")
    bold = {run.text for _, run in runs(path) if "bold" in run.font.lower()}
    assert any("2" in text and "1" in text for text in bold), bold  # "Page 1 of 2"
    assert any("Riverside" in text for text in bold)  # the clinic in the header band


def test_the_example_catalog_passes_check_strict(built_catalog: ProjectCopy) -> None:
    """No finding at all in any language: no nearly empty last page, no sign answered
    two ways, no unreadable sheet."""
    result = built_catalog.run("check", "--strict")
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output


def test_a_nearly_empty_last_page_is_reported(project: ProjectCopy) -> None:
    # 21 more lines push the last lines of the crying sheet onto a third page (A4).
    project.edit("data/handouts/crying-and-coping.yaml",
                 "          - Get outside for a short walk with your baby.\n",
                 "          - Get outside for a short walk with your baby.\n"
                 + "".join(f"          - Test line {n}.\n" for n in range(21)))
    result = project.run("check")
    assert result.exit_code == 0, result.output  # a warning...
    assert "crying-and-coping.yaml: page-fill: page 3 of 3 is only " in result.output
    assert "% full (brand 'riverside', language 'en')" in result.output
    assert "hint: shorten the text so it fits 2 pages" in result.output
    assert project.run("check", "--strict").exit_code == 1  # ...that --strict refuses


def test_a_sheet_is_set_tighter_rather_than_leave_most_of_a_page_empty(
        built_catalog: ProjectCopy) -> None:
    """The Urdu children's sleep sheet ran a box onto a second page that it left mostly
    empty; with less room between blocks it fits one page."""
    pdf = pdfium.PdfDocument(built_catalog.pdf("riverside", "sleep-hygiene", lang="ur",
                                               band="child"))
    assert len(pdf) == 1


def test_a_section_split_across_pages_repeats_its_heading(project: ProjectCopy) -> None:
    project.edit("data/handouts/crying-and-coping.yaml",
                 "          - Try a quiet, dim room, or a walk outside in the pram.\n",
                 "          - Try a quiet, dim room, or a walk outside in the pram.\n"
                 + "".join(f"          - Test soothing idea number {n}.\n" for n in range(30)))
    result = project.run("build", "crying-and-coping", "--brand", "riverside")
    assert result.exit_code == 0, result.output
    pages = [normalized(page.get_textpage().get_text_range())
             for page in pdfium.PdfDocument(project.path(
                 "output/riverside/en/crying-and-coping.pdf"))]
    assert "What can calm your baby?" in pages[0]
    assert "What can calm your baby? (continued)" in pages[1]
    assert "(continued)" not in pages[0]


# One age in each band of the example handouts, and a language of each script.
DATED = [("newborn-tremor", "2w"), ("newborn-tremor", "6w"), ("newborn-tremor", "5m"),
         ("infant-massage", "2w"), ("infant-massage", "8w"), ("infant-massage", "4m"),
         ("infant-massage", "8m"), ("sleep-hygiene", "3m"), ("bedtime-routine", "3m")]


def test_a_dated_build_takes_no_more_pages_than_its_band(built_catalog: ProjectCopy,
                                                          tmp_path: Path) -> None:
    """Real dates and the "Chosen for this child" line must not push a sheet onto
    another page."""
    import datetime as dt

    import pypdf

    on = dt.date(2026, 12, 2)
    for handout, age in DATED:
        number, unit = int(age[:-1]), age[-1]
        born = on - dt.timedelta(days=round(number * {"w": 7, "m": 30.44}[unit]))
        for brand, lang in (("harbour", "es"), ("riverside", "ar"), ("harbour", "en")):
            result = built_catalog.run("build", handout, "--brand", brand, "--lang", lang,
                                       "--born", born.isoformat(), "--on", on.isoformat(),
                                       "--out", str(tmp_path))
            assert result.exit_code == 0, result.output
            dated = next((tmp_path / brand / lang).glob(f"{handout}--*--dated.pdf"))
            band = built_catalog.path(f"output/{brand}/{lang}/"
                                      f"{dated.name.replace('--dated', '')}")
            assert len(pypdf.PdfReader(dated).pages) == len(pypdf.PdfReader(band).pages), \
                (handout, age, brand, lang)
            dated.unlink()
