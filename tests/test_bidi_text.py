"""Line breaking and reordering of right-to-left text, on strings with a known visual
order (what a reader of Arabic sees from left to right on the page)."""

from __future__ import annotations

from handouts.backends.pdf import bidi_text
from handouts.document.islands import LRI, PDI, latin_islands

CALL = "اتصلوا"  # "call"
TODAY = "اليوم"  # "today"


def visual(text: str, rtl: bool = True) -> list[str]:
    """The pieces of a one-line paragraph, left to right, as the shaper receives them."""
    for start, end in reversed(latin_islands(text) if rtl else []):
        text = text[:start] + LRI + text[start:end] + PDI + text[end:]
    levels = bidi_text.levels(text, rtl)
    runs = bidi_text.visual_runs(text, levels, [0] * len(text), 0, len(text), int(rtl))
    return [bidi_text.run_text(text, run).strip() for run in runs
            if bidi_text.run_text(text, run).strip()]


def test_arabic_runs_right_to_left_and_latin_stays_left_to_right() -> None:
    text = f"{CALL} بـRiverside Family Clinic على 020 7946 0123 {TODAY}."
    # Read from the right: call, Riverside Family Clinic, on, the number, today.
    assert visual(text) == [f"{TODAY}.", "020 7946 0123", "على",
                            "Riverside Family Clinic", f"{CALL} بـ"]


def test_phone_number_keeps_its_digit_groups_in_order() -> None:
    assert "+44 20 7946 0000" in visual(f"{CALL} +44 20 7946 0000 {TODAY}")
    assert "(555) 010-2030" in visual(f"{CALL} (555) 010-2030 {TODAY}")
    # Without the isolation the bidi algorithm alone reverses the groups.
    plain = f"{CALL} 020 7946 0123"
    levels = bidi_text.levels(plain, True)
    runs = bidi_text.visual_runs(plain, levels, [0] * len(plain), 0, len(plain), 1)
    pieces = [bidi_text.run_text(plain, r).strip() for r in runs]
    assert [p for p in pieces if p][:3] == ["0123", "7946", "020"]


def test_temperature_unit_stays_after_its_number() -> None:
    assert visual("الحرارة 38 °C أو أكثر") == ["أو أكثر", "38 °C", "الحرارة"]


def test_a_range_reads_right_to_left_like_the_words_around_it() -> None:
    # "from 2 to 3 months": 2 is read first, so it is on the right.
    assert visual("من 2 إلى 3 أشهر") == ["أشهر", "3", "إلى", "2", "من"]


def test_brackets_around_a_number_open_towards_it() -> None:
    # "word (3)": read from the right, the bracket that opens is on the right of the 3
    # and must face it, so the page shows "(3) word" from the left.
    # The closing ")" alone is mirrored here; the opening one travels with the word and
    # HarfBuzz mirrors it when it shapes the run right to left.
    assert visual("كلمة (3)") == ["(", "3", "كلمة ("]
    # Brackets inside Arabic text stay in one right-to-left run, which HarfBuzz mirrors.
    assert visual("ارتفاع الحرارة (حمى)") == ["ارتفاع الحرارة (حمى)"]


def test_left_to_right_text_is_untouched() -> None:
    assert visual("Call 020 7946 0123 today", rtl=False) == ["Call 020 7946 0123 today"]


def test_lines_break_in_logical_order_and_each_line_is_reordered_alone() -> None:
    words = ["واحد", "اثنان", "ثلاثة", "أربعة"]  # one two three four
    text = " ".join(words)
    lines = bidi_text.break_lines(text, lambda a, b: float(b - a), 11, 1.0)
    assert [text[a:b] for a, b in lines] == ["واحد اثنان", "ثلاثة أربعة"]
    levels = bidi_text.levels(text, True)
    second = bidi_text.visual_runs(text, levels, [0] * len(text), *lines[1], 1)
    assert [bidi_text.run_text(text, r) for r in second] == ["ثلاثة أربعة"]


def test_a_phone_number_is_never_split_across_lines() -> None:
    text = f"{CALL} {LRI}020 7946 0123{PDI} {TODAY}"
    lines = bidi_text.break_lines(text, lambda a, b: float(b - a), 14, 1.0)
    assert [text[a:b].strip(LRI + PDI) for a, b in lines] == [CALL, "020 7946 0123", TODAY]


def test_direction_marks_are_not_drawn() -> None:
    date = "1\u200f/11\u200f/2027"  # Babel's Arabic date
    assert "\u200f" not in "".join(visual(f"المراجعة: {date}"))
