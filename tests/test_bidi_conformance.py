"""Right-to-left text against the Unicode Consortium's own conformance files
(BidiCharacterTest.txt and BidiTest.txt, from Debian's unicode-data): samples here;
``python tests/bidi_conformance.py`` runs them all (README has the figures)."""

from __future__ import annotations

import os

import icu
import pytest
from bidi_conformance import CHARACTER_TEST, CLASS_TEST, Case, cases, class_cases, displays, passes

from handouts.backends.pdf.bidi_text import _icu_levels, levels

# 64 nested bracket pairs, past BD16's stack of 63 (ICU-23513): no pairs at all.
BRACKET_STACK_OVERFLOW = "a" + "(" * 64 + "b" + ")" * 64


@pytest.fixture(scope="module")
def sample() -> list[Case]:
    if not CHARACTER_TEST.is_file() or not CLASS_TEST.is_file():
        reason = f"no {CHARACTER_TEST}: install Debian's unicode-data package (.ci/run does)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return list(cases(every=10))


def test_every_sampled_case_displays_as_the_file_says(sample: list[Case]) -> None:
    failed = [case.line for case in sample if not displays(case)]
    assert len(sample) > 9000 and not failed, failed[:10]


def test_levels_differ_from_the_file_only_where_icu_keeps_one_direction(
        sample: list[Case]) -> None:
    """ICU gives a text whose characters all run one way its paragraph's level rather
    than the embedding levels (its own conformance test allows it): same display."""
    failed = [case for case in sample if not passes(case)]
    assert all(displays(case) for case in failed)
    assert len(failed) <= 2


# Cases ICU 77 resolves wrongly and levels() corrects: (text, rtl, index, right level).
ICU_DEVIATIONS = {
    # ICU-23513: a PDI inside an override takes its direction (X6a).
    "isolates": ("\u202ea\u202ab\u202c\u2066c\u2069\u202ad\u202ce\u202c", None, 7, 1),
    # BD14, BD15: a bracket inside an override pairs with nothing.
    "brackets": ("\u202ba(b\u202c\u202e)", None, 6, 1),
    # N0: a nonspacing mark after a paired bracket takes its direction.
    "marks": ("a(b)\u0331", True, 4, 2),
}


@pytest.mark.parametrize("name", sorted(ICU_DEVIATIONS))
def test_levels_correct_an_icu_deviation(name: str) -> None:
    text, rtl, index, right = ICU_DEVIATIONS[name]
    assert levels(text, rtl)[index] == right


@pytest.mark.parametrize("name", sorted(ICU_DEVIATIONS))
def test_icu_still_deviates_or_the_workaround_goes(name: str) -> None:
    """Fails the day ICU is fixed: then remove the matching workaround in bidi_text."""
    text, rtl, index, right = ICU_DEVIATIONS[name]
    para = icu.Bidi.DEFAULT_LTR if rtl is None else int(rtl)
    assert _icu_levels(text, para)[index] != right, f"ICU fixed: drop the {name} workaround"


def test_brackets_past_the_stack_of_63_pair_with_nothing() -> None:
    if not CHARACTER_TEST.is_file():
        pytest.skip(f"no {CHARACTER_TEST}")
    case = next(case for case in cases() if case.text == BRACKET_STACK_OVERFLOW)
    assert passes(case)


def test_icu_still_overflows_the_bracket_stack() -> None:
    """Fails the day ICU applies BD16's limit (ICU-23513): then drop
    bidi_text._overflowing_brackets."""
    assert _icu_levels(BRACKET_STACK_OVERFLOW, 1) != levels(BRACKET_STACK_OVERFLOW, True)


def test_every_class_sequence_displays_as_the_file_says() -> None:
    """BidiTest.txt (class sequences, every paragraph direction): a fiftieth of its
    770,241 cases, in the order and direction the file gives."""
    if not CLASS_TEST.is_file():
        pytest.skip(f"no {CLASS_TEST}")
    sample = list(class_cases(every=50))
    failed = [case.line for case in sample if not displays(case)]
    assert len(sample) > 15000 and not failed, failed[:10]
