"""Watching the project's files for the live preview (watchfiles, in a thread)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from handouts.project.loader import Project

NOT_EDITS = (".handouts-cache", ".git", "__pycache__", ".venv")


def watch_in_background(project: Project, changed: Callable[[], None]) -> threading.Thread:
    """Call ``changed`` after each change to the project's files (content, brands,
    translations, templates, handouts.yaml), in a daemon thread that ends with the
    server. What builds write (the output folder, the cache) is not an edit."""
    from watchfiles import watch

    output = project.output_dir.resolve()

    def is_edit(_: object, path: str) -> bool:
        where = Path(path).resolve()
        return output not in where.parents and not any(
            part in NOT_EDITS for part in where.parts)

    def run() -> None:
        for _ in watch(project.root, watch_filter=is_edit):
            changed()

    thread = threading.Thread(target=run, name="handouts-watch", daemon=True)
    thread.start()
    return thread
