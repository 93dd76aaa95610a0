"""Marked content for a tagged PDF, through ReportLab's public canvas interface.

ReportLab has no tagging API. While a page is drawn, :class:`Tagger` writes
``/P <</MCID n>> BDC … EMC`` around each piece of real content with
``Canvas.addLiteral`` and records which structure element (a :class:`Node`) the piece
belongs to and on which page. ``structure.py`` then writes the structure tree from the
nodes; everything drawn outside a marked piece becomes an artifact there.

The nodes are made while the story is built, in reading order; a flowable split across
pages is marked once per page, under the same node.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable


class Role(StrEnum):
    """The standard structure types of PDF 1.7 that handouts use."""

    DOCUMENT = "Document"
    PART = "Part"
    SECT = "Sect"
    H1 = "H1"
    H2 = "H2"
    H3 = "H3"
    P = "P"
    L = "L"
    LI = "LI"
    LBL = "Lbl"
    LBODY = "LBody"
    FIGURE = "Figure"
    CAPTION = "Caption"
    FORM = "Form"
    TOC = "TOC"
    TOCI = "TOCI"


@dataclass(frozen=True)
class Mark:
    """One marked-content sequence: the page (from 0) and its MCID there."""

    page: int
    mcid: int


@dataclass(frozen=True)
class Widget:
    """A form field's widget on a page, found by its field name after the PDF is made."""

    page: int
    name: str


@dataclass(eq=False)
class Node:
    """A structure element. ``alt`` is a figure's description, ``actual_text`` the
    words in reading order when the drawn glyphs are not (shaped, right-to-left)."""

    role: Role
    alt: str | None = None
    actual_text: str | None = None
    lang: str | None = None
    children: list[Node | Mark | Widget] = field(default_factory=list)

    def add(self, role: Role, alt: str | None = None) -> Node:
        child = Node(role, alt=alt)
        self.children.append(child)
        return child


class Tagger:
    """Writes the marks of one PDF and remembers them under their nodes."""

    def __init__(self, language: str):
        self.root = Node(Role.DOCUMENT, lang=language)
        self._next: dict[int, int] = {}  # page -> next MCID

    @contextmanager
    def marked(self, canv: Canvas, node: Node, actual_text: str | None = None
               ) -> Iterator[None]:
        """Everything drawn inside is content of ``node``."""
        page = canv.getPageNumber() - 1
        mcid = self._next.get(page, 0)
        self._next[page] = mcid + 1
        node.children.append(Mark(page, mcid))
        if actual_text is not None:
            node.actual_text = (node.actual_text + " " if node.actual_text else "") + \
                actual_text
        canv.addLiteral(f"/{node.role} <</MCID {mcid}>> BDC")
        try:
            yield
        finally:
            canv.addLiteral("EMC")

    def widget(self, canv: Canvas, node: Node, name: str) -> None:
        """A form field on this page belongs to ``node`` (a Form element)."""
        node.children.append(Widget(canv.getPageNumber() - 1, name))


class Tagged(Flowable):
    """A flowable drawn as the content of a structure element; its parts, when it is
    split across pages, stay content of the same element."""

    def __init__(self, inner: Flowable, tagger: Tagger, node: Node):
        super().__init__()
        self.inner, self.tagger, self.node = inner, tagger, node
        self.hAlign = getattr(inner, "hAlign", "LEFT")
        self.keepWithNext = inner.getKeepWithNext()

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrapOn(self.canv, aw, ah)
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        parts = self.inner.splitOn(self.canv, aw, ah)
        if len(parts) == 1 and parts[0] is self.inner:
            return [self]
        return [Tagged(part, self.tagger, self.node) for part in parts]

    def getSpaceBefore(self) -> float:
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.inner.getSpaceAfter())

    def draw(self) -> None:
        with self.tagger.marked(self.canv, self.node, actual_text_of(self.inner)):
            self.inner.drawOn(self.canv, 0, 0)


def actual_text_of(flowable: Flowable) -> str | None:
    """The words of a flowable whose glyphs do not read in order (shaped text)."""
    text = getattr(flowable, "logical_text", None)
    return text() if callable(text) else None
