"""Render a handout through its Jinja2 template into a small semantic HTML document.

Templates decide structure and order; they never decide typography. Jinja2 runs
sandboxed, with autoescape and StrictUndefined, so content text prints literally and a
template cannot reach Python internals or the file system.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from collections.abc import Callable

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markdown_it import MarkdownIt
from markupsafe import Markup

from .ages import ChildAge, date_at_function
from .brand import LoadedBrand
from .content import AgeBand, Handout, fill_placeholders
from .errors import HandoutsError, Problem
from .words import Words

TEMPLATE_SUFFIX = ".html.j2"

# Only emphasis (and backslash escapes) from Markdown: content is plain text with
# **bold** and *italic*; raw HTML in content is escaped, never interpreted.
_inline_markdown = MarkdownIt("zero").enable(["emphasis", "escape"])


def template_name(kind: str) -> str:
    return f"{kind}{TEMPLATE_SUFFIX}"


@dataclass(frozen=True)
class TemplateContext:
    """Everything a template may use besides the handout."""

    brand: LoadedBrand
    words: Words
    band: AgeBand | None = None
    child: ChildAge | None = None
    date_at: Callable[[str], str] = date_at_function(None, "en")


def make_environment(search_path: list[Path], context: TemplateContext) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(p) for p in search_path]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    escaped = {name: html.escape(value) for name, value in context.brand.placeholders().items()}

    def inline(text: str) -> Markup:
        """Content text -> safe inline HTML: escaped, with <strong>/<em> and placeholders."""
        rendered = _inline_markdown.renderInline(str(text))
        return Markup(fill_placeholders(rendered, escaped,
                                        lambda age: html.escape(context.date_at(age))))

    env.filters["inline"] = inline
    env.globals["date_at"] = context.date_at
    return env


def plain_text(text: str, placeholders: dict[str, str]) -> str:
    """Content text without Markdown emphasis, for metadata and running headers."""
    tokens = _inline_markdown.parseInline(text)
    plain = "".join(child.content for token in tokens for child in token.children or []
                    if child.type == "text")
    return fill_placeholders(plain, placeholders, date_at_function(None, "en"))


@dataclass(frozen=True)
class Rendered:
    markup: str
    template: Path  # the file that was used (a brand's override or the project's)


def render_handout(handout: Handout, context: TemplateContext,
                   search_path: list[Path]) -> Rendered:
    """The semantic HTML for one handout, or HandoutsError naming the template and line."""
    env = make_environment(search_path, context)
    name = template_name(handout.kind)
    try:
        template = env.get_template(name)
        markup = template.render(
            handout=handout, brand=context.brand.brand, words=context.words,
            band=context.band,
            child=context.child.explanation if context.child is not None else None)
        return Rendered(markup, Path(template.filename or name))
    except jinja2.TemplateNotFound as exc:
        raise HandoutsError([Problem(
            f"template '{exc.name}' not found",
            hint="looked in: " + ", ".join(str(p) for p in search_path))]) from None
    except jinja2.TemplateSyntaxError as exc:
        raise HandoutsError([Problem(
            f"template syntax error: {exc.message}", file=_template_file(exc.filename, search_path),
            line=exc.lineno)]) from None
    except SecurityError as exc:
        raise HandoutsError([_runtime_problem(exc, search_path,
                                              f"template tried something unsafe: {exc}",
                                              "templates may only use the handout, brand "
                                              "and words they are given")]) from None
    except jinja2.UndefinedError as exc:
        raise HandoutsError([_runtime_problem(exc, search_path,
                                              f"undefined template variable: {exc.message}",
                                              "check the spelling; templates get 'handout', "
                                              "'brand' and 'words'")]) from None
    except (jinja2.TemplateError, TypeError, ValueError) as exc:
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

