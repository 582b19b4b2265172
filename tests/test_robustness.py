"""Hostile inputs side by side with good ones, through the CLI: an archive whose
tail is one endless line, truncated and mis-sized archives, a FIFO, file names
that are not UTF-8 or hold terminal escapes, NUL bytes after the first 8 KiB,
huge files, invalid UTF-8 and binary data. The run ends in bounded time (a
generous subprocess timeout, not a timing assertion), stores the good items,
names each bad one on exactly one line, and every view works afterwards."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEMO, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newspages import SITES, demo_articles, headline, news_page, paragraphs, warc_bytes

from wortlaut.ingest import SKIP_SUFFIXES, Failure, display_name, iter_items
from wortlaut.ingest.warc import MAX_HEADERS, MAX_LINE, read_warc

ARTICLES = {Path(a.origin).name: a for a in demo_articles()}
HUGE = 100 * 2**20
RUN_TIMEOUT = 900  # seconds: far above a normal run, far below a hang
MARKUP_QUOTE = "„[bold]Die Hafenmauer hält [/x] noch zehn Jahre[/]“, sagte die Ingenieurin Petra Lindner."


def page(name: str, n: int, extra: str = "") -> bytes:
    a = ARTICLES[name]
    url = f"https://{SITES[n % 3].host}/{name.removesuffix('.txt')}.html"
    return news_page(headline(a), paragraphs(a) + ([extra] if extra else []), SITES[n % 3], url=url,
                     author="Lena Sommer", date="2024-03-12", variant=n).encode()


def record(name: str, n: int) -> tuple[str, bytes, str]:
    return f"https://e.de/{name.removesuffix('.txt')}", page(name, n), "2024-05-02"


def endless_tail(gzipped: bool, size: int = 64 * 2**20) -> bytes:
    """Garbage where the next record's headers should be: one line of ``size`` bytes."""
    garbage = b"WARC/1.0\r\nWARC-Type: resp" + b"\x1b[31m garbage " * (size // 14)
    return gzip.compress(garbage, 6) if gzipped else garbage


def hostile_directory(root: Path) -> tuple[Path, dict[str, str], set[str]]:
    """The inbox, each bad item's shown name with its expected reason (None: any
    reason), and the origins of the good items."""
    d = root / "inbox"
    d.mkdir()
    bad: dict[str, str | None] = {}
    good: set[str] = set()

    def name(path: Path) -> str:
        return display_name(path)

    for text in ("de-hafen.txt", "de-klima.txt"):
        (d / text).write_bytes((DEMO / text).read_bytes())
        good.add(str(d / text))
    (d / "markup.html").write_bytes(page("de-wahl.txt", 0, MARKUP_QUOTE))
    good.add(str(d / "markup.html"))
    latin1 = Path(os.fsdecode(bytes(d) + b"/s\xfcdkorea.txt"))  # a Latin-1 name: not UTF-8
    latin1.write_bytes((DEMO / "de-suedkorea.txt").read_bytes())
    good.add(name(latin1))

    endless = d / "endless.warc.gz"
    endless.write_bytes(warc_bytes([record("de-klinik.txt", 1), record("de-strasse.txt", 2)], True) + endless_tail(True))
    good |= {f"{endless}#https://e.de/de-klinik", f"{endless}#https://e.de/de-strasse"}
    bad[str(endless)] = f"archive corrupt after 2 complete records (a line of over {MAX_LINE:,} bytes where headers should be)"

    cut = warc_bytes([record("de-fussball.txt", 0), record("de-bahnstreik.txt", 1)], False)
    (d / "cut.warc").write_bytes(cut[:-900])
    good.add(f"{d}/cut.warc#https://e.de/de-fussball")
    bad[f"{d}/cut.warc"] = "archive truncated (ends inside a record) after 1 complete records"
    cut_gz = warc_bytes([record("de-gericht.txt", 2), record("de-kultur.txt", 0)], True)
    (d / "cut.warc.gz").write_bytes(cut_gz[:-700])
    good.add(f"{d}/cut.warc.gz#https://e.de/de-gericht")
    bad[f"{d}/cut.warc.gz"] = "archive truncated (gzip data ends inside a member) after 1 complete records"

    mis_sized = warc_bytes([record("de-uni-studie.txt", 1), record("de-wahl.txt", 2)], False)
    length_at = mis_sized.index(b"Content-Length: ") + len(b"Content-Length: ")
    length_end = mis_sized.index(b"\r", length_at)
    (d / "mis-sized.warc").write_bytes(
        mis_sized[:length_at] + str(int(mis_sized[length_at:length_end]) - 30).encode() + mis_sized[length_end:])
    good.add(f"{d}/mis-sized.warc#https://e.de/de-uni-studie")  # 30 bytes short of its end: still a page
    bad[f"{d}/mis-sized.warc"] = None  # warcio's complaint about what follows, as our one line

    header_flood = warc_bytes([record("de-ohne-kopf-freibad.txt", 0)], False) + (
        b"WARC/1.0\r\n" + b"X-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n" * (MAX_HEADERS // 40))
    (d / "header-flood.warc").write_bytes(header_flood)
    good.add(f"{d}/header-flood.warc#https://e.de/de-ohne-kopf-freibad")
    bad[f"{d}/header-flood.warc"] = f"archive corrupt after 1 complete records (over {MAX_HEADERS:,} bytes of headers without an end)"

    os.mkfifo(d / "inbox.fifo")
    bad[f"{d}/inbox.fifo"] = "not a regular file (a FIFO)"

    escapes = d / "\x1b[31mred\x1b[0m\x07.bin"
    escapes.write_bytes(random.Random(1).randbytes(5000).replace(b"\x00", b"\x01"))
    bad[str(escapes)] = None  # binary, by whatever sign the sniffer sees first
    (d / "photo.dat").write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(2).randbytes(3000))
    bad[f"{d}/photo.dat"] = "binary file (PNG image)"

    klima = (DEMO / "de-klima.txt").read_bytes()
    (d / "nul-late.txt").write_bytes(klima * 3 + b"\x00" + klima)
    bad[f"{d}/nul-late.txt"] = f"binary file (contains NUL bytes, the first at byte {len(klima) * 3:,})"
    html = page("de-hafen.txt", 2)
    nul_html = html.replace(b"</body>", b"<p>" + b"x" * 9000 + b"\x00</p></body>")
    (d / "nul-late.html").write_bytes(nul_html)
    nul_at = nul_html.index(b"\x00")
    bad[f"{d}/nul-late.html"] = f"binary file (contains NUL bytes, the first at byte {nul_at:,})"

    huge_text = klima * (6_000_000 // len(klima))
    (d / "huge.txt").write_bytes(huge_text)
    bad[f"{d}/huge.txt"] = f"file too large ({len(huge_text):,} bytes; limit 5,000,000)"
    with open(d / "huge-sparse.html", "wb") as f:
        f.write(b"<!DOCTYPE html><html><body><p>")
        f.truncate(HUGE)  # zeros on reading, nothing written
    bad[f"{d}/huge-sparse.html"] = f"file too large ({HUGE:,} bytes; limit 20,000,000)"

    broken = klima[:500] + b"\xff\xfe" + klima[500:]
    (d / "invalid-utf8.txt").write_bytes(broken)
    bad[f"{d}/invalid-utf8.txt"] = "not valid UTF-8 (byte 500: b'\\xff')"
    (d / "invalid-utf8.html").write_bytes(html.replace(b"</h1>", b"\xff\xfe</h1>"))
    bad[f"{d}/invalid-utf8.html"] = None  # the HTML reader's words for it
    body = "".join(f"<p>{p}</p>" for p in paragraphs(ARTICLES["de-gericht.txt"]))
    feed = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
            'content/"><channel><title>T</title><item><title>Urteil</title><link>https://e.de/u</link>'
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item></channel></rss>").encode()
    cut_at = feed.index(b"</p>")
    (d / "invalid-utf8.xml").write_bytes(feed[:cut_at] + b"\xfc" + feed[cut_at:])
    bad[f"{d}/invalid-utf8.xml"] = f"not valid utf-8 (byte {cut_at:,}: b'\\xfc')"
    latin1_bad = Path(os.fsdecode(bytes(d) + b"/kaputt-\xe9.txt"))
    latin1_bad.write_bytes(broken)
    bad[name(latin1_bad)] = "not valid UTF-8 (byte 500: b'\\xff')"
    return d, bad, good


def cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    """The CLI with bytes out (what reaches the terminal, exactly), wide enough not to wrap."""
    return subprocess.run([sys.executable, "-m", "wortlaut.cli", "--db", str(db), *args], capture_output=True, check=False,
                          stdin=subprocess.DEVNULL, cwd=ROOT, env={**os.environ, "COLUMNS": "1000"},
                          timeout=RUN_TIMEOUT)


def raw_controls(output: bytes) -> set[str]:
    """Control characters (other than line breaks) that would reach the terminal."""
    return {f"{c:#04x}" for c in output if c < 32 and c not in (9, 10, 13) or c == 0x7F}


def escaped(name: str) -> str:
    """A name as the CLI shows it: control characters as escapes."""
    return "".join(ch.encode("unicode_escape").decode() if ord(ch) < 32 or ord(ch) == 0x7F else ch for ch in name)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
def test_hostile_directory_ends_stores_the_good_and_names_each_bad_item_once(tmp_path: Path):
    inbox, bad, good = hostile_directory(tmp_path)
    db = tmp_path / "w.db"
    r = cli("ingest", str(inbox), db=db)
    stderr, stdout = r.stderr.decode(), r.stdout.decode()
    assert r.returncode == 1, stderr
    assert raw_controls(r.stdout) == set() and raw_controls(r.stderr) == set()
    assert "Traceback" not in stderr and "WARNING" not in stderr  # nothing but our own lines, warcio's included

    lines = [line for line in stderr.splitlines() if line.startswith("✗ ")]
    assert len(lines) == len(bad), "\n".join(lines)
    for item, reason in bad.items():
        shown = [line for line in lines if line.startswith(f"✗ {escaped(item)}: ")]
        assert len(shown) == 1, (item, lines)
        if reason is not None:
            assert shown[0] == f"✗ {escaped(item)}: {reason}"
    assert f"{len(bad)} failed" in stdout

    con = sqlite3.connect(db)
    try:
        origins = {row[0] for row in con.execute("select origin from articles")}
        assert origins == good
        assert con.execute("select count(*) from failures").fetchone()[0] == len(bad)
        (markup_id,) = con.execute("select id from articles where origin = ?", (f"{inbox}/markup.html",)).fetchone()
        texts = [row[0] for row in con.execute("select text from quotes where article_id = ?", (markup_id,))]
        assert any("[/x]" in t for t in texts), texts
    finally:
        con.close()

    someone = json.loads(cli("sources", "--format", "json", db=db).stdout)[0]["name"]
    views = [("quotes",), ("quotes", "--format", "csv"), ("quotes", "--search", "Hafenmauer"), ("articles",),
             ("search", "Hafenmauer"), ("sources",), ("source", someone), ("failures",),
             ("failures", "--format", "json"), ("export", "quotes")]
    for view in views:
        shown = cli(*view, db=db)
        assert shown.returncode == 0, (view, shown.stderr.decode())
        assert raw_controls(shown.stdout) == set() and raw_controls(shown.stderr) == set(), view
    assert "[/x]" in cli("quotes", db=db).stdout.decode()
    table = cli("failures", db=db).stdout.decode()
    assert "\\x1b[31mred\\x1b[0m\\x07.bin" in table and "kaputt-\\xe9.txt" in table
    listed = json.loads(cli("failures", "--format", "json", db=db).stdout)
    assert {f["item"] for f in listed} == set(bad)
    stats = cli("stats", db=db)
    assert stats.returncode == 0 or b"No such command" in stats.stderr, stats.stderr.decode()

    again = cli("ingest", str(inbox), db=db)  # a second run: the same lines, nothing new stored
    assert again.returncode == 1
    assert sorted(line for line in again.stderr.decode().splitlines() if line.startswith("✗ ")) == sorted(lines)
    assert f"0 article(s) stored with 0 quote(s), 0 duplicate, 0 unsupported, {len(good)} already present" in again.stdout.decode()


def test_a_fifo_or_a_device_named_directly_is_refused_at_once(tmp_path: Path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    r = cli("ingest", str(fifo), "/dev/null", str(DEMO / "de-hafen.txt"), db=tmp_path / "w.db")
    assert r.returncode == 1
    assert [line for line in r.stderr.decode().splitlines() if line.startswith("✗ ")] == [
        f"✗ {fifo}: not a regular file (a FIFO)", "✗ /dev/null: not a regular file (a character device)"]
    assert "1 article(s) stored" in r.stdout.decode()


# -- properties, in process ---------------------------------------------------------

_NAME_BYTES = st.binary(min_size=1, max_size=40).map(lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_")).filter(
    lambda b: not b.startswith(b".") and os.path.splitext(b)[1].decode("latin-1").lower() not in SKIP_SUFFIXES)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(_NAME_BYTES, min_size=1, max_size=5, unique=True))
def test_any_file_name_gives_one_item_with_a_printable_name(tmp_path_factory, names: list[bytes]):
    d = tmp_path_factory.mktemp("names")
    for n, name in enumerate(names):
        content = (DEMO / "de-klima.txt").read_bytes() if n % 2 else b"\x00\x01binary"
        with open(bytes(d) + b"/" + name, "wb") as f:
            f.write(content)
    items = list(iter_items([str(d)]))
    assert len(items) == len(names)
    shown = sorted(i.item if isinstance(i, Failure) else i.origin for i in items)
    assert shown == sorted(display_name(bytes(d) + b"/" + name) for name in names)
    for name in shown:
        name.encode("utf-8")  # storable and printable: no lone surrogates
        assert "\ufffd" not in name or "\ufffd".encode() in b"".join(names)


_GARBAGE = st.binary(min_size=1, max_size=32).filter(lambda b: b"\n" not in b)


@settings(max_examples=12, deadline=None)
@given(unit=_GARBAGE, size=st.integers(MAX_LINE + 1, 8 * 2**20), gzipped=st.booleans())
def test_an_endless_line_after_good_records_costs_only_itself(unit: bytes, size: int, gzipped: bool):
    good = warc_bytes([record("de-klinik.txt", 1), record("de-wahl.txt", 2)], gzipped)
    tail = (unit * (size // len(unit) + 1))[:size]
    data = good + (gzip.compress(tail, 1) if gzipped else tail)
    items = list(read_warc(io.BytesIO(data), "a.warc", gzipped))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "Failure"], items
    assert items[-1].reason.startswith("archive corrupt after 2 complete records")
