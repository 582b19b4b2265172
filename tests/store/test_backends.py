"""Behaviour every store backend shares; the ``store`` fixture runs each test on
SQLite and on PostgreSQL (skipped when no server answers)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from store_samples import TEXT_A, article_a, article_b, make_quote

from wortlaut.model import Article, Quote, Source
from wortlaut.store import Store, StoreError


def test_is_a_store(store: Store) -> None:
    assert isinstance(store, Store)


def test_quote_shape_and_article_rows(store: Store) -> None:
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


def test_ingest_twice_changes_nothing(open_target: Callable[[], Store]) -> None:
    with open_target() as s:
        assert s.add_article(article_a()) is True
        before = s.counts()
        assert s.add_article(article_a()) is False
    # Same text with different whitespace is the same article.
    respaced = Article(text=TEXT_A.replace(" ", "  "), quotes=article_a().quotes)
    with open_target() as s:
        assert s.add_article(respaced) is False
        assert s.counts() == before == {"articles": 1, "quotes": 1, "sources": 1}


@pytest.mark.parametrize("query", ["sudkorea", "Südkorea", "SÜDKOREA", "SUDKOREA"])
def test_search_folds_umlauts(store: Store, query: str) -> None:
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
def test_search_folds_sharp_s(store: Store, query: str) -> None:
    store.add_article(article_b())
    [hit] = [h for h in store.search(query) if h["kind"] == "quote"]
    assert hit["text"] == "„Die Straße ist zu eng“"
    assert [q["text"] for q in store.quotes(search=query)] == ["„Die Straße ist zu eng“"]


def test_article_snippet_shows_original_match(store: Store) -> None:
    store.add_article(article_a())
    [hit] = [h for h in store.search("goethestrasse") if h["kind"] == "article"]
    assert "Goethestraße" in hit["text"]
    assert hit["source"] is None


def test_article_snippet_is_cut_around_match(store: Store) -> None:
    # ß before the match shifts folded offsets; the snippet must still land on it.
    text = "Vorwort. " * 40 + "Die Goethestraße führt nach Straßburg. " + "Nachwort. " * 40
    store.add_article(Article(text=text, title="Lang"))
    [hit] = store.search("strassburg")
    assert "nach Straßburg." in hit["text"]
    assert len(hit["text"]) < 250
    assert hit["text"].startswith("…") and hit["text"].endswith("…")


def test_search_no_match(store: Store) -> None:
    store.add_article(article_a())
    assert store.search("Kanzler") == []
    assert store.quotes(search="Kanzler") == []


@pytest.mark.parametrize(
    "query", ['"foo', "AND(", "NOT", "a OR", "*", "berg*", "^x", "col:x", "(", ")", "",
              "   ", "\"\"", "NEAR(a b)", "-", "'", "\x02", "Süd\"korea"],
)
def test_weird_search_strings_do_not_raise(store: Store, query: str) -> None:
    store.add_article(article_a())
    assert isinstance(store.search(query), list)
    assert isinstance(store.quotes(search=query), list)


def test_search_terms_are_plain_words(store: Store) -> None:
    store.add_article(article_a())
    # "AND" is an ordinary word here, not an operator: no text contains it.
    assert store.search("Südkorea AND") == []
    assert store.search('"Südkorea') != []


def test_sources_merge_across_articles(store: Store) -> None:
    assert store.add_article(article_a())
    assert store.add_article(article_b())
    assert store.counts() == {"articles": 2, "quotes": 2, "sources": 1}
    [src] = store.sources()
    assert src["name"] == "Anna Berger"
    assert src["roles"] == ["Ministerin", "Abgeordnete"]
    assert src["affiliations"] == ["Regierung", "SPD"]
    assert src["quote_count"] == 2
    assert [q["source"]["roles"] for q in store.quotes()] == [src["roles"]] * 2


def test_sources_ordered_by_quote_count(store: Store) -> None:
    store.add_article(article_a())
    store.add_article(article_b())
    text = "„Alles gut“, sagte Zacharias Ahrens."
    ahrens = Source("Zacharias Ahrens")
    store.add_article(Article(
        text=text, sources=[ahrens],
        quotes=[make_quote(text, "„Alles gut“", "sagte", "Zacharias Ahrens", ahrens)],
    ))
    assert [(s["name"], s["quote_count"]) for s in store.sources()] == [
        ("Anna Berger", 2), ("Zacharias Ahrens", 1)]


def test_failed_write_leaves_nothing(store: Store) -> None:
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


def test_ids_continue_after_a_failed_write(store: Store) -> None:
    store.add_article(article_a())
    with pytest.raises(StoreError):
        store.add_article(article_b(type_=None))
    b = article_b()
    store.add_article(b)
    stored = store.article(b.id)
    assert stored is not None and [q["id"] for q in stored["quotes"]] == [2]


def test_quotes_filter_by_source(store: Store) -> None:
    store.add_article(article_a())
    store.add_article(article_b())
    text = "„Nein“, sagte Jürgen Müller."
    mueller = Source("Jürgen Müller")
    store.add_article(Article(
        text=text, sources=[mueller],
        quotes=[make_quote(text, "„Nein“", "sagte", "Jürgen Müller", mueller)],
    ))
    assert [q["text"] for q in store.quotes(source="berger")] == [
        "„Wir stehen an der Seite von Südkorea“", "„Die Straße ist zu eng“"]
    assert [q["text"] for q in store.quotes(source="MULLER")] == ["„Nein“"]
    assert [q["text"] for q in store.quotes(source="müller")] == ["„Nein“"]
    assert store.quotes(source="schmidt") == []
    assert len(store.quotes(source="berger", search="strasse")) == 1
    assert len(store.quotes(limit=2)) == 2


def test_quote_without_source(store: Store) -> None:
    text = "„Das reicht nicht“, hieß es aus Kreisen."
    start, end = 0, len("„Das reicht nicht“")
    store.add_article(Article(text=text, quotes=[Quote(start, end, text[start:end])]))
    [q] = store.quotes()
    assert q["source"] is None and q["cue"] is None and q["speaker_text"] is None
    assert store.counts()["sources"] == 0
