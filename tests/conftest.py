"""Shared fixtures: a private copy of the example project per test, and a CLI runner."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from handouts.cli import main

REPO = Path(__file__).resolve().parent.parent


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

    def run(self, *args: str) -> Result:
        return CliRunner().invoke(main, ["--project", str(self.root), *args])

    def pdf(self, brand: str, handout: str, lang: str = "en") -> Path:
        return self.root / "output" / brand / lang / f"{handout}.pdf"


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
    return copy_example(tmp_path)


@pytest.fixture(scope="session")
def built_catalog(tmp_path_factory: pytest.TempPathFactory) -> ProjectCopy:
    """The example catalog built once, for tests that only read the PDFs."""
    copy = copy_example(tmp_path_factory.mktemp("catalog"))
    result = copy.run("build")
    assert result.exit_code == 0, result.output
    return copy
