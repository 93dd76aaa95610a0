"""Locale codes (BCP 47, as in ``es``, ``es-MX``, ``pt-BR``) and what depends on them.

Babel's CLDR data answers everything here: whether a code is real, its script, its date
format. Handout text is never borrowed from another locale; only the interface words of
a regional locale fall back to its language (``es-MX`` -> ``es``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Annotated

import pyphen
from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date, get_date_format
from pydantic import AfterValidator, Field


@cache
def babel_locale(code: str) -> Locale:
    """The Babel locale for a BCP 47 code; ValueError with a readable message if unknown."""
    try:
        return Locale.parse(code.replace("_", "-"), sep="-")
    except (ValueError, UnknownLocaleError):
        raise ValueError(f"'{code}' is not a locale code; write a BCP 47 code such as en, "
                         "en-GB, es, es-MX, ru or pt-BR") from None


def canonical(code: str) -> str:
    """'es_mx' or 'ES-mx' -> 'es-MX' (raises ValueError for unknown codes)."""
    locale = babel_locale(code)
    return "-".join(part for part in (locale.language, locale.script, locale.territory)
                    if part)


def _check_locale(code: str) -> str:
    """A known code, written the BCP 47 way: es_mx and ES-mx become es-MX, as on the
    command line (ValueError for an unknown code)."""
    return canonical(code)


LocaleCode = Annotated[str, AfterValidator(_check_locale),
                       Field(description="BCP 47 code: en, en-GB, es, es-MX, ru, pt-BR.")]


def language(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


def script(code: str) -> str:
    """ISO 15924 script of a locale: 'Latn', 'Cyrl', 'Arab'... (from CLDR likely subtags)."""
    locale = babel_locale(code)
    if locale.script:
        return str(locale.script)
    likely = get_global("likely_subtags")
    for key in (str(locale), locale.language):
        if key in likely:
            parts = likely[key].split("_")
            if len(parts) > 1 and len(parts[1]) == 4:
                return str(parts[1])
    return "Latn"


def fallbacks(code: str) -> list[str]:
    """Where a locale's interface words come from, in order: 'es-MX' -> ['es-MX', 'es']."""
    return list(dict.fromkeys([code, language(code)]))


def format_day(day: dt.date, code: str) -> str:
    """A date in the locale's numeric form with a four-digit year: 21.11.2026 (ru),
    21/11/2026 (es), 11/21/2026 (en-US)."""
    locale = babel_locale(code)
    pattern = get_date_format("short", locale=locale).pattern
    return localized_digits(format_date(day, re.sub(r"y+", "y", pattern), locale=locale),
                            code)


def hyphenation_language(code: str) -> str | None:
    """The pyphen dictionary for a locale, if there is one."""
    found: str | None = pyphen.language_fallback(code.replace("-", "_"))
    return found


def is_rtl(code: str) -> bool:
    return babel_locale(code).text_direction == "rtl"


# Explicit direction marks a translator may type (and Babel puts in Arabic dates); they
# steer the bidi algorithm and are never drawn (the fonts have no glyphs for them).
BIDI_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                          "\u2066\u2067\u2068\u2069")

# Scripts whose letters change shape with their neighbours (joining, conjuncts, vowel
# signs before the consonant, stacked marks), or that run right to left: their text is
# shaped with HarfBuzz, and broken into lines by ICU, which also finds the words of
# scripts written without spaces (Thai, Lao, Khmer, Burmese) in its dictionaries.
SHAPED_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Deva", "Beng", "Guru",
                            "Gujr", "Orya", "Taml", "Telu", "Knda", "Mlym", "Sinh", "Thai",
                            "Laoo", "Khmr", "Mymr"})


def needs_shaping(code: str) -> bool:
    return script(code) in SHAPED_SCRIPTS or is_rtl(code)


@cache
def _digits(code: str) -> str | None:
    """The ten digits of the locale's default numbering system (ICU's CLDR data), or
    None where they are the Latin 0-9."""
    import icu

    system = icu.NumberingSystem.createInstance(icu.Locale(code.replace("-", "_")))
    digits = system.getDescription()
    if system.isAlgorithmic() or system.getRadix() != 10 or digits == "0123456789":
        return None
    return str(digits)


def localized_digits(text: str, code: str) -> str:
    """``text`` with its digits in the locale's own numbering system (CLDR's default:
    Arabic-Indic for ar-EG, Persian for fa, Latin for ar and ar-MA)."""
    digits = _digits(code)
    if digits is None:
        return text
    return text.translate({ord("0") + i: digit for i, digit in enumerate(digits)})


def format_temperature(celsius: float, unit: str, code: str) -> str:
    """38 -> "38 °C", "100.4 °F" or "38 °C (100.4 °F)" (``unit``: C, F or both), with the
    locale's decimal mark and digits."""
    from babel.numbers import format_decimal

    locale = babel_locale(code)

    def number(value: float) -> str:
        return localized_digits(format_decimal(round(value, 1), locale=locale,
                                               numbering_system="default"), code)

    fahrenheit = f"{number(celsius * 9 / 5 + 32)}\u00a0°F"
    if unit == "F":
        return fahrenheit
    celsius_text = f"{number(celsius)}\u00a0°C"
    return f"{celsius_text} ({fahrenheit})" if unit == "both" else celsius_text

