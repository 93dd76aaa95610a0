"""Image files used by brands (logos) and handouts: checked before anything renders."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from handouts.errors import HandoutsError, Problem, did_you_mean
from handouts.project.reading import Reading

if TYPE_CHECKING:  # ReportLab is loaded only when an SVG is read
    from reportlab.graphics.shapes import Drawing

SUFFIX_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".svg": "SVG"}


def image_problem(path: Path, reading: Reading) -> tuple[str, str] | None:
    """Why ``path`` cannot be used as an image, as (message, hint); None when it can."""
    if not reading.inside(path):
        return (f"the image {path} is outside the project folder",
                "copy it into the project, next to the file that names it")
    expected = SUFFIX_FORMATS.get(path.suffix.lower())
    if expected is None:
        return (f"unsupported image format '{path.suffix or path.name}'",
                "use a PNG, JPEG or SVG file")
    if not path.is_file():
        nearby = [p.name for p in path.parent.iterdir() if p.is_file()] \
            if path.parent.is_dir() else []
        return (f"image file not found: {path}", did_you_mean(path.name, nearby)
                or "the path is relative to the file that names it")
    if expected == "SVG":
        return _svg_problem(path)
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


def _svg_problem(path: Path) -> tuple[str, str] | None:
    """Well-formed XML with an <svg> root that names no other file: checked when the files
    are loaded, without the drawing library (the layout converts the drawing, and reports
    what it cannot). A picture inside an SVG must be embedded (a data: address): a link
    to another file would put that file into every PDF."""
    try:
        root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError, ValueError):
        return (f"{path.name} is not a readable SVG drawing", "export it again as plain SVG")
    if root.tag.rsplit("}", 1)[-1] != "svg":
        return (f"{path.name} is not an SVG drawing (its first element is not <svg>)",
                "export it again as plain SVG")
    for element in root.iter():
        for name, value in element.attrib.items():
            if name.rsplit("}", 1)[-1] == "href" and not value.strip().startswith(("data:", "#")):
                return (f"{path.name} links to another file ({value[:60]})",
                        "embed the picture in the SVG when you export it, or use a PNG")
    return None


def svg_drawing(path: Path) -> Drawing:
    """The drawing of an SVG file, or HandoutsError naming it."""
    drawing = load_svg(path)
    if drawing is None or not drawing.width or not drawing.height:
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
