"""What a build may print anyway."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Policy:
    """What a build may print anyway, marked on every page."""

    allow_draft: bool = False  # unfinished translations: "Draft translation"
    allow_expired: bool = False  # past next_review: "Review overdue."
    # Locales whose unfinished translations are left out of the build (and listed)
    # instead of stopping it: handouts.yaml's `incomplete_translations: skip`.
    skip_untranslated: frozenset[str] = frozenset()
