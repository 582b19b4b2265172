"""Fuzzing each reader with hypothesis: arbitrary bytes and real documents with
bytes flipped, inserted, deleted or cut off. A reader returns articles or its
own failures (``Failure`` items, ``IngestError``), never another exception,
and never hangs. Example counts are bounded so `make test` stays quick."""

from __future__ import annotations

import gzip
import io
import signal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newspages import SITES, demo_articles, headline, news_page, paragraphs, warc_bytes
from wortlaut.ingest import Failure, IngestError, read_bytes
from wortlaut.ingest.feed import read_feed
from wortlaut.ingest.html import decode_html, read_html
from wortlaut.ingest.sniff import BINARY, FEED, GZIP, HTML, TEXT, WARC, WARC_GZ, sniff
from wortlaut.ingest.text import decode, parse_text
from wortlaut.ingest.warc import read_warc
from wortlaut.model import Article

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ARTICLE = demo_articles()[3]
PAGE = news_page(headline(ARTICLE), paragraphs(ARTICLE)[:3], SITES[0], url="https://e.de/a", author="A B",
                 date="2024-03-12", variant=1).encode()
TEXT_DOC = " date 2024-03 Hamburg, Deutschland\n\nElbe Echo\n\n—\n\n„Wir bauen“, sagte sie.\n\nZweiter Absatz.".encode()
FEED_DOC = (
    '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
    "<channel><title>T</title><item><title>Eins</title><link>https://e.de/1</link>"
    "<pubDate>Tue, 12 Mar 2024 08:00:00 +0100</pubDate><content:encoded><![CDATA["
    + "".join(f"<p>{p}</p>" for p in paragraphs(ARTICLE)[:3]) + "]]></content:encoded></item>"
    '<item><title>Zwei</title><link>https://e.de/2</link><description>kurz</description></item></channel></rss>'
).encode()


RECORDS = [("https://e.de/1", PAGE, "2024-05-02"), ("https://e.de/2", PAGE[:900], "2024-05-02")]
WARC_DOC, WARC_GZ_DOC = warc_bytes(RECORDS, gzipped=False), warc_bytes(RECORDS, gzipped=True)


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """``seed`` with a few random edits: overwritten, inserted or deleted bytes, or a cut."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        edit = draw(st.sampled_from(["overwrite", "insert", "delete", "cut"]))
        chunk = draw(st.binary(min_size=1, max_size=8) | st.sampled_from(
            [b"\x00", b"\xff\xfe", b"<", b"]]>", b"\r\n\r\n", b"charset=x-unknown", b"9999999999"]))
        if edit == "overwrite":
            data[at:at + len(chunk)] = chunk
        elif edit == "insert":
            data[at:at] = chunk
        elif edit == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        else:
            del data[at:]
    return bytes(data)


@pytest.fixture(autouse=True)
def no_hang():
    """A reader that loops forever fails the test instead of stalling the suite."""
    def timeout(*_: object) -> None:
        raise TimeoutError("a reader took more than 60 s")
    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _only_items(items: list) -> None:
    assert all(isinstance(i, (Article, Failure)) for i in items), items
    assert all(i.text.strip() for i in items if isinstance(i, Article))


@FUZZ
@given(st.binary(max_size=2048) | mutated(WARC_GZ_DOC) | mutated(FEED_DOC) | mutated(PAGE))
def test_sniff_names_a_format_for_any_bytes(data: bytes):
    assert sniff(data[:4096]) in (WARC, WARC_GZ, FEED, HTML, TEXT, BINARY, GZIP)


@FUZZ
@given(st.binary(max_size=2048) | mutated(TEXT_DOC))
def test_text_reader(data: bytes):
    try:
        article = parse_text(decode(data), origin="fuzz")
    except IngestError:
        return
    assert article.text.strip()


@FUZZ
@given(mutated(PAGE), st.sampled_from(["", "text/html", "text/html; charset=utf-8", "text/html; charset=latin-1",
                                       "text/html; charset=bogus", "text/html; charset=utf-16"]))
def test_html_reader(data: bytes, content_type: str):
    try:
        article = read_html(data, "fuzz", content_type=content_type)
    except IngestError:
        return
    assert article.text.strip() and "\x00" not in article.text


@FUZZ
@given(st.text(max_size=40), st.binary(max_size=256))
def test_charset_decoding(content_type: str, data: bytes):
    try:
        assert isinstance(decode_html(data, content_type), str)
    except IngestError:
        pass


@FUZZ
@given(st.binary(max_size=2048) | mutated(FEED_DOC))
def test_feed_reader(data: bytes):
    _only_items(list(read_feed(data, "fuzz")))


@FUZZ
@given(mutated(WARC_GZ_DOC))
def test_warc_gz_reader(data: bytes):
    items = list(read_warc(io.BytesIO(data), "fuzz", gzipped=True))
    _only_items(items)
    assert sum(isinstance(i, Failure) and i.item == "fuzz" for i in items) <= 1  # one failure for the archive itself


@FUZZ
@given(mutated(WARC_DOC))
def test_warc_reader(data: bytes):
    items = list(read_warc(io.BytesIO(data), "fuzz", gzipped=False))
    _only_items(items)
    assert sum(isinstance(i, Failure) and i.item == "fuzz" for i in items) <= 1


@FUZZ
@given(st.binary(max_size=2048) | mutated(PAGE) | mutated(FEED_DOC) | mutated(WARC_GZ_DOC) | mutated(TEXT_DOC)
       | st.builds(gzip.compress, mutated(WARC_DOC)))
def test_any_document_in_memory(data: bytes):
    try:
        articles = read_bytes(data, "fuzz")
    except IngestError:
        return
    _only_items(articles)
