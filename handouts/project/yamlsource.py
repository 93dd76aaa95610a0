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


def format_key_path(loc: KeyPath) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"  # people count list items from 1
        else:
            text += f".{part}" if text else str(part)
    return text


def load_yaml(path: Path) -> YamlDocument:
    """Parse one YAML file; raise HandoutsError with the position of any syntax error."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise HandoutsError([Problem("file not found", file=path)]) from None
    except UnicodeDecodeError as exc:
        raise HandoutsError([Problem(
            f"not UTF-8 text (byte {exc.start})", file=path,
            hint="save the file as UTF-8 in your editor")]) from None
    except OSError as exc:
        raise HandoutsError([Problem(f"cannot read file: {exc.strerror}", file=path)]) from None
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path) -> YamlDocument:
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        doc = YamlDocument(path=path, data=None, text=text)
        problems: list[Problem] = []
        if node is not None:
            doc.data = _build(loader, node, (), doc, problems)
    except yaml.MarkedYAMLError as exc:
        raise HandoutsError([_syntax_problem(exc, path)]) from None
    except yaml.YAMLError as exc:
        raise HandoutsError([Problem(f"malformed YAML: {exc}", file=path)]) from None
    finally:
        loader.dispose()
    if problems:
        raise HandoutsError(problems)
    return doc


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _build(loader: Any, node: yaml.Node, loc: KeyPath, doc: YamlDocument,
           problems: list[Problem]) -> Any:
    doc.value_marks[loc] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
                line, column = _mark(key_node)
                problems.append(Problem(f"a key must be a word, found {key!r}", file=doc.path,
                                        line=line, column=column))
                continue
            key_loc = loc + (key,)
            if key in result:
                line, column = _mark(key_node)
                first = doc.key_marks[key_loc][0]
                problems.append(Problem(
                    f"'{key}' is given twice (first on line {first})", file=doc.path,
                    line=line, column=column, key=format_key_path(key_loc),
                    hint="keep one of them; YAML would silently drop the first"))
                continue
            doc.key_marks[key_loc] = _mark(key_node)
            result[key] = _build(loader, value_node, key_loc, doc, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, loc + (i,), doc, problems)
                for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


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
