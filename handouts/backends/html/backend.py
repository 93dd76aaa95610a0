"""The HTML backend: one page, with the brand's header and the footer's words around the
handout, its style inline, its images embedded and no script, so the file works alone,
offline, printed, and read aloud."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup

from handouts.backends.base import Backend, Output
from handouts.backends.html.body import BodyWriter, data_uri
from handouts.backends.html.style import stylesheet
from handouts.document.compose import Language
from handouts.document.islands import isolate_latin
from handouts.document.model import Document
from handouts.document.page import SEPARATOR
from handouts.document.theme import Theme
from handouts.project.brand import LoadedBrand
from handouts.project.content import Handout


@dataclass(frozen=True)
class HtmlOptions:
    """The HTML version has no variants."""

    def suffix(self) -> str:
        return ""

    def applies_to(self, handout: Handout) -> bool:
        return True


@cache
def page_template(name: str = "page.html.j2") -> Template:
    """The backend's own templates (a project's templates write the handout, not the
    page around it)."""
    environment = Environment(loader=PackageLoader("handouts.backends.html"),
                              autoescape=True, undefined=StrictUndefined,
                              keep_trailing_newline=True)
    return environment.get_template(name)


class HtmlBackend(Backend[HtmlOptions]):
    name = "html"

    def write(self, document: Document, options: HtmlOptions) -> Output:
        return Output(render_page(document).encode("utf-8"), 1)


def render_page(document: Document) -> str:
    page = document.page
    text = isolate_latin if document.setting.rtl else str
    return page_template().render(
        lang=document.metadata.language, rtl=document.setting.rtl,
        title=document.metadata.title, clinic=page.clinic,
        contact=[text(part.strip()) for part in page.contact.split("\u00b7")],
        logo=data_uri(page.logo) if page.logo is not None else None,
        style=Markup(stylesheet(page.theme)),
        body=BodyWriter(document).write(document.body),
        footer=[(text(line.text), line.strong) for line in page.footer], notes=page.notes,
        draft=page.draft)


@dataclass(frozen=True)
class IndexEntry:
    label: str
    href: str  # relative to the index page
    pdf: str | None = None  # the print version, when the build makes PDFs too


@dataclass(frozen=True)
class IndexPage:
    """A page of links: every handout of a language, or the age bands of one."""

    brand: LoadedBrand
    language: Language
    title: str
    summary: str | None
    intro: str | None
    entries: list[IndexEntry]


def render_index(index: IndexPage) -> bytes:
    brand, words = index.brand.brand, index.language.words
    text = isolate_latin if index.language.setting.rtl else str
    contact = text(SEPARATOR.join(filter(None, [brand.name, brand.address,
                                                words.phone.format(phone=brand.phone)])))
    return page_template("index.html.j2").render(
        lang=index.language.locale, rtl=index.language.setting.rtl, title=index.title,
        clinic=brand.name, contact=[text(words.phone.format(phone=brand.phone))],
        logo=data_uri(index.brand.logo_path) if index.brand.logo_path else None,
        style=Markup(stylesheet(Theme(brand.colors.primary, brand.colors.accent,
                                      brand.colors.on_primary))),
        summary=index.summary, intro=index.intro, entries=index.entries,
        print_label=words.web_print,
        footer=[(contact, False), (words.disclaimer, True)], notes="", draft=None
    ).encode("utf-8")
