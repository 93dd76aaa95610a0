"""Ages, bands and corrected age: the arithmetic a nurse relies on."""

from __future__ import annotations

import datetime as dt

import pytest

from handouts.ages import child_age, parse_age, parse_gestation
from handouts.document.render import date_at_function
from handouts.i18n.words import ENGLISH

D = dt.date


@pytest.mark.parametrize("text, days", [("0d", 0), ("3w", 21), ("6w", 42), ("3m", 91.3125),
                                        ("18m", 547.875), ("1y", 365.25), ("adult", 6574.5)])
def test_parse_age(text: str, days: float) -> None:
    assert parse_age(text).average_days == pytest.approx(days)


@pytest.mark.parametrize("text", ["6 weeks", "6", "w6", "-3m", "3q", "", "1.5m"])
def test_malformed_ages_say_how_to_write_them(text: str) -> None:
    with pytest.raises(ValueError, match="write a number and a unit, like 0d, 3w"):
        parse_age(text)


def test_same_boundary_in_other_units_is_equal() -> None:
    assert parse_age("12m").key == parse_age("1y").key
    assert parse_age("2w").key == parse_age("14d").key
    assert parse_age("4w").key != parse_age("1m").key


@pytest.mark.parametrize("born, age, reached", [
    (D(2026, 1, 31), "1m", D(2026, 2, 28)),   # month end: last day of a short month
    (D(2028, 1, 31), "1m", D(2028, 2, 29)),   # leap year February
    (D(2026, 1, 31), "3m", D(2026, 4, 30)),
    (D(2024, 2, 29), "1y", D(2025, 2, 28)),   # born on a leap day
    (D(2024, 2, 29), "4y", D(2028, 2, 29)),
    (D(2026, 10, 2), "6w", D(2026, 11, 13)),
])
def test_calendar_arithmetic(born: dt.date, age: str, reached: dt.date) -> None:
    assert parse_age(age).reached_on(born) == reached


def test_band_boundary_on_the_exact_day() -> None:
    born = D(2026, 1, 31)
    three_months = parse_age("3m")
    the_day_before = child_age(born=born, on=D(2026, 4, 29))
    on_the_day = child_age(born=born, on=D(2026, 4, 30))
    assert not the_day_before.reached(three_months)
    assert on_the_day.reached(three_months)


def test_corrected_age_born_at_32_weeks_and_12_weeks_old_is_4_weeks() -> None:
    child = child_age(age=parse_age("12w"), gestation_days=parse_gestation("32w"),
                      use_corrected=True)
    assert child.corrected and child.days == 28
    assert "corrected age 4 weeks" in ENGLISH.explain(child)
    assert "born at 32 weeks" in ENGLISH.explain(child)


def test_corrected_age_from_birth_date_counts_from_the_due_date() -> None:
    child = child_age(born=D(2026, 8, 1), on=D(2026, 10, 24),
                      gestation_days=parse_gestation("32w"), use_corrected=True)
    assert child.days == 28 and child.counted_from == D(2026, 9, 26)
    assert child.reached(parse_age("4w")) and not child.reached(parse_age("1m"))


def test_born_at_38_weeks_gets_no_correction() -> None:
    child = child_age(age=parse_age("12w"), gestation_days=parse_gestation("38w"),
                      use_corrected=True)
    assert not child.corrected and child.days == 84
    assert "no correction needed" in ENGLISH.explain(child)


def test_no_correction_after_24_months_corrected() -> None:
    child = child_age(born=D(2023, 8, 1), on=D(2026, 10, 24),
                      gestation_days=parse_gestation("28w"), use_corrected=True)
    assert not child.corrected
    assert "past 24 months corrected" in ENGLISH.explain(child)


def test_handouts_that_do_not_ask_for_it_use_actual_age() -> None:
    child = child_age(age=parse_age("12w"), gestation_days=parse_gestation("30w"),
                      use_corrected=False)
    assert not child.corrected and child.days == 84


@pytest.mark.parametrize("text, message", [
    ("21w", "between 22 and 44 weeks"), ("45w", "between 22 and 44 weeks"),
    ("33w9d", "days must be 0 to 6"), ("33 weeks", "write weeks like 33w"),
])
def test_gestation_errors(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_gestation(text)


def test_birth_date_in_the_future_is_an_error() -> None:
    with pytest.raises(ValueError, match="is after 2026-11-21"):
        child_age(born=D(2026, 12, 1), on=D(2026, 11, 21))


def test_date_at_prints_a_date_with_a_birth_date_and_words_without() -> None:
    child = child_age(born=D(2026, 10, 2), on=D(2026, 10, 20))
    assert date_at_function(child, ENGLISH, "en-GB")("6w") == "13/11/2026"
    assert date_at_function(child, ENGLISH, "en-US")("6w") == "11/13/2026"
    assert date_at_function(None, ENGLISH, "en-GB")("6w") == "6 weeks of age"
