"""Render the README preview pictures (docs/*.png) from the example catalog.

Usage: python scripts/previews.py   (needs the test extras), after
    handouts build
    handouts pack newborn-discharge --age 2w --on 2026-11-21 --name "Amira Haddad"
    handouts build infant-massage --age 2m --brand riverside --lang en --imposition 4up
    handouts build --format html
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
PREVIEWS = {
    # picture name: (pdf, pages, scale)
    "preview-newborn-tremor.png": ("output/riverside/en/newborn-tremor--under-1-month.pdf", [0], 0.9),
    "preview-infant-massage.png": ("output/harbour/en/infant-massage--6-weeks-to-3-months.pdf", [0, 1], 1.0),
    "preview-newborn-tremor-ru.png": ("output/riverside/ru/newborn-tremor--under-1-month.pdf", [0], 0.6),
    "preview-newborn-tremor-es.png": ("output/harbour/es/newborn-tremor--under-1-month.pdf", [0], 0.6),
    "preview-newborn-tremor-ar.png": ("output/riverside/ar/newborn-tremor--under-1-month.pdf", [1, 0], 0.9),
    "preview-going-home-ar.png": ("output/riverside/ar/going-home.pdf", [0], 0.6),
    "preview-infant-massage-ar.png": ("output/harbour/ar/infant-massage--6-weeks-to-3-months.pdf", [1, 0], 1.0),
    "preview-newborn-tremor-fa.png": ("output/riverside/fa/newborn-tremor--under-1-month.pdf", [0], 0.45),
    "preview-newborn-tremor-hi.png": ("output/riverside/hi/newborn-tremor--under-1-month.pdf", [0], 0.45),
    "preview-newborn-tremor-bn.png": ("output/harbour/bn/newborn-tremor--under-1-month.pdf", [0], 0.45),
    "preview-newborn-tremor-th.png": ("output/harbour/th/newborn-tremor--under-1-month.pdf", [0], 0.45),
    "preview-pack.png": ("output/riverside/en/packs/newborn-discharge--personal.pdf",
                         [0, 1, 2], 0.45),
    "preview-cards-4up.png": ("output/riverside/en/infant-massage--6-weeks-to-3-months--4up.pdf",
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


# Web pages, as a phone-sized browser shows them (Debian's Chromium, by its path).
WEB_PREVIEWS = {
    "preview-web-going-home.png": "output/riverside/h/going-home/en/index.html",
    "preview-web-tremor-ar.png": "output/riverside/h/newborn-tremor/ar/under-1-month.html",
}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update"]


def web_screenshots() -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 430, "height": 900})
        for name, html in WEB_PREVIEWS.items():
            page.goto((ROOT / html).as_uri())
            page.screenshot(path=str(ROOT / "docs" / name))
            print(f"wrote docs/{name}")
        browser.close()


def main() -> None:
    for name, (pdf, pages, scale) in PREVIEWS.items():
        picture = render(ROOT / pdf, pages, scale)
        picture.save(ROOT / "docs" / name, optimize=True)
        print(f"wrote docs/{name} ({picture.width}x{picture.height})")
    web_screenshots()


if __name__ == "__main__":
    main()
