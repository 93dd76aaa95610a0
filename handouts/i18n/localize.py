"""Put a handout and the interface words into the language of a build.

A handout is printed in its source language, or fully translated from its PO file. A
translation with missing or fuzzy strings is refused with the list of those strings;
``--allow-draft`` prints it anyway (fuzzy suggestions used, missing strings left in the
source language) and the layout then marks every page "Draft translation".
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import polib

from handouts.errors import HandoutsError, Problem, ProblemList
from handouts.i18n.catalogs import (
    INTERFACE,
    REVIEWED_BY,
    REVIEWED_ON,
    CatalogFiles,
    block_catalog,
    header_line,
    is_complete,
    read_catalog,
)
from handouts.i18n.messages import (
    SourceText,
    placeholder_difference,
    source_texts,
    translate_handout,
)
from handouts.i18n.words import ENGLISH, Words, interface_words
from handouts.locales import fallbacks, language
from handouts.project.content import Handout, LoadedHandout
from handouts.project.yamlsource import KeyPath, YamlDocument, format_key_path

State = Literal["translated", "fuzzy", "missing"]
SHOWN_MISSING = 12  # strings listed in an error before "and N more"


@dataclass(frozen=True)
class PrintedText:
    """A text as it will be printed, and the file position it comes from."""

    text: str
    file: Path
    line: int | None
    column: int | None = None
    key: str | None = None
    where: str = ""
    doc: YamlDocument | None = None  # for source texts: finds a character's exact place
    path: KeyPath = ()

    def position_of(self, needle: str) -> tuple[int | None, int | None]:
        if self.doc is not None:
            return self.doc.find(self.path, needle)
        return self.line, self.column


@dataclass(frozen=True)
class LocalizedHandout:
    handout: Handout  # in the build's language
    locale: str
    catalogs: tuple[Translation, ...] = ()  # the PO files used; none in the source language
    draft: bool = False  # incomplete translation printed with --allow-draft
    printed: tuple[PrintedText, ...] = ()

    @property
    def translated(self) -> bool:
        return bool(self.catalogs)

    @property
    def reviewed(self) -> bool:
        """False while one of its translations has no reviewer and date."""
        return all(catalog.reviewed for catalog in self.catalogs)

    @property
    def source(self) -> Path | None:
        """The handout's own PO file (the shared blocks' come after it)."""
        return self.catalogs[0].path if self.catalogs else None

    def entry(self, text: SourceText) -> tuple[Translation, polib.POEntry] | None:
        """The translation of a source text, from its handout's or its block's catalog."""
        for catalog in self.catalogs:
            if catalog.shared == text.shared:
                entry = catalog.entry(text.context, text.text)
                return (catalog, entry) if entry is not None else None
        return None


def is_source_language(loaded: LoadedHandout, locale: str) -> bool:
    """Whether the handout is printed in ``locale`` as written."""
    return serves(loaded.handout.language, locale)


def serves(source: str, locale: str) -> bool:
    """A text serves its own language in every region (en serves en-GB)."""
    return source == locale or ("-" not in source and language(locale) == language(source))


class Translation:
    """One PO file (a handout's, a shared block's) in one locale, looked up by
    (msgctxt, msgid)."""

    def __init__(self, path: Path, locale: str, shared: str | None = None) -> None:
        self.path = path
        self.shared = shared  # the shared block it translates; None for a handout's
        self.po = read_catalog(path, locale=locale)
        self.entries: dict[tuple[str | None, str], polib.POEntry] = {
            (e.msgctxt, e.msgid): e for e in self.po if not e.obsolete}

    def entry(self, context: str | None, text: str) -> polib.POEntry | None:
        return self.entries.get((context, text))

    def state(self, context: str | None, text: str) -> State:
        entry = self.entry(context, text)
        if entry is not None and is_complete(entry):
            return "translated"
        if entry is not None and entry.fuzzy and entry.msgstr:
            return "fuzzy"
        return "missing"

    def review_problem(self) -> Problem | None:
        value = self.po.metadata.get(REVIEWED_ON, "").strip()
        if value and not _iso_date(value):
            line = header_line(self.path.read_text(encoding="utf-8"), REVIEWED_ON)
            return Problem(f"header {REVIEWED_ON}: '{value}' is not a date", file=self.path,
                           line=line,
                           hint="write the review date as YYYY-MM-DD, e.g. 2026-11-21")
        return None

    @property
    def reviewed(self) -> bool:
        meta = self.po.metadata
        return bool(meta.get(REVIEWED_BY, "").strip()) and _iso_date(
            meta.get(REVIEWED_ON, "").strip())


def _iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def localize(loaded: LoadedHandout, locale: str, files: CatalogFiles,
             allow_draft: bool = False) -> LocalizedHandout:
    """The handout in ``locale``, or HandoutsError saying what is missing and where.

    Its own texts come from its PO file, those of the shared blocks it uses from theirs.
    """
    if is_source_language(loaded, locale):
        return LocalizedHandout(loaded.handout, locale,
                                printed=tuple(_source_positions(loaded)))
    problems = ProblemList()
    catalogs = _catalogs(loaded, locale, files, allow_draft, problems)
    problems.raise_if_any()
    if not catalogs:
        return LocalizedHandout(loaded.handout, locale, draft=True,
                                printed=tuple(_source_positions(loaded)))
    localized = LocalizedHandout(loaded.handout, locale, tuple(catalogs))
    unfinished: dict[str | None, list[Unfinished]] = {}
    printed: list[PrintedText] = []
    texts = {}
    for text in source_texts(loaded.handout):
        found = localized.entry(text)
        catalog, entry = found if found else (None, None)
        state = catalog.state(text.context, text.text) if catalog else "missing"
        if state != "translated":
            unfinished.setdefault(text.shared, []).append(
                Unfinished(text, state, entry.linenum if entry else None))
        if state == "missing" or catalog is None or entry is None:
            texts[text.path] = text.text
            printed.extend(_source_positions(loaded, [text]))
            continue
        problem = _placeholder_problem(text.text, entry.msgstr, catalog.path, entry.linenum,
                                       f"{text.context}: {_short(text.text)}")
        if problem is not None:
            problems.add(problem)
        texts[text.path] = entry.msgstr
        printed.append(PrintedText(entry.msgstr, catalog.path, entry.linenum or None,
                                   where=f"'{_short(text.text)}'"))
    if not allow_draft:
        problems.extend(_unfinished_problem(_subject(loaded, shared), locale, path, texts_of)
                        for shared, texts_of in unfinished.items()
                        for path in [files.translation(locale, _catalog_name(loaded, shared))])
    problems.raise_if_any()
    handout = translate_handout(loaded.handout, lambda text: texts[text.path])
    return LocalizedHandout(handout, locale, tuple(catalogs), draft=bool(unfinished),
                            printed=tuple(printed))


def _catalogs(loaded: LoadedHandout, locale: str, files: CatalogFiles, allow_draft: bool,
              problems: ProblemList) -> list[Translation]:
    """The PO files of the handout and of its shared blocks that there are (a missing one
    is a problem, unless a draft may be printed)."""
    found = []
    for shared, source in [(None, loaded.path), *loaded.shared_blocks.items()]:
        path = files.translation(locale, _catalog_name(loaded, shared))
        if path.is_file():
            try:
                found.append(Translation(path, locale, shared))
            except HandoutsError as exc:
                problems.extend(exc.problems)
                continue
            review = found[-1].review_problem()
            if review is not None:
                problems.add(review)
        elif not allow_draft:
            problems.add(Problem(
                f"{_subject(loaded, shared)} has no translation into '{locale}' "
                f"(no file {path.name} in {path.parent})", file=source,
                hint=f"run 'handouts translate update --locale {locale}' and translate the "
                     "new PO file; meanwhile build the languages that are ready with --lang, "
                     "set 'incomplete_translations: skip' in handouts.yaml to build all the "
                     "rest, or print a marked draft with --allow-draft", untranslated=True))
    return found


def _catalog_name(loaded: LoadedHandout, shared: str | None) -> str:
    return loaded.id if shared is None else block_catalog(shared)


def _subject(loaded: LoadedHandout, shared: str | None) -> str:
    return f"handout '{loaded.id}'" if shared is None else f"shared block '{shared}'"


def _source_positions(loaded: LoadedHandout,
                      texts: list[SourceText] | None = None) -> list[PrintedText]:
    found = []
    for text in texts if texts is not None else source_texts(loaded.handout):
        doc, at = loaded.source_of(text.path)
        if not doc.position(at)[0]:
            at = at[:-1]
        line, column = doc.position(at)
        found.append(PrintedText(text.text, doc.path, line, column, format_key_path(at),
                                 text.where, doc, at))
    return found


@dataclass(frozen=True)
class Unfinished:
    """A text whose translation is missing or fuzzy, and the line of its entry."""

    text: SourceText
    state: State
    line: int | None = None


def _listing(unfinished: list[Unfinished]) -> str:
    """One line per unfinished text, for an error message; the first dozen."""
    lines = [f"  [{u.state}] {u.text.context}: \"{_short(u.text.text)}\""
             + (f" (line {u.line})" if u.line else "") for u in unfinished[:SHOWN_MISSING]]
    if len(unfinished) > SHOWN_MISSING:
        lines.append(f"  ... and {len(unfinished) - SHOWN_MISSING} more")
    return "\n".join(lines)


def _unfinished_problem(subject: str, locale: str, path: Path,
                        unfinished: list[Unfinished]) -> Problem:
    missing = sum(1 for u in unfinished if u.state == "missing")
    fuzzy = len(unfinished) - missing
    counts = ", ".join(filter(None, [f"{missing} missing" if missing else "",
                                     f"{fuzzy} fuzzy (to check)" if fuzzy else ""]))
    return Problem(f"the '{locale}' translation of {subject} is not finished "
                   f"({counts}):\n" + _listing(unfinished), file=path,
                   hint="translate and un-fuzzy these strings in a PO editor (Poedit, Weblate, "
                        "Crowdin), or build with --allow-draft to print a marked draft",
                   untranslated=True)


def _placeholder_problem(source: str, translation: str, path: Path, line: int | None,
                         name: str, may_drop: bool = False) -> Problem | None:
    if "{{" not in source and not _formattable(translation):
        return Problem(f"the translation of {name} has a {{ or }} without its pair",
                       file=path, line=line or None,
                       hint="write the {...} parts exactly as in the source text")
    missing, added = placeholder_difference(source, translation)
    if may_drop:
        missing = []
    if not missing and not added:
        return None
    parts = []
    if missing:
        parts.append("drops " + ", ".join(_brace(source, m) for m in missing))
    if added:
        parts.append("adds " + ", ".join(_brace(source, a) for a in added))
    return Problem(f"the translation of {name} {' and '.join(parts)}", file=path,
                   line=line or None,
                   hint="copy every {...} part of the source text into the translation "
                        "exactly as it is; only the words around it are translated")


def _formattable(text: str) -> bool:
    """Whether str.format can read the text (interface words are filled with it)."""
    try:
        list(string.Formatter().parse(text))
    except ValueError:
        return False
    return True


def _brace(source: str, name: str) -> str:
    return f"'{{{{ {name} }}}}'" if "{{" in source else f"'{{{name}}}'"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


# ---------------------------------------------------------------- interface words


@dataclass(frozen=True)
class Interface:
    """The interface words of one locale, and the gettext object templates use."""

    words: Words
    translations: gettext.NullTranslations
    catalogs: tuple[Path, ...] = ()
    draft: bool = False


def interface_for(locale: str, files: CatalogFiles, wanted: polib.POFile,
                  allow_draft: bool = False) -> Interface:
    """English is built in; other languages come from ``_interface.po`` (es-MX, then es)."""
    if language(locale) == "en":
        return Interface(ENGLISH.translated({}, locale, gettext.NullTranslations()),
                         gettext.NullTranslations())
    paths = [p for p in (files.translation(code, INTERFACE) for code in fallbacks(locale))
             if p.is_file()]
    if not paths and not allow_draft:
        raise HandoutsError([Problem(
            f"no interface words for '{locale}': {files.translation(locale, INTERFACE)} "
            "does not exist",
            hint=f"run 'handouts translate update --locale {locale}' and translate it, or "
                 "build with --allow-draft (English interface words)", untranslated=True)])
    catalogs = [read_catalog(p, locale=p.parent.name) for p in paths]
    problems = ProblemList()
    chosen, unfinished = _chosen_entries(wanted, catalogs, paths, allow_draft, problems)
    if unfinished and not allow_draft:
        problems.add(Problem(
            f"the '{locale}' interface words are not finished ({len(unfinished)} "
            f"string{'s' if len(unfinished) != 1 else ''}):\n" + _listing(unfinished),
            file=paths[0] if paths else files.translation(locale, INTERFACE),
            hint="after changing a brand's footer note, a pack or a template's words, run "
                 "'handouts translate update' to add the new texts to the PO files; then "
                 "translate them in a PO editor, or build with --allow-draft" + (
                     "; a brand's footer note can instead be written per language in its "
                     "brand file (footer_note: {en: ..., es: ...})" if any(
                         u.text.context.startswith("brand:") for u in unfinished) else ""),
            untranslated=True))
    quotes = chosen.find("\u201c\u201d\u2018\u2019", msgctxt="quotes")
    if quotes is not None and len(quotes.msgstr) != 4:
        problems.add(Problem(f"'quotes' must be exactly four quotation marks, found "
                             f"'{quotes.msgstr}'", file=paths[0] if paths else None,
                             line=quotes.linenum or None,
                             hint="e.g. \u00ab\u00bb\u201e\u201c for Russian"))
    problems.raise_if_any()
    translations = gettext.GNUTranslations(io.BytesIO(chosen.to_binary()))
    values = {word.context: translations.pgettext(word.context, word.text)
              for word in interface_words()}
    return Interface(ENGLISH.translated(values, locale, translations), translations,
                     tuple(paths), draft=bool(unfinished))


def _chosen_entries(wanted: polib.POFile, catalogs: list[polib.POFile], paths: list[Path],
                    allow_draft: bool, problems: ProblemList
                    ) -> tuple[polib.POFile, list[Unfinished]]:
    """The catalog of the entries to use, the most specific first, and those that are
    not finished; a translation that changes a {placeholder} is a problem."""
    chosen = polib.POFile()
    chosen.metadata = {"Content-Type": "text/plain; charset=UTF-8",
                       "Plural-Forms": (catalogs[0].metadata.get("Plural-Forms", "")
                                        if catalogs else "nplurals=2; plural=(n != 1);")}
    unfinished: list[Unfinished] = []
    for source in wanted:
        found = _first_usable(source, catalogs, paths, allow_draft)
        state: State = "missing" if found is None else (
            "fuzzy" if found[0].fuzzy else "translated")
        if state != "translated":
            unfinished.append(Unfinished(SourceText(source.msgctxt or "", source.msgid, (), ""),
                                         state, found[0].linenum if found else None))
        if found is None:
            continue
        entry, path = found
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for index, text in enumerate(forms):
            # A plural form for one exact number may say it in words: the Arabic dual
            # "أسبوعان" (two weeks) has no {count}. The last form (many) keeps them all.
            problem = _placeholder_problem(source.msgid, text, path, entry.linenum,
                                           f"'{source.msgctxt}'" if source.msgctxt
                                           else f"'{_short(source.msgid)}'",
                                           may_drop=index < len(forms) - 1)
            if problem is not None:
                problems.add(problem)
        chosen.append(polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid,
                                    msgid_plural=entry.msgid_plural, msgstr=entry.msgstr,
                                    msgstr_plural=dict(entry.msgstr_plural)))
    return chosen, unfinished


def _first_usable(source: polib.POEntry, catalogs: list[polib.POFile], paths: list[Path],
                  allow_draft: bool) -> tuple[polib.POEntry, Path] | None:
    """The entry of the most specific catalog that translates ``source``."""
    fallback = None
    for catalog, path in zip(catalogs, paths):
        entry = catalog.find(source.msgid, msgctxt=source.msgctxt)
        if entry is None or entry.obsolete:
            continue
        if is_complete(entry):
            return entry, path
        if allow_draft and entry.fuzzy and fallback is None:
            fallback = (entry, path)
    return fallback
