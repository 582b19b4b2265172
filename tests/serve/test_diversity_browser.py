"""The outlet diversity page and the workbench in a real browser: Debian's chromium
driven by Playwright against a uvicorn server on loopback (demo corpus, planted
articles, one posted with its URL). Screenshots go to the test's tmp dir."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest
from conftest import DEMO, run_cli
from serving import POSTED, running, watch
from store.test_diversity import write_planted

from wortlaut.serve import create_app

CHROMIUM = Path("/usr/bin/chromium")
TOKEN = "browser-token-9012"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    directory = tmp_path_factory.mktemp("diversity-browser")
    db = directory / "d.db"
    result = run_cli("ingest", str(DEMO), str(write_planted(directory / "planted")), db=db)
    assert result.returncode == 0, result.stderr
    with running(create_app(db, token=TOKEN)) as url:
        r = httpx.post(f"{url}/api/articles", json=POSTED, headers={"authorization": f"Bearer {TOKEN}"}, timeout=120)
        assert r.status_code == 201, r.text
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM))
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base, tmp_path):
    """A page whose problems fail the test: script errors, CSP reports, error
    responses and requests leaving loopback."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page = context.new_page()
    problems: list[str] = []
    watch(page, problems, downloads=True)
    page.base = base
    page.shots = tmp_path
    yield page
    context.close()
    assert not problems, problems


def test_outlet_page_charts_and_period_switch(page) -> None:
    page.goto(page.base + "/outlets/Nordhessen%20Testblatt")
    assert page.locator("#anonymous-share").inner_text() == "40 %"
    assert page.locator("#hhi").inner_text() == "0.280"
    chart = page.locator("#kinds-chart svg")
    assert chart.is_visible() and chart.bounding_box()["width"] > 300
    columns = page.locator("#kinds-chart g.column")
    assert columns.count() == 2
    # the May column: person 1, organisation 1, unnamed 2 of 4, stacked full height
    heights = [float(h) for h in columns.first.locator("rect").evaluate_all("rs => rs.map(r => r.getAttribute('height'))")]
    assert len(heights) == 3 and sum(heights) == pytest.approx(160)
    fill = page.locator("#kinds-chart rect.k-unnamed").first.evaluate("e => getComputedStyle(e).fill")
    assert fill not in ("", "none", "rgb(0, 0, 0)")  # styled by the bundled stylesheet
    assert page.locator("#anonymous-chart circle").count() == 2
    assert page.locator("#roles-chart text", has_text="Bürgermeisterin · 2").is_visible()
    page.screenshot(path=page.shots / "outlet-month.png", full_page=True)
    page.select_option("select[name=period]", "year")
    page.locator(".period-form button").click()
    page.wait_for_url(re.compile(r"period=year"))
    labels = page.locator("#kinds-chart text").all_text_contents()
    assert labels == ["2024", "2025"]
    page.screenshot(path=page.shots / "outlet-year.png", full_page=True)
    assert (page.shots / "outlet-month.png").stat().st_size > 10_000


def test_search_filters_and_downloads(page) -> None:
    page.goto(page.base + "/search")
    form = page.locator("#search-filters")
    form.locator("input[name=q]").fill("Ersatzbussen")
    form.locator("select[name=scope]").select_option("articles")
    form.locator("select[name=language]").select_option("de")
    form.locator("input[name=date_from]").fill("2024-01")
    form.locator("button").click()
    page.wait_for_url(re.compile(r"scope=articles"))
    query = unquote(page.url)
    assert "language=de" in query and "date_from=2024-01" in query
    total = int(page.locator("#total").inner_text())
    assert total == page.locator(".quote-card").count() > 0
    page.screenshot(path=page.shots / "search-filtered.png", full_page=True)
    with page.expect_download() as info:
        page.locator("#download-csv").click()
    saved = page.shots / info.value.suggested_filename
    info.value.save_as(saved)
    rows = list(csv.DictReader(saved.open(encoding="utf-8")))
    assert saved.name == "quotes.csv" and len(rows) == total
    assert {r["language"] for r in rows} == {"de"} and all(r["date"] >= "2024-01" for r in rows)
    with page.expect_download() as info:
        page.locator("#download-json").click()
    items = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == [int(r["id"]) for r in rows]


def test_copy_citation_and_permalink(page) -> None:
    page.goto(page.base + "/search?q=" + "Monate vor dem Plan")
    card = page.locator(".quote-card").first
    assert card.locator("a.original").get_attribute("href") == POSTED["url"]
    assert card.locator(".badge.by-model, .badge.by-rules").count() == 1
    button = card.locator("button.copy-citation")
    button.click()
    page.wait_for_function("document.querySelector('button.copy-citation').textContent === 'Copied'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == ("„Wir sind drei Monate vor dem Plan“, sagte Anna Berger (Bürgermeisterin), "
                      f"Kasseler Abendblatt, 12.03.2024, {POSTED['url']}")
    card.locator("a.permalink").click()
    page.wait_for_url(re.compile(r"/quotes/\d+$"))
    assert page.locator("#citation").inner_text() == copied
    page.screenshot(path=page.shots / "permalink.png", full_page=True)


def test_new_pages_fit_a_phone_screen(browser, base, tmp_path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        for name, path in [("outlet", "/outlets/Nordhessen%20Testblatt"), ("diversity", "/diversity"),
                           ("search", "/search?q=Plan&scope=articles"), ("quote", "/quotes/1")]:
            page.goto(base + path)
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
            page.screenshot(path=tmp_path / f"mobile-{name}.png", full_page=True)
    finally:
        context.close()
