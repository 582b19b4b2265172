from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wortlaut.model import Article, Mention, Quote, Source, Span
from wortlaut.store import SQLiteStore, Store, StoreError
from wortlaut.store.sqlite import schema

TEXT_A = (
    "Berlin. Die Regierung will die Beziehungen zu Südkorea ausbauen. "
    "„Wir stehen an der Seite von Südkorea“, sagte Ministerin Anna Berger. "
    "Anwohner der Goethestraße protestierten."
)
TEXT_B = (
    "Hamburg. Der Hafen wächst weiter. "
    "„Die Straße ist zu eng“, sagte Berger am Dienstag. "
    "Der Senat prüft die Pläne."
)


def _quote(text: str, quoted: str, cue: str, speaker: str, source: Source | None,
           type_: str | None = "direct") -> Quote:
    start = text.index(quoted)
    cue_start = text.index(cue, start)
    speaker_start = text.index(speaker, cue_start)
    return Quote(
        start=start,
        end=start + len(quoted),
        text=quoted,
        type=type_,  # type: ignore[arg-type]  # None on purpose in one test
        cue=Span(cue_start, cue_start + len(cue), cue),
        speaker=Mention(speaker_start, speaker_start + len(speaker), speaker,
                        source.id if source else None),
        source=source,
    )


def article_a() -> Article:
    berger = Source("Anna Berger", roles=["Ministerin"], affiliations=["Regierung"])
    quote = _quote(TEXT_A, "„Wir stehen an der Seite von Südkorea“", "sagte",
                   "Ministerin Anna Berger", berger)
    return Article(text=TEXT_A, title="Südkorea im Blick", outlet="Tagesblatt",
                   date="2024-05-02", place="Berlin", country="DE", language="de",
                   furniture=["Foto: dpa"], quotes=[quote], sources=[berger])


def article_b(type_: str | None = "direct") -> Article:
    berger = Source("Anna Berger", roles=["Abgeordnete", "Ministerin"],
                    affiliations=["SPD"])
    quote = _quote(TEXT_B, "„Die Straße ist zu eng“", "sagte", "Berger", berger, type_)
    return Article(text=TEXT_B, title="Hafen wächst", outlet="Nordkurier",
                   language="de", quotes=[quote], sources=[berger])


@pytest.fixture
def store(tmp_path: Path):
    with SQLiteStore(tmp_path / "w.db") as s:
        yield s


def test_is_a_store(store: SQLiteStore) -> None:
    assert isinstance(store, Store)


def test_quote_shape_and_article_rows(store: SQLiteStore) -> None:
    a = article_a()
    assert store.add_article(a) is True
    assert store.counts() == {"articles": 1, "quotes": 1, "sources": 1}
    [q] = store.quotes()
    assert q == {
        "article_id": a.id,
        "text": "„Wir stehen an der Seite von Südkorea“",
        "start": a.quotes[0].start,
        "end": a.quotes[0].end,
        "type": "direct",
        "cue": "sagte",
        "speaker_text": "Ministerin Anna Berger",
        "source": {"id": a.sources[0].id, "name": "Anna Berger", "kind": "person",
                   "roles": ["Ministerin"], "affiliations": ["Regierung"]},
    }
    assert TEXT_A[q["start"]:q["end"]] == q["text"]
    [art] = store.articles()
    assert art["id"] == a.id and art["title"] == "Südkorea im Blick"
    assert art["furniture"] == ["Foto: dpa"] and art["quotes"] == 1
    assert {k: art[k] for k in ("outlet", "date", "place", "country", "language")} == {
        "outlet": "Tagesblatt", "date": "2024-05-02", "place": "Berlin",
        "country": "DE", "language": "de"}


def test_ingest_twice_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    with SQLiteStore(path) as s:
        assert s.add_article(article_a()) is True
        before = s.counts()
        assert s.add_article(article_a()) is False
    # Same text with different whitespace is the same article.
    respaced = Article(text=TEXT_A.replace(" ", "  "), quotes=article_a().quotes)
    with SQLiteStore(path) as s:
        assert s.add_article(respaced) is False
        assert s.counts() == before == {"articles": 1, "quotes": 1, "sources": 1}


@pytest.mark.parametrize("query", ["sudkorea", "Südkorea", "SÜDKOREA", "SUDKOREA"])
def test_search_folds_umlauts(store: SQLiteStore, query: str) -> None:
    store.add_article(article_a())
    hits = store.search(query)
    kinds = sorted(h["kind"] for h in hits)
    assert kinds == ["article", "quote"]
    quote_hit = next(h for h in hits if h["kind"] == "quote")
    assert quote_hit["source"] == "Anna Berger"
    assert quote_hit["title"] == "Südkorea im Blick"
    article_hit = next(h for h in hits if h["kind"] == "article")
    assert "Südkorea" in article_hit["text"]


@pytest.mark.parametrize("query", ["strasse", "Straße", "STRASSE", "STRAẞE"])
def test_search_folds_sharp_s(store: SQLiteStore, query: str) -> None:
    store.add_article(article_b())
    [hit] = [h for h in store.search(query) if h["kind"] == "quote"]
    assert hit["text"] == "„Die Straße ist zu eng“"
    assert [q["text"] for q in store.quotes(search=query)] == ["„Die Straße ist zu eng“"]


def test_article_snippet_shows_original_match(store: SQLiteStore) -> None:
    store.add_article(article_a())
    [hit] = [h for h in store.search("goethestrasse") if h["kind"] == "article"]
    assert "Goethestraße" in hit["text"]
    assert hit["source"] is None


def test_article_snippet_is_cut_around_match(store: SQLiteStore) -> None:
    # ß before the match shifts folded offsets; the snippet must still land on it.
    text = "Vorwort. " * 40 + "Die Goethestraße führt nach Straßburg. " + "Nachwort. " * 40
    store.add_article(Article(text=text, title="Lang"))
    [hit] = store.search("strassburg")
    assert "nach Straßburg." in hit["text"]
    assert len(hit["text"]) < 250
    assert hit["text"].startswith("…") and hit["text"].endswith("…")


def test_search_no_match(store: SQLiteStore) -> None:
    store.add_article(article_a())
    assert store.search("Kanzler") == []
    assert store.quotes(search="Kanzler") == []


@pytest.mark.parametrize(
    "query", ['"foo', "AND(", "NOT", "a OR", "*", "berg*", "^x", "col:x", "(", ")", "",
              "   ", "\"\"", "NEAR(a b)", "-", "'", "\x02", "Süd\"korea"],
)
def test_weird_search_strings_do_not_raise(store: SQLiteStore, query: str) -> None:
    store.add_article(article_a())
    assert isinstance(store.search(query), list)
    assert isinstance(store.quotes(search=query), list)


def test_search_terms_are_plain_words(store: SQLiteStore) -> None:
    store.add_article(article_a())
    # "AND" is an ordinary word here, not an operator: no text contains it.
    assert store.search("Südkorea AND") == []
    assert store.search('"Südkorea') != []


def test_sources_merge_across_articles(store: SQLiteStore) -> None:
    assert store.add_article(article_a())
    assert store.add_article(article_b())
    assert store.counts() == {"articles": 2, "quotes": 2, "sources": 1}
    [src] = store.sources()
    assert src["name"] == "Anna Berger"
    assert src["roles"] == ["Ministerin", "Abgeordnete"]
    assert src["affiliations"] == ["Regierung", "SPD"]
    assert src["quote_count"] == 2
    assert [q["source"]["roles"] for q in store.quotes()] == [src["roles"]] * 2


def test_sources_ordered_by_quote_count(store: SQLiteStore) -> None:
    store.add_article(article_a())
    store.add_article(article_b())
    text = "„Alles gut“, sagte Zacharias Ahrens."
    ahrens = Source("Zacharias Ahrens")
    store.add_article(Article(
        text=text, sources=[ahrens],
        quotes=[_quote(text, "„Alles gut“", "sagte", "Zacharias Ahrens", ahrens)],
    ))
    assert [(s["name"], s["quote_count"]) for s in store.sources()] == [
        ("Anna Berger", 2), ("Zacharias Ahrens", 1)]


def test_failed_write_leaves_nothing(store: SQLiteStore) -> None:
    store.add_article(article_a())
    before = store.counts()
    with pytest.raises(StoreError):
        store.add_article(article_b(type_=None))
    assert store.counts() == before
    assert store.search("strasse") == []
    # The merge from the failed article was rolled back too.
    assert store.sources()[0]["roles"] == ["Ministerin"]
    # And the article can be stored once fixed.
    assert store.add_article(article_b()) is True
    assert store.counts() == {"articles": 2, "quotes": 2, "sources": 1}


def test_quotes_filter_by_source(store: SQLiteStore) -> None:
    store.add_article(article_a())
    store.add_article(article_b())
    text = "„Nein“, sagte Jürgen Müller."
    mueller = Source("Jürgen Müller")
    store.add_article(Article(
        text=text, sources=[mueller],
        quotes=[_quote(text, "„Nein“", "sagte", "Jürgen Müller", mueller)],
    ))
    assert [q["text"] for q in store.quotes(source="berger")] == [
        "„Wir stehen an der Seite von Südkorea“", "„Die Straße ist zu eng“"]
    assert [q["text"] for q in store.quotes(source="MULLER")] == ["„Nein“"]
    assert [q["text"] for q in store.quotes(source="müller")] == ["„Nein“"]
    assert store.quotes(source="schmidt") == []
    assert len(store.quotes(source="berger", search="strasse")) == 1
    assert len(store.quotes(limit=2)) == 2


def test_quote_without_source(store: SQLiteStore) -> None:
    text = "„Das reicht nicht“, hieß es aus Kreisen."
    start, end = 0, len("„Das reicht nicht“")
    store.add_article(Article(text=text, quotes=[Quote(start, end, text[start:end])]))
    [q] = store.quotes()
    assert q["source"] is None and q["cue"] is None and q["speaker_text"] is None
    assert store.counts()["sources"] == 0


def test_migrations_apply_once(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    latest = len(schema.MIGRATIONS)
    with SQLiteStore(path) as s:
        assert s.applied == list(range(1, latest + 1))
        assert s.version == latest
        s.add_article(article_a())
    with SQLiteStore(path) as s:
        assert s.applied == []
        assert s.version == latest
        assert s.counts()["articles"] == 1


def test_new_migration_applies_only_the_new_step(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "w.db"
    SQLiteStore(path).close()
    extra = ("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",)
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, extra])
    latest = len(schema.MIGRATIONS)
    with SQLiteStore(path) as s:
        assert s.applied == [latest]
        assert s.version == latest
    with SQLiteStore(path) as s:
        assert s.applied == []


def test_failed_migration_rolls_back(tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "w.db"
    SQLiteStore(path).close()
    released = len(schema.MIGRATIONS)
    broken = ("CREATE TABLE notes (id INTEGER PRIMARY KEY)", "NOT SQL")
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    with pytest.raises(StoreError):
        SQLiteStore(path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == released
        assert conn.execute(
            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'notes'").fetchone()[0] == 0
    finally:
        conn.close()


def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(schema.MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(StoreError):
        SQLiteStore(path)


def test_wal_and_foreign_keys(store: SQLiteStore) -> None:
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
