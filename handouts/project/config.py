"""``handouts.yaml``: what a plain build makes, and where the project's files are.

Like ``mkdocs.yml``, one file at the root of a project folder says what a plain
``handouts build`` makes. The CLI finds it from the working directory upwards, or from
``--project DIR``.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field

from handouts.limits import MAX_FILE_MB
from handouts.locales import LocaleCode, canonical
from handouts.names import CONFIG_NAME, CheckId, Level, OutputFormat
from handouts.project.content import Slug, Text
from handouts.project.validation import Model


def _check_font_key(key: str) -> str:
    """A script code (Arab) as it is, or a locale code (fa, ur-IN) written the BCP 47 way."""
    return key if re.fullmatch(r"[A-Z][a-z]{3}", key) else canonical(key)


# A script (ISO 15924: Latn, Arab) or a locale that needs another font than its script's.
FontKey = Annotated[str, AfterValidator(_check_font_key)]
# YAML reads a bare `off` as false; both mean the check is switched off.
CheckLevel = Annotated[Level, BeforeValidator(lambda v: Level.OFF if v is False else v)]
# Persian and Urdu are written in Arabic script with letters Tajawal lacks (ی, ے, ٹ, ڈ).
DEFAULT_FONTS = {"Latn": "pt-sans", "Cyrl": "pt-sans", "Arab": "tajawal",
                 "fa": "ibm-plex-sans-arabic", "ur": "ibm-plex-sans-arabic",
                 "Deva": "hind", "Beng": "hind-siliguri", "Thai": "sarabun"}


def _over_default_fonts(value: object) -> object:
    """The config's entries replace the defaults for their keys only, so setting one
    script's font keeps the others."""
    return {**DEFAULT_FONTS, **value} if isinstance(value, dict) else value


Grade = Annotated[float, Field(ge=1, le=18)]


class LocaleTargets(Model):
    """A language's own reading-level targets (e.g. Russian words are longer)."""

    max_grade: Grade | None = None
    recommended_grade: Grade | None = None
    max_sentence_words: int | None = Field(None, ge=5)


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
    blocks_dir: Text = Field("data/blocks", description="Shared blocks (<id>.yaml): content "
                             "written once and used by id from any handout; optional.")
    checks: dict[CheckId, CheckLevel] = Field(
        {}, description="Level of a quality check: error, warning or off "
                        "(see 'handouts check --help').")
    signs_file: Text = Field("data/signs.yaml", description="The triage table: each danger "
                             "sign and the one answer (tone) every handout gives it.")
    glossary_dir: Text = Field("data/glossary", description="Jargon glossaries, one "
                               "<locale>.yaml each.")
    readability: ReadabilityTargets = ReadabilityTargets()
    formats: list[OutputFormat] = Field(
        [OutputFormat.PDF], min_length=1, description="What a plain build writes: pdf "
        "(print-ready PDFs) and html (web pages of the online version, at the brand's "
        "qr_url paths).")
    incomplete_translations: Literal["refuse", "skip"] = Field(
        "refuse", description="A handout whose translation into a configured locale is "
        "missing or unfinished: refuse stops the build; skip builds everything else and "
        "lists it (a build with --lang for that locale, or --strict, still refuses).")
    max_file_mb: float = Field(MAX_FILE_MB, gt=0, le=1000, description=(
        "Largest handout, brand or pack file to read, in MB (a handout is a few kB)."))
    fonts: Annotated[dict[FontKey, Slug], BeforeValidator(_over_default_fonts)] = Field(
        DEFAULT_FONTS, description="fontpkg family (static faces) for each script, by "
        "ISO 15924 code (Latn, Cyrl, Arab...), or for one locale (fa, ur-IN) that needs "
        "another font than its script's; the locale's entry wins.")
