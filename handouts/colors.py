"""Colour parsing and WCAG 2.x contrast, so brand colours stay readable when printed."""

from __future__ import annotations

import colorsys
import re

WHITE = "#FFFFFF"
HEX_RE = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
AA_NORMAL_TEXT = 4.5

RGB = tuple[float, float, float]


def parse_hex(value: str) -> RGB:
    """'#1f5f8b' or '#fff' -> (r, g, b) in 0..1. Raises ValueError with a readable message."""
    match = HEX_RE.match(value.strip())
    if not match:
        raise ValueError(f"'{value}' is not a colour; write it as #RRGGBB, e.g. #1F5F8B")
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return tuple(int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def to_hex(rgb: RGB) -> str:
    return "#" + "".join(f"{round(c * 255):02X}" for c in rgb)


def relative_luminance(rgb: RGB) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def gray_equivalent(rgb: RGB) -> RGB:
    """The grey of the same relative luminance: every WCAG contrast ratio stays the same,
    so what passes in colour passes in a grayscale print."""
    luminance = relative_luminance(rgb)
    level = luminance * 12.92 if luminance <= 0.0031308 else \
        1.055 * luminance ** (1 / 2.4) - 0.055
    return (level, level, level)


def contrast_ratio(a: RGB, b: RGB) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def nearest_passing(background: RGB, text: RGB, target: float = AA_NORMAL_TEXT) -> RGB:
    """The same hue as ``background``, made darker or lighter until ``text`` on it passes."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*background)
    darker = relative_luminance(text) > relative_luminance(background)
    candidate = background
    for step in range(1, 101):
        new_lightness = lightness * (1 - step / 100) if darker else \
            lightness + (1 - lightness) * step / 100
        candidate = colorsys.hls_to_rgb(hue, new_lightness, saturation)
        if contrast_ratio(candidate, text) >= target:
            return candidate
    return candidate
