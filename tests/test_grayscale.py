"""Grayscale proofs: `build --grayscale` prints every colour, logo and photo in grey,
and the tone boxes stay readable and told apart by their icons and words."""

from __future__ import annotations

import pypdfium2 as pdfium
from conftest import REPO, ProjectCopy
from PIL import Image, ImageChops
from test_build import normalized, text_of

from handouts.colors import contrast_ratio, gray_equivalent
from handouts.document.theme import Theme
from handouts.project.brand import load_brand
from handouts.project.reading import Reading

SLEEP = "data/handouts/sleep-hygiene.yaml"


def test_grayscale_proof_has_no_colour_and_keeps_the_colour_file(
        project: ProjectCopy) -> None:
    Image.new("RGB", (900, 600), "#336699").save(project.path("data/handouts/photo.png"))
    project.edit(SLEEP, "      - p: Follow these rules for every sleep, day and night.\n",
                 "      - p: Follow these rules for every sleep, day and night.\n"
                 "      - image: {src: photo.png, alt: A blue square, width_mm: 40}\n")
    result = project.run("build", "newborn-tremor", "sleep-hygiene", "--grayscale")
    assert result.exit_code == 0, result.output
    proofs = sorted(project.path("output").rglob("*--grayscale.pdf"))
    assert len(proofs) == 2 * (3 + 3)  # two brands, three bands each
    assert not [p for p in project.path("output").rglob("*.pdf") if p not in proofs]
    for name in ("riverside/en/newborn-tremor--under-1-month--grayscale.pdf",
                 "harbour/en/sleep-hygiene--baby--grayscale.pdf"):
        pdf = pdfium.PdfDocument(project.path(f"output/{name}"))
        for page in pdf:
            red, green, blue = page.render(scale=1).to_pil().convert("RGB").split()
            spread = max(ImageChops.difference(red, green).getextrema()[1],
                         ImageChops.difference(green, blue).getextrema()[1])
            assert spread <= 2, f"{name}: colour left (channels differ by {spread})"
    # The photo and the logo are there, in grey.
    pdf = pdfium.PdfDocument(project.path(
        "output/harbour/en/sleep-hygiene--baby--grayscale.pdf"))
    assert any(obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE
               for page in pdf for obj in page.get_objects())


def test_tone_boxes_keep_their_words_in_grayscale(project: ProjectCopy) -> None:
    result = project.run("build", "newborn-tremor", "--brand", "riverside", "--grayscale")
    assert result.exit_code == 0, result.output
    text = normalized(text_of(project.path(
        "output/riverside/en/newborn-tremor--under-1-month--grayscale.pdf")))
    for label in ("Emergency", "Call 999 now", "Call today", "Good to know"):
        assert label in text


def test_every_colour_pair_keeps_its_contrast_in_grey() -> None:
    for brand_file in ("riverside", "harbour"):
        colours = load_brand(REPO / "data" / "brands" / f"{brand_file}.yaml",
                             Reading(REPO)).brand.colors
        theme = Theme(colours.primary, colours.accent, colours.on_primary)
        for pair in theme.colour_pairs():
            grey = contrast_ratio(gray_equivalent(pair.foreground),
                                  gray_equivalent(pair.background))
            assert grey >= pair.minimum, f"{brand_file}: {pair.what} {grey:.2f}:1 in grey"
