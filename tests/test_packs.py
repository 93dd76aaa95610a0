"""Packs: one PDF with a cover, contents, bookmarks, page labels and duplex blanks."""

from __future__ import annotations

import re

import pypdf
import pytest
from conftest import ProjectCopy
from test_build import normalized
from test_errors import fails, line_of

PACK = "data/packs/newborn-discharge.yaml"
# The pack's handouts for a baby of 2 weeks, in order, with the title on their first page.
PARTS = [("going-home", None, "Going home with your baby"),
         ("feeding-and-nappies", None, "Feeding and nappies in the first weeks"),
         ("jaundice", None, "Jaundice: when to worry"),
         ("crying-and-coping", None, "Crying and coping"),
         ("newborn-tremor", "under-1-month", "Newborn tremor: when to worry"),
         ("infant-massage", "under-6-weeks", "Infant massage rules"),
         ("sleep-hygiene", "baby", "Sleep hygiene")]
BLANK = "This page is intentionally blank."


def make_pack(project: ProjectCopy, *options: str) -> pypdf.PdfReader:
    result = project.run("pack", "newborn-discharge", "--age", "2w", "--on", "2026-11-21",
                         "--out", str(project.path("pack.pdf")), *options)
    assert result.exit_code == 0, result.output
    return pypdf.PdfReader(project.path("pack.pdf"))


def part_pages(project: ProjectCopy) -> list[int]:
    """Page counts of the pack's handouts, built on their own."""
    assert project.run("build", "--brand", "riverside").exit_code == 0
    return [len(pypdf.PdfReader(project.pdf("riverside", handout, band=band or "")).pages)
            if band else len(pypdf.PdfReader(
                project.path(f"output/riverside/en/{handout}.pdf")).pages)
            for handout, band, _ in PARTS]


def texts(reader: pypdf.PdfReader) -> list[str]:
    return [normalized(page.extract_text()) for page in reader.pages]


def test_simplex_pack_is_cover_then_each_handout_in_order(project: ProjectCopy) -> None:
    counts = part_pages(project)
    reader = make_pack(project, "--simplex")
    pages = texts(reader)
    assert len(pages) == 1 + sum(counts)
    assert "Newborn discharge pack" in pages[0] and "Contents" in pages[0]
    first = 1
    for (_, _, title), count in zip(PARTS, counts):
        assert pages[first].startswith("Riverside Family Clinic") and title in pages[first]
        first += count
    assert not any(BLANK in page for page in pages)


def test_duplex_pack_starts_every_handout_on_a_right_hand_page(project: ProjectCopy) -> None:
    reader = make_pack(project, "--duplex")
    pages = texts(reader)
    assert len(pages) % 2 == 0  # ends on a back, so the next pack starts on a new sheet
    starts = [next(i for i, page in enumerate(pages) if title in page and "Page" in page
                   and i > 0) for _, _, title in PARTS]
    assert all(index % 2 == 0 for index in starts), starts  # 0-based even: a front
    assert BLANK in pages[1]  # the back of the one-page cover
    for index, page in enumerate(pages):
        if BLANK in page:
            assert page == BLANK  # nothing else on a blank back
            assert index + 1 in starts or index == 1 or index == len(pages) - 1


def test_contents_page_numbers_bookmarks_and_labels_match_the_pages(
        project: ProjectCopy) -> None:
    reader = make_pack(project)
    pages = texts(reader)
    labels = reader.page_labels
    assert labels[:2] == ["i", "ii"]
    assert labels[2:] == [str(n) for n in range(1, len(pages) - 1)]
    total = len(pages) - 2
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline}
    assert outline["Newborn discharge pack"] == 0
    for _, band, title in PARTS:
        bookmark = next(name for name in outline if name.startswith(title))
        label = bookmark[len(title) + 3:] if band else ""  # "Title \u2013 band label"
        listed = re.search(re.escape(f"{title} {label}".strip()) + r" (\d+)", pages[0])
        assert listed, (title, pages[0])
        number = int(listed.group(1))
        index = labels.index(str(number))
        assert title in pages[index]
        assert f"Page {number} of {total}" in pages[index]  # the footer, as printed
        assert outline[bookmark] == index


def test_name_and_birth_date_only_where_asked_never_in_metadata(project: ProjectCopy) -> None:
    plain = texts(make_pack(project))
    assert "Prepared for" not in plain[0] and "Born" not in plain[0]
    result = project.run("pack", "newborn-discharge", "--born", "2026-11-07", "--on",
                         "2026-11-21", "--name", "Amira Haddad")
    assert result.exit_code == 0, result.output
    assert "Amira" not in result.output and "2026-11-07" not in result.output
    written = list(project.path("output").rglob("*.pdf"))
    assert [p.name for p in written if "packs" in p.parts] == ["newborn-discharge--personal.pdf"]
    path = next(p for p in written if "packs" in p.parts)
    reader = pypdf.PdfReader(path)
    pages = texts(reader)
    assert "Prepared for Amira Haddad" in pages[0] and "Born 07/11/2026" in pages[0]
    assert "Printed 21/11/2026" in pages[0]
    # The checklists' name lines ask for the name (the first pages of going-home, pages 2-3,
    # and of feeding-and-nappies, pages 4-5); no other page prints it.
    assert [i for i, page in enumerate(pages) if "Amira" in page] == [0, 2, 4]
    assert "Child’s name Amira Haddad" in pages[2]
    assert "Child’s name Amira Haddad" in pages[4] and "Feeding and nappies" in pages[4]
    metadata = " ".join(str(value) for value in reader.metadata.values())
    bookmarks = " ".join(item.title for item in reader.outline)
    for secret in ("Amira", "2026-11-07", "07/11/2026"):
        assert secret not in metadata and secret not in bookmarks
    assert reader.metadata.title == "Newborn discharge pack"


def test_pack_is_in_the_chosen_language(project: ProjectCopy) -> None:
    project.edit("handouts.yaml", "  - en\n", "  - en\n  - es\n")
    reader = make_pack(project, "--lang", "es", "--brand", "harbour")
    pages = texts(reader)
    assert "Guía para el alta del recién nacido" in pages[0] and "Contenido" in pages[0]
    assert pages[1] == "Esta página se ha dejado en blanco a propósito."
    assert reader.metadata.title == "Guía para el alta del recién nacido"
    assert str(reader.trailer["/Root"]["/Lang"]) == "es"


@pytest.mark.parametrize("imposition", [None, "2up", "4up"])
def test_cards_in_a_pack_print_on_the_packs_paper(project: ProjectCopy,
                                                 imposition: str | None) -> None:
    """By default (1up) a card sits on a sheet of the pack's paper with cut marks, so the
    whole pack goes through one printer tray; 2up and 4up print copies to cut."""
    if imposition:
        project.edit(PACK, "  - handout: infant-massage\n    band: by-age\n",
                     "  - handout: infant-massage\n    band: by-age\n"
                     f"    imposition: {imposition}\n")
    reader = make_pack(project, "--simplex")
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in reader.pages}
    assert sizes == {(595, 842)}  # every page A4, the card sides too
    card = [text for text in texts(reader) if "Infant massage rules" in text
            and "Page" in text]
    copies = {None: 1, "2up": 2, "4up": 4}[imposition]
    assert card and card[0].count("Infant massage rules") == copies


def test_a_card_can_keep_its_own_size_in_a_pack(project: ProjectCopy) -> None:
    project.edit(PACK, "  - handout: infant-massage\n    band: by-age\n",
                 "  - handout: infant-massage\n    band: by-age\n    imposition: none\n")
    reader = make_pack(project, "--simplex")
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in reader.pages}
    assert sizes == {(595, 842), (298, 420)}


def test_same_pack_twice_gives_identical_bytes(project: ProjectCopy) -> None:
    first = make_pack(project).stream
    first.seek(0)
    data = first.read()
    second = make_pack(project).stream
    second.seek(0)
    assert second.read() == data


def test_by_age_needs_the_childs_age(project: ProjectCopy) -> None:
    output = fails(project, "pack", "newborn-discharge")
    line = line_of(project, PACK, "- handout: newborn-tremor") + 1
    assert f"newborn-discharge.yaml:{line}" in output
    assert "picks the band of 'newborn-tremor' by the child's age" in output
    assert "--born YYYY-MM-DD" in output


def test_unknown_pack_suggests_the_right_one(project: ProjectCopy) -> None:
    output = fails(project, "pack", "newborn-discharg", "--age", "2w")
    assert "unknown pack 'newborn-discharg'" in output
    assert "did you mean 'newborn-discharge'?" in output


@pytest.mark.parametrize(("old", "new", "message"), [
    ("- handout: sleep-hygiene", "- handout: sleep-hygeine",
     "no handout with id 'sleep-hygeine'"),
    ("    band: baby", "    band: babies", "handout 'sleep-hygiene' has no age band 'babies'"),
    ("  - handout: going-home\n", "  - handout: going-home\n    imposition: 2up\n",
     "'going-home' is a checklist; imposition is for cards"),
])
def test_pack_file_mistakes_point_at_the_line(project: ProjectCopy, old: str, new: str,
                                              message: str) -> None:
    project.edit(PACK, old, new)
    output = fails(project, "pack", "newborn-discharge", "--age", "2w")
    assert message in output
    needle = new.strip().splitlines()[-1]
    assert f"newborn-discharge.yaml:{line_of(project, PACK, needle)}:" in output


def test_check_renders_pack_covers(project: ProjectCopy) -> None:
    project.edit("templates/cover.html.j2", "{{ words.contents }}", "{{ words.contentz }}")
    result = project.run("check")
    assert result.exit_code == 1
    line = line_of(project, "templates/cover.html.j2", "words.contentz")
    assert f"templates/cover.html.j2:{line}: build: undefined template variable" in result.output
    assert result.output.count("contentz") == 1  # once, not per brand and language
