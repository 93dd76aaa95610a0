"""The shipped Russian and Spanish catalogs: PDFs in the parent's language."""

from __future__ import annotations

import polib
import pypdf
import pytest
from conftest import REPO, ProjectCopy
from test_build import normalized, text_of

TRANSLATIONS = REPO / "data" / "translations"


def translation(locale: str, handout: str, msgid: str, context: str | None = None) -> str:
    po = polib.pofile(str(TRANSLATIONS / locale / f"{handout}.po"))
    entry = po.find(msgid, msgctxt=context or handout)
    assert entry is not None and entry.msgstr, f"{msgid!r} untranslated in {locale}"
    return entry.msgstr


@pytest.mark.parametrize("locale", ["ru", "es", "ar"])
def test_shipped_translations_are_complete(built_catalog: ProjectCopy, locale: str) -> None:
    for path in (TRANSLATIONS / locale).glob("*.po"):
        po = polib.pofile(str(path))
        assert not po.untranslated_entries() and not po.fuzzy_entries(), path.name
        assert po.metadata["X-Reviewed-By"] == "", "examples are marked not yet reviewed"


@pytest.mark.parametrize("locale", ["ru", "es"])
def test_pdf_text_is_the_translation(built_catalog: ProjectCopy, locale: str) -> None:
    pdf = built_catalog.pdf("riverside", "sleep-hygiene", lang=locale)
    text = normalized(text_of(pdf))
    for source in ("Sleep hygiene", "Babies (birth to 12 months)"):
        assert normalized(translation(locale, "sleep-hygiene", source)) in text
    heading = translation(locale, "sleep-hygiene", "Keep every sleep safe",
                          "sleep-hygiene/baby-safe-sleep")
    assert normalized(heading) in text
    assert "Keep every sleep safe" not in text and "Page 1 of" not in text
    page_of = translation(locale, "_interface", "Page {page} of {pages}", "page_of")
    assert page_of.format(page=1, pages=len(pypdf.PdfReader(pdf).pages)) in text
    unreviewed = translation(locale, "_interface", "Translation not yet reviewed.",
                             "translation_unreviewed")
    assert normalized(unreviewed) in text


@pytest.mark.parametrize("locale", ["ru", "es", "ar"])
def test_pdf_metadata_has_the_language_and_translated_title(built_catalog: ProjectCopy,
                                                           locale: str) -> None:
    reader = pypdf.PdfReader(built_catalog.pdf("harbour", "newborn-tremor", lang=locale))
    assert reader.trailer["/Root"]["/Lang"] == locale
    title = translation(locale, "newborn-tremor", "Newborn tremor: when to worry")
    assert reader.metadata.title.startswith(title)


@pytest.mark.parametrize(("locale", "date"), [("ru", "13.12.2026"), ("es", "13/12/2026")])
def test_dates_follow_the_locale(project: ProjectCopy, locale: str, date: str) -> None:
    result = project.run("build", "infant-massage", "--brand", "harbour", "--lang", locale,
                         "--born", "2026-11-01", "--on", "2026-11-10")
    assert result.exit_code == 0, result.output
    pdf = project.path(f"output/harbour/{locale}/infant-massage--under-6-weeks--dated.pdf")
    text = normalized(text_of(pdf))
    assert date in text  # date_at('6w') for a baby born on 1 November
    assert "911" in text  # the brand's emergency number, whatever the language


@pytest.mark.parametrize(("locale", "born", "words"), [
    ("ru", "2026-11-16", "5 дней"), ("ru", "2026-11-07", "2 недели"),
    ("ru", "2026-10-17", "5 недель"), ("ru", "2026-08-21", "3 месяца"),
    ("es", "2026-08-21", "3 meses"), ("es", "2026-11-20", "1 día")])
def test_ages_on_the_page_use_the_language_plural_rules(project: ProjectCopy, locale: str,
                                                          born: str, words: str) -> None:
    result = project.run("build", "newborn-tremor", "--brand", "riverside", "--lang", locale,
                         "--born", born, "--on", "2026-11-21")
    assert result.exit_code == 0, result.output
    pdf = next(project.path(f"output/riverside/{locale}").glob("*--dated.pdf"))
    chosen = translation(locale, "_interface", "Chosen for this child: {age}.", "chosen_for")
    assert normalized(chosen.split("{age}")[0]) in normalized(text_of(pdf))
    assert f" {words}" in normalized(text_of(pdf))


def test_spanish_sheet_for_a_us_clinic_is_letter_with_911(built_catalog: ProjectCopy) -> None:
    pdf = built_catalog.pdf("harbour", "newborn-tremor", lang="es")
    box = pypdf.PdfReader(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert "911" in normalized(text_of(pdf)) and "999" not in normalized(text_of(pdf))


def test_regional_spanish_needs_its_own_handout_text(project: ProjectCopy) -> None:
    result = project.run("build", "sleep-hygiene", "--lang", "es-MX")
    assert result.exit_code == 1
    assert "has no translation into 'es-MX'" in result.output



def test_every_example_pdf_fits_two_pages_in_every_language(
        built_catalog: ProjectCopy) -> None:
    pdfs = sorted(built_catalog.path("output").rglob("*.pdf"))
    assert len(pdfs) == 340  # 17 bands of 9 handouts x 2 brands x 10 languages
    too_long = [str(p.relative_to(built_catalog.path("output"))) for p in pdfs
                if len(pypdf.PdfReader(p).pages) > 2]
    assert not too_long
