"""The pages around the HTML handouts of a build: an index of each brand and language,
and for a handout with age bands the page its web address shows, which lists the
bands. Made from the same jobs, in each job's language."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from handouts.backends.html.backend import IndexEntry, IndexPage, render_index
from handouts.backends.html.site import (
    bands_index_path,
    language_index_path,
    link,
    page_path,
    pdf_path,
)
from handouts.document.render import plain_text
from handouts.pipeline.context import Session
from handouts.project.loader import Project
from handouts.select.jobs import BuildJob


def site_pages(project: Project, jobs: list[BuildJob], out_dir: Path,
               with_pdfs: bool) -> list[tuple[Path, bytes]]:
    """The index pages for the HTML pages of ``jobs`` (undated jobs only: a page made
    for one child is not listed). ``with_pdfs``: link each page's print version."""
    session = Session(project)
    listed = [job for job in jobs if job.born is None]
    pages: list[tuple[Path, bytes]] = []
    for (brand_id, locale), group in groupby(
            sorted(listed, key=lambda j: (j.brand.id, j.locale)),
            key=lambda j: (j.brand.id, j.locale)):
        group_jobs = list(group)
        brand = group_jobs[0].brand
        language = session.language(locale)
        home = language_index_path(locale)
        entries = []
        for handout_id, handout_jobs in groupby(group_jobs, key=lambda j: j.handout.id):
            band_jobs = list(handout_jobs)
            text = session.handout(band_jobs[0]).handout
            title = plain_text(text.title, brand.placeholders(), language.words)
            summary = plain_text(text.summary, brand.placeholders(), language.words)
            if band_jobs[0].band is None:
                entries.append(IndexEntry(title, link(home, page_path(band_jobs[0])),
                                          link(home, pdf_path(band_jobs[0]))
                                          if with_pdfs else None))
                continue
            chooser = bands_index_path(brand, handout_id, locale)
            labels = {band.id: plain_text(band.label, {}, language.words)
                      for band in text.age_bands}
            pages.append((out_dir / brand_id / chooser, render_index(IndexPage(
                brand, language, title, summary, language.words.web_versions,
                [IndexEntry(labels[job.band.id] if job.band else title,
                            link(chooser, page_path(job)),
                            link(chooser, pdf_path(job)) if with_pdfs else None)
                 for job in band_jobs]))))
            entries.append(IndexEntry(title, link(home, chooser), None))
        pages.append((out_dir / brand_id / home, render_index(IndexPage(
            brand, language, language.words.web_index, None, None, entries))))
    return pages

