"""What translators translate: the printed texts of a handout, and the interface words.

One function walks a handout's texts (:func:`source_texts`; the parts a shared block
brought in keep the block's context and are translated in the block's catalog); extraction writes them to
PO templates and the build replaces them with translations (:func:`translate_handout`),
so the two can never disagree about what is translatable.

Keys follow gettext: msgctxt says where a text belongs (``newborn-tremor`` for the title,
``newborn-tremor/call-now`` for a section), msgid is the source text itself, so a
translation follows its text when sections move.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from handouts.i18n.words import DURATIONS, interface_words
from handouts.names import Kind
from handouts.project.blocks import SharedBlock
from handouts.project.brand import LoadedBrand
from handouts.project.content import (
    DATE_AT_RE,
    PLACEHOLDER_RE,
    TEMPERATURE_RE,
    Block,
    Handout,
    Section,
)
from handouts.project.packs import LoadedPack
from handouts.project.yamlsource import KeyPath

CARD_ALLOWANCE = 1.25  # card translations may run this much longer than the source


@dataclass(frozen=True)
class SourceText:
    """One translatable text of a handout, with what a translator needs to know."""

    context: str  # msgctxt
    text: str  # msgid
    path: KeyPath  # where it sits in the handout model (for YAML lines and replacing)
    where: str  # for translators: "section 'call-now' (emergency box), bullet 2"
    notes: tuple[str, ...] = ()
    printed: bool = True  # False for texts only screen readers and metadata use
    shared: str | None = None  # the shared block it comes from (translated in its catalog)


def source_texts(handout: Handout) -> list[SourceText]:
    """Every text of a handout that is printed (or read by screen readers), in file order."""
    texts = list(_walk(handout))
    if handout.kind is not Kind.CARD:
        return texts
    return [replace(t, notes=t.notes + (
        f"Card: space is tight. Keep it to about {math.ceil(len(t.text) * CARD_ALLOWANCE)} "
        "characters.",)) if t.printed else t for t in texts]


def _walk(handout: Handout) -> Iterator[SourceText]:
    hid = handout.id
    yield SourceText(hid, handout.title, ("title",), "title", _notes(handout.title))
    yield SourceText(hid, handout.summary, ("summary",), "main message under the title",
                     _notes(handout.summary))
    yield SourceText(hid, handout.audience, ("audience",),
                     "who the handout is for (not printed; in the PDF's keywords)",
                     printed=False)
    for index, band in enumerate(handout.age_bands):
        yield SourceText(hid, band.label, ("age_bands", index, "label"),
                         f"age band '{band.id}', printed under the title")
    for s_index, section in enumerate(handout.sections):
        yield from _section_texts(hid, section, ("sections", s_index))


def _section_texts(hid: str, section: Section, loc: KeyPath) -> Iterator[SourceText]:
    context = f"{hid}/{section.id}"
    box = section.tone.words.box if section.tone.words else "section"
    name = f"section '{section.id}' ({box})"
    yield SourceText(context, section.heading, loc + ("heading",), f"{name}, heading",
                     _notes(section.heading))
    for b_index, block in enumerate(section.body):
        at = loc + ("body", b_index)
        if block.origin is None:
            yield from _block_texts(context, name, block, at)
        else:
            shared = block.origin.block_id
            yield from (replace(text, shared=shared) for text in _block_texts(
                shared, f"shared block '{shared}'", block, at))


def shared_texts(block: SharedBlock) -> list[SourceText]:
    """The texts of a shared block, translated once in its own catalog."""
    return [replace(text, shared=block.id) for index, part in enumerate(block.body)
            for text in _block_texts(block.id, f"shared block '{block.id}'", part,
                                     ("body", index))]


def _block_texts(context: str, name: str, block: Block, at: KeyPath) -> Iterator[SourceText]:
    if block.p is not None:
        yield SourceText(context, block.p, at + ("p",), f"{name}, paragraph", _notes(block.p))
    elif block.image is not None:
        yield SourceText(context, block.image.alt, at + ("image", "alt"),
                         f"{name}, description of the image {block.image.src} for "
                         "people who cannot see it (not printed)", printed=False)
        if block.image.caption:
            yield SourceText(context, block.image.caption, at + ("image", "caption"),
                             f"{name}, image caption", _notes(block.image.caption))
    else:
        facts = block.kind.facts
        assert facts is not None  # the other kinds are handled above
        for i_index, item in enumerate(block.items or []):
            yield SourceText(context, item.text, at + (block.kind.value, i_index, "text"),
                             f"{name}, {facts.noun} {i_index + 1}", _notes(item.text))


def _notes(text: str) -> tuple[str, ...]:
    notes = []
    for name in dict.fromkeys(_placeholder_names(text)):
        if TEMPERATURE_RE.fullmatch(name):
            notes.append(f"Keep {{{{ {name} }}}} exactly as written: it becomes the "
                         "temperature in the clinic's unit, e.g. 38 °C or 100.4 °F.")
        elif DATE_AT_RE.fullmatch(name):
            notes.append(f"Keep {{{{ {name} }}}} exactly as written: it becomes a date "
                         "(e.g. 12.12.2026) or words such as '3 weeks of age'. Word the "
                         "sentence so both read well.")
        else:
            notes.append(f"Do not translate {{{{ {name} }}}}: the clinic's "
                         f"{name.split('.')[-1].replace('_', ' ')} is printed there.")
    if "**" in text or re.search(r"(?<!\*)\*(?!\*)", text):
        notes.append("Words between ** are printed bold, between * italic: keep the "
                     "asterisks around the matching translated words.")
    return tuple(notes)


def _placeholder_names(text: str) -> list[str]:
    return [re.sub(r"\s+", "", m.group(1)) for m in PLACEHOLDER_RE.finditer(text)]


def placeholder_difference(source: str, translation: str) -> tuple[list[str], list[str]]:
    """Placeholders the translation (missing, added) compared with its source text.

    Handout placeholders look like ``{{ brand.phone }}``; interface words use ``{page}``,
    and anything else in braces there (``{page:>99}``, ``{page.real}``) counts as added:
    the tool fills those words with ``str.format``, which must get plain names only.
    """
    pattern = PLACEHOLDER_RE if "{{" in source else re.compile(r"\{([^{}]*)\}")

    def names(text: str) -> Counter[str]:
        return Counter(re.sub(r"\s+", "", m.group(1)) for m in pattern.finditer(text))

    want, got = names(source), names(translation)
    return sorted((want - got).elements()), sorted((got - want).elements())


def translate_handout(handout: Handout, translate: Callable[[SourceText], str]) -> Handout:
    """A copy of the handout with every source text replaced by ``translate(text)``."""
    data = handout.model_dump(by_alias=True)
    for text in source_texts(handout):
        target: Any = data
        for key in text.path[:-1]:
            target = target[key]
        target[text.path[-1]] = translate(text)
    translated = Handout.model_validate(data)
    # Validation makes new blocks: a shared block's part keeps where it was written.
    return translated.model_copy(update={"sections": [
        section.model_copy(update={"body": [
            part.shared_from(old.origin) if old.origin else part
            for part, old in zip(section.body, original.body, strict=True)]})
        for section, original in zip(translated.sections, handout.sections, strict=True)]})


@dataclass(frozen=True)
class InterfaceMessage:
    """One interface word: msgctxt, msgid (and plural), and a note for translators."""

    context: str | None
    text: str
    plural: str | None = None
    note: str = ""


def project_messages(brands: Iterable[LoadedBrand],
                     packs: Iterable[LoadedPack]) -> list[InterfaceMessage]:
    """Words of the project's own files that print around the content: the brands'
    footer notes ("Open Monday to Friday"; clinic names stay as they are) and the packs'
    titles and cover lines."""
    messages = [InterfaceMessage(f"brand:{b.id}", note, None,
                                 f"Footer note of the clinic '{b.brand.name}'.")
                for b in brands if (note := b.brand.translated_footer_note)]
    for loaded in packs:
        pack = loaded.pack
        messages.append(InterfaceMessage(f"pack:{pack.id}", pack.title, None,
                                         f"Title of the pack '{pack.id}', on its cover."))
        if pack.summary:
            messages.append(InterfaceMessage(f"pack:{pack.id}:summary", pack.summary, None,
                                             f"Cover of the pack '{pack.id}', under the "
                                             "title."))
    return messages


def interface_messages() -> list[InterfaceMessage]:
    """The built-in interface words (templates add their own ``_()`` strings)."""
    messages = [InterfaceMessage(word.context, word.text, None, word.note)
                for word in interface_words()]
    names = {"d": "days", "w": "weeks", "m": "months", "y": "years"}
    messages += [InterfaceMessage("duration", singular, plural,
                                  f"A number of {names[unit]}, as in ages ('6 weeks'). "
                                  "{count} is the number: keep it (a form for exactly one "
                                  "number, like the Arabic dual, may say it in words).")
                 for unit, (singular, plural) in DURATIONS.items()]
    return messages
