"""The PDF backend: ReportLab layout of a document, with grey proofs, form fields,
imposed cards and packs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handouts.backends.pdf.backend import PdfBackend
    from handouts.select.jobs import BuildJob

SUFFIX = ".pdf"


def load() -> PdfBackend:
    from handouts.backends.pdf.backend import PdfBackend  # ReportLab: loaded when used

    return PdfBackend()


def output_path(job: BuildJob, out_dir: Path, suffix: str) -> Path:
    """``OUT/<brand>/<lang>/<handout>[--<band>]<suffix>``."""
    return job.output_path(out_dir, suffix)
