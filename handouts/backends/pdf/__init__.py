"""The PDF backend: ReportLab layout of a document, with grey proofs, form fields,
imposed cards and packs."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handouts.backends.pdf.backend import PdfBackend

SUFFIX = ".pdf"


def load() -> PdfBackend:
    from handouts.backends.pdf.backend import PdfBackend  # ReportLab: loaded when used

    return PdfBackend()
