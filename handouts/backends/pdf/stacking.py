"""Stacks of flowables that split across pages as one unit: the part of a section (or a
tone box) that fits, and the rest, which starts the next page under a "(continued)"
heading or label.

ReportLab's frame splits a story flowable by flowable and forgets which section each one
belongs to; a stack keeps them together, so the page that goes on with a section can say
so, and a heading never ends a page on its own.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable


SHORT_PART = 0.6  # a section split with less than this share on the first page moves whole


def gap(previous: Flowable | None, flowable: Flowable) -> float:
    """Space between two stacked flowables, collapsed the way a frame does it."""
    if previous is None:
        return 0
    return float(max(previous.getSpaceAfter(), flowable.getSpaceBefore()))


def stacked_height(canv: Canvas, content: list[Flowable], width: float) -> float:
    total, previous = 0.0, None
    for flowable in content:
        total += gap(previous, flowable) + flowable.wrapOn(canv, width, 1e6)[1]
        previous = flowable
    return total


def fill(canv: Canvas, content: list[Flowable], width: float,
         available: float) -> tuple[list[Flowable], list[Flowable]]:
    """The flowables that fit in ``available`` points (lists split into items,
    paragraphs into lines) and the rest. An item marked ``keepWithNext`` (a heading, a
    list's first item) never ends the part that fits."""
    queue, head, used = list(content), list[Flowable](), 0.0
    while queue:
        flowable = queue.pop(0)
        space = gap(head[-1] if head else None, flowable)
        h = flowable.wrapOn(canv, width, 1e6)[1]
        if used + space + h <= available:
            head.append(flowable)
            used += space + h
            continue
        parts = flowable.splitOn(canv, width, available - used - space)
        if len(parts) > 1 and parts[0] is not flowable:
            queue[:0] = parts
            continue
        queue.insert(0, flowable)
        break
    while queue and head and head[-1].getKeepWithNext():
        queue.insert(0, head.pop())
    return head, queue


class Section(Flowable):
    """A plain section: its heading and body, split with the heading repeated as
    "<heading> (continued)" on the next page."""

    def __init__(self, heading: Flowable | None, continued: Flowable | None,
                 body: list[Flowable], room_is_scarce: bool = False):
        super().__init__()
        self.room_is_scarce = room_is_scarce  # a card: use every line of each side
        self.heading, self.continued = heading, continued
        self.body = body
        self.content = ([heading] if heading is not None else []) + body
        first, last = self.content[0], self.content[-1]
        self.spaceBefore = first.getSpaceBefore()
        self.spaceAfter = last.getSpaceAfter()

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = stacked_height(self.canv, self.content, aw)
        return aw, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        head, rest = fill(self.canv, self.content, aw, ah)
        if not rest:
            return [self]
        if not head or head == [self.heading] or self._starts_better_on_a_new_page(head, aw):
            return []  # start the section on the next page
        body = head[1:] if self.heading is not None else head
        return [Section(self.heading, None, body, self.room_is_scarce),
                Section(self.continued, self.continued, rest, self.room_is_scarce)]

    def _starts_better_on_a_new_page(self, head: list[Flowable], aw: float) -> bool:
        """A short section that would leave most of itself for the next page moves there
        whole, as a reader takes it in one go."""
        frame = getattr(self, "_frame", None)
        if self.room_is_scarce or frame is None:
            return False
        fits_there = self.height <= float(frame.height)
        return fits_there and stacked_height(self.canv, head, aw) < SHORT_PART * self.height

    def draw(self) -> None:
        y, previous = self.height, None
        for flowable in self.content:
            _, h = flowable.wrapOn(self.canv, self.width, 1e6)
            y -= gap(previous, flowable) + h
            flowable.drawOn(self.canv, 0, y)
            previous = flowable
