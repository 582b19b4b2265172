"""Readers that stay bounded and quiet on hostile input: WARC header lines and
blocks, damaged compressed bodies, warcio's own warnings, files that are not
regular files, names that are not UTF-8, NUL bytes late in a document."""

from __future__ import annotations

import gzip
import io
import os
import random
import socket
from pathlib import Path

import pytest
from newspages import SITES, demo_articles, headline, news_page, paragraphs, warc_bytes
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wortlaut.ingest import Failure, display_name, iter_items, read_bytes, read_file
from wortlaut.ingest.errors import MAX_REASON
from wortlaut.ingest.warc import MAX_HEADERS, MAX_LINE, read_warc

ARTICLES = {Path(a.origin).name: a for a in demo_articles()}


def page(name: str) -> bytes:
    a = ARTICLES[name]
    return news_page(headline(a), paragraphs(a), SITES[0], url=f"https://e.de/{name}", author="A",
                     date="2024-01-02").encode()


def good_records(gzipped: bool) -> bytes:
    return warc_bytes([("https://e.de/hafen", page("de-hafen.txt"), "2024-01-02")], gzipped)


def kinds(items: list) -> list[str]:
    return [type(i).__name__ for i in items]


@pytest.mark.parametrize("gzipped", [False, True])
def test_an_endless_header_line_fails_once_after_the_good_records(gzipped: bool):
    tail = b"x" * (50 * MAX_LINE)
    data = good_records(gzipped) + (gzip.compress(tail) if gzipped else tail)
    items = list(read_warc(io.BytesIO(data), "a.warc", gzipped))
    assert kinds(items) == ["Article", "Failure"]
    assert items[1].reason == f"archive corrupt after 1 complete records (a line of over {MAX_LINE:,} bytes where headers should be)"


def test_a_header_block_without_end_fails_once():
    flood = b"WARC/1.0\r\n" + b"X-A: b\r\n" * (MAX_HEADERS // 8 + 1)
    items = list(read_warc(io.BytesIO(good_records(False) + flood), "a.warc", False))
    assert kinds(items) == ["Article", "Failure"]
    assert items[1].reason == f"archive corrupt after 1 complete records (over {MAX_HEADERS:,} bytes of headers without an end)"


def test_a_long_html_line_in_a_body_is_no_header_line():
    body = page("de-hafen.txt").replace(b"</body>", b"<!--" + b"y" * (3 * MAX_LINE) + b"--></body>")
    data = warc_bytes([("https://e.de/long", body, "2024-01-02")], True)
    assert kinds(list(read_warc(io.BytesIO(data), "a.warc.gz", True))) == ["Article"]


def test_a_damaged_compressed_body_is_that_records_failure_and_nothing_is_printed(capfd):
    noise = random.Random(3).randbytes(40000).hex().encode()  # hardly compressible
    compressed = gzip.compress(page("de-hafen.txt").replace(b"</body>", b"<!--" + noise + b"--></body>"), 1)
    assert len(compressed) > 3 * 16384  # the damage comes after warcio's first block
    damaged = compressed[:40000] + bytes(b ^ 0x5A for b in compressed[40000:41000]) + compressed[41000:]
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip"),
                                          ("Content-Length", str(len(damaged)))], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://e.de/z", "response", payload=io.BytesIO(damaged),
                                                  http_headers=headers))
    items = list(read_warc(io.BytesIO(out.getvalue() + good_records(False)), "a.warc", False))
    assert kinds(items) == ["Failure", "Article"]
    assert items[0].item == "a.warc#https://e.de/z" and items[0].reason.startswith("compressed body is damaged (gzip: ")
    assert capfd.readouterr().err == ""


def test_a_mis_sized_record_is_one_line_and_warcio_prints_nothing(capfd):
    data = warc_bytes([("https://e.de/a", page("de-wahl.txt"), "2024-01-02")], False)
    # a Content-Length 2 bytes short: two stray bytes, then the closing blank lines
    at = data.index(b"Content-Length: ") + len(b"Content-Length: ")
    end = data.index(b"\r", at)
    data = data[:at] + str(int(data[at:end]) - 2).encode() + data[end:]
    items = list(read_warc(io.BytesIO(data + good_records(False)), "a.warc", False))
    assert kinds(items) == ["Article", "Article", "Failure"]
    assert items[2].item == "a.warc" and items[2].reason.startswith(
        "archive damaged: a record not followed by a blank line (wrong Content-Length?) at byte ")
    assert capfd.readouterr().err == ""


def test_a_target_uri_warcio_repairs_is_not_logged_raw(capfd):
    data = warc_bytes([("https://e.de/a b\x1b[2J", page("de-wahl.txt"), "2024-01-02")], False)
    assert kinds(list(read_warc(io.BytesIO(data), "a.warc", False))) == ["Article"]
    assert capfd.readouterr().err == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.html")
    assert list(read_file(tmp_path / "pipe.html")) == [Failure(str(tmp_path / "pipe.html"), "not a regular file (a FIFO)")]
    assert [(i.item, i.reason) for i in iter_items([str(tmp_path)])] == [
        (str(tmp_path / "pipe.html"), "not a regular file (a FIFO)")]


def test_a_device_is_refused():
    assert [i.reason for i in read_file(Path("/dev/zero"))] == ["not a regular file (a character device)"]


def test_names_that_are_not_utf8_are_read_and_shown_with_escapes(tmp_path: Path):
    raw = bytes(tmp_path) + b"/s\xfcd-\xff.txt"
    with open(raw, "wb") as f:
        f.write((Path(__file__).parents[2] / "data" / "demo" / "de-suedkorea.txt").read_bytes())
    (article,) = iter_items([str(tmp_path)])
    assert article.origin == f"{tmp_path}/s\\xfcd-\\xff.txt" == display_name(os.fsdecode(raw))
    article.origin.encode("utf-8")  # no lone surrogates: storable


def test_nul_bytes_after_the_sniffed_head_are_refused_in_every_format():
    html = page("de-hafen.txt").replace(b"</body>", b"<p>" + b"z" * 9000 + b"\x00</p></body>")
    with pytest.raises(ValueError, match=r"binary file \(contains NUL bytes, the first at byte [\d,]+\)"):
        read_bytes(html, "late.html")
    items = list(read_warc(io.BytesIO(warc_bytes([("https://e.de/n", html, "2024-01-02")], False)), "a.warc", False))
    nul = html.index(b"\x00")
    assert [(i.item, i.reason) for i in items] == [
        ("a.warc#https://e.de/n", f"binary content (contains NUL bytes, the first at byte {nul:,})")]


def test_a_failure_reason_is_one_short_line():
    failure = Failure("x", "Invalid WARC record, first line:\n\x1b[2J" + "garbage " * 100)
    assert "\n" not in failure.reason and len(failure.reason) == MAX_REASON and failure.reason.endswith("…")


def test_a_feed_whose_bytes_are_not_its_declared_encoding_is_refused():
    body = "".join(f"<p>{p}</p>" for p in paragraphs(ARTICLES["de-gericht.txt"]))
    feed = ('<?xml version="1.0" encoding="ENCODING"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/'
            'modules/content/"><channel><title>T</title><item><title>Urteil</title><link>https://e.de/u</link>'
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item></channel></rss>")
    utf8 = feed.replace("ENCODING", "utf-8").encode()
    assert [a.title for a in read_bytes(utf8, "f.xml")] == ["Urteil"]
    at = utf8.index(b"</p>")
    with pytest.raises(ValueError, match=rf"^not valid utf-8 \(byte {at:,}: b'\\xff'\)$"):
        read_bytes(utf8[:at] + b"\xff" + utf8[at:], "f.xml")
    latin1 = feed.replace("ENCODING", "iso-8859-1").encode("latin-1", "replace")
    assert [a.title for a in read_bytes(latin1, "f.xml")] == ["Urteil"]
    with pytest.raises(ValueError, match=r"^not valid ascii \(byte "):  # the HTTP charset wins
        read_bytes(utf8, "f.xml", content_type="application/rss+xml; charset=ascii")


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
def test_a_socket_in_a_directory_is_refused(tmp_path: Path):
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "server.sock"))
        assert [(i.item, i.reason) for i in iter_items([str(tmp_path)])] == [
            (str(tmp_path / "server.sock"), "not a regular file (a socket)")]
