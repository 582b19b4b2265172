"""The statement pages in a real browser: Debian's chromium driven by Playwright
against a uvicorn server on loopback over the statements corpus. Screenshots
are saved in the test's temporary directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from serving import running, watch

from wortlaut.serve import create_app

CHROMIUM = Path("/usr/bin/chromium")
CORPUS = ROOT / "tests" / "fixtures" / "statements"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    db = tmp_path_factory.mktemp("statements-browser") / "s.db"
    result = run_cli("ingest", str(CORPUS), db=db)
    assert result.returncode == 0, result.stderr
    with running(create_app(db)) as url:
        yield url


@pytest.fixture
def page(base):
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM))
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        watch(page, problems)
        page.base = base
        yield page
        browser.close()
    assert not problems, problems


def test_statement_page_shows_the_diff_and_explains_the_flag(page, tmp_path):
    page.goto(page.base + "/statements?flagged=true")
    cards = page.locator(".statement-card")
    assert cards.count() == 7
    page.locator(".statement-card", has_text="Notaufnahme").locator("blockquote a").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Statement"
    assert "Mainufer Tagesblatt" in page.locator(".first-seen").inner_text()
    appearances = page.locator(".appearance")
    assert appearances.count() == 3
    swapped = appearances.nth(1)
    assert swapped.locator("del").all_inner_texts() == ["könnte"]
    assert swapped.locator("ins").all_inner_texts() == ["wird"]
    assert "modal changed: könnte → wird" in swapped.inner_text()
    # deleted words are struck through, inserted ones are not
    assert "line-through" in swapped.locator("del").evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "line-through" not in swapped.locator("ins").evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "possibility may now read as a certainty" in page.locator(".flags").inner_text()
    shot = tmp_path / "statement.png"
    page.screenshot(path=shot, full_page=True)
    assert shot.stat().st_size > 10_000


def test_filters_narrow_the_list_and_quote_cards_lead_to_the_statement(page, tmp_path):
    page.goto(page.base + "/statements")
    page.select_option("select[name=language]", "en")
    page.check("input[name=flagged]")
    page.click(".statement-filters button[type=submit]")
    page.wait_for_load_state("networkidle")
    texts = page.locator(".statement-card blockquote").all_inner_texts()
    assert len(texts) == 3 and all(t.startswith('"') for t in texts)
    page.screenshot(path=tmp_path / "statements.png", full_page=True)

    page.goto(page.base + "/search?q=library")
    page.locator(".quote-card", has_text="won't sell").get_by_text("in other outlets").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".appearance").count() == 3
    dropped = page.locator(".appearance.flagged")
    assert dropped.count() == 1 and dropped.locator("del").all_inner_texts() == ["not"]
    assert "negation dropped: not" in dropped.inner_text()
