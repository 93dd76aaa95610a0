"""Checks of what a handout shows and links to: photo resolution, web addresses, and the
contrast of every colour the theme prints with a brand's colours."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PIL import Image as PILImage

from handouts.colors import WHITE, contrast_ratio, nearest_passing, parse_hex, to_hex
from handouts.document.theme import FORMATS, Theme
from handouts.errors import Problem
from handouts.names import BlockKind, CheckId, Kind, Level
from handouts.project.brand import LoadedBrand, valid_web_address
from handouts.project.config import Config
from handouts.project.loader import Project
from handouts.project.yamlsource import load_yaml
from handouts.quality.context import CheckContext, Finding, line_of, subject

MIN_DPI = 150


def image_resolution(context: CheckContext) -> Iterator[Finding]:
    """Photos need 150 dpi at the size they print (the full text width unless width_mm)."""
    for loaded in context.handouts:
        widest = _widest_column(context.project, loaded.handout.kind)
        for s_index, section in enumerate(loaded.handout.sections):
            for b_index, block in enumerate(section.body):
                image = block.image
                if image is None or image.src.lower().endswith(".svg"):
                    continue
                with PILImage.open(loaded.folder / image.src) as picture:
                    pixels = picture.size[0]
                points = min(image.width_mm * 72 / 25.4 if image.width_mm else widest, widest)
                dpi = pixels / (points / 72)
                if dpi < MIN_DPI:
                    yield Finding(
                        CheckId.IMAGE_RESOLUTION, f"{image.src} prints at {dpi:.0f} dpi "
                        f"({pixels} pixels over {points * 25.4 / 72:.0f} mm); print needs "
                        f"{MIN_DPI}", subject(loaded), loaded.path,
                        line_of(loaded, "sections", s_index, "body", b_index,
                                BlockKind.IMAGE.value, "src"),
                        f"use a picture at least {round(MIN_DPI * points / 72)} pixels "
                        "wide, or set a smaller width_mm")


def _widest_column(project: Project, kind: Kind) -> float:
    """The text column in points on the widest paper any brand prints on."""
    papers = {b.brand.paper for b in project.brands.values()} or {"A4"}
    return max(FORMATS[kind].text_width(paper) for paper in papers)


def links(context: CheckContext) -> Iterator[Finding]:
    for loaded in context.handouts:
        for index, source in enumerate(loaded.handout.sources):
            if source.url and not valid_web_address(source.url):
                yield Finding(CheckId.LINK, f"source URL '{source.url}' is not a web address",
                              subject(loaded), loaded.path,
                              line_of(loaded, "sources", index, "url"),
                              "write it as https://example.org/page")
    for brand in context.brands:
        website = brand.brand.website
        if website and not valid_web_address(website):
            yield Finding(CheckId.LINK, f"website '{website}' is not a web address",
                          f"brand '{brand.id}'", brand.path,
                          load_yaml(brand.path).position(("website",))[0],
                          "write it as clinic.example or https://clinic.example/page")


def phone_numbers(context: CheckContext) -> Iterator[Finding]:
    """A number with letters cannot be dialled from every phone, nor read aloud at once
    by a worried parent: print the digits."""
    for brand in context.brands:
        for key in ("phone", "emergency_number"):
            number = getattr(brand.brand, key)
            if any(character.isalpha() for character in number):
                yield Finding(CheckId.PHONE_NUMBER, f"{key.replace('_', ' ')} "
                              f"'{number}' has letters", f"brand '{brand.id}'", brand.path,
                              load_yaml(brand.path).position((key,))[0],
                              "write the digits a phone dials, e.g. 0800 5437 669")


def contrast(context: CheckContext) -> Iterator[Finding]:
    for brand in context.brands:
        yield from brand_contrast(brand)


def brand_problems(brands: Iterable[LoadedBrand], config: Config) -> list[Problem]:
    """The error-level contrast findings of brands that loaded, for a run that stops
    before the quality checks because another file has a mistake."""
    if config.checks.get(CheckId.CONTRAST, Level.ERROR) is not Level.ERROR:
        return []
    return [finding.problem() for brand in brands for finding in brand_contrast(brand)]


def brand_contrast(brand: LoadedBrand) -> Iterator[Finding]:
    """WCAG AA contrast of every text and icon colour the theme prints with this brand."""
    colours = brand.brand.colors
    for pair in Theme(colours.primary, colours.accent, colours.on_primary).colour_pairs():
        ratio = contrast_ratio(pair.foreground, pair.background)
        if ratio >= pair.minimum:
            continue
        line, hint = None, "the theme's colours are fixed: report this as a bug"
        if pair.brand_colour == "accent":
            line = load_yaml(brand.path).position(("colors", "accent"))[0]
            fixed = nearest_passing(parse_hex(colours.accent), parse_hex(WHITE),
                                    pair.minimum)
            hint = f"try accent: \"{to_hex(fixed)}\" (same hue, " \
                   f"{contrast_ratio(fixed, parse_hex(WHITE)):.1f}:1 on white)"
        elif pair.brand_colour:
            line = load_yaml(brand.path).position(("colors", pair.brand_colour))[0]
            # A primary that works on the band and for headings, in the clinic's hue.
            on_primary = parse_hex(colours.on_primary)
            fixed = nearest_passing(parse_hex(colours.primary), on_primary)
            fixed = nearest_passing(fixed, parse_hex(WHITE))
            hint = (f"try primary: \"{to_hex(fixed)}\" (same hue, "
                    f"{contrast_ratio(on_primary, fixed):.1f}:1 on the band), or another "
                    "on_primary colour")
        yield Finding(
            CheckId.CONTRAST, f"{pair.what}: contrast {ratio:.2f}:1 between "
            f"{to_hex(pair.foreground)} and {to_hex(pair.background)} is too faint; WCAG "
            f"AA needs {pair.minimum:g}:1", f"brand '{brand.id}'", brand.path, line, hint)
