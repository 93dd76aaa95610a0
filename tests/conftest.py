"""Shared fixtures: a private copy of the example project per test, and a CLI runner."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from handouts.cli import main

REPO = Path(__file__).resolve().parent.parent
# The print desk's load client is shared with the benchmark script.
sys.path.insert(0, str(REPO / "benchmarks"))
# The band each example handout's tests look at unless they name another.
EXAMPLE_BANDS = {"newborn-tremor": "under-1-month", "infant-massage": "6-weeks-to-3-months",
                 "sleep-hygiene": "baby"}


@dataclass
class ProjectCopy:
    root: Path

    def path(self, relative: str) -> Path:
        return self.root / relative

    def read(self, relative: str) -> str:
        return self.path(relative).read_text(encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        self.path(relative).parent.mkdir(parents=True, exist_ok=True)
        self.path(relative).write_text(text, encoding="utf-8")

    def edit(self, relative: str, old: str, new: str) -> None:
        text = self.read(relative)
        assert old in text, f"{old!r} not in {relative}"
        self.write(relative, text.replace(old, new, 1))

    def only_locales(self, *codes: str) -> None:
        """Build these locales only (the example's config lists ten)."""
        config = self.read("handouts.yaml")
        block = re.search(r"^locales:\n(?:  - [\w-]+\n)+", config, re.M)
        assert block, "no locales list in handouts.yaml"
        listed = "".join(f"  - {code}\n" for code in codes)
        self.write("handouts.yaml", config.replace(block.group(0), f"locales:\n{listed}"))

    def run(self, *args: str) -> Result:
        return CliRunner().invoke(main, ["--project", str(self.root), *args])

    def pdf(self, brand: str, handout: str, lang: str = "en", band: str | None = None) -> Path:
        """Path of a built PDF; example handouts default to one of their age bands."""
        band = band or EXAMPLE_BANDS.get(handout)
        name = f"{handout}--{band}" if band else handout
        return self.root / "output" / brand / lang / f"{name}.pdf"


def copy_example(root: Path) -> ProjectCopy:
    for item in ("handouts.yaml", "data", "templates"):
        source = REPO / item
        if source.is_dir():
            shutil.copytree(source, root / item)
        else:
            shutil.copy(source, root / item)
    return ProjectCopy(root)


@pytest.fixture
def project(tmp_path: Path) -> ProjectCopy:
    """The example project, building English only: tests that edit the English content
    need no translation of their edits. Translation tests pass --lang."""
    copy = copy_example(tmp_path)
    copy.only_locales("en")
    return copy


def shared_build(factory: pytest.TempPathFactory, name: str,
                 make: Callable[[ProjectCopy], None]) -> ProjectCopy:
    """A copy of the example project that ``make`` builds once per test run, shared by
    the test processes (pytest-xdist workers) instead of built by each: only for tests
    that read what it built."""
    base = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each worker's own
    root = base / f"shared-{name}"
    with open(base / f"shared-{name}.lock", "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the others wait for the first to finish
        copy = ProjectCopy(root)
        if not (root / "built").exists():
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir()
            copy = copy_example(root)
            make(copy)
            (root / "built").touch()
    return copy


@pytest.fixture(scope="session")
def built_catalog(tmp_path_factory: pytest.TempPathFactory) -> ProjectCopy:
    """The example catalog built once, for tests that only read the PDFs."""

    def build(copy: ProjectCopy) -> None:
        result = copy.run("build")
        assert result.exit_code == 0, result.output

    return shared_build(tmp_path_factory, "catalog", build)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, driven by Playwright (tests/browser.py)."""
    from browser import launch

    yield from launch()
