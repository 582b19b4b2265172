"""The pages in a real browser: Debian's chromium driven by Playwright against a
uvicorn server on loopback over the demo corpus. Screenshots go to
build/test-output/browser/ for people to look at."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from serving import XSS_ARTICLE, demo_db, running, watch

from wortlaut.model import fold
from wortlaut.serve import create_app

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "build" / "test-output" / "browser"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    directory = tmp_path_factory.mktemp("browser")
    xss = directory / "xss.txt"
    xss.write_text(XSS_ARTICLE, encoding="utf-8")
    with running(create_app(demo_db(directory, xss))) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM))
        yield chromium
        chromium.close()


class Watched:
    """A page and everything that went wrong on it: dialogs, failed or
    refused requests, requests leaving loopback, console errors (CSP reports)."""

    def __init__(self, browser, base: str, viewport: dict) -> None:
        self.context = browser.new_context(viewport=viewport)
        self.page = self.context.new_page()
        self.base = base
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        page = self.page

        def on_dialog(dialog):
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        watch(page, self.problems)

    def goto(self, path: str) -> None:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")

    def shot(self, name: str, full_page: bool = True) -> None:
        self.page.screenshot(path=SHOTS / f"{name}.png", full_page=full_page)

    def fits_width(self) -> bool:
        return self.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.fixture
def watched(browser, base):
    w = Watched(browser, base, DESKTOP)
    yield w
    w.context.close()
    assert not w.dialogs, w.dialogs
    assert not w.problems, w.problems


def test_home_shows_counts_latest_quotes_and_sources(watched):
    page = watched.page
    watched.goto("/")
    assert page.title() == "Who said what · wortlaut"
    counts = page.locator(".counts").inner_text()
    assert "16\narticles" in counts.replace(" ", "\n") and "outlets" in counts
    assert page.locator(".quote-card").count() == 8
    assert page.get_by_role("link", name="Anna Berger").first.is_visible()
    watched.shot("home")


def test_search_highlights_matches_and_facets_narrow(watched):
    page = watched.page
    watched.goto("/")
    page.get_by_placeholder("Search quotes, e.g.").fill("Hafen")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=Hafen$"))
    marks = page.locator(".results mark").all_inner_texts()
    assert marks and all(fold(m).startswith("hafen") for m in marks)
    assert "Hafenbecken" in marks  # prefix search: a longer word matches too
    total = int(page.locator("#total").inner_text())
    assert total == page.locator(".quote-card").count() >= 5
    page.locator(".facet a", has_text="Anna Berger").click()
    page.wait_for_url(re.compile(r"source="))
    assert page.locator(".filter").inner_text().startswith("source: Anna Berger")
    chips = page.locator(".quote-card .chip").all_inner_texts()
    assert chips and set(chips) == {"Anna Berger"}
    watched.shot("search")


def test_search_folds_sz_and_highlights_the_original_word(watched):
    watched.goto("/search?q=GROSSE")
    marks = watched.page.locator(".results mark").all_inner_texts()
    assert "großer" in marks and "Größe" in marks


def test_source_profile_from_a_search_result(watched):
    page = watched.page
    watched.goto("/search?q=modernisieren")
    page.locator(".quote-card .chip", has_text="Anna Berger").first.click()
    page.wait_for_url(re.compile(r"/sources/\w+$"))
    assert page.locator("h1").inner_text().strip() == "Anna Berger"
    roles = page.locator("table.dated").inner_text()
    assert "Bürgermeisterin\trole\t2024-03" in roles
    bars = page.locator(".chart rect.bar")
    assert bars.count() == 12 and bars.last.get_attribute("height") != "0"
    assert page.locator(".quote-card").count() == 4
    assert page.locator(".side-col .chip", has_text="Jonas Reiter").is_visible()
    watched.shot("source")


def test_article_colours_attributions_and_shows_details_on_click(watched):
    page = watched.page
    watched.goto("/outlets/Elbufer%20Rundschau")
    assert page.get_by_role("heading", name="Who gets quoted").is_visible()
    assert page.locator(".legend").inner_text().startswith("persons")
    watched.shot("outlet")
    page.locator(".articles a").first.click()
    page.wait_for_url(re.compile(r"/articles/\w+$"))
    text = page.locator("#article-text")
    quote = text.locator(".q", has_text="Wir werden den Hafen modernisieren")
    assert quote.count() == 1
    assert text.locator(".cue", has_text="sagte").first.evaluate(
        "e => getComputedStyle(e).textDecorationLine") == "underline"
    # Different speakers side by side get different colours.
    berger = quote.evaluate("e => getComputedStyle(e).backgroundColor")
    vogel = text.locator(".q", has_text="Fischsterben").evaluate("e => getComputedStyle(e).backgroundColor")
    assert berger != vogel
    furniture = page.locator(".furniture")
    assert "Streit um Windpark vor Rügen" in furniture.inner_text()
    assert "Streit um Windpark" not in text.inner_text()
    r, g, b = map(int, re.findall(r"\d+", furniture.evaluate("e => getComputedStyle(e).color"))[:3])
    assert r == g == b and r > 120  # grey
    card = page.locator("#attribution-card")
    assert card.is_hidden()
    quote.click()
    assert card.is_visible()
    assert "Anna Berger" in card.inner_text() and "direct" in card.inner_text().lower()
    assert "Bürgermeisterin" in card.inner_text()
    watched.shot("article")


def test_markup_in_an_article_is_shown_as_text_and_never_runs(watched):
    page = watched.page
    watched.goto("/search?q=onerror")
    assert page.locator(".results blockquote").inner_text() == "„Auch <img src=x onerror=alert(1)> gehört zu den ältesten Tricks“"
    page.get_by_role("link", name="read in context").click()
    page.wait_for_load_state("networkidle")
    body = page.locator("#article-text").inner_text()
    assert "„Wer <script>alert(1)</script> in ein Formular schreibt" in body
    assert "<img src=x onerror=alert(1)>" in body
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    assert page.locator("#article-text img, #article-text script, h1 script").count() == 0
    page.locator("#article-text .q", has_text="onerror").click()
    assert "Lena Schmid" in page.locator("#attribution-card").inner_text()
    watched.shot("article-markup")
    # `watched` checks that no dialog opened


def test_api_docs_load_without_the_network(watched):
    page = watched.page
    watched.goto("/docs")
    page.locator(".opblock-summary-path", has_text="/api/quotes").first.wait_for()
    assert page.locator(".opblock").count() >= 7
    watched.shot("docs")
    # `watched` checks: no failed request, no response >= 400, nothing left 127.0.0.1


def test_pages_fit_a_phone_screen(browser, base):
    w = Watched(browser, base, MOBILE)
    try:
        for name, path in [("home", "/"), ("search", "/search?q=Hafen"), ("sources", "/sources"),
                           ("outlet", "/outlets/Elbufer%20Rundschau")]:
            w.goto(path)
            assert w.fits_width(), f"{path} is wider than the screen"
            w.shot(f"mobile-{name}")
        w.page.locator(".chip").first.click()
        w.page.wait_for_url(re.compile(r"/sources/"))
        assert w.fits_width()
        w.shot("mobile-source")
        w.goto("/search?q=modernisieren")
        w.page.get_by_role("link", name="read in context").click()
        w.page.wait_for_load_state("networkidle")
        assert w.fits_width()
        # A link to one attribution opens its card, fixed at the bottom of the screen.
        card = w.page.locator("#attribution-card")
        assert card.is_visible() and "Anna Berger" in card.inner_text()
        box = card.bounding_box()
        assert box["y"] + box["height"] <= MOBILE["height"]
        w.shot("mobile-article", full_page=False)  # the card is fixed to the screen
    finally:
        w.context.close()
    assert not w.problems and not w.dialogs, (w.problems, w.dialogs)


def test_unknown_pages_get_an_html_404(browser, base):
    w = Watched(browser, base, DESKTOP)
    try:
        response = w.page.goto(base + "/sources/nobody")
        assert response.status == 404
        assert w.page.locator("h1").inner_text() == "Not found"
    finally:
        w.context.close()
