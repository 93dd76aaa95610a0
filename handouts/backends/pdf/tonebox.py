"""Tone boxes: a tinted box with a stripe, a drawn icon and a label around its content.

Meaning never rests on colour alone: each tone has its own icon shape and label (the
theme names them). The box splits across pages like normal text; the rest gets a
"(continued)" label.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from handouts.backends.pdf.stacking import fill, gap
from handouts.backends.pdf.styles import Styles, colour
from handouts.backends.pdf.tagging import Node, Tagger, actual_text_of
from handouts.document.theme import BoxMeasures, Icon, ToneStyle


@dataclass(frozen=True)
class BoxLabels:
    label: str  # "Emergency"
    continued: str  # "Emergency (continued)"
    call: str | None = None  # "Call 999 now", printed large at the end of the label row


@dataclass(frozen=True)
class BoxTags:
    """The structure elements of a box's label and call, first in the box's element."""

    tagger: Tagger
    label: Node
    call: Node | None


class ToneBox(Flowable):
    """``tags`` is None for the part that goes on under "(continued)": its label
    repeats one already read, so it is an artifact."""

    def __init__(self, style: ToneStyle, labels: BoxLabels, content: list[Flowable],
                 styles: Styles, tags: BoxTags | None):
        super().__init__()
        self.tone = style
        self.labels = labels
        self.tags = tags
        self.content = content
        self.styles = styles
        self.measures: BoxMeasures = styles.format.box
        self.ink = colour(style.ink)
        self.label_style = ParagraphStyle("label", parent=styles["tone-label"],
                                          textColor=self.ink)
        self.label_para = styles.paragraph(escape(labels.label), self.label_style)
        self.spaceBefore = self.spaceAfter = self.measures.space

    @property
    def inner_x(self) -> float:
        return self.measures.stripe + self.measures.pad

    def _inner_width(self, aw: float) -> float:
        return aw - self.inner_x - self.measures.pad

    def _call_width(self) -> float:
        call = self.labels.call
        return self.styles.direction.width(call, self.styles.fonts.bold, self._call_size) \
            if call else 0.0

    def _call_beside(self, aw: float) -> bool:
        """Whether the call ("Call 999 now") fits at the end of the label row; on a narrow
        card it goes on a row of its own under the label."""
        room = self._inner_width(aw) - self.measures.icon - 6 - self._call_width() - 8
        label = self.styles.direction.width(self.labels.label, self.styles.fonts.bold,
                                            float(self.label_style.fontSize))
        return bool(self.labels.call) and room >= label

    def _label_width(self, aw: float) -> float:
        """Room for the label beside the icon, and beside the call if it is there."""
        width = self._inner_width(aw) - self.measures.icon - 6
        if self._call_beside(aw):
            width -= self._call_width() + 8
        return width

    @property
    def _call_size(self) -> float:
        return float(self.label_style.fontSize) * 1.25

    def _label_height(self, aw: float) -> float:
        row = max(self.label_para.wrap(self._label_width(aw), 1e6)[1], self.measures.icon)
        if self.labels.call and not self._call_beside(aw):
            row += self._call_size * 1.3
        return row + 4

    def _content_heights(self, aw: float) -> list[tuple[Flowable, float, float]]:
        width = self._inner_width(aw)
        rows = []
        previous: Flowable | None = None
        for flowable in self.content:
            h = flowable.wrapOn(self.canv, width, 1e6)[1]
            rows.append((flowable, h, gap(previous, flowable)))
            previous = flowable
        return rows

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        total = self.measures.pad * 2 + self._label_height(aw)
        total += sum(h + gap for _, h, gap in self._content_heights(aw))
        self.height = total
        return aw, total

    def split(self, aw: float, ah: float) -> list[Flowable]:
        # A box is read as one unit: move it whole to the next page when it fits there
        # (always on cards, where front and back are separate), split it only if not.
        if self._fits_on_fresh_page() and (self.styles.format.keep_boxes_whole
                                           or self.height < 0.6 * self._frame_height()):
            return []
        available = ah - self.measures.pad * 2 - self._label_height(aw)
        head, queue = fill(self.canv, self.content, self._inner_width(aw), available)
        if not head or not queue:
            return [] if not head else [self]
        continued = BoxLabels(self.labels.continued, self.labels.continued, self.labels.call)
        return [ToneBox(self.tone, self.labels, head, self.styles, self.tags),
                ToneBox(self.tone, continued, queue, self.styles, None)]

    def _frame_height(self) -> float:
        """The height of the frame ReportLab is placing this box in (0 before it is)."""
        frame = getattr(self, "_frame", None)
        return float(frame.height) if frame is not None else 0.0

    def _fits_on_fresh_page(self) -> bool:
        return getattr(self, "_frame", None) is not None and \
            self.height <= self._frame_height()

    def _x(self, x: float, width: float) -> float:
        return self.styles.direction.start_x(x, width, self.width)

    def draw(self) -> None:
        c = self.canv
        w, h = self.width, self.height
        m = self.measures
        c.saveState()
        c.setFillColor(colour(self.tone.background))
        c.roundRect(0, 0, w, h, 4, stroke=0, fill=1)
        c.setFillColor(self.ink)
        c.rect(self._x(0, m.stripe), 0, m.stripe, h, stroke=0, fill=1)
        top = h - m.pad
        draw_icon(c, self.tone.icon, self._x(self.inner_x, m.icon), top - m.icon, m.icon,
                  self.ink)
        label_w = self._label_width(w)
        _, lh = self.label_para.wrap(label_w, 1e6)
        with self._marked("label", actual_text_of(self.label_para)):
            self.label_para.drawOn(c, self._x(self.inner_x + m.icon + 6, label_w),
                                   top - (m.icon + lh) / 2 - 1 if lh <= m.icon else top - lh)
        if self.labels.call:
            with self._marked("call", self.labels.call if self.styles.direction.complex
                              else None):
                self._draw_call(top, lh)
        y = top - self._label_height(w)
        inner = self._inner_width(w)
        for flowable, fh, gap in self._content_heights(w):
            y -= gap + fh
            flowable.drawOn(c, self._x(self.inner_x, inner), y)
        c.restoreState()

    @contextmanager
    def _marked(self, part: str, actual_text: str | None) -> Iterator[None]:
        """Drawing inside is the label's (or the call's) content; on a continued box,
        an artifact."""
        node = getattr(self.tags, part) if self.tags is not None else None
        if self.tags is None or node is None:
            yield
            return
        with self.tags.tagger.marked(self.canv, node, actual_text):
            yield

    def _draw_call(self, top: float, lh: float) -> None:
        c, m, w = self.canv, self.measures, self.width
        call, size, direction = self.labels.call or "", self._call_size, self.styles.direction
        c.setFillColor(self.ink)
        if self._call_beside(w):  # at the end of the label row
            direction.draw(c, m.pad if direction.rtl else w - m.pad,
                           top - (m.icon + size * 0.7) / 2, call, self.styles.fonts.bold,
                           size, anchor="end")
        else:  # under the label, where its text starts
            start = self.inner_x + m.icon + 6
            direction.draw(c, w - start if direction.rtl else start,
                           top - max(lh, m.icon) - size * 1.05, call,
                           self.styles.fonts.bold, size)


def draw_icon(c: Canvas, icon: Icon, x: float, y: float, size: float,
              ink: colors.Color) -> None:
    """A vector icon: i in a circle, ! in a triangle, a clock, ! in an octagon."""
    c.saveState()
    c.setFillColor(ink)
    c.setStrokeColor(ink)
    ICONS[icon](c, x, y, size)
    c.restoreState()


def _info(c: Canvas, x: float, y: float, s: float) -> None:
    c.circle(x + s / 2, y + s / 2, s / 2, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.circle(x + s / 2, y + s * 0.74, s * 0.08, stroke=0, fill=1)
    c.rect(x + s * 0.43, y + s * 0.2, s * 0.14, s * 0.38, stroke=0, fill=1)


def _warning(c: Canvas, x: float, y: float, s: float) -> None:
    p = c.beginPath()
    p.moveTo(x + s / 2, y + s)
    p.lineTo(x + s, y + s * 0.08)
    p.lineTo(x, y + s * 0.08)
    p.close()
    c.drawPath(p, stroke=0, fill=1)
    _exclamation(c, x + s / 2, y + s * 0.2, s * 0.55)


def _clock(c: Canvas, x: float, y: float, s: float) -> None:
    c.circle(x + s / 2, y + s / 2, s / 2, stroke=0, fill=1)
    c.setStrokeColor(colors.white)
    c.setLineWidth(max(1.2, s * 0.1))
    c.setLineCap(1)
    c.line(x + s / 2, y + s / 2, x + s / 2, y + s * 0.82)
    c.line(x + s / 2, y + s / 2, x + s * 0.74, y + s * 0.38)


def _stop(c: Canvas, x: float, y: float, s: float) -> None:
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


def _exclamation(c: Canvas, cx: float, bottom: float, height: float) -> None:
    c.setFillColor(colors.white)
    dot = height * 0.14
    c.circle(cx, bottom + dot, dot, stroke=0, fill=1)
    c.rect(cx - dot, bottom + dot * 3, dot * 2, height - dot * 3, stroke=0, fill=1)


ICONS: dict[Icon, Callable[[Canvas, float, float, float], None]] = {
    Icon.INFO: _info, Icon.WARNING: _warning, Icon.CLOCK: _clock, Icon.STOP: _stop}
