"""The build cache: what was made from which inputs, so a rebuild makes only what changed.

A job's key is a hash of everything that can change its output or the quality checks
it passed: the handout file, its images and its translation into the job's locale; the
project's config, templates, brands, packs, glossaries and interface catalogs; the job
(brand, locale, band, child); the backend's options and the build's policy; whether the
handout's review is overdue or due soon; and the tool itself (the source of this package and the version of every installed
distribution, fonts included). The cache maps keys to the digest and page count of the
output they made. A file on disk is kept only when its digest is the one recorded for
its key, so an edited, truncated or replaced output is made again; an unreadable or
malformed cache is ignored and rewritten, never trusted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

from handouts.backends.base import Output
from handouts.files import write_atomically
from handouts.i18n.catalogs import BLOCKS, INTERFACE, CatalogFiles
from handouts.names import CONFIG_NAME, REVIEW_DUE_SOON_DAYS
from handouts.pipeline.policy import Policy
from handouts.project.loader import Project
from handouts.select.jobs import BuildJob

CACHE_DIR = ".handouts-cache"
FORMAT = 2  # of the cache file; another number means "start afresh"
MAX_ENTRIES = 200_000  # the oldest entries go first


@dataclass(frozen=True)
class Made:
    sha256: str
    pages: int
    last_page_fill: float | None = None  # for 'handouts check' (page-fill)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@cache
def toolchain() -> str:
    """This package's source and every installed distribution's version: a new release,
    an edited checkout or another font package all change it."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    # Its own templates (the HTML page) are source too.
    for path in sorted(p for p in package.rglob("*") if p.suffix in (".py", ".j2")):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    h.update("\n".join(versions).encode())
    return h.hexdigest()


@dataclass
class BuildCache:
    """The cache of one project; ``disabled`` (``--force``) makes everything anew."""

    project: Project
    disabled: bool = False
    made: dict[str, Made] = field(default_factory=dict)
    _files: dict[Path, str] = field(default_factory=dict)
    _shared: str | None = None

    @property
    def path(self) -> Path:
        return self.project.root / CACHE_DIR / "outputs.json"

    @classmethod
    def open(cls, project: Project, disabled: bool = False) -> BuildCache:
        found = cls(project, disabled)
        if not disabled:
            found.made = _read(found.path)
        return found

    # -- keys

    def _file(self, path: Path) -> str:
        if path not in self._files:
            self._files[path] = digest(path.read_bytes()) if path.is_file() else "-"
        return self._files[path]

    def _name(self, path: Path) -> str:
        """A file's place in the project, so a project that moves keeps its cache."""
        try:
            return path.relative_to(self.project.root).as_posix()
        except ValueError:
            return path.as_posix()

    def _files_under(self, folders: Iterable[Path]) -> str:
        h = hashlib.sha256()
        for folder in folders:
            for path in sorted(p for p in folder.rglob("*") if p.is_file()) \
                    if folder.is_dir() else []:
                h.update(f"{self._name(path)}\0{self._file(path)}\n".encode())
        return h.hexdigest()

    def _shared_inputs(self) -> str:
        """What every output of the project depends on."""
        if self._shared is None:
            project, config = self.project, self.project.config
            files = CatalogFiles(project.translations_dir)
            # Interface words and shared blocks' translations: every handout may use them.
            interfaces = sorted([*files.folder.glob(f"*/{INTERFACE}.po"),
                                 *files.folder.glob(f"*/{BLOCKS}/*.po")]) \
                if files.folder.is_dir() else []
            self._shared = digest("\n".join([
                toolchain(), self._file(project.root / CONFIG_NAME),
                self._files_under(project.template_dirs()),
                self._file(project.root / config.signs_file),
                self._files_under([project.root / config.brands_dir,
                                   project.root / config.packs_dir,
                                   project.root / config.glossary_dir,
                                   project.root / config.blocks_dir]),
                *(f"{self._name(p)}\0{self._file(p)}" for p in interfaces)]).encode())
        return self._shared

    def key(self, job: BuildJob, options: object, policy: Policy, today: dt.date) -> str:
        handout = job.handout
        images = sorted(handout.folder / block.image.src
                        for section in handout.handout.sections for block in section.body
                        if block.image is not None)
        translation = CatalogFiles(self.project.translations_dir).translation(job.locale, handout.id)
        child = job.child
        return digest(repr((
            self._shared_inputs(), self._file(handout.path),
            [self._file(image) for image in images], self._file(translation),
            job.brand.id, job.locale, job.band.id if job.band else None,
            child, job.born, job.gestation_given, options, policy,
            _review_state(handout.handout.next_review, today))).encode())

    # -- lookups

    def unchanged(self, key: str, output: Path) -> Made | None:
        """The record of ``key`` if ``output`` on disk is what it made."""
        made = None if self.disabled else self.made.get(key)
        if made is None or not output.is_file():
            return None
        return made if digest(output.read_bytes()) == made.sha256 else None

    def built_before(self, key: str) -> Made | None:
        """The record of these inputs if they were built without a problem before."""
        return None if self.disabled else self.made.get(key)

    def record(self, key: str, output: Output) -> None:
        self.made.pop(key, None)  # re-inserted last: the newest entries are kept
        self.made[key] = Made(digest(output.data), output.pages, output.last_page_fill)

    def save(self) -> None:
        entries = list(self.made.items())[-MAX_ENTRIES:]
        text = json.dumps({"format": FORMAT, "outputs": {
            key: [made.sha256, made.pages, made.last_page_fill] for key, made in entries}})
        write_atomically([(self.path, text.encode())])


def _review_state(next_review: dt.date, today: dt.date) -> str:
    """What today's date changes: the "Review overdue" note, and the review checks."""
    if next_review < today:
        return "overdue"
    return "due soon" if (next_review - today).days <= REVIEW_DUE_SOON_DAYS else "ok"


def _read(path: Path) -> dict[str, Made]:
    """The recorded outputs, or nothing if the file is missing, unreadable or malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        outputs = data["outputs"] if data.get("format") == FORMAT else {}
        return {key: Made(value[0], value[1], value[2]) for key, value in outputs.items()
                if isinstance(key, str) and isinstance(value, list) and len(value) == 3
                and isinstance(value[0], str) and isinstance(value[1], int)
                and (value[2] is None or isinstance(value[2], float | int))}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}
