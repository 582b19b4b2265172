"""PostgreSQL-only behaviour (migrations by schema_version, search folding,
read-only stores, URL dispatch), and the proof that both backends store the
same thing: two corpora ingested into each, every public view compared, then
the same corrections applied to both and compared again."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from store_samples import article_a, article_b

from conftest import DEMO, ROOT, run_cli
from wortlaut.ingest import expand
from wortlaut.pipeline import process_path
from wortlaut.store import SQLiteStore, Store, StoreError, open_read_only, open_store
from wortlaut.store.base import QuoteFilter

psycopg = pytest.importorskip("psycopg")
from wortlaut.store.postgres import PostgresStore, schema  # noqa: E402

IDENTITY = ROOT / "tests" / "fixtures" / "identity"


@pytest.fixture
def pg(pg_url: str) -> Iterator[PostgresStore]:
    with PostgresStore(pg_url) as s:
        yield s


def _tables(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}


def test_migrations_apply_once(pg_url: str) -> None:
    latest = len(schema.MIGRATIONS)
    with PostgresStore(pg_url) as s:
        assert s.applied == list(range(1, latest + 1))
        assert s.version == latest
        s.add_article(article_a())
    with PostgresStore(pg_url) as s:
        assert s.applied == []
        assert s.version == latest
        assert s.counts()["articles"] == 1


def test_new_migration_applies_only_the_new_step(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    PostgresStore(pg_url).close()
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, ("CREATE TABLE notes (id INTEGER)",)])
    with PostgresStore(pg_url) as s:
        assert s.applied == [len(schema.MIGRATIONS)]
    with PostgresStore(pg_url) as s:
        assert s.applied == []
    assert "notes" in _tables(pg_url)


def test_failed_migration_rolls_back(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    PostgresStore(pg_url).close()
    released = len(schema.MIGRATIONS)
    broken = ("CREATE TABLE notes (id INTEGER)", "NOT SQL")
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    with pytest.raises(StoreError):
        PostgresStore(pg_url)
    monkeypatch.undo()
    with PostgresStore(pg_url) as s:
        assert s.version == released
    assert "notes" not in _tables(pg_url)


def test_newer_database_is_refused(pg_url: str) -> None:
    PostgresStore(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (len(schema.MIGRATIONS) + 1,))
    with pytest.raises(StoreError, match="newer"):
        PostgresStore(pg_url)


def test_unreachable_server_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot open database"):
        PostgresStore("postgresql://nobody:secret@127.0.0.1:1/none", connect_timeout=2)


def test_error_messages_hide_the_password() -> None:
    with pytest.raises(StoreError) as caught:
        PostgresStore("postgresql://nobody:secret@127.0.0.1:1/none", connect_timeout=2)
    assert "secret" not in str(caught.value)


def test_search_finds_sharp_s_and_inflections(pg: PostgresStore) -> None:
    pg.add_article(article_a())
    pg.add_article(article_b())
    assert [q["text"] for q in pg.quotes(search="strasse")] == ["„Die Straße ist zu eng“"]
    # a prefix: "Südkorea" finds "Südkoreas", "sudkorea" finds "Südkorea"
    text = "Die Regierung Südkoreas prüft die Lage, sagte ein Sprecher."
    from wortlaut.model import Article

    pg.add_article(Article(text=text, title="Lage"))
    found = {h["title"] for h in pg.search("Südkorea") if h["kind"] == "article"}
    assert found == {"Südkorea im Blick", "Lage"}
    assert {h["title"] for h in pg.search("sudkorea")} == {"Südkorea im Blick", "Lage"}


def test_long_articles_rank_and_store_as_on_sqlite(pg: PostgresStore, tmp_path) -> None:
    # beyond a tsvector's limits: 256 positions per lexeme, 16383 positions, 2046-byte lexemes
    from wortlaut.model import Article

    texts = [
        "Hafen " * 300 + "Kai. " + "Wasser " * 17000 + "Hafen Kai.",
        "Der Hafen liegt am Kai, sagte sie. Der Hafen.",
        "Ein Wort: " + "x" * 3000 + " Hafen Kai.",
    ]
    with SQLiteStore(tmp_path / "w.db") as sqlite:
        for n, text in enumerate(texts):
            for store in (sqlite, pg):
                assert store.add_article(Article(text=text, title=f"Nummer {n}"))
        for query in ("hafen", "hafen kai", "hafen-kai", "wasser-hafen", "kai-wasser", "xxx"):
            assert sqlite.search(query) == pg.search(query), query


def test_read_only_store_refuses_writes(pg_url: str) -> None:
    PostgresStore(pg_url).close()
    with open_read_only(pg_url) as s:
        assert isinstance(s, PostgresStore)
        with pytest.raises(StoreError):
            s.add_article(article_a())
        assert s.counts()["articles"] == 0


def test_open_store_picks_the_backend(pg_url: str, tmp_path) -> None:
    with open_store(pg_url) as s:
        assert isinstance(s, PostgresStore)
    with open_store(str(tmp_path / "w.db")) as s:
        assert isinstance(s, SQLiteStore)
    with open_store(tmp_path / "x.db") as s:
        assert isinstance(s, SQLiteStore)


def test_cli_uses_a_server_url(pg_url: str, tmp_path) -> None:
    story = str(DEMO / "de-strasse.txt")
    assert run_cli("ingest", story, "--workers", "1", db=pg_url).returncode == 0  # type: ignore[arg-type]
    assert run_cli("ingest", story, "--workers", "1", db=tmp_path / "w.db").returncode == 0
    on_server = run_cli("quotes", "--format", "json", db=pg_url)  # type: ignore[arg-type]
    assert on_server.returncode == 0, on_server.stderr
    assert on_server.stdout == run_cli("quotes", "--format", "json", db=tmp_path / "w.db").stdout
    # trust auth ignores the password; the summary must not show it
    with_password = pg_url.replace("postgres@", "postgres:secret@", 1)
    summary = run_cli("ingest", story, db=with_password).stdout  # type: ignore[arg-type]
    assert "Database: postgresql://postgres:***@" in summary and "secret" not in summary


def test_cli_reads_the_database_from_the_environment(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORTLAUT_DB", pg_url)
    assert run_cli("ingest", str(DEMO / "de-strasse.txt"), "--workers", "1").returncode == 0
    with PostgresStore(pg_url) as s:
        assert s.counts()["articles"] == 1


def test_web_app_serves_a_server_database(pg_url: str, tmp_path) -> None:
    import httpx
    from serving import XSS_ARTICLE, running

    from wortlaut.serve import create_app

    bodies = []
    for db in (pg_url, tmp_path / "w.db"):
        with running(create_app(db, token="t0ken")) as base, httpx.Client(base_url=base, timeout=60) as api:
            posted = api.post("/api/articles", json={"text": XSS_ARTICLE.split("—", 1)[1], "outlet": "Netzwacht"},
                              headers={"Authorization": "Bearer t0ken"})
            assert posted.status_code == 201, posted.text
            bodies.append([api.get(path).json() for path in ("/api/quotes", "/api/sources", "/api/stats")])
    assert bodies[0] == bodies[1]
    assert bodies[0][2]["quotes"] == 2


# -- both backends, one corpus ----------------------------------------------

TABLES = {
    "sources": "SELECT id, name, name_folded, kind, roles, affiliations, aliases FROM sources ORDER BY id",
    "source_mentions": """SELECT id, article_id, source_id, kind, name, roles, affiliations, aliases,
                                 canonical, reason FROM source_mentions ORDER BY id""",
    "quotes": """SELECT id, article_id, source_id, mention_id, text, start, "end", type, cue, speaker_text,
                        parts, addressee FROM quotes ORDER BY id""",
    "source_keys": "SELECT key, mention_id FROM source_keys ORDER BY key, mention_id",
}


def _rows(store: Store) -> dict[str, list[tuple]]:
    """Raw rows of the identity tables; both backends take qmark SQL on ``_conn``."""
    return {name: [tuple(r) for r in store._conn.execute(sql).fetchall()]  # type: ignore[attr-defined]
            for name, sql in TABLES.items()}


def _pages(fetch: Callable[[str | None], tuple[list[dict], str | None]]) -> list[list[dict]]:
    pages, cursor = [], None
    while True:
        items, cursor = fetch(cursor)
        pages.append(items)
        if cursor is None:
            return pages


def _views(store: Store) -> dict:
    """Everything the CLI, the web UI and the API read, for one store."""
    sources = store.sources()
    words = sorted({w for q in store.quotes()[:40] for w in q["text"].split()[:2] if len(w) > 3})
    filters = [QuoteFilter(), QuoteFilter(q="die"), QuoteFilter(type="direct"), QuoteFilter(date_from="2023"),
               QuoteFilter(date_to="2022-06"), QuoteFilter(source=sources[0]["id"])]
    return {
        "rows": _rows(store),
        "articles": store.articles(),
        "quotes": store.quotes(),
        "sources": sources,
        "sources_since": store.sources(since="2023-01-01"),
        "profiles": [store.source_profile(s["id"]) for s in sources],
        "find": {s["name"]: store.find_sources(s["name"].split()[-1]) for s in sources},
        "article": [store.article(a["id"]) for a in store.articles()],
        "stats": store.stats(),
        "outlets": [store.outlet(o["name"]) for o in store.stats()["outlets"]],
        "search": {w: store.search(w) for w in [*words, "Straße", "sudkorea", "die stadt", "und die", "Hafen", "sagte", "9-Euro-Ticket", "neun-euro"]},
        "quote_search": {w: store.quotes(search=w) for w in words},
        "quote_pages": [_pages(lambda c, f=f: store.quote_page(f, c, limit=7)) for f in filters],
        "facets": [store.quote_facets(f, size=5) for f in filters],
        "source_pages": {sort: _pages(lambda c, s=sort: store.source_page(sort=s, cursor=c, limit=5))
                         for sort in ("quotes", "recent", "name")},
        "counts": store.counts(),
    }


@pytest.fixture(scope="module")
def twin_stores(pg_databases: Callable[[], str], tmp_path_factory) -> Iterator[tuple[Store, Store]]:
    """The demo and identity corpora, analysed once, stored in both backends."""
    articles = [a for path in expand([DEMO, IDENTITY]) for a in process_path(path)]
    sqlite = SQLiteStore(tmp_path_factory.mktemp("twins") / "w.db")
    postgres = PostgresStore(pg_databases())
    for article in articles:
        assert sqlite.add_article(article) == postgres.add_article(article)
    yield sqlite, postgres
    sqlite.close()
    postgres.close()


def _assert_same(first: dict, second: dict) -> None:
    for view in first:  # one view at a time, so a failure names it
        assert first[view] == second[view], view


def test_both_backends_store_the_same(twin_stores: tuple[Store, Store]) -> None:
    sqlite, postgres = twin_stores
    views = _views(sqlite)
    assert views["counts"]["quotes"] > 50 and views["rows"]["source_mentions"]
    assert any(hits for hits in views["search"].values())
    _assert_same(views, _views(postgres))


def test_both_backends_apply_corrections_alike(twin_stores: tuple[Store, Store]) -> None:
    sqlite, postgres = twin_stores
    people = [s for s in sqlite.sources() if s["kind"] == "person"]
    target, other = people[0]["id"], people[1]["id"]
    spread = next(s for s in people[2:] if s["article_count"] > 1)
    article = sqlite.source_profile(spread["id"])["evidence"][-1]["article_id"]
    for store in twin_stores:
        store.merge_sources(target, other)
    split = {store.split_source(spread["id"], article) for store in twin_stores}
    assert len(split) == 1
    views = _views(sqlite)
    assert other not in {s["id"] for s in views["sources"]}
    assert split <= {s["id"] for s in views["sources"]}
    _assert_same(views, _views(postgres))
