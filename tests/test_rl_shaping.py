"""What handouts/backends/pdf/rl_shaping.py relies on in ReportLab. If a ReportLab release changes
any of it, these tests fail first, with a message that says where to look."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable

import pikepdf
import pypdf
import pypdfium2
from PIL import Image, ImageChops
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from handouts.backends.pdf import rl_shaping
from handouts.backends.pdf.shaped_text import ShapedParagraph
from handouts.backends.pdf.unicode_map import restore_private_use
from handouts.document.fonts import face_of, font_set

WORKAROUND = "handouts/backends/pdf/rl_shaping.py relies on ReportLab's shapeStr; see its docstring"
HINDI = ("पहले हफ़्तों में हल्का, तेज़ कांपना आम बात है। यह आमतौर पर 3 महीने तक "
         "ठीक हो जाता है। अगर हाथ या पैर को धीरे से पकड़ने पर कांपना नहीं रुकता, तो "
         "उसी दिन डॉक्टर को फ़ोन करें।")


def pdf_of(text: str, family: str, rtl: bool) -> bytes:
    fonts = font_set(family)
    style = ParagraphStyle("body", fontName=fonts.regular, fontSize=13, leading=20)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1).build([ShapedParagraph(text, style, rtl=rtl)])
    return buffer.getvalue()


def pdfium_text(pdf: bytes) -> str:
    page = pypdfium2.PdfDocument(pdf)[0]
    return " ".join(page.get_textpage().get_text_range().split())


def test_arabic_letters_are_joined_by_shaping() -> None:
    fonts = font_set("tajawal")
    word = "طفلكم"  # "your baby": five letters that join
    shaped = rl_shaping.shape(word, fonts.regular, 12)
    assert shaped.glyphs != word, WORKAROUND
    # Contextual forms come back as presentation forms, in visual (reversed) order.
    assert all("\ufe70" <= c <= "\ufeff" for c in shaped.glyphs), WORKAROUND
    assert unicodedata.normalize("NFKC", shaped.glyphs) == word[::-1], WORKAROUND
    assert not shaped.needs_actual_text


def test_devanagari_conjuncts_get_actual_text() -> None:
    fonts = font_set("hind")
    shaped = rl_shaping.shape("क्षमा", fonts.regular, 12)
    assert shaped.needs_actual_text, WORKAROUND  # the conjunct has no code point


def test_devanagari_paragraph_is_shaped_and_extracts_exactly() -> None:
    pdf = pdf_of(HINDI, "hind", rtl=False)
    assert pdfium_text(pdf) == HINDI, WORKAROUND
    assert b"/ActualText" in pypdf.PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data()
    # Shaped: the vowel sign of "कि" is drawn before (left of) its consonant.
    ki = rl_shaping.shape("कि", font_set("hind").regular, 12)
    assert len(ki.glyphs) == 2 and ki.glyphs[1] == "क", WORKAROUND


def test_arabic_paragraph_extracts_in_reading_order_with_pypdf_and_pdfium() -> None:
    sentence = ("اتصلوا بالطبيب في اليوم نفسه إذا لم تتوقف الرعشة عندما تمسكون ذراع "
                "طفلكم أو ساقه بلطف.")
    pdf = pdf_of(sentence, "tajawal", rtl=True)
    assert pdfium_text(pdf) == sentence
    extracted = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert unicodedata.normalize("NFKC", " ".join(extracted.split())) == sentence
    assert not any(0xE000 <= ord(c) <= 0xF8FF for c in pdfium_text(pdf) + extracted)


def test_a_bracket_mirrored_in_arabic_reads_as_written() -> None:
    fonts = font_set("tajawal")
    face = face_of(fonts.regular)
    shaped = rl_shaping.shape("(تتمة)", fonts.regular, 12)
    left, right = shaped.glyphs[0], shaped.glyphs[-1]
    # The page shows "(" at the left end, the glyph of the ")" that ends the phrase...
    assert face.charToGlyph[ord(left)] == face.charToGlyph[ord("(")], WORKAROUND
    assert face.charToGlyph[ord(right)] == face.charToGlyph[ord(")")], WORKAROUND
    # ...under a code of its own (TTFont.hbAddPrivate) that reads as ")".
    name = face.name.decode("latin-1")
    assert rl_shaping.private_use_text(name, left) == ")", WORKAROUND
    assert rl_shaping.private_use_text(name, right) == "(", WORKAROUND


# What extractors without a bidi algorithm of their own used to get wrong: a stop or a
# space at the end of a right-to-left run, numbers between words, mirrored brackets.
RIGHT_TO_LEFT_LINES = [
    "أمسكوا بلطف الذراع حتى تثبت. لا تضغطوا بقوة.",
    "الرضع من 3 إلى 6 أشهر",
    "افحصوا طفلكم ودونوا ما ترونه (تتمة)",
    "فصاعدا: 6 حفاضات مبللة وثقيلة أو أكثر.",
]
# pypdf takes guillemets for Latin letters: PDFium only.
GUILLEMETS = "الانتفاضة المفاجئة اسمها «نفضة النوم» (رعشة بداية النوم)."


def lines_pdf(lines: list[str], family: str = "tajawal") -> bytes:
    fonts = font_set(family)
    style = ParagraphStyle("body", fontName=fonts.regular, fontSize=13, leading=20)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1).build(
        [ShapedParagraph(line, style, rtl=True) for line in lines])
    return buffer.getvalue()


def pdf_with_restored_letters(data: bytes) -> bytes:
    """The PDF as the backend finishes it: private-use codes read as their letters."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        restore_private_use(pdf)
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def read_lines(text: str) -> list[str]:
    return [" ".join(unicodedata.normalize("NFKC", line).split())
            for line in text.splitlines() if line.strip()]


def test_pdfium_and_pypdf_read_right_to_left_lines_exactly() -> None:
    pdf = pdf_with_restored_letters(lines_pdf([*RIGHT_TO_LEFT_LINES, GUILLEMETS]))
    page = pypdfium2.PdfDocument(pdf)[0]
    assert read_lines(page.get_textpage().get_text_range()) == [
        *RIGHT_TO_LEFT_LINES, GUILLEMETS]
    pypdf_lines = read_lines(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    assert pypdf_lines[:len(RIGHT_TO_LEFT_LINES)] == RIGHT_TO_LEFT_LINES


# Words with ligatures that have no code point of their own (ٹر, ئے, نی, لی in IBM Plex
# Sans Arabic): pypdf used to read their letters backwards.
URDU_LINES = [
    "یہ پرچہ آپ کے ڈاکٹر یا نرس کے مشورے کی جگہ نہیں لے سکتا۔",
    "بچے کو آج الٹی یا دست نہیں ہوئے۔",
    "نشہ آور چیزیں یا نیند لانے والی دوائیں",
]
LIGATURE_WORDS = ["ڈاکٹر", "مشورے", "الٹی", "ہوئے۔", "چیزیں", "والی", "دوائیں"]


def test_pdfium_and_pypdf_read_urdu_ligatures_in_reading_order() -> None:
    pdf = pdf_with_restored_letters(lines_pdf(URDU_LINES, "ibm-plex-sans-arabic"))
    page = pypdfium2.PdfDocument(pdf)[0]
    assert read_lines(page.get_textpage().get_text_range()) == URDU_LINES
    # pypdf may lose the space before a ligature's word when what it read before was
    # left to right (here: the start of the page); README, "Reading right-to-left text".
    text = " ".join(read_lines(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()))
    for word in LIGATURE_WORDS:
        assert word in text


def test_pdfium_and_pypdf_read_a_word_whose_letters_the_font_spaces_apart() -> None:
    """IBM Plex Sans Arabic Bold sets "یں" after "ر" (which does not join) 0.12 em
    further right than the glyphs' widths: PDFium took that move for a space."""
    heading = "کس کو فون کریں"
    pdf = pdf_with_restored_letters(lines_pdf([f"<b>{heading}</b>"], "ibm-plex-sans-arabic"))
    assert read_lines(pypdfium2.PdfDocument(pdf)[0].get_textpage().get_text_range()) == [
        heading]
    assert read_lines(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()) == [heading]


# A tanween and a damma set high above their letters (ReportLab writes such a mark with
# a text rise, which PDFium read as another line).
PERSIAN_LINES = [
    "یک ساعت آرام پیش از خواب داشته باشید، مثلاً حمام و قصه.",
    "معمولاً تا ۳ ماهگی از بین می\u200cرود.",
]


def test_pdfium_and_pypdf_read_raised_marks_in_place() -> None:
    pdf = pdf_with_restored_letters(lines_pdf(PERSIAN_LINES, "ibm-plex-sans-arabic"))
    wanted = [line.replace("\u200c", " ") for line in PERSIAN_LINES]  # no glyph: a space
    assert read_lines(pypdfium2.PdfDocument(pdf)[0].get_textpage().get_text_range()) == wanted
    assert read_lines(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()) == wanted


def test_a_raised_mark_is_drawn_where_reportlab_would_draw_it() -> None:
    """Its outline against ReportLab's own drawing of the same glyphs, at 60 pt."""
    font = font_set("ibm-plex-sans-arabic").regular
    shaped = rl_shaping.shape("مثلاً", font, 60)
    assert any(piece.mark for piece in shaped.pieces), WORKAROUND

    def page(draw: Callable[[Canvas], None]) -> Image.Image:
        buffer = io.BytesIO()
        canv = Canvas(buffer, pagesize=(300, 120), invariant=1)
        draw(canv)
        canv.save()
        return pypdfium2.PdfDocument(buffer.getvalue())[0].render(scale=2).to_pil().convert("L")

    def reportlab(text: str) -> Callable[[Canvas], None]:
        def draw(canv: Canvas) -> None:
            drawn = canv.beginText(40, 40)
            drawn.setFont(font, 60)
            drawn.textOut(rl_shaping.shape(text, font, 60).glyphs)  # whole: a text rise
            canv.drawText(drawn)
        return draw

    ours = page(lambda canv: rl_shaping.draw(canv, 40, 40, shaped, font, 60))

    def differing(other: Image.Image) -> int:
        return sum(ImageChops.difference(ours, other).histogram()[97:])  # pixels > 96 apart

    assert differing(page(reportlab("مثلاً"))) < 20
    assert differing(page(reportlab("مثلا"))) > 200  # the tanween is drawn
