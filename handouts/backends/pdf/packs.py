"""A pack as one PDF: the parts joined with pypdf, with bookmarks, page labels (i, ii
for the front matter; 1, 2... as the footers print them) and the pack's metadata, and
the blank backs that let every handout start on a right-hand page."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle
from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject
from reportlab.pdfgen.canvas import Canvas

from handouts.backends.pdf.shaped_text import TextDirection
from handouts.backends.pdf.styles import colour
from handouts.document.fonts import FontSet
from handouts.document.model import Metadata
from handouts.document.theme import MUTED, PAPER_SIZES


@dataclass(frozen=True)
class Bookmark:
    title: str
    page: int  # 0-based, in the joined file


def blank_page(paper: str, text: str, fonts: FontSet, language: str,
               direction: TextDirection) -> bytes:
    """An empty back page of a duplex pack, marked so no one thinks a page is missing."""
    buffer = io.BytesIO()
    width, height = PAPER_SIZES[paper]
    canv = Canvas(buffer, pagesize=(width, height), invariant=1, lang=language)
    canv.setFillColor(colour(MUTED))
    direction.draw(canv, width / 2, height / 2, text, fonts.italic, 11, anchor="centre")
    canv.showPage()
    canv.save()
    return buffer.getvalue()


def join_pack(documents: list[bytes], bookmarks: list[Bookmark], front: int,
              metadata: Metadata) -> bytes:
    """One PDF of ``documents`` in order; the first ``front`` pages are front matter."""
    writer = PdfWriter()
    for data in documents:
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
    for bookmark in bookmarks:
        writer.add_outline_item(title=bookmark.title, page_number=bookmark.page)
    writer.set_page_label(0, front - 1, style=PageLabelStyle.LOWERCASE_ROMAN)
    writer.set_page_label(front, len(writer.pages) - 1, style=PageLabelStyle.DECIMAL,
                          start=1)
    writer.add_metadata({"/Title": metadata.title, "/Author": metadata.author,
                         "/Subject": metadata.subject,
                         "/Keywords": ", ".join(metadata.keywords), "/Creator": "handouts"})
    root = writer.root_object
    root[NameObject("/Lang")] = TextStringObject(metadata.language)
    root[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)})
    writer.page_mode = "/UseOutlines"
    writer.compress_identical_objects()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
