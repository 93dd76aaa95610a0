"""The semantic tree as ReportLab flowables: one handler per element (the table at the
end of this module), as rst2pdf maps document nodes to flowables."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from xml.sax.saxutils import escape

from PIL import Image as PILImage
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Image, Table, TableStyle

from handouts.backends.pdf.flowables import Blank, CheckBox, SvgFlowable, WriteIn, raster
from handouts.backends.pdf.lists import BULLET, ItemTags, ListItem
from handouts.backends.pdf.options import PdfOptions
from handouts.backends.pdf.stacking import Section
from handouts.backends.pdf.styles import Styles, colour, inline_markup
from handouts.backends.pdf.tagging import Node, Role, Tagged, Tagger
from handouts.backends.pdf.tonebox import BoxLabels, BoxTags, ToneBox
from handouts.document.model import Document
from handouts.document.semantic import Element, Visitor, element_text
from handouts.document.theme import BLANK_LENGTHS, INK, MM, MUTED, TONE_STYLES
from handouts.names import Tone

HEADINGS = ("h2", "h3")
HEADING_ROLES = {"h1": Role.H1, "h2": Role.H2, "h3": Role.H3}
SHORT_ITEM = 30  # characters: bullet lists of only short items go in two columns
NO_PADDING = [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]


class StoryBuilder(Visitor):
    def __init__(self, document: Document, styles: Styles, frame_width: float,
                 options: PdfOptions, tagger: Tagger):
        self.document = document
        self.tagger = tagger
        self.parent = tagger.root  # the structure element new content goes into
        self.words = document.words
        self.styles = styles
        self.frame_width = frame_width
        self.options = options
        self.heading_ink: colors.Color | None = None  # headings inside a tone box
        self.field_section, self.checked = "item", 0  # names of form fields

    def build(self, root: Element) -> list[Flowable]:
        return self.blocks(root.children)

    def blocks(self, children: list[Element | str]) -> list[Flowable]:
        story: list[Flowable] = []
        for child in children:
            if isinstance(child, str):
                if child.strip():
                    story.append(self.tag(self.styles.paragraph(escape(child.strip()),
                                                                "body"), Role.P))
                continue
            handler = self.handler(child)
            story.extend(handler(self, child) if handler else self.paragraph(child))
        return story

    # -- structure (tagged PDF)

    def tag(self, flowable: Flowable, role: Role, alt: str | None = None) -> Tagged:
        """``flowable`` as the content of a new ``role`` element in the current one."""
        return Tagged(flowable, self.tagger, self.parent.add(role, alt=alt))

    @contextmanager
    def within(self, role: Role) -> Iterator[Node]:
        """New elements go into a new ``role`` element until the block ends."""
        outer = self.parent
        self.parent = outer.add(role)
        try:
            yield self.parent
        finally:
            self.parent = outer

    # -- text

    def heading(self, element: Element) -> list[Flowable]:
        style = self.styles[element.tag]
        if self.heading_ink is not None:
            style = ParagraphStyle(f"{element.tag}-toned", parent=style,
                                   textColor=self.heading_ink)
        return [self.tag(self.styles.paragraph(inline_markup(element), style),
                         HEADING_ROLES[element.tag])]

    def paragraph(self, element: Element) -> list[Flowable]:
        """A paragraph in its class's style (summary, band, small), or a stray element's
        text as body text."""
        style = element.attrs.get("class", "body") if element.tag == "p" else "body"
        return [self.tag(self.styles.paragraph(inline_markup(element), style), Role.P)]

    # -- sections and boxes

    def section(self, element: Element) -> list[Flowable]:
        """A plain section; split across pages, its heading starts the next page again
        as "<heading> (continued)" (a repeat, so not part of the structure tree)."""
        with self.within(Role.SECT):
            content = self._inside(element, None)
        first = element.elements()[0] if element.elements() else None
        if first is None or first.tag not in HEADINGS or not content:
            return content
        style = self.styles[first.tag]
        continued = self.styles.paragraph(
            self.words.continued.format(label=inline_markup(first)), style)
        return [Section(content[0], continued, content[1:], self.styles.format.fit_sides)]

    def aside(self, element: Element) -> list[Flowable]:
        """A tone box; ``tone="normal"`` is a plain section."""
        tone = Tone(element.attrs.get("tone", Tone.INFO))
        words = tone.words
        if words is None:
            return self.section(element)
        style = TONE_STYLES[tone]
        label = self.words.tone_label(tone)
        labels = BoxLabels(label, self.words.continued.format(label=label),
                           self.document.calls.get(words.call) if words.call else None)
        with self.within(Role.SECT) as box:
            # The label (and the call) first: they are what a reader meets first.
            tags = BoxTags(self.tagger, box.add(Role.P),
                           box.add(Role.P) if labels.call else None)
            content = self._inside(element, colour(style.ink))
        return [ToneBox(style, labels, content, self.styles, tags)]

    def _inside(self, element: Element, heading_ink: colors.Color | None) -> list[Flowable]:
        # Form fields are named after their section: "feeding-2", "feeding-2-date".
        self.field_section, self.checked = element.attrs.get("id", "item"), 0
        outer, self.heading_ink = self.heading_ink, heading_ink
        try:
            return self.blocks(element.children)
        finally:
            self.heading_ink = outer

    # -- lists

    def listing(self, element: Element) -> list[Flowable]:
        items = [li for li in element.elements() if li.tag == "li"]
        numbered = element.tag == "ol"
        with self.within(Role.L):
            if not numbered and self.styles.format.two_column_lists and len(items) >= 4 \
                    and all(len(element_text(li)) <= SHORT_ITEM for li in items):
                return [self._two_columns(items)]
            return self._list(items, numbered)

    def _list(self, items: list[Element], numbered: bool) -> list[Flowable]:
        # One flowable per item rather than a ListFlowable: items take part in
        # keepWithNext, so a heading never ends a page without its first item.
        body = self.styles["body"]
        fonts = self.document.fonts
        style = ParagraphStyle(
            "ol" if numbered else "ul", parent=body,
            leftIndent=body.fontSize * (1.6 if numbered else 1.3), bulletIndent=0,
            spaceAfter=2, bulletFontName=fonts.bold if numbered else fonts.regular,
            bulletFontSize=body.fontSize,
            bulletColor=self.styles.primary if numbered else self.styles.accent)
        last = ParagraphStyle(f"{style.name}-last", parent=style, spaceAfter=body.spaceAfter)
        paragraphs: list[Flowable] = [
            ListItem(f"{self.words.number(n)}." if numbered else BULLET,
                     self.styles.paragraph(inline_markup(li),
                                           last if n == len(items) else style),
                     style, self.styles.direction, ItemTags.under(self.tagger, self.parent))
            for n, li in enumerate(items, start=1)]
        # No single item alone at the foot or the head of a page.
        if len(paragraphs) >= 2:
            paragraphs[0].keepWithNext = 1
            paragraphs[-2].keepWithNext = 1
        return paragraphs

    def _two_columns(self, items: list[Element]) -> Flowable:
        """Short bullet items read faster, and waste less paper, side by side."""
        half = (len(items) + 1) // 2
        columns = self.styles.direction.left_to_right(
            [self._list(items[:half], False), self._list(items[half:], False)])
        table = Table([columns], colWidths=[self.frame_width / 2] * 2, hAlign="LEFT")
        table.setStyle(self._table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        table.spaceAfter = self.styles["body"].spaceAfter
        return table

    def checklist(self, element: Element) -> list[Flowable]:
        body = self.styles["body"]
        size = body.fontSize
        rows = []
        listing = self.parent.add(Role.L)
        for li in element.elements():
            if li.tag != "li":
                continue
            self.checked += 1
            name = f"{self.field_section}-{self.checked}"
            item = listing.add(Role.LI)
            # A printed box is drawn for a pen (an artifact); a form's box is a field.
            field = (name, item.add(Role.LBL).add(Role.FORM)) if self.options.fillable \
                else None
            content = item.add(Role.LBODY)
            cell: list[Flowable] = [Tagged(self.styles.paragraph(inline_markup(li), body),
                                           self.tagger, content.add(Role.P))]
            write = li.attrs.get("write", "").split()
            if write:
                cell.append(self.write_in([Blank(self.words.write_label(kind),
                                                 f"{name}-{kind}", kind) for kind in write],
                                          content))
            box = CheckBox(size, colour(INK), self.tagger, field, element_text(li))
            rows.append(self.styles.direction.left_to_right([box, cell]))
        widths = self.styles.direction.left_to_right([size + 10, None])
        box_column = 1 if self.styles.direction.rtl else 0  # boxes where reading starts
        table = Table(rows, colWidths=widths, hAlign="LEFT")
        table.setStyle(self._table_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), *NO_PADDING,
            ("TOPPADDING", (box_column, 0), (box_column, -1), (body.leading - size) / 2 + 1),
            ("TOPPADDING", (1 - box_column, 0), (1 - box_column, -1), 0),
            ("ALIGN", (box_column, 0), (box_column, -1), "RIGHT" if box_column else "LEFT"),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]))
        table.spaceAfter = body.spaceAfter
        return [table]

    def contents(self, element: Element) -> list[Flowable]:
        """A pack's contents: each handout with its page number at the end of the line,
        on a dotted line that leads the eye across."""
        body = self.styles["body"]
        number = ParagraphStyle("contents-page", parent=body,
                                fontName=self.document.fonts.bold, alignment=2)
        toc = self.parent.add(Role.TOC)
        rows = []
        for li in element.elements():
            if li.tag != "li":
                continue
            entry = toc.add(Role.TOCI)
            page = escape(self.words.number(int(li.attrs.get("page", 0))))
            rows.append(self.styles.direction.left_to_right([
                Tagged(self.styles.paragraph(inline_markup(li), body), self.tagger,
                       entry.add(Role.P)),
                Tagged(self.styles.paragraph(page, number), self.tagger,
                       entry.add(Role.P))]))
        widths = self.styles.direction.left_to_right([None, 18 * MM])
        table = Table(rows, colWidths=widths, hAlign="LEFT")
        table.setStyle(self._table_style([
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), *NO_PADDING,
            ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LINEBELOW", (0, 0), (-1, -1), 0.8, colour(MUTED), 1, (1, 3)),
        ]))
        return [table]

    def _table_style(self, commands: list[Any]) -> TableStyle:
        """``commands`` and the document's own face for cells: a table otherwise sets
        ReportLab's Helvetica, which is never embedded."""
        return TableStyle([("FONT", (0, 0), (-1, -1), self.document.fonts.regular),
                           *commands])

    # -- lines to write on

    def fill_in(self, element: Element) -> list[Flowable]:
        """``<label>Child's name <input name="child-name"></label>``, side by side."""
        blanks = []
        for label in element.elements():
            field = next((e for e in label.elements() if e.tag == "input"), None)
            if label.tag != "label" or field is None:
                continue
            name = field.attrs.get("name", "")
            kind = name.rsplit("-", 1)[-1]
            blanks.append(Blank(element_text(label), name,
                                kind if kind in BLANK_LENGTHS else "text",
                                field.attrs.get("value") or None))
        flowable = self.write_in(blanks, self.parent)
        flowable.spaceBefore, flowable.spaceAfter = 2, 8
        return [flowable]

    def write_in(self, blanks: list[Blank], parent: Node) -> WriteIn:
        """Lines to write on: their labels a paragraph of ``parent``, their fields (in
        a form) Form elements in it."""
        return WriteIn(blanks, self.document.fonts, self.styles["body"].fontSize,
                       self.options.fillable, self.styles.direction,
                       (self.tagger, parent.add(Role.P)))

    # -- pictures

    def figure(self, element: Element) -> list[Flowable]:
        story: list[Flowable] = []
        for child in element.elements():
            if child.tag == "img":
                story.extend(self.image(child))
            elif child.tag == "figcaption":
                story.append(self.tag(self.styles.paragraph(inline_markup(child), "caption"),
                                      Role.CAPTION))
        return story

    def image(self, element: Element) -> list[Flowable]:
        path = self.document.origin.assets / element.attrs.get("src", "")
        wanted = element.attrs.get("width-mm")
        width = min(float(wanted) * MM if wanted else self.frame_width, self.frame_width)
        if path.suffix.lower() == ".svg":
            flowable: Flowable = SvgFlowable(path, width, self.document.fonts.regular)
        else:
            with PILImage.open(path) as img:
                w, h = img.size
            flowable = Image(raster(path, self.options.grayscale), width=width,
                             height=width * h / w)
        flowable.hAlign = self.styles.direction.start_side
        alt = element.attrs.get("alt", "").strip()
        # An image without alternative text is decoration: an artifact, as in HTML.
        return [self.tag(flowable, Role.FIGURE, alt=alt) if alt else flowable]


StoryBuilder.handlers = {
    ("h1", None): StoryBuilder.heading, ("h2", None): StoryBuilder.heading,
    ("h3", None): StoryBuilder.heading,
    ("p", None): StoryBuilder.paragraph, ("p", "fill-in"): StoryBuilder.fill_in,
    ("section", None): StoryBuilder.section, ("aside", None): StoryBuilder.aside,
    ("ul", None): StoryBuilder.listing, ("ol", None): StoryBuilder.listing,
    ("ul", "checklist"): StoryBuilder.checklist, ("ol", "contents"): StoryBuilder.contents,
    ("figure", None): StoryBuilder.figure, ("img", None): StoryBuilder.image,
}
