"""Statements over HTTP: a real uvicorn server on loopback, a database filled by
`wortlaut ingest` from the statements corpus, httpx as the client; the pages'
HTML too, and the CLI's `statements` and `statement` commands."""

from __future__ import annotations

import json

import httpx
import pytest

from conftest import ROOT, run_cli
from serving import running
from wortlaut.serve import create_app

CORPUS = ROOT / "tests" / "fixtures" / "statements"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("statements") / "s.db"
    result = run_cli("ingest", str(CORPUS), db=path)
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture(scope="module")
def api(db):
    with running(create_app(db)) as base, httpx.Client(base_url=base, timeout=60) as client:
        yield client


def test_list_filters_and_pages(api):
    r = api.get("/api/statements", params={"min_articles": 2, "limit": 100})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    items = r.json()["items"]
    assert len(items) == 7 and r.json()["next_cursor"] is None
    flagged = api.get("/api/statements", params={"flagged": "true"}).json()["items"]
    assert len(flagged) == 7 and all(s["flagged"] for s in flagged)
    english = api.get("/api/statements", params={"language": "en", "min_articles": 2}).json()["items"]
    assert {s["source"]["name"] for s in english} == {"Grace Whitfield", "David Okafor", "Priya Natarajan"}
    valley = api.get("/api/statements", params={"outlet": "Valley Post"}).json()["items"]
    assert {s["first_seen"]["outlet"] for s in valley} == {"Riverside Courier", "Harbour Ledger"}
    june = api.get("/api/statements", params={"date_from": "2025-06-01", "date_to": "2025-06-30",
                                              "min_articles": 2}).json()["items"]
    assert [s["source"]["name"] for s in june] == ["Jens Albrecht"] and june[0]["flags"] == ["indirect_as_direct"]
    okafor = english[[s["source"]["name"] for s in english].index("David Okafor")]["source"]["id"]
    own = api.get("/api/statements", params={"source": okafor}).json()["items"]
    assert [s["variants"] for s in own] == [3]

    seen, cursor = [], None
    while True:
        body = api.get("/api/statements", params={"limit": 5, **({"cursor": cursor} if cursor else {})}).json()
        seen += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    every = api.get("/api/statements", params={"limit": 500}).json()["items"]
    assert [s["id"] for s in seen] == [s["id"] for s in every]


def test_bad_requests_get_clear_errors(api):
    assert api.get("/api/statements", params={"cursor": "garbage"}).status_code == 422
    assert api.get("/api/statements", params={"date_from": "March"}).status_code == 422
    assert api.get("/api/statements", params={"limit": 0}).status_code == 422
    r = api.get("/api/statements/nope")
    assert r.status_code == 404 and r.json() == {"detail": "no statement nope"}


def test_one_statement_with_diffs_and_flags(api):
    (item,) = api.get("/api/statements", params={"language": "en", "flagged": "true", "outlet": "Riverside Courier",
                                                 "date_from": "2025-07-01", "date_to": "2025-07-05"}).json()["items"]
    st = api.get(f"/api/statements/{item['id']}").json()
    assert st["source"]["name"] == "Grace Whitfield"
    assert st["first_seen"]["outlet"] == "Harbour Ledger" and st["first_seen"]["date"] == "2025-07-01"
    first, later = st["appearances"]
    assert first["earliest"] and not later["earliest"] and later["outlet"] == "Riverside Courier"
    assert {"op": "delete", "text": "may"} in later["diff"] and {"op": "insert", "text": "will"} in later["diff"]
    assert later["diff"][-1] == {"op": "delete", "text": "while the repairs are carried out"}
    assert later["flags"] == [{"kind": "modal", "detail": "modal changed: may → will"}]
    assert st["flags"] == [{"kind": "modal", "detail": "modal changed: may → will", "quote_id": later["quote_id"]}]


def test_pages_list_and_show_a_statement_with_its_diff(api):
    r = api.get("/statements", params={"flagged": "true"}, headers={"accept": "text/html"})
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert r.text.count('class="quote-card statement-card flagged"') == 7
    sid = api.get("/api/statements", params={"flagged": "true", "language": "de",
                                             "date_from": "2025-03", "date_to": "2025-03"}).json()["items"][0]["id"]
    page = api.get(f"/statements/{sid}", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert "<del>nicht</del>" in page.text and "negation dropped: nicht" in page.text
    assert "Karin Vogt" in page.text and "Havelblick Zeitung" in page.text
    missing = api.get("/statements/nope", headers={"accept": "text/html"})
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]


def test_quote_cards_and_source_pages_link_to_statements(api):
    quotes = api.get("/api/quotes", params={"q": "Grundsteuer", "limit": 50}).json()["items"]
    vogt = next(q for q in quotes if q["source"]["name"] == "Karin Vogt")
    search = api.get("/search", params={"q": "Grundsteuer"}, headers={"accept": "text/html"})
    assert f'/quotes/{vogt["id"]}/statement' in search.text
    r = api.get(f"/quotes/{vogt['id']}/statement", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/statements/")
    assert api.get(r.headers["location"], headers={"accept": "text/html"}).status_code == 200
    profile = api.get(f"/sources/{vogt['source']['id']}", headers={"accept": "text/html"})
    assert f"/statements?source={vogt['source']['id']}" in profile.text


def test_cli_statements_and_statement(db):
    listed = run_cli("statements", "--flagged", "--format", "json", db=db)
    assert listed.returncode == 0, listed.stderr
    items = json.loads(listed.stdout)
    assert len(items) == 7 and all(s["flagged"] for s in items)
    text = run_cli("statements", "--flagged", db=db)
    assert "Karin Vogt" in text.stdout and "negation" in text.stdout
    one = run_cli("statement", items[0]["id"], db=db)
    assert one.returncode == 0 and "first seen" in one.stdout.lower()
    assert "[-" in one.stdout and "{+" in one.stdout
    vogt = next(s for s in items if s["source"]["name"] == "Karin Vogt")["source"]["id"]
    own = json.loads(run_cli("statements", "--source", vogt, "--format", "json", db=db).stdout)
    assert sorted(s["variants"] for s in own) == [1, 1, 3]
    missing = run_cli("statement", "nope", db=db)
    assert missing.returncode != 0 and "no statement nope" in missing.stderr


def test_openapi_documents_the_statement_endpoints_and_not_the_pages(api):
    spec = api.get("/openapi.json").json()
    assert {"/api/statements", "/api/statements/{statement_id}"} <= set(spec["paths"])
    ok = spec["paths"]["/api/statements/{statement_id}"]["get"]["responses"]["200"]["content"]["application/json"]
    assert ok["schema"]["$ref"].endswith("/StatementDetail")
    assert "DiffOp" in spec["components"]["schemas"]
    assert not any(p.startswith(("/statements", "/quotes/")) for p in spec["paths"])
