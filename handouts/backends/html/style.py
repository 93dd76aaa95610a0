"""The page's style sheet, from the theme: the brand's colours and the tone boxes' from
``document/theme.py`` (the contrast check measured them), sizes for reading on a phone,
logical properties so right-to-left pages mirror, and print rules."""

from __future__ import annotations

from functools import cache

from handouts.document.theme import INK, MUTED, RULE, SAMPLE_INK, TONE_STYLES, Theme


def _tones() -> str:
    return "\n".join(
        f".tone-{tone} {{ background: {style.background}; border-inline-start-color: "
        f"{style.ink}; }}\n.tone-{tone} .box-label, .tone-{tone} .box-call, "
        f".tone-{tone} h2, .tone-{tone} h3 {{ color: {style.ink}; fill: {style.ink}; }}"
        for tone, style in TONE_STYLES.items())


# The page uses the reader's own fonts (no font is sent with it): the PDFs' families first,
# where installed, then the system fonts of each script on Windows, macOS, iOS and
# Android; a browser takes each letter from the first family that has it.
FONT_STACK = ", ".join(f'"{name}"' for name in (
    "PT Sans", "Tajawal", "IBM Plex Sans Arabic", "Hind", "Hind Siliguri", "Sarabun",
    "Noto Sans", "Noto Sans Arabic", "Noto Sans Devanagari", "Noto Sans Bengali",
    "Noto Sans Thai", "Segoe UI", "Nirmala UI", "Leelawadee UI", "Geeza Pro",
    "Kohinoor Devanagari", "Thonburi", "Tahoma", "Arial")) + ", sans-serif"


@cache
def stylesheet(theme: Theme) -> str:
    return f"""
:root {{ --primary: {theme.primary}; --accent: {theme.accent};
  --on-primary: {theme.on_primary}; --ink: {INK}; --muted: {MUTED}; }}
* {{ box-sizing: border-box; }}
html {{ font-family: {FONT_STACK};
  font-size: 112.5%; line-height: 1.5; color: var(--ink); background: #fff; }}
body {{ margin: 0 auto; max-width: 44rem; padding: 0 1rem 2rem; }}
.masthead {{ display: flex; align-items: center; gap: 0.8rem; background: var(--primary);
  color: var(--on-primary); padding: 0.7rem 1rem; margin: 0 -1rem 1.2rem;
  border-bottom: 4px solid var(--accent); }}
.masthead p {{ margin: 0; }}
.logo {{ width: 3rem; height: 3rem; background: #fff; border-radius: 0.3rem;
  padding: 0.2rem; }}
.clinic {{ font-weight: bold; font-size: 1.2rem; }}
.contact {{ font-size: 0.95rem; }}
.contact .part {{ white-space: nowrap; }}
h1 {{ color: var(--primary); font-size: 1.8rem; line-height: 1.2; margin: 0.4rem 0; }}
h2 {{ color: var(--primary); font-size: 1.3rem; margin: 1.2rem 0 0.4rem; }}
h3 {{ font-size: 1.1rem; margin: 0.8rem 0 0.3rem; }}
.summary {{ font-size: 1.15rem; }}
p.band {{ font-weight: bold; font-size: 1.15rem; }}
.small, figcaption {{ color: var(--muted); font-size: 0.9rem; }}
ul, ol {{ padding-inline-start: 1.4rem; }}
li {{ margin: 0.2rem 0; }}
ul li::marker {{ color: var(--accent); }}
ol li::marker {{ color: var(--primary); font-weight: bold; }}
.box {{ border-inline-start: 0.35rem solid; border-radius: 0.3rem; padding: 0.6rem 1rem;
  margin: 1rem 0; }}
.box h2 {{ margin-top: 0.3rem; }}
.box-label {{ display: flex; align-items: center; gap: 0.4rem; font-weight: bold;
  margin: 0; }}
.box-call {{ font-weight: bold; font-size: 1.25rem; margin: 0.2rem 0; }}
.icon {{ flex: none; }}
{_tones()}
.checklist {{ list-style: none; padding-inline-start: 0; }}
.checklist li {{ display: flex; flex-wrap: wrap; gap: 0.2rem 0.6rem; align-items: baseline;
  margin: 0.4rem 0; }}
.checklist input[type=checkbox] {{ width: 1.2rem; height: 1.2rem; flex: none; }}
.checklist label {{ flex: 1 1 20rem; }}
.write-ins {{ flex-basis: 100%; padding-inline-start: 1.8rem; }}
.field {{ display: inline-block; margin-inline-end: 1rem; }}
.field label {{ color: var(--muted); }}
.field input {{ font: inherit; border: 0; border-bottom: 1px solid var(--muted);
  min-width: 8rem; background: transparent; color: var(--ink); }}
img {{ max-width: 100%; height: auto; }}
figure {{ margin: 1rem 0; }}
.draft {{ border: 2px solid {SAMPLE_INK}; color: {SAMPLE_INK}; font-weight: bold;
  padding: 0.3rem 0.6rem; }}
a {{ color: var(--primary); }}
footer {{ border-top: 1px solid {RULE}; margin-top: 2rem; padding-top: 0.6rem;
  color: var(--muted); font-size: 0.9rem; }}
footer p {{ margin: 0.2rem 0; }}
.disclaimer {{ color: var(--ink); font-weight: bold; }}
.notes {{ color: {SAMPLE_INK}; font-style: italic; }}
@media print {{
  html {{ font-size: 12pt; }}
  body {{ max-width: none; padding: 0; }}
  .masthead, .box {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  .masthead {{ margin: 0 0 1rem; }}
  .box, li, figure {{ break-inside: avoid; }}
  h2, h3 {{ break-after: avoid; }}
  a {{ color: inherit; text-decoration: none; }}
}}
""".strip()
