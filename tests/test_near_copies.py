"""Near-duplicate linking never loses statements: templated stories that quote
other people are analysed each on their own, syndicated copies are still linked."""

from __future__ import annotations

from pathlib import Path

from newspages import SITES, demo_articles, headline, news_page, paragraphs
from wortlaut.admission import LINKED, STORED, Admission
from wortlaut.ingest.dedup import THRESHOLD, says_more, signature
from wortlaut.ingest.html import read_html
from wortlaut.ingest.text import parse_text
from wortlaut.store import open_store

TEMPLATE = """Meldung {n}: Die Stadtwerke in {place} haben am Montag ihre Pläne für das kommende Jahr vorgestellt.

Demnach sollen die Preise für Strom und Gas im Frühjahr leicht sinken, die Preise für Fernwärme aber stabil bleiben.

„Wir geben jede Entlastung beim Einkauf an unsere Kundinnen und Kunden weiter“, sagte {speaker} bei der Vorstellung der Zahlen.

Die Verbraucherzentrale begrüßte die Ankündigung, forderte aber eine schnellere Umsetzung der Senkung.

Die neuen Tarife sollen ab dem ersten April gelten, eine Kündigung der alten Verträge sei nicht nötig, hieß es weiter.

Im vergangenen Jahr hatten die Stadtwerke die Preise zweimal erhöht und dies mit den hohen Kosten am Markt begründet."""


def templated(n: int, place: str, speaker: str) -> str:
    return TEMPLATE.format(n=n, place=place, speaker=speaker)


def test_templated_stories_are_similar_enough_to_be_candidates():
    a, b = templated(2, "Kiel", "Petra Test2"), templated(4, "Lübeck", "Petra Test4")
    assert signature(a).jaccard(signature(b)) >= THRESHOLD  # so only says_more keeps them apart
    assert says_more(a, b) and says_more(b, a)


def test_what_a_copy_may_change_without_saying_more():
    original = templated(2, "Kiel", "Petra Test2")
    lines = original.split("\n\n")
    assert not says_more(original, original)
    assert not says_more(original, "\n\n".join(lines[:-1]))  # last paragraph cut
    assert not says_more(original, original + "\n\n(dpa) Dieser Text erschien zuerst in der Kieler Rundschau.")
    assert not says_more(original, "Kiel (dpa) – " + original)  # an agency lead
    assert not says_more(original, original.replace("leicht sinken", "etwas sinken"))  # an edit
    # ... and what it may not: another quote, another speaker, another number, a named person added
    assert says_more(original, original.replace("jede Entlastung", "jede kleine Entlastung"))
    assert says_more(original, original.replace("Petra Test2", "Klaus Meier"))
    assert says_more(original, original.replace("zweimal", "dreimal").replace("Meldung 2", "Meldung 3"))
    assert says_more(original, original + "\n\nAuch Sabine Vogel von der Verbraucherzentrale äußerte sich.")
    assert says_more(original, original + "\n\n„Das reicht nicht“, hieß es von der Opposition.")


def test_templated_stories_are_each_analysed_and_syndicated_copies_linked(tmp_path: Path):
    hafen = next(a for a in demo_articles() if a.origin.endswith("de-hafen.txt"))
    page = news_page(headline(hafen), paragraphs(hafen), SITES[0], url="https://e.de/hafen", author="A",
                     date="2024-03-12")
    copy = news_page(headline(hafen), paragraphs(hafen), SITES[1], url="https://n.de/hafen", author="A",
                     date="2024-03-12", variant=2, credit="(dpa) Dieser Text erschien zuerst in der Elbufer Rundschau.")
    with open_store(tmp_path / "w.db") as store:
        admission = Admission(store)
        outcomes = [admission.admit(parse_text(templated(n, place, f"Petra Test{n}"), origin=f"m{n}.txt"))
                    for n, place in ((2, "Kiel"), (4, "Lübeck"))]
        outcomes += [admission.admit(read_html(html.encode(), name)) for name, html in (("a.html", page),
                                                                                          ("b.html", copy))]
        assert [o for o, _ in outcomes] == [STORED, STORED, STORED, LINKED]
        speakers = {q["source"]["name"] for q in store.quotes() if q["source"]}
        assert {"Petra Test2", "Petra Test4"} <= speakers
        assert outcomes[3][1].duplicate_of == outcomes[2][1].id


def test_a_copy_waiting_for_its_queued_original_is_compared_with_its_text(tmp_path: Path):
    """In a batch the original is triaged but not yet stored when its copies arrive."""
    with open_store(tmp_path / "w.db") as store:
        admission = Admission(store)
        first = admission.triage(parse_text(templated(2, "Kiel", "Petra Test2"), origin="a"))
        other = admission.triage(parse_text(templated(4, "Lübeck", "Petra Test4"), origin="b"))
        cut = admission.triage(parse_text(templated(2, "Kiel", "Petra Test2").rsplit("\n\n", 1)[0], origin="c"))
        assert (first.new, other.new, cut.new) == (True, True, False)
        assert cut.article.duplicate_of == first.article.id


def test_long_articles_are_compared_by_their_quotes_and_names():
    from wortlaut.ingest.dedup import DIFF_WORDS

    long = "\n\n".join(templated(n, "Kiel", "Petra Test2").replace("Meldung", "Teil") for n in range(60))
    assert len(long.split()) > DIFF_WORDS
    assert not says_more(long, long.rsplit("\n\n", 3)[0])
    assert says_more(long, long.replace("sagte Petra Test2", "sagte Klaus Meier", 1))
    assert says_more(long, long.replace("jede Entlastung", "keine Entlastung", 1))
