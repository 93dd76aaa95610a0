"""Letters, not private-use codes, in the fonts' ToUnicode maps.

ReportLab gives a shaped glyph that the font's character map does not reach (a Persian
final ی in IBM Plex Sans Arabic, a Devanagari conjunct) a private-use code, and its
ToUnicode map sends that code to the private-use character: a reader that copies the
text, or a tool that extracts it without the structure tree, gets nothing readable.
``rl_shaping`` remembers which characters each such glyph was drawn for; this rewrites
those entries of the ToUnicode maps after ReportLab made the PDF.
"""

from __future__ import annotations

import re

import pikepdf
from pikepdf import Name, Pdf

from handouts.backends.pdf.rl_shaping import private_use_text

_ENTRY = re.compile(rb"<([0-9A-Fa-f]+)>\s*<(E[0-9A-Fa-f]{3}|F[0-8][0-9A-Fa-f]{2})>")


def restore_private_use(pdf: Pdf) -> None:
    """Every private-use target of the page fonts' ToUnicode maps that ``rl_shaping``
    knows the characters of, replaced by them."""
    done: set[tuple[int, int]] = set()
    for page in pdf.pages:
        resources = page.obj.get(Name.Resources, pikepdf.Dictionary())
        fonts = resources.get(Name.Font, pikepdf.Dictionary())
        for font in fonts.values():
            to_unicode = font.get(Name.ToUnicode)
            if to_unicode is None or to_unicode.objgen in done:
                continue
            done.add(to_unicode.objgen)
            face = str(font.get(Name.BaseFont, "")).lstrip("/").split("+")[-1]
            original = to_unicode.read_bytes()
            rewritten = _ENTRY.sub(lambda m: _entry(m, face), original)
            if rewritten != original:
                to_unicode.write(rewritten)


def _entry(match: re.Match[bytes], face: str) -> bytes:
    code = chr(int(match.group(2), 16))
    text = private_use_text(face, code)
    if text is None:
        return match.group(0)
    return b"<" + match.group(1) + b"> <" + text.encode("utf-16-be").hex().upper().encode() + b">"
