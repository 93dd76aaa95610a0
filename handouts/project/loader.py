"""The project: ``handouts.yaml`` and the content, brands and templates it points to.

Like ``mkdocs.yml``, one file at the root of a project folder says what a plain
``handouts build`` makes. The CLI finds it from the working directory upwards, or from
``--project DIR``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StringConstraints

from handouts.project.brand import LoadedBrand, load_brands
from handouts.project.content import LoadedHandout, Slug, Text
from handouts.project.handouts_loading import load_handouts
from handouts.project.packs import LoadedPack, load_packs
from handouts.locales import LocaleCode
from handouts.errors import HandoutsError, Problem, ProblemList, did_you_mean
from handouts.project.validation import Model, validate_document
from handouts.project.yamlsource import YamlDocument, load_yaml

CONFIG_NAME = "handouts.yaml"


Script = Annotated[str, StringConstraints(pattern=r"^[A-Z][a-z]{3}$")]
CheckId = Literal["review-overdue", "review-due-soon", "translation-unreviewed",
                  "action-section", "help-section", "list-length", "image-resolution", "link",
                  "reading-level", "reading-level-recommended", "long-sentence", "jargon",
                  "contrast"]
# YAML reads a bare `off` as false; both mean the check is switched off.
CheckLevel = Annotated[Literal["error", "warning", "off"],
                       BeforeValidator(lambda v: "off" if v is False else v)]
DEFAULT_FONTS = {"Latn": "pt-sans", "Cyrl": "pt-sans", "Arab": "tajawal"}
Grade = Annotated[float, Field(ge=1, le=18)]


class LocaleTargets(Model):
    """A language's own reading-level targets (e.g. Russian words are longer)."""

    max_grade: Grade | None = None
    recommended_grade: Grade | None = None


class ReadabilityTargets(Model):
    """Reading-level targets, as US school grades (see README, "Quality checks")."""

    max_grade: Grade = Field(8, description="Above this grade is a 'reading-level' finding.")
    recommended_grade: Grade = Field(
        6, description="Above this grade is a 'reading-level-recommended' finding.")
    max_sentence_words: int = Field(20, ge=5, description="Longer sentences are findings.")
    locales: dict[LocaleCode, LocaleTargets] = Field(
        {}, description="Targets of one language, e.g. ru: {recommended_grade: 8}.")


class Config(Model):
    """``handouts.yaml``: what a plain build makes, and where things are."""

    title: Text = Field("Handouts", description="Name of this catalog.")
    handouts: list[Slug] | None = Field(
        None, description="Handout ids a plain build makes; omit for all.")
    brands: list[Slug] | None = Field(
        None, description="Brand ids a plain build makes; omit for all.")
    locales: list[LocaleCode] = Field(["en"], min_length=1,
                                description="Locales a plain build makes.")
    output: Text = Field("output", description="Output folder, relative to the project.")
    content_dir: Text = "data/handouts"
    brands_dir: Text = "data/brands"
    packs_dir: Text = Field("data/packs", description="Pack files (several handouts in "
                            "one PDF for 'handouts pack'); optional.")
    templates_dir: Text = "templates"
    translations_dir: Text = "data/translations"
    checks: dict[CheckId, CheckLevel] = Field(
        {}, description="Level of a quality check: error, warning or off "
                        "(see 'handouts check --help').")
    glossary_dir: Text = Field("data/glossary", description="Jargon glossaries, one "
                               "<locale>.yaml each.")
    readability: ReadabilityTargets = ReadabilityTargets()
    fonts: dict[Script, Slug] = Field(
        DEFAULT_FONTS, description="fontpkg family (static faces) for each script, by "
                                   "ISO 15924 code: Latn, Cyrl, Arab...")


@dataclass(frozen=True)
class Project:
    root: Path
    config: Config
    config_doc: YamlDocument
    handouts: dict[str, LoadedHandout]
    brands: dict[str, LoadedBrand]
    packs: dict[str, LoadedPack] = field(default_factory=dict)

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
    problems = ProblemList()
    handouts: dict[str, LoadedHandout] = {}
    brands: dict[str, LoadedBrand] = {}
    for folder_key in ("content_dir", "brands_dir"):
        folder = root / getattr(config, folder_key)
        if not folder.is_dir():
            problems.add(doc.problem((folder_key,), f"folder not found: {folder}"))
    problems.raise_if_any()
    try:
        handouts = load_handouts(root / config.content_dir)
    except HandoutsError as exc:
        problems.extend(exc.problems)
    try:
        brands = load_brands(root / config.brands_dir)
    except HandoutsError as exc:
        problems.extend(exc.problems)
    problems.raise_if_any()
    for key, known in (("handouts", handouts), ("brands", brands)):
        for index, item in enumerate(getattr(config, key) or []):
            if item not in known:
                problems.add(doc.problem((key, index), f"no {key[:-1]} with id '{item}'",
                                         did_you_mean(item, known) or
                                         f"known: {', '.join(known) or 'none'}"))
    problems.raise_if_any()
    packs = load_packs(root / config.packs_dir, handouts)
    return Project(root=root, config=config, config_doc=doc, handouts=handouts, brands=brands,
                   packs=packs)


STARTER_ITEMS = (CONFIG_NAME, "data", "templates")


def starter_files() -> list[tuple[Path, Path]]:
    """(source file, path relative to a new project) for everything ``init`` copies.

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
    files = []
    for item in STARTER_ITEMS:
        path = root / item
        candidates = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        files.extend((p, p.relative_to(root)) for p in candidates)
    return files
