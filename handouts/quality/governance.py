"""Review dates and the review of translations."""

from __future__ import annotations

from collections.abc import Iterator

from handouts.i18n.catalogs import block_catalog
from handouts.i18n.localize import Translation, is_source_language
from handouts.i18n.translate import catalog_files
from handouts.names import REVIEW_DUE_SOON_DAYS, CheckId, Status
from handouts.quality.context import CheckContext, Finding, line_of, subject

DUE_SOON_DAYS = REVIEW_DUE_SOON_DAYS


def review_overdue(context: CheckContext) -> Iterator[Finding]:
    for loaded in context.handouts:
        due = loaded.handout.next_review
        if due < context.today:
            yield Finding(
                CheckId.REVIEW_OVERDUE, f"review overdue: next_review was {due.isoformat()} "
                f"({(context.today - due).days} days ago)", subject(loaded), loaded.path,
                line_of(loaded, "next_review"),
                "have it reviewed and set a new next_review; to print it meanwhile, build "
                "with --allow-expired (pages then say 'Review overdue')")


def review_due_soon(context: CheckContext) -> Iterator[Finding]:
    for loaded in context.handouts:
        due = loaded.handout.next_review
        if due >= context.today and (due - context.today).days <= DUE_SOON_DAYS:
            yield Finding(
                CheckId.REVIEW_DUE_SOON, f"review due soon: next_review is "
                f"{due.isoformat()} (in {(due - context.today).days} days)", subject(loaded),
                loaded.path, line_of(loaded, "next_review"), "plan the review now")


def translation_unreviewed(context: CheckContext) -> Iterator[Finding]:
    files = catalog_files(context.project)
    for loaded in context.handouts:
        if loaded.handout.status is not Status.APPROVED:
            continue
        for locale in context.project.config.locales:
            if is_source_language(loaded, locale):
                continue
            catalogs = [(loaded.id, ""), *((block_catalog(block), f" of the shared block "
                                            f"'{block}'") for block in loaded.shared_blocks)]
            for name, what in catalogs:
                path = files.translation(locale, name)
                if path.is_file() and not Translation(path, locale).reviewed:
                    yield Finding(
                        CheckId.TRANSLATION_UNREVIEWED, f"the content is approved, but the "
                        f"'{locale}' translation{what} is not reviewed", subject(loaded), path,
                        None, "a reviewer fills in X-Reviewed-By and X-Reviewed-On in the PO "
                              "header")
