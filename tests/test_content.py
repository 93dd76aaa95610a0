"""The example catalog gives one answer per danger sign (../shared/CONTENT_GUIDE.md's
triage table), in every handout a parent may be given."""

from __future__ import annotations

import pytest
import yaml
from conftest import REPO, ProjectCopy
from test_build import normalized, text_of

FEVER = "is under 3 months old and has a temperature of 38 °C or higher"
# Every handout (and band) for babies under 3 months.
NEWBORN = [("going-home", None), ("feeding-and-nappies", None), ("jaundice", None),
           ("crying-and-coping", None), ("before-massage", None),
           ("newborn-tremor", "under-1-month"), ("newborn-tremor", "1-to-3-months"),
           ("infant-massage", "under-6-weeks"), ("infant-massage", "6-weeks-to-3-months"),
           ("sleep-hygiene", "baby"), ("bedtime-routine", "baby")]


@pytest.mark.parametrize(("handout", "band"), NEWBORN)
def test_a_fever_under_3_months_means_the_emergency_number_everywhere(
        built_catalog: ProjectCopy, handout: str, band: str | None) -> None:
    text = normalized(text_of(built_catalog.pdf("riverside", handout, band=band or "")))
    between = text[text.index("Call 999 now if your baby:"):text.index(FEVER)]
    # In the emergency box: no other box starts between its heading and the fever.
    assert not any(label in between for label in ("Call today", "Watch for", "Good to know"))


def test_the_fever_rule_leaves_out_babies_of_3_months_and_older(
        built_catalog: ProjectCopy) -> None:
    older = normalized(text_of(built_catalog.pdf("riverside", "newborn-tremor",
                                                 band="3-to-12-months")))
    assert FEVER not in older
    assert "your baby has a temperature of 38 °C or higher" in older  # same day


def test_a_us_clinic_prints_fahrenheit_too(built_catalog: ProjectCopy) -> None:
    text = normalized(text_of(built_catalog.pdf("harbour", "going-home")))
    assert "has a temperature of 38 °C (100.4 °F) or higher" in text
    assert "Out of hours: (555) 010-2099" in text


def test_every_sign_of_the_triage_table_is_used_and_answered_its_way(
        built_catalog: ProjectCopy) -> None:
    table = yaml.safe_load((REPO / "data/signs.yaml").read_text(encoding="utf-8"))["signs"]
    text = "".join(path.read_text(encoding="utf-8") for folder in ("handouts", "blocks")
                   for path in (REPO / "data" / folder).glob("*.yaml"))
    unused = [sign for sign in table if f"sign: {sign}\n" not in text]
    assert not unused
    result = built_catalog.run("check")
    assert "triage-consistency" not in result.output


def test_the_going_home_checklist_starts_with_what_needs_help(
        built_catalog: ProjectCopy) -> None:
    first = normalized(text_of(built_catalog.pdf("riverside", "going-home")))
    emergency, today, feeding = (first.index(word) for word in
                                 ("Emergency", "Call today", "Feeding"))
    assert emergency < today < feeding
    for sign in ("stops breathing for 20 seconds or more", "is floppy", FEVER,
                 "yellow skin or eyes in the first 24 hours", "fewer wet nappies",
                 "redness spreading from the cord"):
        assert sign in first
