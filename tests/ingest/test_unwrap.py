"""Hard-wrapped HTML: newlines inside a page's blocks are wraps, not paragraph
breaks. Each block is one paragraph, quotes across wrapped lines are found
whole, and furniture is only what stands alone between the page's blocks."""

from __future__ import annotations

import textwrap

import pytest

from wortlaut.analyse.furniture import strip_furniture
from wortlaut.ingest import IngestError
from wortlaut.ingest.html import read_html
from wortlaut.pipeline import process

RELATED_DE = "Streit um Windpark vor Rügen geht in die nächste Runde"
RELATED_EN = "Council leader resigns after budget row over harbour"

GERMAN = [
    ("Der Hamburger Senat hat am Montag den Umbau des Hafens beschlossen. Die Arbeiten sollen im "
     "kommenden Frühjahr beginnen und rund vier Jahre dauern, teilte die Behörde mit."),
    ("„Wir werden den Hafen modernisieren, ohne die Elbe weiter zu belasten“, sagte Senatorin Anna "
     "Berger nach der Sitzung im Rathaus. Die Umweltverbände sehen das anders."),
    RELATED_DE,
    ("„Jeder weitere Eingriff schadet dem Fluss, und die Stadt weiß das seit Jahren“, sagte Jonas "
     "Lindner vom Naturschutzbund am Abend. Der Verband prüft eine Klage gegen den Beschluss."),
]
ENGLISH = [
    ("The harbour authority approved the long-delayed expansion on Monday, ending two years of "
     "argument between the council, the port operators and residents along the estuary."),
    ("\u201cWe have listened to every objection and we think this plan answers most of them,\u201d Claire "
     "Hughes said backstage after the vote in the town hall, where the authority met."),
    RELATED_EN,
    ("\u201cIt is a good day for the workers here, but the fight over the mudflats is not over,\u201d "
     "said Owen Barker, who leads the dockers\u2019 union, outside the building on Monday evening."),
]


def wrapped(paragraph: str, width: int = 48, sep: str = "\n") -> str:
    return sep.join(textwrap.wrap(paragraph, width))


def page(paragraphs: list[str], block: str = "p", sep: str = "\n", lang: str = "de") -> bytes:
    """A page whose source is hard-wrapped: each paragraph spread over many
    source lines (``sep`` between them: a newline, or ``<br>`` and a newline)."""
    body = "\n".join(f"<{block}>{wrapped(p, sep=sep)}</{block}>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Hafen</title></head>
<body><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
<div class="story-body">
{body}
</div>
<footer><a href="/impressum">Impressum</a></footer></body></html>""".encode()


# Text in <div>s and <br>-wrapped lines are the shapes that reach the text
# with their source newlines; <p> with plain newlines is checked as well.
SHAPES = [("div", "\n"), ("p", "<br>\n"), ("p", "\n"), ("div", "<br>\n")]


@pytest.mark.parametrize("block, sep", SHAPES)
@pytest.mark.parametrize("paragraphs", [GERMAN, ENGLISH], ids=["de", "en"])
def test_each_block_is_one_paragraph_and_the_related_headline_is_furniture(
        paragraphs: list[str], block: str, sep: str):
    article = strip_furniture(read_html(page(paragraphs, block, sep), "wrapped.html"))
    related = paragraphs[2]
    assert article.furniture == [related]
    assert article.text.split("\n\n") == [p for p in paragraphs if p != related]


def test_a_br_after_a_sentence_keeps_the_line_but_never_makes_furniture():
    lines = ["Frage: Wie geht es weiter mit dem Hafen und der Elbe?",
             "Anna Berger: Wir bauen im Frühjahr, und wir halten jeden Grenzwert ein, den das Gericht gesetzt hat.",
             "Nachgefragt bei der Senatorin im Rathaus",
             "Frage: Und wenn die Verbände klagen, was passiert dann mit dem Zeitplan für den Umbau?"]
    html = f"""<html><body><div class="interview"><div>{"<br>".join(lines)}</div>
<div>{wrapped(GERMAN[0])}</div><div>{wrapped(GERMAN[3])}</div></div></body></html>""".encode()
    article = strip_furniture(read_html(html, "interview.html"))
    first = article.text.split("\n\n")[0]
    # after a sentence a <br> ends a line; after "… im Rathaus" (no full stop) it is a wrap
    assert first.split("\n") == [lines[0], lines[1], lines[2] + " " + lines[3]]
    assert article.furniture == []


@pytest.mark.parametrize("paragraphs, language, speakers", [
    (GERMAN, "de", {"Anna Berger", "Jonas Lindner"}),
    (ENGLISH, "en", {"Claire Hughes", "Owen Barker"}),
], ids=["de", "en"])
def test_quotes_across_wrapped_lines_are_found_whole(paragraphs: list[str], language: str, speakers: set[str]):
    article = strip_furniture(read_html(page(paragraphs, "div"), "wrapped.html"))
    article.language = language
    analysed = process(article, use_model=language == "de")
    found = {q.source.name for q in analysed.quotes if q.source}
    assert speakers <= found, [(q.text, q.source) for q in analysed.quotes]
    opening = paragraphs[1][1:30]  # after the opening mark
    quote = next(q for q in analysed.quotes if opening in q.text)
    assert "\n" not in quote.text and len(quote.text) > 60


def test_a_page_nested_thousands_deep_is_read_or_refused_in_one_line():
    deep = "<div>" * 5000 + "".join(f"<p>{wrapped(p)}</p>" for p in GERMAN) + "</div>" * 5000
    try:
        article = read_html(f"<html><body>{deep}</body></html>".encode(), "deep.html")
    except IngestError as exc:
        assert "\n" not in str(exc)
    else:
        assert "„Wir werden den Hafen modernisieren" in article.text
