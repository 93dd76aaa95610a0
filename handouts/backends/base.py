"""What an output backend is: a name and ``write(document, options)``; its options say
which handouts it applies to and how the file is named, its package its file suffix.

The pipeline makes one :class:`~handouts.document.model.Document` per handout and asks
a backend to write it; a backend's options (the PDF's grey proof, form fields and
imposition) are one object it reads, not flags passed down the stack.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Generic, Protocol, TypeVar

if TYPE_CHECKING:
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
    # How much of the last page's text area the content fills (0 to 1); None when the
    # backend does not lay out pages (or imposes them).
    last_page_fill: float | None = None


class Backend(ABC, Generic[O]):
    name: ClassVar[str]

    @abstractmethod
    def write(self, document: Document, options: O) -> Output:
        """The finished file, in memory; HandoutsError for a problem the user can fix."""
