from __future__ import annotations

import json
import re

import pytest

from conftest import EXAMPLE, EXAMPLE_GOLD, needs_shared
from wortlaut.resolve.mentions import describe_mention
from wortlaut.analyse.tokens import tokenize
from wortlaut.model import Article, Mention, Quote
from wortlaut.resolve import resolve_sources


def _find(text: str, needle: str, after: int = 0) -> int:
    m = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)").search(text, after)
    assert m, f"{needle!r} not in text after {after}"
    return m.start()


def _quote(text: str, quoted: str, speaker: str | None, after: str | None = None) -> Quote:
    """A quote over ``quoted``; its speaker is the first ``speaker`` in the text, or after ``after``."""
    start = _find(text, quoted)
    q = Quote(start=start, end=start + len(quoted), text=quoted, type="indirect")
    if speaker is not None:
        s = _find(text, speaker, _find(text, after) if after else 0)
        q.speaker = Mention(s, s + len(speaker), speaker)
    return q


def _resolve(text: str, quotes: list[Quote], language: str = "de", place: str = "") -> Article:
    article = Article(text=text, language=language, place=place, quotes=quotes)
    resolve_sources(article, tokenize(text, language))
    return article


def _describe(text: str, mention: str, language: str = "de", after: str | None = None):
    doc = tokenize(text, language)
    i = _find(text, mention, _find(text, after) if after else 0)
    a, b = doc.token_at(i), doc.token_at(i + len(mention) - 1) + 1
    return describe_mention(doc, a, b)


# ---------------------------------------------------------------- single mentions


@pytest.mark.parametrize(
    "text, mention, name, kind",
    [
        ("Am Montag warnte der Nationale Sicherheitsrat der USA vor Lieferungen.",
         "der Nationale Sicherheitsrat der USA", "Nationaler Sicherheitsrat der USA", "organisation"),
        ("„Die Lage ist ernst“, heißt es in einem Bericht des Council on Foreign Relations vom Mai 2021.",
         "einem Bericht des Council on Foreign Relations vom Mai 2021", "Council on Foreign Relations", "organisation"),
        ("Die Werte seien erhöht, heißt es in einem Bericht des Umweltbundesamtes.",
         "einem Bericht des Umweltbundesamtes", "Umweltbundesamt", "organisation"),
        ("Die USA glauben, dass es bald Gespräche gibt.", "Die USA", "USA", "organisation"),
        ("Die Preise steigen, sagen Analysten.", "Analysten", "Analysten", "unnamed"),
        ("Andere fragten, wie lange das dauert.", "Andere", "Andere", "unnamed"),
        ("Laut der Polizeilichen Kriminalstatistik stieg die Zahl.", "der Polizeilichen Kriminalstatistik",
         "Polizeiliche Kriminalstatistik", "document"),
        ("Die Kosten seien zu hoch, sagte er.", "er", "er", "pronoun"),
        ("Das teilte die Deutsche Bahn mit.", "die Deutsche Bahn", "Deutsche Bahn", "organisation"),
        ("Nach Angaben des städtischen Wahlamts lag sie vorn.", "Angaben des städtischen Wahlamts",
         "Städtisches Wahlamt", "organisation"),
    ],
)
def test_describe_names_and_kinds(text, mention, name, kind):
    info = _describe(text, mention)
    assert (info.name, info.kind) == (name, kind)


def test_roles_before_the_name():
    info = _describe("Das sagte der russische Verteidigungsminister Sergej Petrow in Moskau.", "Sergej Petrow")
    assert (info.name, info.kind, info.roles) == ("Sergej Petrow", "person", ["russischer Verteidigungsminister"])
    info = _describe("Die Hamburger Umweltsenatorin Petra Lindner sagte, man prüfe das.",
                     "Die Hamburger Umweltsenatorin Petra Lindner")
    assert (info.roles, info.affiliations) == (["Umweltsenatorin"], ["Hamburg"])
    info = _describe("„Wir bauen“, sagte Bürgermeisterin Anna Berger.", "Bürgermeisterin Anna Berger")
    assert (info.name, info.roles) == ("Anna Berger", ["Bürgermeisterin"])
    info = _describe("Das sagte Präsident Kennedy am 25. Mai 1961 in einer Rede.", "Präsident Kennedy")
    assert (info.name, info.kind, info.roles) == ("Kennedy", "person", ["Präsident"])
    info = _describe("Der Betriebsratsvorsitzende Mehmet Yılmaz sagte, alle seien überrascht.",
                     "Der Betriebsratsvorsitzende Mehmet Yılmaz")
    assert info.roles == ["Betriebsratsvorsitzender"]


def test_apposition_splits_role_and_affiliation():
    text = ("„Das ist neu“, sagte Leonie Hartwig, Professorin für internationale Politik an der Freien "
            "Universität Berlin in Dahlem. Das erklärte Tom Reed, wissenschaftlicher Mitarbeiter am Institute "
            "for Maritime Studies, am Montag. Das sagte Jan Kroll, ein ehemaliger Prüfer für Sicherheit bei der "
            "US-amerikanischen Federal Aviation Administration, der lange dort war. Das sagte Kroll, ein "
            "ehemaliger Kapitän der US-Marine.")
    info = _describe(text, "Leonie Hartwig")
    assert info.roles == ["Professorin für internationale Politik"]
    assert info.affiliations == ["Freie Universität Berlin"]
    info = _describe(text, "Tom Reed")
    assert (info.roles, info.affiliations) == (["wissenschaftlicher Mitarbeiter"], ["Institute for Maritime Studies"])
    info = _describe(text, "Jan Kroll")
    assert info.roles == ["ehemaliger Prüfer für Sicherheit"]
    assert info.affiliations == ["Federal Aviation Administration"]
    info = _describe(text, "Kroll", after="Das sagte Kroll")
    assert (info.roles, info.affiliations) == (["ehemaliger Kapitän der US-Marine"], [])


def test_spokesperson_with_name_after_the_description():
    info = _describe("Ein Sprecher der Polizei, Lars Beringer, sagte, die Lage sei ruhig.",
                     "Ein Sprecher der Polizei, Lars Beringer")
    assert (info.name, info.kind) == ("Lars Beringer", "person")
    assert (info.roles, info.affiliations) == (["Sprecher"], ["Polizei"])
    info = _describe("Ein Sprecher des sächsischen Verkehrsministeriums erklärte, man warte ab.",
                     "Ein Sprecher des sächsischen Verkehrsministeriums")
    assert (info.name, info.kind, info.roles, info.affiliations) == (
        "Sprecher des sächsischen Verkehrsministeriums", "unnamed", ["Sprecher"], ["Sächsisches Verkehrsministerium"])


def test_describe_english():
    text = "Prices will rise, said John Smith, a professor of economics at Harbour University."
    info = _describe(text, "John Smith", "en")
    assert (info.name, info.kind, info.roles, info.affiliations) == (
        "John Smith", "person", ["professor of economics"], ["Harbour University"])
    info = _describe("Prices will rise, according to a report by the Port Authority.",
                     "a report by the Port Authority", "en")
    assert (info.name, info.kind) == ("Port Authority", "organisation")
    info = _describe("Prices will rise, analysts say.", "analysts", "en")
    assert (info.name, info.kind) == ("analysts", "unnamed")


# ---------------------------------------------------------------- resolution in an article

DE_TEXT = (
    "Hamburg. Der Senat will den Hafen ausbauen. "
    "„Wir investieren in die Zukunft“, sagte Bürgermeisterin Anna Berger am Dienstag. "
    "Kritik kam von Martina Vogel, Professorin für Meeresbiologie an der Universität Kiel. "
    "Die Baggerarbeiten könnten den Fluss schädigen, sagte Vogel. "
    "„Das lässt sich mit Messdaten belegen“, fügte sie hinzu. "
    "Ein Sprecher der Polizei, Lars Beringer, sagte, die Lage sei ruhig. "
    "Laut einem Bericht des Umweltbundesamtes ist die Belastung hoch. "
    "Dem Bericht zufolge muss der Schlick an Land. "
    "Analysten sagen, der Ausbau lohne sich. "
    "„Wir bleiben dran“, sagte Berger."
)


def test_resolve_german_article():
    quotes = [
        _quote(DE_TEXT, "Wir investieren in die Zukunft", "Bürgermeisterin Anna Berger"),
        _quote(DE_TEXT, "Die Baggerarbeiten könnten den Fluss schädigen", "Vogel", after="sagte Vogel"),
        _quote(DE_TEXT, "Das lässt sich mit Messdaten belegen", "sie"),
        _quote(DE_TEXT, "die Lage sei ruhig", "Ein Sprecher der Polizei, Lars Beringer", after="Ein Sprecher"),
        _quote(DE_TEXT, "ist die Belastung hoch", "einem Bericht des Umweltbundesamtes", after="Laut"),
        _quote(DE_TEXT, "muss der Schlick an Land", "Dem Bericht", after="Dem Bericht"),
        _quote(DE_TEXT, "der Ausbau lohne sich", "Analysten", after="Analysten"),
        _quote(DE_TEXT, "Wir bleiben dran", "Berger"),
    ]
    article = _resolve(DE_TEXT, quotes)
    names = [q.source.name for q in quotes]
    assert names == ["Anna Berger", "Martina Vogel", "Martina Vogel", "Lars Beringer", "Umweltbundesamt",
                     "Umweltbundesamt", "Analysten", "Anna Berger"]
    by_name = {s.name: s for s in article.sources}
    assert [s.name for s in article.sources] == ["Anna Berger", "Martina Vogel", "Lars Beringer", "Umweltbundesamt",
                                                 "Analysten"]
    # roles come from the first mention, which was no speaker
    assert by_name["Martina Vogel"].roles == ["Professorin für Meeresbiologie"]
    assert by_name["Martina Vogel"].affiliations == ["Universität Kiel"]
    assert by_name["Anna Berger"].roles == ["Bürgermeisterin"]
    assert (by_name["Lars Beringer"].roles, by_name["Lars Beringer"].affiliations) == (["Sprecher"], ["Polizei"])
    assert by_name["Umweltbundesamt"].kind == "organisation"
    assert by_name["Analysten"].kind == "unnamed"
    for q in quotes:
        assert q.speaker.source_id == q.source.id


def test_pronoun_takes_the_person_of_matching_gender():
    text = ("Bürgermeister Jürgen Albrecht traf am Montag die Umweltsenatorin Petra Lindner. "
            "Die Gemeinde könne das nicht bezahlen, sagte er. "
            "Der Senat müsse helfen, sagte sie.")
    quotes = [_quote(text, "Die Gemeinde könne das nicht bezahlen", "er", after="sagte er"),
              _quote(text, "Der Senat müsse helfen", "sie", after="sagte sie")]
    _resolve(text, quotes)
    assert [q.source.name for q in quotes] == ["Jürgen Albrecht", "Petra Lindner"]


def test_surname_and_first_part_of_a_name():
    text = ("Park Min-jun, Forscher am Seoul Institute for Policy Studies, sagte, die Gespräche liefen. "
            "Carl Weber, ehemaliger Offizier der Marine, widersprach. "
            "„Das ist zu früh“, sagte Weber. "
            "Park stimmte zu und sagte: „Wir warten ab.“")
    quotes = [_quote(text, "die Gespräche liefen", "Park Min-jun"),
              _quote(text, "Das ist zu früh", "Weber", after="sagte Weber"),
              _quote(text, "Wir warten ab.", "Park", after="Park stimmte")]
    article = _resolve(text, quotes)
    assert [q.source.name for q in quotes] == ["Park Min-jun", "Carl Weber", "Park Min-jun"]
    park = next(s for s in article.sources if s.name == "Park Min-jun")
    assert (park.roles, park.affiliations) == (["Forscher"], ["Seoul Institute for Policy Studies"])
    weber = next(s for s in article.sources if s.name == "Carl Weber")
    assert weber.roles == ["ehemaliger Offizier der Marine"]


def test_organisations_refer_back():
    text = ("Die Gewerkschaft Verkehr und Schiene (GVS) rief zum Streik auf. "
            "Der GVS-Vorsitzende Thomas Brandt sagte, man habe lange verhandelt. "
            "Die Gewerkschaft warf dem Vorstand vor, „die Belegschaft zu täuschen“. "
            "Laut einer Studie der Universität Leipzig pendeln viele mit der Bahn. "
            "Jeder Dritte habe kein Auto, heißt es in der Untersuchung.")
    quotes = [_quote(text, "man habe lange verhandelt", "Der GVS-Vorsitzende Thomas Brandt"),
              _quote(text, "die Belegschaft zu täuschen", "Die Gewerkschaft", after="Die Gewerkschaft warf"),
              _quote(text, "pendeln viele mit der Bahn", "einer Studie der Universität Leipzig"),
              _quote(text, "Jeder Dritte habe kein Auto", "der Untersuchung")]
    article = _resolve(text, quotes)
    assert [q.source.name for q in quotes] == ["Thomas Brandt", "Gewerkschaft Verkehr und Schiene",
                                               "Universität Leipzig", "Universität Leipzig"]
    brandt = article.sources[0]
    assert (brandt.roles, brandt.affiliations) == (["GVS-Vorsitzender"], ["Gewerkschaft Verkehr und Schiene"])


def test_no_speaker_and_unresolvable_pronoun_leave_no_source():
    text = "„Es wird teuer.“ Man müsse sparen, sagte man."
    quotes = [_quote(text, "Es wird teuer.", None), _quote(text, "Man müsse sparen", "man", after="sagte man")]
    article = _resolve(text, quotes)
    assert [q.source for q in quotes] == [None, None]
    assert quotes[1].speaker.source_id is None
    assert article.sources == []


def test_resolve_english_article():
    text = ("The fitness app maker Brightstep is being sued. "
            "Prices will rise, said John Smith, a professor of economics at Harbour University. "
            "\"We saw it coming,\" he said. "
            "Brightstep said it would appeal. "
            "Analysts say the case is weak. "
            "Costs doubled last year, according to a report by the Port Authority. "
            "\"It is not over,\" Smith said.")
    quotes = [_quote(text, "Prices will rise", "John Smith"),
              _quote(text, "We saw it coming,", "he"),
              _quote(text, "it would appeal", "Brightstep", after="Brightstep said"),
              _quote(text, "the case is weak", "Analysts"),
              _quote(text, "Costs doubled last year", "a report by the Port Authority"),
              _quote(text, "It is not over,", "Smith", after="Smith said")]
    article = _resolve(text, quotes, "en")
    assert [q.source.name for q in quotes] == ["John Smith", "John Smith", "Brightstep", "Analysts",
                                               "Port Authority", "John Smith"]
    kinds = {s.name: s.kind for s in article.sources}
    assert kinds == {"John Smith": "person", "Brightstep": "organisation", "Analysts": "unnamed",
                     "Port Authority": "organisation"}
    smith = article.sources[0]
    assert (smith.roles, smith.affiliations) == (["professor of economics"], ["Harbour University"])


# ---------------------------------------------------------------- the canonical example

# Where each gold quote's speaker is written: the mention text, looked for after ("after")
# or before ("before") the quoted stretch, nearest first; a third element narrows the
# match to a word inside it ("sagte er" -> "er").
CNN_SPEAKERS = [
    ("Analysten", "before"),
    ("der Nationale Sicherheitsrat der USA", "before"),
    ("Die USA", "before"),
    ("Leif-Eric Easley", "after"),
    ("Leif-Eric Easley", "before"),
    ("einem Bericht des Council on Foreign Relations vom Juni 2022", "after"),
    ("Analysten", "after"),
    ("Doo Jin-ho", "before"),
    ("Carl Schuster", "after"),
    ("Schuster", "after"),
    ("Daniel Salisbury", "before"),
    ("Salisbury", "after"),
    ("Schuster", "after"),
    ("Schuster", "after"),
    ("Schuster", "after"),
    ("Schuster", "before"),
    ("Doo", "before"),
    ("Joseph Dempsey", "after"),
    ("sagte er", "after", "er"),
    ("Andere", "before"),
    ("Trent Telenko", "after"),
    ("Telenko", "after"),
]


def _nearest(text: str, needle: str, start: int, end: int, direction: str) -> int:
    hits = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text)]
    if direction == "after":
        return min(h for h in hits if h >= end)
    return max(h for h in hits if h + len(needle) <= start)


@needs_shared(EXAMPLE_GOLD)
def test_canonical_example_sources():
    text = EXAMPLE.read_text(encoding="utf-8")
    gold = json.loads(EXAMPLE_GOLD.read_text(encoding="utf-8"))
    assert len(gold["quotes"]) == len(CNN_SPEAKERS)
    quotes = []
    for g, spec in zip(gold["quotes"], CNN_SPEAKERS):
        start = text.index(g["contains"])
        end = start + len(g["contains"])
        at = _nearest(text, spec[0], start, end, spec[1])
        mention = spec[0]
        if len(spec) > 2:
            at += spec[0].index(spec[2])
            mention = spec[2]
        quotes.append(Quote(start=start, end=end, text=g["contains"], type=g["type"],
                            speaker=Mention(at, at + len(mention), mention)))
    article = _resolve(text, quotes)

    assert [q.source.name for q in quotes] == [g["source"] for g in gold["quotes"]]
    got = {s.name: s for s in article.sources}
    assert sorted(got) == sorted(s["name"] for s in gold["sources"])
    for s in gold["sources"]:
        src = got[s["name"]]
        assert src.kind == s["kind"], s["name"]
        assert src.roles == s.get("roles", []), s["name"]
        assert src.affiliations == s.get("affiliations", []), s["name"]
