"""Turn pydantic validation errors into problems a non-programmer can act on.

Pydantic knows what was expected; the YAML document knows where it was written. This
module joins the two: every error gets the file, line, column and key path, a sentence
in plain words, and for unknown keys a "did you mean" suggestion.
"""

from __future__ import annotations

import datetime as dt
import re
import types
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, ValidationError

from handouts.errors import HandoutsError, Problem, did_you_mean
from handouts.project.yamlsource import YamlDocument

M = TypeVar("M", bound=BaseModel)


class Model(BaseModel):
    """Base for every model read from a user's file: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def validate_document(model: type[M], doc: YamlDocument, **context: Any) -> M:
    """Validate a whole YAML document against a model, reporting every error at once."""
    if not isinstance(doc.data, dict):
        raise HandoutsError([Problem(
            f"expected a mapping of keys (key: value) at the top of the file, "
            f"found {describe(doc.data)}", file=doc.path, line=1, column=1)])
    try:
        return model.model_validate(doc.data, context={"doc": doc, **context})
    except ValidationError as exc:
        raise HandoutsError(problems_from(exc, model, doc)) from None


def problems_from(exc: ValidationError, model: type[BaseModel], doc: YamlDocument) -> list[Problem]:
    problems = []
    errors = exc.errors(include_url=False)
    unknown = {tuple(e["loc"]) for e in errors if e["type"] == "extra_forbidden"}
    for error in errors:
        loc = tuple(error["loc"])
        kind = error["type"]
        if kind == "missing" and any(
                u[:-1] == loc[:-1] and did_you_mean(str(u[-1]), [str(loc[-1])]) for u in unknown):
            continue  # a misspelt key: "unknown key ... did you mean" already says it
        if kind == "extra_forbidden":
            allowed = _allowed_keys(model, loc[:-1])
            problems.append(doc.problem(
                loc, f"unknown key '{loc[-1]}'", did_you_mean(str(loc[-1]), allowed)
                or f"allowed keys here: {', '.join(allowed)}", at_key=True))
        elif kind == "missing":
            problems.append(doc.problem(loc, f"required key '{loc[-1]}' is missing",
                                        f"add a line '{loc[-1]}: ...'"))
        else:
            message, hint = _explain(error)
            problems.append(doc.problem(loc, message, _yaml_hint(error, doc, loc) or hint))
    return problems


def _yaml_hint(error: Any, doc: YamlDocument, loc: tuple[Any, ...]) -> str | None:
    """What YAML did to the value, where that explains the error: a # that starts a
    comment (an unquoted colour), a number or date where text was meant."""
    if error["type"] != "string_type":
        return None
    value = error.get("input")
    line, _ = doc.position(loc)
    written = doc.text.splitlines()[line - 1] if line else ""
    if value is None and re.search(r":\s+#", written):
        return "in YAML a # starts a comment, so the value was lost: put it in quotes, " \
               "e.g. primary: \"#B03A2E\""
    if isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
        return "YAML reads it as a number or date: put it in quotes, e.g. " \
               f"{loc[-1]}: \"{written.split(':', 1)[-1].strip()}\""
    return None


def describe(value: Any) -> str:
    """A short description of a found value, for 'expected X, found Y' messages."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (yes/no)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text '{shown}'"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    return type(value).__name__


_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "yes or no (true/false)",
    "bool_parsing": "yes or no (true/false)",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a mapping (key: value lines)",
    "model_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
    "date_type": "a date written as YYYY-MM-DD, e.g. 2027-11-01",
    "date_parsing": "a date written as YYYY-MM-DD, e.g. 2027-11-01",
    "date_from_datetime_parsing": "a date written as YYYY-MM-DD, e.g. 2027-11-01",
    "date_from_datetime_inexact": "a date without a time, e.g. 2027-11-01",
}


def _explain(error: Any) -> tuple[str, str | None]:
    kind = error["type"]
    found = describe(error.get("input"))
    ctx = error.get("ctx") or {}
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, found {found}", None
    if kind in ("literal_error", "enum"):
        expected = ctx.get("expected", "").replace(" or ", ", ")
        choices = [c.strip(" '\"") for c in expected.split(",")]
        given = error.get("input")
        hint = did_you_mean(str(given), choices) if isinstance(given, str) else None
        return f"expected one of {', '.join(choices)}; found {found}", hint
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s), found {found}", None
    if kind == "too_long":
        return f"allows at most {ctx.get('max_length')} item(s), found {found}", None
    if kind == "string_too_short":
        return "must not be empty", None
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return f"{error['msg'].lower()}, found {found}", None
    if kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
        message, _, hint = message.partition("|")
        return message, hint or None
    return f"{error['msg']}, found {found}", None


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the model that sits at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = get_args(current)
            current = args[0] if args else Any
        elif isinstance(current, type) and issubclass(current, BaseModel):
            fields = {f.alias or name: f for name, f in current.model_fields.items()}
            field = fields.get(str(part))
            current = field.annotation if field else Any
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _unwrap(tp: Any) -> Any:
    """Strip Annotated[...] and Optional[...] (X | None) so the real type is left."""
    if get_origin(tp) is Annotated:
        return _unwrap(get_args(tp)[0])
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return _unwrap(args[0])
    return tp
