"""Clinic branding: ``data/brands/<id>.yaml`` with logo, colours, contacts and paper."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from .colors import parse_hex
from .content import Text
from .errors import HandoutsError, Problem, ProblemList
from .images import image_problem
from .locales import LocaleCode
from .validation import Model, validate_document
from .yamlsource import load_yaml

WHITE = "#FFFFFF"
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
    footer_note: Text | None = Field(None, description="A short line printed in the footer.")
    paper: Paper = "A4"
    locale: LocaleCode = Field("en", description="Default locale of this clinic, BCP 47.")
    templates: Text | None = Field(
        None, description="Folder of templates that override the project's, relative to "
                          "the brand file.")


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


def load_brand(path: Path) -> LoadedBrand:
    doc = load_yaml(path)
    brand = validate_document(Brand, doc)
    loaded = LoadedBrand(id=path.stem, brand=brand, path=path)
    problems = ProblemList()
    if loaded.logo_path is not None:
        problem = image_problem(loaded.logo_path)
        if problem:
            problems.add(doc.problem(("logo",), *problem))
    if loaded.templates_path is not None and not loaded.templates_path.is_dir():
        problems.add(doc.problem(("templates",), f"folder not found: {loaded.templates_path}",
                                 "the path is relative to the brand file"))
    problems.raise_if_any()
    return loaded


def load_brands(folder: Path) -> dict[str, LoadedBrand]:
    problems = ProblemList()
    brands: dict[str, LoadedBrand] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            brands[path.stem] = load_brand(path)
        except HandoutsError as exc:
            problems.extend(exc.problems)
    if not brands and not problems:
        problems.add(Problem("no brand files found", file=folder,
                             hint="add one, e.g. data/brands/my-clinic.yaml (see README)"))
    problems.raise_if_any()
    return brands
