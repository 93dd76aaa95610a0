"""QR codes: a brand's qr_url pattern puts a scannable code of each handout's online
version, with its address printed under it, in the footer of sheets."""

from __future__ import annotations

import pypdf
import pypdfium2 as pdfium
import pytest
import zxingcpp
from conftest import ProjectCopy
from test_build import normalized
from test_errors import fails, line_of

RIVERSIDE = "data/brands/riverside.yaml"
PATTERN = "qr_url: https://riverside-clinic.example/h/{id}/{lang}"


def codes(pdf: pdfium.PdfDocument, page: int) -> list[str]:
    # 150 dpi, well below print resolution.
    image = pdf[page].render(scale=150 / 72).to_pil()
    return [code.text for code in zxingcpp.read_barcodes(image)
            if code.format == zxingcpp.BarcodeFormat.QRCode]


def test_every_sheet_page_carries_the_handout_address(built_catalog: ProjectCopy) -> None:
    for lang in ("en", "ru", "es"):
        path = built_catalog.pdf("riverside", "newborn-tremor", lang)
        pdf = pdfium.PdfDocument(path)
        address = f"https://riverside-clinic.example/h/newborn-tremor/{lang}"
        for page in range(len(pdf)):
            assert codes(pdf, page) == [address]
        # The address is printed under the code, for readers without a phone.
        for page in pypdf.PdfReader(path).pages:
            assert f"riverside-clinic.example/h/newborn-tremor/{lang}" in \
                normalized(page.extract_text())


def test_brands_without_a_pattern_and_cards_have_no_code(built_catalog: ProjectCopy) -> None:
    pdf = pdfium.PdfDocument(built_catalog.pdf("harbour", "newborn-tremor"))
    assert codes(pdf, 0) == []
    card = pdfium.PdfDocument(built_catalog.pdf("riverside", "infant-massage"))
    assert all(codes(card, side) == [] for side in range(len(card)))


@pytest.mark.parametrize("pattern, message", [
    ("https://riverside-clinic.example/h/{page}", "unknown field {page} in the QR address "
                                                   "pattern; it may use {id}"),
    ("https://riverside-clinic.example/h/latest", "the QR address pattern needs {id}"),
    ("riverside clinic/{id}", "'riverside clinic/{id}' is not a web address pattern"),
    ("https://riverside-clinic.example/h/{id", "is not a web address pattern"),
])
def test_invalid_patterns_are_brand_errors(project: ProjectCopy, pattern: str,
                                           message: str) -> None:
    project.edit(RIVERSIDE, PATTERN, f'qr_url: "{pattern}"')
    out = fails(project)
    line = line_of(project, RIVERSIDE, "qr_url:")
    assert f"riverside.yaml:{line}" in out and message in out
