"""How well PDF text extractors read a right-to-left catalog back, without the
structure tree: the share of the printed sentences of the language's handout and block
PO files (three words or more, without placeholders) found exactly, in reading order, in
the text each extractor gives. A sentence counts as printed when the PDFs' structure
trees (their /ActualText, the text as written) have it: a PO file also holds words that
no built PDF shows (another band's, the web page's).

    .venv/bin/handouts build --lang ar && .venv/bin/python scripts/rtl_extraction.py . ar

Needs poppler's pdftotext (Debian's poppler-utils) for its row. Compared after Unicode
NFKC normalization (Arabic presentation forms are letters) and with runs of white space
made one space (a sentence may wrap).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pikepdf
import polib
import pypdf
import pypdfium2 as pdfium


def sentences(project: Path, language: str) -> set[str]:
    found = set()
    for po in (project / "data/translations" / language).rglob("*.po"):
        if po.name == "_interface.po":
            continue  # mostly the print desk's words, which no PDF prints
        for entry in polib.pofile(str(po)):
            if entry.obsolete or not entry.msgstr or "{" in entry.msgstr \
                    or "not printed" in entry.comment:
                continue
            for sentence in re.split(r"(?<=[.!؟?:۔])\s+", re.sub(r"\*+", "", entry.msgstr)):
                if len(sentence.split()) >= 3:
                    found.add(" ".join(sentence.split()))
    return found


def printed(pdfs: list[Path]) -> str:
    """The text of the PDFs as their structure trees give it."""
    texts: list[str] = []

    def walk(element: pikepdf.Object | None) -> None:
        if not isinstance(element, pikepdf.Dictionary):
            return
        if "/ActualText" in element:
            texts.append(str(element.ActualText))
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            walk(kid)

    for path in pdfs:
        with pikepdf.open(path) as pdf:
            walk(pdf.Root.StructTreeRoot)
    return normal(" ".join(texts))


def normal(text: str) -> str:
    # A Persian zero-width non-joiner is drawn as a space glyph of no width (the font
    # has no glyph of its own for it): extractors read a space.
    # pdftotext marks each run's direction with invisible embedding controls (U+202A-C):
    # formatting, not text.
    text = re.sub("[\u202a-\u202e]", "", unicodedata.normalize("NFKC", text))
    return " ".join(text.replace("\u00ad", "").replace("\u200c", " ").split())


def _pdfium(path: Path) -> str:
    return " ".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(path))


def _pypdf(path: Path) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def _pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-q", str(path), "-"], capture_output=True,
                          text=True).stdout


READERS: dict[str, Callable[[Path], str]] = {
    "PDFium (pypdfium2)": _pdfium, "pypdf": _pypdf, "poppler's pdftotext": _pdftotext}


def measure(project: Path, language: str) -> dict[str, tuple[int, int]]:
    """For each reader: the printed sentences found exactly, and how many there are."""
    pdfs = sorted((project / "output").glob(f"*/{language}/*.pdf"))
    if not pdfs:
        sys.exit(f"no '{language}' PDFs in {project / 'output'}: build them first "
                 f"(handouts build --lang {language})")
    shown = printed(pdfs)
    wanted = [normal(s) for s in sentences(project, language) if normal(s) in shown]
    found = {}
    for name, read in READERS.items():
        if read is _pdftotext and not shutil.which("pdftotext"):
            continue
        text = normal(" ".join(read(path) for path in pdfs))
        found[name] = (sum(sentence in text for sentence in wanted), len(wanted))
    return found


def main() -> None:
    project = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    language = sys.argv[2] if len(sys.argv) > 2 else "ar"
    for name, (found, total) in measure(project, language).items():
        print(f"{name}: {found} of {total} sentences ({100 * found / total:.1f}%)")


if __name__ == "__main__":
    main()
