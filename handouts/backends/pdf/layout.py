"""Lay out a semantic document with ReportLab: typography, tone boxes and the page frame.

Python owns everything about how a page looks (sizes, colours, spacing, the header and
footer); the template only says what is on it. "Page X of Y" needs the page count, so a
document is built twice: the first pass counts pages (and finds card overflow), the
second prints the final numbers. ``invariant=1`` makes the bytes reproducible.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image as PILImage
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A6, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch, mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, Image, NextPageTemplate,
                                PageTemplate, Table, TableStyle)

from handouts.colors import gray_equivalent
from handouts.errors import HandoutsError, Problem
from handouts.document.fonts import FontSet
from handouts.project.images import load_svg
from handouts.document.semantic import Element
from handouts.backends.pdf.shaped_text import TextDirection
from handouts.i18n.words import Words

CARD_SIZES = {"A4": A6, "Letter": (4.25 * inch, 5.5 * inch)}  # a quarter of the sheet
PAPER_SIZES = {"A4": A4, "Letter": LETTER}
CARD_MARGIN, SHEET_MARGIN = 6 * mm, 15 * mm
INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#4A4A4A")
SAMPLE_INK = colors.HexColor("#8A1C1C")
DRAFT_INK = colors.Color(0.7, 0.1, 0.1, alpha=0.16)
HYPHENATE_FROM = 8  # letters: splitting shorter words ("an-tes") costs more than it saves
FOOTER_SIZE = 9  # points, on sheets and checklists
SHORT_ITEM = 30  # characters: bullet lists of only short items go in two columns


@dataclass(frozen=True)
class ToneStyle:
    background: colors.Color
    ink: colors.Color  # stripe, icon and label; dark enough for text on the background


TONES = {
    "info": ToneStyle(colors.HexColor("#E8F1FB"), colors.HexColor("#1D4E89")),
    "watch": ToneStyle(colors.HexColor("#FFF4D6"), colors.HexColor("#7A5200")),
    "urgent": ToneStyle(colors.HexColor("#FFE9D6"), colors.HexColor("#9A3B00")),
    "emergency": ToneStyle(colors.HexColor("#FCE4E4"), colors.HexColor("#A4161A")),
}


TEXT_CONTRAST = 4.5  # WCAG 2.x AA, normal text
GRAPHIC_CONTRAST = 3.0  # WCAG 2.x AA, icons and bullets


@dataclass(frozen=True)
class ColourPair:
    """A foreground the theme draws on a background, and the contrast it needs."""

    what: str
    foreground: colors.Color
    background: colors.Color
    minimum: float
    brand_colour: str | None = None  # the brand's colour key it depends on, if any


def colour_pairs(primary: str, on_primary: str) -> list[ColourPair]:
    """Every text and icon colour the theme prints, on what, for a brand's colours.
    (The accent colour only draws rules and bullets, which carry no meaning.)"""
    white = colors.white
    brand_primary = colors.HexColor(primary)
    pairs = [
        ColourPair("body text", INK, white, TEXT_CONTRAST),
        ColourPair("small print and captions", MUTED, white, TEXT_CONTRAST),
        ColourPair("status notes in the footer", SAMPLE_INK, white, TEXT_CONTRAST),
        ColourPair("headings", brand_primary, white, TEXT_CONTRAST, "primary"),
        ColourPair("clinic name on the header band", colors.HexColor(on_primary),
                   brand_primary, TEXT_CONTRAST, "on_primary"),
    ]
    for tone, style in TONES.items():
        pairs += [
            ColourPair(f"text in the {tone} box", INK, style.background, TEXT_CONTRAST),
            ColourPair(f"captions in the {tone} box", MUTED, style.background, TEXT_CONTRAST),
            ColourPair(f"label and headings of the {tone} box", style.ink, style.background,
                       TEXT_CONTRAST),
            ColourPair(f"icon of the {tone} box", white, style.ink, GRAPHIC_CONTRAST),
        ]
    return pairs


@dataclass(frozen=True)
class PageInfo:
    """What the page frame prints around the content."""

    clinic: str
    phone: str
    emergency_number: str
    website: str | None
    address: str | None
    footer_note: str | None
    logo: Path | None
    paper: str
    title: str
    handout_id: str
    version: int | None  # None on a pack's cover
    review_by: str | None  # dates already in the locale's format
    reviewed_on: str | None
    notes: tuple[str, ...]  # status lines: sample content, unreviewed translation
    draft: str | None  # "Draft translation": stamped across every page
    primary: str
    accent: str
    on_primary: str
    qr_url: str | None = None  # the online version: a QR code in the footer


@dataclass(frozen=True)
class PageNumbering:
    """Page numbers of a handout inside a pack: its first page is ``first`` of ``total``."""

    first: int
    total: int


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str


@dataclass(frozen=True)
class LayoutRequest:
    document: Element
    kind: str  # sheet | card | checklist | cover (of a pack)
    sides: int
    page: PageInfo
    metadata: Metadata
    words: Words
    fonts: FontSet
    image_dir: Path
    source: Path  # the handout file, for error messages
    label: str  # names the handout and brand in error messages
    hyphenation: str | None = None  # pyphen language, for the narrow columns of cards
    grayscale: bool = False  # a proof for black-and-white printers
    fillable: bool = False  # form fields for tick boxes and write-in lines
    numbering: PageNumbering | None = None  # the pack's page numbers, inside a pack
    rtl: bool = False  # a right-to-left language: the page is mirrored
    shaping: bool = False  # a script set with HarfBuzz (Arabic, Devanagari...)

    @property
    def direction(self) -> TextDirection:
        return TextDirection(self.rtl, self.shaping)


def to_gray(color: object) -> colors.Color:
    """ReportLab's colour hook: every fill and stroke as its grey of equal luminance."""
    rgb = colors.toColor(color)
    return colors.Color(*gray_equivalent(rgb.rgb()), alpha=rgb.alpha)


def raster(path: Path, grayscale: bool) -> str | io.BytesIO:
    """A PNG or JPEG for drawing, in grey (as PNG data) for a grayscale proof."""
    if not grayscale:
        return str(path)
    data = io.BytesIO()
    with PILImage.open(path) as picture:
        picture.convert("LA" if "A" in picture.getbands() else "L").save(data, "PNG")
    data.seek(0)
    return data


@dataclass
class Styles:
    fonts: FontSet
    card: bool
    primary: colors.Color
    accent: colors.Color
    hyphenation: str | None = None
    direction: TextDirection = field(default_factory=lambda: TextDirection(False, False))
    by_name: dict[str, ParagraphStyle] = field(default_factory=dict)

    def __post_init__(self) -> None:
        f = self.fonts
        body, lead = (12, 14.5) if self.card else (12.5, 16.5)

        def style(name: str, **kw: object) -> None:
            base = dict(fontName=f.regular, fontSize=body, leading=lead, textColor=INK,
                        spaceAfter=4 if self.card else 6,
                        hyphenationLang=self.hyphenation if self.card else None,
                        hyphenationMinWordLength=HYPHENATE_FROM)
            base.update(kw)
            self.by_name[name] = ParagraphStyle(name, **base)  # type: ignore[arg-type]

        style("body")
        style("h1", fontName=f.bold, fontSize=18 if self.card else 24,
              leading=21 if self.card else 28, textColor=self.primary,
              spaceAfter=4 if self.card else 6)
        style("summary", fontSize=14 if not self.card else 12.5,
              leading=19 if not self.card else 16, textColor=INK, spaceAfter=10)
        style("h2", fontName=f.bold, fontSize=13.5 if self.card else 16.5,
              leading=16.5 if self.card else 20, textColor=self.primary,
              spaceBefore=5 if self.card else 11, spaceAfter=2 if self.card else 4,
              keepWithNext=1)
        style("h3", fontName=f.bold, fontSize=12.5 if self.card else 14,
              leading=15.5 if self.card else 18, spaceBefore=4, spaceAfter=3, keepWithNext=1)
        style("small", fontSize=10, leading=13, textColor=MUTED)
        style("band", fontName=f.bold, fontSize=13 if self.card else 14.5,
              leading=16 if self.card else 18, textColor=INK, spaceAfter=4)
        style("caption", fontName=f.italic, fontSize=10.5, leading=13.5, textColor=MUTED)
        style("tone-label", fontName=f.bold, fontSize=body, leading=lead)

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.by_name[name]

    def paragraph(self, markup: str, style: ParagraphStyle | str,
                  bullet: str | None = None) -> Flowable:
        """A paragraph in the language's direction and script."""
        if isinstance(style, str):
            style = self[style]
        return self.direction.paragraph(markup, style, bullet)

    def side(self, left: str) -> str:
        """hAlign for something that sits at the start of the line: LEFT, or RIGHT in
        right-to-left text."""
        return {"LEFT": "RIGHT", "RIGHT": "LEFT"}.get(left, left) if self.direction.rtl \
            else left


# ---------------------------------------------------------------- inline markup

_INLINE_TAGS = {"strong": "b", "b": "b", "em": "i", "i": "i"}


def inline_markup(element: Element) -> str:
    """Children of an element as ReportLab paragraph markup (text escaped)."""
    parts: list[str] = []
    for child in element.children:
        if isinstance(child, str):
            parts.append(escape(re.sub(r"\s+", " ", child)))
        elif child.tag == "br":
            parts.append("<br/>")
        elif child.tag in _INLINE_TAGS:
            tag = _INLINE_TAGS[child.tag]
            parts.append(f"<{tag}>{inline_markup(child)}</{tag}>")
    return "".join(parts).strip()


def plain_text(element: Element) -> str:
    return " ".join("".join(
        c if isinstance(c, str) else plain_text(c) for c in element.children).split())


# ---------------------------------------------------------------- flowables


class CheckBox(Flowable):
    """An empty square to tick with a pen, or a form checkbox named ``field``."""

    def __init__(self, size: float, color: colors.Color, field: str | None = None,
                 tooltip: str = ""):
        super().__init__()
        self.size = size
        self.color = color
        self.field = field
        self.tooltip = tooltip

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        if self.field is not None:
            self.canv.acroForm.checkbox(
                name=self.field, tooltip=self.tooltip, size=self.size, relative=True,
                buttonStyle="check", borderColor=self.color, fillColor=colors.white,
                textColor=INK, borderWidth=1.3, forceBorder=True, fieldFlags="")
            return
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(1.3)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


@dataclass(frozen=True)
class Blank:
    """A labelled line to write on; ``kind`` sets its length, ``name`` names its field."""

    label: str
    name: str
    kind: str  # date | time | initials | note | text
    value: str | None = None  # printed on the line instead of leaving it blank


# Lines long enough for the handwriting they hold; notes and names share what is left.
BLANK_LENGTHS = {"date": 34 * mm, "time": 22 * mm, "initials": 22 * mm}
FLEXIBLE_BLANK = 45 * mm  # shortest line for a name or a note


class WriteIn(Flowable):
    """Labelled lines side by side ("Date ______   Initials ____"), wrapping to a new row
    when the column is full; form text fields over the lines with ``fillable``."""

    def __init__(self, blanks: list[Blank], fonts: FontSet, size: float, fillable: bool,
                 direction: TextDirection):
        super().__init__()
        self.blanks = blanks
        self.fonts = fonts
        self.text = direction
        self.size = size
        self.fillable = fillable
        self.row_height = size * 2.1
        self.rows: list[list[tuple[Blank, float, float]]] = []  # (blank, x, line length)

    def _label_width(self, blank: Blank) -> float:
        return self.text.width(blank.label, self.fonts.regular, self.size) + 5

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        gap = 5 * mm
        rows: list[list[tuple[Blank, float, float]]] = [[]]
        x = 0.0
        for blank in self.blanks:
            need = self._label_width(blank) + BLANK_LENGTHS.get(blank.kind, FLEXIBLE_BLANK)
            if rows[-1] and x + need > aw:
                rows.append([])
                x = 0.0
            rows[-1].append((blank, x, BLANK_LENGTHS.get(blank.kind, 0.0)))
            x += need + gap
        # Flexible lines (names, notes) take the room their row has left.
        for row in rows:
            flexible = [i for i, (b, _, _) in enumerate(row) if b.kind not in BLANK_LENGTHS]
            fixed = sum(self._label_width(b) + length for b, _, length in row) + gap * (
                len(row) - 1)
            share = max(FLEXIBLE_BLANK, (aw - fixed - sum(
                self._label_width(row[i][0]) for i in flexible)) / max(1, len(flexible)))
            x = 0.0
            for i, (blank, _, length) in enumerate(row):
                row[i] = (blank, x, share if i in flexible else length)
                x += self._label_width(blank) + row[i][2] + gap
        self.rows = rows
        self.width = aw
        self.height = len(rows) * self.row_height
        return aw, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        for number, row in enumerate(self.rows, start=1):
            base = self.height - number * self.row_height + self.size * 0.5
            for blank, x, length in row:
                label = self._label_width(blank)
                if self.text.rtl:  # label on the right, the line to its left
                    x = self.width - x - label - length
                    label_x, start = x + length + label, x
                else:
                    label_x, start = x, x + label
                c.setFillColor(MUTED)
                self.text.draw(c, label_x, base, blank.label, self.fonts.regular, self.size)
                c.setStrokeColor(MUTED)
                c.setLineWidth(0.7)
                c.line(start, base - 2, start + length, base - 2)
                if blank.value:
                    c.setFillColor(INK)
                    size = _fitting_size(self.text, blank.value, self.fonts.regular,
                                         self.size, length - 4)
                    self.text.draw(c, start + length - 2 if self.text.rtl else start + 2,
                                   base, blank.value, self.fonts.regular, size)
                elif self.fillable:
                    # Above the line, so the printed line stays visible under the field.
                    c.acroForm.textfield(
                        name=blank.name, tooltip=blank.label, x=start, y=base - 1.5,
                        width=length, height=self.size * 1.45, relative=True,
                        borderWidth=0, fillColor=colors.white, textColor=INK,
                        fontSize=self.size - 1, maxlen=200)
        c.restoreState()


class ToneBox(Flowable):
    """A tinted box with a stripe, a drawn icon and a word, around some flowables.

    Meaning never rests on colour alone: each tone has its own icon shape and label.
    The box splits across pages like normal text; the rest gets a "(continued)" label.
    """

    def __init__(self, tone: str, label: str, content: list[Flowable], styles: Styles,
                 card: bool, continued_label: str, call: str | None = None):
        super().__init__()
        self.continued_label = continued_label
        self.call = call  # "Call 999 now", printed large at the right of the label row
        self.tone = tone
        self.style = TONES[tone]
        self.label = label
        self.content = content
        self.styles = styles
        self.card = card
        self.pad = 6 if card else 9
        self.stripe = 4
        self.icon = 13 if card else 16
        label_style = ParagraphStyle("label", parent=styles["tone-label"],
                                     textColor=self.style.ink)
        self.label_para = styles.paragraph(escape(label), label_style)
        self.spaceBefore = 6 if card else 8
        self.spaceAfter = 6 if card else 8

    @property
    def inner_x(self) -> float:
        return self.stripe + self.pad

    def _inner_width(self, aw: float) -> float:
        return aw - self.inner_x - self.pad

    def _label_width(self, aw: float) -> float:
        """Room for the label beside the icon, and beside "Call 999 now" if there is one."""
        width = self._inner_width(aw) - self.icon - 6
        if self.call:
            width -= self.styles.direction.width(self.call, self.styles.fonts.bold,
                                                 self._call_size) + 8
        return width

    @property
    def _call_size(self) -> float:
        return self.label_para.style.fontSize * 1.25

    def _label_height(self, aw: float) -> float:
        return max(self.label_para.wrap(self._label_width(aw), 1e6)[1], self.icon) + 4

    def _content_heights(self, aw: float) -> list[tuple[Flowable, float, float]]:
        width = self._inner_width(aw)
        rows = []
        previous: Flowable | None = None
        for flowable in self.content:
            h = flowable.wrapOn(self.canv, width, 1e6)[1]
            rows.append((flowable, h, _gap(previous, flowable)))
            previous = flowable
        return rows

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        total = self.pad * 2 + self._label_height(aw)
        total += sum(h + gap for _, h, gap in self._content_heights(aw))
        self.height = total
        return aw, total

    def split(self, aw: float, ah: float) -> list[Flowable]:
        # A box is read as one unit: move it whole to the next page when it fits there
        # (always on cards, where front and back are separate), split it only if not.
        if self._fits_on_fresh_page() and (self.card or self.height < 0.6 * self._frame._height):
            return []
        available = ah - self.pad * 2 - self._label_height(aw)
        width = self._inner_width(aw)
        queue, head, used = list(self.content), [], 0.0
        while queue:
            flowable = queue.pop(0)
            gap = _gap(head[-1] if head else None, flowable)
            h = flowable.wrapOn(self.canv, width, 1e6)[1]
            if used + gap + h <= available:
                head.append(flowable)
                used += gap + h
                continue
            # Lists split into their items, paragraphs into lines: put the pieces back
            # in the queue and keep filling.
            parts = flowable.splitOn(self.canv, width, available - used - gap)
            if len(parts) > 1 and parts[0] is not flowable:
                queue[:0] = parts
                continue
            queue.insert(0, flowable)
            break
        if not head or not queue:
            return [] if not head else [self]
        return [self._with(head, self.label), self._with(queue, self.continued_label)]

    def _fits_on_fresh_page(self) -> bool:
        frame = getattr(self, "_frame", None)
        return frame is not None and self.height <= frame._height

    def _with(self, content: list[Flowable], label: str) -> ToneBox:
        return ToneBox(self.tone, label, content, self.styles, self.card,
                       self.continued_label, self.call)

    def _x(self, x: float, width: float) -> float:
        """Left end of something placed at x from the start side (mirrored in RTL)."""
        return self.width - x - width if self.styles.direction.rtl else x

    def draw(self) -> None:
        c = self.canv
        w, h = self.width, self.height
        c.saveState()
        c.setFillColor(self.style.background)
        c.roundRect(0, 0, w, h, 4, stroke=0, fill=1)
        c.setFillColor(self.style.ink)
        c.rect(self._x(0, self.stripe), 0, self.stripe, h, stroke=0, fill=1)
        top = h - self.pad
        label_h = self._label_height(w)
        draw_icon(c, self.tone, self._x(self.inner_x, self.icon), top - self.icon, self.icon,
                  self.style.ink)
        label_w = self._label_width(w)
        _, lh = self.label_para.wrap(label_w, 1e6)
        self.label_para.drawOn(c, self._x(self.inner_x + self.icon + 6, label_w),
                               top - (self.icon + lh) / 2 - 1 if lh <= self.icon else top - lh)
        if self.call:  # at the end of the label row
            size = self._call_size
            c.setFillColor(self.style.ink)
            self.styles.direction.draw(c, self.pad if self.styles.direction.rtl
                                       else w - self.pad, top - (self.icon + size * 0.7) / 2,
                                       self.call, self.styles.fonts.bold, size, anchor="end")
        y = top - label_h
        inner = self._inner_width(w)
        for flowable, fh, gap in self._content_heights(w):
            y -= gap + fh
            flowable.drawOn(c, self._x(self.inner_x, inner), y)
        c.restoreState()


def _gap(previous: Flowable | None, flowable: Flowable) -> float:
    """Space between two stacked flowables, collapsed the way a frame does it."""
    if previous is None:
        return 0
    return max(previous.getSpaceAfter(), flowable.getSpaceBefore())


def draw_icon(c: Canvas, tone: str, x: float, y: float, size: float,
              ink: colors.Color) -> None:
    """A vector icon per tone: i in a circle, ! in a triangle, a clock, ! in an octagon."""
    c.saveState()
    c.setFillColor(ink)
    c.setStrokeColor(ink)
    s = size
    if tone == "info":
        c.circle(x + s / 2, y + s / 2, s / 2, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.circle(x + s / 2, y + s * 0.74, s * 0.08, stroke=0, fill=1)
        c.rect(x + s * 0.43, y + s * 0.2, s * 0.14, s * 0.38, stroke=0, fill=1)
    elif tone == "watch":
        p = c.beginPath()
        p.moveTo(x + s / 2, y + s)
        p.lineTo(x + s, y + s * 0.08)
        p.lineTo(x, y + s * 0.08)
        p.close()
        c.drawPath(p, stroke=0, fill=1)
        _exclamation(c, x + s / 2, y + s * 0.2, s * 0.55)
    elif tone == "urgent":
        c.circle(x + s / 2, y + s / 2, s / 2, stroke=0, fill=1)
        c.setStrokeColor(colors.white)
        c.setLineWidth(max(1.2, s * 0.1))
        c.setLineCap(1)
        c.line(x + s / 2, y + s / 2, x + s / 2, y + s * 0.82)
        c.line(x + s / 2, y + s / 2, x + s * 0.74, y + s * 0.38)
    elif tone == "emergency":
        r = s / 2
        cx, cy = x + r, y + r
        p = c.beginPath()
        for i in range(8):
            angle = math.pi / 8 + i * math.pi / 4
            px, py = cx + r * math.cos(angle), cy + r * math.sin(angle)
            p.moveTo(px, py) if i == 0 else p.lineTo(px, py)
        p.close()
        c.drawPath(p, stroke=0, fill=1)
        _exclamation(c, cx, y + s * 0.2, s * 0.62)
    c.restoreState()


def _exclamation(c: Canvas, cx: float, bottom: float, height: float) -> None:
    c.setFillColor(colors.white)
    dot = height * 0.14
    c.circle(cx, bottom + dot, dot, stroke=0, fill=1)
    c.rect(cx - dot, bottom + dot * 3, dot * 2, height - dot * 3, stroke=0, fill=1)


class SvgFlowable(Flowable):
    """An SVG drawing scaled to a given width."""

    def __init__(self, path: Path, width: float):
        super().__init__()
        self.drawing = load_svg(path)
        scale = width / self.drawing.width
        self.scale = scale
        self.width = width
        self.height = self.drawing.height * scale

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.scale(self.scale, self.scale)
        renderPDF.draw(self.drawing, self.canv, 0, 0)
        self.canv.restoreState()


class _Doc(BaseDocTemplate):
    """Remembers where the last flowable ended, to measure how far a card overflows."""

    end_y: float | None = None

    def afterFlowable(self, flowable: Flowable) -> None:
        if self.frame is not None:
            self.end_y = self.frame._y


# ---------------------------------------------------------------- document → flowables


class StoryBuilder:
    def __init__(self, request: LayoutRequest, styles: Styles, frame_width: float):
        self.request = request
        self.styles = styles
        self.card = request.kind == "card"
        self.frame_width = frame_width
        self.section, self.checked = "item", 0  # names of form fields

    def build(self, root: Element) -> list[Flowable]:
        return self.blocks(root.children)

    def blocks(self, children: list[Element | str],
               heading_ink: colors.Color | None = None) -> list[Flowable]:
        story: list[Flowable] = []
        for child in children:
            if isinstance(child, str):
                if child.strip():
                    story.append(self.styles.paragraph(escape(child.strip()), "body"))
                continue
            story.extend(self.block(child, heading_ink))
        return story

    def block(self, element: Element, heading_ink: colors.Color | None = None) -> list[Flowable]:
        tag = element.tag
        if tag in ("h1", "h2", "h3"):
            style = self.styles[tag]
            if heading_ink is not None:
                style = ParagraphStyle(f"{tag}-toned", parent=style, textColor=heading_ink)
            return [self.styles.paragraph(inline_markup(element), style)]
        if tag == "p" and element.attrs.get("class") == "fill-in":
            return [self.fill_in(element)]
        if tag == "p":
            return [self.styles.paragraph(inline_markup(element),
                                          element.attrs.get("class", "body"))]
        if tag in ("section", "aside"):
            # Form fields are named after their section: "feeding-2", "feeding-2-date".
            self.section, self.checked = element.attrs.get("id", "item"), 0
        if tag == "section":
            return self.blocks(element.children)
        if tag == "aside":
            return [self.tone_box(element)]
        if tag == "ul" and element.attrs.get("class") == "checklist":
            return [self.checklist(element)]
        if tag == "ol" and element.attrs.get("class") == "contents":
            return [self.contents(element)]
        if tag in ("ul", "ol"):
            return self.listing(element)
        if tag == "figure":
            return self.figure(element)
        if tag == "img":
            return [self.image(element)]
        return [self.styles.paragraph(inline_markup(element), "body")]  # a stray <li>

    def tone_box(self, element: Element) -> Flowable:
        tone = element.attrs.get("tone", "info")
        children = element.children
        if tone == "normal":
            return self.blocks(children)  # type: ignore[return-value]
        words = self.request.words
        label = words.tone_label(tone) or tone
        call = (words.call_now.format(number=self.request.page.emergency_number)
                if tone == "emergency" else None)
        content = self.blocks(children, heading_ink=TONES[tone].ink)
        return ToneBox(tone, label, content, self.styles, self.card,
                       words.continued.format(label=label), call)

    def listing(self, element: Element) -> list[Flowable]:
        items = [li for li in element.elements() if li.tag == "li"]
        numbered = element.tag == "ol"
        if not numbered and not self.card and len(items) >= 4 and all(
                len(plain_text(li)) <= SHORT_ITEM for li in items):
            return [self._two_columns(items)]
        return self._list(items, numbered)

    def _list(self, items: list[Element], numbered: bool) -> list[Flowable]:
        # One paragraph per item (with ReportLab's bullet support) rather than a
        # ListFlowable: paragraphs take part in keepWithNext, so a heading never ends a
        # page without its first item.
        body = self.styles["body"]
        fonts = self.request.fonts
        indent = body.fontSize * (1.6 if numbered else 1.3)
        style = ParagraphStyle(
            "ol" if numbered else "ul", parent=body, leftIndent=indent, bulletIndent=0,
            spaceAfter=2, bulletFontName=fonts.bold if numbered else fonts.regular,
            bulletFontSize=body.fontSize,
            bulletColor=self.styles.primary if numbered else self.styles.accent)
        last = ParagraphStyle(f"{style.name}-last", parent=style, spaceAfter=body.spaceAfter)
        words = self.request.words
        paragraphs = [self.styles.paragraph(inline_markup(li),
                                            last if n == len(items) else style,
                                            f"{words.number(n)}." if numbered else "\u2022")
                      for n, li in enumerate(items, start=1)]
        # No single item alone at the foot or the head of a page.
        if len(paragraphs) >= 2:
            paragraphs[0].keepWithNext = 1
            paragraphs[-2].keepWithNext = 1
        return paragraphs

    def _two_columns(self, items: list[Element]) -> Flowable:
        """Short bullet items read faster, and waste less paper, side by side."""
        half = (len(items) + 1) // 2
        columns = [self._list(items[:half], False), self._list(items[half:], False)]
        if self.styles.direction.rtl:
            columns.reverse()  # the first column is read first: on the right
        table = Table([columns], colWidths=[self.frame_width / 2] * 2, hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        table.spaceAfter = self.styles["body"].spaceAfter
        return table

    def checklist(self, element: Element) -> Flowable:
        body = self.styles["body"]
        size = body.fontSize
        rows = []
        for li in element.elements():
            if li.tag != "li":
                continue
            self.checked += 1
            name = f"{self.section}-{self.checked}"
            cell: list[Flowable] = [self.styles.paragraph(inline_markup(li), body)]
            write = li.attrs.get("write", "").split()
            if write:
                cell.append(self.write_in([Blank(self.request.words.write_label(kind),
                                                 f"{name}-{kind}", kind) for kind in write]))
            box = CheckBox(size, INK, name if self.request.fillable else None,
                           plain_text(li))
            rows.append([box, cell])
        widths: list[float | None] = [size + 10, None]
        box_column = 0
        if self.styles.direction.rtl:  # boxes on the right, where reading starts
            rows = [row[::-1] for row in rows]
            widths.reverse()
            box_column = 1
        table = Table(rows, colWidths=widths, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (box_column, 0), (box_column, -1), (body.leading - size) / 2 + 1),
            ("TOPPADDING", (1 - box_column, 0), (1 - box_column, -1), 0),
            ("ALIGN", (box_column, 0), (box_column, -1), "RIGHT" if box_column else "LEFT"),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]))
        table.spaceAfter = body.spaceAfter
        return table

    def contents(self, element: Element) -> Flowable:
        """A pack's contents: each handout with its page number at the right, on a
        dotted line that leads the eye across."""
        body = self.styles["body"]
        number = ParagraphStyle("contents-page", parent=body, fontName=self.request.fonts.bold,
                                alignment=2)
        entries = [li for li in element.elements() if li.tag == "li"]
        rows = [[self.styles.paragraph(inline_markup(li), body),
                 self.styles.paragraph(escape(self.request.words.number(
                     int(li.attrs.get("page", 0)))), number)] for li in entries]
        widths: list[float | None] = [None, 18 * mm]
        if self.styles.direction.rtl:  # page numbers at the end of the line: the left
            rows = [row[::-1] for row in rows]
            widths.reverse()
        table = Table(rows, colWidths=widths, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LINEBELOW", (0, 0), (-1, -1), 0.8, MUTED, 1, (1, 3)),
        ]))
        return table

    def fill_in(self, element: Element) -> Flowable:
        """``<label>Child's name <input name="child-name"></label>``, side by side."""
        blanks = []
        for label in element.elements():
            field = next((e for e in label.elements() if e.tag == "input"), None)
            if label.tag != "label" or field is None:
                continue
            name = field.attrs.get("name", "")
            kind = name.rsplit("-", 1)[-1]
            blanks.append(Blank(plain_text(label), name,
                                kind if kind in BLANK_LENGTHS else "text",
                                field.attrs.get("value") or None))
        flowable = self.write_in(blanks)
        flowable.spaceBefore, flowable.spaceAfter = 2, 8
        return flowable

    def write_in(self, blanks: list[Blank]) -> WriteIn:
        return WriteIn(blanks, self.request.fonts, self.styles["body"].fontSize,
                       self.request.fillable, self.styles.direction)

    def figure(self, element: Element) -> list[Flowable]:
        story: list[Flowable] = []
        for child in element.elements():
            if child.tag == "img":
                story.append(self.image(child))
            elif child.tag == "figcaption":
                story.append(self.styles.paragraph(inline_markup(child), "caption"))
        return story

    def image(self, element: Element) -> Flowable:
        path = self.request.image_dir / element.attrs.get("src", "")
        wanted = element.attrs.get("width-mm")
        width = min(float(wanted) * mm if wanted else self.frame_width, self.frame_width)
        if path.suffix.lower() == ".svg":
            flowable: Flowable = SvgFlowable(path, width)
        else:
            with PILImage.open(path) as img:
                w, h = img.size
            flowable = Image(raster(path, self.request.grayscale), width=width,
                             height=width * h / w)
        flowable.hAlign = self.styles.side("LEFT")
        return flowable


# ---------------------------------------------------------------- page frame


def text_width(kind: str, paper: str) -> float:
    """Width of the text column, in points, for a kind of handout on a paper size."""
    card = kind == "card"
    width = (CARD_SIZES if card else PAPER_SIZES)[paper][0]
    return width - 2 * (CARD_MARGIN if card else SHEET_MARGIN)


class PageFrame:
    """Draws header and footer; knows the page geometry of one kind."""

    def __init__(self, request: LayoutRequest, total_pages: int):
        self.r = request
        self.info = request.page
        self.card = request.kind == "card"
        self.size = CARD_SIZES[self.info.paper] if self.card else PAPER_SIZES[self.info.paper]
        self.margin = CARD_MARGIN if self.card else SHEET_MARGIN
        self.header_first = 11 * mm if self.card else 22 * mm
        self.header_later = 7 * mm if self.card else 12 * mm
        self.total = total_pages
        self.fonts = request.fonts
        self.text = request.direction
        self.notes = " ".join(self.info.notes)
        # Sheets and checklists carry the QR code on every page. A card has no room: a
        # code that phones can scan, with its address, would take a sixth of a side.
        self.qr = QrCode(self.info.qr_url, self.fonts.regular, self.text.rtl) \
            if self.info.qr_url and not self.card else None
        self.notes_beside = None if self.card or not self.notes else self._notes_beside()
        self.notes_on_own_line = bool(self.notes) and self.notes_beside is None
        self.footer = (9 * mm if self.card else 13 * mm) + (
            FOOTER_SIZE * 1.3 if self.notes_on_own_line and not self.card else 0)
        if self.qr is not None:
            self.footer = max(self.footer, self.qr.height + 3)

    def _footer_lines(self) -> list[tuple[str, str, colors.Color]]:
        """(text, font, colour) of each footer line, before any status-notes line."""
        info, words = self.info, self.r.words
        ident = "  \u00b7  ".join(filter(None, [
            info.handout_id,
            words.version.format(version=info.version) if info.version else None,
            words.reviewed.format(date=info.reviewed_on) if info.reviewed_on else None,
            words.review_by.format(date=info.review_by) if info.review_by else None]))
        contact = "  \u00b7  ".join(filter(None, [
            info.clinic, info.address, words.phone.format(phone=info.phone)]))
        lines = [(ident if self.card else contact, self.fonts.regular, MUTED),
                 (words.disclaimer, self.fonts.bold, INK)]
        if not self.card:
            lines.append(("  \u00b7  ".join(filter(None, [ident, info.footer_note])),
                          self.fonts.regular, MUTED))
        return lines

    def _page_number(self, page: int) -> str:
        """"Page 2 of 3"; inside a pack, the pack's numbers; none on a pack's cover."""
        words, numbering = self.r.words, self.r.numbering
        if self.r.kind == "cover":
            return ""
        if numbering is not None:
            page, total = numbering.first + page - 1, numbering.total
        else:
            total = self.total
        return words.page_of.format(page=words.number(page), pages=words.number(total))

    def _text_width(self) -> float:
        """Width of the footer's text lines: the page, less the QR code's column."""
        column = self.qr.width + 10 if self.qr is not None else 0
        return self.size[0] - 2 * self.margin - column

    def _notes_beside(self) -> int | None:
        """The footer line whose right end takes the status notes: the last line, else
        the disclaimer, as long as both stay readable (the line may shrink to 7.5 pt).
        None: the notes need a line of their own."""
        room = self._text_width()
        notes = self.text.width(self.notes, self.fonts.italic, FOOTER_SIZE) + 12
        lines = self._footer_lines()
        for index in (len(lines) - 1, 1):
            text, font, _ = lines[index]
            if self.text.width(text, font, 7.5) + notes <= room:
                return index
        return None

    def frames(self) -> tuple[Frame, Frame]:
        w, h = self.size
        m = self.margin
        gap = 2 * mm if self.card else 5 * mm
        first = Frame(m, m + self.footer + gap, w - 2 * m,
                      h - 2 * m - self.footer - self.header_first - 2 * gap,
                      id="first", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        later = Frame(m, m + self.footer + gap, w - 2 * m,
                      h - 2 * m - self.footer - self.header_later - 2 * gap,
                      id="later", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        return first, later

    def first_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._header(canv, self.header_first, full=True)
        self._footer(canv, doc.page)

    def later_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._header(canv, self.header_later, full=False)
        self._footer(canv, doc.page)

    def draft_stamp(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """A large, light diagonal "Draft translation" that no one can overlook, drawn
        over the text yet light enough to read through."""
        if not self.info.draft:
            return
        w, h = self.size
        diagonal = (w * w + h * h) ** 0.5
        size = min(72.0, 0.7 * diagonal / max(1.0, self.text.width(self.info.draft,
                                                                   self.fonts.bold, 1)))
        canv.saveState()
        canv.setFillColor(DRAFT_INK)
        canv.translate(w / 2, h / 2)
        canv.rotate(math.degrees(math.atan2(h, w)))
        self.text.draw(canv, 0, -size / 3, self.info.draft, self.fonts.bold, size, "centre")
        canv.restoreState()

    def _header(self, canv: Canvas, height: float, full: bool) -> None:
        """A band in the clinic's colour: logo, name and phone on the first page; name and
        title on the others. In right-to-left languages the logo and name are on the
        right, where reading starts."""
        info = self.info
        w, h = self.size
        m = self.margin
        top = h - m
        canv.saveState()
        canv.setFillColor(colors.HexColor(info.primary))
        canv.roundRect(m, top - height, w - 2 * m, height, 3, stroke=0, fill=1)
        canv.setFillColor(colors.HexColor(info.accent))
        canv.rect(m, top - height - 2.2, w - 2 * m, 2.2, stroke=0, fill=1)
        pad = (height * 0.14) if full else 2.5 * mm
        inset = pad  # from the start side (left, or right in RTL)
        if full and info.logo is not None:
            side = height - 2 * pad
            left = w - m - inset - side if self.text.rtl else m + inset
            canv.setFillColor(colors.white)
            canv.roundRect(left, top - height + pad, side, side, 3, stroke=0, fill=1)
            self._logo(canv, info.logo, left + side * 0.08, top - height + pad + side * 0.08,
                       side * 0.84)
            inset += side + pad
        start = w - m - inset if self.text.rtl else m + inset
        end = m + pad if self.text.rtl else w - m - pad
        room = abs(end - start)
        canv.setFillColor(colors.HexColor(info.on_primary))
        if full:
            name_size = 11 if self.card else 17
            detail_size = 8 if self.card else 11
            mid = top - height / 2
            self.text.draw(canv, start, mid + (1 if self.card else 2), info.clinic,
                           self.fonts.bold, _fitting_size(self.text, info.clinic,
                                                          self.fonts.bold, name_size, room))
            details = self.r.words.phone.format(phone=info.phone)
            if info.website and not self.card:
                details += "   \u00b7   " + info.website
            self.text.draw(canv, start, mid - detail_size - (0 if self.card else 1), details,
                           self.fonts.regular, detail_size)
        else:
            size = 8 if self.card else 10
            base = top - height / 2 - size * 0.35
            half = room / 2 - 6
            self.text.draw(canv, start, base, info.clinic, self.fonts.bold,
                           _fitting_size(self.text, info.clinic, self.fonts.bold, size, half))
            self.text.draw(canv, end, base, info.title, self.fonts.regular,
                           _fitting_size(self.text, info.title, self.fonts.regular, size, half),
                           anchor="end")
        canv.restoreState()

    def _logo(self, canv: Canvas, logo: Path, x: float, y: float, side: float) -> None:
        if logo.suffix.lower() == ".svg":
            drawing = load_svg(logo)
            scale = side / max(drawing.width, drawing.height)
            canv.saveState()
            canv.translate(x + (side - drawing.width * scale) / 2,
                           y + (side - drawing.height * scale) / 2)
            canv.scale(scale, scale)
            renderPDF.draw(drawing, canv, 0, 0)
            canv.restoreState()
        else:
            canv.drawImage(ImageReader(raster(logo, self.r.grayscale)), x, y, side, side,
                           preserveAspectRatio=True, anchor="c", mask="auto")

    def _footer(self, canv: Canvas, page: int) -> None:
        """Contact, disclaimer and identity lines from the start side; the page number
        (and status notes) at the end of the text column; the QR code beyond it."""
        w, _ = self.size
        m = self.margin
        size = 7 if self.card else FOOTER_SIZE
        lead = size * 1.3
        top = m + self.footer - 2
        lines = self._footer_lines()
        notes = self.notes
        if self.notes_on_own_line:
            lines.append((notes, self.fonts.italic, SAMPLE_INK))
        rtl = self.text.rtl
        canv.saveState()
        canv.setStrokeColor(colors.HexColor("#BBBBBB"))
        canv.setLineWidth(0.6)
        canv.line(m, top, w - m, top)
        if self.qr is not None:
            self.qr.draw(canv, m if rtl else w - m - self.qr.width, top)
        start = w - m if rtl else m
        end = w - m - self._text_width() if rtl else m + self._text_width()
        y = top - lead
        page_text = self._page_number(page)
        canv.setFillColor(INK)
        self.text.draw(canv, end, y, page_text, self.fonts.bold, size, anchor="end")
        right_texts = {0: (page_text, self.fonts.bold)}
        if self.notes_beside is not None:
            canv.setFillColor(SAMPLE_INK)
            self.text.draw(canv, end, y - lead * self.notes_beside, notes, self.fonts.italic,
                           size, anchor="end")
            right_texts[self.notes_beside] = (notes, self.fonts.italic)
        for index, (text, font, color) in enumerate(lines):
            room = self._text_width()
            if index in right_texts:
                right, right_font = right_texts[index]
                room -= self.text.width(right, right_font, size) + 12
            canv.setFillColor(color)
            self.text.draw(canv, start, y, text, font,
                           _fitting_size(self.text, text, font, size, room))
            y -= lead
        canv.restoreState()


class QrCode:
    """The QR code of a handout's online version, with its address printed under it
    (without https://) for people who cannot scan."""

    def __init__(self, url: str, font: str, rtl: bool) -> None:
        self.url = url
        self.label = re.sub(r"^https?://", "", url)
        self.font = font
        self.rtl = rtl  # on the left of the footer, aligned on its left edge
        self.side = 14 * mm
        self.size = 6.5
        # The address is Latin in every language: no shaping needed to measure or draw it.
        self.width = max(self.side, stringWidth(self.label, font, self.size))
        self.height = self.side + self.size * 1.8 + 5

    def draw(self, canv: Canvas, left: float, top: float) -> None:
        """Draw in the column ``left`` .. ``left + width``, against its outer edge."""
        widget = QrCodeWidget(self.url, barLevel="M", barBorder=0)
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(self.side, self.side, transform=[
            self.side / (x1 - x0), 0, 0, self.side / (y1 - y0), 0, 0])
        drawing.add(widget)
        # White space around the code (its "quiet zone") lets phones find it: keep it
        # clear of the footer rule above and of the address below.
        top -= 5
        renderPDF.draw(drawing, canv, left if self.rtl else left + self.width - self.side,
                       top - self.side)
        canv.setFont(self.font, self.size)
        canv.setFillColor(INK)
        y = top - self.side - self.size * 1.6
        if self.rtl:
            canv.drawString(left, y, self.label)
        else:
            canv.drawRightString(left + self.width, y, self.label)


def blank_page(paper: str, text: str, fonts: FontSet, language: str,
               direction: TextDirection) -> bytes:
    """An empty back page of a duplex pack, marked so no one thinks a page is missing."""
    buffer = io.BytesIO()
    width, height = PAPER_SIZES[paper]
    canv = Canvas(buffer, pagesize=(width, height), invariant=1, lang=language)
    canv.setFillColor(MUTED)
    direction.draw(canv, width / 2, height / 2, text, fonts.italic, 11, anchor="centre")
    canv.showPage()
    canv.save()
    return buffer.getvalue()


def _fitting_size(direction: TextDirection, text: str, font: str, size: float,
                  width: float) -> float:
    """The footer size, made smaller (down to 6 pt) when a clinic's long line needs it."""
    natural = direction.width(text, font, size)
    return size if natural <= width else max(6.0, size * width / natural)


# ---------------------------------------------------------------- build


def layout_pdf(request: LayoutRequest) -> tuple[bytes, int]:
    """The finished PDF and its page count. HandoutsError when a card does not fit."""
    pdf, pages, overflow = _build(request, total_pages=0)
    if request.kind == "card" and pages > request.sides:
        raise HandoutsError([Problem(
            f"{request.label}: the card does not fit on {request.sides} "
            f"side{'s' if request.sides > 1 else ''}; it is too long by about "
            f"{overflow / mm:.0f} mm of text",
            file=request.source,
            hint="shorten the text" + (", or set 'sides: 2'" if request.sides == 1 else ""))])
    pdf, _, _ = _build(request, total_pages=pages)
    return pdf, pages


def _build(request: LayoutRequest, total_pages: int) -> tuple[bytes, int, float]:
    info = request.page
    frame = PageFrame(request, total_pages)
    styles = Styles(request.fonts, frame.card, colors.HexColor(info.primary),
                    colors.HexColor(info.accent),
                    None if request.shaping else request.hyphenation, request.direction)
    first, later = frame.frames()
    story = StoryBuilder(request, styles, first.width).build(request.document)
    buffer = io.BytesIO()
    meta = request.metadata
    doc = _Doc(
        buffer, pagesize=frame.size, invariant=1, title=meta.title, author=meta.author,
        subject=meta.subject, keywords=list(meta.keywords), creator="handouts",
        lang=meta.language, displayDocTitle=1,
        enforceColorSpace=to_gray if request.grayscale else None,
        leftMargin=frame.margin, rightMargin=frame.margin,
        topMargin=frame.margin, bottomMargin=frame.margin)
    doc.addPageTemplates([
        PageTemplate(id="first", frames=[first], onPage=frame.first_page,
                     onPageEnd=frame.draft_stamp),
        PageTemplate(id="later", frames=[later], onPage=frame.later_page,
                     onPageEnd=frame.draft_stamp)])
    doc.build([NextPageTemplate("later"), *story])
    pages = doc.page
    overflow = 0.0
    if request.kind == "card" and pages > request.sides:
        overflow = _overflow(later, pages, request.sides, doc.end_y)
    return buffer.getvalue(), pages, overflow


def _overflow(frame: Frame, pages: int, sides: int, end_y: float | None) -> float:
    """Approximate height of text past the last allowed side."""
    end_y = end_y if end_y is not None else frame._y1
    used_on_last = frame._y1 + frame._height - end_y
    return (pages - sides - 1) * frame._height + used_on_last

