"""Tagged PDF (PDF/UA-1): what the `pdfua` checker verifies on every example PDF, and the
rules beyond its subset that matter for handouts, checked by walking the structure tree
with pikepdf: everything drawn is tagged or an artifact, headings nest, lists are
L > LI > Lbl + LBody, figures have alternative text, the language is declared, fonts are
embedded, and the tree reads the document's words in order in every language."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pikepdf
import pypdf
import pytest
from conftest import ProjectCopy
from structure import Element, structure, unmarked_painting

from handouts.document.compose import compose_handout
from handouts.document.semantic import document_text
from handouts.names import Tone, WriteIn
from handouts.pipeline.context import Session
from handouts.project.loader import load_project
from handouts.select.jobs import select_jobs

LANGUAGES = ("en", "ru", "es", "ar", "fa", "ur", "hi", "bn", "th", "fr")
# One of each kind: a sheet with bands, a card, a checklist with write-in lines.
KINDS = (("newborn-tremor", "under-1-month"), ("infant-massage", "6-weeks-to-3-months"),
         ("going-home", None))


def example_pdfs(catalog: ProjectCopy) -> list[Path]:
    return sorted(catalog.path("output").rglob("*.pdf"))


def test_every_example_pdf_passes_the_pdfua_checker(built_catalog: ProjectCopy) -> None:
    pdfs = example_pdfs(built_catalog)
    assert len(pdfs) == 340  # 17 handout bands x 2 brands x 10 languages
    checker = shutil.which("pdfua", path=str(Path(sys.executable).parent))
    assert checker, "the pdfua checker is a test dependency"
    result = subprocess.run([checker, "check", *map(str, pdfs)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.count("PASS (no findings)") == len(pdfs)
    assert "not evaluated" not in result.stdout  # every rule of its subset ran


def test_nothing_is_drawn_outside_tagged_content_or_an_artifact(
        built_catalog: ProjectCopy) -> None:
    """Stricter than the checker, which looks at text and images only: paths too."""
    for path in example_pdfs(built_catalog):
        assert unmarked_painting(path) == [], path


def test_the_document_claims_pdfua_with_its_title_and_language(
        built_catalog: ProjectCopy) -> None:
    for lang in LANGUAGES:
        path = built_catalog.pdf("riverside", "going-home", lang=lang)
        with pikepdf.open(path) as pdf:
            assert pdf.pdf_version >= "1.7"
            assert bool(pdf.Root.MarkInfo.Marked)
            assert str(pdf.Root.Lang) == lang
            assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
            xmp = pdf.open_metadata()
            assert xmp["pdfuaid:part"] == "1"
            assert xmp["dc:title"] == str(pdf.docinfo.Title)
            document = structure(path).children[0]
            assert document.role == "Document" and document.lang == lang


def test_every_font_is_embedded(built_catalog: ProjectCopy) -> None:
    """No reference to ReportLab's Helvetica, which is never embedded."""
    for path in example_pdfs(built_catalog):
        with pikepdf.open(path) as pdf:
            for page in pdf.pages:
                for font in _fonts(page):
                    descriptor = (font.DescendantFonts[0] if "/DescendantFonts" in font
                                  else font).get("/FontDescriptor")
                    assert descriptor is not None and "/FontFile2" in descriptor, \
                        (path, str(font.get("/BaseFont")))


def _fonts(page: pikepdf.Page) -> list[pikepdf.Object]:
    found = list(page.Resources.get("/Font", {}).values())
    for xobject in page.Resources.get("/XObject", {}).values():
        if "/Resources" in xobject:
            found += list(xobject.Resources.get("/Font", {}).values())
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_headings_nest_lists_are_lists_and_figures_say_what_they_show(
        built_catalog: ProjectCopy, lang: str) -> None:
    for handout, band in KINDS:
        tree = structure(built_catalog.pdf("riverside", handout, lang=lang, band=band))
        elements = list(tree.walk())
        levels = [int(e.role[1]) for e in elements if re.fullmatch(r"H\d", e.role)]
        assert levels[0] == 1 and levels.count(1) == 1
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
        for element in elements:
            if element.role == "L":
                assert element.children and {c.role for c in element.children} == {"LI"}
            if element.role == "LI":
                assert {c.role for c in element.children} <= {"Lbl", "LBody"}
                assert element.children[-1].role == "LBody"
            if element.role == "Figure":
                assert element.alt
            if element.role in ("H1", "H2", "H3", "P", "Lbl", "LBody"):
                assert element.marks or element.children, element.role  # never empty
        figures = [e.alt for e in elements if e.role == "Figure"]
        assert figures[0] == "Riverside Family Clinic"  # the logo, read first
        if handout != "infant-massage":  # sheets and checklists carry a QR code
            assert re.fullmatch(r".+riverside-clinic\.example/h/.+", figures[-1] or "")


def test_a_box_reads_its_label_before_its_content(built_catalog: ProjectCopy) -> None:
    tree = structure(built_catalog.pdf("riverside", "going-home"))
    boxes = [e for e in tree.walk() if e.role == "Sect" and e.children
             and e.children[0].role == "P" and e.children[0].text.strip() == "Emergency"]
    assert len(boxes) == 1
    assert [c.text.strip() for c in boxes[0].children[:3]] == [
        "Emergency", "Call 999 now", "Call 999 now if your baby:"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_tree_reads_the_documents_words_in_order(built_catalog: ProjectCopy,
                                                     lang: str) -> None:
    """The structure tree, read in order (Arabic through /ActualText), gives the words of
    the semantic document, plus only the words the layout adds: box labels, calls, the
    labels of write-in lines and the disclaimer of the footer (read once)."""
    project = load_project(built_catalog.root)
    session = Session(project)
    for handout, band in KINDS:
        job = next(job for job in select_jobs(project, (handout,), ("riverside",),
                                              locales=(lang,))
                   if job.band is None or job.band.id == band)
        language = session.language(lang)
        document = compose_handout(job, session.handout(job), language,
                                   session.search_path(job.brand))
        added = {language.words.tone_label(tone) for tone in Tone if tone.words} | set(
            document.calls.values()) | {language.words.write_label(kind) for kind in WriteIn} \
            | {language.words.disclaimer}
        path = built_catalog.pdf("riverside", handout, lang=lang, band=band)
        read = [text for text in _leaves(structure(path)) if not _only(text, added)]
        assert _squeezed("".join(read)) == _squeezed(document_text(document.body)), \
            (handout, lang)


def _only(text: str, words: set[str]) -> bool:
    """Whether ``text`` is nothing but some of ``words`` ("Date Time")."""
    rest = _squeezed(text)
    for word in sorted(words, key=len, reverse=True):
        rest = rest.replace(_squeezed(word), "")
    return bool(_squeezed(text)) and not rest


def _leaves(element: Element) -> list[str]:
    """The text of each element that reads as one piece, list labels left out."""
    if element.role == "Lbl":
        return []
    if element.actual_text is not None or not element.children:
        return [element.actual_text if element.actual_text is not None else element.text]
    return [element.text] + [text for child in element.children for text in _leaves(child)]


def _squeezed(text: str) -> str:
    """Text without white space or hyphens: lines break and hyphenate differently in
    a PDF, the words and their order do not."""
    return re.sub(r"[\s\-\u00ad\u2010]", "", text)


def test_form_fields_are_form_elements_with_a_name(project: ProjectCopy) -> None:
    result = project.run("build", "going-home", "--fillable", "--brand", "riverside")
    assert result.exit_code == 0, result.output
    path = project.path("output/riverside/en/going-home--fillable.pdf")
    tree = structure(path)
    forms = [e for e in tree.walk() if e.role == "Form"]
    with pikepdf.open(path) as pdf:
        widgets = [a for page in pdf.pages for a in page.get("/Annots", [])
                   if a.get("/Subtype") == pikepdf.Name.Widget]
        assert widgets and len(forms) == len(widgets)
        assert all("/StructParent" in w and str(w.get("/TU", "")) for w in widgets)
        assert all(page.obj.get("/Tabs") == pikepdf.Name.S for page in pdf.pages
                   if "/Annots" in page.obj)


def test_a_pack_keeps_one_structure_tree(project: ProjectCopy) -> None:
    out = project.path("pack.pdf")
    result = project.run("pack", "newborn-discharge", "--age", "2w", "--out", str(out))
    assert result.exit_code == 0, result.output
    tree = structure(out)
    document = tree.children[0]
    assert document.role == "Document" and len(tree.children) == 1
    parts = [child for child in document.children if child.role == "Part"]
    assert len(parts) >= 5  # the cover and each handout
    headings = [e.text.strip() for e in tree.walk() if e.role == "H1"]
    assert "Going home with your baby" in headings
    assert unmarked_painting(out) == []


def test_the_footer_is_an_artifact_but_the_disclaimer_is_read_once(
        built_catalog: ProjectCopy) -> None:
    tree = structure(built_catalog.pdf("riverside", "going-home"))  # two pages
    texts = [e.text.strip() for e in tree.walk() if e.text.strip()]
    assert texts.count("This handout does not replace advice from your doctor or nurse.") == 1
    assert not any(text.startswith(("Page ", "going-home", "Riverside Family Clinic"))
                   for text in texts)


def lang_spans(path: Path) -> list[tuple[str, str]]:
    """(language, text) of each marked-content span with a /Lang of its own."""
    spans: list[tuple[str, str]] = []
    for page in pypdf.PdfReader(path).pages:
        stack: list[str | None] = []

        def before(op: bytes, args: list[Any], *_: object) -> None:
            if op == b"BDC":
                props = args[1] if len(args) > 1 else {}
                lang = props.get("/Lang") if hasattr(props, "get") else None
                stack.append(str(lang) if lang is not None else None)
                if lang is not None:
                    spans.append((str(lang), ""))
            elif op == b"BMC":
                stack.append(None)
            elif op == b"EMC" and stack:
                stack.pop()

        def text(chunk: str, *_: object) -> None:
            if stack and stack[-1] is not None and chunk:
                spans[-1] = (spans[-1][0], spans[-1][1] + chunk)

        page.extract_text(visitor_operand_before=before, visitor_text=text)
    return spans


@pytest.mark.parametrize("lang", ["fa", "hi", "th"])
def test_latin_words_in_another_script_carry_the_clinics_language(
        built_catalog: ProjectCopy, lang: str) -> None:
    """The clinic's name inside a Persian, Hindi or Thai sheet is marked as English
    (the clinic's language, en-GB for Riverside), so a screen reader says it in English;
    nothing else is."""
    spans = lang_spans(built_catalog.pdf("riverside", "going-home", lang=lang))
    assert spans and {language for language, _ in spans} == {"en-GB"}
    assert any("Riverside Family Clinic" in text for _, text in spans)
    assert all(re.search("[A-Za-z]", text) for _, text in spans), spans
    assert not lang_spans(built_catalog.pdf("riverside", "going-home", lang="es"))
