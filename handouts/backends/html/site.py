"""Where the HTML pages go: the folder of a brand is its web site.

A brand's ``qr_url`` (``https://clinic.example/h/{id}/{lang}``) says where the online
version of each handout lives. The HTML pages are written at that path inside
``OUT/<brand>/``: ``h/<id>/<lang>/index.html`` for a handout, or, for a handout with age
bands, one page per band beside an ``index.html`` that lists them. Uploaded as it is,
the brand's folder makes every QR code work; the PDFs (``<lang>/<name>.pdf``) and an
index of each language (``<lang>/index.html``) come along.
"""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from handouts.errors import HandoutsError, Problem
from handouts.project.brand import LoadedBrand
from handouts.select.jobs import BuildJob

DEFAULT_PATTERN = "h/{id}/{lang}"  # a brand without a qr_url: the example's layout
INDEX = "index.html"


def handout_folder(brand: LoadedBrand, handout_id: str, locale: str) -> PurePosixPath:
    """The folder of a handout's page(s), as the path of its web address (with the
    language added when the address has none, so languages never share a page)."""
    pattern = brand.brand.qr_url or DEFAULT_PATTERN
    address = brand.brand.qr_address(handout_id, locale) if brand.brand.qr_url else \
        DEFAULT_PATTERN.format(id=handout_id, lang=locale)
    folder = PurePosixPath(urlsplit(address or "").path.strip("/") if brand.brand.qr_url
                           else address or "")
    if any(part in ("..", ".") for part in folder.parts):
        raise HandoutsError([Problem(
            f"the web address of '{handout_id}' has '..' or '.' in its path, so its page "
            "would be written outside the brand's folder", file=brand.path, key="qr_url",
            hint="write qr_url like https://clinic.example/h/{id}/{lang}")])
    return folder if "{lang}" in pattern else folder / locale


def page_path(job: BuildJob) -> PurePosixPath:
    """``h/<id>/<lang>/index.html``, or ``<band>.html`` beside it for a band; a page for
    one child's dates is kept apart (``--dated``)."""
    folder = handout_folder(job.brand, job.handout.id, job.locale)
    stem = job.band.id if job.band is not None else "index"
    if job.born is not None:
        stem += "--dated"
    return folder / f"{stem}.html"


def bands_index_path(brand: LoadedBrand, handout_id: str, locale: str) -> PurePosixPath:
    return handout_folder(brand, handout_id, locale) / INDEX


def language_index_path(locale: str) -> PurePosixPath:
    return PurePosixPath(locale) / INDEX


def pdf_path(job: BuildJob) -> PurePosixPath:
    """The print version beside the catalog's PDFs (``<lang>/<name>.pdf``)."""
    stem = job.handout.id + (f"--{job.band.id}" if job.band is not None else "")
    return PurePosixPath(job.locale) / f"{stem}.pdf"


def link(source: PurePosixPath, target: PurePosixPath) -> str:
    """A relative link from the page at ``source`` to ``target`` (both in one site)."""
    return posixpath.relpath(str(target), str(source.parent))
