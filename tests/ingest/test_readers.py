"""The readers one by one: sniffing, HTML, feeds, WARC, stdin, URLs, language and
near-duplicate signatures. Real documents in, real articles out."""

from __future__ import annotations

import gzip
import io
import ipaddress
import itertools
import random
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import DEMO, run_cli
from newspages import SITES, demo_articles, headline, news_page, paragraphs, story, write_warc
from wortlaut.analyse.language import IDENTIFIED, detect_language
from wortlaut.ingest import Failure, IngestError, iter_items, read_bytes, read_file
from wortlaut.ingest.dedup import THRESHOLD, signature
from wortlaut.ingest.feed import read_feed
from wortlaut.ingest.html import decode_html, read_html
from wortlaut.ingest.sniff import BINARY, FEED, GZIP, HTML, TEXT, WARC, WARC_GZ, sniff
from wortlaut.ingest.url import checked_address, internal_kind
from wortlaut.ingest.warc import read_warc
from wortlaut.model import fold

ARTICLES = {Path(a.origin).name: a for a in demo_articles()}
HAFEN = ARTICLES["de-hafen.txt"]
URL = "https://www.elbufer-rundschau.de/hamburg/hafen-umbau-123.html"


def hafen_page(site: int = 0, variant: int = 0, credit: str = "", url: str = URL) -> str:
    return news_page(headline(HAFEN), paragraphs(HAFEN), SITES[site], url=url, author="Tobias Brandt",
                     date="2024-03-12", variant=variant, credit=credit)


def rss(entries: str, title: str = "Elbufer Rundschau") -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>{title}</title><link>https://www.elbufer-rundschau.de/</link>{entries}</channel></rss>""".encode()


def rss_item(article, link: str, *, full: bool = True) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs(article))
    content = f"<content:encoded><![CDATA[{body}]]></content:encoded>" if full else ""
    return (f"<item><title>{headline(article)}</title><link>{link}</link><dc:creator>Lena Sommer</dc:creator>"
            f"<pubDate>Tue, 12 Mar 2024 23:30:00 +0100</pubDate><description>Kurz: {headline(article)}</description>"
            f"{content}</item>")


# -- sniffing --------------------------------------------------------------


@pytest.mark.parametrize("head, kind", [
    (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", WARC),
    (gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n"), WARC_GZ),
    (gzip.compress(b"just some text"), GZIP),
    (b'<?xml version="1.0"?>\n<!-- feed --><rss version="2.0"><channel>', FEED),
    (b'\xef\xbb\xbf<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', FEED),
    (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', FEED),
    (b"<!DOCTYPE html><html><head>", HTML),
    (b'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', HTML),
    (b"  <div class='x'><p>Absatz</p><p>Noch einer</p></div>", HTML),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BINARY),
    (b"%PDF-1.7\n%\xe2\xe3", BINARY),
    (b" date 2024-03 Hamburg, Deutschland\n\nElbe Echo\n\n\xe2\x80\x94\n\nText.", TEXT),
    (b"<b>Eil</b>: Der Hafen w\xc3\xa4chst.", TEXT),
    (b"", TEXT),
])
def test_format_is_sniffed_from_content(head: bytes, kind: str):
    assert sniff(head) == kind


def test_extension_is_not_trusted(tmp_path: Path):
    (tmp_path / "page.txt").write_text(hafen_page(), encoding="utf-8")
    (tmp_path / "feed.html").write_bytes(rss(rss_item(HAFEN, URL)))
    page, feed = (list(read_file(tmp_path / name)) for name in ("page.txt", "feed.html"))
    assert page[0].url == URL and page[0].outlet == "Elbufer Rundschau"
    assert feed[0].origin == f"{tmp_path / 'feed.html'}#{URL}"


# -- HTML ------------------------------------------------------------------


def test_html_gives_main_text_in_paragraphs_and_metadata():
    a = read_html(hafen_page(variant=1).encode(), "hafen.html", url="https://crawl.example/record")
    assert (a.title, a.author, a.date, a.outlet, a.url) == (
        headline(HAFEN), "Tobias Brandt", "2024-03-12", "Elbufer Rundschau", URL)  # canonical beats the record URI
    assert a.text.split("\n\n") == paragraphs(HAFEN)  # headline, nav, teasers, caption, footer all gone
    assert "„Wir werden den Hafen modernisieren, ohne die Elbe weiter zu belasten“" in a.text


def test_page_without_metadata_falls_back_to_record_uri_crawl_date_and_host():
    body = "".join(f"<p>{p}</p>" for p in paragraphs(HAFEN))
    a = read_html(f"<html><body><article>{body}</article></body></html>".encode(), "x",
                  url="https://www.kiel-kurier.de/a/1", date="2024-05-02")
    assert (a.url, a.date, a.outlet) == ("https://www.kiel-kurier.de/a/1", "2024-05-02", "kiel-kurier.de")


def test_charsets_declared_in_header_or_page_and_windows_1252_quotes():
    page = hafen_page().replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    latin = page.encode("cp1252")  # „ and “ exist only in windows-1252, which browsers read ISO-8859-1 as
    assert "„Wir werden den Hafen" in decode_html(latin)
    assert "„Wir werden den Hafen" in decode_html(hafen_page().encode("utf-16"), "text/html; charset=utf-16")
    with pytest.raises(IngestError, match="unknown charset 'x-klingon'"):
        decode_html(b"<html>x</html>", "text/html; charset=x-klingon")
    with pytest.raises(IngestError, match="unknown charset 'rot13'"):
        decode_html(b"<html>x</html>", "text/html; charset=rot13")
    with pytest.raises(IngestError, match=r"not valid utf-8 \(byte 6\)"):
        decode_html(b"<html>\xff</html>", "text/html; charset=utf-8")
    assert decode_html("<p>Straße</p>".encode("cp1252")) == "<p>Straße</p>"  # undeclared, not UTF-8


def test_page_without_article_text_is_refused():
    with pytest.raises(IngestError, match="no article text found"):
        read_html(b"<html><body><nav><a href='/'>Start</a></nav></body></html>", "x")


# -- feeds -----------------------------------------------------------------


def test_rss_with_full_content_gives_one_article_per_entry():
    data = rss(rss_item(HAFEN, URL) + rss_item(ARTICLES["en-harbour.txt"], "https://e.de/harbour"))
    hafen, harbour = read_feed(data, "feed.xml")
    assert hafen.text.split("\n\n") == paragraphs(HAFEN)
    assert (hafen.title, hafen.author, hafen.outlet, hafen.url, hafen.origin) == (
        headline(HAFEN), "Lena Sommer", "Elbufer Rundschau", URL, f"feed.xml#{URL}")
    assert hafen.date == "2024-03-12"  # as the feed wrote it, not moved to the next day by UTC
    assert harbour.text.startswith("The authority")


def test_atom_content_and_entries_without_full_text():
    body = "".join(f"<p>{p}</p>" for p in paragraphs(HAFEN))
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Northern Ledger</title>
<entry><title>Hafen</title><link href="{URL}"/><id>urn:1</id><updated>2024-03-12T08:00:00Z</updated>
<author><name>Owen Barker</name></author><content type="html"><![CDATA[{body}]]></content></entry>
<entry><title>Teaser only</title><link href="https://e.de/teaser"/><id>urn:2</id>
<summary>Nur ein Satz.</summary></entry></feed>""".encode()
    full, teaser = read_feed(atom, "atom")
    assert (full.title, full.author, full.date, full.outlet) == ("Hafen", "Owen Barker", "2024-03-12", "Northern Ledger")
    assert full.text_from == "content"
    # Not allowed to fetch, the entry's summary is the article: stored, marked as such.
    assert (teaser.text, teaser.text_from, teaser.origin) == ("Nur ein Satz.", "summary", "atom#https://e.de/teaser")
    # Allowed to fetch, the linked page is read instead.
    _, fetched = read_feed(atom, "atom", fetch_page=lambda link: read_html(hafen_page().encode(), link))
    assert fetched.text.split("\n\n") == paragraphs(HAFEN) and fetched.origin == "atom#https://e.de/teaser"
    assert fetched.text_from == "page"


def test_rss_item_with_only_a_description_is_stored_when_its_page_cannot_be_read(tmp_path: Path):
    def unreachable(link: str):
        raise IngestError("HTTP 503")

    description = "Der Hamburger Senat hat den Umbau des Hafens beschlossen, sagte Senatorin Anna Berger."
    item = (f"<item><title>Hafen</title><link>{URL}</link><description>{description}</description></item>"
            "<item><title>Nichts</title><link>https://e.de/leer</link></item>")
    stored, empty = read_feed(rss(item), "feed.xml", fetch_page=unreachable)
    assert (stored.text, stored.text_from, stored.title, stored.url) == (description, "summary", "Hafen", URL)
    assert isinstance(empty, Failure) and empty.reason == (
        "entry has no full text and no description; linked page: HTTP 503")
    # through the CLI: the description-only item is in the store, the empty one is one failure line
    (tmp_path / "feed.xml").write_bytes(rss(item))
    db = tmp_path / "feed.db"
    result = run_cli("ingest", str(tmp_path / "feed.xml"), db=db)
    assert "no full text and no description" in result.stdout + result.stderr
    listed = run_cli("articles", db=db)
    assert listed.returncode == 0 and "Hafen" in listed.stdout, listed.stdout + listed.stderr


@pytest.mark.parametrize("data, reason", [
    (rss(""), "empty feed"),
    (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', "empty feed"),
    (b"<rss version='2.0'><channel><item><title>kaputt", "no full text"),
])
def test_empty_and_broken_feeds_get_a_reason(data: bytes, reason: str):
    failures = list(read_feed(data, "f.xml"))
    assert failures and all(isinstance(f, Failure) and reason in f.reason for f in failures)


# -- WARC ------------------------------------------------------------------


def warc_pages(n: int = 3) -> list[tuple[str, bytes, str]]:
    names = ["de-hafen.txt", "en-harbour.txt", "de-klinik.txt", "de-wahl.txt"][:n]
    return [(f"https://e.de/{k}", news_page(headline(ARTICLES[name]), paragraphs(ARTICLES[name]), SITES[k % 5],
             url=f"https://e.de/{k}", author="Lena Sommer", date="2024-05-02", variant=k).encode(), "2024-05-02")
            for k, name in enumerate(names)]


@pytest.mark.parametrize("suffix", [".warc", ".warc.gz"])
def test_warc_records_become_articles_with_uri_and_crawl_date(tmp_path: Path, suffix: str):
    path = tmp_path / f"crawl{suffix}"
    write_warc(path, warc_pages(3))
    items = list(read_file(path))
    assert [a.url for a in items] == ["https://e.de/0", "https://e.de/1", "https://e.de/2"]
    assert items[1].origin == f"{path}#https://e.de/1"
    assert items[1].text.split("\n\n") == paragraphs(ARTICLES["en-harbour.txt"])


def test_truncated_warc_gz_yields_its_good_records_then_one_failure(tmp_path: Path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, warc_pages(4))
    data = path.read_bytes()
    for cut in range(200, len(data) - 30, 397):
        items = list(read_warc(io.BytesIO(data[:cut]), "cut", gzipped=True))
        articles = [i for i in items if not isinstance(i, Failure)]
        assert all(isinstance(i, Failure) for i in items[len(articles):]), cut
        assert len(items) - len(articles) == 1, (cut, items)
        assert all(a.text.split("\n\n") == paragraphs(ARTICLES[n]) for a, n in
                   zip(articles, ["de-hafen.txt", "en-harbour.txt", "de-klinik.txt"])), cut  # never a cut-off text


# -- stdin, directories ------------------------------------------------------


def test_stdin_and_a_directory_sniff_every_file(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page").write_text(hafen_page(), encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Notizen\n\nNicht einlesen.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Versteckt.", encoding="utf-8")
    write_warc(tmp_path / "crawl", warc_pages(1))
    assert [i.origin for i in iter_items([str(tmp_path)])] == [f"{tmp_path / 'crawl'}#https://e.de/0", str(tmp_path / "sub" / "page")]
    db = tmp_path / "w.db"
    r = subprocess.run([sys.executable, "-m", "wortlaut.cli", "--db", str(db), "ingest", "-"],
                       input=gzip.compress((tmp_path / "crawl").read_bytes()), capture_output=True)
    assert r.returncode == 0 and b"1 article(s) stored" in r.stdout, r.stderr


# -- language --------------------------------------------------------------


def test_languages_outside_the_analysed_set_are_identified():
    french = ("Le maire de Marseille a annoncé lundi un plan de rénovation du port. « Nous allons moderniser "
              "le port sans polluer la mer », a déclaré Anne Berger lors de la présentation à l'hôtel de ville.")
    assert detect_language(french, IDENTIFIED) == "fr"
    assert detect_language(HAFEN.text, IDENTIFIED) == "de"
    assert detect_language(ARTICLES["en-harbour.txt"].text, IDENTIFIED) == "en"
    assert detect_language(french) in ("de", "en")  # the analysis' own default set is unchanged


# -- near duplicates ----------------------------------------------------------


def _similarity(a: str, b: str) -> tuple[float, float]:
    """(exact Jaccard of word 5-shingles, MinHash estimate)."""
    def shingles(text: str) -> set[str]:
        w = re.findall(r"\w+", fold(text))
        return {" ".join(w[i:i + 5]) for i in range(max(1, len(w) - 4))}
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb), signature(a).jaccard(signature(b))


def _extracted(title: str, body: list[str], site: int, variant: int, credit: str = "") -> str:
    return read_html(news_page(title, body, SITES[site], url=f"https://e.de/{site}-{variant}", author="A",
                               date="2024-03-12", variant=variant, credit=credit).encode(), "x").text


def test_threshold_separates_syndicated_copies_from_other_stories():
    """How THRESHOLD was chosen: copies score well above it, other stories well below."""
    copies, others = [], []
    for k, article in enumerate(ARTICLES.values()):
        p, t = paragraphs(article), headline(article)
        original = _extracted(t, p, k % 5, 0)
        copies += [
            _similarity(original, _extracted(t, p, (k + 1) % 5, 1, credit="(dpa) Zuerst erschienen im Elbufer Kurier.")),
            _similarity(original, _extracted("Neu: " + t, ["Hamburg (dpa) – " + p[0], *p[1:]], (k + 2) % 5, 2)),
            _similarity(original, _extracted(t, p[:-2], (k + 3) % 5, 3, credit="© dpa-infocom")),
        ]
        other = paragraphs(list(ARTICLES.values())[(k + 1) % len(ARTICLES)])
        half = p[: len(p) // 2] + other[len(other) // 2:]  # a follow-up keeping half the story
        others.append(_similarity(original, _extracted(t, half, k % 5, 4)))
    rng = random.Random(7)
    stories = [_extracted("T", story(list(ARTICLES.values()), rng)[1], 0, 0) for _ in range(40)]
    others += [_similarity(a, b) for a, b in itertools.combinations(stories, 2)]
    assert min(min(c) for c in copies) >= THRESHOLD + 0.05, sorted(copies)[:3]
    assert max(max(o) for o in others) <= THRESHOLD - 0.15, sorted(others)[-3:]


# -- URLs (a local server on 127.0.0.1 only) ----------------------------------


class _Site(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
    user_agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.user_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65533
            try:
                for _ in range(400):  # 26 MB, more than the cap, without a Content-Length
                    self.wfile.write(chunk)
            except OSError:
                pass  # the client hung up at the cap, as it should
            return
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for name, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    page = hafen_page().encode()
    _Site.routes = {
        "/hafen.html": (200, {"Content-Type": "text/html; charset=utf-8"}, page),
        "/old": (301, {"Location": "/hafen.html"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/elsewhere": (302, {"Location": "file:///etc/passwd"}, b""),
        "/gone": (410, {}, b""),
        "/feed.xml": (200, {"Content-Type": "application/rss+xml"},
                      rss(rss_item(HAFEN, f"{base}/hafen.html", full=False))),
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()


def test_url_is_fetched_with_private_targets_allowed(site: str):
    (article,) = iter_items([f"{site}/old"], allow_private=True)  # redirected to the page
    assert article.url == URL and article.origin == f"{site}/old"
    assert article.text.split("\n\n") == paragraphs(HAFEN)
    assert _Site.user_agents[-1].startswith("wortlaut/")


def test_feed_from_a_url_reads_the_linked_pages(site: str):
    (article,) = iter_items([f"{site}/feed.xml"], allow_private=True)
    assert article.text.split("\n\n") == paragraphs(HAFEN) and article.outlet == "Elbufer Rundschau"


@pytest.mark.parametrize("path, allow, reason", [
    ("/hafen.html", False, "refused: 127.0.0.1 is a loopback address"),
    ("/elsewhere", True, "not an http(s) URL: file:///etc/passwd"),  # each redirect target is checked again
    ("/loop", True, "too many redirects"),
    ("/gone", True, "HTTP 410"),
    ("/endless", True, "too large"),
])
def test_url_failures_get_a_reason(site: str, path: str, allow: bool, reason: str):
    (failure,) = iter_items([f"{site}{path}"], allow_private=allow)
    assert isinstance(failure, Failure) and reason in failure.reason, failure


@pytest.mark.parametrize("address, kind", [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"), ("fd00::1", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("224.0.0.1", "multicast"),
    ("0.0.0.0", "private"), ("93.184.216.34", ""), ("2606:4700::1111", ""),
    ("100.64.0.1", "non-global"), ("100.127.255.254", "non-global"), ("::ffff:100.64.0.1", "non-global"),
    ("198.18.0.1", "private"), ("2001:db8::1", "private"),
])
def test_internal_addresses_are_recognised(address: str, kind: str):
    assert internal_kind(ipaddress.ip_address(address)) == kind


def test_names_resolving_inward_are_refused_before_any_connection():
    with pytest.raises(IngestError, match="refused: localhost is a loopback address"):
        checked_address("localhost", 80, allow_private=False)


def test_cli_url_ingest_needs_allow_private_for_loopback(site: str, tmp_path: Path):
    db = tmp_path / "w.db"
    refused = run_cli("ingest", f"{site}/hafen.html", db=db)
    assert refused.returncode == 1
    assert f"✗ {site}/hafen.html: refused: 127.0.0.1 is a loopback address" in refused.stderr
    stored = run_cli("ingest", f"{site}/hafen.html", "--allow-private", db=db)
    assert stored.returncode == 0 and "1 article(s) stored" in stored.stdout, stored.stderr


def test_read_bytes_for_one_posted_document():
    (article,) = read_bytes(hafen_page().encode(), "api", "text/html; charset=utf-8")
    assert article.outlet == "Elbufer Rundschau" and article.origin == "api"
    (text,) = read_bytes((DEMO / "de-hafen.txt").read_bytes(), "api", "text/plain")
    assert text.outlet == "Elbufer Rundschau" and text.date == "2024-03"
    with pytest.raises(IngestError, match="binary file"):
        read_bytes(b"\x00\x01\x02", "api")
