"""Speed and memory of handouts, measured in one run, written to benchmarks/RESULTS.md.

    .venv/bin/pip install -e ".[bench]" && .venv/bin/python benchmarks/run.py

Everything runs on a fresh copy of the example project in a temporary folder. Times are
medians of several runs; the machine, the versions and the targets are in the file it
writes. Not part of the test suite: timings depend on the machine and what else it does.
"""

from __future__ import annotations

import io
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from desk_load import Load, load, running_desk  # noqa: E402 (beside this script)

REPO = Path(__file__).resolve().parent.parent
HANDOUTS = [sys.executable, "-m", "handouts"]
RUNS = 5


@dataclass
class Run:
    seconds: float
    peak_mb: float


def command(args: list[str], cwd: Path) -> Run:
    """One process, timed, with its peak memory (wait4 reports the child's own)."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env={**os.environ, "CI": "1"})
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{process.stderr.read().decode()}"
                         if process.stderr else f"failed: {args}")
    return Run(seconds, usage.ru_maxrss / 1024)


def median(runs: list[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs))


def repeat(make: Callable[[], Run], times: int = RUNS, before: Callable[[], None] | None = None
           ) -> Run:
    results = []
    for _ in range(times):
        if before:
            before()
        results.append(make())
    return median(results)


def timed(function: Callable[[], object], times: int = RUNS) -> float:
    seconds = []
    for _ in range(times):
        start = time.perf_counter()
        function()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


# ---------------------------------------------------------------- in-process


def documents(project_root: Path, locales: tuple[str, ...]) -> Iterator[object]:
    """The composed documents of every job of the catalog in ``locales``."""
    from handouts.document.compose import Language, compose_handout
    from handouts.pipeline.context import Session
    from handouts.project.loader import load_project
    from handouts.select.jobs import select_jobs

    project = load_project(project_root)
    session = Session(project)
    for job in select_jobs(project, locales=locales):
        lang = Language(job.locale, session.interface(job.locale), session.fonts(job.locale))
        yield compose_handout(job, session.handout(job), lang, session.search_path(job.brand))


def floor_pdf(document: object) -> int:
    """Bare ReportLab: the document's text in the same fonts, sizes and page, one pass,
    no header, footer, boxes or project machinery. Returns the page count."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from handouts.backends.pdf.styles import inline_markup
    from handouts.document.model import Document
    from handouts.document.semantic import Element

    assert isinstance(document, Document)
    fonts, page_format = document.fonts, document.format
    styles = {name: ParagraphStyle(name, fontName=fonts.bold if text.face == "bold"
                                   else fonts.regular, fontSize=text.size,
                                   leading=text.leading)
              for name, text in page_format.text.items()}
    story = []

    def walk(element: Element) -> None:
        for child in element.elements():
            if child.tag in ("h1", "h2", "h3"):
                story.append(Paragraph(inline_markup(child), styles[child.tag]))
            elif child.tag in ("p", "li", "figcaption", "label"):
                story.append(Paragraph(inline_markup(child), styles["body"],
                                       bulletText="\u2022" if child.tag == "li" else None))
            else:
                walk(child)

    walk(document.body)
    buffer = io.BytesIO()
    margin = page_format.margin
    doc = SimpleDocTemplate(buffer, pagesize=page_format.page_size(document.page.paper),
                            leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin, invariant=1)
    doc.build(story)
    return int(doc.page)


def pipeline_per_page(project_root: Path) -> tuple[float, float, float, int]:
    """Seconds per page of the full pipeline (localize, compose, layout, write) over the
    English catalog, of the bare-ReportLab floor of the same documents, and of the
    pipeline over the whole catalog in every language; and the catalog's page count."""
    from handouts.backends.pdf.options import PdfOptions
    from handouts.pipeline.build import make_outputs
    from handouts.pipeline.target import Target
    from handouts.project.loader import load_project
    from handouts.select.jobs import BuildJob, select_jobs

    project = load_project(project_root)
    target = Target("pdf", PdfOptions())
    english = select_jobs(project, locales=("en",))
    everything = select_jobs(project)
    out = project_root / "bench-out"

    def pages(jobs: list[BuildJob]) -> int:
        return sum(b.pages for b in make_outputs(project, jobs, out, target).built)

    english_pages, all_pages = pages(english), pages(everything)  # also warms every cache
    per_page = timed(lambda: pages(english)) / english_pages
    per_page_all = timed(lambda: pages(everything), 3) / all_pages
    docs = list(documents(project_root, ("en",)))
    floor_pages = sum(floor_pdf(d) for d in docs)
    floor = timed(lambda: [floor_pdf(d) for d in docs]) / floor_pages
    return per_page, floor, per_page_all, all_pages


# ---------------------------------------------------------------- Typst, a peer


TYPST_HANDOUT = """#set page(paper: "a4", margin: 15mm)
#set text(font: "PT Sans", size: 12.5pt)
#show heading.where(level: 1): set text(size: 24pt)
= Newborn tremor: when to worry
*Babies under 1 month*

{body}
"""


def typst_source(project_root: Path) -> str | None:
    """The English tremor sheet (first band) as Typst markup: headings, paragraphs and
    lists, the same text the handout prints."""
    from handouts.document.model import Document
    from handouts.document.semantic import Element, element_text

    document = next(d for d in documents(project_root, ("en",))
                    if isinstance(d, Document) and d.metadata.keywords[0] == "newborn-tremor")
    assert isinstance(document, Document)
    lines: list[str] = []

    def escape(text: str) -> str:
        return "".join("\\" + c if c in "#*_`$<>@[]\\/=-+~" else c for c in text)

    def walk(element: Element) -> None:
        for child in element.elements():
            if child.tag == "h2":
                lines.append(f"== {escape(element_text(child))}\n")
            elif child.tag == "p" and child.attrs.get("class") != "band":
                lines.append(escape(element_text(child)) + "\n")
            elif child.tag == "li":
                lines.append(f"- {escape(element_text(child))}")
            elif child.tag != "h1":
                walk(child)
                if child.tag in ("ul", "ol"):
                    lines.append("")

    walk(document.body)
    return TYPST_HANDOUT.replace("{body}", "\n".join(lines))


def typst_times(source: str, folder: Path) -> tuple[float, float] | None:
    """Warm in-process and cold (new process) seconds for one Typst document."""
    try:
        import typst
    except ImportError:
        return None
    import fontpkg

    font_dir = Path(str(fontpkg.path("pt-sans", weight=400, style="normal"))).parent
    path = folder / "handout.typ"
    path.write_text(source, encoding="utf-8")
    typst.compile(str(path), font_paths=[str(font_dir)])
    warm = timed(lambda: typst.compile(str(path), font_paths=[str(font_dir)]))
    script = ("import typst; typst.compile(%r, output=%r, font_paths=[%r])"
              % (str(path), str(folder / "handout.pdf"), str(font_dir)))
    cold = repeat(lambda: command([sys.executable, "-c", script], folder)).seconds
    return warm, cold


# ---------------------------------------------------------------- the run


def machine() -> list[str]:
    cpu = "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in
                   Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in
                         ("handouts", "reportlab", "rl_accel", "pypdf", "jinja2", "pydantic"))
    return [f"- Machine: {platform.machine()}, {cpu}, {os.cpu_count()} cores, "
            f"{platform.system()} {platform.release()}",
            f"- Python {platform.python_version()}; {versions}",
            f"- Date: {time.strftime('%Y-%m-%d %H:%M')}"]


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="handouts-bench-"))
    try:
        project = work / "catalog"
        command([*HANDOUTS, "init", str(project)], work)
        results = measure(project, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (REPO / "benchmarks" / "RESULTS.md").write_text(results, encoding="utf-8")
    print(results)


def measure(project: Path, work: Path) -> str:
    build = [*HANDOUTS, "--project", str(project), "build"]
    cache = project / ".handouts-cache"
    clear = (lambda: shutil.rmtree(cache, ignore_errors=True))
    version = repeat(lambda: command([*HANDOUTS, "--version"], work))
    listing = repeat(lambda: command([*HANDOUTS, "--project", str(project), "list"], work))
    import_rl = repeat(lambda: command([sys.executable, "-c", "import reportlab.platypus"],
                                       work))
    cold_one = repeat(lambda: command([*build, "newborn-tremor", "--brand", "riverside",
                                       "--lang", "en", "--age", "2w", "--force"], work))
    full_1 = repeat(lambda: command([*build, "-j", "1", "--force"], work), 3)
    full_2 = repeat(lambda: command([*build, "-j", "2", "--force"], work), 3)
    command([*build], work)
    built = len(list((project / "output").rglob("*.pdf")))
    languages = len(list((project / "output" / "riverside").iterdir()))
    noop = repeat(lambda: command([*build], work))
    handout = project / "data" / "handouts" / "going-home.yaml"
    text = handout.read_text(encoding="utf-8")
    edits = iter(range(2, 1000))

    def edit() -> None:  # a new version number: printed, nothing to translate
        handout.write_text(re.sub(r"(?m)^version: \d+$", f"version: {next(edits)}", text),
                           encoding="utf-8")

    one_changed = repeat(lambda: command([*build], work), before=edit)
    handout.write_text(text, encoding="utf-8")
    check_warm = repeat(lambda: command([*HANDOUTS, "--project", str(project), "check"],
                                        work), 3)
    # A larger catalog: each worker's caches warm up once, so more PDFs scale better.
    brands = project / "data" / "brands"
    for copy in range(2):
        for brand in ("riverside", "harbour"):
            lines = (brands / f"{brand}.yaml").read_text(encoding="utf-8").splitlines()
            # Without a footer note: a brand's own note is translated for that brand.
            (brands / f"{brand}-{copy}.yaml").write_text("\n".join(
                line for line in lines if not line.startswith("footer_note:")) + "\n",
                encoding="utf-8")
    config = project / "handouts.yaml"
    config_text = config.read_text(encoding="utf-8")
    config.write_text(config_text.replace("brands:\n  - riverside\n  - harbour\n", ""),
                      encoding="utf-8")
    large_1 = repeat(lambda: command([*build, "-j", "1", "--force"], work), 1)
    large_2 = repeat(lambda: command([*build, "-j", "2", "--force"], work), 1)
    config.write_text(config_text, encoding="utf-8")
    for path in brands.glob("*-[01].yaml"):
        path.unlink()
    clear()
    desk = desk_load(project)
    per_page, floor, per_page_all, pages = pipeline_per_page(project)
    peer = typst_times(typst_source(project) or "", work)
    return report(locals())


DESK_REQUESTS, DESK_CLIENTS = 200, 4


def desk_load(project: Path) -> Load:
    """The print desk on loopback, printing a pack for 200 children, 4 clients at once."""
    with running_desk(project) as address:
        return load(address, DESK_REQUESTS, DESK_CLIENTS)


def report(m: dict[str, object]) -> str:
    def s(run: object) -> float:
        return run.seconds if isinstance(run, Run) else float(run)  # type: ignore[arg-type]

    full_1, full_2 = m["full_1"], m["full_2"]
    assert isinstance(full_1, Run) and isinstance(full_2, Run)
    peer = m["peer"]
    cold, ratio_cold = s(m["cold_one"]), ""
    if isinstance(peer, tuple):
        ratio_cold = f"{cold / peer[1]:.1f}x Typst's cold document ({peer[1]:.2f} s)"
    rows = [
        ("Full pipeline per page, English catalog (warm, one process)",
         f"{s(m['per_page']) * 1000:.1f} ms",
         f"{s(m['per_page']) / s(m['floor']):.2f}x the floor", "<= 1.5x the floor"),
        ("Bare-ReportLab floor per page (same text, fonts, sizes; one pass)",
         f"{s(m['floor']) * 1000:.1f} ms", "", ""),
        (f"Full pipeline per page, whole catalog, {m['languages']} languages (warm)",
         f"{s(m['per_page_all']) * 1000:.1f} ms", f"{m['pages']} pages", ""),
        ("Full build, -j 1 (command, cold)", f"{full_1.seconds:.2f} s", "", ""),
        ("Full build, -j 2", f"{full_2.seconds:.2f} s",
         f"{full_1.seconds / full_2.seconds:.2f}x faster than -j 1", ">= 1.8x"),
        (f"Larger catalog (6 brands, {3 * int(m['built'])} PDFs), -j 1 / -j 2",
         f"{s(m['large_1']):.2f} s / {s(m['large_2']):.2f} s",
         f"{s(m['large_1']) / s(m['large_2']):.2f}x faster", ""),
        ("No-op rebuild", f"{s(m['noop']):.2f} s",
         f"{100 * s(m['noop']) / full_2.seconds:.0f}% of a full build (-j 2)", "<= 5%"),
        (f"One handout changed (going-home: {2 * int(m['languages'])} PDFs of {m['built']})",
         f"{s(m['one_changed']):.2f} s",
         f"{100 * s(m['one_changed']) / full_2.seconds:.0f}% of a full build", "<= 15%"),
        ("`handouts check`, warm cache", f"{s(m['check_warm']):.2f} s", "", "1-2 s"),
        ("Cold single handout (one PDF, from the command line)", f"{cold:.2f} s",
         ratio_cold or f"`import reportlab.platypus` alone: {s(m['import_rl']):.2f} s",
         "<= 3x Typst's cold document"),
        ("`handouts --version`", f"{s(m['version']):.2f} s", "", ""),
        ("`handouts list`", f"{s(m['listing']):.2f} s", "", ""),
        ("Peak memory, full build -j 1", f"{full_1.peak_mb:.0f} MB", "", "<= 200 MB"),
    ]
    desk = m["desk"]
    assert isinstance(desk, Load)
    rows.append((f"Print desk: {DESK_REQUESTS} packs (16 pages each), {DESK_CLIENTS} clients "
                 "at once, loopback", f"p50 {desk.p50:.2f} s, p95 {desk.p95:.2f} s",
                 f"{desk.errors} errors; one pack at a time (ReportLab)", "0 errors"))
    if isinstance(peer, tuple):
        rows.append(("Typst, the same sheet's text (warm, in-process)",
                     f"{peer[0] * 1000:.1f} ms", "plain text, no boxes or footer", ""))
    lines = ["# Benchmark results", "",
             "Made by `python benchmarks/run.py` (README, \"Speed\"). Medians of 3 to 5 runs "
             "on a fresh copy of the example catalog; commands run as new processes with "
             "their own startup.", "", *machine(), "",
             "| What | Time | Ratio | Target |", "|---|---|---|---|",
             *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows), ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
