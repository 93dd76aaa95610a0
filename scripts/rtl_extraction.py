"""How well PDF text extractors read a right-to-left catalog back, without the
structure tree: the share of the printed sentences of the language's handout and block
PO files (three words or more, without placeholders) found exactly, in reading order, in the text each extractor
gives.

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
from pathlib import Path

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


def normal(text: str) -> str:
    # A Persian zero-width non-joiner is drawn as a space glyph of no width (the font
    # has no glyph of its own for it): extractors read a space.
    # pdftotext marks each run's direction with invisible embedding controls (U+202A-C):
    # formatting, not text.
    text = re.sub("[\u202a-\u202e]", "", unicodedata.normalize("NFKC", text))
    return " ".join(text.replace("\u00ad", "").replace("\u200c", " ").split())


def main() -> None:
    project = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    language = sys.argv[2] if len(sys.argv) > 2 else "ar"
    pdfs = sorted((project / "output").glob(f"*/{language}/*.pdf"))
    if not pdfs:
        sys.exit(f"no '{language}' PDFs in output/: build them first "
                 f"(handouts build --lang {language})")
    wanted = sentences(project, language)
    readers = {
        "PDFium (pypdfium2)": lambda p: " ".join(
            page.get_textpage().get_text_range() for page in pdfium.PdfDocument(p)),
        "pypdf": lambda p: " ".join(page.extract_text() for page in pypdf.PdfReader(p).pages),
    }
    if shutil.which("pdftotext"):
        readers["poppler's pdftotext"] = lambda p: subprocess.run(
            ["pdftotext", "-q", str(p), "-"], capture_output=True, text=True).stdout
    for name, read in readers.items():
        text = normal(" ".join(read(p) for p in pdfs))
        found = sum(1 for sentence in wanted if normal(sentence) in text)
        print(f"{name}: {found} of {len(wanted)} sentences ({100 * found / len(wanted):.1f}%)")


if __name__ == "__main__":
    main()
