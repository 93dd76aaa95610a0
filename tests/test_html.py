"""The HTML version: a self-contained web page per handout and band, from the same
document as the PDF, at the path of the brand's web address, with an index per
language; accessible as axe-core in a real Chromium judges it (WCAG 2.1 AA)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import axe_violations, describe
from conftest import ProjectCopy, shared_build

from handouts.names import Tone

LANGUAGES = ("en", "ru", "es", "ar", "fa", "hi", "th")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> ProjectCopy:
    """The example catalog's web pages (and PDFs, which the index links)."""

    def build(copy: ProjectCopy) -> None:
        copy.only_locales(*LANGUAGES)
        result = copy.run("build", "--format", "html", "--format", "pdf")
        assert result.exit_code == 0, result.output
        assert "built 238 PDFs" in result.output and "238 web pages" in result.output

    return shared_build(tmp_path_factory, "site", build)


class Page(HTMLParser):
    """The elements of a page as (tag, attributes), in order, and its text."""

    def __init__(self, path: Path):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag]


def handout_page(site: ProjectCopy, brand: str, handout: str, lang: str,
                 band: str | None = None) -> Path:
    return site.path(f"output/{brand}/h/{handout}/{lang}/{band or 'index'}.html")


def test_every_qr_address_has_its_page(site: ProjectCopy) -> None:
    """Upload OUT/<brand>/ as the site root and every QR code's address works."""
    import yaml

    pattern = yaml.safe_load(site.read("data/brands/riverside.yaml"))["qr_url"]
    for handout in yaml.safe_load(site.read("handouts.yaml"))["handouts"]:
        for lang in LANGUAGES:
            path = urlsplit(pattern.format(id=handout, lang=lang)).path.strip("/")
            assert site.path(f"output/riverside/{path}/index.html").is_file(), path


def test_a_page_has_language_direction_landmarks_and_real_structure(
        site: ProjectCopy) -> None:
    for lang in LANGUAGES:
        page = Page(handout_page(site, "riverside", "going-home", lang))
        html = page.all("html")[0]
        assert html["lang"] == lang and html["dir"] == ("rtl" if lang in ("ar", "fa") else "ltr")
        assert [t for t, _ in page.tags if t in ("header", "main", "footer")] == [
            "header", "main", "footer"]
        headings = [int(t[1]) for t, _ in page.tags if re.fullmatch(r"h\d", t)]
        assert headings[0] == 1 and headings.count(1) == 1
        assert all(b <= a + 1 for a, b in zip(headings, headings[1:]))
        boxes = [a["id"] for t, a in page.tags if t == "input" and a["type"] == "checkbox"]
        labels = {a.get("for") for a in page.all("label")}
        assert boxes and set(boxes) <= labels  # every tick box has its label
        assert all(a.get("alt") for a in page.all("img"))
        assert not page.all("script") and not page.all("link")


def test_a_box_is_a_region_named_by_its_word_and_icon(site: ProjectCopy) -> None:
    text = handout_page(site, "riverside", "going-home", "en").read_text(encoding="utf-8")
    box = re.search(r'<section class="box tone-emergency" aria-labelledby="([^"]+)">\s*'
                    r'<p class="box-label" id="([^"]+)"><svg[^>]*aria-hidden="true"[^>]*>'
                    r'.*?</svg><span>Emergency</span></p>\s*<p class="box-call">Call 999 now',
                    text, re.S)
    assert box and box.group(1) == box.group(2)
    assert len(re.findall(r'class="box tone-', text)) == 2  # emergency, call today
    assert {f"tone-{tone}" for tone in Tone if tone.words} <= set(
        re.findall(r"\.(tone-\w+) \{", text))  # every tone has its colours


def test_the_page_is_self_contained(site: ProjectCopy) -> None:
    """Nothing to fetch: the style inline, the logo and images as data."""
    for path in site.path("output/riverside/h").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        sources = re.findall(r'(?:src|href)="([^"]+)"', text)
        assert all(s.startswith("data:") or not re.match(r"[a-z]+:", s) for s in sources)


def test_a_handout_with_bands_lists_them_at_its_address(site: ProjectCopy) -> None:
    index = handout_page(site, "riverside", "newborn-tremor", "es").read_text(
        encoding="utf-8")
    assert "Elija la página para la edad de su bebé:" in index
    for band in ("under-1-month", "1-to-3-months", "3-to-12-months"):
        assert f'href="{band}.html"' in index
        assert handout_page(site, "riverside", "newborn-tremor", "es", band).is_file()
        assert f'href="../../../es/newborn-tremor--{band}.pdf"' in index
    assert site.path("output/riverside/es/newborn-tremor--under-1-month.pdf").is_file()


def test_each_language_has_an_index_of_its_handouts(site: ProjectCopy) -> None:
    index = site.path("output/harbour/ar/index.html").read_text(encoding="utf-8")
    assert 'lang="ar" dir="rtl"' in index and "نشرات للمرضى" in index
    links = re.findall(r'href="([^"]+)"', index)
    assert "../h/going-home/ar/index.html" in links
    assert "going-home.pdf" in links
    for link in links:
        assert (site.path("output/harbour/ar") / link).resolve().is_file(), link


def test_html_only_build_refuses_pdf_options(project: ProjectCopy) -> None:
    result = project.run("build", "--format", "html", "--grayscale")
    assert result.exit_code == 2
    assert "--grayscale, --fillable and --imposition are for PDFs" in result.output


def test_a_web_address_outside_the_brand_folder_is_refused(project: ProjectCopy) -> None:
    project.edit("data/brands/riverside.yaml",
                 "qr_url: https://riverside-clinic.example/h/{id}/{lang}",
                 "qr_url: https://riverside-clinic.example/../../{id}/{lang}")
    result = project.run("build", "going-home", "--format", "html", "--brand", "riverside")
    assert result.exit_code == 1
    assert "riverside.yaml" in result.output and "outside the brand's folder" in result.output
    assert not project.path("output").exists() or not any(project.path("output").rglob("*"))


# One handout of each kind, in a left-to-right and a right-to-left language, and the
# pages around them.
PAGES = [("going-home", None), ("newborn-tremor", "under-1-month"),
         ("infant-massage", "6-weeks-to-3-months")]


@pytest.mark.parametrize("lang", ["en", "ar", "fa", "hi", "th"])
def test_axe_finds_no_wcag_21_aa_violation(site: ProjectCopy, browser: object,
                                           lang: str) -> None:
    paths = [handout_page(site, "riverside", handout, lang, band) for handout, band in PAGES]
    paths += [handout_page(site, "harbour", "newborn-tremor", lang),
              site.path(f"output/harbour/{lang}/index.html")]
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        for path in paths:
            page.goto(path.as_uri())
            violations = axe_violations(page)
            assert not violations, f"{path}:\n{describe(violations)}"
    finally:
        page.close()


def test_the_arabic_page_reads_right_to_left_in_the_browser(site: ProjectCopy,
                                                           browser: object) -> None:
    page = browser.new_page(viewport={"width": 900, "height": 1200})  # type: ignore[attr-defined]
    try:
        page.goto(handout_page(site, "riverside", "going-home", "ar").as_uri())
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        title = page.locator("h1").bounding_box()
        assert title is not None and title["x"] + title["width"] > 700  # from the right
        page.locator("input[type=checkbox]").first.check()  # a real check box
        assert page.locator("input[type=checkbox]").first.is_checked()
    finally:
        page.close()


def test_the_checker_does_find_violations(site: ProjectCopy, browser: object,
                                          tmp_path: Path) -> None:
    """The harness sees a page's faults: the same page without its language and with a
    tick box that lost its label."""
    text = handout_page(site, "riverside", "going-home", "en").read_text(encoding="utf-8")
    broken = tmp_path / "broken.html"
    broken.write_text(text.replace('<html lang="en" dir="ltr">', "<html>")
                      .replace('<label for="tick-', '<label data-for="tick-', 1),
                      encoding="utf-8")
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(broken.as_uri())
        assert {v["id"] for v in axe_violations(page)} >= {"html-has-lang", "label"}
    finally:
        page.close()


def test_latin_parts_of_arabic_read_as_one_unit(site: ProjectCopy) -> None:
    """"38 °C" and a phone number inside Arabic are isolated, as in the PDF, so the
    browser does not print "C° 38"."""
    text = handout_page(site, "riverside", "newborn-tremor", "ar", "under-1-month"
                        ).read_text(encoding="utf-8")
    assert "\u206638\u00a0°C\u2069" in text or "\u206638 °C\u2069" in text
    assert "\u2066020 7946 0123\u2069" in text
    assert "\u2066" not in handout_page(site, "riverside", "going-home", "en").read_text(
        encoding="utf-8")
