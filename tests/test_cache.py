"""Incremental builds: what a rebuild makes again, and what it leaves alone."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import ProjectCopy

TREMOR = "data/handouts/newborn-tremor.yaml"


def snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    return {str(p.relative_to(root)): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(root.rglob("*.pdf"))}


def test_a_rebuild_with_nothing_changed_writes_nothing(project: ProjectCopy) -> None:
    assert project.run("build").exit_code == 0
    before = snapshot(project.path("output"))
    again = project.run("build")
    assert again.exit_code == 0, again.output
    assert "wrote" not in again.output
    # 17 bands of 9 handouts x 2 brands = 34 PDFs; 30 of them have 2 pages, the 'child'
    # bands of sleep-hygiene and bedtime-routine 1: 30 x 2 + 4 x 1 = 64 pages.
    assert f"built 34 PDFs (64 pages) in {project.path('output')}, 34 unchanged" in again.output
    assert snapshot(project.path("output")) == before


def test_an_edit_rebuilds_only_that_handouts_pdfs(project: ProjectCopy) -> None:
    assert project.run("build").exit_code == 0
    project.edit(TREMOR, "Fine, fast shaking is common", "Small, fast shaking is common")
    again = project.run("build")
    assert again.exit_code == 0, again.output
    written = [line for line in again.output.splitlines() if line.startswith("wrote")]
    assert len(written) == 6 and all("newborn-tremor--" in line for line in written)
    assert "28 unchanged" in again.output  # 34 PDFs less newborn-tremor's 3 bands x 2 brands


def test_an_output_changed_on_disk_is_made_again(project: ProjectCopy) -> None:
    assert project.run("build").exit_code == 0
    damaged = project.pdf("riverside", "sleep-hygiene")
    good = damaged.read_bytes()
    damaged.write_bytes(good[: len(good) // 2])  # a truncated copy
    project.pdf("harbour", "going-home").unlink()
    again = project.run("build")
    assert again.exit_code == 0, again.output
    assert damaged.read_bytes() == good
    assert project.pdf("harbour", "going-home").is_file()
    assert "32 unchanged" in again.output  # 34 PDFs less the damaged and the deleted one


def test_a_broken_cache_is_ignored_and_rewritten(project: ProjectCopy) -> None:
    assert project.run("build").exit_code == 0
    cache = project.path(".handouts-cache/outputs.json")
    for text in ("not json {", '{"format": 1, "outputs": {"x": [1, "two"]}}', ""):
        cache.write_text(text)
        again = project.run("build")
        assert again.exit_code == 0, again.output
        # 34 PDFs: 17 bands of 9 handouts x 2 brands
        assert "unchanged" not in again.output and again.output.count("wrote") == 34
    assert "34 unchanged" in project.run("build").output


def test_force_makes_everything_again(project: ProjectCopy) -> None:
    assert project.run("build").exit_code == 0
    again = project.run("build", "--force")
    # 34 PDFs: 17 bands of 9 handouts x 2 brands
    assert again.exit_code == 0 and again.output.count("wrote") == 34
    assert "unchanged" not in again.output


def test_a_new_problem_is_found_although_outputs_were_cached(project: ProjectCopy) -> None:
    assert project.run("build").exit_code == 0
    project.edit("handouts.yaml", "output: output", "output: output\nchecks:\n"
                 "  review-due-soon: error")
    os.utime(project.path("handouts.yaml"))
    # The config is an input of every output: the gate runs again and finds nothing new.
    assert project.run("build").exit_code == 0
    project.edit(TREMOR, "next_review: 2027-11-01", "next_review: 2020-01-01")
    failed = project.run("build")
    assert failed.exit_code == 1 and "review overdue" in failed.output


def test_check_skips_what_built_before_and_still_reports_problems(
        project: ProjectCopy) -> None:
    assert project.run("build").exit_code == 0
    warm = project.run("check")
    assert warm.exit_code == 0 and "0 errors, 0 warnings" in warm.output
    project.edit(TREMOR, 'title: "Newborn tremor: when', 'title: "Newborn tremor \u2603 when')
    broken = project.run("check")
    assert broken.exit_code == 1 and "U+2603" in broken.output
