"""The PDF backend: a document laid out by ReportLab and tagged, imposed on sheets if
asked."""

from __future__ import annotations

from handouts.backends.base import Backend, Output
from handouts.backends.pdf.imposition import impose
from handouts.backends.pdf.layout import layout_pdf
from handouts.backends.pdf.options import PdfOptions
from handouts.backends.pdf.structure import artifacts_only
from handouts.document.model import Document
from handouts.names import Imposition


class PdfBackend(Backend[PdfOptions]):
    name = "pdf"

    def write(self, document: Document, options: PdfOptions) -> Output:
        laid_out = layout_pdf(document, options)
        if options.imposition is not Imposition.NONE:
            # Sheets to cut are for printing only: their content is all artifact; the
            # card itself is the tagged, readable version.
            sheets, count = impose(laid_out.data, document.page.paper, options.imposition)
            return Output(artifacts_only(sheets, document.metadata), count)
        return Output(laid_out.data, laid_out.pages, laid_out.last_page_fill)
