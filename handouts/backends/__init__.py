"""Output backends. Each is a package whose ``__init__`` names its file suffix and whose
``load()`` gives its :class:`~handouts.backends.base.Backend`; registering one is a
line in ``BACKENDS``. A backend is imported when first asked to write, so commands that
write nothing (a rebuild with nothing changed, ``--help``) never load ReportLab."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handouts.backends.base import Backend
from handouts.names import OutputFormat

if TYPE_CHECKING:
    from handouts.select.jobs import BuildJob

BACKENDS = {OutputFormat.PDF: "handouts.backends.pdf", OutputFormat.HTML: "handouts.backends.html"}


def backend_suffix(name: str) -> str:
    suffix: str = import_module(BACKENDS[OutputFormat(name)]).SUFFIX
    return suffix


def backend_output_path(name: str, job: BuildJob, out_dir: Path, suffix: str) -> Path:
    """Where a backend writes a job's output: PDFs in OUT/<brand>/<lang>/, web pages at
    the brand's web addresses."""
    path: Path = import_module(BACKENDS[OutputFormat(name)]).output_path(job, out_dir, suffix)
    return path


def get_backend(name: str) -> Backend[Any]:
    backend: Backend[Any] = import_module(BACKENDS[OutputFormat(name)]).load()
    return backend
