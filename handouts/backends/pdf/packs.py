"""A pack as one PDF: the parts joined with pikepdf (their structure trees into one),
with bookmarks, page labels (i, ii for the front matter; 1, 2... as the footers print
them) and the pack's metadata, and the blank backs that let every handout start on a
right-hand page."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pikepdf import Array, Dictionary, Name, OutlineItem, Pdf, String
from reportlab.pdfgen.canvas import Canvas

from handouts.backends.pdf.shaped_text import TextDirection
from handouts.backends.pdf.structure import JoinedStructure, save_tagged
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
    # The stubs type initialFontName as a number; ReportLab takes a font name.
    canv = Canvas(buffer, pagesize=(width, height), invariant=1, lang=language,
                  initialFontName=fonts.regular)  # type: ignore[arg-type]
    canv.setFillColor(colour(MUTED))
    direction.draw(canv, width / 2, height / 2, text, fonts.italic, 11, anchor="centre")
    canv.showPage()
    canv.save()
    return buffer.getvalue()


def join_pack(documents: list[bytes], bookmarks: list[Bookmark], front: int,
              metadata: Metadata) -> bytes:
    """One PDF of ``documents`` in order; the first ``front`` pages are front matter.
    Each part's structure tree becomes a Part of the pack's one tree."""
    with Pdf.new() as pdf:
        joined = JoinedStructure(pdf, metadata.language)
        for data in documents:
            with Pdf.open(io.BytesIO(data)) as part:
                joined.append(part)
        joined.finish()
        with pdf.open_outline() as outline:
            outline.root.extend(OutlineItem(bookmark.title, bookmark.page)
                                for bookmark in bookmarks)
        pdf.Root.PageLabels = Dictionary(Nums=Array([
            0, Dictionary(S=Name.r), front, Dictionary(S=Name.D, St=1)]))
        pdf.Root.PageMode = Name.UseOutlines
        pdf.docinfo = pdf.make_indirect(Dictionary({
            "/Title": String(metadata.title), "/Author": String(metadata.author),
            "/Subject": String(metadata.subject),
            "/Keywords": String(", ".join(metadata.keywords)),
            "/Creator": String("handouts"), "/Producer": String("handouts")}))
        return save_tagged(pdf, metadata)
