"""The theme as data: colours, tone boxes and the measures of each kind of page.

Everything about how big, how far apart and in which colour lives here, as plain
numbers and hex colours, so that every backend prints the same design and the quality
checks measure the colours that are really printed. A card and a sheet differ only in
the values of their :class:`PageFormat`; no backend asks which one it is drawing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from handouts.colors import RGB, WHITE, parse_hex
from handouts.names import Kind, Tone, WriteIn

# Points, exactly as ReportLab computes them (so measures stay byte-identical).
INCH = 72.0
MM = INCH / 2.54 * 0.1

PAPER_SIZES: dict[str, tuple[float, float]] = {"A4": (210 * MM, 297 * MM),
                                               "Letter": (8.5 * INCH, 11 * INCH)}
# A card is a quarter of its brand's sheet: A6 on A4.
CARD_SIZES: dict[str, tuple[float, float]] = {"A4": (105 * MM, 148 * MM),
                                              "Letter": (4.25 * INCH, 5.5 * INCH)}

INK = "#1A1A1A"  # body text
MUTED = "#4A4A4A"  # small print, captions, lines to write on
SAMPLE_INK = "#8A1C1C"  # status notes in the footer
RULE = "#BBBBBB"  # the footer's rule
DRAFT_INK = (0.7, 0.1, 0.1, 0.16)  # the "Draft" stamp: red, light enough to read through

TEXT_CONTRAST = 4.5  # WCAG 2.x AA, normal text
GRAPHIC_CONTRAST = 3.0  # WCAG 2.x AA, icons and bullets


class Icon(StrEnum):
    """A tone box's icon; its shape tells the boxes apart in grey and for colour-blind
    readers."""

    INFO = "info"  # i in a circle
    WARNING = "warning"  # ! in a triangle
    CLOCK = "clock"
    STOP = "stop"  # ! in an octagon


@dataclass(frozen=True)
class ToneStyle:
    background: str
    ink: str  # stripe, icon and label; dark enough for text on the background
    icon: Icon


TONE_STYLES: dict[Tone, ToneStyle] = {
    Tone.INFO: ToneStyle("#E8F1FB", "#1D4E89", Icon.INFO),
    Tone.WATCH: ToneStyle("#FFF4D6", "#7A5200", Icon.WARNING),
    Tone.URGENT: ToneStyle("#FFE9D6", "#9A3B00", Icon.CLOCK),
    Tone.EMERGENCY: ToneStyle("#FCE4E4", "#A4161A", Icon.STOP),
}


class Face(StrEnum):
    REGULAR = "regular"
    BOLD = "bold"
    ITALIC = "italic"


class Ink(StrEnum):
    """Colour roles of text; the brand decides what ``primary`` is."""

    INK = "ink"
    MUTED = "muted"
    PRIMARY = "primary"


@dataclass(frozen=True)
class TextStyle:
    size: float
    leading: float
    face: Face = Face.REGULAR
    ink: Ink = Ink.INK
    space_before: float = 0
    space_after: float | None = None  # None: the format's paragraph spacing
    keep_with_next: bool = False


@dataclass(frozen=True)
class BoxMeasures:
    pad: float
    icon: float
    space: float  # before and after the box
    stripe: float = 4


@dataclass(frozen=True)
class HeaderMeasures:
    first: float  # height of the band on the first page (logo, name, phone)
    later: float  # on later pages (name and title)
    name_size: float
    detail_size: float
    later_size: float
    name_raise: float  # the name's baseline above the band's middle
    detail_drop: float  # the phone line's distance below the middle, beyond its size


TIGHTER = 0.7  # the share of the space between blocks a tightened page keeps


@dataclass(frozen=True)
class PageFormat:
    """The measures of one kind of page, in points."""

    name: str
    sizes: dict[str, tuple[float, float]]  # page size per paper
    margin: float
    gap: float  # between the header or footer and the text
    header: HeaderMeasures
    footer: float  # footer height without a line for status notes
    footer_size: float
    paragraph_space: float
    text: dict[str, TextStyle]
    box: BoxMeasures
    hyphenate: bool  # narrow columns: hyphenate long words
    two_column_lists: bool  # lists of short items side by side
    keep_boxes_whole: bool  # a tone box always moves whole to the next side
    notes_beside: bool  # status notes may share a footer line instead of adding one
    full_footer: bool  # the clinic's contact line and a line with the handout's identity
    website_in_header: bool
    qr_code: bool  # room for the online version's QR code in the footer
    fit_sides: bool  # the text must fit the handout's sides (cards)

    def page_size(self, paper: str) -> tuple[float, float]:
        return self.sizes[paper]

    def tightened(self) -> PageFormat:
        """The same page with less room between blocks, never smaller text or tighter
        lines: what a sheet tries before it takes one more page for a few lines."""
        def less(space: float) -> float:
            return round(space * TIGHTER, 2)

        return replace(
            self, paragraph_space=less(self.paragraph_space),
            box=replace(self.box, pad=less(self.box.pad), space=less(self.box.space)),
            text={name: replace(style, space_before=less(style.space_before),
                                space_after=None if style.space_after is None
                                else less(style.space_after))
                  for name, style in self.text.items()})

    def text_width(self, paper: str) -> float:
        """Width of the text column, in points."""
        return self.sizes[paper][0] - 2 * self.margin


Size = tuple[float, float]  # font size, leading


def _text_styles(body: Size, h1: Size, h1_after: float, summary: Size, h2: Size,
                 h2_around: tuple[float, float], h3: Size, band: Size) -> dict[str, TextStyle]:
    """The paragraph styles of a format; the names are the classes templates use."""
    return {
        "body": TextStyle(*body),
        "h1": TextStyle(*h1, Face.BOLD, Ink.PRIMARY, space_after=h1_after),
        "summary": TextStyle(*summary, space_after=10),
        "h2": TextStyle(*h2, Face.BOLD, Ink.PRIMARY, space_before=h2_around[0],
                        space_after=h2_around[1], keep_with_next=True),
        "h3": TextStyle(*h3, Face.BOLD, space_before=4, space_after=3, keep_with_next=True),
        "small": TextStyle(10, 13, ink=Ink.MUTED),
        "band": TextStyle(*band, Face.BOLD, space_after=4),
        "caption": TextStyle(10.5, 13.5, Face.ITALIC, Ink.MUTED),
        "tone-label": TextStyle(*body, Face.BOLD),
    }


SHEET = PageFormat(
    name="sheet", sizes=PAPER_SIZES, margin=15 * MM, gap=5 * MM,
    header=HeaderMeasures(22 * MM, 12 * MM, 17, 11, 10, 2, 1),
    footer=13 * MM, footer_size=9, paragraph_space=6,
    text=_text_styles(body=(12.5, 16.5), h1=(24, 28), h1_after=6, summary=(14, 19),
                      h2=(16.5, 20), h2_around=(11, 4), h3=(14, 18), band=(14.5, 18)),
    box=BoxMeasures(pad=9, icon=16, space=8), hyphenate=False, two_column_lists=True,
    keep_boxes_whole=False, notes_beside=True, full_footer=True, website_in_header=True,
    qr_code=True, fit_sides=False)

# A card has no room for a QR code that phones can scan with its address (a sixth of a
# side), for the website or a third footer line.
CARD = PageFormat(
    name="card", sizes=CARD_SIZES, margin=6 * MM, gap=2 * MM,
    header=HeaderMeasures(11 * MM, 7 * MM, 11, 8, 8, 1, 0),
    footer=9 * MM, footer_size=7, paragraph_space=4,
    text=_text_styles(body=(12, 14.5), h1=(18, 21), h1_after=4, summary=(12.5, 16),
                      h2=(13.5, 16.5), h2_around=(5, 2), h3=(12.5, 15.5), band=(13, 16)),
    box=BoxMeasures(pad=6, icon=13, space=6), hyphenate=True, two_column_lists=False,
    keep_boxes_whole=True, notes_beside=False, full_footer=False, website_in_header=False,
    qr_code=False, fit_sides=True)

FORMATS: dict[Kind, PageFormat] = {Kind.SHEET: SHEET, Kind.CHECKLIST: SHEET, Kind.CARD: CARD}
COVER = SHEET  # a pack's cover is a sheet without page numbers

# Lines long enough for the handwriting they hold; notes and names share what is left.
BLANK_LENGTHS: dict[str, float] = {WriteIn.DATE: 34 * MM, WriteIn.TIME: 22 * MM,
                                   WriteIn.INITIALS: 22 * MM}
FLEXIBLE_BLANK = 45 * MM  # shortest line for a name or a note


@dataclass(frozen=True)
class ColourPair:
    """A foreground the theme draws on a background, and the contrast it needs."""

    what: str
    foreground: RGB
    background: RGB
    minimum: float
    brand_colour: str | None = None  # the brand's colour key it depends on, if any


@dataclass(frozen=True)
class Theme:
    """The brand's colours within the fixed palette."""

    primary: str
    accent: str  # rules and list bullets: graphics, so 3:1 on white
    on_primary: str = WHITE

    def colour_pairs(self) -> list[ColourPair]:
        """Every text and icon colour the theme prints, on what."""
        white, ink, muted = parse_hex(WHITE), parse_hex(INK), parse_hex(MUTED)
        primary = parse_hex(self.primary)
        pairs = [
            ColourPair("body text", ink, white, TEXT_CONTRAST),
            ColourPair("small print and captions", muted, white, TEXT_CONTRAST),
            ColourPair("status notes in the footer", parse_hex(SAMPLE_INK), white,
                       TEXT_CONTRAST),
            ColourPair("headings", primary, white, TEXT_CONTRAST, "primary"),
            # Bullets and the header's rule carry list structure: graphics, 3:1.
            ColourPair("list bullets and rules", parse_hex(self.accent), white,
                       GRAPHIC_CONTRAST, "accent"),
            ColourPair("clinic name on the header band", parse_hex(self.on_primary),
                       primary, TEXT_CONTRAST, "on_primary"),
        ]
        for tone, style in TONE_STYLES.items():
            background, tone_ink = parse_hex(style.background), parse_hex(style.ink)
            pairs += [
                ColourPair(f"text in the {tone} box", ink, background, TEXT_CONTRAST),
                ColourPair(f"captions in the {tone} box", muted, background, TEXT_CONTRAST),
                ColourPair(f"label and headings of the {tone} box", tone_ink, background,
                           TEXT_CONTRAST),
                ColourPair(f"icon of the {tone} box", white, tone_ink, GRAPHIC_CONTRAST),
            ]
        return pairs
