"""Clinic branding: ``data/brands/<id>.yaml`` with logo, colours, contacts and paper."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator

from handouts.colors import WHITE, parse_hex
from handouts.errors import HandoutsError, Problem, ProblemList
from handouts.limits import MAX_QR_ADDRESS
from handouts.locales import LocaleCode, language
from handouts.project.content import Text
from handouts.project.images import image_problem
from handouts.project.reading import Reading
from handouts.project.validation import Model, validate_document
from handouts.project.yamlsource import load_yaml

Paper = Literal["A4", "Letter"]


class Colors(Model):
    primary: str = Field(description="Header band and headings, e.g. #1F5F8B.")
    accent: str = Field(description="Rules and list markers (decoration only).")
    on_primary: str = Field(WHITE, description="Text colour on the primary band.")

    @field_validator("primary", "accent", "on_primary")
    @classmethod
    def _is_colour(cls, value: str) -> str:
        parse_hex(value)  # raises ValueError with the readable message
        return value


class Brand(Model):
    """One clinic's branding."""

    name: Text = Field(description="Clinic name, printed in the header.")
    logo: Text | None = Field(None, description="PNG, JPEG or SVG, relative to the brand file.")
    colors: Colors
    phone: Text
    emergency_number: Text = Field(description="Local emergency number, e.g. 999, 911, 112.")
    address: Text | None = None
    website: Text | None = None
    footer_note: Text | dict[Literal["all"] | LocaleCode, Text] | None = Field(
        None, description="A short line printed in the footer: a text (translated with the "
                          "interface words), or a text per language ({en: ..., es: ...}), or "
                          "{all: ...} for a text printed as it is in every language.")
    paper: Paper = "A4"
    temperature_unit: Literal["C", "F", "both"] = Field(
        "C", description="How temperatures print: C (38 °C), F (100.4 °F) or both "
                         "(38 °C (100.4 °F)).")
    out_of_hours: Text | None = Field(
        None, description="Where to call when the clinic is closed (e.g. 111, a nurse "
                          "line): printed with every 'call today' box.")
    locale: LocaleCode = Field("en", description="Default locale of this clinic, BCP 47.")
    templates: Text | None = Field(
        None, description="Folder of templates that override the project's, relative to "
                          "the brand file.")
    qr_url: Text | None = Field(
        None, description="Web address of a handout's online version, with {id} and "
                          "{lang}, e.g. https://clinic.example/h/{id}/{lang}: the footer "
                          "prints it as a QR code with the address under it.")

    @field_validator("qr_url")
    @classmethod
    def _is_url_pattern(cls, value: str | None) -> str | None:
        if value is not None:
            qr_address(value, "newborn-tremor", "en")  # raises ValueError if unusable
        return value

    @property
    def translated_footer_note(self) -> str | None:
        """The footer note that translators translate; None when the brand gives its
        own text per language (or one for all)."""
        return self.footer_note if isinstance(self.footer_note, str) else None

    def own_footer_note(self, locale: str) -> str | None:
        """The brand's own footer text for a locale (its language's, else ``all``)."""
        notes = self.footer_note
        if not isinstance(notes, dict):
            return None
        return notes.get(locale) or notes.get(language(locale)) or notes.get("all")

    def footer_texts(self) -> list[str]:
        """Every footer text the brand file holds, for the glyph check."""
        notes = self.footer_note
        return list(notes.values()) if isinstance(notes, dict) else [notes] if notes else []

    def qr_address(self, handout_id: str, locale: str) -> str | None:
        return qr_address(self.qr_url, handout_id, locale) if self.qr_url else None


QR_FIELDS = ("id", "lang")


def qr_address(pattern: str, handout_id: str, locale: str) -> str:
    """The web address a QR code carries: the pattern with {id} and {lang} filled in."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion
                  in string.Formatter().parse(pattern) if name is not None]
    except ValueError:  # a lone { or }
        raise ValueError(f"'{pattern}' is not a web address pattern: every {{ needs its }}"
                         "|write it like https://clinic.example/h/{id}/{lang}") from None
    names = [name for name, _, _ in fields]
    if any(spec or conversion for _, spec, conversion in fields):
        raise ValueError("the QR address pattern may hold {id} and {lang} only, with "
                         "nothing else inside the braces|write it like "
                         "https://clinic.example/h/{id}/{lang}")
    unknown = [name for name in names if name not in QR_FIELDS]
    if unknown:
        raise ValueError(f"unknown field {{{unknown[0]}}} in the QR address pattern; "
                         "it may use {id} (the handout) and {lang} (the language)")
    if "id" not in names:
        raise ValueError("the QR address pattern needs {id}, so each handout gets its own "
                         "address|write it like https://clinic.example/h/{id}/{lang}")
    address = pattern.format(id=handout_id, lang=locale)
    if len(address) > MAX_QR_ADDRESS:
        raise ValueError(f"the QR address is {len(address)} characters long; a code small "
                         f"enough for the footer stays scannable up to {MAX_QR_ADDRESS}"
                         "|use a shorter web address")
    if not address.startswith(("https://", "http://")) or not valid_web_address(address):
        raise ValueError(f"'{pattern}' is not a web address pattern|write it like "
                         "https://clinic.example/h/{id}/{lang}")
    return address


def valid_web_address(text: str) -> bool:
    """https://clinic.example/page, or a bare host such as clinic.example."""
    parts = urlsplit(text if "://" in text else f"https://{text}")
    host = parts.hostname or ""
    return (parts.scheme in ("http", "https") and "." in host and " " not in text
            and all(re.fullmatch(r"[a-z0-9-]+", label) for label in host.split(".")))


class LoadedBrand(Model):
    id: str
    brand: Brand
    path: Path

    @property
    def logo_path(self) -> Path | None:
        return self.path.parent / self.brand.logo if self.brand.logo else None

    @property
    def templates_path(self) -> Path | None:
        return self.path.parent / self.brand.templates if self.brand.templates else None

    def placeholders(self) -> dict[str, str]:
        """Values that content may insert with ``{{ brand.* }}``."""
        b = self.brand
        return {"brand.name": b.name, "brand.phone": b.phone,
                "brand.emergency_number": b.emergency_number, "brand.website": b.website or ""}


SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def load_brand(path: Path, reading: Reading) -> LoadedBrand:
    if not SLUG.match(path.stem):
        raise HandoutsError([Problem(
            f"'{path.name}': a brand's file name is its id, which is lowercase letters, "
            "digits and hyphens", file=path, hint="rename it, e.g. to my-clinic.yaml")])
    doc = load_yaml(path, reading.max_mb)
    brand = validate_document(Brand, doc)
    loaded = LoadedBrand(id=path.stem, brand=brand, path=path)
    problems = ProblemList()
    if loaded.logo_path is not None:
        problem = image_problem(loaded.logo_path, reading)
        if problem:
            problems.add(doc.problem(("logo",), *problem))
    folder = loaded.templates_path
    if folder is not None and not reading.inside(folder):
        problems.add(doc.problem(("templates",), f"the folder {folder} is outside the "
                                 "project folder", "keep a brand's templates in the project"))
    elif folder is not None and not folder.is_dir():
        problems.add(doc.problem(("templates",), f"folder not found: {folder}",
                                 "the path is relative to the brand file"))
    problems.raise_if_any()
    return loaded


def load_brands(folder: Path, reading: Reading) -> dict[str, LoadedBrand]:
    problems = ProblemList()
    brands: dict[str, LoadedBrand] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            brands[path.stem] = load_brand(path, reading)
        except HandoutsError as exc:
            problems.extend(exc.problems)
    if not brands and not problems:
        problems.add(Problem("no brand files found", file=folder,
                             hint="add one, e.g. data/brands/my-clinic.yaml (see README)"))
    problems.raise_if_any()
    return brands
