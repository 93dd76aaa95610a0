"""The semantic document a template renders: a small, checked subset of HTML.

Templates write structure (headings, paragraphs, lists, toned boxes, figures); this
module parses it into a tree and rejects anything outside the subset, so that a typo in
a template is an error naming the element instead of silently missing output.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

from handouts.errors import HandoutsError, Problem
from handouts.names import Tone, WriteIn

TONES: tuple[str, ...] = tuple(Tone)
WRITE_INS: tuple[str, ...] = tuple(WriteIn)

# tag -> allowed attributes (with allowed values where they are a closed set)
ALLOWED: dict[str, dict[str, tuple[str, ...] | None]] = {
    "h1": {}, "h2": {}, "h3": {},
    "p": {"class": ("summary", "band", "small", "fill-in")},
    "ul": {"class": ("checklist",)}, "ol": {"class": ("contents",)},
    "li": {"write": WRITE_INS, "page": None},
    # A fill-in line: <label>Child's name <input name="child-name"></label>
    "label": {}, "input": {"name": None, "value": None},
    "section": {"id": None},
    "aside": {"id": None, "tone": TONES},
    "figure": {}, "figcaption": {},
    "img": {"src": None, "alt": None, "width-mm": None},
    "strong": {}, "em": {}, "b": {}, "i": {}, "br": {},
}
VOID = {"img", "br", "input"}
# Attributes whose value is a space-separated list of words from a closed set.
TOKEN_LISTS = {"write"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)

    def elements(self) -> list[Element]:
        return [c for c in self.children if isinstance(c, Element)]


class Visitor:
    """Turns elements into something else through a table of handlers, one per element,
    chosen by tag and class (``("ul", "checklist")`` before ``("ul", None)``), the way
    rst2pdf maps docutils nodes to flowables. A backend subclasses it and fills in
    ``handlers``; an element without a handler goes to :meth:`unknown`."""

    handlers: ClassVar[dict[tuple[str, str | None], Callable[[Any, Element], Any]]] = {}

    def handler(self, element: Element) -> Callable[[Any, Element], Any] | None:
        return (self.handlers.get((element.tag, element.attrs.get("class")))
                or self.handlers.get((element.tag, None)))


def parse_document(markup: str, template: Path | str) -> Element:
    """Parse rendered template output; HandoutsError lists every element outside the subset."""
    parser = _Parser(str(template))
    parser.feed(markup)
    parser.close()
    if parser.stack[1:] and not parser.problems:
        open_tags = ", ".join(f"<{e.tag}>" for e in parser.stack[1:])
        parser.problems.append(Problem(f"template {Path(template).name} leaves {open_tags} "
                                       "unclosed", file=Path(template)))
    if parser.problems:
        raise HandoutsError(parser.problems)
    return parser.stack[0]


class _Parser(HTMLParser):
    def __init__(self, template: str):
        super().__init__(convert_charrefs=True)
        self.template = template
        self.stack = [Element("document")]
        self.problems: list[Problem] = []

    def _problem(self, message: str, hint: str | None = None) -> None:
        line = self.getpos()[0]
        self.problems.append(Problem(f"template {Path(self.template).name} produced {message} "
                                     f"(line {line} of its output)", file=Path(self.template),
                                     hint=hint))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED:
            self._problem(f"an unsupported element <{tag}>",
                          "supported: " + ", ".join(f"<{t}>" for t in ALLOWED))
            return
        checked = {}
        for name, value in attrs:
            allowed = ALLOWED[tag]
            values = allowed.get(name)
            if name not in allowed:
                self._problem(f"<{tag} {name}=...>, an attribute the layout does not know",
                              f"<{tag}> takes: {', '.join(allowed) or 'no attributes'}")
            elif values is not None and not _allowed_value(name, value or "", values):
                self._problem(f"<{tag} {name}=\"{value}\">", "expected one of: "
                              + ", ".join(values))
            else:
                checked[name] = value or ""
        element = Element(tag, checked)
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ALLOWED and tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag not in ALLOWED:
            return
        if self.stack[-1].tag != tag:
            self._problem(f"</{tag}> where </{self.stack[-1].tag}> was expected")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _allowed_value(name: str, value: str, allowed: tuple[str, ...]) -> bool:
    if name in TOKEN_LISTS:
        return bool(value.split()) and all(token in allowed for token in value.split())
    return value in allowed


def document_text(element: Element) -> str:
    """All text of a document, including attribute text that gets printed (alt excluded)."""
    return "".join(c if isinstance(c, str) else document_text(c) for c in element.children)


def element_text(element: Element) -> str:
    """The words of an element, with runs of white space made single spaces."""
    return " ".join("".join(
        c if isinstance(c, str) else element_text(c) for c in element.children).split())
