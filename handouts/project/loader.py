"""Loading a project: ``handouts.yaml``, then every handout, brand and pack file.

All files are read and checked before anything is built, and the problems of all of
them are reported together; a later stage gets only valid, typed models (with their
YAML documents, for positions in its own error messages).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from handouts.errors import HandoutsError, Problem, ProblemList, did_you_mean
from handouts.names import BlockKind
from handouts.project.bands import check_band_order, check_bands
from handouts.project.blocks import LoadedBlock, expand, load_blocks
from handouts.project.brand import LoadedBrand, load_brands
from handouts.project.config import CONFIG_NAME, Config
from handouts.project.content import (
    AgeBand,
    Block,
    Handout,
    LoadedHandout,
    placeholder_problems,
)
from handouts.project.images import image_problem
from handouts.project.packs import LoadedPack, load_packs
from handouts.project.reading import Reading
from handouts.project.signs import NO_SIGNS, Signs, load_signs
from handouts.project.validation import validate_document
from handouts.project.yamlsource import KeyPath, YamlDocument, load_yaml


@dataclass(frozen=True)
class Project:
    root: Path
    config: Config
    config_doc: YamlDocument
    handouts: dict[str, LoadedHandout]
    brands: dict[str, LoadedBrand]
    packs: dict[str, LoadedPack] = field(default_factory=dict)
    signs: Signs = NO_SIGNS
    blocks: dict[str, LoadedBlock] = field(default_factory=dict)

    @property
    def output_dir(self) -> Path:
        return self.root / self.config.output

    @property
    def templates_dir(self) -> Path:
        return self.root / self.config.templates_dir

    @property
    def translations_dir(self) -> Path:
        return self.root / self.config.translations_dir

    def template_dirs(self) -> list[Path]:
        """The project's templates and every brand's own."""
        return [self.templates_dir, *(b.templates_path for b in self.brands.values()
                                      if b.templates_path is not None)]


class ProjectLoadError(HandoutsError):
    """Some file of the project has a mistake. What did load (the config and the brands)
    comes along, so that checks needing only those can be reported in the same round."""

    def __init__(self, problems: list[Problem], config: Config,
                 brands: dict[str, LoadedBrand]) -> None:
        super().__init__(problems)
        self.config = config
        self.brands = brands


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` that holds a handouts.yaml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise HandoutsError([Problem(
        f"no {CONFIG_NAME} found in {start} or any folder above it",
        hint="run the command inside a project folder, pass --project DIR, "
             "or start a project with 'handouts init DIR'")])


def load_project(root: Path) -> Project:
    """Load and validate everything; problems of all files are reported together."""
    doc = load_yaml(root / CONFIG_NAME)
    config = validate_document(Config, doc)
    reading = Reading(root, config.max_file_mb)
    problems = ProblemList()
    handouts: dict[str, LoadedHandout] = {}
    brands: dict[str, LoadedBrand] = {}
    problems.extend(_folder_problems(config, doc, reading))
    problems.raise_if_any()
    signs = NO_SIGNS
    try:
        signs = load_signs(root / config.signs_file, reading.max_mb)
    except HandoutsError as exc:
        problems.extend(exc.problems)
    blocks: dict[str, LoadedBlock] = {}
    try:
        blocks = load_blocks(root / config.blocks_dir, reading)
    except HandoutsError as exc:
        problems.extend(exc.problems)
    try:
        handouts = load_handouts(root / config.content_dir, reading, blocks)
    except HandoutsError as exc:
        problems.extend(exc.problems)
    try:
        brands = load_brands(root / config.brands_dir, reading)
    except HandoutsError as exc:
        problems.extend(exc.problems)
    if problems:
        raise ProjectLoadError(problems.problems, config, brands)
    for key, known in (("handouts", handouts), ("brands", brands)):
        for index, item in enumerate(getattr(config, key) or []):
            if item not in known:
                problems.add(doc.problem((key, index), f"no {key[:-1]} with id '{item}'",
                                         did_you_mean(item, known) or
                                         f"known: {', '.join(known) or 'none'}"))
    problems.raise_if_any()
    for loaded in handouts.values():
        problems.extend(_unknown_signs(loaded.doc, signs, (
            (("sections", s_index, "body", b_index), block)
            for s_index, section in enumerate(loaded.handout.sections)
            for b_index, block in enumerate(section.body) if block.origin is None)))
    for shared in blocks.values():
        problems.extend(_unknown_signs(shared.doc, signs, (
            (("body", b_index), block) for b_index, block in enumerate(shared.block.body))))
    problems.raise_if_any()
    packs = load_packs(root / config.packs_dir, handouts, reading)
    return Project(root=root, config=config, config_doc=doc, handouts=handouts, brands=brands,
                   packs=packs, signs=signs, blocks=blocks)


def _unknown_signs(doc: YamlDocument, signs: Signs,
                   blocks: Iterable[tuple[KeyPath, Block]]) -> Iterator[Problem]:
    """Every ``sign:`` names a sign of the triage table (when the project has one)."""
    if not signs.table:
        return
    for at, block in blocks:
        for i_index, item in enumerate(block.items or []):
            if item.sign is not None and item.sign not in signs.table:
                yield doc.problem(at + (block.kind.value, i_index, "sign"),
                                  f"unknown sign '{item.sign}'",
                                  did_you_mean(item.sign, signs.table) or
                                  f"the signs of {signs.path}: {', '.join(signs.table)}")


FOLDERS = ("output", "content_dir", "brands_dir", "packs_dir", "templates_dir",
           "translations_dir", "glossary_dir", "blocks_dir")
NEEDED = ("content_dir", "brands_dir")  # the others may be missing (no packs yet...)


def _folder_problems(config: Config, doc: YamlDocument, reading: Reading) -> Iterator[Problem]:
    """Every folder of handouts.yaml is inside the project (an explicit --out on the
    command line may write anywhere); the content and brand folders exist."""
    for key in FOLDERS:
        folder = reading.root / getattr(config, key)
        if not reading.inside(folder):
            yield doc.problem((key,), f"'{getattr(config, key)}' is outside the project "
                              "folder", "give a folder inside the project, e.g. 'output'"
                              + ("; to write elsewhere use 'handouts build --out DIR'"
                                 if key == "output" else ""))
        elif key in NEEDED and not folder.is_dir():
            yield doc.problem((key,), f"folder not found: {folder}")


def load_handout(path: Path, reading: Reading,
                 blocks: dict[str, LoadedBlock] | None = None) -> LoadedHandout:
    """One handout, its shared blocks expanded (checked as written, before that)."""
    doc = load_yaml(path, reading.max_mb)
    try:
        handout = validate_document(Handout, doc)
    except HandoutsError as exc:  # report the bands' own mistakes in the same round
        raise HandoutsError([*exc.problems, *_band_order_problems(doc)]) from None
    problems = ProblemList()
    problems.extend(_check_file_rules(handout, doc, reading))
    handout, unknown = expand(handout, doc, blocks or {})
    problems.extend(unknown)
    problems.raise_if_any()
    return LoadedHandout(handout=handout, doc=doc)


def load_handouts(folder: Path, reading: Reading,
                  blocks: dict[str, LoadedBlock] | None = None) -> dict[str, LoadedHandout]:
    """Load every ``*.yaml`` in ``folder``; all problems of all files are reported together."""
    problems = ProblemList()
    loaded: dict[str, LoadedHandout] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            item = load_handout(path, reading, blocks)
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


def _band_order_problems(doc: YamlDocument) -> list[Problem]:
    data = doc.data.get("age_bands") if isinstance(doc.data, dict) else None
    try:
        bands = TypeAdapter(list[AgeBand]).validate_python(data or [])
    except ValidationError:
        return []  # the validation error says what is wrong with them
    return list(check_band_order(bands, doc))


def _check_file_rules(handout: Handout, doc: YamlDocument,
                      reading: Reading) -> Iterator[Problem]:
    """Rules that need the file itself: names, placeholders, images, unique ids."""
    yield from filter(None, [doc.id_problem(handout.id)])
    seen: dict[str, int] = {}
    for index, section in enumerate(handout.sections):
        if section.id in seen:
            yield doc.problem(("sections", index, "id"), f"section id '{section.id}' is "
                              f"used twice (also section {seen[section.id] + 1})",
                              "give every section its own id")
        seen.setdefault(section.id, index)
        for block_index, block in enumerate(section.body):
            if block.image is not None:
                loc: KeyPath = ("sections", index, "body", block_index,
                                BlockKind.IMAGE.value, "src")
                yield from _check_image(doc, loc, block.image.src, reading)
    yield from placeholder_problems(doc)
    yield from check_bands(handout, doc)


def _check_image(doc: YamlDocument, loc: KeyPath, src: str,
                 reading: Reading) -> Iterator[Problem]:
    problem = image_problem(doc.path.parent / src, reading)
    if problem:
        yield doc.problem(loc, *problem)


STARTER_ITEMS = (CONFIG_NAME, "data", "templates")


def starter_files(empty: bool = False) -> list[tuple[Path, Path]]:
    """(source file, path relative to a new project) for everything ``init`` copies: the
    example catalog, or (``empty``) one blank handout and one brand with the templates.

    An installed wheel carries the example project as ``handouts/starter``; a source
    checkout (editable install) uses the example project at the repository root.
    """
    package = Path(__file__).resolve().parent.parent  # handouts/
    for root in (package / "starter", package.parent):
        if (root / CONFIG_NAME).is_file():
            break
    else:
        raise HandoutsError("the example project is missing from this installation; "
                            "reinstall handouts")
    files: list[tuple[Path, Path]] = []
    blank = Path(__file__).resolve().parent / "empty"
    for base, item in [(blank, CONFIG_NAME), (blank, "data"), (root, "templates")] if empty \
            else [(root, item) for item in STARTER_ITEMS]:
        path = base / item
        candidates = [path] if path.is_file() else sorted(p for p in path.rglob("*")
                                                          if p.is_file())
        files.extend((p, p.relative_to(base)) for p in candidates)
    return files
