"""What a run writes: a backend, by name, and its options."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pathlib import Path

from handouts.backends import backend_output_path, backend_suffix, get_backend
from handouts.backends.base import Backend, Options
from handouts.select.jobs import BuildJob


@dataclass(frozen=True)
class Target:
    """``pdf`` with ``--grayscale``...; the backend itself is loaded when first used."""

    name: str
    options: Options
    _backend: list[Backend[Any]] = field(default_factory=list, compare=False, repr=False)

    @property
    def backend(self) -> Backend[Any]:
        if not self._backend:
            self._backend.append(get_backend(self.name))
        return self._backend[0]

    def suffix(self) -> str:
        """``--grayscale.pdf``: a variant never replaces the plain file."""
        return self.options.suffix() + backend_suffix(self.name)

    def output_path(self, job: BuildJob, out_dir: Path) -> Path:
        return backend_output_path(self.name, job, out_dir, self.suffix())
