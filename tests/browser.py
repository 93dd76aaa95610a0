"""A real headless Chromium (Debian's, by its path: Playwright's own browser download is
not available here) with axe-core, for the tests that look at web pages as a browser
and a screen reader's checker do. Without them the tests skip and say why; under CI
(CI=true) a missing browser is a failure, never a silent skip."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("HANDOUTS_CHROMIUM") or shutil.which("chromium") or \
    shutil.which("chromium-browser")
AXE = Path(os.environ.get("HANDOUTS_AXE_JS")
           or REPO / ".ci/npm/node_modules/axe-core/axe.min.js")
# Chromium on a machine whose network is closed: no background connections.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[test]')"
    if CHROMIUM is None:
        return "no Chromium: install Debian's 'chromium' package (.ci/run does)"
    if not AXE.is_file():
        return f"no axe-core at {AXE}: npm install --prefix .ci/npm axe-core (.ci/run does)"
    return None


def require_browser() -> None:
    reason = missing()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run under CI: {reason}")
    pytest.skip(reason)


def launch() -> Iterator[Any]:
    """One Chromium for the whole session (conftest.py's ``browser`` fixture): Playwright
    runs one instance of its synchronous API per process."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations of WCAG 2.1 A and AA on the page as loaded."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})", WCAG_21_AA)
    return [{"id": v["id"], "help": v["help"],
             "nodes": [n["html"][:120] for n in v["nodes"][:3]]}
            for v in result["violations"]]


def describe(violations: list[dict[str, Any]]) -> str:
    return json.dumps(violations, indent=1, ensure_ascii=False)
