"""Read YAML files and remember where every value came from.

PyYAML gives plain data without positions; validation errors must say file, line and
column. We compose the node tree once, build the data from it, and keep a map from key
path to position. Duplicate keys, which PyYAML silently accepts (the last one wins and
the user's earlier text is lost), are reported as problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from handouts.errors import HandoutsError, Problem
from handouts.files import position, read_text
from handouts.limits import MAX_FILE_MB, MAX_TEXT_CHARS, MAX_YAML_DEPTH, MAX_YAML_VALUES

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

KeyPath = tuple[str | int, ...]


@dataclass
class YamlDocument:
    path: Path
    data: Any
    text: str = ""
    value_marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: KeyPath, *, at_key: bool = False) -> tuple[int | None, int | None]:
        """1-based (line, column) of a key path, or of its nearest parent that exists."""
        loc = tuple(loc)
        if at_key and loc in self.key_marks:
            return self.key_marks[loc]
        while True:
            if loc in self.value_marks:
                return self.value_marks[loc]
            if loc in self.key_marks:
                return self.key_marks[loc]
            if not loc:
                return (None, None)
            loc = loc[:-1]

    def find(self, loc: KeyPath, needle: str) -> tuple[int | None, int | None]:
        """Position of ``needle`` in the source, searching from the value at ``loc``."""
        line, column = self.position(loc)
        if line is None or column is None:
            return (line, column)
        lines = self.text.splitlines()
        for number in range(line - 1, len(lines)):
            found = lines[number].find(needle, column - 1 if number == line - 1 else 0)
            if found >= 0:
                return (number + 1, found + 1)
        return (line, column)

    def problem(self, loc: KeyPath, message: str, hint: str | None = None,
                *, at_key: bool = False) -> Problem:
        line, column = self.position(loc, at_key=at_key)
        return Problem(message, file=self.path, line=line, column=column,
                       key=format_key_path(loc) or None, hint=hint)

    def id_problem(self, file_id: str) -> Problem | None:
        """A file whose ``id`` is not its name (ids are how other files find it)."""
        if file_id == self.path.stem:
            return None
        return self.problem(("id",), f"the id '{file_id}' differs from the file name "
                            f"'{self.path.name}'", f"rename the file to {file_id}.yaml, or "
                            "change the id")


def format_key_path(loc: KeyPath) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"  # people count list items from 1
        else:
            text += f".{part}" if text else str(part)
    return text


def load_yaml(path: Path, max_mb: float = MAX_FILE_MB) -> YamlDocument:
    """Parse one YAML file; raise HandoutsError with the position of any syntax error."""
    return parse_yaml(read_text(path, max_mb), path)


def parse_yaml(text: str, path: Path) -> YamlDocument:
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        doc = YamlDocument(path=path, data=None, text=text)
        builder = _Builder(loader, doc)
        if node is not None:
            doc.data = builder.build(node, ())
    except yaml.MarkedYAMLError as exc:
        raise HandoutsError([_syntax_problem(exc, path)]) from None
    except yaml.reader.ReaderError as exc:
        line, column = position(text[:exc.position])
        raise HandoutsError([Problem(
            f"the character {exc.character!r} cannot be in a YAML file", file=path,
            line=line, column=column,
            hint="delete it (it may be a NUL or control character pasted by accident)")]) \
            from None
    except yaml.YAMLError as exc:
        raise HandoutsError([Problem(f"malformed YAML: {exc}", file=path)]) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise HandoutsError(builder.problems)
    return doc


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _TooMuch(Exception):
    """The file expands past a limit; building stops at once."""


class _Builder:
    """Builds the data of a node tree, recording positions and problems, within limits:
    aliases (``*name``) count as every value they repeat, so an "alias bomb" stops at
    ``MAX_YAML_VALUES`` instead of filling the memory."""

    def __init__(self, loader: Any, doc: YamlDocument) -> None:
        self.loader = loader
        self.doc = doc
        self.problems: list[Problem] = []
        self.values = 0

    def build(self, node: yaml.Node, loc: KeyPath) -> Any:
        try:
            return self._build(node, loc)
        except _TooMuch:
            return None

    def _problem(self, node: yaml.Node, message: str, loc: KeyPath = (),
                 hint: str | None = None) -> None:
        line, column = _mark(node)
        self.problems.append(Problem(message, file=self.doc.path, line=line, column=column,
                                     key=format_key_path(loc) or None, hint=hint))

    def _build(self, node: yaml.Node, loc: KeyPath) -> Any:
        self.values += 1
        if self.values > MAX_YAML_VALUES or len(loc) > MAX_YAML_DEPTH:
            self._problem(node, f"this file holds more than {MAX_YAML_VALUES:,} values or "
                          f"is nested more than {MAX_YAML_DEPTH} levels deep", loc,
                          "YAML aliases (*name) repeat what an anchor (&name) marks: "
                          "remove them, and write each value once")
            raise _TooMuch
        self.doc.value_marks[loc] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self._build(item, loc + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node, loc)

    def _mapping(self, node: yaml.MappingNode, loc: KeyPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node, loc) if isinstance(key_node, yaml.ScalarNode) \
                else None
            if not isinstance(key, (str, int)):
                self._problem(key_node, f"a key must be a word, found {key!r}")
                continue
            key_loc = loc + (key,)
            if key in result:
                first = self.doc.key_marks[key_loc][0]
                self._problem(key_node, f"'{key}' is given twice (first on line {first})",
                              key_loc, "keep one of them; YAML would silently drop the first")
                continue
            self.doc.key_marks[key_loc] = _mark(key_node)
            result[key] = self._build(value_node, key_loc)
        return result

    def _scalar(self, node: yaml.Node, loc: KeyPath) -> Any:
        try:
            value = self.loader.construct_object(node, deep=True)
        except ValueError as exc:  # 2027-02-30, month 13: PyYAML builds a date and fails
            self._problem(node, f"'{node.value}' is not a real date ({exc})", loc,
                          "write a real date as YYYY-MM-DD, e.g. 2027-11-01; to write "
                          "text that looks like a date, put it in quotes")
            return str(node.value)
        if isinstance(value, str) and len(value) > MAX_TEXT_CHARS:
            self._problem(node, f"a text of {len(value):,} characters; one text may be at "
                          f"most {MAX_TEXT_CHARS:,}", loc,
                          "split it into several paragraphs or sections")
            return value[:MAX_TEXT_CHARS]
        return value


def _syntax_problem(exc: yaml.MarkedYAMLError, path: Path) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    what = exc.problem or "malformed YAML"
    if exc.context:
        what = f"{what} ({exc.context})"
    hint = "check the indentation, and put text that contains ': ' or starts with a quote, " \
           "'*', '&', '!', '{' or '[' in double quotes"
    return Problem(f"malformed YAML: {what}", file=path,
                   line=mark.line + 1 if mark else None,
                   column=mark.column + 1 if mark else None, hint=hint)
