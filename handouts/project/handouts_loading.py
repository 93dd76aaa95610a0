"""Reading handout files: validation plus the rules that need the file itself."""

from __future__ import annotations

from pathlib import Path
from collections.abc import Iterator

from handouts.project.bands import check_bands
from handouts.project.content import (PLACEHOLDERS, Handout, LoadedHandout, placeholder_problem,
                      PLACEHOLDER_RE, strings_in)
from handouts.errors import HandoutsError, Problem, ProblemList
from handouts.project.images import image_problem
from handouts.project.validation import validate_document
from handouts.project.yamlsource import KeyPath, YamlDocument, load_yaml


def load_handout(path: Path) -> LoadedHandout:
    doc = load_yaml(path)
    handout = validate_document(Handout, doc)
    problems = ProblemList()
    problems.extend(_check_file_rules(handout, doc))
    problems.raise_if_any()
    return LoadedHandout(handout=handout, doc=doc)


def load_handouts(folder: Path) -> dict[str, LoadedHandout]:
    """Load every ``*.yaml`` in ``folder``; all problems of all files are reported together."""
    problems = ProblemList()
    loaded: dict[str, LoadedHandout] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            item = load_handout(path)
        except HandoutsError as exc:
            problems.extend(exc.problems)
            continue
        if item.id in loaded:
            problems.add(Problem(f"handout id '{item.id}' is also used by "
                                 f"{loaded[item.id].path.name}", file=path, line=1))
            continue
        loaded[item.id] = item
    problems.raise_if_any()
    return loaded


def _check_file_rules(handout: Handout, doc: YamlDocument) -> Iterator[Problem]:
    """Rules that need the file itself: names, placeholders, images, unique ids."""
    if handout.id != doc.path.stem:
        yield doc.problem(("id",), f"the id '{handout.id}' differs from the file name "
                          f"'{doc.path.name}'", f"rename the file to {handout.id}.yaml, "
                          "or change the id")
    seen: dict[str, int] = {}
    for index, section in enumerate(handout.sections):
        if section.id in seen:
            yield doc.problem(("sections", index, "id"), f"section id '{section.id}' is "
                              f"used twice (also section {seen[section.id] + 1})",
                              "give every section its own id")
        seen.setdefault(section.id, index)
        for block_index, block in enumerate(section.body):
            if block.image is not None:
                loc = ("sections", index, "body", block_index, "image", "src")
                yield from _check_image(doc, loc, block.image.src)
    for loc, text in strings_in(doc.data, ()):
        for match in PLACEHOLDER_RE.finditer(text):
            problem = placeholder_problem(match.group(1))
            if problem:
                yield doc.problem(loc, problem, "placeholders you can use: " + ", ".join(
                    "{{ %s }}" % p for p in (*PLACEHOLDERS, "date_at('6w')")))
    yield from check_bands(handout, doc)


def _check_image(doc: YamlDocument, loc: KeyPath, src: str) -> Iterator[Problem]:
    problem = image_problem(doc.path.parent / src)
    if problem:
        yield doc.problem(loc, *problem)
