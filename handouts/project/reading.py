"""How a project's files are read: how large they may be, and where the files they name
may be (inside the project folder, so a shared project cannot pull in other files)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handouts.limits import MAX_FILE_MB


@dataclass(frozen=True)
class Reading:
    root: Path
    max_mb: float = MAX_FILE_MB

    def inside(self, path: Path) -> bool:
        """Whether ``path`` (links followed) is in the project folder."""
        return path.resolve().is_relative_to(self.root.resolve())
