"""The QR code of a handout's online version, with its address printed under it.

An address is encoded once per process, and each PDF holds its code once, as a form
XObject that every page's footer places: a sheet's pages share one drawing instead of
each carrying thousands of path operators.
"""

from __future__ import annotations

import hashlib
import itertools
from functools import lru_cache

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from handouts.backends.pdf.styles import colour
from handouts.document.page import QrLink
from handouts.document.theme import INK, MM

QUIET_ZONE = 5  # points of white above the code, so phones find it

Run = tuple[int, int, int]  # row, first column, number of dark modules


@lru_cache(maxsize=1024)
def dark_runs(url: str) -> tuple[int, tuple[Run, ...]]:
    """The code's size in modules and its dark modules, as runs along each row (level M:
    readable with 15% of the code damaged or dirty)."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    runs: list[Run] = []
    for row, modules in enumerate(code.modules):
        column = 0
        for dark, group in itertools.groupby(bool(m) for m in modules):
            count = len(list(group))
            if dark:
                runs.append((row, column, count))
            column += count
    return code.getModuleCount(), tuple(runs)


CAPTION_SIZE = 7.0  # points: the address under the code, the smallest print we allow


class QrCode:
    """Drawn in the footer's outer column; in right-to-left pages that column is on the
    left and the code sits against its left edge."""

    def __init__(self, link: QrLink, font: str, rtl: bool) -> None:
        self.url = link.url
        self.label = link.label
        self.font = font
        self.rtl = rtl
        self.side = 14 * MM
        self.size = CAPTION_SIZE
        # The address is Latin in every language: no shaping needed to measure or draw it.
        self.width = max(self.side, stringWidth(self.label, font, self.size))
        self.height = self.side + self.size * 1.8 + 5
        self.form = "qr" + hashlib.sha256(self.url.encode()).hexdigest()[:16]

    def _define(self, canv: Canvas) -> None:
        """The code as a form of ``side`` x ``side`` points, once per document."""
        modules, runs = dark_runs(self.url)
        box = self.side / modules
        canv.beginForm(self.form, 0, 0, self.side, self.side)
        canv.setFillColor(colors.black)
        path = canv.beginPath()
        for row, column, count in runs:
            path.rect(column * box, self.side - (row + 1) * box, count * box, box)
        canv.drawPath(path, stroke=0, fill=1)
        canv.endForm()

    def draw_code(self, canv: Canvas, left: float, top: float) -> None:
        """Draw the code in the column ``left`` .. ``left + width``, against its outer
        edge."""
        if not canv.hasForm(self.form):
            self._define(canv)
        # Keep the code's quiet zone clear of the footer rule above and of the address.
        canv.saveState()
        canv.translate(left if self.rtl else left + self.width - self.side,
                       top - QUIET_ZONE - self.side)
        canv.doForm(self.form)
        canv.restoreState()

    def draw_address(self, canv: Canvas, left: float, top: float) -> None:
        """The address under the code, for people who cannot scan it."""
        canv.setFont(self.font, self.size)
        canv.setFillColor(colour(INK))
        y = top - QUIET_ZONE - self.side - self.size * 1.6
        if self.rtl:
            canv.drawString(left, y, self.label)
        else:
            canv.drawRightString(left + self.width, y, self.label)
