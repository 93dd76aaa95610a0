"""What an output backend is: a name, a file suffix, the handouts it applies to, and
``write(document, options)``.

The pipeline makes one :class:`~handouts.document.model.Document` per handout and asks
a backend to write it; a backend's options (the PDF's grey proof, form fields and
imposition) are one object it reads, not flags passed down the stack.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar, Generic, Protocol, TypeVar

from handouts.document.model import Document
from handouts.project.content import Handout


class Options(Protocol):
    def suffix(self) -> str:
        """What the output's file name gets before its suffix: ``--grayscale``."""

    def applies_to(self, handout: Handout) -> bool:
        """Whether this handout can be written with these options."""


O = TypeVar("O", bound=Options)


@dataclass(frozen=True)
class Output:
    data: bytes
    pages: int  # printed pages (sheets, for imposed cards)


class Backend(ABC, Generic[O]):
    name: ClassVar[str]
    suffix: ClassVar[str]  # ".pdf"

    @abstractmethod
    def write(self, document: Document, options: O) -> Output:
        """The finished file, in memory; HandoutsError for a problem the user can fix."""

    def file_suffix(self, options: O) -> str:
        """``--grayscale.pdf``: a variant never replaces the plain file."""
        return options.suffix() + self.suffix

    def applies_to(self, handout: Handout, options: O) -> bool:
        return options.applies_to(handout)
