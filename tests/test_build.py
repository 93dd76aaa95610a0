"""What a user gets from `handouts build`: the PDFs, their text, fonts and metadata."""

from __future__ import annotations

import hashlib

import pypdf
import pypdfium2 as pdfium
import pytest
from conftest import ProjectCopy

BRANDS = ("riverside", "harbour")


def text_of(path) -> str:
    reader = pypdf.PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages)


def normalized(text: str) -> str:
    return " ".join(text.split())


BANDS = {"newborn-tremor": ("under-1-month", "1-to-3-months", "3-to-12-months"),
         "infant-massage": ("under-6-weeks", "6-weeks-to-3-months", "3-to-6-months",
                            "6-to-12-months"),
         "sleep-hygiene": ("baby", "child", "adult")}


def test_build_makes_every_band_of_every_handout_for_every_brand(
        built_catalog: ProjectCopy) -> None:
    for brand in BRANDS:
        for handout, bands in BANDS.items():
            for band in bands:
                assert built_catalog.pdf(brand, handout, band=band).is_file()


def test_build_prints_one_line_per_file_and_a_summary(project: ProjectCopy) -> None:
    result = project.run("build", "newborn-tremor", "--brand", "riverside")
    assert result.exit_code == 0, result.output
    for band in BANDS["newborn-tremor"]:
        assert f"riverside/en/newborn-tremor--{band}.pdf  (2 pages)" in result.output
    assert "built 3 PDFs (6 pages)" in result.output


def test_title_headings_and_emergency_number_are_in_the_text(built_catalog: ProjectCopy) -> None:
    uk = normalized(text_of(built_catalog.pdf("riverside", "newborn-tremor")))
    us = normalized(text_of(built_catalog.pdf("harbour", "newborn-tremor")))
    assert "Newborn tremor: when to worry" in uk
    assert "Is this shaking normal?" in uk
    assert "Call 999 now" in uk and "999" in uk and "911" not in uk
    assert "Call 911 now" in us
    assert "Riverside Family Clinic" in uk and "020 7946 0123" in uk


def test_emergency_box_comes_first_on_a_sheet(built_catalog: ProjectCopy) -> None:
    first_page = pypdf.PdfReader(built_catalog.pdf("riverside", "newborn-tremor")).pages[0]
    text = normalized(first_page.extract_text())
    assert text.index("Emergency") < text.index("Is this shaking normal?")


def test_footer_has_id_version_review_date_pages_disclaimer_and_sample_line(
        built_catalog: ProjectCopy) -> None:
    reader = pypdf.PdfReader(built_catalog.pdf("riverside", "sleep-hygiene"))
    pages = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = normalized(page.extract_text())
        assert f"Page {number} of {pages}" in text
        # sleep-hygiene is at version 2 since the safe-sleep rewrite.
        assert "sleep-hygiene" in text and "Version 2" in text and "Review by 01/11/2027" in text
        assert "This handout does not replace advice from your doctor or nurse." in text
        assert "Sample content, not clinically reviewed." in text


def test_paper_size_follows_the_brand(built_catalog: ProjectCopy) -> None:
    a4 = pypdf.PdfReader(built_catalog.pdf("riverside", "sleep-hygiene")).pages[0].mediabox
    letter = pypdf.PdfReader(built_catalog.pdf("harbour", "sleep-hygiene")).pages[0].mediabox
    assert (round(a4.width), round(a4.height)) == (595, 842)
    assert (round(letter.width), round(letter.height)) == (612, 792)


def test_card_is_a_quarter_sheet_on_two_sides(built_catalog: ProjectCopy) -> None:
    a6 = pypdf.PdfReader(built_catalog.pdf("riverside", "infant-massage"))
    quarter_letter = pypdf.PdfReader(built_catalog.pdf("harbour", "infant-massage"))
    assert len(a6.pages) == 2 and len(quarter_letter.pages) == 2
    assert (round(a6.pages[0].mediabox.width), round(a6.pages[0].mediabox.height)) == (298, 420)
    assert (round(quarter_letter.pages[0].mediabox.width),
            round(quarter_letter.pages[0].mediabox.height)) == (306, 396)


def fonts_used_for_text(path) -> set[str]:
    """Base font names of every text object drawn on the pages (via PDFium)."""
    import ctypes
    names = set()
    for page in pdfium.PdfDocument(path):
        for obj in page.get_objects(max_depth=5):
            if obj.type == pdfium.raw.FPDF_PAGEOBJ_TEXT:
                buffer = ctypes.create_string_buffer(256)
                font = pdfium.raw.FPDFTextObj_GetFont(obj.raw)
                pdfium.raw.FPDFFont_GetBaseFontName(font, buffer, 256)
                names.add(buffer.value.decode())
    return names


def embedded_fonts(path) -> dict[str, bool]:
    """BaseFont name (without subset tag) -> whether its font file is embedded."""
    result = {}
    for page in pypdf.PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            else:
                descriptor = font.get("/FontDescriptor")
            name = str(font["/BaseFont"]).lstrip("/")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            result[name.split("+")[-1]] = embedded and "+" in name
    return result


def test_text_uses_only_embedded_subset_fonts_with_real_bold(built_catalog: ProjectCopy) -> None:
    path = built_catalog.pdf("riverside", "newborn-tremor")
    used = fonts_used_for_text(path)
    embedded = embedded_fonts(path)
    assert {"PTSans-Regular", "PTSans-Bold"} <= used, used
    for name in used:
        assert embedded.get(name), f"{name} is drawn but not embedded as a subset"


def test_metadata_title_author_subject_keywords_language(built_catalog: ProjectCopy) -> None:
    reader = pypdf.PdfReader(built_catalog.pdf("harbour", "newborn-tremor"))
    meta = reader.metadata
    assert meta.title == "Newborn tremor: when to worry \u2013 Babies under 1 month"
    assert meta.author == "Harbor Children's Health Center"
    assert meta.subject.startswith("Fine, fast shaking")
    assert "newborn-tremor" in meta["/Keywords"]
    assert str(reader.trailer["/Root"]["/Lang"]) == "en"


def test_same_inputs_give_identical_bytes(project: ProjectCopy, tmp_path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert project.run("build", "--out", str(first)).exit_code == 0
    assert project.run("build", "--out", str(second)).exit_code == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*.pdf"))
    # 17 age bands of 9 handouts (newborn-tremor 3, infant-massage 4, sleep-hygiene 3,
    # bedtime-routine 2, and one each for going-home, before-massage, jaundice,
    # feeding-and-nappies and crying-and-coping) x 2 brands
    assert len(files) == 34
    for relative in files:
        assert hashlib.sha256((first / relative).read_bytes()).digest() == \
            hashlib.sha256((second / relative).read_bytes()).digest(), relative


def test_pages_render_without_blank_or_empty_pages(built_catalog: ProjectCopy) -> None:
    for brand in BRANDS:
        for handout, band in ((h, b) for h, bands in BANDS.items() for b in bands):
            pdf = pdfium.PdfDocument(built_catalog.pdf(brand, handout, band=band))
            for index in range(len(pdf)):
                page = pdf[index]
                width, height = page.get_size()
                # The middle of every page carries content, not only header and footer.
                middle = page.get_textpage().get_text_bounded(
                    left=0, bottom=height * 0.25, right=width, top=height * 0.75)
                assert len(middle.split()) > 15, f"{brand}/{handout} page {index + 1} is empty"


def test_content_with_markup_characters_prints_literally_with_typographic_quotes(
        project: ProjectCopy) -> None:
    project.edit("data/handouts/sleep-hygiene.yaml", "title: Sleep hygiene",
                 'title: "Sleep <b>hygiene</b> & {braces} \\"quotes\\""')
    result = project.run("build", "sleep-hygiene", "--brand", "riverside")
    assert result.exit_code == 0, result.output
    text = normalized(text_of(project.pdf("riverside", "sleep-hygiene")))
    assert "Sleep <b>hygiene</b> & {braces} \u201cquotes\u201d" in text


def test_bold_and_italic_markdown_become_real_emphasis(project: ProjectCopy) -> None:
    project.edit("data/handouts/sleep-hygiene.yaml", "title: Sleep hygiene",
                 "title: Sleep **well** and *safely*")
    assert project.run("build", "sleep-hygiene", "--brand", "riverside").exit_code == 0
    text = normalized(text_of(project.pdf("riverside", "sleep-hygiene")))
    assert "Sleep well and safely" in text and "**" not in text


def test_checklist_items_print_with_empty_boxes(project: ProjectCopy) -> None:
    project.write("data/handouts/going-home.yaml", CHECKLIST)
    result = project.run("build", "going-home", "--brand", "riverside")
    assert result.exit_code == 0, result.output
    pdf = pdfium.PdfDocument(project.pdf("riverside", "going-home"))
    page = pdf[0]
    squares = [obj for obj in page.get_objects() if obj.type == pdfium.raw.FPDF_PAGEOBJ_PATH]
    text = normalized(text_of(project.pdf("riverside", "going-home")))
    assert "Car seat fitted" in text
    # Three checklist boxes plus the header/footer shapes.
    assert len(squares) >= 3


def test_images_png_and_svg_are_placed(project: ProjectCopy) -> None:
    from PIL import Image
    Image.new("RGB", (300, 200), "#336699").save(project.path("data/handouts/photo.png"))
    project.write("data/handouts/diagram.svg",
                  '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
                  '<rect width="200" height="100" fill="#cc3333"/></svg>')
    project.edit("data/handouts/sleep-hygiene.yaml", "      - p: >-\n",
                 "      - image: {src: photo.png, alt: A blue square, caption: A photo}\n"
                 "      - image: {src: diagram.svg, alt: A red box, width_mm: 40}\n"
                 "      - p: >-\n")
    result = project.run("build", "sleep-hygiene", "--brand", "riverside")
    assert result.exit_code == 0, result.output
    pdf = pdfium.PdfDocument(project.pdf("riverside", "sleep-hygiene"))
    assert any(obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE
               for page in pdf for obj in page.get_objects())
    assert "A photo" in text_of(project.pdf("riverside", "sleep-hygiene"))


def test_check_builds_nothing(project: ProjectCopy) -> None:
    result = project.run("check")
    assert result.exit_code == 0, result.output
    assert "34 PDFs checked" in result.output  # 17 bands of 9 handouts x 2 brands
    assert not list(project.path("output").rglob("*.pdf"))


def test_list_shows_handouts_brands_and_review_dates(project: ProjectCopy) -> None:
    result = project.run("list")
    assert result.exit_code == 0
    for expected in ("newborn-tremor", "card", "sample", "review by 2027-11-01",
                     "Riverside Family Clinic", "Letter", "emergency 911"):
        assert expected in result.output


def test_schema_is_json_schema_for_editors(project: ProjectCopy) -> None:
    import json
    result = project.run("schema")
    schema = json.loads(result.output)
    assert set(schema["required"]) >= {"id", "title", "sections", "next_review"}
    assert schema["additionalProperties"] is False
    brand = json.loads(project.run("schema", "brand").output)
    assert "emergency_number" in brand["properties"]


def test_init_copies_a_working_project_and_never_overwrites(tmp_path) -> None:
    from click.testing import CliRunner

    from handouts.cli import main
    target = tmp_path / "clinic"
    result = CliRunner().invoke(main, ["init", str(target)])
    assert result.exit_code == 0, result.output
    assert (target / "handouts.yaml").is_file()
    assert (target / "data/handouts/newborn-tremor.yaml").is_file()
    built = CliRunner().invoke(main, ["--project", str(target), "build", "--lang", "en",
                                      "--lang", "fa"])
    assert built.exit_code == 0, built.output
    (target / "handouts.yaml").write_text("# mine\n")
    again = CliRunner().invoke(main, ["init", str(target)])
    assert again.exit_code == 1
    assert "already exists" in again.output
    assert (target / "handouts.yaml").read_text() == "# mine\n"


def test_version_and_help() -> None:
    from click.testing import CliRunner

    from handouts.cli import main
    assert CliRunner().invoke(main, ["--version"]).output.startswith("handouts, version")
    for command in ("build", "check", "list", "schema", "init"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "Example" in result.output, command


CHECKLIST = """\
id: going-home
version: 1
kind: checklist
title: Going home with your baby
summary: Tick each item before you leave.
audience: Parents
status: sample
next_review: 2027-06-01
sources:
  - title: Test fixture
sections:
  - id: before-you-go
    heading: Before you go
    body:
      - checklist:
          - Car seat fitted
          - Feeding plan agreed
          - "Clinic number saved: {{ brand.phone }}"
"""


@pytest.mark.parametrize("brand", BRANDS)
def test_brands_look_different(built_catalog: ProjectCopy, brand: str) -> None:
    # Each brand's own name and phone are on its sheet, and not the other's.
    other = {"riverside": "Harbor Children's Health Center",
             "harbour": "Riverside Family Clinic"}[brand]
    text = text_of(built_catalog.pdf(brand, "sleep-hygiene"))
    assert other not in text


def test_example_bands_each_read_as_their_own_handout(built_catalog: ProjectCopy) -> None:
    def band_text(handout: str, band: str) -> str:
        return normalized(text_of(built_catalog.pdf("riverside", handout, band=band)))

    newborn = band_text("newborn-tremor", "under-1-month")
    older = band_text("newborn-tremor", "3-to-12-months")
    assert "When does it happen?" in newborn and "When does it happen?" not in older
    assert "Check and note what you see" in older and "Check and note" not in newborn
    assert "Babies 3 to 12 months" in older

    too_young = band_text("infant-massage", "under-6-weeks")
    six_months = band_text("infant-massage", "6-to-12-months")
    assert "Until then: hold and cuddle" in too_young
    assert "Not today if your baby" not in too_young and "Not today if your baby" in six_months
    assert "6 weeks of age" in too_young  # date_at without a birth date
    assert "up to 10 to 15 minutes" in six_months

    baby = band_text("sleep-hygiene", "baby")
    adult = band_text("sleep-hygiene", "adult")
    assert "on their back" in baby and "caffeine" not in baby.lower()
    assert "caffeine" in adult.lower() and "cot" not in adult


def test_parallel_build_gives_the_same_files_and_lines_as_one_process(
        project: ProjectCopy) -> None:
    one = project.run("build", "-j", "1", "--out", str(project.path("one")))
    two = project.run("build", "-j", "2", "--out", str(project.path("two")))
    assert one.exit_code == 0 and two.exit_code == 0, one.output + two.output
    files = sorted(p.relative_to(project.path("one"))
                   for p in project.path("one").rglob("*.pdf"))
    assert len(files) >= 8
    assert files == sorted(p.relative_to(project.path("two"))
                           for p in project.path("two").rglob("*.pdf"))
    for name in files:
        assert (project.path("one") / name).read_bytes() == \
            (project.path("two") / name).read_bytes(), name

    def lines(output: str, folder: str) -> list[str]:
        # The time taken is the one thing that may differ.
        return [line.replace(folder, "OUT").rsplit(" (", 1)[0] if line.startswith("built")
                else line.replace(folder, "OUT") for line in output.splitlines()]

    assert lines(one.output, str(project.path("one"))) == \
        lines(two.output, str(project.path("two")))


def test_build_problems_are_the_same_on_several_processes(project: ProjectCopy) -> None:
    project.edit("data/handouts/newborn-tremor.yaml", 'title: "Newborn tremor: when',
                 'title: "Newborn tremor \u2603 when')
    project.edit("data/handouts/sleep-hygiene.yaml", "title: Sleep hygiene",
                 "title: Sleep \u2603 hygiene")
    one = project.run("build", "-j", "1")
    two = project.run("build", "-j", "2")
    assert one.exit_code == two.exit_code == 1
    assert "U+2603" in one.output and one.output == two.output
    assert not list(project.path("output").rglob("*.pdf"))
