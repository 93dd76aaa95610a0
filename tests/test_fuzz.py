"""Random damage to a handout, a brand and a PO file: the only outcomes are a build or
the tool's own error (exit 1 or 2, with a message), never an internal error or a hang.

The suite runs a few dozen fixed examples; a long run is
    HANDOUTS_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/test_fuzz.py -p no:xdist
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import ProjectCopy, copy_example
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("HANDOUTS_FUZZ_EXAMPLES", "12"))
SECONDS = 30  # an answer within this, or the example fails as a hang
FILES = {"handout": "data/handouts/before-massage.yaml",
         "brand": "data/brands/riverside.yaml",
         "translation": "data/translations/ru/before-massage.po"}
NASTY = ["2027-02-30", "2027-13-01", "9999-99-99", "~", "[]", "{}", "- x", "*a", "&a x",
         "!!python/object/apply:os.system ['true']", "\t", "'", '"', ": :", "#", "---",
         "{{ brand.phone }}", "{{ date_at('99x') }}", "{% for %}", "{page:>99}", "{",
         "\x00", "\u202e", "\ufeff", "-1", "1e999", "yes", "null", "0x1F", "é" * 3,
         "msgstr \"x\"", "msgid \"\"", "#, fuzzy", "msgstr[7] \"x\"", "\\", "<b>", "%s"]


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"no answer in {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def mutate(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Line edits: delete, duplicate, insert a nasty piece, replace a value, indent."""
    lines = text.split("\n")
    for operation, where, piece in edits:
        at = where % len(lines)
        if operation == 0:
            del lines[at]
        elif operation == 1:
            lines.insert(at, lines[at])
        elif operation == 2:
            column = where % (len(lines[at]) + 1)
            lines[at] = lines[at][:column] + piece + lines[at][column:]
        elif operation == 3 and ": " in lines[at]:
            lines[at] = lines[at].split(": ", 1)[0] + ": " + piece
        else:
            lines[at] = "  " + lines[at]
        if not lines:
            lines = [""]
    return "\n".join(lines)


EDITS = st.lists(st.tuples(st.integers(0, 4), st.integers(0, 10**6),
                           st.one_of(st.sampled_from(NASTY), st.text(max_size=6))),
                 min_size=1, max_size=4)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> ProjectCopy:
    """One checklist, one brand, English and Russian."""
    project = copy_example(tmp_path_factory.mktemp("fuzz"))
    project.only_locales("en", "ru")
    return project


@pytest.mark.parametrize("which", sorted(FILES))
@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(edits=EDITS)
def test_damaged_files_get_an_error_never_a_crash(small: ProjectCopy, which: str,
                                                  edits: list[tuple[int, int, str]]) -> None:
    path: Path = small.path(FILES[which])
    original = path.read_bytes()
    try:
        path.write_bytes(mutate(original.decode("utf-8"), edits).encode("utf-8", "replace"))
        with time_limit(SECONDS):
            result = small.run("build", "before-massage", "--brand", "riverside", "-j", "1",
                               "--force", "--out", str(small.path("out")))
    finally:
        path.write_bytes(original)
    assert result.exit_code in (0, 1, 2), result.output
    assert "internal error" not in result.output and "Traceback" not in result.output, \
        result.output
    if result.exit_code == 1:
        assert "error: " in result.output
