"""The print desk (`handouts serve`): a ward clerk prints a pack for one child from a
browser. Server rules are tested through Flask's test client; the desk itself in a real
Chromium against the real server (waitress) on loopback."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from browser import axe_violations, describe
from conftest import ProjectCopy, copy_example
from desk_load import load, running_desk

from handouts.project.loader import load_project
from handouts.serve.app import create_app
from handouts.serve.security import Access, SecurityError

NAME = "Amira Haddad"


@pytest.fixture(scope="module")
def desk_project(tmp_path_factory: pytest.TempPathFactory) -> ProjectCopy:
    copy = copy_example(tmp_path_factory.mktemp("desk"))
    copy.only_locales("en", "es", "ar", "fa")  # the preview builds each output once
    return copy


@pytest.fixture
def client(desk_project: ProjectCopy) -> Any:
    app = create_app(load_project(desk_project.root))
    return app.test_client()


def token(client: Any) -> str:
    page = client.get("/").get_data(as_text=True)
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found
    return found.group(1)


def form(client: Any, **fields: str) -> dict[str, str]:
    return {"csrf_token": token(client), "what": "pack:newborn-discharge",
            "brand": "riverside", "lang": "en", "born": "2026-11-14", "weeks": "",
            "name": NAME, **fields}


def pdf_text(data: bytes) -> list[str]:
    """Each page's text as PDFium reads it (Arabic in reading order)."""
    document = pdfium.PdfDocument(data)
    return [" ".join(page.get_textpage().get_text_range().split()) for page in document]


# -- without a browser


def test_serving_beyond_this_computer_needs_a_password(desk_project: ProjectCopy,
                                                       tmp_path: Path) -> None:
    result = desk_project.run("serve", "--host", "0.0.0.0")
    assert result.exit_code == 2
    assert "--password-file" in result.output
    short = tmp_path / "password.txt"
    short.write_text("abc\n", encoding="utf-8")
    with pytest.raises(SecurityError, match="shorter than 8"):
        Access.for_host("0.0.0.0", short)
    assert Access.for_host("127.0.0.1", None).allows(None)
    assert Access.for_host("::1", None).allows(None)


def test_a_password_file_that_cannot_be_read_is_one_clear_error(
        desk_project: ProjectCopy, tmp_path: Path) -> None:
    binary = tmp_path / "password.txt"
    binary.write_bytes(b"\xff\xfe\xfa")
    result = desk_project.run("serve", "--host", "0.0.0.0", "--password-file", str(binary))
    assert result.exit_code == 2
    assert "cannot read the password in" in result.output and "not UTF-8" in result.output


def test_a_taken_port_is_one_clear_error(desk_project: ProjectCopy,
                                         server: tuple[str, Path]) -> None:
    port = server[0].rsplit(":", 1)[1]
    result = desk_project.run("serve", "--port", port)
    assert result.exit_code == 2
    assert f"cannot serve on 127.0.0.1 port {port}" in result.output
    assert "Print desk:" not in result.output  # nothing said about a desk that is not there


def test_a_password_is_asked_and_compared(desk_project: ProjectCopy, tmp_path: Path) -> None:
    secret = tmp_path / "password.txt"
    secret.write_text("ward-7-desk\n", encoding="utf-8")
    app = create_app(load_project(desk_project.root), Access.for_host("0.0.0.0", secret))
    client = app.test_client()
    assert client.get("/").status_code == 401
    assert client.get("/", auth=("desk", "wrong-password")).status_code == 401
    assert client.get("/", auth=("desk", "ward-7-desk")).status_code == 200


def test_a_form_without_its_token_is_refused(client: Any) -> None:
    fields = form(client)
    del fields["csrf_token"]
    response = client.post("/pdf", data=fields)
    assert response.status_code == 400
    assert "did not come from this desk" in response.get_data(as_text=True)
    assert response.mimetype == "text/html"


def test_unknown_ids_are_404_and_path_like_ids_are_refused(client: Any) -> None:
    assert client.post("/preview", data=form(client, what="pack:no-such-pack")
                       ).status_code == 404
    assert client.post("/preview", data=form(client, brand="nowhere")).status_code == 404
    for bad in ("pack:../../etc/passwd", "handout:/etc/passwd", "pack:a/b", "pack:A"):
        response = client.post("/preview", data=form(client, what=bad))
        assert response.status_code == 422
        assert "choose a pack or a handout from the list" in response.get_data(as_text=True)


def test_requests_and_fields_are_limited(client: Any) -> None:
    assert client.post("/preview", data=form(client, name="x" * 20_000)).status_code == 413
    response = client.post("/preview", data=form(client, name="x" * 81))
    assert response.status_code == 422
    assert "longer than 80 characters" in response.get_data(as_text=True)


def test_mistakes_show_in_plain_words(client: Any) -> None:
    future = client.post("/preview", data=form(client, born="2099-01-01"))
    assert future.status_code == 422
    text = future.get_data(as_text=True)
    assert "This cannot be printed yet:" in text and "is in the future" in text
    direct = client.post("/pdf", data=form(client, born="2099-01-01"))
    assert direct.status_code == 422 and "is in the future" in direct.get_data(as_text=True)
    old = client.post("/preview", data=form(
        client, what="handout:infant-massage", born="2015-01-01"))
    assert old.status_code == 422
    assert "no age band of handout 'infant-massage' fits age 11 years" in html.unescape(
        old.get_data(as_text=True))
    assert "Traceback" not in old.get_data(as_text=True)


def test_responses_are_never_stored_and_allow_no_script(client: Any) -> None:
    page = client.get("/")
    assert page.headers["Cache-Control"] == "no-store"
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    printed = client.post("/pdf", data=form(client))
    assert printed.mimetype == "application/pdf"
    assert printed.headers["Cache-Control"] == "no-store"
    assert NAME not in printed.headers["Content-Disposition"]


def test_the_pdf_has_the_name_on_the_cover_and_the_bands_for_the_age(client: Any) -> None:
    preview = client.post("/preview", data=form(client, born="2026-11-14")).get_data(
        as_text=True)
    assert "Newborn tremor: when to worry \u2013 Babies under 1 month" in preview
    assert preview.count('<img src="data:image/png') >= 10
    pages = pdf_text(client.post("/pdf", data=form(client, born="2026-11-14")).data)
    assert NAME in pages[0]
    # Elsewhere only on the name line of the checklists.
    assert all(re.search(r"Child.s name", page) for page in pages[1:] if NAME in page)


@pytest.fixture(scope="module")
def server(desk_project: ProjectCopy) -> Iterator[tuple[str, Path]]:
    """The real desk, as a ward PC runs it (``handouts serve`` on loopback), everything
    it prints kept in a log file."""
    log = desk_project.path("serve.log")
    with log.open("w", encoding="utf-8") as output, \
            running_desk(desk_project.root, output) as address:
        yield address, log


def test_a_bounded_load_on_loopback(server: tuple[str, Path]) -> None:
    """12 packs printed by 4 clients at once: no error (the benchmark script prints 200
    and writes the latencies to benchmarks/RESULTS.md)."""
    address, log = server
    result = load(address, 12, 4)
    assert result.errors == 0 and len(result.seconds) == 12
    assert result.p50 > 0
    assert NAME not in log.read_text(encoding="utf-8")


# -- in a browser


def fill_desk(page: Any, address: str, lang: str) -> None:
    page.goto(f"{address}/?lang={lang}")
    page.select_option("#what", "pack:newborn-discharge")
    page.select_option("#brand", "harbour")
    page.select_option("#lang", lang)
    page.fill("#born", "2026-11-14")
    page.fill("#name", NAME)
    page.click("form[action='/preview'] button[type=submit]")
    page.wait_for_load_state()


@pytest.mark.parametrize(("lang", "band"), [("es", "Bebés menores de 1 mes"),
                                            ("ar", "الرضع بعمر أقل من شهر")])
def test_a_nurse_prints_a_pack_in_her_patients_language(
        server: tuple[str, Path], browser: Any, lang: str, band: str) -> None:
    address, log = server
    page = browser.new_page()
    try:
        fill_desk(page, address, lang)
        assert page.url == f"{address}/preview"  # nothing personal in the address
        assert NAME not in page.url and "2026" not in page.url
        assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
        assert page.locator(".pages img").count() >= 10
        fields = {field.get_attribute("name"): field.get_attribute("value") or ""
                  for field in page.locator("form[action='/pdf'] input").all()}
        response = page.request.post(f"{address}/pdf", form=fields)
        assert response.status == 200
        pages = pdf_text(response.body())
        # Both words: PDFium reads a Latin name inside Arabic in visual word order (the
        # tagged PDF's tree gives it in reading order; test_tagged_pdf checks that).
        assert all(word in pages[0] for word in NAME.split())
        assert any(band in text for text in pages)  # the tremor sheet for a 2-week-old
    finally:
        page.close()
    assert NAME not in log.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_axe_finds_no_wcag_21_aa_violation_on_the_desk(
        server: tuple[str, Path], browser: Any, lang: str) -> None:
    address, _ = server
    page = browser.new_page(bypass_csp=True)  # the desk's policy allows no script: axe's
    try:
        page.goto(f"{address}/?lang={lang}")
        assert not (found := axe_violations(page)), describe(found)
        fill_desk(page, address, lang)  # the preview, with the pages as pictures
        assert not (found := axe_violations(page)), describe(found)
    finally:
        page.close()


# -- the authors' live preview


def test_the_preview_lists_every_output_with_its_state(tmp_path: Path) -> None:
    from handouts.pipeline.preview import Previews

    project = copy_example(tmp_path)
    project.only_locales("en")
    project.edit("data/handouts/jaundice.yaml", "status: sample", "status: draft")
    app = create_app(load_project(project.root), previews=Previews(project.root))
    client = app.test_client()
    index = client.get("/preview/").get_data(as_text=True)
    assert index.count("<tr") == 1 + 34  # a header, 17 bands x 2 brands
    assert "2 pages" in index and "review by" in index.lower()
    page = client.get("/preview/h/newborn-tremor?brand=harbour&lang=en&band=1-to-3-months")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and text.count('<img src="data:image/png') == 2
    assert page.headers["Content-Security-Policy"].endswith("connect-src 'self'")
    assert client.get("/preview/pdf/newborn-tremor?brand=harbour&lang=en&band=1-to-3-months"
                      ).data.startswith(b"%PDF-")
    assert "<h1>Newborn tremor" in client.get(
        "/preview/html/newborn-tremor?brand=harbour&lang=en&band=1-to-3-months"
    ).get_data(as_text=True)
    assert client.get("/preview/h/no-such-handout").status_code == 404
    assert client.get("/preview/h/going-home?brand=riverside&lang=xx").status_code == 404


def test_an_author_page_reloads_itself_and_shows_a_broken_file(
        server: tuple[str, Path], desk_project: ProjectCopy, browser: Any) -> None:
    address, _ = server
    page = browser.new_page(bypass_csp=True)  # for axe's script; the page's own runs anyway
    handout = desk_project.path("data/handouts/going-home.yaml")
    original = handout.read_text(encoding="utf-8")
    try:
        page.goto(f"{address}/preview/h/going-home?brand=riverside&lang=en")
        assert page.locator(".pages img").count() == 2
        handout.write_text(original.replace("kind: checklist", "kind: checklst"),
                           encoding="utf-8")
        page.wait_for_selector("text=A file has a mistake", timeout=20_000)
        assert "data/handouts/going-home.yaml:3" in page.locator(".problems").inner_text()
        assert not (found := axe_violations(page)), describe(found)
        handout.write_text(original, encoding="utf-8")
        page.wait_for_selector(".pages img", timeout=30_000)
        assert page.locator("h1").inner_text() == "going-home"
        assert not (found := axe_violations(page)), describe(found)
    finally:
        handout.write_text(original, encoding="utf-8")
        page.close()


def test_axe_finds_no_wcag_21_aa_violation_on_the_preview_index(
        server: tuple[str, Path], browser: Any) -> None:
    address, _ = server
    page = browser.new_page(bypass_csp=True)  # for axe's script
    try:
        page.goto(f"{address}/preview/", timeout=120_000)  # builds every output once
        assert page.locator("tbody tr").count() == 136
        assert not (found := axe_violations(page)), describe(found)
    finally:
        page.close()
