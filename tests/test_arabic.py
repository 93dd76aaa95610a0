"""The Arabic example sheets: the real words come back out of the PDF, and the page is
laid out for a right-to-left reader."""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from pathlib import Path

import pypdf
import pypdfium2
import pytest
from conftest import ProjectCopy
from test_locales import translation

from handouts.i18n.words import Words
from handouts.locales import format_day

sys.path.append(str(Path(__file__).resolve().parents[1] / "scripts"))
import rtl_extraction  # noqa: E402

PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
MARGIN = 15 * 72 / 25.4  # sheet margin, points


def pdfium_pages(path) -> list[pypdfium2.PdfTextPage]:
    return [page.get_textpage() for page in pypdfium2.PdfDocument(path)]


def pdfium_text(path) -> str:
    return " ".join(" ".join(t.get_text_range() for t in pdfium_pages(path)).split())


def pypdf_words(path) -> list[str]:
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text))


def contains(words: list[str], sentence: str) -> bool:
    wanted = re.findall(r"\w+", sentence)
    return any(words[i:i + len(wanted)] == wanted for i in range(len(words)))


def sentences(locale: str, handout: str) -> list[str]:
    title = translation(locale, handout, "Newborn tremor: when to worry")
    summary = translation(locale, handout, "Fine, fast shaking is common in the first "
                          "weeks. It usually fades by 3 months. Learn what is normal at "
                          "your baby's age, and when to get help.")
    return [title, *[s.strip() + "." for s in summary.split(".") if s.strip()]]


def test_pdfium_extracts_the_arabic_sentences_in_reading_order(
        built_catalog: ProjectCopy) -> None:
    text = pdfium_text(built_catalog.pdf("riverside", "newborn-tremor", lang="ar"))
    for sentence in sentences("ar", "newborn-tremor"):
        assert " ".join(sentence.split()) in text


def test_pypdf_extracts_the_words_in_reading_order(built_catalog: ProjectCopy) -> None:
    pdf = built_catalog.pdf("harbour", "newborn-tremor", lang="ar")
    words = pypdf_words(pdf)
    for sentence in sentences("ar", "newborn-tremor"):
        assert contains(words, sentence), sentence
    # The Latin clinic name and phone number inside the Arabic read left to right.
    assert contains(words, "Harbor Children") and contains(words, "555 010 2030")


def test_pdfium_and_pypdf_read_the_arabic_catalog_in_reading_order(
        built_catalog: ProjectCopy) -> None:
    """Without the structure tree, at least 98 % of the printed sentences come back
    exactly, in reading order (scripts/rtl_extraction.py; README has the figures)."""
    found = rtl_extraction.measure(built_catalog.root, "ar")
    for reader in ("PDFium (pypdfium2)", "pypdf"):
        hits, total = found[reader]
        assert total > 300 and hits >= 0.98 * total, (reader, hits, total)


def test_no_private_use_characters_in_any_arabic_pdf(built_catalog: ProjectCopy) -> None:
    pdfs = sorted(built_catalog.path("output").glob("*/ar/*.pdf"))
    assert len(pdfs) == 34  # 17 bands of 9 handouts x 2 brands
    for pdf in pdfs:
        text = pdfium_text(pdf) + " ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
        assert not PRIVATE_USE.search(text), pdf.name
        assert re.search("[\u0600-\u06ff]", text), pdf.name


def line_edges(path, page: int = 0) -> tuple[list[float], list[float], float]:
    """Left and right ends of the text runs in the body of a page (not header, footer)."""
    pdf = pypdfium2.PdfDocument(path)
    width, height = pdf[page].get_size()
    text = pdf[page].get_textpage()
    lefts, rights = [], []
    for i in range(text.count_rects()):
        left, bottom, right, top = text.get_rect(i)
        if 0.15 * height < bottom < 0.8 * height and top - bottom > 9:
            lefts.append(round(left, 1))
            rights.append(round(right, 1))
    return lefts, rights, width


@pytest.mark.parametrize("brand", ["riverside", "harbour"])
def test_arabic_lines_are_aligned_on_the_right_margin(built_catalog: ProjectCopy,
                                                      brand: str) -> None:
    lefts, rights, width = line_edges(built_catalog.pdf(brand, "newborn-tremor", lang="ar"))
    flush = [r for r in rights if abs(r - (width - MARGIN)) < 2.5]
    assert len(flush) >= 8, sorted(rights)[-12:]
    assert max(rights) < width - MARGIN + 1  # nothing over the margin
    # English, for contrast: flush on the left margin.
    lefts, _, _ = line_edges(built_catalog.pdf(brand, "newborn-tremor", lang="en"))
    assert len([x for x in lefts if abs(x - MARGIN) < 2.5]) >= 8


def test_page_is_mirrored(built_catalog: ProjectCopy) -> None:
    def where(path, needle: str) -> tuple[float, float]:
        page = pypdfium2.PdfDocument(path)[0]
        text = page.get_textpage()
        found = text.search(needle).get_next()
        assert found is not None, needle
        index, count = found
        boxes = [text.get_charbox(i) for i in range(index, index + count)]
        return min(b[0] for b in boxes) / page.get_size()[0], \
            max(b[2] for b in boxes) / page.get_size()[0]

    arabic = built_catalog.pdf("riverside", "going-home", lang="ar")
    english = built_catalog.pdf("riverside", "going-home", lang="en")
    page_of = translation("ar", "_interface", "Page {page} of {pages}", "page_of")
    # Page number: end of the footer line, so on the left in Arabic, the right in English.
    assert where(arabic, page_of.split("{")[0].strip())[1] < 0.5
    assert where(english, "Page 1 of")[0] > 0.5
    # Clinic name in the header: at the start of the line (right in Arabic).
    assert where(arabic, "Riverside Family Clinic")[0] > 0.5
    assert where(english, "Riverside Family Clinic")[1] < 0.5


def test_dates_and_numbers_use_the_locale_digits() -> None:
    day = dt.date(2026, 11, 22)
    assert format_day(day, "ar") == "22\u200f/11\u200f/2026"  # CLDR: Latin digits for ar
    assert format_day(day, "ar-EG") == "٢٢\u200f/١١\u200f/٢٠٢٦"  # Arabic-Indic in Egypt
    assert format_day(day, "fa") == "۲۰۲۶/۱۱/۲۲"
    # Page numbers ("Page 1 of 2") are numbers of the interface words.
    assert Words(locale="ar-EG").number(12) == "١٢"
    assert Words(locale="ar").number(12) == "12"
