"""The tagged PDF's structure, written with pikepdf after ReportLab made the pages.

From the nodes and marks that ``tagging.py`` recorded, this writes the structure tree
(StructTreeRoot, its elements, the parent tree that maps each page's marks and each
form field back to its element), marks everything else on the pages as an artifact
(header band, footer, rules, box backgrounds, icons), and adds what PDF/UA-1 asks of
the document: MarkInfo, XMP metadata with the PDF/UA identification and the title,
DisplayDocTitle, /Tabs /S on pages with fields, PDF 1.7. ``fields.py`` gives form fields
an embedded font.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name, Operator, Pdf, String

from handouts.backends.pdf.fields import FieldText, embed_field_font
from handouts.backends.pdf.unicode_map import restore_private_use
from handouts.backends.pdf.tagging import Mark, Node, Role, Widget
from handouts.document.model import Metadata

PDF_VERSION = "1.7"
# Operators that put something on the page (text, paths, images, shadings).
PAINTING = {"Tj", "TJ", "'", '"', "Do", "sh", "f", "F", "f*", "B", "B*", "b", "b*", "S",
            "s", "INLINE IMAGE"}
BEGIN_MARKED = {"BDC", "BMC"}
ARTIFACT = pikepdf.ContentStreamInstruction([Name.Artifact], Operator("BMC"))
END = pikepdf.ContentStreamInstruction([], Operator("EMC"))


def tag_pdf(data: bytes, root: Node, metadata: Metadata, fields: FieldText) -> bytes:
    """``data`` with the structure tree of ``root``, everything unmarked an artifact, and
    its form fields (if any) in the document's own embedded font, and letters for the
    glyphs ReportLab gave private-use codes."""
    with Pdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            mark_artifacts(pdf, page)
        _StructureWriter(pdf).write(root)
        embed_field_font(pdf, fields)
        restore_private_use(pdf)
        return save_tagged(pdf, metadata)


def artifacts_only(data: bytes, metadata: Metadata) -> bytes:
    """A print-only PDF (imposed sheets): every mark removed, the whole page an artifact,
    an empty structure tree, so it still reads as a tagged document with nothing to read."""
    with Pdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            kept = [op for op in pikepdf.parse_content_stream(page)
                    if str(op.operator) not in BEGIN_MARKED | {"EMC"}]
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
            mark_artifacts(pdf, page)
        _StructureWriter(pdf).write(Node(Role.DOCUMENT, lang=metadata.language))
        return save_tagged(pdf, metadata)


def mark_artifacts(pdf: Pdf, page: pikepdf.Page) -> None:
    """Wrap every run of drawing outside a marked sequence in ``/Artifact BMC … EMC``.
    Graphics state operators (q, Q, cm, colours) stay outside, so runs never cross a
    q/Q pair; a text object is never split."""
    out: list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage] = []
    pending: list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage] = []
    depth = in_text = 0

    def flush() -> None:
        if any(_operator(op) in PAINTING for op in pending):
            out.extend([ARTIFACT, *pending, END])
        else:
            out.extend(pending)
        pending.clear()

    for op in pikepdf.parse_content_stream(page):
        name = _operator(op)
        if depth:
            out.append(op)
            depth += (name in BEGIN_MARKED) - (name == "EMC")
            continue
        if name in BEGIN_MARKED and not in_text:
            flush()
            out.append(op)
            depth = 1
        elif name in ("q", "Q") and not in_text:
            flush()
            out.append(op)
        else:
            pending.append(op)
            in_text += (name == "BT") - (name == "ET")
    flush()
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))


def _operator(op: pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage
              ) -> str:
    return "INLINE IMAGE" if isinstance(op, pikepdf.ContentStreamInlineImage) \
        else str(op.operator)


@dataclass
class _StructureWriter:
    pdf: Pdf

    def __post_init__(self) -> None:
        self.pages = [page.obj for page in self.pdf.pages]
        self.page_parents: dict[int, dict[int, pikepdf.Object]] = {}  # page -> MCID -> elem
        self.widget_parents: list[pikepdf.Object] = []
        self.widgets = self._widgets_by_name()

    def write(self, root: Node) -> None:
        tree = self.pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        document = self._element(root, tree)
        tree.K = Array([document]) if document is not None else Array()
        nums: list[int | pikepdf.Object] = []
        for number, page in enumerate(self.pages):
            page.StructParents = number
            parents = self.page_parents.get(number, {})
            nums.extend([number, self.pdf.make_indirect(
                Array([parents[mcid] for mcid in sorted(parents)]))])
            if "/Annots" in page:
                page.Tabs = Name.S
        for offset, element in enumerate(self.widget_parents):
            nums.extend([len(self.pages) + offset, element])
        tree.ParentTree = self.pdf.make_indirect(Dictionary(Nums=Array(nums)))
        tree.ParentTreeNextKey = len(self.pages) + len(self.widget_parents)
        self.pdf.Root.StructTreeRoot = tree
        self.pdf.Root.MarkInfo = Dictionary(Marked=True)

    def _element(self, node: Node, parent: pikepdf.Object) -> pikepdf.Object | None:
        """The element of ``node`` (None when nothing of it was drawn)."""
        if not _has_content(node):
            return None
        element = self.pdf.make_indirect(Dictionary(Type=Name.StructElem,
                                                    S=Name("/" + node.role), P=parent))
        for key, value in (("/Alt", node.alt), ("/ActualText", node.actual_text),
                           ("/Lang", node.lang)):
            if value:
                element[key] = String(value)
        kids = Array()
        for child in node.children:
            if isinstance(child, Mark):
                kids.append(Dictionary(Type=Name.MCR, Pg=self.pages[child.page],
                                       MCID=child.mcid))
                self.page_parents.setdefault(child.page, {})[child.mcid] = element
            elif isinstance(child, Widget):
                kids.extend(self._widget_refs(child, element))
            else:
                kid = self._element(child, element)
                if kid is not None:
                    kids.append(kid)
        if len(node.children) == 1 and isinstance(node.children[0], Mark):
            # The short form: the page on the element, the MCID alone.
            element.Pg, element.K = self.pages[node.children[0].page], node.children[0].mcid
        else:
            element.K = kids[0] if len(kids) == 1 else kids
        return element

    def _widget_refs(self, widget: Widget, element: pikepdf.Object) -> Iterator[Dictionary]:
        for annotation in self.widgets.get((widget.page, widget.name), []):
            annotation.StructParent = len(self.pages) + len(self.widget_parents)
            self.widget_parents.append(element)
            yield Dictionary(Type=Name.OBJR, Obj=annotation, Pg=self.pages[widget.page])

    def _widgets_by_name(self) -> dict[tuple[int, str], list[pikepdf.Object]]:
        found: dict[tuple[int, str], list[pikepdf.Object]] = {}
        for number, page in enumerate(self.pages):
            for annotation in page.get("/Annots", []):
                if annotation.get("/Subtype") != Name.Widget:
                    continue
                field = annotation if "/T" in annotation else annotation.get("/Parent")
                if field is not None and "/T" in field:
                    found.setdefault((number, str(field.T)), []).append(annotation)
        return found


def _has_content(node: Node) -> bool:
    return any(not isinstance(child, Node) or _has_content(child) for child in node.children)


class JoinedStructure:
    """The pages of several tagged PDFs in one, their trees as Parts of one Document
    (the pack's), their parent tree keys renumbered; untagged pages (blank backs)
    made artifacts."""

    def __init__(self, pdf: Pdf, language: str):
        self.pdf = pdf
        self.document = pdf.make_indirect(Dictionary(
            Type=Name.StructElem, S=Name("/" + Role.DOCUMENT), Lang=String(language),
            K=Array()))
        self.nums: list[int | pikepdf.Object] = []
        self.next_key = 0

    def append(self, part: Pdf) -> None:
        start = len(self.pdf.pages)
        self.pdf.pages.extend(part.pages)
        pages = [page.obj for page in self.pdf.pages[start:]]
        tree = part.Root.get("/StructTreeRoot")
        if tree is None:
            for page in self.pdf.pages[start:]:
                mark_artifacts(self.pdf, page)
            return
        # Copied after the pages, so its /Pg references point at the copied pages.
        tree = self.pdf.copy_foreign(tree)
        offset = self.next_key
        for page_object in pages:
            if "/StructParents" in page_object:
                page_object.StructParents = int(page_object.StructParents) + offset
            for annotation in page_object.get("/Annots", []):
                if "/StructParent" in annotation:
                    annotation.StructParent = int(annotation.StructParent) + offset
        nums = tree.ParentTree.Nums
        for index in range(0, len(nums), 2):
            self.nums.extend([int(nums[index]) + offset, nums[index + 1]])
        self.next_key += int(tree.ParentTreeNextKey)
        for kid in _as_list(tree.K):
            kid.S, kid.P = Name("/" + Role.PART), self.document
            self.document.K.append(kid)

    def finish(self) -> None:
        tree = self.pdf.make_indirect(Dictionary(
            Type=Name.StructTreeRoot, K=Array([self.document]),
            ParentTree=self.pdf.make_indirect(Dictionary(Nums=Array(self.nums))),
            ParentTreeNextKey=self.next_key))
        self.document.P = tree
        self.pdf.Root.StructTreeRoot = tree
        self.pdf.Root.MarkInfo = Dictionary(Marked=True)


def _as_list(kids: pikepdf.Object) -> list[pikepdf.Object]:
    return list(kids) if isinstance(kids, Array) else [kids]


def save_tagged(pdf: Pdf, metadata: Metadata) -> bytes:
    """The PDF's bytes with what PDF/UA asks of the document as a whole."""
    pdf.Root.Metadata = pdf.make_stream(_xmp(metadata).encode("utf-8"),
                                        Type=Name.Metadata, Subtype=Name.XML)
    pdf.Root.Lang = String(metadata.language)
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    out = io.BytesIO()
    pdf.save(out, min_version=PDF_VERSION, deterministic_id=True)
    return out.getvalue()


def _xmp(metadata: Metadata) -> str:
    """XMP with the title, language and PDF/UA-1 identification, and no dates, so the
    same inputs still give the same bytes."""
    def alt(text: str) -> str:
        return (f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li>'
                f"</rdf:Alt>")

    keywords = escape(", ".join(metadata.keywords))
    return "\n".join((
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
        f"<dc:title>{alt(metadata.title)}</dc:title>",
        f"<dc:creator><rdf:Seq><rdf:li>{escape(metadata.author)}</rdf:li></rdf:Seq>"
        "</dc:creator>",
        f"<dc:description>{alt(metadata.subject)}</dc:description>",
        f"<dc:language><rdf:Bag><rdf:li>{escape(metadata.language)}</rdf:li></rdf:Bag>"
        "</dc:language>",
        f"<pdf:Keywords>{keywords}</pdf:Keywords>",
        "<xmp:CreatorTool>handouts</xmp:CreatorTool>",
        "<pdfuaid:part>1</pdfuaid:part>",
        "</rdf:Description>", "</rdf:RDF>", "</x:xmpmeta>",
        '<?xpacket end="w"?>', ""))
