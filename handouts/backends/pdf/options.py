"""The PDF backend's options: grey proofs, form fields and imposed cards, as one object
that the backend reads where it needs it."""

from __future__ import annotations

from dataclasses import dataclass

from handouts.names import Imposition, Kind
from handouts.project.content import Handout


@dataclass(frozen=True)
class PdfOptions:
    grayscale: bool = False  # a proof in grey, for black-and-white printers
    fillable: bool = False  # form fields for tick boxes and write-in lines
    imposition: Imposition = Imposition.NONE  # cards placed on sheets to cut

    def suffix(self) -> str:
        """``--fillable``, ``--4up``, ``--grayscale``."""
        imposed = self.imposition if self.imposition is not Imposition.NONE else None
        return "".join(f"--{part}" for part in (
            "fillable" if self.fillable else None, imposed,
            "grayscale" if self.grayscale else None) if part)

    def applies_to(self, handout: Handout) -> bool:
        """Imposition is for cards, form fields for handouts with tick boxes."""
        if self.imposition is not Imposition.NONE and handout.kind is not Kind.CARD:
            return False
        return not self.fillable or handout.has_tick_boxes

    @property
    def wanted(self) -> str | None:
        """What a handout must be for these options, if they do not fit every one."""
        if self.imposition is not Imposition.NONE:
            return "a card"
        return "a handout with tick boxes" if self.fillable else None
