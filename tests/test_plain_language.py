"""Plain-language gates: readability formulas against hand computation, and the
reading-level, long-sentence, jargon and contrast checks on real project files."""

from __future__ import annotations

import json
import re

import pypdf
import pytest
from conftest import ProjectCopy
from test_errors import fails, line_of
from test_quality import check

from handouts.quality.readability import LANGUAGES, TextStats, measure, spanish_syllables

SLEEP = "data/handouts/sleep-hygiene.yaml"
ADULT_TEXT = """\
          A sudden jerk as you drift off is a hypnic jerk (sleep start).
          It is common and harmless. Tiredness, stress and caffeine make it more likely."""
HARD_TEXT = """\
          Hypnagogic myoclonic contractions constitute physiological phenomena
          characteristically manifesting during transitional consciousness, particularly
          following considerable physical exertion or irregular circadian scheduling.
          Contributory determinants additionally encompass accumulated exhaustion,
          psychological pressure, excessive caffeinated beverage consumption and
          pharmacological stimulant administration preceding habitual retirement."""


# ---------------------------------------------------------------- formulas, by hand


def test_flesch_kincaid_grade_matches_hand_computation() -> None:
    # Call(1) your(1) doctor(2) if(1) your(1) baby(2) has(1) a(1) fever(2): 9 words, 12
    # syllables. Keep(1) your(1) baby(2) cool(1) and(1) give(1) plenty(2) of(1) fluids(1):
    # 9 words, 11 syllables. FK = 0.39 * 18/2 + 11.8 * 23/18 - 15.59 = 2.998
    text = "Call your doctor if your baby has a fever. Keep your baby cool and give " \
           "plenty of fluids."
    english = LANGUAGES["en"]
    stats = measure([text], english)
    assert stats == TextStats(sentences=2, words=18, syllables=23)
    assert english.formula.score(stats) == pytest.approx(2.998, abs=0.1)


def test_flesch_kincaid_grade_of_a_hard_sentence() -> None:
    # im-me-di-ate-ly con-tact e-mer-gen-cy ser-vi-ces if your ba-by stops breath-ing:
    # 9 words, 21 syllables. FK = 0.39 * 9 + 11.8 * 21/9 - 15.59 = 15.453
    text = "Immediately contact emergency services if your baby stops breathing."
    english = LANGUAGES["en"]
    assert english.formula.score(measure([text], english)) == pytest.approx(15.453, abs=0.1)


def test_fernandez_huerta_matches_hand_computation() -> None:
    # Lla-me al mé-di-co si su be-bé tie-ne fie-bre: 8 words, 14 syllables.
    # Man-ten-ga al be-bé fres-co y de-le lí-qui-dos: 7 words, 14 syllables.
    # FH = 206.84 - 60 * 28/15 - 1.02 * 15/2 = 87.19
    text = "Llame al médico si su bebé tiene fiebre. Mantenga al bebé fresco y dele " \
           "líquidos."
    spanish = LANGUAGES["es"]
    stats = measure([text], spanish)
    assert stats == TextStats(sentences=2, words=15, syllables=28)
    assert spanish.formula.score(stats) == pytest.approx(87.19, abs=0.1)
    assert spanish.formula.describe(spanish.formula.score(stats)) == \
        "Fernández-Huerta 87.2 (grade 5)"


def test_flesch_oborneva_matches_hand_computation() -> None:
    # По-зво-ни-те вра-чу се-год-ня: 3 words, 9 syllables (one per vowel).
    # 206.835 - 1.3 * 3 - 60.1 * 3 = 22.635, on Flesch's table: college graduate.
    russian = LANGUAGES["ru"]
    score = russian.formula.score(measure(["Позвоните врачу сегодня."], russian))
    assert score == pytest.approx(22.635, abs=0.1)
    assert russian.formula.grade(score) > 16


@pytest.mark.parametrize("word, syllables", [
    ("día", 2), ("aún", 2), ("río", 2), ("agua", 2), ("fiebre", 2), ("guerra", 2),
    ("pingüino", 3), ("hoy", 1), ("y", 1), ("aeropuerto", 5), ("continúa", 4),
    ("cuidado", 3), ("ahora", 3)])
def test_spanish_syllables_follow_diphthongs_and_hiatus(word: str, syllables: int) -> None:
    assert spanish_syllables(word) == syllables


def test_list_items_without_full_stop_are_sentences_and_decimals_do_not_split() -> None:
    stats = measure(["a temperature of 37.5 °C or more", "Call us."], LANGUAGES["en"])
    assert stats.sentences == 2


# ---------------------------------------------------------------- checks


def test_every_sheet_of_the_catalog_has_a_reading_level(project: ProjectCopy) -> None:
    project.edit("handouts.yaml", "  - en\n", "  - en\n  - ru\n  - es\n")
    code, out = check(project, "--format", "json")
    assert code == 0, out
    levels = json.loads(out)["reading_levels"]
    assert len(levels) == 3 * 17  # three languages, seventeen bands of nine handouts
    formulas = {level["locale"]: level["formula"] for level in levels}
    assert formulas == {"en": "Flesch-Kincaid grade", "es": "Fernández-Huerta",
                        "ru": "Flesch-Oborneva"}
    assert all(level["grade"] <= 8 for level in levels)
    assert all(level["grade"] <= 6 for level in levels if level["locale"] != "ru")
    code, out = check(project, "--readability")
    assert re.search(r"^sleep-hygiene +adult +ru +Flesch-Oborneva", out, re.MULTILINE)


def test_hard_text_is_a_reading_level_error_and_the_build_refuses(
        project: ProjectCopy) -> None:
    project.edit(SLEEP, ADULT_TEXT, HARD_TEXT)
    code, out = check(project)
    assert code == 1
    line = line_of(project, SLEEP, "Hypnagogic myoclonic") - 1  # the "- p: >-" line
    assert f"sleep-hygiene.yaml:{line}: reading-level: reads at grade " in out
    assert "(en, band 'adult'); the most is grade 8" in out
    assert "hardest sections: 'adult-jerks' (grade " in out
    assert "band 'baby'" not in out  # the hard section prints only for adults
    out = fails(project, "build", "sleep-hygiene")
    assert "reading-level" in out


def test_targets_come_from_config(project: ProjectCopy) -> None:
    project.edit("handouts.yaml", "  max_grade: 8\n  recommended_grade: 6\n",
                 "  max_grade: 8\n  recommended_grade: 2\n")
    code, out = check(project)
    assert code == 0, out
    assert "reading-level-recommended: reads at grade 4.0 (en, band 'adult'); grade 2 " \
           "is recommended" in out
    assert check(project, "--strict")[0] == 1


def test_sentence_over_20_words_is_a_warning(project: ProjectCopy) -> None:
    sentence = ("Most people jerk now and then as they fall asleep, and it does not mean "
                "that anything is wrong with their brain or nerves at all.")
    project.edit(SLEEP, ADULT_TEXT, f"          {sentence}")
    code, out = check(project)
    assert code == 0, out
    line = line_of(project, SLEEP, "Most people jerk")
    assert f"sleep-hygiene.yaml:{line}: long-sentence: a sentence of 26 words (en): " \
           f"\"{sentence}\"" in out


def test_glossary_word_is_flagged_unless_explained_in_brackets(project: ProjectCopy) -> None:
    project.edit(SLEEP, "It is common and harmless.",
                 "It is a kind of myoclonus. It is common and harmless.")
    code, out = check(project)
    line = line_of(project, SLEEP, "It is a kind of myoclonus.")
    assert f"sleep-hygiene.yaml:{line}: jargon: 'myoclonus' is a medical word (en); its " \
           "glossary says: jerks" in out
    assert "explain it in brackets where it first appears: 'myoclonus (jerks)'" in out
    project.edit(SLEEP, "a kind of myoclonus.", "a kind of myoclonus (jerks).")
    assert "jargon" not in check(project)[1]
    # The explanation may also come first, with the medical word in brackets.
    project.edit(SLEEP, "a kind of myoclonus (jerks).", "a kind of jerk (myoclonus).")
    assert "jargon" not in check(project)[1]


def test_an_own_glossary_and_its_errors(project: ProjectCopy) -> None:
    project.write("data/glossary/en.yaml", "terms:\n  caffein*: coffee, tea and cola\n")
    code, out = check(project)
    assert "jargon: 'caffeine' is a medical word (en); its glossary says: coffee, tea " \
           "and cola" in out
    project.write("data/glossary/en.yaml", "terms:\n  caffein*:\n  sids: cot death\n")
    code, out = check(project)
    assert code == 1 and "Traceback" not in out
    assert "glossary/en.yaml:2" in out


def test_faint_brand_colour_is_a_contrast_error(project: ProjectCopy) -> None:
    project.edit("data/brands/riverside.yaml", 'primary: "#0B5D6B"', 'primary: "#7FC8D3"')
    code, out = check(project)
    assert code == 1
    line = line_of(project, "data/brands/riverside.yaml", 'primary: "#7FC8D3"')
    assert f"riverside.yaml:{line}: contrast: headings: contrast 1.89:1 between #7FC8D3 " \
           "and #FFFFFF is too faint; WCAG AA needs 4.5:1" in out
    assert "clinic name on the header band: contrast 1.89:1" in out
    assert "try primary: \"#307F8B\" (same hue, 4.6:1 on the band)" in out
    assert "brand 'harbour'" not in out


def test_body_text_is_never_under_12_pt(built_catalog: ProjectCopy) -> None:
    # Smaller print is allowed only in the header band and the footer.
    pdfs = sorted((built_catalog.root / "output").glob("*/*/*.pdf"))
    assert len(pdfs) == 340  # 17 handout bands x 2 brands x 10 languages
    for pdf in pdfs:
        for number, page in enumerate(pypdf.PdfReader(pdf).pages, 1):
            height = float(page.mediabox.height)
            small: list[str] = []

            def visit(text: str, cm: list[float], tm: list[float], font: object,
                      size: float) -> None:
                y = tm[5] * cm[3] + cm[5]
                if text.strip() and size * tm[3] < 12 and 0.13 * height < y < 0.85 * height:
                    small.append(f"{size * tm[3]:.1f} pt: {text.strip()}")

            page.extract_text(visitor_text=visit)
            assert not small, f"{pdf.relative_to(built_catalog.root)} page {number}: {small}"
