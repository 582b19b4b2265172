"""Two small German articles about one minister, shared by the store tests."""

from __future__ import annotations

from wortlaut.model import Article, Mention, Quote, Source, Span

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


def make_quote(text: str, quoted: str, cue: str, speaker: str, source: Source | None,
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
    quote = make_quote(TEXT_A, "„Wir stehen an der Seite von Südkorea“", "sagte",
                   "Ministerin Anna Berger", berger)
    return Article(text=TEXT_A, title="Südkorea im Blick", outlet="Tagesblatt",
                   date="2024-05-02", place="Berlin", country="DE", language="de",
                   furniture=["Foto: dpa"], quotes=[quote], sources=[berger])


def article_b(type_: str | None = "direct") -> Article:
    berger = Source("Anna Berger", roles=["Abgeordnete", "Ministerin"],
                    affiliations=["SPD"])
    quote = make_quote(TEXT_B, "„Die Straße ist zu eng“", "sagte", "Berger", berger, type_)
    return Article(text=TEXT_B, title="Hafen wächst", outlet="Nordkurier",
                   language="de", quotes=[quote], sources=[berger])
