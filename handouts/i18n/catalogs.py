"""Translation catalogs: standard gettext PO files that translators' tools open as they are.

    data/translations/newborn-tremor.pot         template: one per handout
    data/translations/_interface.pot             template: interface words and templates
    data/translations/ru/newborn-tremor.po       Russian translation of one handout
    data/translations/ru/_interface.po           Russian interface words
    data/translations/blocks/emergency-signs.pot template of a shared block
    data/translations/ru/blocks/emergency-signs.po  its Russian translation

polib reads and writes the files: it keeps every header and comment that Poedit, Weblate
or a translator added (Babel's catalog drops unknown headers such as the reviewer's).
Babel supplies each language's plural rules. Files are written only when their text
changes, and always through a temporary file, so a translator's work is never lost.
"""

from __future__ import annotations

import difflib
import gettext
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib

from handouts.errors import HandoutsError, Problem
from handouts.files import read_text
from handouts.i18n.messages import (
    InterfaceMessage,
    SourceText,
    interface_messages,
    shared_texts,
    source_texts,
)
from handouts.names import TEMPLATE_SUFFIX
from handouts.project.blocks import LoadedBlock
from handouts.project.content import LoadedHandout
from handouts.project.yamlsource import YamlDocument

INTERFACE = "_interface"
BLOCKS = "blocks"  # the folder of the shared blocks' catalogs
REVIEWED_BY = "X-Reviewed-By"
REVIEWED_ON = "X-Reviewed-On"
FUZZY_CUTOFF = 0.6  # how alike an old source text must be to offer its translation


@dataclass(frozen=True)
class CatalogFiles:
    """Where the catalogs of a project live."""

    folder: Path  # data/translations

    def template(self, name: str) -> Path:
        return self.folder / f"{name}.pot"

    def translation(self, locale: str, name: str) -> Path:
        return self.folder / locale / f"{name}.po"

    def locales(self) -> list[str]:
        """Locales that have a folder of PO files."""
        if not self.folder.is_dir():
            return []
        return sorted(p.name for p in self.folder.iterdir() if p.is_dir() and any(p.glob("*.po")))


# ---------------------------------------------------------------- templates (POT)


def handout_template(loaded: LoadedHandout, root: Path, project_title: str) -> polib.POFile:
    """The PO template of one handout: every printed text, with where it is and notes
    (the texts of the shared blocks it uses are in the blocks' own templates)."""
    pot = _new_file(f"{project_title}: {loaded.id}", f"Source texts of the handout "
                    f"'{loaded.id}' (written in '{loaded.handout.language}').")
    _add_texts(pot, [t for t in source_texts(loaded.handout) if t.shared is None],
               loaded.doc, root)
    return pot


def block_template(loaded: LoadedBlock, root: Path, project_title: str) -> polib.POFile:
    """The PO template of one shared block, translated once for every handout using it."""
    pot = _new_file(f"{project_title}: {block_catalog(loaded.id)}", f"Source texts of the "
                    f"shared block '{loaded.id}' (written in '{loaded.block.language}').")
    _add_texts(pot, shared_texts(loaded.block), loaded.doc, root)
    return pot


def block_catalog(block_id: str) -> str:
    """The catalog name of a shared block: translations/<locale>/blocks/<id>.po."""
    return f"{BLOCKS}/{block_id}"


def _add_texts(pot: polib.POFile, texts: list[SourceText], doc: YamlDocument,
               root: Path) -> None:
    where = _relative(doc.path, root)
    for text in texts:
        line = doc.position(text.path)[0] or doc.position(text.path[:-1])[0]
        _add(pot, polib.POEntry(
            msgctxt=text.context, msgid=text.text, msgstr="",
            comment="\n".join((f"Where: {text.where}.", *text.notes)),
            occurrences=[(where, str(line))] if line else []))


def interface_template(template_dirs: list[Path], root: Path, project_title: str,
                       extra: list[InterfaceMessage]) -> polib.POFile:
    """Interface words of the tool, ``extra`` words (the brands'), and ``_()`` strings of
    the templates."""
    pot = _new_file(f"{project_title}: interface",
                    "Interface words printed around every handout.")
    for message in interface_messages() + extra:
        _add(pot, _interface_entry(message))
    paths = [p for folder in template_dirs for p in sorted(folder.rglob(f"*{TEMPLATE_SUFFIX}"))]
    for path in paths:
        for line, message, comments in _template_strings(path):
            _add(pot, _interface_entry(message, "\n".join(comments)),
                 (_relative(path, root), str(line)))
    return pot


def _interface_entry(message: InterfaceMessage, note: str | None = None) -> polib.POEntry:
    flags = ["python-brace-format"] if re.search(r"\{\w*\}", message.text) else []
    entry = polib.POEntry(msgctxt=message.context, msgid=message.text, msgstr="",
                          comment=note if note is not None else message.note, flags=flags)
    if message.plural is not None:
        entry.msgid_plural = message.plural
        entry.msgstr_plural = {0: "", 1: ""}
    return entry


def _template_strings(path: Path) -> list[tuple[int, InterfaceMessage, list[str]]]:
    """``_()``, ``gettext``, ``ngettext`` and ``pgettext`` calls in a Jinja2 template."""
    import jinja2.ext  # Jinja2's and Babel's extractors: loaded for templates only
    from babel.messages.extract import extract as babel_extract

    try:  # Jinja2's extractor skips a template it cannot parse, silently
        jinja2.Environment(extensions=["jinja2.ext.i18n"]).parse(read_text(path))
    except jinja2.TemplateSyntaxError as exc:
        raise HandoutsError([Problem(f"template syntax error: {exc.message}", file=path,
                                     line=exc.lineno)]) from None
    found = []
    with path.open("rb") as handle:
        try:
            # Jinja2's extractor fits Babel's protocol; their annotations disagree.
            extractor: Any = jinja2.ext.babel_extract
            for line, text, comments, context in babel_extract(
                    extractor, handle, comment_tags=("Translators:",),
                    options={"trimmed": "true"}):
                singular, plural = (text, None) if isinstance(text, str) else text[:2]
                found.append((line, InterfaceMessage(context, singular, plural), comments))
        except jinja2.TemplateSyntaxError as exc:
            raise HandoutsError([Problem(f"template syntax error: {exc.message}", file=path,
                                         line=exc.lineno)]) from None
    return found


def _new_file(project: str, description: str) -> polib.POFile:
    pot = polib.POFile()
    pot.header = f"{description}\nMade by 'handouts translate extract'; do not edit by hand."
    pot.metadata = {"Project-Id-Version": project, "MIME-Version": "1.0",
                    "Content-Type": "text/plain; charset=UTF-8",
                    "Content-Transfer-Encoding": "8bit",
                    "X-Generator": "handouts"}
    return pot


def _add(pot: polib.POFile, entry: polib.POEntry,
         occurrence: tuple[str, str] | None = None) -> None:
    """Add an entry; the same text twice in one place is one entry with two locations."""
    existing = pot.find(entry.msgid, msgctxt=entry.msgctxt)
    target = existing or entry
    if existing is None:
        pot.append(entry)
    for place in ([occurrence] if occurrence else []) + (entry.occurrences if existing else []):
        if place not in target.occurrences:
            target.occurrences.append(place)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# ---------------------------------------------------------------- reading and writing


def read_catalog(path: Path, locale: str | None = None) -> polib.POFile:
    """A PO or POT file, or HandoutsError with the line of what is wrong: not UTF-8, a
    syntax error, another charset, an entry given twice, plural forms that are not the
    language's (``locale``: the language a PO file translates into)."""
    text = read_text(path)
    syntax = _syntax_problem(text, path)
    if syntax is not None:
        raise HandoutsError([syntax])
    try:
        catalog = polib.pofile(text, encoding="utf-8")
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        match = re.search(r"\(line (\d+)\)", str(exc))
        reason = str(exc).split(":", 1)[-1].strip() if ":" in str(exc) else "unreadable"
        raise HandoutsError([Problem(
            f"this PO file cannot be read: {reason if match else exc}", file=path,
            line=int(match.group(1)) if match else None,
            hint="open it in a PO editor such as Poedit, which shows and fixes the error; "
                 "PO files are UTF-8 text")]) from None
    problems = [*_charset_problems(catalog, text, path), *_duplicates(catalog, path)]
    if locale is not None:
        problems += _plural_problems(catalog, text, path, locale)
    if problems:
        raise HandoutsError(problems)
    return catalog


PO_LINE = re.compile(r'(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"')


def _syntax_problem(text: str, path: Path) -> Problem | None:
    """The first line that is neither a comment nor a keyword with a quoted string (polib
    reads some of them without a word, e.g. a string whose closing quote is missing)."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and not PO_LINE.fullmatch(stripped):
            return Problem("this PO file cannot be read: this line is not a keyword with a "
                           "text in double quotes", file=path, line=number,
                           hint="open it in a PO editor such as Poedit, which shows and "
                                "fixes the error (a missing \" is the usual cause)")
    return None


def header_line(text: str, field: str) -> int | None:
    """The line of a header field ("Plural-Forms: ...") in a PO file's text."""
    return next((number for number, line in enumerate(text.splitlines(), start=1)
                 if line.startswith(f'"{field}:')), None)


def _charset_problems(catalog: polib.POFile, text: str, path: Path) -> list[Problem]:
    content_type = catalog.metadata.get("Content-Type", "text/plain; charset=UTF-8")
    charset = re.search(r"charset=([\w.-]+)", content_type)
    if charset is None or charset.group(1).lower().replace("_", "-") in ("utf-8", "utf8"):
        return []
    return [Problem(f"the header says the file is in {charset.group(1)}; PO files of "
                    "handouts are UTF-8", file=path, line=header_line(text, "Content-Type"),
                    hint="save the file as UTF-8 and write 'charset=UTF-8' in the header "
                         "(Poedit: Catalog > Properties)")]


def _duplicates(catalog: polib.POFile, path: Path) -> list[Problem]:
    seen: dict[tuple[str | None, str], polib.POEntry] = {}
    problems = []
    for entry in catalog:
        key = (entry.msgctxt, entry.msgid)
        if entry.obsolete:
            continue
        if key in seen:
            problems.append(Problem(
                f"\"{entry.msgid[:60]}\" is translated twice (first on line "
                f"{seen[key].linenum})", file=path, line=entry.linenum or None,
                hint="delete one of the two entries"))
        seen.setdefault(key, entry)
    return problems


PLURAL_SAMPLE = range(0, 1001)  # the counts handouts print: days, weeks, months, years


def _plural_problems(catalog: polib.POFile, text: str, path: Path,
                     locale: str) -> list[Problem]:
    """The header's plural rule must be valid and tell apart the counts the language
    tells apart ("3 месяца", "5 месяцев"), and every counted word must have its number of
    forms. A rule may differ from CLDR's where no printed count differs (Spanish PO files
    keep gettext's two forms; CLDR adds one for millions)."""
    from babel.messages.plurals import get_plural

    header = catalog.metadata.get("Plural-Forms", "")
    line = header_line(text, "Plural-Forms")
    language_rule = get_plural(locale.replace("-", "_"))
    hint = (f"write 'Plural-Forms: nplurals={language_rule.num_plurals}; plural="
            f"{language_rule.plural_expr};' (a PO editor sets it from the language)")
    if not header:
        return [] if not any(e.msgid_plural for e in catalog) else [Problem(
            "the header has no Plural-Forms", file=path, hint=hint)]
    found = re.fullmatch(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?);?\s*", header)
    try:
        if found is None:
            raise ValueError("not 'nplurals=N; plural=...'")
        forms, rule = int(found.group(1)), gettext.c2py(found.group(2))
        indexes = {n: int(rule(n)) for n in PLURAL_SAMPLE}
    except (ValueError, RecursionError, ArithmeticError) as exc:
        return [Problem(f"the header's Plural-Forms cannot be read: {exc}", file=path,
                        line=line, hint=hint)]
    reference = gettext.c2py(language_rule.plural_expr)
    if any(index >= forms for index in indexes.values()) or not _same_classes(
            indexes, {n: int(reference(n)) for n in PLURAL_SAMPLE}):
        return [Problem(f"the header's Plural-Forms does not fit '{locale}': it gives "
                        f"{forms} form{'s' if forms != 1 else ''}, and counts such as 2 "
                        "and 5 would get the wrong word", file=path, line=line, hint=hint)]
    return [Problem(f"\"{entry.msgid}\" needs {forms} plural forms (msgstr[0] to "
                    f"msgstr[{forms - 1}]), found {len(entry.msgstr_plural)}", file=path,
                    line=entry.linenum or None, hint="add the missing forms in a PO editor")
            for entry in catalog if entry.msgid_plural and not entry.obsolete
            and any(entry.msgstr_plural.values()) and len(entry.msgstr_plural) != forms]


def _same_classes(first: dict[int, int], second: dict[int, int]) -> bool:
    """Whether two plural rules group the sample counts the same way."""
    pairs = {(first[n], second[n]) for n in first}
    return len(pairs) == len({a for a, _ in pairs}) == len({b for _, b in pairs})


def catalog_text(catalog: polib.POFile) -> str:
    return str(catalog)


# ---------------------------------------------------------------- update (merge)


@dataclass(frozen=True)
class MergeResult:
    catalog: polib.POFile
    added: int
    fuzzy: int  # changed source texts, the old translation kept as a suggestion
    obsolete: int


def new_translation(template: polib.POFile, locale: str) -> polib.POFile:
    """An empty PO file for a locale, with its plural rules and review headers."""
    po = polib.POFile()
    po.header = template.header.replace("Source texts", f"Translation ({locale})") \
        .replace("'handouts translate extract'; do not edit by hand",
                 "'handouts translate update'; translate in a PO editor")
    from babel.messages.plurals import get_plural

    nplurals, expression = get_plural(locale.replace("-", "_"))
    po.metadata = {**template.metadata, "Language": locale, "Last-Translator": "",
                   "Language-Team": "", "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
                   "Plural-Forms": f"nplurals={nplurals}; plural={expression};",
                   REVIEWED_BY: "", REVIEWED_ON: ""}
    return po


def merge(po: polib.POFile, template: polib.POFile) -> MergeResult:
    """Bring a translation up to date with its template, the way msgmerge does.

    Unchanged texts keep their translation; a changed text gets the translation of the
    most similar old text, marked fuzzy with the old text as ``#| msgid``; texts that
    were removed become obsolete (``#~``), so no translation is ever thrown away.
    """
    nplurals = _nplurals(po)
    old = {(e.msgctxt, e.msgid): e for e in po}
    used: set[tuple[str | None, str]] = set()
    merged = polib.POFile()
    merged.header, merged.metadata = po.header, dict(po.metadata)
    merged.metadata["Project-Id-Version"] = template.metadata.get("Project-Id-Version", "")
    current = {(t.msgctxt, t.msgid) for t in template}
    added = fuzzy = 0
    for source in template:
        key = (source.msgctxt, source.msgid)
        entry = _copy_source(source, nplurals)
        previous = old.get(key)
        if previous is not None:
            used.add(key)
            _keep_translation(entry, previous)
        else:
            match = _closest(source, [e for k, e in old.items()
                                      if k not in used and k not in current])
            if match is not None and _translated_text(match):
                used.add((match.msgctxt, match.msgid))
                _keep_translation(entry, match)
                entry.flags = sorted(set(entry.flags) | {"fuzzy"})
                entry.previous_msgctxt = match.msgctxt if match.msgctxt != source.msgctxt \
                    else None
                entry.previous_msgid = match.msgid
                fuzzy += 1
            else:
                added += 1
        merged.append(entry)
    obsolete = 0
    for key, entry in old.items():
        if key in used or not _translated_text(entry):
            continue
        if not entry.obsolete:
            obsolete += 1
        entry.obsolete = True
        merged.append(entry)
    return MergeResult(merged, added, fuzzy, obsolete)


def _copy_source(source: polib.POEntry, nplurals: int) -> polib.POEntry:
    entry = polib.POEntry(msgctxt=source.msgctxt, msgid=source.msgid, msgstr="",
                          comment=source.comment, occurrences=list(source.occurrences),
                          flags=list(source.flags))
    if source.msgid_plural:
        entry.msgid_plural = source.msgid_plural
        entry.msgstr_plural = {i: "" for i in range(nplurals)}
    return entry


def _keep_translation(entry: polib.POEntry, previous: polib.POEntry) -> None:
    """The translator's work (translation, fuzzy mark, own comments) moves to the entry."""
    entry.tcomment = previous.tcomment
    if entry.msgid_plural:
        forms = previous.msgstr_plural or {0: previous.msgstr}
        entry.msgstr_plural = {i: forms.get(i, "") for i in entry.msgstr_plural}
    else:
        entry.msgstr = previous.msgstr or (previous.msgstr_plural or {}).get(0, "")
    if previous.fuzzy:
        entry.flags = sorted(set(entry.flags) | {"fuzzy"})
        entry.previous_msgid = previous.previous_msgid
        entry.previous_msgctxt = previous.previous_msgctxt


def _closest(source: polib.POEntry, candidates: list[polib.POEntry]) -> polib.POEntry | None:
    """The old entry whose text is most like ``source``: same place first, then anywhere
    (but a brand's or a pack's own words only from the same brand or pack: another
    clinic's opening hours are no suggestion for this one's)."""
    own = [c for c in candidates if c.msgctxt == source.msgctxt]
    private = (source.msgctxt or "").startswith(("brand:", "pack:"))
    for pool in (own,) if private else (own, candidates):
        texts = {c.msgid: c for c in pool if _translated_text(c)}
        best = difflib.get_close_matches(source.msgid, list(texts), n=1, cutoff=FUZZY_CUTOFF)
        if best:
            return texts[best[0]]
    return None


def _translated_text(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def _nplurals(po: polib.POFile) -> int:
    match = re.search(r"nplurals\s*=\s*(\d+)", po.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else 2


def is_complete(entry: polib.POEntry) -> bool:
    """Translated, every plural form filled, and not marked fuzzy."""
    if entry.fuzzy or entry.obsolete:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)
