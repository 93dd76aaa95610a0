"""The fixed interface words printed around the content (labels, footer lines, ages).

The English text here is the source of the interface catalog (``_interface.pot``): each
field is one message, its name the msgctxt, its ``note`` the comment translators see.
The words of named things (a tone box's label, a write-in line's label) come from their
enums in ``names.py``. Counted words ("1 week", "5 weeks") are plural messages, so each
language uses its own plural rules.
"""

from __future__ import annotations

import dataclasses
import gettext
from dataclasses import dataclass, field
from typing import Any

from babel.numbers import format_decimal

from handouts.ages import Age, ChildAge
from handouts.locales import babel_locale, localized_digits
from handouts.names import Tone, WriteIn


def _word(text: str, note: str) -> Any:
    return field(default=text, metadata={"note": note})


@dataclass(frozen=True)
class Words:
    """Interface words of one locale; translations replace the English values."""

    call_now: str = _word("Call {number} now", "Under the emergency box. {number} is the "
                          "emergency number (e.g. 999): keep it.")
    out_of_hours: str = _word("Out of hours: {number}", "Beside the label of a 'call "
                              "today' box: where to call when the clinic is closed. "
                              "{number} is e.g. '111' or a nurse line: keep it.")
    page_of: str = _word("Page {page} of {pages}", "Footer.")
    version: str = _word("Version {version}", "Footer: version of the handout.")
    review_by: str = _word("Review by {date}", "Footer: when the clinic must check the "
                           "handout again. {date} is a date.")
    reviewed: str = _word("Reviewed {date}", "Footer: when the content was last reviewed.")
    phone: str = _word("Phone {phone}", "Header and footer: the clinic's phone number.")
    disclaimer: str = _word("This handout does not replace advice from your doctor or nurse.",
                            "Footer, every page.")
    sample: str = _word("Sample content, not clinically reviewed.",
                        "Footer of example handouts that no clinician has approved.")
    translation_unreviewed: str = _word(
        "Translation not yet reviewed.",
        "Footer of translations whose PO file names no reviewer yet.")
    review_overdue: str = _word(
        "Review overdue.", "Footer of a handout printed after its review date "
        "(with --allow-expired): it may be out of date.")
    draft_translation: str = _word(
        "Draft translation", "Large mark on every page of a handout printed with "
        "--allow-draft: some text is untranslated or needs checking.")
    draft_content: str = _word(
        "Draft", "Large mark on every page of a handout whose content is a draft (not "
        "approved), printed with --allow-draft.")
    qr_code: str = _word("QR code: {address}", "Read aloud by screen readers for the "
                         "QR code in the footer. {address} is the handout's web address.")
    web_index: str = _word("Patient handouts", "Title of the web page that lists every "
                           "handout in one language.")
    web_versions: str = _word("Choose the page for your child's age:", "Web page of a "
                              "handout with a version per age: above the list of ages.")
    web_print: str = _word("Print version (PDF)", "Web page of a handout: link to the PDF "
                           "to print.")
    desk_title: str = _word("Print for a patient", "Print desk (web page for ward staff): "
                            "its title.")
    desk_what: str = _word("What to print", "Print desk: label of the list of packs and "
                           "handouts.")
    desk_packs: str = _word("Packs", "Print desk: group of the list: several handouts "
                            "in one PDF.")
    desk_handouts: str = _word("Handouts", "Print desk: group of the list: single handouts.")
    desk_clinic: str = _word("Clinic", "Print desk: label of the list of clinics (brands).")
    desk_language: str = _word("Language", "Print desk: label of the list of languages.")
    desk_born: str = _word("Child's birth date", "Print desk: label of the date field.")
    desk_weeks: str = _word("Weeks of pregnancy at birth (only if born before 37 weeks)",
                            "Print desk: label of an optional number field.")
    desk_name: str = _word("Child's name (optional, printed on the cover)",
                           "Print desk: label of an optional text field.")
    desk_show: str = _word("Show what will print", "Print desk: the button that shows "
                           "the preview.")
    desk_open: str = _word("Open the PDF to print", "Print desk: the button that opens "
                           "the PDF, to print or save it.")
    desk_problem: str = _word("This cannot be printed yet:", "Print desk: above a list of "
                              "problems, e.g. a birth date in the future.")
    continued: str = _word("{label} (continued)", "Label of a box that goes on to the "
                           "next page. {label} is the box's label.")
    chosen_for: str = _word("Chosen for this child: {age}.",
                            "Under the title of a handout made for one child. {age} is "
                            "e.g. 'age 6 weeks'.")
    age_of: str = _word("{age} of age", "Stands for a date when no birth date is known, as "
                        "in 'Start no sooner than 3 weeks of age'. {age} is e.g. '3 weeks'.")
    age_actual: str = _word("age {age}", "{age} is e.g. '6 weeks'.")
    age_corrected: str = _word(
        "corrected age {corrected} (actual age {actual}, {born})",
        "Corrected age: the age counted from the due date, for babies born early. "
        "{born} is e.g. 'born at 32 weeks'.")
    born_at: str = _word("born at {weeks}", "{weeks} is the length of the pregnancy, "
                         "e.g. '32 weeks 4 days'.")
    weeks_and_days: str = _word("{weeks} {days}", "A length of pregnancy, e.g. '32 weeks 4 days'.")
    note_term: str = _word("({born}: no correction needed)",
                           "After the age, for a baby born at 37 weeks or later.")
    note_actual_only: str = _word("({born}; this handout uses actual age)",
                                  "After the age, when the handout ignores corrected age.")
    note_past_limit: str = _word(
        "({born}; past 24 months corrected, so actual age is used)",
        "After the age: corrected age is only used up to 24 months.")
    quotes: str = _word("\u201c\u201d\u2018\u2019",
                        "The four quotation marks of your language, with nothing between "
                        "them: opening and closing double, then opening and closing single. "
                        "Russian: \u00ab\u00bb\u201e\u201c; Spanish: "
                        "\u00ab\u00bb\u201c\u201d.")
    child_name: str = _word("Child\u2019s name", "Label of a line to write the child's name on, "
                            "at the top of a checklist.")
    contents: str = _word("Contents", "Heading of the list of handouts on a pack's cover.")
    prepared_for: str = _word("Prepared for {name}", "On a pack's cover, when it is made for "
                              "one child. {name} is the child's name.")
    born_on: str = _word("Born {date}", "On a pack's cover: the child's birth date.")
    printed_on: str = _word("Printed {date}", "On a pack's cover: the day it was printed.")
    blank_page: str = _word("This page is intentionally blank.",
                            "On an empty back page of a pack printed on both sides, so no "
                            "one thinks a page is missing.")
    locale: str = field(default="en", metadata={"translate": False})
    plurals: gettext.NullTranslations = field(default_factory=gettext.NullTranslations,
                                              compare=False, repr=False,
                                              metadata={"translate": False})
    named: dict[str, str] = field(default_factory=dict, compare=False, repr=False,
                                  metadata={"translate": False})  # by msgctxt

    def tone_label(self, tone: Tone) -> str:
        """The label of a tone box: 'Emergency', 'Call today'."""
        words = tone.words
        assert words is not None, f"tone '{tone}' is not a box"
        return self.named.get(tone.message_context, words.label)

    def write_label(self, kind: str) -> str:
        """The label of a write-in line: 'Date', 'Initials'."""
        write_in = WriteIn(kind)
        return self.named.get(write_in.message_context, write_in.label)

    def named_word(self, context: str) -> str | None:
        """A tone's or write-in's label by its msgctxt ('write_date'), or None."""
        word = next((w for w in named_words() if w.context == context), None)
        return None if word is None else self.named.get(context, word.text)

    def texts(self) -> list[str]:
        """Every word that may be printed, for the glyph check."""
        return [str(getattr(self, f.name)) for f in translatable_fields()] + [
            self.named.get(word.context, word.text) for word in named_words()]

    def number(self, value: int) -> str:
        return localized_digits(format_decimal(value, locale=babel_locale(self.locale),
                                               numbering_system="default"), self.locale)

    def duration(self, amount: int, unit: str) -> str:
        """'1 week', '5 weeks', '5 недель': the locale's plural rules."""
        singular, plural = DURATIONS[unit]
        return self.plurals.npgettext("duration", singular, plural, amount).format(
            count=self.number(amount))

    def age(self, age: Age) -> str:
        return self.duration(age.amount, age.unit)

    def age_in_days(self, days: float) -> str:
        """A friendly age: '4 days', '6 weeks', '5 months', '2 years'."""
        days = round(days)
        if days < 14:
            return self.duration(days, "d")
        if days < 13 * 7:
            return self.duration(days // 7, "w")
        months = int(days // 30.4375)
        if months < 24:
            return self.duration(months, "m")
        return self.duration(int(days // 365.25), "y")

    def explain(self, child: ChildAge) -> str:
        """Which age chose the content, e.g. 'corrected age 4 weeks (actual age 12 weeks,
        born at 32 weeks)'."""
        actual = (self.age(child.given) if child.given is not None
                  else self.age_in_days(child.actual_days))
        if child.gestation_days is None:
            return self.age_actual.format(age=actual)
        weeks, days = divmod(child.gestation_days, 7)
        length = self.duration(weeks, "w")
        if days:
            length = self.weeks_and_days.format(weeks=length, days=self.duration(days, "d"))
        born = self.born_at.format(weeks=length)
        if child.corrected:
            return self.age_corrected.format(corrected=self.age_in_days(child.days),
                                             actual=actual, born=born)
        assert child.note is not None  # set whenever gestation is known and age not corrected
        note = {"term": self.note_term, "actual-only": self.note_actual_only,
                "past-limit": self.note_past_limit}[child.note]
        return f"{self.age_actual.format(age=actual)} {note.format(born=born)}"

    def translated(self, values: dict[str, str], locale: str,
                   plurals: gettext.NullTranslations) -> Words:
        """These words in another locale; ``values`` by msgctxt."""
        fields = {f.name for f in translatable_fields()}
        return dataclasses.replace(
            self, locale=locale, plurals=plurals,
            named={k: v for k, v in values.items() if k not in fields},
            **{k: v for k, v in values.items() if k in fields})


DURATIONS = {"d": ("{count} day", "{count} days"), "w": ("{count} week", "{count} weeks"),
             "m": ("{count} month", "{count} months"), "y": ("{count} year", "{count} years")}


@dataclass(frozen=True)
class Word:
    """One interface message: its msgctxt, English text and note for translators."""

    context: str
    text: str
    note: str


def translatable_fields() -> list[dataclasses.Field[Any]]:
    return [f for f in dataclasses.fields(Words) if f.metadata.get("translate", True)]


def named_words() -> list[Word]:
    """The labels of tone boxes and write-in lines, from their enums."""
    return [Word(tone.message_context, words.label, words.note)
            for tone in Tone if (words := tone.words) is not None] + [
        Word(kind.message_context, kind.label, kind.note) for kind in WriteIn]


def interface_words() -> list[Word]:
    """Every single (not counted) interface word, in catalog order."""
    return named_words() + [Word(f.name, str(f.default), str(f.metadata["note"]))
                            for f in translatable_fields()]


ENGLISH = Words()
