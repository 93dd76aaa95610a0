"""The HTML backend: a static, self-contained web page per handout, from the same
semantic document as the PDF, for the online version a handout's QR code points to."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from handouts.backends.html.site import page_path

if TYPE_CHECKING:
    from handouts.backends.html.backend import HtmlBackend
    from handouts.select.jobs import BuildJob

SUFFIX = ".html"


def load() -> HtmlBackend:
    from handouts.backends.html.backend import HtmlBackend

    return HtmlBackend()


def output_path(job: BuildJob, out_dir: Path, suffix: str) -> Path:
    """Where the brand's web address of the handout points, inside OUT/<brand>/."""
    return out_dir / job.brand.id / page_path(job)
