"""PEMAT-P actionability: something to do, where to get help, lists short enough."""

from __future__ import annotations

import re
from collections.abc import Iterator

from handouts.names import BlockKind, CheckId, Tone
from handouts.project.content import Section
from handouts.quality.context import CheckContext, Finding, line_of, subject

MAX_LIST_ITEMS = 7
HELP_PLACEHOLDERS = re.compile(r"\{\{\s*brand\.(phone|emergency_number)\s*\}\}")
# Steps and checklists are things to do; so is a plain list in a plain section.
ACTION_BLOCKS = (BlockKind.STEPS, BlockKind.CHECKLIST)


def _where(band_id: str | None) -> str:
    return f" (band '{band_id}')" if band_id else ""


def action_section(context: CheckContext) -> Iterator[Finding]:
    for loaded in context.handouts:
        for handout, band in context.bands(loaded):
            if not any(block.kind in ACTION_BLOCKS or (block.kind is BlockKind.BULLETS
                                                       and section.tone is Tone.NORMAL)
                       for section in handout.sections for block in section.body):
                yield Finding(
                    CheckId.ACTION_SECTION, "no section tells the reader what to do"
                    + _where(band.id if band else None), subject(loaded), loaded.path,
                    line_of(loaded, "sections"),
                    "add a section with steps, a checklist, or a list of things to do")


def help_section(context: CheckContext) -> Iterator[Finding]:
    for loaded in context.handouts:
        for handout, band in context.bands(loaded):
            if not any(HELP_PLACEHOLDERS.search(" ".join([section.heading, *_texts(section)]))
                       for section in handout.sections):
                yield Finding(
                    CheckId.HELP_SECTION, "no section says when to get help with the "
                    "clinic's phone or the emergency number" + _where(band.id if band else None),
                    subject(loaded), loaded.path, line_of(loaded, "sections"),
                    "add a section such as 'Call {{ brand.phone }} today if:' (tone: urgent) "
                    "or 'Call {{ brand.emergency_number }} now if:' (tone: emergency)")


def list_length(context: CheckContext) -> Iterator[Finding]:
    for loaded in context.handouts:
        index = {s.id: i for i, s in enumerate(loaded.handout.sections)}
        for handout, band in context.bands(loaded):
            for section in handout.sections:
                for block in section.body:
                    items = block.items or []
                    if len(items) > MAX_LIST_ITEMS:
                        yield Finding(
                            CheckId.LIST_LENGTH, f"section '{section.id}' has a list of "
                            f"{len(items)} items{_where(band.id if band else None)}; "
                            f"readers take in at most {MAX_LIST_ITEMS}", subject(loaded),
                            loaded.path, line_of(loaded, "sections", index[section.id]),
                            "split it into two lists under their own headings, or shorten it")


def _texts(section: Section) -> list[str]:
    texts = []
    for block in section.body:
        texts += [block.p or ""] + [item.text for item in block.items or []]
    return texts
