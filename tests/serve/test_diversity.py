"""Who gets to speak over HTTP: a real uvicorn server on the demo corpus and a few
planted articles; the API's figures are the store's, the outlet page draws them."""

from __future__ import annotations

import re

import httpx
import pytest
from conftest import DEMO, run_cli
from serving import running
from store.conftest import pg_databases  # noqa: F401  (the PostgreSQL variant's fixture)
from store.test_diversity import write_planted

from wortlaut.serve import create_app
from wortlaut.store import open_store

PLANTED_OUTLET = "Nordhessen Testblatt"


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def db(request, tmp_path_factory) -> str:
    directory = tmp_path_factory.mktemp("diversity-api")
    if request.param == "sqlite":
        target = str(directory / "d.db")
    else:
        target = request.getfixturevalue("pg_databases")()
    result = run_cli("ingest", str(DEMO), str(write_planted(directory / "planted")), db=target)
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture(scope="module")
def api(db):
    with running(create_app(db)) as base, httpx.Client(base_url=base, timeout=60) as client:
        yield client


def test_outlet_diversity_is_the_stores(api, db) -> None:
    with open_store(db) as store:
        outlets = [o["name"] for o in store.stats()["outlets"]]
        for name in outlets:
            for period in ("month", "year"):
                r = api.get(f"/api/outlets/{name}/diversity", params={"period": period})
                assert r.status_code == 200, r.text
                assert r.json() == store.outlet_diversity(name, period)
        r = api.get(f"/api/outlets/{PLANTED_OUTLET}/diversity", params={"since": "2025"})
        assert r.json() == store.outlet_diversity(PLANTED_OUTLET, since="2025")
        assert r.json()["quotes"] == 1 and [p["period"] for p in r.json()["periods"]] == ["2025-01"]
        comparison = api.get("/api/diversity").json()
        assert comparison == store.diversity()
        assert [o["name"] for o in comparison["outlets"]] == sorted(
            outlets, key=lambda o: (-next(x["articles"] for x in store.stats()["outlets"] if x["name"] == o), o))


def test_planted_figures_over_http(api) -> None:
    d = api.get(f"/api/outlets/{PLANTED_OUTLET}/diversity").json()
    assert (d["quotes"], d["anonymous_share"], d["hhi"], d["statements"], d["single_outlet_statements"]) == (
        5, 0.4, 0.28, 5, 4)
    assert d["kinds"]["unnamed"] == 2 and d["top_sources"][0]["name"] == "Anna Berger"


def test_diversity_errors(api) -> None:
    assert api.get("/api/outlets/Niemandsblatt/diversity").status_code == 404
    assert api.get(f"/api/outlets/{PLANTED_OUTLET}/diversity", params={"period": "week"}).status_code == 422
    assert api.get("/api/diversity", params={"since": "May 2024"}).status_code == 422
    # the outlet route itself still answers
    assert api.get(f"/api/outlets/{PLANTED_OUTLET}").json()["articles"] == 2


def test_openapi_documents_diversity(api) -> None:
    spec = api.get("/openapi.json").json()
    assert "/api/outlets/{name}/diversity" in spec["paths"] and "/api/diversity" in spec["paths"]
    assert "hhi" in spec["components"]["schemas"]["OutletDiversity"]["properties"]


def test_outlet_page_draws_the_figures(api) -> None:
    d = api.get(f"/api/outlets/{PLANTED_OUTLET}/diversity").json()
    r = api.get(f"/outlets/{PLANTED_OUTLET}", headers={"accept": "text/html"})
    assert r.status_code == 200
    page = r.text
    assert re.search(r'id="anonymous-share">40 %<', page) and 'id="hhi">0.280<' in page
    assert 'id="single-outlet">4 / 5<' in page
    kinds_chart = page.split('id="kinds-chart"')[1].split("</figure>")[0]
    # one column per month, each segment a kind with its count
    assert kinds_chart.count('class="column"') == len(d["periods"]) == 2
    assert "2024-05: unnamed 2 of 4 (50 %)" in kinds_chart
    assert 'id="anonymous-chart"' in page and 'id="hhi-chart"' in page
    assert "Bürgermeisterin: 2" in page.split('id="roles-chart"')[1]
    yearly = api.get(f"/outlets/{PLANTED_OUTLET}", params={"period": "year"}).text
    assert ">2024</text>" in yearly.split('id="kinds-chart"')[1] and ">2025</text>" in yearly
    compare = api.get("/diversity").text
    assert compare.count("<tr>") == len(api.get("/api/diversity").json()["outlets"]) + 1
