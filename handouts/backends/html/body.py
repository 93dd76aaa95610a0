"""The semantic tree as accessible HTML: a handler per element, as the PDF backend has
one per flowable. Headings, lists and paragraphs stay what they are; a tone box becomes
a labelled region whose word and icon come first; tick boxes become check boxes and
lines to write on text fields, each with its label; images are embedded."""

from __future__ import annotations

import base64
import mimetypes
from pathlib import Path

from markupsafe import Markup, escape

from handouts.document.islands import isolate_latin
from handouts.document.model import Document
from handouts.document.semantic import Element, Visitor, element_text
from handouts.document.theme import TONE_STYLES, Icon
from handouts.names import Tone

# Each icon as SVG paths on a 16 x 16 grid: decoration beside the box's word (the word
# carries the meaning), so hidden from screen readers.
ICON_PATHS: dict[Icon, str] = {
    Icon.INFO: '<circle cx="8" cy="8" r="8"/><circle cx="8" cy="4.3" r="1.3" fill="#fff"/>'
               '<rect x="6.9" y="6.6" width="2.2" height="6.2" fill="#fff"/>',
    Icon.WARNING: '<path d="M8 0.5 L15.8 15 H0.2 Z"/><rect x="7" y="5" width="2" height="5.5"'
                  ' fill="#fff"/><circle cx="8" cy="12.6" r="1.1" fill="#fff"/>',
    Icon.CLOCK: '<circle cx="8" cy="8" r="8"/><path d="M8 8 V3.2 M8 8 L11.8 10" '
                'stroke="#fff" stroke-width="1.7" stroke-linecap="round" fill="none"/>',
    Icon.STOP: '<path d="M4.7 0 H11.3 L16 4.7 V11.3 L11.3 16 H4.7 L0 11.3 V4.7 Z"/>'
               '<rect x="7" y="3.2" width="2" height="6.8" fill="#fff"/>'
               '<circle cx="8" cy="12.4" r="1.2" fill="#fff"/>',
}


def icon_svg(icon: Icon) -> Markup:
    return Markup(f'<svg class="icon" viewBox="0 0 16 16" width="20" height="20" '
                  f'aria-hidden="true" focusable="false">{ICON_PATHS[icon]}</svg>')


def data_uri(path: Path) -> str:
    """A file as a data: address, so the page needs nothing beside it."""
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


class BodyWriter(Visitor):
    def __init__(self, document: Document):
        self.document = document
        self.words = document.words
        # Browsers apply the bidi algorithm as our PDF text engine does: Latin parts of
        # right-to-left text need the same isolates to read as one unit.
        self.text = isolate_latin if document.setting.rtl else str
        self.fields = 0  # numbers the ids of form fields and box labels

    def write(self, root: Element) -> Markup:
        return self.blocks(root.children)

    def blocks(self, children: list[Element | str]) -> Markup:
        parts: list[Markup] = []
        for child in children:
            if isinstance(child, str):
                if child.strip():
                    parts.append(Markup("<p>{}</p>").format(self.text(child.strip())))
                continue
            handler = self.handler(child)
            parts.append(handler(self, child) if handler else self.paragraph(child))
        return Markup("\n").join(parts)

    def _id(self, stem: str) -> str:
        self.fields += 1
        return f"{stem}-{self.fields}"

    # -- text

    def inline(self, element: Element) -> Markup:
        parts: list[Markup] = []
        for child in element.children:
            if isinstance(child, str):
                parts.append(escape(self.text(child)))
            elif child.tag == "br":
                parts.append(Markup("<br>"))
            elif child.tag in ("strong", "b", "em", "i"):
                tag = {"b": "strong", "i": "em"}.get(child.tag, child.tag)
                parts.append(Markup(f"<{tag}>") + self.inline(child) + Markup(f"</{tag}>"))
        return Markup("").join(parts)

    def heading(self, element: Element) -> Markup:
        return Markup(f"<{element.tag}>") + self.inline(element) + Markup(f"</{element.tag}>")

    def paragraph(self, element: Element) -> Markup:
        css = element.attrs.get("class")
        start = Markup('<p class="{}">').format(css) if css else Markup("<p>")
        return start + self.inline(element) + Markup("</p>")

    # -- sections and boxes

    def section(self, element: Element) -> Markup:
        return Markup("<section>\n") + self.blocks(element.children) + Markup("\n</section>")

    def aside(self, element: Element) -> Markup:
        """A box: a region named by its label ("Emergency"), which is read first, with
        its icon and its call ("Call 999 now")."""
        tone = Tone(element.attrs.get("tone", Tone.INFO))
        words = tone.words
        if words is None:
            return self.section(element)
        label_id = self._id("box")
        call = self.document.calls.get(words.call) if words.call else None
        head = Markup('<p class="box-label" id="{}">{}<span>{}</span></p>').format(
            label_id, icon_svg(TONE_STYLES[tone].icon), self.words.tone_label(tone))
        if call:
            head += Markup('\n<p class="box-call">{}</p>').format(call)
        return (Markup('<section class="box tone-{}" aria-labelledby="{}">\n').format(
            tone, label_id) + head + Markup("\n") + self.blocks(element.children)
            + Markup("\n</section>"))

    # -- lists

    def listing(self, element: Element) -> Markup:
        items = Markup("\n").join(Markup("<li>") + self.inline(li) + Markup("</li>")
                                  for li in element.elements() if li.tag == "li")
        return Markup(f"<{element.tag}>\n") + items + Markup(f"\n</{element.tag}>")

    def checklist(self, element: Element) -> Markup:
        """Each item a real check box with the item's words as its label."""
        items: list[Markup] = []
        for li in element.elements():
            if li.tag != "li":
                continue
            box = self._id("tick")
            item = Markup('<li><input type="checkbox" id="{}"><label for="{}">{}</label>'
                          ).format(box, box, self.inline(li))
            write = li.attrs.get("write", "").split()
            if write:
                item += Markup('<span class="write-ins">') + Markup("").join(
                    self._field(self.words.write_label(kind), kind) for kind in write) \
                    + Markup("</span>")
            items.append(item + Markup("</li>"))
        return Markup('<ul class="checklist">\n') + Markup("\n").join(items) \
            + Markup("\n</ul>")

    def contents(self, element: Element) -> Markup:
        return self.listing(element)

    # -- lines to write on

    def fill_in(self, element: Element) -> Markup:
        fields = []
        for label in element.elements():
            field = next((e for e in label.elements() if e.tag == "input"), None)
            if label.tag == "label" and field is not None:
                fields.append(self._field(element_text(label), field.attrs.get("name", "text"),
                                          field.attrs.get("value")))
        return Markup('<p class="fill-in">') + Markup(" ").join(fields) + Markup("</p>")

    def _field(self, label: str, kind: str, value: str | None = None) -> Markup:
        field = self._id(kind)
        value_attr = Markup(' value="{}"').format(value) if value else Markup("")
        return Markup('<span class="field"><label for="{}">{}</label> <input type="text" '
                      'id="{}" name="{}" autocomplete="off"{}></span>').format(
            field, label, field, field, value_attr)

    # -- pictures

    def figure(self, element: Element) -> Markup:
        parts = []
        for child in element.elements():
            if child.tag == "img":
                parts.append(self.image(child))
            elif child.tag == "figcaption":
                parts.append(Markup("<figcaption>") + self.inline(child)
                             + Markup("</figcaption>"))
        return Markup("<figure>") + Markup("").join(parts) + Markup("</figure>")

    def image(self, element: Element) -> Markup:
        path = self.document.origin.assets / element.attrs.get("src", "")
        width = element.attrs.get("width-mm")
        style = Markup(' style="max-width: {}mm"').format(width) if width else Markup("")
        return Markup('<img src="{}" alt="{}"{}>').format(
            data_uri(path), element.attrs.get("alt", ""), style)


BodyWriter.handlers = {
    ("h1", None): BodyWriter.heading, ("h2", None): BodyWriter.heading,
    ("h3", None): BodyWriter.heading,
    ("p", None): BodyWriter.paragraph, ("p", "fill-in"): BodyWriter.fill_in,
    ("section", None): BodyWriter.section, ("aside", None): BodyWriter.aside,
    ("ul", None): BodyWriter.listing, ("ol", None): BodyWriter.listing,
    ("ul", "checklist"): BodyWriter.checklist, ("ol", "contents"): BodyWriter.contents,
    ("figure", None): BodyWriter.figure, ("img", None): BodyWriter.image,
}
