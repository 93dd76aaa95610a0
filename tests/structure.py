"""Reading a tagged PDF the way assistive technology does: the structure tree in order,
each element's marked content (or its /ActualText), with pikepdf and pypdf."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pypdf

PAINTING = {"Tj", "TJ", "'", '"', "Do", "sh", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s"}


@dataclass
class Element:
    role: str
    alt: str | None
    actual_text: str | None
    lang: str | None
    text: str = ""  # its own marked content's text, in content order
    marks: int = 0  # marked-content sequences (and form fields) it owns
    children: list[Element] = field(default_factory=list)

    def walk(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            yield from child.walk()

    def reading(self, skip: frozenset[str] = frozenset()) -> Iterator[str]:
        """Its words in reading order: /ActualText where it has one."""
        if self.role in skip:
            return
        if self.actual_text is not None:
            yield self.actual_text
            return
        if self.text:
            yield self.text
        for child in self.children:
            yield from child.reading(skip)


def marked_text(path: Path) -> dict[tuple[int, int], str]:
    """The text pypdf extracts from each (page, MCID)."""
    found: dict[tuple[int, int], list[str]] = defaultdict(list)
    for number, page in enumerate(pypdf.PdfReader(path).pages):
        stack: list[int | None] = []

        def before(op: bytes, args: list, *_: object) -> None:
            if op == b"BDC":
                props = args[1] if len(args) > 1 else {}
                stack.append(props.get("/MCID") if hasattr(props, "get") else None)
            elif op == b"BMC":
                stack.append(None)
            elif op == b"EMC" and stack:
                stack.pop()

        def text(chunk: str, *_: object) -> None:
            mcid = next((m for m in reversed(stack) if m is not None), None)
            if mcid is not None and chunk:
                found[(number, mcid)].append(chunk)

        page.extract_text(visitor_operand_before=before, visitor_text=text)
    return {key: "".join(parts) for key, parts in found.items()}


def structure(path: Path) -> Element:
    """The document's structure tree, with each element's text."""
    texts = marked_text(path)
    with pikepdf.open(path) as pdf:
        pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
        root = pdf.Root.StructTreeRoot
        top = Element("StructTreeRoot", None, None, None)
        for kid in _kids(root):
            top.children.append(_element(kid, None, pages, texts))
        return top


def _kids(obj: pikepdf.Object) -> list[pikepdf.Object]:
    kids = obj.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _element(obj: pikepdf.Object, page: int | None, pages: dict[tuple[int, int], int],
             texts: dict[tuple[int, int], str]) -> Element:
    def get(key: str) -> str | None:
        return str(obj[key]) if key in obj else None

    element = Element(str(obj.S)[1:], get("/Alt"), get("/ActualText"), get("/Lang"))
    if "/Pg" in obj:
        page = pages[obj.Pg.objgen]
    for kid in _kids(obj):
        if isinstance(kid, int) or (isinstance(kid, pikepdf.Object) and kid._type_code
                                    == pikepdf.ObjectType.integer):
            element.marks += 1
            element.text += texts.get((page, int(kid)), "")
        elif kid.get("/Type") == pikepdf.Name.MCR:
            element.marks += 1
            element.text += texts.get((pages[kid.Pg.objgen], int(kid.MCID)), "")
        elif kid.get("/Type") == pikepdf.Name.OBJR:
            element.marks += 1
        else:
            element.children.append(_element(kid, page, pages, texts))
    return element


def unmarked_painting(path: Path) -> list[tuple[int, str]]:
    """(page, operator) of everything drawn outside any marked-content sequence."""
    found = []
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            depth = 0
            for op in pikepdf.parse_content_stream(page):
                if isinstance(op, pikepdf.ContentStreamInlineImage):
                    name = "BI"
                else:
                    name = str(op.operator)
                if name in ("BDC", "BMC"):
                    depth += 1
                elif name == "EMC":
                    depth -= 1
                elif depth == 0 and (name in PAINTING or name == "BI"):
                    found.append((number, name))
    return found
