"""Output backends. Each is a package whose ``__init__`` names its file suffix and whose
``load()`` gives its :class:`~handouts.backends.base.Backend`; registering one is a
line in ``BACKENDS``. A backend is imported when first asked to write, so commands that
write nothing (a rebuild with nothing changed, ``--help``) never load ReportLab."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from handouts.backends.base import Backend

BACKENDS = {"pdf": "handouts.backends.pdf"}


def backend_suffix(name: str) -> str:
    suffix: str = import_module(BACKENDS[name]).SUFFIX
    return suffix


def get_backend(name: str) -> Backend[Any]:
    backend: Backend[Any] = import_module(BACKENDS[name]).load()
    return backend
