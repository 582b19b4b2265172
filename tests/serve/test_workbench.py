"""The journalist's workbench over HTTP, on SQLite and PostgreSQL: search in article
text, date and language filters, CSV/JSON downloads, quote permalinks and
citations, the model-or-rules mark, and merge/split corrections behind the token."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

import httpx
import pytest
from conftest import DEMO, run_cli
from serving import POSTED, running
from store.conftest import pg_databases  # noqa: F401  (the PostgreSQL variant's fixture)

from wortlaut.model import fold
from wortlaut.serve import create_app
from wortlaut.serve.workbench import QUOTE_COLUMNS
from wortlaut.store import open_store

TOKEN = "workbench-token-5678"


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def db(request, tmp_path_factory) -> str:
    if request.param == "sqlite":
        target = str(tmp_path_factory.mktemp("workbench") / "w.db")
    else:
        target = request.getfixturevalue("pg_databases")()
    result = run_cli("ingest", str(DEMO), db=target)
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture(scope="module")
def web(db):
    with running(create_app(db, token=TOKEN)) as base, httpx.Client(
        base_url=base, timeout=120, headers={"accept": "text/html"}
    ) as client:
        r = client.post("/api/articles", json=POSTED, headers={"authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 201, r.text
        yield client


def download(web, path: str, **params) -> list[dict]:
    r = web.get(path, params={**params, "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    return list(csv.DictReader(io.StringIO(r.text)))


def test_search_in_article_text(web, db) -> None:
    word = "Erliegen"  # in the rail strike article's narration, in none of its quotes
    with open_store(db) as store:
        in_text = [a for a in store.articles() if fold(word) in fold(store.article(a["id"])["text"])]
        expected = sum(len(store.article(a["id"])["quotes"]) for a in in_text)
        in_quotes = [q for q in store.quotes() if fold(word) in fold(q["text"])]
    assert in_text and expected and not in_quotes
    assert not download(web, "/search", q=word)
    rows = download(web, "/search", q=word, scope="articles")
    assert len(rows) == expected and {r["article_id"] for r in rows} == {a["id"] for a in in_text}
    page = web.get("/search", params={"q": word, "scope": "articles"}).text
    assert f'<strong id="total">{expected}</strong>' in page
    assert '<option value="articles" selected>' in page


def test_date_and_language_filters(web, db) -> None:
    with open_store(db) as store:
        articles = store.articles()
    english = {a["id"] for a in articles if a["language"] == "en"}
    rows = download(web, "/search", language="en")
    assert rows and {r["article_id"] for r in rows} == english and {r["language"] for r in rows} == {"en"}
    spring = {a["id"] for a in articles if a["date"] and "2024-03" <= a["date"][:7] <= "2024-05"}
    rows = download(web, "/search", date_from="2024-03", date_to="2024-05")
    assert {r["article_id"] for r in rows} == {a for a in spring if any(x["id"] == a and x["quotes"] for x in articles)}
    assert all("2024-03" <= r["date"][:7] <= "2024-05" for r in rows)
    page = web.get("/search", params={"language": "en", "date_from": "2024"}).text
    assert '<option value="en" selected>' in page and 'name="date_from" value="2024"' in page
    assert web.get("/search", params={"date_from": "März"}).status_code == 422


def test_downloads_hold_the_whole_list(web, db) -> None:
    with open_store(db) as store:
        total = store.counts()["quotes"]
        sources = store.source_page(limit=500)[0]
    rows = download(web, "/search")
    assert len(rows) == total > 50  # every page, not the first
    assert list(rows[0]) == list(QUOTE_COLUMNS)
    as_json = web.get("/search", params={"format": "json"}).json()
    assert [q["id"] for q in as_json] == [int(r["id"]) for r in rows]
    listed = web.get("/sources", params={"format": "json", "kind": "person"}).json()
    assert [s["id"] for s in listed] == [s["id"] for s in sources if s["kind"] == "person"]
    assert len(download(web, "/sources")) == len(sources)
    page = web.get("/search", params={"outlet": "Elbufer Rundschau"}).text
    assert 'id="download-csv" href="/search?outlet=Elbufer+Rundschau&amp;format=csv"' in page


def test_quote_card_links_citation_and_mark(web, db) -> None:
    page = web.get("/search", params={"q": "Monate vor dem Plan"}).text
    card = page.split('class="quote-card"')[1].split("</article>")[0]
    assert f'href="{POSTED["url"]}"' in card  # the original
    quote_id = re.search(r'href="/quotes/(\d+)"', card).group(1)
    citation = unescape(re.search(r'data-citation="([^"]*)"', card).group(1))
    assert citation == ("„Wir sind drei Monate vor dem Plan“, sagte Anna Berger (Bürgermeisterin), "
                        f"Kasseler Abendblatt, 12.03.2024, {POSTED['url']}")
    with open_store(db) as store:
        analysed_by = store.article(download(web, "/search", q="Monate vor dem Plan")[0]["article_id"])["analysed_by"]
    mark = "rules" if analysed_by.startswith("rules") else "model"
    assert f'class="badge by-{mark}" title="Found by {analysed_by}"' in card
    permalink = web.get(f"/quotes/{quote_id}")
    assert permalink.status_code == 200 and unescape(permalink.text).count(citation) == 2  # button and text
    assert web.get("/quotes/999999").status_code == 404
    # every demo card says what found its quotes
    cards = web.get("/search").text.split('class="quote-card"')[1:]
    assert cards and all(re.search(r'class="badge by-(model|rules)"', c) for c in cards)


def test_corrections_need_the_token(web, db) -> None:
    with open_store(db) as store:
        berger = next(s for s in store.find_sources("Anna Berger") if s["name"] == "Anna Berger")
        other = next(s for s in store.source_page(kind="person", limit=500)[0] if s["id"] != berger["id"])
    page = web.get(f"/sources/{berger['id']}").text
    assert 'id="merge-form"' in page and 'id="split-form"' in page
    url = f"/sources/{berger['id']}/corrections"
    wrong = web.post(url, data={"action": "merge", "other": other["id"], "token": "nope"})
    assert wrong.status_code == 401
    assert web.post(url, data={"action": "merge", "other": "no-such-id", "token": TOKEN}).status_code == 422
    with open_store(db) as store:
        assert store.source_profile(berger["id"])["quote_count"] == berger["quote_count"]  # nothing changed
    merged = web.post(url, data={"action": "merge", "other": other["id"], "token": TOKEN}, follow_redirects=False)
    assert merged.status_code == 303 and merged.headers["location"] == f"/sources/{berger['id']}"
    with open_store(db) as store:
        profile = store.source_profile(berger["id"])
        assert profile["quote_count"] == berger["quote_count"] + other["quote_count"]
        article = next(e["article_id"] for e in profile["evidence"] if e["name"] == other["name"])
    split = web.post(url, data={"action": "split", "other": article, "token": TOKEN}, follow_redirects=False)
    assert split.status_code == 303
    with open_store(db) as store:
        assert article not in {e["article_id"] for e in store.source_profile(berger["id"])["evidence"]}


def test_corrections_disabled_without_token(db) -> None:
    with running(create_app(db)) as base, httpx.Client(base_url=base, timeout=60, headers={"accept": "text/html"}) as web:
        with open_store(db) as store:
            source = store.source_page(limit=1)[0][0]
        assert 'id="merge-form"' not in web.get(f"/sources/{source['id']}").text
        r = web.post(f"/sources/{source['id']}/corrections", data={"action": "merge", "other": "x", "token": ""})
        assert r.status_code == 403


def test_api_quotes_in_article_text(web) -> None:
    word = "Erliegen"
    assert web.get("/api/quotes", params={"q": word}).json()["items"] == []
    items = web.get("/api/quotes", params={"q": word, "scope": "articles", "limit": 500}).json()["items"]
    assert items and len({q["article_id"] for q in items}) == 1
    assert all("url" in q and "analysed_by" in q for q in items)
    assert web.get("/api/quotes", params={"scope": "everything"}).status_code == 422


def test_sources_narrowed_by_language_and_dates(web, db) -> None:
    with open_store(db) as store:
        english = {a["id"] for a in store.articles() if a["language"] == "en"}
        quoted_in_english = {q["source"]["id"] for q in store.quotes() if q["article_id"] in english and q["source"]}
    listed = web.get("/sources", params={"format": "json", "language": "en"}).json()
    assert listed and {s["id"] for s in listed} == quoted_in_english
    assert all(s["quote_count"] >= 1 for s in listed)
    spring = web.get("/sources", params={"format": "json", "date_from": "2024-03", "date_to": "2024-03"}).json()
    assert spring and all(s["first_seen"][:7] == s["last_seen"][:7] == "2024-03" for s in spring)
    page = web.get("/sources", params={"language": "en", "sort": "name"}).text
    assert '<option value="en" selected>' in page
    assert "language=en" in page.split('id="download-csv"')[1].split(">")[0]
