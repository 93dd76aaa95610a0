"""Pages worth the paper: a last page that holds only a few lines is reported, so the
content lead can shorten the text (or the handout fits one page less)."""

from __future__ import annotations

from collections.abc import Iterator

from handouts.names import CheckId, Kind
from handouts.quality.context import CheckContext, Finding, subject

MIN_FILL = 0.25  # of the last page's text area


def page_fill(context: CheckContext) -> Iterator[Finding]:
    wanted = {loaded.id for loaded in context.handouts}
    for made in context.page_fills:
        job, fill = made.job, made.last_page_fill
        # A card has its sides by design; one page cannot be any shorter.
        if fill is None or made.pages < 2 or job.handout.handout.kind is Kind.CARD \
                or job.handout.id not in wanted or fill >= MIN_FILL:
            continue
        where = ", ".join(filter(None, [f"band '{job.band.id}'" if job.band else None,
                                        f"brand '{job.brand.id}'",
                                        f"language '{job.locale}'"]))
        yield Finding(
            CheckId.PAGE_FILL, f"page {made.pages} of {made.pages} is only {fill:.0%} full "
            f"({where})", subject(job.handout), job.handout.path, None,
            f"shorten the text so it fits {made.pages - 1} "
            f"page{'s' if made.pages > 2 else ''}, or move a section to another handout")
