"""Pages of a PDF as pictures for a web page, rendered in memory (pypdfium2)."""

from __future__ import annotations

import base64
import io

import pypdfium2 as pdfium

from handouts.i18n.words import ENGLISH, Words

SCALE = 0.55  # of 72 dpi: a page about 330 pixels wide


def page_images(data: bytes, words: Words | None = None) -> list[tuple[str, str]]:
    """(alternative text, data address) of each page: "Page 1 of 2" in ``words``."""
    words = words or ENGLISH
    document = pdfium.PdfDocument(data)
    try:
        images = []
        for number, page in enumerate(document, start=1):
            buffer = io.BytesIO()
            page.render(scale=SCALE).to_pil().save(buffer, "PNG")
            images.append((words.page_of.format(page=words.number(number),
                                                pages=words.number(len(document))),
                           "data:image/png;base64,"
                           + base64.b64encode(buffer.getvalue()).decode("ascii")))
        return images
    finally:
        document.close()
