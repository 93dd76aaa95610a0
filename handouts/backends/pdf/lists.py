"""List items: a label (bullet or number) and a body, each marked as itself, so the
structure tree says LI > Lbl + LBody and the body's text carries no bullet."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from handouts.backends.pdf.shaped_text import TextDirection
from handouts.backends.pdf.tagging import Node, Role, Tagger, actual_text_of

BULLET = "\u2022"
BULLET_RADIUS = 0.135  # of the size, centred 0.31 of it above the baseline: as PT Sans's


@dataclass(frozen=True)
class ItemTags:
    tagger: Tagger
    label: Node  # Lbl
    body: Node  # LBody

    @classmethod
    def under(cls, tagger: Tagger, listing: Node) -> ItemTags:
        item = listing.add(Role.LI)
        return cls(tagger, item.add(Role.LBL), item.add(Role.LBODY))


class ListItem(Flowable):
    """``body`` (a paragraph indented by its style) with ``label`` at the start side of
    its first line, in the style's bullet face, size and colour. Split across pages,
    the rest has no label."""

    def __init__(self, label: str | None, body: Flowable, style: ParagraphStyle,
                 direction: TextDirection, tags: ItemTags):
        super().__init__()
        self.label, self.body, self.style = label, body, style
        self.direction, self.tags = direction, tags
        self.spaceBefore = body.getSpaceBefore()
        self.spaceAfter = body.getSpaceAfter()

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = self.body.wrapOn(self.canv, aw, ah)
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        parts = self.body.splitOn(self.canv, aw, ah)
        if len(parts) < 2:
            return [] if not parts else [self]
        return [ListItem(self.label, parts[0], self.style, self.direction, self.tags),
                *(ListItem(None, part, self.style, self.direction, self.tags)
                  for part in parts[1:])]

    def draw(self) -> None:
        tagger, canv = self.tags.tagger, self.canv
        if self.label:
            with tagger.marked(canv, self.tags.label,
                               self.label if self.direction.complex else None):
                self._draw_label(self.height - self.style.fontSize)
        with tagger.marked(canv, self.tags.body, actual_text_of(self.body)):
            self.body.drawOn(canv, 0, 0)

    def _draw_label(self, y: float) -> None:
        style, canv = self.style, self.canv
        rtl = self.direction.rtl
        x = self.width - style.bulletIndent if rtl else style.bulletIndent
        size = float(style.bulletFontSize)
        canv.saveState()
        canv.setFillColor(style.bulletColor)
        if self.label == BULLET and self.direction.complex:
            # Drawn, not typed: the bullet of Arabic fonts is a speck beside Latin's.
            radius = size * BULLET_RADIUS
            canv.circle(x - radius if rtl else x + radius, y + size * 0.31, radius,
                        stroke=0, fill=1)
        else:
            self.direction.draw(canv, x, y, self.label or "", style.bulletFontName, size)
        canv.restoreState()
