"""Image files used by brands (logos) and handouts: checked before anything renders."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from xml.etree import ElementTree

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from handouts.errors import HandoutsError, Problem

if TYPE_CHECKING:  # ReportLab is loaded only when an SVG is read
    from reportlab.graphics.shapes import Drawing

SUFFIX_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".svg": "SVG"}


def image_problem(path: Path) -> tuple[str, str] | None:
    """Why ``path`` cannot be used as an image, as (message, hint); None when it can."""
    expected = SUFFIX_FORMATS.get(path.suffix.lower())
    if expected is None:
        return (f"unsupported image format '{path.suffix or path.name}'",
                "use a PNG, JPEG or SVG file")
    if not path.is_file():
        return (f"image file not found: {path}", "the path is relative to the file that names it")
    if expected == "SVG":
        return None if _is_svg(path) else (
            f"{path.name} is not a readable SVG drawing", "export it again as plain SVG")
    try:
        with PILImage.open(path) as image:
            found = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError):
        return (f"{path.name} is not a readable {expected} image",
                "open it in an image editor and save it again as PNG or JPEG")
    if found != expected:
        return (f"{path.name} is a {found} image, but its name ends in {path.suffix}",
                f"save it as {expected}, or rename it to match its format")
    return None


def _is_svg(path: Path) -> bool:
    """Well-formed XML with an <svg> root: checked when the files are loaded, without
    the drawing library (the layout converts the drawing, and reports what it cannot)."""
    try:
        root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError, ValueError):
        return False
    return root.tag.rsplit("}", 1)[-1] == "svg"


def svg_drawing(path: Path) -> Drawing:
    """The drawing of an SVG file, or HandoutsError naming it."""
    drawing = load_svg(path)
    if drawing is None:
        raise HandoutsError([Problem(f"{path.name} is not an SVG drawing the layout can "
                                     "read", file=path,
                                     hint="export it again as plain SVG (no scripts, no "
                                          "embedded fonts)")])
    return drawing


@lru_cache(maxsize=64)
def load_svg(path: Path) -> Drawing | None:
    """Parse an SVG once per run; None if svglib cannot read it."""
    from svglib.svglib import svg2rlg

    # svglib logs parse errors itself; we report them as a problem of our own instead.
    logging.getLogger("svglib.svglib").setLevel(logging.CRITICAL)
    try:
        return svg2rlg(str(path))
    except Exception:  # svglib raises many different types for broken files
        return None
