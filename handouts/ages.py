"""Ages: parsing ``6w``/``3m``/``1y``, calendar arithmetic, and corrected age.

An age boundary is a calendar step from the birth date: a baby reaches ``3m`` on the
same day of the month three months later (born 31 January: on 30 April; in a short
month the last day, as python-dateutil does it). Bands are half-open, ``[from, to)``:
on the day a baby turns 3 months, it belongs to the band that starts at ``3m``.

When only an age is given (``--age 6w``), there is no calendar to step through, so
ages are compared by their average length in days (a month is 30.4375 days).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from dateutil.relativedelta import relativedelta

AGE_RE = re.compile(r"^(\d{1,3})([dwmy])$")
AVERAGE_DAYS = {"d": 1.0, "w": 7.0, "m": 30.4375, "y": 365.25}
ADULT = "adult"
ADULT_YEARS = 18
TERM_WEEKS = 40
PRETERM_BEFORE_WEEKS = 37  # born before 37 weeks counts as premature
CORRECT_UNTIL = relativedelta(months=24)  # corrected age is used up to 24 months


@dataclass(frozen=True)
class Age:
    """A whole number of days, weeks, months or years (``adult`` is 18 years)."""

    amount: int
    unit: str  # d, w, m or y
    text: str  # as written, for messages

    @property
    def step(self) -> relativedelta:
        return {"d": relativedelta(days=self.amount), "w": relativedelta(weeks=self.amount),
                "m": relativedelta(months=self.amount),
                "y": relativedelta(years=self.amount)}[self.unit]

    @property
    def average_days(self) -> float:
        return self.amount * AVERAGE_DAYS[self.unit]

    @property
    def key(self) -> tuple[int, int]:
        """(months, days): equal keys mean the same boundary (12m == 1y, 2w == 14d)."""
        if self.unit in "my":
            return (self.amount * (12 if self.unit == "y" else 1), 0)
        return (0, self.amount * (7 if self.unit == "w" else 1))

    def reached_on(self, born: dt.date) -> dt.date:
        return born + self.step

    def __str__(self) -> str:
        return self.text


def parse_age(text: object) -> Age:
    """'6w' -> Age(6, 'w'). Raises ValueError with a message for people."""
    value = str(text).strip().lower() if text is not None else ""
    if value == ADULT:
        return Age(ADULT_YEARS, "y", ADULT)
    match = AGE_RE.match(value)
    if not match:
        raise ValueError(f"'{text}' is not an age; write a number and a unit, like 0d, 3w, "
                         "6w, 3m, 18m, 1y (d = days, w = weeks, m = months, y = years), "
                         "or 'adult'")
    return Age(int(match.group(1)), match.group(2), value)


def parse_gestation(text: str) -> int:
    """'33w' or '33w4d' -> days of gestation at birth, between 22 and 44 weeks."""
    match = re.fullmatch(r"(\d{1,2})w(?:(\d)d)?", text.strip().lower())
    if not match:
        raise ValueError(f"'{text}' is not a gestational age; write weeks like 33w, or "
                         "weeks and days like 33w4d")
    weeks, days = int(match.group(1)), int(match.group(2) or 0)
    if days > 6:
        raise ValueError(f"'{text}': days must be 0 to 6 (7 days make a week)")
    if not 22 <= weeks <= 44 or (weeks == 44 and days):
        raise ValueError(f"gestation at birth must be between 22 and 44 weeks, found {text}")
    return weeks * 7 + days


@dataclass(frozen=True)
class ChildAge:
    """How old a child is for choosing content, and the facts that explain it."""

    days: float  # the age used, in days
    corrected: bool
    actual_days: float
    given: Age | None = None  # the age as the user gave it (--age), if no birth date
    gestation_days: int | None = None
    note: str | None = None  # why no correction: "term", "actual-only" or "past-limit"
    counted_from: dt.date | None = None  # birth date, or due date for corrected age
    on: dt.date | None = None

    def reached(self, age: Age) -> bool:
        """Whether the child has reached ``age`` (the lower end of a band)."""
        if age.average_days == 0:
            return True
        if self.counted_from is not None and self.on is not None:
            return self.on >= age.reached_on(self.counted_from)
        return self.days >= age.average_days - 1e-9

    def date_at(self, age: Age) -> dt.date | None:
        """The day the child reaches ``age``, when there is a calendar to count on."""
        if self.counted_from is None or self.on is None:
            return None
        return age.reached_on(self.counted_from)


def child_age(*, age: Age | None = None, born: dt.date | None = None,
              on: dt.date | None = None, gestation_days: int | None = None,
              use_corrected: bool = False) -> ChildAge:
    """The age that selects content, from an age or a birth date, corrected if it applies.

    Corrected age (age counted from the due date, 40 weeks) is used for babies born
    before 37 weeks, for content that asks for it, until a corrected age of 24 months.
    """
    if (age is None) == (born is None):
        raise ValueError("give either an age or a birth date")
    if born is not None:
        on = on or dt.date.today()
        if born > on:
            raise ValueError(f"the birth date {born.isoformat()} is after {on.isoformat()}; "
                             "check the date (YYYY-MM-DD)")
        actual = float((on - born).days)
    else:
        assert age is not None
        actual = age.average_days
    plain = ChildAge(actual, False, actual, age, gestation_days, None, born, on)
    if gestation_days is None:
        return plain
    if gestation_days >= PRETERM_BEFORE_WEEKS * 7:
        return replace(plain, note="term")
    if not use_corrected:
        return replace(plain, note="actual-only")
    shift = TERM_WEEKS * 7 - gestation_days
    corrected = max(0.0, actual - shift)
    if born is not None:
        due = born + dt.timedelta(days=shift)
        past_limit = on is not None and on >= due + CORRECT_UNTIL
    else:
        due = None
        past_limit = corrected >= 24 * AVERAGE_DAYS["m"]
    if past_limit:
        return replace(plain, note="past-limit")
    return replace(plain, days=corrected, corrected=True, counted_from=due)
