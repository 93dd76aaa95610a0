"""Thai, written without spaces between words: lines break only where ICU's dictionary
finds a word boundary, never before a combining vowel or tone mark, and the text reads
back exactly."""

from __future__ import annotations

import unicodedata

import icu
from test_rl_shaping import pdf_of, pdfium_text

from handouts.backends.pdf import bidi_text, rl_shaping
from handouts.backends.pdf.shaped_text import LineSetter
from handouts.document.fonts import font_set

# "Fine, fast shaking is common in the first weeks. It usually goes away by 3 months.
# If the shaking does not stop when you gently hold the arm or leg, call the doctor the
# same day."
THAI = ("อาการสั่นเบาๆ และเร็วพบได้บ่อยในช่วงสัปดาห์แรก มักหายไปเองเมื่ออายุประมาณ 3 เดือน "
        "ถ้าอาการสั่นไม่หยุดเมื่อคุณจับแขนหรือขาของลูกเบาๆ ให้โทรหาแพทย์ในวันเดียวกัน")


def icu_boundaries(text: str) -> set[int]:
    breaker = icu.BreakIterator.createLineInstance(icu.Locale.getRoot())
    breaker.setText(icu.UnicodeString(text))
    return set(breaker)  # Thai is all in the Basic Multilingual Plane: offsets = indices


def test_thai_lines_break_only_at_word_boundaries() -> None:
    font = font_set("sarabun").regular

    def measure(start: int, end: int) -> float:
        return float(rl_shaping.shape(THAI[start:end], font, 13).width)

    lines = bidi_text.break_lines(THAI, measure, 160, 3.0)
    assert len(lines) >= 5  # it did wrap, and not only at the two spaces
    boundaries = icu_boundaries(THAI)
    for start, _ in lines[1:]:
        assert start in boundaries, THAI[start:start + 10]
        assert not unicodedata.category(THAI[start]).startswith("M")
    assert "".join(THAI[a:b] for a, b in lines).replace(" ", "") == THAI.replace(" ", "")


def test_a_thai_paragraph_is_shaped_and_extracts_exactly() -> None:
    text = pdfium_text(pdf_of(THAI, "sarabun", rtl=False))
    assert text.replace(" ", "") == THAI.replace(" ", "")


def test_joiners_are_not_missing_glyphs() -> None:
    """A zero-width non-joiner (Persian writes one inside many words) or joiner steers
    the shaper; the glyph check does not ask the font to draw it."""
    from handouts.document.fonts import missing_glyphs

    assert missing_glyphs("\u0641\u064a\u200c\u0627\u0644\u0628\u064a\u062a \u200d",
                          font_set("tajawal")) == []
    assert missing_glyphs("\u0e01\u200b\u0e02", font_set("sarabun")) == []


def test_a_word_after_latin_words_is_shaped_by_the_rules_of_its_own_script() -> None:
    """A Bengali footer starts with the clinic's Latin name: the Bengali word after it
    is its own run, so its two-part vowel sign is drawn around the consonant (shaped as
    Latin it showed a dotted circle)."""
    font = font_set("hind-siliguri").regular
    text = "Riverside Family Clinic · ফোন 020 7946 0123"
    (line,) = LineSetter(rtl=False, size=9).lines(text, [font] * 4, [0] * len(text), None)
    pieces = [piece.shaped for piece in sorted(line.pieces, key=lambda p: p.start)]
    assert [piece.text for piece in pieces] == ["Riverside Family Clinic · ",
                                                "ফোন 020 7946 0123"]
    assert pieces[1].glyphs == rl_shaping.shape("ফোন 020 7946 0123", font, 9).glyphs


def test_persian_digits_read_in_order_and_keep_their_unit() -> None:
    """Persian digits are of the Arabic script: the shaper, left to guess, laid "۲۰" out
    right to left and printed "۰۲". "۳۸ °C" reads left to right as one unit, as "38 °C"
    does in Arabic."""
    sentence = "اگر ۲۰ ثانیه نفس نکشد یا تبش ۳۸\u00a0°C است"
    text = pdfium_text(pdf_of(sentence, "ibm-plex-sans-arabic", rtl=True))
    assert "۲۰" in text and "۰۲" not in text
    font = font_set("ibm-plex-sans-arabic").regular
    (line,) = LineSetter(rtl=True, size=12).lines(sentence, [font] * 4,
                                                  [0] * len(sentence), None)
    left_to_right = [p.shaped.glyphs for p in sorted(line.pieces, key=lambda p: p.x)]
    number = next(i for i, glyphs in enumerate(left_to_right) if "۳" in glyphs)
    unit = next(i for i, glyphs in enumerate(left_to_right) if "C" in glyphs)
    assert number < unit
