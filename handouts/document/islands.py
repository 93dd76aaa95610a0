"""Latin islands in right-to-left text: the clinic's name, a web address, a phone number,
"38 °C". The bidi algorithm would read "+44 20 7946 0000" right to left group by group
and put "°C" before its number; wrapped in a left-to-right isolate, each reads as one
unit. Every backend that prints right-to-left text uses the same rule (the PDF's text
engine, and the web page, whose browser honours the same isolate characters).
"""

from __future__ import annotations

import re

LRI, PDI = "\u2066", "\u2069"  # left-to-right isolate, pop directional isolate

# Digits: Latin, Arabic-Indic and Persian ("۳۸ °C" is one unit too), with the Arabic
# decimal and thousands separators.
_DIGITS = "0-9\u0660-\u066c\u06f0-\u06f9"
_LATIN_STRETCH = re.compile(rf"[A-Za-z{_DIGITS}.,:/°%@_+\-()'’&#=? \u00a0\u202f]+")
_LATIN_LETTER = re.compile(r"[A-Za-z°%@]")
_EDGE = " .,:;!?()"


def _opens_pair(piece: str) -> bool:
    """"(555) 010-2030" keeps its bracket: it closes inside the piece."""
    return piece[0] == "(" and piece.count(")") >= piece.count("(")


def _closes_pair(piece: str) -> bool:
    return piece[-1] == ")" and piece.count("(") >= piece.count(")")


def latin_islands(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of Latin-script words and numbers that must read left
    to right as a unit inside right-to-left text: one with a Latin letter or unit
    ("Riverside Clinic", "38 °C", "www.example.org") or a number in groups ("+44 20 7946
    0000", "(555) 010-2030"). Lone numbers and ranges ("2 إلى 3") are left to the bidi
    algorithm, which already orders them the way a right-to-left reader expects. Spaces
    and punctuation at either end belong to the surrounding sentence, unless a bracket
    pairs with one inside."""
    islands: list[tuple[int, int]] = []
    for match in _LATIN_STRETCH.finditer(text):
        start, end = match.span()
        while start < end and text[start] in _EDGE and not _opens_pair(text[start:end]):
            start += 1
        while end > start and text[end - 1] in _EDGE and not _closes_pair(text[start:end]):
            end -= 1
        piece = text[start:end]
        if piece and (_LATIN_LETTER.search(piece) or piece.startswith("+")
                      or len(re.findall(r"\d+", piece)) >= 2):
            islands.append((start, end))
    return islands


def isolate_latin(text: str) -> str:
    """``text`` with each Latin island inside a left-to-right isolate."""
    for start, end in reversed(latin_islands(text)):
        text = text[:start] + LRI + text[start:end] + PDI + text[end:]
    return text
