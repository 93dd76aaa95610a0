"""Render the README preview pictures (docs/*.png) from the example catalog.

Usage: python scripts/previews.py   (needs the test extras), after
    handouts build
    handouts pack newborn-discharge --age 2w --on 2026-11-21 --name "Amira Haddad"
    handouts build infant-massage --age 2m --brand riverside --lang en --imposition 4up
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
PREVIEWS = {
    # picture name: (pdf, pages, scale)
    "preview-newborn-tremor.png": ("output/riverside/en/newborn-tremor--under-1-month.pdf", [0], 0.9),
    "preview-infant-massage.png": ("output/harbour/en/infant-massage--3-weeks-to-3-months.pdf", [0, 1], 1.0),
    "preview-newborn-tremor-ru.png": ("output/riverside/ru/newborn-tremor--under-1-month.pdf", [0], 0.6),
    "preview-newborn-tremor-es.png": ("output/harbour/es/newborn-tremor--under-1-month.pdf", [0], 0.6),
    "preview-newborn-tremor-ar.png": ("output/riverside/ar/newborn-tremor--under-1-month.pdf", [1, 0], 0.9),
    "preview-going-home-ar.png": ("output/riverside/ar/going-home.pdf", [0], 0.6),
    "preview-infant-massage-ar.png": ("output/harbour/ar/infant-massage--3-weeks-to-3-months.pdf", [1, 0], 1.0),
    "preview-pack.png": ("output/riverside/en/packs/newborn-discharge--personal.pdf",
                         [0, 1, 2], 0.45),
    "preview-cards-4up.png": ("output/riverside/en/infant-massage--3-weeks-to-3-months--4up.pdf",
                              [0, 1], 0.45),
}


def render(pdf_path: Path, pages: list[int], scale: float) -> Image.Image:
    pdf = pdfium.PdfDocument(pdf_path)
    images = [pdf[i].render(scale=scale).to_pil() for i in pages]
    gap = 16
    sheet = Image.new("RGB", (sum(i.width for i in images) + gap * (len(images) + 1),
                              max(i.height for i in images) + 2 * gap), "#D0D0D0")
    x = gap
    for image in images:
        sheet.paste(image, (x, gap))
        x += image.width + gap
    return sheet


def main() -> None:
    for name, (pdf, pages, scale) in PREVIEWS.items():
        picture = render(ROOT / pdf, pages, scale)
        picture.save(ROOT / "docs" / name, optimize=True)
        print(f"wrote docs/{name} ({picture.width}x{picture.height})")


if __name__ == "__main__":
    main()
