"""Writing output files so that nothing is ever half-written or lost."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(files: list[tuple[Path, bytes]]) -> None:
    """Write each file through a temporary sibling and os.replace (never half a file)."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            staged.append((Path(name), path))
        for tmp, path in staged:
            os.replace(tmp, path)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
