"""Form fields that show typed text in the document's own script.

ReportLab's form fields name Helvetica, a standard font that is never embedded and has
only Latin letters: a viewer shows "????" or nothing for Russian or Arabic typed into
them, and PDF/UA asks for every font to be embedded. This replaces it, after ReportLab
made the pages, with the document's own regular face embedded whole (a viewer needs
every letter a reader might type, not only the ones printed) as a Type0 font with
Identity encoding: a character code is a glyph id, and the ToUnicode map tells the
viewer which code draws which character.
"""

from __future__ import annotations

from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf
from reportlab.pdfbase.ttfonts import TTFontFace

from handouts.document.fonts import face_of

FIELD_FONT = Name("/HF")  # the name fields use for it in their appearance (DA)
OLD_FONT = b"/Helv "  # ReportLab's name for Helvetica in a field's DA


RIGHT = 2  # /Q: text typed into a field of a right-to-left document starts at the right


@dataclass(frozen=True)
class FieldText:
    """How text typed into the form's fields is set."""

    face: str  # a registered ReportLab TrueType face: the document's regular one
    rtl: bool = False


def embed_field_font(pdf: Pdf, text: FieldText) -> None:
    """Every text field of ``pdf`` set in the document's own face, embedded whole;
    Helvetica gone from the form's resources."""
    form = pdf.Root.get(Name.AcroForm)
    if form is None:
        return
    font = pdf.make_indirect(_type0_font(pdf, text.face))
    form.DR = Dictionary(Font=Dictionary({str(FIELD_FONT): font}))
    form.DA = pikepdf.String(f"{FIELD_FONT} 0 Tf 0 g")
    for field in form.Fields:
        appearance = field.get(Name.DA)
        if appearance is not None:
            if text.rtl:
                field.Q = RIGHT
            field.DA = pikepdf.String(bytes(appearance).replace(OLD_FONT,
                                                                 f"{FIELD_FONT} ".encode()))
        normal = field.get(Name.AP, Dictionary()).get(Name.N)
        if isinstance(normal, pikepdf.Stream) and Name.Resources in normal:
            normal.Resources.Font = Dictionary({str(FIELD_FONT): font})


def _type0_font(pdf: Pdf, face_name: str) -> Dictionary:
    face = face_of(face_name)
    scale = 1000 / face.unitsPerEm
    with open(face.filename, "rb") as file:
        data = file.read()
    base = Name("/" + face.name.decode("ascii", "replace").replace(" ", ""))
    descriptor = Dictionary(
        Type=Name.FontDescriptor, FontName=base, Flags=face.flags,
        FontBBox=Array([round(v) for v in face.bbox]), ItalicAngle=face.italicAngle,
        Ascent=round(face.ascent), Descent=round(face.descent),
        CapHeight=round(face.capHeight), StemV=round(face.stemV),
        FontFile2=pdf.make_stream(data, Length1=len(data)))
    widths = Array([0, Array([round(advance * scale) for advance, _ in face.hmetrics])])
    cid_font = Dictionary(
        Type=Name.Font, Subtype=Name.CIDFontType2, BaseFont=base,
        CIDSystemInfo=Dictionary(Registry=pikepdf.String("Adobe"),
                                 Ordering=pikepdf.String("Identity"), Supplement=0),
        FontDescriptor=pdf.make_indirect(descriptor), W=widths,
        CIDToGIDMap=Name.Identity)
    return Dictionary(
        Type=Name.Font, Subtype=Name.Type0, BaseFont=base, Encoding=Name("/Identity-H"),
        DescendantFonts=Array([pdf.make_indirect(cid_font)]),
        ToUnicode=pdf.make_stream(_to_unicode(face)))


def _to_unicode(face: TTFontFace) -> bytes:
    """A ToUnicode CMap from glyph id (the character code here) to the character the
    font's own character map gives it; of two characters on one glyph, the lower code
    (a base letter, not its presentation form)."""
    chars: dict[int, int] = {}
    for char, glyph in sorted(face.charToGlyph.items(), reverse=True):
        chars[glyph] = char
    lines = [b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
             b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
             b"1 begincodespacerange <0000> <FFFF> endcodespacerange"]
    pairs = sorted(chars.items())
    for start in range(0, len(pairs), 100):  # at most 100 entries per block
        block = pairs[start:start + 100]
        lines.append(f"{len(block)} beginbfchar".encode())
        lines += [f"<{glyph:04X}> <{_utf16(char)}>".encode() for glyph, char in block]
        lines.append(b"endbfchar")
    lines += [b"endcmap CMapName currentdict /CMap defineresource pop end end"]
    return b"\n".join(lines)


def _utf16(char: int) -> str:
    return chr(char).encode("utf-16-be").hex().upper()
