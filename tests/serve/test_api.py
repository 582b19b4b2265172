"""The REST API over HTTP: a real uvicorn server on loopback, a database filled
by `wortlaut ingest` from the demo corpus, httpx as the client."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest

from conftest import DEMO, run_cli
from serving import XSS_ARTICLE, demo_db, running
from wortlaut.model import QUOTE_TYPES, fold
from wortlaut.serve import create_app
from wortlaut.serve.api import MAX_BODY

TOKEN = "test-token-1234"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_db(tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="module")
def api(db):
    with running(create_app(db, token=TOKEN)) as base, httpx.Client(base_url=base, timeout=60) as client:
        yield client


def all_pages(api: httpx.Client, path: str, **params) -> tuple[list[dict], int]:
    """Every item of a listing, following next_cursor; and how many pages it took."""
    items, cursor, pages = [], None, 0
    while True:
        r = api.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        assert set(body) == {"items", "next_cursor"}
        items += body["items"]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            return items, pages


def test_quotes_are_the_demo_corpus_quotes(api):
    stats = api.get("/api/stats").json()
    r = api.get("/api/quotes", params={"limit": 500})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    items = r.json()["items"]
    assert len(items) == stats["quotes"] > 200 and r.json()["next_cursor"] is None
    berger = next(q for q in items if q["text"].startswith("„Wir werden den Hafen modernisieren"))
    assert berger["source"]["name"] == "Anna Berger"
    assert "Bürgermeisterin" in berger["source"]["roles"]
    assert (berger["outlet"], berger["date"], berger["language"], berger["type"]) == (
        "Elbufer Rundschau", "2024-03", "de", "direct")
    article = api.get(f"/api/articles/{berger['article_id']}").json()
    assert article["text"][berger["start"]:berger["end"]] == berger["text"]
    # newest article first
    dates = [q["date"] for q in items if q["date"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("params", [{}, {"q": "sagte"}, {"language": "de", "type": "indirect"}])
def test_quote_pages_join_to_the_unpaged_list(api, params):
    full = api.get("/api/quotes", params={**params, "limit": 500}).json()["items"]
    paged, pages = all_pages(api, "/api/quotes", **params, limit=7)
    assert [q["id"] for q in paged] == [q["id"] for q in full]
    assert len({q["id"] for q in paged}) == len(paged) and pages == -(-len(full) // 7)


@pytest.mark.parametrize("sort", ["quotes", "recent", "name"])
def test_source_pages_join_to_the_unpaged_list(api, sort):
    full = api.get("/api/sources", params={"sort": sort, "limit": 500}).json()["items"]
    paged, _ = all_pages(api, "/api/sources", sort=sort, limit=9)
    assert paged == full and len({s["id"] for s in paged}) == len(paged) > 100
    if sort == "quotes":
        assert [s["quote_count"] for s in full] == sorted((s["quote_count"] for s in full), reverse=True)
    elif sort == "recent":
        assert [s["last_seen"] for s in full] == sorted((s["last_seen"] for s in full), reverse=True)
    else:
        assert [fold(s["name"]) for s in full] == sorted(fold(s["name"]) for s in full)


def test_full_text_search_folds_case_umlauts_and_sz(api):
    items = api.get("/api/quotes", params={"q": "GROSSE", "limit": 500}).json()["items"]
    texts = [q["text"] for q in items]
    assert any("großer" in t for t in texts) and any("Größe" in t for t in texts)
    assert all(re.search(r"\bgrosse", fold(t)) for t in texts)
    assert api.get("/api/quotes", params={"q": "sudkorea"}).json()["items"]
    assert api.get("/api/quotes", params={"q": "?!"}).json() == {"items": [], "next_cursor": None}


def test_quote_filters(api):
    def quotes(**params):
        return api.get("/api/quotes", params={**params, "limit": 500}).json()["items"]

    everything = quotes()
    berger = next(q["source"]["id"] for q in everything if q["source"] and q["source"]["name"] == "Anna Berger")
    assert {q["source"]["name"] for q in quotes(source=berger)} == {"Anna Berger"}
    assert {q["outlet"] for q in quotes(outlet="Harbour Gazette")} == {"Harbour Gazette"}
    english = quotes(language="en")
    assert english and {q["language"] for q in english} == {"en"}
    assert len(english) < len(everything)
    for kind in QUOTE_TYPES:
        assert len(quotes(type=kind)) == sum(q["type"] == kind for q in everything)
    spring = quotes(date_from="2024-03", date_to="2024-05-31")
    assert {q["date"] for q in spring} == {"2024-03", "2024-04", "2024-05"}
    assert len(spring) == sum("2024-03" <= q["date"] <= "2024-05" for q in everything)
    combined = quotes(q="hafen", outlet="Elbufer Rundschau", type="direct")
    assert combined and all(q["outlet"] == "Elbufer Rundschau" and q["type"] == "direct" for q in combined)


def test_sources_filter_by_name_and_kind(api):
    found = api.get("/api/sources", params={"q": "BERGER"}).json()["items"]
    assert [s["name"] for s in found] == ["Anna Berger"]
    assert found[0]["quote_count"] == 4 and found[0]["last_seen"] == "2024-03"
    organisations = api.get("/api/sources", params={"kind": "organisation", "limit": 500}).json()["items"]
    assert organisations and {s["kind"] for s in organisations} == {"organisation"}
    assert "Umweltbundesamt" in {s["name"] for s in organisations}


def test_source_profile(api):
    (berger,) = api.get("/api/sources", params={"q": "Anna Berger"}).json()["items"]
    profile = api.get(f"/api/sources/{berger['id']}").json()
    assert profile["name"] == "Anna Berger" and profile["kind"] == "person"
    assert {"text": "Bürgermeisterin", "first_seen": "2024-03", "last_seen": "2024-03"} in profile["roles"]
    assert profile["quote_count"] == len(profile["quotes"]) == berger["quote_count"]
    assert set(berger) == {"id", "name", "kind", "aliases", "roles", "affiliations", "quote_count",
                           "article_count", "outlets", "first_seen", "last_seen"}  # as `wortlaut sources`
    assert profile["outlets"] == ["Elbufer Rundschau"]
    assert {"Jonas Reiter", "Martina Vogel"} <= {s["name"] for s in profile["co_quoted"]}


def test_article_has_every_annotation_with_offsets_and_furniture(api):
    hafen = api.get("/api/quotes", params={"outlet": "Elbufer Rundschau", "limit": 1}).json()["items"][0]
    article = api.get(f"/api/articles/{hafen['article_id']}").json()
    text = article["text"]
    assert article["furniture"] == ["Streit um Windpark vor Rügen: Gemeinde klagt gegen Genehmigung"]
    assert article["furniture"][0] not in text
    assert len(article["quotes"]) >= 15
    for quote in article["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
        assert all(quote["start"] <= a < b <= quote["end"] for a, b in quote["parts"])
        if quote["cue"]:
            cue = quote["cue"]
            assert " … ".join(text[a:b] for a, b in cue["parts"]) == cue["text"]
        if quote["speaker"]:
            assert text[quote["speaker"]["start"]:quote["speaker"]["end"]] == quote["speaker"]["text"]
    split_cue = next(q["cue"] for q in article["quotes"] if q["cue"] and "fügte" in q["cue"]["text"])
    assert len(split_cue["parts"]) == 2  # "fügte … hinzu"


def test_stats_and_outlet(api):
    stats = api.get("/api/stats").json()
    assert stats["articles"] == 15 and stats["languages"] == {"de": 12, "en": 3}
    assert sum(stats["types"].values()) == stats["quotes"]
    assert sum(stats["kinds"].values()) == stats["sources"]
    assert (stats["first_date"], stats["last_date"]) == ("2023-11", "2024-10")
    assert sum(o["articles"] for o in stats["outlets"]) == 14  # one file has no header
    outlet = api.get("/api/outlets/Elbufer Rundschau").json()
    assert outlet["articles"] == 1 and outlet["quotes"] == sum(outlet["kinds"].values()) + outlet["unattributed"]
    assert outlet["sources"][0]["name"] == "Anna Berger"


@pytest.mark.parametrize("path, params, status", [
    ("/api/articles/0000000000000000", {}, 404),
    ("/api/sources/nobody", {}, 404),
    ("/api/outlets/Nowhere Times", {}, 404),
    ("/api/nothing-here", {}, 404),
    ("/api/quotes", {"limit": 0}, 422),
    ("/api/quotes", {"limit": 501}, 422),
    ("/api/quotes", {"type": "sung"}, 422),
    ("/api/quotes", {"date_from": "March"}, 422),
    ("/api/quotes", {"cursor": "not-a-cursor"}, 422),
    ("/api/sources", {"sort": "age"}, 422),
    ("/api/sources", {"kind": "robot"}, 422),
])
def test_errors_are_json_with_the_right_status(api, path, params, status):
    r = api.get(path, params=params)
    assert r.status_code == status
    assert r.headers["content-type"] == "application/json" and "detail" in r.json()


def test_a_cursor_only_works_for_its_own_listing(api):
    quotes_cursor = api.get("/api/quotes", params={"limit": 1}).json()["next_cursor"]
    sources_cursor = api.get("/api/sources", params={"limit": 1, "sort": "name"}).json()["next_cursor"]
    assert api.get("/api/sources", params={"cursor": quotes_cursor}).status_code == 422
    assert api.get("/api/sources", params={"cursor": sources_cursor, "sort": "quotes"}).status_code == 422
    assert api.get("/api/quotes", params={"cursor": sources_cursor}).status_code == 422


def test_openapi_documents_typed_responses(api):
    spec = api.get("/openapi.json").json()
    assert {"/api/quotes", "/api/sources", "/api/sources/{source_id}", "/api/articles/{article_id}",
            "/api/stats", "/api/articles"} <= set(spec["paths"])
    ok = spec["paths"]["/api/quotes"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/QuotePage"}
    assert {"QuotePage", "SourceProfile", "ArticleDetail", "Stats"} <= set(spec["components"]["schemas"])
    assert not any(p.startswith(("/search", "/sources/", "/articles/{")) for p in spec["paths"])


def test_every_response_carries_the_content_security_policy(api):
    for path in ("/api/stats", "/", "/docs", "/static/style.css", "/api/nothing"):
        csp = api.get(path).headers["content-security-policy"]
        assert "default-src 'self'" in csp and "unsafe-inline" not in csp


def test_writing_is_disabled_without_a_token(db):
    with running(create_app(db)) as base:
        r = httpx.post(f"{base}/api/articles", json={"text": XSS_ARTICLE}, headers={"authorization": "Bearer x"})
    assert r.status_code == 403 and "disabled" in r.json()["detail"]


@pytest.mark.parametrize("authorization", [None, "Bearer wrong", f"Basic {TOKEN}", "Bearer"])
def test_writing_needs_the_bearer_token(api, authorization):
    headers = {"authorization": authorization} if authorization else {}
    r = api.post("/api/articles", json={"text": XSS_ARTICLE}, headers=headers)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"


def auth() -> dict[str, str]:
    return {"authorization": f"Bearer {TOKEN}"}


def test_posted_article_is_analysed_stored_and_returned_literally(api):
    before = api.get("/api/stats").json()
    r = api.post("/api/articles", json={"text": XSS_ARTICLE.split("—", 1)[1], "outlet": "Netzwacht",
                                        "date": "2024-11-04", "url": "https://example.org/a"}, headers=auth())
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["created"] and created["quotes"] == 2
    assert api.post("/api/articles", json={"text": XSS_ARTICLE.split("—", 1)[1]}, headers=auth()).json() == {
        **created, "created": False}

    article = api.get(f"/api/articles/{created['id']}").json()
    assert (article["outlet"], article["date"], article["url"]) == ("Netzwacht", "2024-11-04", "https://example.org/a")
    assert "<script>alert(1)</script>" in article["title"]
    texts = [q["text"] for q in article["quotes"]]
    assert any("<script>alert(1)</script>" in t for t in texts)
    assert any("<img src=x onerror=alert(1)>" in t for t in texts)
    assert {q["source"]["name"] for q in article["quotes"]} == {"Lena Schmid"}
    found = api.get("/api/quotes", params={"q": "onerror"}).json()["items"]
    assert [q["text"] for q in found] == ["„Auch <img src=x onerror=alert(1)> gehört zu den ältesten Tricks“"]
    assert api.get("/api/stats").json()["articles"] == before["articles"] + 1

    page = api.get(f"/articles/{created['id']}", headers={"accept": "text/html"}).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img src=x" not in page


def test_posted_plain_text_reads_the_dateline(api):
    text = XSS_ARTICLE.replace("Netzwacht", "Netzwacht Plus").replace("Montag", "Dienstag")
    r = api.post("/api/articles", content=text.encode(), headers={**auth(), "content-type": "text/plain; charset=utf-8"})
    assert r.status_code == 201, r.text
    article = api.get(f"/api/articles/{r.json()['id']}").json()
    assert (article["outlet"], article["date"], article["place"], article["country"]) == (
        "Netzwacht Plus", "2024-11", "Berlin", "DE")


@pytest.mark.parametrize("content, content_type, status", [
    (b"x" * (MAX_BODY + 1), "text/plain", 413),
    (b"{not json", "application/json", 422),
    (b'{"text": ""}', "application/json", 422),
    (b'{"text": "Ein Satz.", "date": "gestern"}', "application/json", 422),
    (b'{"text": "Ein Satz.", "url": "javascript:alert(1)"}', "application/json", 422),
    (b"   \n", "text/plain", 422),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "text/plain", 422),
    (b"text", "application/pdf", 415),
])
def test_bad_bodies_are_refused(api, content, content_type, status):
    r = api.post("/api/articles", content=content, headers={**auth(), "content-type": content_type})
    assert r.status_code == status, r.text
    assert "detail" in r.json()


def test_posted_articles_are_admitted_as_the_batch_runner_admits_them(api, db):
    french = ("Le ministre a déclaré mardi que la réforme des retraites serait votée avant l'été. "
              "« Nous n'avons pas le choix », a-t-il dit devant les députés réunis à Paris.")
    unsupported = api.post("/api/articles", json={"text": french}, headers=auth())
    assert unsupported.status_code == 201, unsupported.text
    assert unsupported.json()["quotes"] == 0

    # a syndicated copy of a stored demo article: linked to it, not analysed again
    page = (DEMO / "de-bahnstreik.txt").read_text(encoding="utf-8")
    copy = api.post("/api/articles", content=(page + "\nMit Material von Agenturen.\n").encode(),
                    headers={**auth(), "content-type": "text/plain; charset=utf-8"})
    assert copy.status_code == 201, copy.text
    assert copy.json()["quotes"] == 0

    listed = run_cli("articles", "--format", "json", db=db)
    by_id = {a["id"]: a for a in json.loads(listed.stdout)}
    assert (by_id[unsupported.json()["id"]]["status"], by_id[unsupported.json()["id"]]["language"]) == ("unsupported", "fr")
    linked = by_id[copy.json()["id"]]
    assert linked["status"] == "duplicate"
    assert Path(by_id[linked["duplicate_of"]]["origin"]).name == "de-bahnstreik.txt"
