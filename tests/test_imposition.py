"""Cards imposed on printer sheets: copies per sheet, cut marks, nothing clipped, backs
behind their fronts."""

from __future__ import annotations

import pypdf
import pypdfium2 as pdfium
import pytest
from conftest import ProjectCopy
from PIL import Image, ImageChops
from test_errors import fails

SCALE = 2  # pixels per point
MM = 72 / 25.4  # points
# Block differences of a slot and the single card. Measured: 32 for a correct slot
# (a sub-pixel offset, cut marks on its edge); 77 when one word is missing, 105 when a
# 5-point strip of the footer is.
MATCH = 50


def render(path, page: int) -> Image.Image:
    return pdfium.PdfDocument(path)[page].render(scale=SCALE).to_pil().convert("L")


def difference(a: Image.Image, b: Image.Image) -> int:
    """The largest grey-level difference between two renders, averaged over blocks of
    8 x 8 pixels so that sub-pixel placement does not count but a missing word does."""
    size = (a.width // 8, a.height // 8)
    box = Image.Resampling.BOX
    return ImageChops.difference(a.resize(size, box), b.resize(size, box)).getextrema()[1]


def impose(project: ProjectCopy, brand: str, layout: str) -> tuple:
    result = project.run("build", "infant-massage", "--brand", brand, "--age", "2m")
    assert result.exit_code == 0, result.output
    result = project.run("build", "infant-massage", "--brand", brand, "--age", "2m",
                         "--imposition", layout)
    assert result.exit_code == 0, result.output
    folder = project.path(f"output/{brand}/en")
    return (folder / "infant-massage--6-weeks-to-3-months.pdf",
            folder / f"infant-massage--6-weeks-to-3-months--{layout}.pdf")


@pytest.mark.parametrize(("brand", "layout", "copies", "paper"), [
    ("riverside", "4up", 4, (595.28, 841.89)), ("harbour", "2up", 2, (612, 792))])
def test_each_card_side_fills_a_sheet_with_copies_nothing_clipped(
        project: ProjectCopy, brand: str, layout: str, copies: int, paper: tuple) -> None:
    card, sheets = impose(project, brand, layout)
    reader = pypdf.PdfReader(sheets)
    assert len(reader.pages) == 2  # front and back of the two-sided card
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2),
                round(float(page.mediabox.height), 2)) == paper
    card_box = pypdf.PdfReader(card).pages[0].mediabox
    w, h = float(card_box.width) * SCALE, float(card_box.height) * SCALE
    sheet_w, sheet_h = paper[0] * SCALE, paper[1] * SCALE
    columns = 2 if layout == "4up" else 1
    rows = copies // columns
    left, top = (sheet_w - columns * w) / 2, (sheet_h - rows * h) / 2
    for side in (0, 1):
        single = render(card, side)
        sheet = render(sheets, side)
        for column in range(columns):
            for row in range(rows):
                # The back sheet is the front turned over: each back must be behind its
                # front, which in a centred grid is the mirrored slot.
                x = left + column * w if side == 0 else sheet_w - left - (column + 1) * w
                y = top + row * h
                slot = sheet.crop((round(x), round(y), round(x) + single.width,
                                   round(y) + single.height))
                assert difference(slot, single) <= MATCH, (side, column, row)
    assert "Infant massage rules" in reader.pages[0].extract_text()
    assert reader.metadata.title.startswith("Infant massage rules")


def test_cut_marks_are_printed_on_the_cut_lines(project: ProjectCopy) -> None:
    _, sheets = impose(project, "riverside", "4up")
    sheet = render(sheets, 0)

    def dark(x_mm: float, y_mm: float) -> bool:
        x, y = round(x_mm * MM * SCALE), round(y_mm * MM * SCALE)
        return min(sheet.getpixel((x + dx, y)) for dx in (-1, 0, 1)) < 128

    # The cut between the two columns (x = 105 mm) marked at the top and bottom edges,
    # the cut between the rows (y = 148.5 mm) at the left and right edges.
    assert dark(105, 6) and dark(105, 291)
    sideways = sheet.transpose(Image.Transpose.TRANSPOSE)
    y, x = round(148.5 * MM * SCALE), round(6 * MM * SCALE)
    assert min(sideways.getpixel((y + d, x)) for d in (-1, 0, 1)) < 128
    # ...and nowhere else in the white margin of a card.
    assert not dark(60, 6)


@pytest.mark.parametrize(("brand", "layout"), [("riverside", "4up"), ("harbour", "2up")])
def test_nothing_prints_within_5_mm_of_the_sheet_edge(project: ProjectCopy, brand: str,
                                                      layout: str) -> None:
    """Office printers cannot print closer: marks and card text stay clear of it."""
    _, sheets = impose(project, brand, layout)
    edge = int(4.9 * MM * SCALE)
    for side in (0, 1):
        sheet = render(sheets, side)
        w, h = sheet.size
        for strip in ((0, 0, edge, h), (w - edge, 0, w, h), (0, 0, w, edge),
                      (0, h - edge, w, h)):
            assert sheet.crop(strip).getextrema()[0] > 240, (side, strip)


def test_imposition_is_for_cards(project: ProjectCopy) -> None:
    output = fails(project, "build", "newborn-tremor", "--imposition", "4up")
    assert "none of the selected handouts (newborn-tremor) is a card" in output
