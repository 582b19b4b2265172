"""Who gets to speak, on both backends: the store's diversity figures for the demo
corpus and a few planted articles, against counts this test makes itself, from
the analysed articles (``process_path``) and from raw SQL over the stored rows."""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from conftest import DEMO, run_cli

from wortlaut.pipeline import process_path
from wortlaut.store import open_store

# The same words of the same mayor in two outlets; anonymous sources in one.
PLANTED = {
    "testblatt-mai.txt": """ date 2024-05 Kassel, Deutschland

Nordhessen Testblatt

—

Die neue Fuldabrücke soll schneller fertig werden als geplant. Das kündigte die Stadt am Dienstag an.

„Wir bauen die Brücke bis zum Sommer 2026 fertig“, sagte die Bürgermeisterin Anna Berger am Dienstag in Kassel.

Ein Sprecher des Verkehrsministeriums sagte, man prüfe den Antrag der Stadt noch.

„Das Projekt ist viel zu teuer“, hieß es aus Regierungskreisen.
""",
    "morgenpost-juni.txt": """ date 2024-06 Kassel, Deutschland

Morgenpost Nord

—

Die Stadt Kassel will die Fuldabrücke früher eröffnen.

„Wir bauen die Brücke bis zum Sommer 2026 fertig“, sagte die Bürgermeisterin Anna Berger.

Der Bund der Steuerzahler kritisierte die Kosten. „Hier wird Geld verschwendet“, sagte dessen Landesvorsitzender Peter Kraus.
""",
    "testblatt-januar.txt": """ date 2025-01 Kassel, Deutschland

Nordhessen Testblatt

—

Die Fuldabrücke ist im Zeitplan.

„Die Arbeiten laufen besser als erwartet“, sagte die Bürgermeisterin Anna Berger am Montag.
""",
}
KINDS = ("person", "organisation", "document", "unnamed", "unattributed")


def write_planted(directory: Path) -> Path:
    directory.mkdir(exist_ok=True)
    for name, text in PLANTED.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    planted = write_planted(tmp_path_factory.mktemp("planted") / "planted")
    return [*sorted(DEMO.glob("*.txt")), *sorted(planted.glob("*.txt"))]


@pytest.fixture(scope="module")
def analysed(corpus):
    return [a for path in corpus for a in process_path(path)]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def db(request, corpus, tmp_path_factory) -> str:
    """A database filled by `wortlaut ingest`, SQLite or PostgreSQL."""
    if request.param == "sqlite":
        target = str(tmp_path_factory.mktemp("diversity") / "d.db")
    else:
        target = request.getfixturevalue("pg_databases")()
    result = run_cli("ingest", *map(str, corpus), db=target)
    assert result.returncode == 0, result.stderr
    return target


def kind_of(article, quote) -> str:
    if quote.source:
        return quote.source.kind
    sources = {s.id: s for s in article.sources}
    if quote.speaker and quote.speaker.source_id in sources:
        return sources[quote.speaker.source_id].kind
    return "unattributed"


def stored_rows(db: str) -> list[tuple]:
    """(outlet, date, kind, source id, text) of every stored quote, by plain SQL."""
    sql = """SELECT a.outlet, a.date, s.kind, q.source_id, q.text
             FROM quotes q JOIN articles a ON a.id = q.article_id
             LEFT JOIN sources s ON s.id = q.source_id WHERE a.outlet <> ''"""
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db) as conn:
            return conn.execute(sql).fetchall()
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def test_kinds_and_periods_match_the_analysed_articles(db, analysed) -> None:
    outlets = sorted({a.outlet for a in analysed if a.outlet})
    with open_store(db) as store:
        compared = {o["name"]: o for o in store.diversity()["outlets"]}
        assert sorted(compared) == outlets
        for outlet in outlets:
            mine = [a for a in analysed if a.outlet == outlet]
            kinds = Counter(kind_of(a, q) for a in mine for q in a.quotes)
            per_month: dict[str, Counter] = defaultdict(Counter)
            for a in mine:
                for q in a.quotes:
                    per_month[a.date[:7] or "undated"][kind_of(a, q)] += 1
            figures = store.outlet_diversity(outlet)
            assert figures["articles"] == len(mine) == compared[outlet]["articles"]
            assert figures["quotes"] == sum(len(a.quotes) for a in mine) == compared[outlet]["quotes"]
            assert figures["kinds"] == {k: kinds.get(k, 0) for k in KINDS}
            attributed = sum(kinds.values()) - kinds["unattributed"]
            assert figures["attributed"] == attributed
            assert figures["anonymous_share"] == pytest.approx(kinds["unnamed"] / attributed if attributed else 0, abs=1e-4)
            assert {p["period"]: p["kinds"] for p in figures["periods"]} == {
                month: {k: c.get(k, 0) for k in KINDS} for month, c in per_month.items()
            }
            years = store.outlet_diversity(outlet, "year")
            assert sum(p["quotes"] for p in years["periods"]) == figures["quotes"]
            assert all(len(p["period"]) == 4 or p["period"] == "undated" for p in years["periods"])


def test_concentration_and_single_outlet_statements_match_raw_sql(db) -> None:
    rows = stored_rows(db)
    spread: dict[tuple, set] = defaultdict(set)
    for outlet, _date, _kind, sid, text in rows:
        if sid is not None:
            spread[(sid, words(text))].add(outlet)
    with open_store(db) as store:
        for outlet in sorted({r[0] for r in rows}):
            per_source = Counter(r[3] for r in rows if r[0] == outlet and r[3] is not None)
            total = sum(per_source.values())
            statements = {(r[3], words(r[4])) for r in rows if r[0] == outlet and r[3] is not None}
            figures = store.outlet_diversity(outlet)
            assert figures["sources"] == len(per_source)
            assert figures["hhi"] == pytest.approx(sum((n / total) ** 2 for n in per_source.values()), abs=1e-4)
            top = sum(n for _, n in per_source.most_common(5))
            assert figures["top_share"] == pytest.approx(top / total, abs=1e-4)
            assert figures["statements"] == len(statements)
            assert figures["single_outlet_statements"] == sum(len(spread[s]) == 1 for s in statements)


def test_planted_outlet(db) -> None:
    """Exact figures for the planted outlet: the mayor twice (once carried by
    another outlet too), the city, a spokesman and "Regierungskreise" unnamed."""
    with open_store(db) as store:
        d = store.outlet_diversity("Nordhessen Testblatt")
        assert d["articles"] == 2 and d["quotes"] == 5
        assert d["kinds"] == {"person": 2, "organisation": 1, "document": 0, "unnamed": 2, "unattributed": 0}
        assert d["anonymous_share"] == 0.4
        assert d["hhi"] == pytest.approx(0.28)  # (2/5)² + 3 × (1/5)²
        assert d["top_sources"][0]["name"] == "Anna Berger" and d["top_sources"][0]["quotes"] == 2
        assert d["statements"] == 5 and d["single_outlet_statements"] == 4
        assert {"name": "Bürgermeisterin", "quotes": 2} in d["roles"]
        assert {i["name"] for i in d["institutions"]} >= {"Stadt Kassel", "Verkehrsministerium"}
        assert [p["period"] for p in d["periods"]] == ["2024-05", "2025-01"]
        # date bounds narrow both the quotes and what counts as carried elsewhere
        both = store.outlet_diversity("Nordhessen Testblatt", since="2024-05", until="2024-06")
        assert both["quotes"] == 4 and both["articles"] == 1 and both["single_outlet_statements"] == 3
        alone = store.outlet_diversity("Nordhessen Testblatt", until="2024-05-31")
        assert alone["single_outlet_statements"] == 4  # Morgenpost's June copy is out of range
        assert store.outlet_diversity("Nordhessen Testblatt", since="2026")["quotes"] == 0
        assert store.outlet_diversity("No such outlet") is None
        with pytest.raises(ValueError):
            store.outlet_diversity("Nordhessen Testblatt", "week")


def test_cli_outlet(db) -> None:
    result = run_cli("outlet", "Nordhessen Testblatt", "--format", "json", db=db)
    assert result.returncode == 0, result.stderr
    with open_store(db) as store:
        assert json.loads(result.stdout) == store.outlet_diversity("Nordhessen Testblatt")
    table = run_cli("outlet", "Nordhessen Testblatt", "--period", "year", db=db)
    assert table.returncode == 0, table.stderr
    assert "anonymous share 40.0 %, HHI 0.280" in table.stdout and "Bürgermeisterin" in table.stdout
    assert "2024" in table.stdout and "2025" in table.stdout
    missing = run_cli("outlet", "Niemandsblatt", db=db)
    assert missing.returncode == 1 and "no articles from “Niemandsblatt”" in missing.stderr
    assert run_cli("outlet", "Nordhessen Testblatt", "--period", "week", db=db).returncode == 2


def test_grouped_statements_count_when_the_store_keeps_them(tmp_path) -> None:
    """With a statement_quotes table, its groups are the statements: here all of
    the mayor's quotes are grouped as one, across both outlets."""
    db = tmp_path / "grouped.db"
    assert run_cli("ingest", str(write_planted(tmp_path / "planted")), db=db).returncode == 0
    with sqlite3.connect(db) as conn:
        conn.execute("""CREATE TABLE IF NOT EXISTS statement_quotes (
                            quote_id INTEGER PRIMARY KEY, statement_id TEXT NOT NULL,
                            tokens TEXT NOT NULL DEFAULT '[]')""")
        conn.execute("DELETE FROM statement_quotes")
        conn.execute(
            """INSERT INTO statement_quotes (quote_id, statement_id)
               SELECT q.id, CASE WHEN s.name = 'Anna Berger' THEN 'mayor' ELSE 'q' || q.id END
               FROM quotes q JOIN sources s ON s.id = q.source_id"""
        )
    with open_store(db) as store:
        d = store.outlet_diversity("Nordhessen Testblatt")
        assert (d["statements"], d["single_outlet_statements"], d["single_outlet_quotes"]) == (4, 3, 3)
        assert d["quotes"] == 5 and d["hhi"] == pytest.approx(0.28)  # quotes still count one by one
