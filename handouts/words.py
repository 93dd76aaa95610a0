"""The fixed interface words printed around the content (labels, footer lines)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    """Interface words in the source language; translations replace the values."""

    tone_info: str = "Good to know"
    tone_watch: str = "Watch for"
    tone_urgent: str = "Call today"
    tone_emergency: str = "Emergency"
    call_now: str = "Call {number} now"
    page_of: str = "Page {page} of {pages}"
    version: str = "Version {version}"
    review_by: str = "Review by {date}"
    reviewed: str = "Reviewed {date}"
    phone: str = "Phone {phone}"
    disclaimer: str = "This handout does not replace advice from your doctor or nurse."
    sample: str = "Sample content, not clinically reviewed."
    continued: str = "{label} (continued)"
    chosen_for: str = "Chosen for this child: {age}."

    def tone_label(self, tone: str) -> str | None:
        return getattr(self, f"tone_{tone}", None)


ENGLISH = Words()
