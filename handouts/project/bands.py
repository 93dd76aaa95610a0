"""Age bands: what they mean, the content of one band, and checking a handout's bands.

A handout declares bands (``age_bands``); sections, blocks and list items may say which
bands they belong to (``ages``). Selecting a band gives a plain ``Handout`` with only
the content that applies, so templates never need to know about ages.
"""

from __future__ import annotations

from collections.abc import Iterator

from handouts.ages import Age, parse_age
from handouts.errors import Problem, did_you_mean
from handouts.project.content import AgeBand, AgeRange, Block, Handout
from handouts.project.yamlsource import KeyPath, YamlDocument


def band_range(band: AgeBand) -> str:
    return f"{band.start} to {band.end}" if band.end else f"{band.start} and older"


def applies(ages: list[str] | AgeRange | None, band: AgeBand, bands: list[AgeBand]) -> bool:
    """Whether content marked with ``ages`` belongs in ``band``."""
    if ages is None:
        return True
    if isinstance(ages, list):
        return band.id in ages
    # Range ends are band boundaries (checked on load), so comparing is exact.
    starts_inside = parse_age(band.start).average_days >= parse_age(ages.start).average_days
    if ages.end is None:
        return starts_inside
    return starts_inside and band.end is not None and \
        parse_age(band.end).average_days <= parse_age(ages.end).average_days


def for_band(handout: Handout, band: AgeBand) -> Handout:
    """The handout as one band's reader sees it."""
    bands = handout.age_bands
    sections = []
    for section in handout.sections:
        if not applies(section.ages, band, bands):
            continue
        blocks = [_block_for_band(block, band, bands) for block in section.body
                  if applies(block.ages, band, bands)]
        blocks = [b for b in blocks if b is not None]
        if blocks:
            sections.append(section.model_copy(update={"body": blocks}))
    return handout.model_copy(update={"sections": sections})


def _block_for_band(block: Block, band: AgeBand, bands: list[AgeBand]) -> Block | None:
    if block.items is None:
        return block
    kept = [item for item in block.items if applies(item.ages, band, bands)]
    return block.model_copy(update={block.kind.value: kept}) if kept else None


def check_bands(handout: Handout, doc: YamlDocument) -> Iterator[Problem]:
    """Bands in order, no overlaps, no unmarked gaps; every ``ages`` refers to real bands."""
    bands = handout.age_bands
    yield from check_band_order(bands, doc)
    yield from _check_references(handout, doc, bands)
    for index, band in enumerate(bands):
        yield from _check_band_content(handout, band, doc, ("age_bands", index))


def check_band_order(bands: list[AgeBand], doc: YamlDocument) -> Iterator[Problem]:
    """Bands in order, no overlaps, no unmarked gaps: these need only the bands, so they
    are checked even when another part of the file has a mistake."""
    ids = [band.id for band in bands]
    previous: AgeBand | None = None
    for index, band in enumerate(bands):
        loc = ("age_bands", index)
        start = parse_age(band.start)
        if ids.index(band.id) != index:
            yield doc.problem(loc + ("id",), f"band id '{band.id}' is used twice")
        if band.end is not None and parse_age(band.end).average_days <= start.average_days:
            yield doc.problem(loc + ("to",), f"'to: {band.end}' must be after "
                              f"'from: {band.start}'")
        if band.end is None and index != len(bands) - 1:
            yield doc.problem(loc, "only the last band may be open-ended (no 'to')")
        if previous is not None and previous.end is not None:
            yield from _check_neighbours(previous, band, doc, loc, start)
        previous = band


def _check_neighbours(previous: AgeBand, band: AgeBand, doc: YamlDocument, loc: KeyPath,
                      start: Age) -> Iterator[Problem]:
    end = parse_age(previous.end or "")
    if end.key == start.key:
        return
    if end.average_days > start.average_days:
        yield doc.problem(loc + ("from",), f"band '{band.id}' starts at {band.start}, "
                          f"inside band '{previous.id}' ({band_range(previous)})",
                          f"start it at {previous.end}, where '{previous.id}' ends")
    elif not band.after_gap:
        yield doc.problem(loc + ("from",), f"gap between band '{previous.id}' (ends at "
                          f"{previous.end}) and band '{band.id}' (starts at {band.start})",
                          f"start it at {previous.end}, or add 'after_gap: true' to band "
                          f"'{band.id}' if no handout is meant for that age")


def _check_references(handout: Handout, doc: YamlDocument,
                      bands: list[AgeBand]) -> Iterator[Problem]:
    ids = [band.id for band in bands]
    boundaries = {parse_age(b.start).key: b.start for b in bands}
    boundaries.update({parse_age(b.end).key: b.end for b in bands if b.end})
    for loc, ages in _ages_in(handout):
        if not bands:
            yield doc.problem(loc, "'ages' is used, but the handout has no 'age_bands'",
                              "add age_bands at the top of the file, or remove 'ages'")
            return
        if isinstance(ages, list):
            for index, band_id in enumerate(ages):
                if band_id not in ids:
                    yield doc.problem(loc + (index,), f"unknown age band '{band_id}'",
                                      did_you_mean(band_id, ids) or
                                      f"bands of this handout: {', '.join(ids)}")
            continue
        for key, value in (("from", ages.start), ("to", ages.end)):
            if value is not None and parse_age(value).key not in boundaries:
                yield doc.problem(loc + (key,), f"{value} is not where a band starts or ends",
                                  "ranges must line up with the bands: "
                                  + ", ".join(sorted(boundaries.values(),
                                                     key=lambda a: parse_age(a).average_days)))


def _check_band_content(handout: Handout, band: AgeBand, doc: YamlDocument,
                        loc: KeyPath) -> Iterator[Problem]:
    bands = handout.age_bands
    any_section = False
    for index, section in enumerate(handout.sections):
        if not applies(section.ages, band, bands):
            continue
        any_section = True
        if not any(_block_for_band(b, band, bands) is not None for b in section.body
                   if applies(b.ages, band, bands)):
            yield doc.problem(("sections", index), f"section '{section.id}' has no content "
                              f"for band '{band.id}'", "mark the section with 'ages' too, "
                              "or give it content for that band")
    if not any_section:
        yield doc.problem(loc, f"band '{band.id}' gets no sections",
                          "mark some sections for this band, or remove the band")


def _ages_in(handout: Handout) -> Iterator[tuple[KeyPath, list[str] | AgeRange]]:
    for s_index, section in enumerate(handout.sections):
        if section.ages is not None:
            yield ("sections", s_index, "ages"), section.ages
        for b_index, block in enumerate(section.body):
            base: KeyPath = ("sections", s_index, "body", b_index)
            if block.ages is not None:
                yield base + ("ages",), block.ages
            for i_index, item in enumerate(block.items or []):
                if item.ages is not None:
                    yield base + (block.kind.value, i_index, "ages"), item.ages
