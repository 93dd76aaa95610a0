"""Output backends. Each is a package with a :class:`~handouts.backends.base.Backend`;
registering one is a line in ``BACKENDS``. They are imported when first asked for, so
commands that write nothing do not load ReportLab."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from handouts.backends.base import Backend

BACKENDS = {"pdf": "handouts.backends.pdf.backend:PdfBackend"}


def get_backend(name: str) -> Backend[Any]:
    module, _, cls = BACKENDS[name].partition(":")
    backend: Backend[Any] = getattr(import_module(module), cls)()
    return backend
