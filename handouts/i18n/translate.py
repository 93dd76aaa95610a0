"""The translators' workflow: ``handouts translate extract | update | status``.

    extract   source content + templates  ->  data/translations/*.pot
    update    *.pot  ->  data/translations/<locale>/*.po  (merge; nothing is lost)
    status    how much of each handout is translated, per locale
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from handouts.errors import HandoutsError, Problem, ProblemList
from handouts.files import write_atomically
from handouts.i18n.catalogs import (
    INTERFACE,
    CatalogFiles,
    block_catalog,
    block_template,
    catalog_text,
    handout_template,
    interface_template,
    merge,
    new_translation,
    read_catalog,
)
from handouts.i18n.localize import Translation, serves
from handouts.i18n.messages import project_messages
from handouts.project.loader import Project


def catalog_files(project: Project) -> CatalogFiles:
    return CatalogFiles(project.translations_dir)


def templates(project: Project) -> dict[str, polib.POFile]:
    """Every PO template of the project, by name (handout id, ``blocks/<id>`` or
    ``_interface``)."""
    title = project.config.title
    found = {INTERFACE: interface_template(project.template_dirs(), project.root, title,
                                           project_messages(project.brands.values(),
                                                            project.packs.values()))}
    for handout in project.handouts.values():
        found[handout.id] = handout_template(handout, project.root, title)
    for block in project.blocks.values():
        found[block_catalog(block.id)] = block_template(block, project.root, title)
    return found


@dataclass(frozen=True)
class FileChange:
    path: Path
    summary: str  # e.g. "created", "12 new, 1 fuzzy, 2 obsolete", "unchanged"


def extract(project: Project) -> list[FileChange]:
    """Write the POT files; a file is rewritten only when its text changes."""
    files = catalog_files(project)
    changes = []
    writes = []
    for name, pot in templates(project).items():
        path = files.template(name)
        text = catalog_text(pot)
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if old == text:
            changes.append(FileChange(path, f"unchanged ({len(pot)} strings)"))
            continue
        writes.append((path, text.encode("utf-8")))
        changes.append(FileChange(path, f"{'updated' if old else 'created'} "
                                        f"({len(pot)} strings)"))
    write_atomically(writes)
    return changes


def translation_locales(project: Project, locales: tuple[str, ...] = ()) -> list[str]:
    """The locales translated into: those asked for, else the config's (a folder of a
    locale no longer in handouts.yaml is left as it is)."""
    if locales:
        return list(locales)
    sources = {h.handout.language for h in project.handouts.values()}
    return [code for code in project.config.locales if code not in sources]


def update(project: Project, locales: tuple[str, ...] = ()) -> list[FileChange]:
    """Merge the current source texts into every PO file of the locales (created if new).

    All files are read and merged before any is written, so a broken PO file stops the
    update with nothing changed.
    """
    problems = ProblemList()
    writes: list[tuple[Path, bytes]] = []
    changes = []
    for locale, name, pot, path in _translation_files(project, locales):
        try:
            po = read_catalog(path, locale) if path.is_file() else new_translation(pot, locale)
        except HandoutsError as exc:
            problems.extend(exc.problems)
            continue
        result = merge(po, pot)
        text = catalog_text(result.catalog)
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            changes.append(FileChange(path, "unchanged"))
            continue
        writes.append((path, text.encode("utf-8")))
        changes.append(FileChange(path, "created" if not path.is_file() else ", ".join(
            f"{count} {what}" for count, what in ((result.added, "new"),
                                                  (result.fuzzy, "fuzzy"),
                                                  (result.obsolete, "obsolete"))
            if count) or "comments and places refreshed"))
    problems.raise_if_any()
    write_atomically(writes)
    return changes


def _translation_files(project: Project, locales: tuple[str, ...]
                       ) -> list[tuple[str, str, polib.POFile, Path]]:
    """(locale, catalog name, its template, its PO file) for every translation there is
    or should be; nothing is translated into the language it is written in."""
    files = catalog_files(project)
    pots = templates(project)
    found = []
    written_in = {**{h.id: h.handout.language for h in project.handouts.values()},
                  **{block_catalog(b.id): b.block.language for b in project.blocks.values()}}
    for locale in translation_locales(project, locales):
        for name, pot in pots.items():
            if not serves(written_in.get(name, "en"), locale):  # interface: English
                found.append((locale, name, pot, files.translation(locale, name)))
    if not found:
        asked = ", ".join(locales or tuple(project.config.locales))
        raise HandoutsError([Problem(
            f"nothing to translate: the handouts are written in {asked}",
            file=project.config_doc.path,
            hint="add the languages to translate into under 'locales' in handouts.yaml, "
                 "or pass --locale xx")])
    return found


@dataclass(frozen=True)
class Status:
    """How far one catalog (a handout, a shared block, the interface words) is
    translated into one locale."""

    name: str
    locale: str
    translated: int
    fuzzy: int
    missing: int
    reviewed: bool
    file: Path

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.missing

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def status(project: Project, locales: tuple[str, ...] = ()) -> list[Status]:
    """Counts against the current source text, so stale PO files show as unfinished."""
    rows = []
    problems = ProblemList()
    for locale, name, pot, path in _translation_files(project, locales):
        if not path.is_file():
            rows.append(Status(name, locale, 0, 0, len(pot), False, path))
            continue
        try:
            translation = Translation(path, locale)
        except HandoutsError as exc:
            problems.extend(exc.problems)
            continue
        states = [translation.state(entry.msgctxt, entry.msgid) for entry in pot]
        rows.append(Status(name, locale, states.count("translated"),
                           states.count("fuzzy"), states.count("missing"),
                           translation.reviewed, path))
    problems.raise_if_any()
    return rows

