"""The QR code of a handout's online version, with its address printed under it."""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from handouts.backends.pdf.styles import colour
from handouts.document.page import QrLink
from handouts.document.theme import INK, MM

QUIET_ZONE = 5  # points of white above the code, so phones find it


class QrCode:
    """Drawn in the footer's outer column; in right-to-left pages that column is on the
    left and the code sits against its left edge."""

    def __init__(self, link: QrLink, font: str, rtl: bool) -> None:
        self.url = link.url
        self.label = link.label
        self.font = font
        self.rtl = rtl
        self.side = 14 * MM
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
        # Keep the code's quiet zone clear of the footer rule above and of the address.
        top -= QUIET_ZONE
        renderPDF.draw(drawing, canv, left if self.rtl else left + self.width - self.side,
                       top - self.side)
        canv.setFont(self.font, self.size)
        canv.setFillColor(colour(INK))
        y = top - self.side - self.size * 1.6
        if self.rtl:
            canv.drawString(left, y, self.label)
        else:
            canv.drawRightString(left + self.width, y, self.label)
