"""Render a handout through its Jinja2 template into a small semantic HTML document.

Templates decide structure and order; they never decide typography. Jinja2 runs
sandboxed, with autoescape and StrictUndefined, so content text prints literally and a
template cannot reach Python internals or the file system.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markdown_it import MarkdownIt
from markupsafe import Markup

from handouts.ages import ChildAge, parse_age
from handouts.errors import HandoutsError, Problem
from handouts.files import read_text
from handouts.i18n.words import ENGLISH, Words
from handouts.limits import MAX_TEMPLATE_LOOPS, MAX_TEMPLATE_OUTPUT
from handouts.locales import format_day, format_temperature
from handouts.names import TEMPLATE_SUFFIX
from handouts.project.brand import LoadedBrand
from handouts.project.content import AgeBand, Block, Handout, fill_placeholders


@lru_cache(maxsize=64)
def inline_markdown(quotes: str) -> MarkdownIt:
    """Only emphasis, escapes and the language's quotation marks from Markdown: content is
    plain text with **bold** and *italic*; raw HTML in content is escaped, never run."""
    md = MarkdownIt("zero", {"typographer": True, "quotes": quotes})
    return md.enable(["emphasis", "escape", "smartquotes"])


def date_at_function(child: ChildAge | None, words: Words,
                     date_locale: str) -> Callable[[str], str]:
    """``date_at('6w')`` for content and templates.

    With a birth date it is the day the child reaches that age (counted from the due
    date when corrected age is used), as the locale writes dates; without one it is the
    generic wording ("6 weeks of age"), so the same sentence reads well both ways.
    """
    def date_at(text: str) -> str:
        age = parse_age(text)
        day = child.date_at(age) if child is not None else None
        if day is not None:
            return format_day(day, date_locale)
        return words.age_of.format(age=words.age(age))

    return date_at


class TemplateWords:
    """The interface words as templates see them: ``words.contents``, and the labels of
    tone boxes and write-in lines by name (``words.write_date``)."""

    def __init__(self, words: Words) -> None:
        self._words = words

    def __getattr__(self, name: str) -> Any:
        named = self._words.named_word(name)
        return named if named is not None else getattr(self._words, name)


@dataclass(frozen=True)
class TemplateContext:
    """Everything a template may use besides the handout."""

    brand: LoadedBrand
    words: Words = ENGLISH
    translations: gettext.NullTranslations = field(default_factory=gettext.NullTranslations)
    band: AgeBand | None = None
    child: ChildAge | None = None  # shown on the page when set
    date_at: Callable[[str], str] = date_at_function(None, ENGLISH, "en")
    child_name: str | None = None  # personal: only templates that ask for it print it


class _CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once per process and kept while their source is unchanged
    (Jinja2 checks it): a run renders hundreds of documents through a few templates,
    each in an environment of its own (its brand, words and translations)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


COMPILED = _CompiledTemplates()


class TemplateBudget(Exception):
    """A template asked for more work than a handout can need (an endless loop?)."""


class _Loader(jinja2.FileSystemLoader):
    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError:
            path = next((Path(p) / template for p in self.searchpath
                         if (Path(p) / template).is_file()), Path(template))
            read_text(path)  # raises the problem with its line and column
            raise


class _Environment(SandboxedEnvironment):
    """The sandbox, with a budget: ``range`` and repeated strings stay within the limits,
    so a template's mistake is an error naming it, not a hang."""

    intercepted_binops = frozenset(["*", "**"])

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.loops_left = MAX_TEMPLATE_LOOPS
        self.globals["range"] = self._range

    def _range(self, *args: int) -> range:
        numbers = range(*args)
        self.loops_left -= len(numbers)
        if self.loops_left < 0:
            raise TemplateBudget(f"the template's loops take more than "
                                 f"{MAX_TEMPLATE_LOOPS:,} turns")
        return numbers

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any,
                   right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 100:
            raise TemplateBudget("the template raises a number to a power over 100")
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, (str, list, tuple)) and isinstance(times, int) and \
                        len(sequence) * times > MAX_TEMPLATE_OUTPUT:
                    raise TemplateBudget("the template repeats a text or list past "
                                         f"{MAX_TEMPLATE_OUTPUT:,} characters")
        return super().call_binop(context, operator, left, right)


def make_environment(search_path: list[Path], context: TemplateContext) -> SandboxedEnvironment:
    env = _Environment(
        loader=_Loader([str(p) for p in search_path]),
        bytecode_cache=COMPILED,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    # The i18n extension adds this method; the Environment class does not declare it.
    env.install_gettext_translations(  # type: ignore[attr-defined]
        context.translations, newstyle=True)
    markdown = inline_markdown(context.words.quotes)
    values = {name: _literal(value) for name, value in context.brand.placeholders().items()}
    unit = context.brand.brand.temperature_unit

    def inline(text: str) -> Markup:
        """Content text -> safe inline HTML: escaped, with <strong>/<em> and placeholders.

        Placeholders are filled first (their values marked literal for Markdown), so the
        quotation marks of ``date_at('6w')`` are never turned into typographic ones."""
        filled = fill_placeholders(
            str(text), values, lambda age: _literal(context.date_at(age)),
            lambda celsius: format_temperature(celsius, unit, context.words.locale))
        return Markup(markdown.renderInline(filled))

    env.filters["inline"] = inline
    env.globals["date_at"] = context.date_at
    return env


def _literal(value: str) -> str:
    """A brand's name or a date, backslash-escaped so Markdown prints it as it is."""
    return re.sub(r"([\\*_])", r"\\\1", value)


def plain_text(text: str, placeholders: dict[str, str], words: Words = ENGLISH) -> str:
    """Content text without Markdown emphasis, for metadata and running headers."""
    values = {name: _literal(value) for name, value in placeholders.items()}
    date_at = date_at_function(None, words, "en")
    filled = fill_placeholders(text, values, lambda age: _literal(date_at(age)),
                               lambda celsius: format_temperature(celsius, "C", words.locale))
    tokens = inline_markdown(words.quotes).parseInline(filled)
    return "".join(child.content for token in tokens for child in token.children or []
                   if child.type == "text")


@dataclass(frozen=True)
class Rendered:
    markup: str
    template: Path  # the file that was used (a brand's override or the project's)


def render_handout(handout: Handout, context: TemplateContext,
                   search_path: list[Path]) -> Rendered:
    """The semantic HTML for one handout, or HandoutsError naming the template and line."""
    return render_template(handout.kind.template, context, search_path,
                           handout=joined_lists(handout), band=context.band)


def joined_lists(handout: Handout) -> Handout:
    """Adjacent lists of one kind in a section joined into one list.

    A box that uses a shared list and adds its own items (``- use: emergency-signs``,
    then ``- bullets:``) reads as one list, without a gap between the two."""
    sections = []
    for section in handout.sections:
        body: list[Block] = []
        for block in section.body:
            previous = body[-1] if body else None
            if previous is not None and block.items is not None \
                    and previous.kind is block.kind and previous.items is not None:
                body[-1] = previous.model_copy(
                    update={block.kind.value: previous.items + block.items})
            else:
                body.append(block)
        sections.append(section.model_copy(update={"body": body}))
    return handout.model_copy(update={"sections": sections})


def render_template(name: str, context: TemplateContext, search_path: list[Path],
                    named_in: tuple[Path, int | None] | None = None,
                    **values: object) -> Rendered:
    """Render one template with the brand, words and child of the context plus values.

    ``named_in`` is the file and line that name the template (a pack's ``cover:``)."""
    env = make_environment(search_path, context)
    try:
        template = env.get_template(name)
        pieces, size = [], 0
        for piece in template.generate(
                brand=context.brand.brand, words=TemplateWords(context.words),
                child_name=context.child_name,
                child=context.words.explain(context.child) if context.child else None,
                **values):
            size += len(piece)
            if size > MAX_TEMPLATE_OUTPUT:
                raise TemplateBudget(f"the template writes more than "
                                     f"{MAX_TEMPLATE_OUTPUT:,} characters")
            pieces.append(piece)
        return Rendered("".join(pieces), Path(template.filename or name))
    except jinja2.TemplateNotFound as exc:
        looked = "looked in: " + ", ".join(str(p) for p in search_path)
        if exc.name == name:  # the template itself, not one it includes
            file, line = named_in or (None, None)
            raise HandoutsError([Problem(f"template '{exc.name}' not found", file=file,
                                         line=line, hint=looked)]) from None
        raise HandoutsError([_runtime_problem(exc, search_path,
                                              f"template '{exc.name}' not found",
                                              looked)]) from None
    except jinja2.TemplateSyntaxError as exc:
        raise HandoutsError([Problem(
            f"template syntax error: {exc.message}", file=_template_file(exc.filename, search_path),
            line=exc.lineno)]) from None
    except SecurityError as exc:
        raise HandoutsError([_runtime_problem(exc, search_path,
                                              f"template tried something unsafe: {exc}",
                                              "templates may only use the values they are "
                                              "given")]) from None
    except jinja2.UndefinedError as exc:
        given = ", ".join(f"'{v}'" for v in ("brand", "words", "child", "child_name", *values))
        raise HandoutsError([_runtime_problem(exc, search_path,
                                              f"undefined template variable: {exc.message}",
                                              f"check the spelling; {name} gets "
                                              f"{given}")]) from None
    except TemplateBudget as exc:
        raise HandoutsError([_runtime_problem(exc, search_path, str(exc),
                                              "look for a loop that never ends, or a "
                                              "range() far larger than a list")]) from None
    except RecursionError as exc:
        raise HandoutsError([_runtime_problem(
            exc, search_path, "the template calls itself without end (an include of "
            "itself, or a macro that calls itself)",
            "remove the include or call that leads back to where it starts")]) from None
    except OverflowError as exc:
        raise HandoutsError([_runtime_problem(exc, search_path, f"template error: {exc}",
                                              "use range() only over numbers a handout "
                                              "needs")]) from None
    except (jinja2.TemplateError, TypeError, ValueError, ArithmeticError,
            MemoryError) as exc:
        raise HandoutsError([_runtime_problem(exc, search_path,
                                              f"template error: {exc}", None)]) from None


def _runtime_problem(exc: BaseException, search_path: list[Path], message: str,
                     hint: str | None) -> Problem:
    """Find the template frame in the traceback; Jinja2 rewrites frames to template lines."""
    file, line = None, None
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(TEMPLATE_SUFFIX):
            file, line = Path(filename), tb.tb_lineno
        tb = tb.tb_next
    return Problem(message, file=file, line=line, hint=hint)


def _template_file(filename: str | None, search_path: list[Path]) -> Path | None:
    if filename is None:
        return None
    path = Path(filename)
    return path if path.is_absolute() else next(
        (p / filename for p in search_path if (p / filename).is_file()), path)

