"""The names that files, stages and outputs share, each defined once.

A handout kind, a tone, a block type, a write-in line or a quality check is named here
and nowhere else. What follows from a name is read off the tables below: the content
format validates against these enums, the semantic subset allows their values, the
interface catalog gets their labels and translator notes, and the theme gives each tone
its colours and icon (``document/theme.py``). Adding a tone is an entry here and one in
the theme; adding a block type is an entry here, its field in ``project/content.py``
and its lines in the ``_block.html.j2`` template.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

CONFIG_NAME = "handouts.yaml"  # the project file
TEMPLATE_SUFFIX = ".html.j2"  # templates write the semantic HTML subset


class Kind(StrEnum):
    """What a handout is printed as."""

    SHEET = "sheet"
    CARD = "card"
    CHECKLIST = "checklist"

    @property
    def template(self) -> str:
        """The template that renders this kind (a brand may override it)."""
        return f"{self.value}{TEMPLATE_SUFFIX}"


class Status(StrEnum):
    """Where a handout is in its clinical review."""

    SAMPLE = "sample"
    DRAFT = "draft"
    APPROVED = "approved"


@dataclass(frozen=True)
class ToneWords:
    """The interface words of a toned box, and how translators see it."""

    label: str  # printed at the top of the box, e.g. "Call today"
    note: str  # the comment translators read in the PO file
    box: str  # what translators are told the section is, e.g. "'call today' box"
    # The number the box prints beside its label: the emergency number ("Call 999 now"),
    # or where to call when the clinic is closed ("Out of hours: 111"), if the brand has one.
    call: Literal["emergency", "out_of_hours"] | None = None


class Tone(StrEnum):
    """How urgent a section is. ``normal`` is plain text; the others are boxes with a
    label, an icon and a colour, so meaning never rests on colour alone."""

    INFO = "info"
    NORMAL = "normal"
    WATCH = "watch"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def words(self) -> ToneWords | None:
        """None for ``normal``: a plain section, not a box."""
        return TONE_WORDS.get(self)

    @property
    def message_context(self) -> str:
        """The msgctxt of the box's label in the interface catalog."""
        return f"tone_{self.value}"


TONE_WORDS: dict[Tone, ToneWords] = {
    Tone.INFO: ToneWords("Good to know", "Label of a box with background information.",
                         "information box"),
    Tone.WATCH: ToneWords("Watch for", "Label of a box of signs to keep an eye on.",
                          "'watch for' box"),
    Tone.URGENT: ToneWords("Call today", "Label of a box of reasons to call the clinic "
                           "the same day.", "'call today' box", call="out_of_hours"),
    Tone.EMERGENCY: ToneWords("Emergency", "Label of the emergency box.", "emergency box",
                              call="emergency"),
}


@dataclass(frozen=True)
class BlockFacts:
    noun: str  # how translators are told what a list's items are
    tick_boxes: bool = False  # printed with boxes to tick (form fields with --fillable)


class BlockKind(StrEnum):
    """The body blocks of a section. List kinds hold items; the others hold one thing."""

    P = "p"
    BULLETS = "bullets"
    STEPS = "steps"
    CHECKLIST = "checklist"
    IMAGE = "image"
    USE = "use"  # a shared block by id, replaced by its content when the handout loads

    @property
    def facts(self) -> BlockFacts | None:
        """None for blocks that are not lists (a paragraph, an image)."""
        return LIST_BLOCKS.get(self)

    @property
    def is_list(self) -> bool:
        return self in LIST_BLOCKS


LIST_BLOCKS: dict[BlockKind, BlockFacts] = {
    BlockKind.BULLETS: BlockFacts("list item"),
    BlockKind.STEPS: BlockFacts("numbered step"),
    BlockKind.CHECKLIST: BlockFacts("checklist item (with a tick box)", tick_boxes=True),
}


class WriteIn(StrEnum):
    """Room to write by hand after a checklist item: a labelled line (a form text field
    with --fillable)."""

    DATE = "date"
    TIME = "time"
    INITIALS = "initials"
    NOTE = "note"

    @property
    def label(self) -> str:
        return WRITE_IN_WORDS[self][0]

    @property
    def note(self) -> str:
        return WRITE_IN_WORDS[self][1]

    @property
    def message_context(self) -> str:
        return f"write_{self.value}"


WRITE_IN_WORDS: dict[WriteIn, tuple[str, str]] = {
    WriteIn.DATE: ("Date", "Label of a line to write a date on (checklists)."),
    WriteIn.TIME: ("Time", "Label of a line to write a time of day on (checklists)."),
    WriteIn.INITIALS: ("Initials", "Label of a short line where the person who did a "
                       "checklist item writes their initials."),
    WriteIn.NOTE: ("Notes", "Label of a line to write notes on (checklists)."),
}


class OutputFormat(StrEnum):
    """What a build writes: print-ready PDFs, or web pages for the online version."""

    PDF = "pdf"
    HTML = "html"


class Imposition(StrEnum):
    """How a card prints: on its own pages at card size, or copies on full sheets to cut."""

    NONE = "none"
    ONE_UP = "1up"  # one card on a sheet, with cut marks: a pack's cards by default
    TWO_UP = "2up"
    FOUR_UP = "4up"


class Level(StrEnum):
    """How a quality check's finding counts; ``off`` switches a check off."""

    ERROR = "error"
    WARNING = "warning"
    OFF = "off"


REVIEW_DUE_SOON_DAYS = 60  # a review this close is a 'review-due-soon' finding


class CheckId(StrEnum):
    """The quality checks (README, "Quality checks"; ``quality/registry.py`` says what
    each looks at and its default level)."""

    REVIEW_OVERDUE = "review-overdue"
    REVIEW_DUE_SOON = "review-due-soon"
    TRANSLATION_UNREVIEWED = "translation-unreviewed"
    ACTION_SECTION = "action-section"
    HELP_SECTION = "help-section"
    LIST_LENGTH = "list-length"
    IMAGE_RESOLUTION = "image-resolution"
    LINK = "link"
    READING_LEVEL = "reading-level"
    READING_LEVEL_RECOMMENDED = "reading-level-recommended"
    LONG_SENTENCE = "long-sentence"
    JARGON = "jargon"
    CONTRAST = "contrast"
    PHONE_NUMBER = "phone-number"
    TRIAGE_CONSISTENCY = "triage-consistency"
    PAGE_FILL = "page-fill"
