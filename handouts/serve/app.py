"""The print desk's pages: a form, a preview of what will print, and the PDF.

Personal data (the child's name and birth date) travels only in POST bodies: never in
an address, a log line, a file or a cache. Each PDF is made in memory for its request
and forgotten. Ids from a form are looked up in the loaded project; they never reach
the file system.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import threading
from dataclasses import dataclass

from babel import Locale
from flask import Flask, Response, abort, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import HTTPException

from handouts.document.render import plain_text
from handouts.errors import HandoutsError
from handouts.i18n.words import Words
from handouts.locales import is_rtl
from handouts.pipeline.context import Session
from handouts.pipeline.desk import MAX_NAME, ChildRequest, Item, Printed, print_for_child
from handouts.project.loader import Project
from handouts.select.jobs import BuildJob
from handouts.pipeline.preview import Previews
from handouts.serve.images import page_images
from handouts.serve.preview import install_preview
from handouts.serve.security import Access, install

MAX_REQUEST = 16 * 1024  # bytes: a form of a few short fields
ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


class FormError(ValueError):
    """A field the desk cannot use; the message says which and why."""


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


def create_app(project: Project, access: Access = Access(),
               previews: Previews | None = None) -> Flask:
    """The desk for ``project``; with ``previews``, the authors' live preview too."""
    app = Flask(__name__)
    app.config.update(SECRET_KEY=secrets.token_hex(32), MAX_CONTENT_LENGTH=MAX_REQUEST,
                      WTF_CSRF_TIME_LIMIT=None)
    CSRFProtect(app)
    install(app, access)
    if previews is not None:
        install_preview(app, previews)
    desk = Desk(project)

    @app.get("/")
    def form() -> str:
        return desk.page(desk.locale(request.args.get("lang")))

    @app.post("/preview")
    def preview() -> tuple[str, int] | str:
        locale = desk.locale(request.form.get("lang"))
        try:
            wanted = desk.read(request.form)
            printed = desk.print(wanted)
        except FormError as exc:
            return desk.page(locale, problems=[str(exc)]), 422
        except HandoutsError as exc:
            return desk.page(locale, problems=[p.message + (f" ({p.hint})" if p.hint else "")
                                               for p in exc.problems]), 422
        return desk.page(locale, wanted=wanted, printed=printed)

    @app.post("/pdf")
    def pdf() -> Response:
        wanted = desk.read(request.form)
        printed = desk.print(wanted)
        # The file name says what it is, never whose.
        return Response(printed.data, mimetype="application/pdf", headers={
            "Content-Disposition": f'inline; filename="{wanted.item_id}.pdf"'})

    @app.errorhandler(FormError)
    def bad_form(exc: FormError) -> tuple[str, int]:
        return desk.page(desk.locale(None), problems=[str(exc)]), 400

    @app.errorhandler(HandoutsError)
    def cannot_print(exc: HandoutsError) -> tuple[str, int]:
        """A PDF asked for with a form the preview would have refused."""
        return desk.page(desk.locale(request.form.get("lang")), problems=[
            p.message + (f" ({p.hint})" if p.hint else "") for p in exc.problems]), 422

    @app.errorhandler(CSRFError)
    def no_token(exc: CSRFError) -> tuple[str, int]:
        return desk.page(desk.locale(None), problems=[
            "the form has expired or did not come from this desk: fill it in again"]), 400

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> tuple[str, int]:
        return desk.page(desk.locale(None), problems=[exc.description or exc.name]), \
            exc.code or 500

    return app


class Desk:
    """The desk's view of the project: what it offers, in which words."""

    def __init__(self, project: Project):
        self.project = project
        self.session = Session(project)
        self.lock = threading.Lock()  # one PDF at a time: ReportLab keeps global state

    def locale(self, wanted: str | None) -> str:
        locales = self.project.config.locales
        return wanted if wanted in locales else locales[0]

    def words(self, locale: str) -> Words:
        return self.session.language(locale).words

    def languages(self) -> list[Choice]:
        """Each language in its own name: "Español", "العربية"."""
        return [Choice(code, _own_name(code)) for code in self.project.config.locales]

    def read(self, form: dict[str, str]) -> ChildRequest:
        """The form's fields, checked; FormError names the field, a 404 an unknown id."""
        item, _, item_id = _field(form, "what", 80).partition(":")
        if item not in (Item.PACK, Item.HANDOUT) or not ID.fullmatch(item_id):
            raise FormError("choose a pack or a handout from the list")
        known = self.project.packs if item == Item.PACK else self.project.handouts
        brand_id = _field(form, "brand", 64) or self.default_brand()
        if not ID.fullmatch(brand_id):
            raise FormError("choose a clinic from the list")
        if item_id not in known or brand_id not in self.project.brands:
            abort(404, "no such pack, handout or clinic in this project")
        locale = _field(form, "lang", 35)
        if locale not in self.project.config.locales:
            abort(404, "this desk does not print in that language")
        try:
            born = dt.date.fromisoformat(_field(form, "born", 10))
        except ValueError:
            raise FormError("give the child's birth date (day, month and year)") from None
        weeks = _field(form, "weeks", 2)
        if weeks and not weeks.isdigit():
            raise FormError("give the weeks of pregnancy as a number, e.g. 34")
        name = _field(form, "name", MAX_NAME).strip()
        return ChildRequest(Item(item), item_id, brand_id, locale, born,
                            int(weeks) if weeks else None, name or None)

    def default_brand(self) -> str:
        return (self.project.config.brands or sorted(self.project.brands))[0]

    def print(self, wanted: ChildRequest) -> Printed:
        with self.lock:
            return print_for_child(self.project, wanted)

    def page(self, locale: str, *, problems: list[str] | None = None,
             wanted: ChildRequest | None = None, printed: Printed | None = None) -> str:
        words = self.words(locale)
        chosen_locale = wanted.locale if wanted else locale
        return render_template(
            "desk.html", lang=locale, rtl=is_rtl(locale), words=words,
            languages=self.languages(), packs=self._items(Item.PACK, locale),
            handouts=self._items(Item.HANDOUT, locale), brands=[
                Choice(b.id, b.brand.name) for b in self.project.brands.values()],
            chosen_lang=chosen_locale, wanted=wanted, problems=problems or [],
            printed=printed, pages=page_images(printed.data, self.words(chosen_locale))
            if printed else [], max_name=MAX_NAME, today=dt.date.today().isoformat())

    def _items(self, item: Item, locale: str) -> list[Choice]:
        """Packs or handouts by their title in the desk's language (the source title
        where a translation is not finished)."""
        words = self.words(locale)
        translations = self.session.language(locale).interface.translations
        if item is Item.PACK:
            return [Choice(f"pack:{p.id}", translations.pgettext(f"pack:{p.id}", p.pack.title))
                    for p in self.project.packs.values()]
        brand = self.project.brands[self.default_brand()]
        choices = []
        for handout in self.project.handouts.values():
            try:
                title = self.session.handout(BuildJob(handout, brand, locale)).handout.title
            except HandoutsError:
                title = handout.handout.title
            choices.append(Choice(f"handout:{handout.id}",
                                  plain_text(title, brand.placeholders(), words)))
        return choices


def _field(form: dict[str, str], name: str, limit: int) -> str:
    value = form.get(name, "")
    if len(value) > limit:
        raise FormError(f"the field '{name}' is longer than {limit} characters")
    return value


def _own_name(code: str) -> str:
    name = Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_"))
    return (name or code)[:1].upper() + (name or code)[1:]
