"""Quality gates: checks that content can pass validation and still fail its readers.

Each check has an id and a default level (error or warning); a project can change the
level, or switch a check off, under ``checks:`` in handouts.yaml. ``handouts check``
reports every finding; ``handouts build`` refuses content with error-level findings.

    review-overdue          next_review is in the past (build: --allow-expired)
    review-due-soon         next_review is within 60 days
    translation-unreviewed  approved content whose translation has no reviewer yet
    action-section          a band has no steps, checklist or list of things to do
    help-section            a band never says whom to call: no section with the clinic's
                            phone or the emergency number
    list-length             a list of more than 7 items
    image-resolution        a photo printed at less than 150 dpi
    link                    a website or source URL that is not a valid web address
    reading-level           a sheet (band and language) reads above the maximum grade
    reading-level-recommended  ... above the recommended grade
    long-sentence           a sentence of more than 20 words
    jargon                  a glossary word not explained in brackets at its first use
    contrast                a text or icon colour too faint on its background
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from PIL import Image as PILImage

from handouts.project.bands import for_band
from handouts.errors import Problem
from handouts.project.brand import WHITE, LoadedBrand, valid_web_address
from handouts.project.content import AgeBand, Handout, LoadedHandout, Section
from handouts.colors import contrast_ratio, nearest_passing, parse_hex, to_hex
from handouts.backends.pdf.layout import colour_pairs, text_width
from handouts.i18n.localize import Translation, is_source_language
from handouts.quality.plain_language import ReadingLevel, Sheet, Term, load_glossary, long_sentences, \
    reading_level, sheets, unexplained_jargon
from handouts.project.loader import Project
from handouts.select.jobs import BuildJob
from handouts.i18n.translate import catalog_files
from handouts.project.yamlsource import load_yaml

Level = Literal["error", "warning"]
DEFAULT_LEVELS: dict[str, Level] = {
    "review-overdue": "error", "review-due-soon": "warning",
    "translation-unreviewed": "warning", "action-section": "error",
    "help-section": "error", "list-length": "warning", "image-resolution": "warning",
    "link": "error", "reading-level": "error", "reading-level-recommended": "warning",
    "long-sentence": "warning", "jargon": "warning", "contrast": "error"}
DUE_SOON_DAYS = 60
MAX_LIST_ITEMS = 7
MIN_DPI = 150
HELP_PLACEHOLDERS = re.compile(r"\{\{\s*brand\.(phone|emergency_number)\s*\}\}")


@dataclass(frozen=True)
class Finding:
    """One thing a content lead should fix (error) or look at (warning)."""

    check: str
    level: Level
    message: str
    subject: str  # "handout 'newborn-tremor'" or "brand 'riverside'": how reports group
    file: Path | None = None
    line: int | None = None
    hint: str | None = None

    def problem(self) -> Problem:
        return Problem(f"{self.check}: {self.message}", file=self.file, line=self.line,
                       hint=self.hint)


@dataclass(frozen=True)
class Report:
    findings: list[Finding]
    reading_levels: list[ReadingLevel]  # every sheet's, also those that pass


def run_checks(project: Project, today: dt.date | None = None) -> Report:
    """Every finding of every handout and brand, at the project's configured levels."""
    today = today or dt.date.today()
    levels, found = plain_language(project)
    for loaded in project.handouts.values():
        found += governance(project, loaded, today)
        for band in loaded.handout.age_bands or [None]:
            handout = for_band(loaded.handout, band) if band else loaded.handout
            found += actionability(loaded, handout, band)
        found += image_resolution(project, loaded)
        found += source_links(loaded)
    for brand in project.brands.values():
        found += brand_links(brand)
        found += contrast(brand)
    configured = {**DEFAULT_LEVELS, **project.config.checks}
    return Report([replace(f, level=configured[f.check]) for f in found
                   if configured[f.check] != "off"], levels)


def blocking_problems(findings: list[Finding], jobs: list[BuildJob],
                      allow_expired: bool) -> list[Problem]:
    """Error-level findings about what a build would print: the build refuses them."""
    subjects = {f"handout '{job.handout.id}'" for job in jobs} | {
        f"brand '{job.brand.id}'" for job in jobs}
    return [finding.problem() for finding in findings
            if finding.level == "error" and finding.subject in subjects
            and not (allow_expired and finding.check == "review-overdue")]


def _subject(loaded: LoadedHandout) -> str:
    return f"handout '{loaded.id}'"


def _line(loaded: LoadedHandout, *key: str | int) -> int | None:
    return loaded.doc.position(tuple(key))[0]


def governance(project: Project, loaded: LoadedHandout, today: dt.date) -> list[Finding]:
    handout = loaded.handout
    found = []
    due = handout.next_review
    if due < today:
        found.append(Finding(
            "review-overdue", "error", f"review overdue: next_review was {due.isoformat()} "
            f"({(today - due).days} days ago)", _subject(loaded), loaded.path,
            _line(loaded, "next_review"),
            "have it reviewed and set a new next_review; to print it meanwhile, build with "
            "--allow-expired (pages then say 'Review overdue')"))
    elif (due - today).days <= DUE_SOON_DAYS:
        found.append(Finding(
            "review-due-soon", "warning", f"review due soon: next_review is "
            f"{due.isoformat()} (in {(due - today).days} days)", _subject(loaded),
            loaded.path, _line(loaded, "next_review"), "plan the review now"))
    if handout.status == "approved":
        files = catalog_files(project)
        for locale in project.config.locales:
            path = files.translation(locale, loaded.id)
            if is_source_language(loaded, locale) or not path.is_file():
                continue
            if not Translation(path).reviewed:
                found.append(Finding(
                    "translation-unreviewed", "warning",
                    f"the content is approved, but its '{locale}' translation is not "
                    "reviewed", _subject(loaded), path, None,
                    "a reviewer fills in X-Reviewed-By and X-Reviewed-On in the PO header"))
    return found


def actionability(loaded: LoadedHandout, handout: Handout,
                  band: AgeBand | None) -> list[Finding]:
    """PEMAT-P actionability: something to do, where to get help, lists short enough."""
    where = f" (band '{band.id}')" if band else ""
    found = []
    blocks = [(section, block) for section in handout.sections for block in section.body]
    if not any(block.steps or block.checklist or (block.bullets and section.tone == "normal")
               for section, block in blocks):
        found.append(Finding(
            "action-section", "error", f"no section tells the reader what to do{where}",
            _subject(loaded), loaded.path, _line(loaded, "sections"),
            "add a section with steps, a checklist, or a list of things to do"))
    if not any(HELP_PLACEHOLDERS.search(" ".join([section.heading, *_texts(section)]))
               for section in handout.sections):
        found.append(Finding(
            "help-section", "error", f"no section says when to get help with the clinic's "
            f"phone or the emergency number{where}", _subject(loaded), loaded.path,
            _line(loaded, "sections"),
            "add a section such as 'Call {{ brand.phone }} today if:' (tone: urgent) or "
            "'Call {{ brand.emergency_number }} now if:' (tone: emergency)"))
    index = {s.id: i for i, s in enumerate(loaded.handout.sections)}
    for section in handout.sections:
        for block in section.body:
            items = block.bullets or block.steps or block.checklist or []
            if len(items) > MAX_LIST_ITEMS:
                found.append(Finding(
                    "list-length", "warning", f"section '{section.id}' has a list of "
                    f"{len(items)} items{where}; readers take in at most {MAX_LIST_ITEMS}",
                    _subject(loaded), loaded.path, _line(loaded, "sections", index[section.id]),
                    "split it into two lists under their own headings, or shorten it"))
    return found


def _texts(section: Section) -> list[str]:
    texts = []
    for block in section.body:
        texts += [block.p or ""] + [item.text for item in
                                    (block.bullets or block.steps or block.checklist or [])]
    return texts


def image_resolution(project: Project, loaded: LoadedHandout) -> list[Finding]:
    """Photos need 150 dpi at the size they print (the full text width unless width_mm)."""
    found = []
    papers = {b.brand.paper for b in project.brands.values()} or {"A4"}
    widest = max(text_width(loaded.handout.kind, paper) for paper in papers)  # points
    for s_index, section in enumerate(loaded.handout.sections):
        for b_index, block in enumerate(section.body):
            image = block.image
            if image is None or image.src.lower().endswith(".svg"):
                continue
            path = loaded.folder / image.src
            with PILImage.open(path) as picture:
                pixels = picture.size[0]
            points = min(image.width_mm * 72 / 25.4 if image.width_mm else widest, widest)
            dpi = pixels / (points / 72)
            if dpi < MIN_DPI:
                found.append(Finding(
                    "image-resolution", "warning", f"{image.src} prints at {dpi:.0f} dpi "
                    f"({pixels} pixels over {points * 25.4 / 72:.0f} mm); print needs "
                    f"{MIN_DPI}", _subject(loaded), loaded.path,
                    _line(loaded, "sections", s_index, "body", b_index, "image", "src"),
                    f"use a picture at least {round(MIN_DPI * points / 72)} pixels wide, "
                    "or set a smaller width_mm"))
    return found


def source_links(loaded: LoadedHandout) -> list[Finding]:
    return [Finding("link", "error", f"source URL '{source.url}' is not a web address",
                    _subject(loaded), loaded.path, _line(loaded, "sources", index, "url"),
                    "write it as https://example.org/page")
            for index, source in enumerate(loaded.handout.sources)
            if source.url and not valid_web_address(source.url)]


def brand_links(brand: LoadedBrand) -> list[Finding]:
    website = brand.brand.website
    if not website or valid_web_address(website):
        return []
    return [Finding("link", "error", f"website '{website}' is not a web address",
                    f"brand '{brand.id}'", brand.path, None,
                    "write it as clinic.example or https://clinic.example/page")]


def contrast(brand: LoadedBrand) -> list[Finding]:
    """WCAG AA contrast of every text and icon colour the theme prints with this brand."""
    colours = brand.brand.colors
    found = []
    for pair in colour_pairs(colours.primary, colours.on_primary):
        foreground, background = pair.foreground.rgb(), pair.background.rgb()
        ratio = contrast_ratio(foreground, background)
        if ratio >= pair.minimum:
            continue
        line, hint = None, "the theme's colours are fixed: report this as a bug"
        if pair.brand_colour:
            line = load_yaml(brand.path).position(("colors", pair.brand_colour))[0]
            # A primary that works on the band and for headings, in the clinic's hue.
            on_primary = parse_hex(colours.on_primary)
            fixed = nearest_passing(parse_hex(colours.primary), on_primary)
            fixed = nearest_passing(fixed, parse_hex(WHITE))
            hint = (f"try primary: \"{to_hex(fixed)}\" (same hue, "
                    f"{contrast_ratio(on_primary, fixed):.1f}:1 on the band), or another "
                    "on_primary colour")
        found.append(Finding(
            "contrast", "error", f"{pair.what}: contrast {ratio:.2f}:1 between "
            f"{to_hex(foreground)} and {to_hex(background)} is too faint; WCAG AA needs "
            f"{pair.minimum:g}:1", f"brand '{brand.id}'", brand.path, line, hint))
    return found


# ---------------------------------------------------------------- plain language


def plain_language(project: Project) -> tuple[list[ReadingLevel], list[Finding]]:
    """Reading level, long sentences and jargon of every sheet in every language."""
    targets = project.config.readability
    glossary_dir = project.root / project.config.glossary_dir
    glossaries: dict[str, list[Term]] = {}
    levels, found = [], []
    seen: set[tuple] = set()  # a text shared by several bands is reported once
    for sheet in sheets(project, catalog_files(project)):
        level = reading_level(sheet, targets)
        levels.append(level)
        found += _level_findings(sheet, level)
        for long in long_sentences(sheet, targets.max_sentence_words):
            if (long.file, long.line, long.sentence) not in seen:
                seen.add((long.file, long.line, long.sentence))
                found.append(Finding(
                    "long-sentence", "warning", f"a sentence of {long.words} words "
                    f"({sheet.locale}): \"{long.sentence}\"", _subject(sheet.loaded),
                    long.file, long.line, f"split it: sentences of at most "
                    f"{targets.max_sentence_words} words are easier to follow"))
        if sheet.locale not in glossaries:
            glossaries[sheet.locale] = load_glossary(glossary_dir, sheet.locale)
        for use in unexplained_jargon(sheet, glossaries[sheet.locale]):
            line = use.piece.line_of(use.found)
            if (use.term.word, use.piece.file, line) not in seen:
                seen.add((use.term.word, use.piece.file, line))
                found.append(Finding(
                    "jargon", "warning", f"'{use.found}' is a medical word "
                    f"({sheet.locale}); its glossary says: {use.term.plain}",
                    _subject(sheet.loaded), use.piece.file, line,
                    f"write '{use.term.plain}', or explain it in brackets where it first "
                    f"appears: '{use.found} ({use.term.plain})'"))
    return levels, found


def _level_findings(sheet: Sheet, level: ReadingLevel) -> list[Finding]:
    grade = level.grade
    if grade is None:
        return []
    if grade > level.max_grade:
        check, target = "reading-level", f"the most is grade {level.max_grade:g}"
    elif grade > level.recommended_grade:
        check, target = "reading-level-recommended", \
            f"grade {level.recommended_grade:g} is recommended"
    else:
        return []
    where = f", band '{level.band}'" if level.band else ""
    hardest = ", ".join(f"'{s.section}' ({s.description})" for s in level.hardest)
    return [Finding(
        check, "error" if check == "reading-level" else "warning",
        f"reads at {level.description} ({level.locale}{where}); {target}",
        _subject(sheet.loaded), level.file, level.line,
        (f"hardest sections: {hardest}. " if hardest else "") +
        "Use shorter sentences and everyday words")]
