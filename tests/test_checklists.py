"""Checklists: tick boxes, lines to write on, and PDF forms with --fillable."""

from __future__ import annotations

import io
from collections import Counter

import pikepdf
import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from conftest import ProjectCopy
from test_build import normalized, text_of
from test_errors import fails, line_of

# Checklist items in data/handouts/going-home.yaml: feeding 3, safe-sleep 1, check-ups 3,
# who-to-call 3 (the shared safe-sleep rules it prints are bullets, not tick boxes).
GOING_HOME_ITEMS = 10


def fillable(project: ProjectCopy, handout: str = "going-home") -> pypdf.PdfReader:
    result = project.run("build", handout, "--brand", "riverside", "--fillable")
    assert result.exit_code == 0, result.output
    path = project.path(f"output/riverside/en/{handout}--fillable.pdf")
    return pypdf.PdfReader(path)


def test_checklist_prints_name_and_date_lines_and_write_in_labels(
        built_catalog: ProjectCopy) -> None:
    text = normalized(text_of(built_catalog.pdf("riverside", "going-home")))
    assert "Child’s name" in text and "Date" in text
    # "Your baby's first check-up is booked." asks for a date and a time.
    assert "first check-up is booked. Date Time" in text
    assert "gone through this list with you. Initials" in text
    # Printed for pen and paper: no form fields.
    assert not pypdf.PdfReader(built_catalog.pdf("riverside", "going-home")).get_fields()


def test_write_in_labels_are_translated(built_catalog: ProjectCopy) -> None:
    text = normalized(text_of(built_catalog.pdf("harbour", "going-home", "ru")))
    assert "Имя ребёнка" in text and "Дата Время" in text and "Подпись" in text
    text = normalized(text_of(built_catalog.pdf("harbour", "bedtime-routine", "es", "child")))
    assert "Hora" in text


def test_fillable_form_has_named_boxes_and_text_fields(project: ProjectCopy) -> None:
    fields = fillable(project).get_fields()
    assert fields is not None
    kinds = {name: str(field.get("/FT")) for name, field in fields.items()}
    assert kinds["child-name"] == "/Tx" and kinds["date"] == "/Tx"
    assert kinds["feeding-1"] == "/Btn" and kinds["who-to-call-3"] == "/Btn"
    assert kinds["check-ups-1-date"] == "/Tx" and kinds["check-ups-1-time"] == "/Tx"
    assert kinds["check-ups-3-initials"] == "/Tx"
    boxes = [name for name, kind in kinds.items() if kind == "/Btn"]
    assert len(boxes) == GOING_HOME_ITEMS
    assert all(str(fields[name].get("/V")) == "/Off" for name in boxes)


def test_ticking_a_box_and_filling_a_field_keeps_the_file_valid(project: ProjectCopy) -> None:
    reader = fillable(project)
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.set_need_appearances_writer(True)
    for page in writer.pages:
        writer.update_page_form_field_values(
            page, {"feeding-1": "/Yes", "child-name": "Amira", "check-ups-1-date": "3 Dec"},
            auto_regenerate=False)
    saved = io.BytesIO()
    writer.write(saved)
    again = pypdf.PdfReader(io.BytesIO(saved.getvalue()), strict=True)
    fields = again.get_fields()
    assert str(fields["feeding-1"]["/V"]) == "/Yes"
    assert str(fields["feeding-2"]["/V"]) == "/Off"
    assert fields["child-name"]["/V"] == "Amira"
    document = pdfium.PdfDocument(saved.getvalue())
    document.init_forms()
    assert len(document) == len(reader.pages)
    for page in document:
        page.render(scale=0.5, may_draw_forms=True)  # renders without error


def test_fillable_version_sits_beside_the_printed_one_and_skips_other_kinds(
        project: ProjectCopy) -> None:
    result = project.run("build", "--brand", "riverside", "--fillable")
    assert result.exit_code == 0, result.output
    assert "skipped (not a handout with tick boxes): crying-and-coping, infant-massage, " \
           "jaundice, newborn-tremor, sleep-hygiene" in result.output
    built = sorted(p.name for p in project.path("output/riverside/en").glob("*.pdf"))
    assert built == ["bedtime-routine--baby--fillable.pdf", "bedtime-routine--child--fillable.pdf",
                     "before-massage--fillable.pdf", "feeding-and-nappies--fillable.pdf",
                     "going-home--fillable.pdf"]


def test_fillable_needs_a_handout_with_tick_boxes(project: ProjectCopy) -> None:
    output = fails(project, "build", "newborn-tremor", "--fillable")
    assert "none of the selected handouts (newborn-tremor) is a handout with tick boxes" \
        in output


def test_write_is_only_for_checklist_items(project: ProjectCopy) -> None:
    project.edit("data/handouts/sleep-hygiene.yaml",
                 "          - Keep the same bedtime and wake time every day, weekends too.\n",
                 "          - text: Keep the same bedtime and wake time every day, weekends too.\n"
                 "            write: [date]\n")
    output = fails(project)
    # The error points at the list the item is in: the line before the item.
    line = line_of(project, "data/handouts/sleep-hygiene.yaml", "Keep the same bedtime") - 1
    assert f"sleep-hygiene.yaml:{line}" in output
    assert "'write' (room to write by hand) is only for checklist items" in output


def test_unknown_write_in_lists_the_choices(project: ProjectCopy) -> None:
    project.edit("data/handouts/going-home.yaml", "write: [initials]", "write: [signature]")
    output = fails(project)
    line = line_of(project, "data/handouts/going-home.yaml", "write: [signature]")
    assert f"going-home.yaml:{line}" in output
    assert "expected one of date, time, initials, note; found the text 'signature'" in output


# A name or a note as someone would type it, in each script the catalog prints.
TYPED = {"en": "Amira Jones", "ru": "Мария Иванова", "es": "Begoña Núñez",
         "ar": "مريم أحمد", "fa": "مریم کاظمی", "ur": "مریم بیگ ٹھاکر",
         "hi": "प्रिया शर्मा", "bn": "প্রিয়া রায়", "th": "สมชาย ใจดี", "fr": "Zoé Lefèvre"}


def test_text_typed_into_a_form_shows_in_the_documents_own_embedded_font(
        project: ProjectCopy) -> None:
    """pypdf fills a field the way a viewer does (an appearance drawn in the field's DA
    font) and PDFium reads the filled page: the letters come out in every script,
    because the field's font is the document's own, embedded whole (ReportLab's
    Helvetica has only Latin letters and is not embedded)."""
    langs = [arg for lang in TYPED for arg in ("--lang", lang)]
    result = project.run("build", "going-home", "--brand", "riverside", "--fillable", *langs)
    assert result.exit_code == 0, result.output
    for lang, typed in TYPED.items():
        path = project.path(f"output/riverside/{lang}/going-home--fillable.pdf")
        with pikepdf.open(path) as pdf:
            fonts = {str(font.get("/BaseFont")): font
                     for font in pdf.Root.AcroForm.DR.Font.values()}
            assert len(fonts) == 1 and "Helvetica" not in str(fonts)
            (font,) = fonts.values()
            assert "/FontFile2" in font.DescendantFonts[0].FontDescriptor
        writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(path))
        writer.update_page_form_field_values(writer.pages[0], {"child-name": typed},
                                             auto_regenerate=False)
        saved = io.BytesIO()
        writer.write(saved)
        document = pdfium.PdfDocument(saved.getvalue())
        page = document[0]
        before = page.get_textpage().get_text_range()
        assert pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) == \
            pdfium_c.FLATTEN_SUCCESS
        flattened = io.BytesIO()
        document.save(flattened)
        after = pdfium.PdfDocument(flattened.getvalue())[0].get_textpage().get_text_range()
        added = Counter(after.replace("\r\n", "")) - Counter(before.replace("\r\n", ""))
        # Every letter typed, none lost to "?" or an empty box. (pypdf draws the letters
        # one by one from the left: joining and ordering Arabic is the viewer's work.)
        assert added == Counter(typed), (lang, added)
