"""Batch ingestion end to end through the CLI: a directory of every format and
every kind of junk (100 MB inputs among them), re-ingestion, near duplicates,
and a run killed with SIGKILL then completed."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import DEMO, ROOT, run_cli
from newspages import (
    SITES,
    demo_articles,
    headline,
    http_record,
    news_page,
    paragraphs,
    story,
    write_warc,
)
from warcio.warcwriter import WARCWriter

from wortlaut import batch
from wortlaut.model import Article
from wortlaut.store import open_store

ARTICLES = {Path(a.origin).name: a for a in demo_articles()}
HUGE = 100 * 2**20
FRENCH = (
    "Le maire de Marseille a annoncé lundi un plan de rénovation du port. « Nous allons moderniser le port "
    "sans polluer la mer », a déclaré Anne Berger lors de la présentation à l'hôtel de ville.\n\n"
    "Les syndicats de dockers ont salué le projet, tout en réclamant des garanties pour l'emploi. "
    "« Nous serons vigilants », a dit leur porte-parole, Marc Dupuis."
)


def page(name: str, site: int, variant: int = 0, credit: str = "", url: str = "") -> bytes:
    a = ARTICLES[name]
    url = url or f"https://{SITES[site].host}/{name.removesuffix('.txt')}.html"
    return news_page(headline(a), paragraphs(a), SITES[site], url=url, author="Lena Sommer",
                     date="2024-03-12", variant=variant, credit=credit).encode()


def feed_entry(name: str, link: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs(ARTICLES[name]))
    return (f"<item><title>{headline(ARTICLES[name])}</title><link>{link}</link>"
            f"<pubDate>Mon, 11 Mar 2024 10:00:00 +0100</pubDate>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>")


def huge_warc(path: Path) -> None:
    """A 100 MB WARC, sparse on disk: a page, a 100 MB record, a page."""
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=False)
        http_record(writer, "https://e.de/suedkorea", page("de-suedkorea.txt", 3), "2024-05-02")
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>"
        f.write(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://e.de/giant\r\n"
                b"WARC-Date: 2024-05-02T06:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
                b"Content-Type: application/http; msgtype=response\r\n"
                + f"Content-Length: {len(http) + HUGE}\r\n\r\n".encode() + http)
        f.seek(HUGE, os.SEEK_CUR)  # a hole: zeros on reading, nothing written
        f.write(b"\r\n\r\n")
        http_record(writer, "https://e.de/uni", page("de-uni-studie.txt", 4), "2024-05-02")


def mixed_directory(root: Path) -> Path:
    d = root / "inbox"
    for sub in ("html", "feeds", "archives", "text", "junk"):
        (d / sub).mkdir(parents=True)
    (d / "html" / "hafen.html").write_bytes(page("de-hafen.txt", 0))
    (d / "html" / "kultur").write_bytes(page("de-kultur.txt", 2, 1))  # no extension: sniffed
    (d / "html" / "syndicated-hafen.htm").write_bytes(  # the same story syndicated: other site, agency line
        page("de-hafen.txt", 1, 2, credit="(dpa) Dieser Text erschien zuerst in der Elbufer Rundschau."))
    ns = 'xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    (d / "feeds" / "rss.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0" {ns}><channel><title>Tagesblatt Nord</title>'
        + feed_entry("de-wahl.txt", "https://tagesblatt-nord.de/wahl") + feed_entry("en-tech-court.txt", "https://tagesblatt-nord.de/court")
        + "</channel></rss>", encoding="utf-8")
    body = "".join(f"<p>{p}</p>" for p in paragraphs(ARTICLES["de-gericht.txt"]))
    (d / "feeds" / "atom.feed").write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Westfalen Kurier</title>'
        '<entry><title>Urteil</title><link href="https://www.westfalen-kurier.de/urteil"/><id>urn:u</id>'
        f'<updated>2024-02-01T09:00:00+01:00</updated><content type="html"><![CDATA[{body}]]></content></entry></feed>',
        encoding="utf-8")
    (d / "feeds" / "empty.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Leer</title></channel></rss>')
    with open(d / "archives" / "crawl.warc.gz", "wb") as f:
        writer = WARCWriter(f, gzip=True)
        http_record(writer, "https://e.de/klinik", page("de-klinik.txt", 0, url="https://e.de/klinik"), "2024-05-02")
        http_record(writer, "https://e.de/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "2024-05-02", "image/png")
        http_record(writer, "https://e.de/strasse", page("de-strasse.txt", 1), "2024-05-02", "text/html; charset=x-klingon")
        http_record(writer, "https://e.de/hospital", page("en-hospital.txt", 3, url="https://e.de/hospital"), "2024-05-02")
    cut = root / "cut.warc.gz"
    write_warc(cut, [("https://e.de/fussball", page("de-fussball.txt", 2), "2024-05-02"),
                     ("https://e.de/bahn", page("de-bahnstreik.txt", 2), "2024-05-02")])
    (d / "archives" / "cut.warc.gz").write_bytes(cut.read_bytes()[:-700])
    huge_warc(d / "archives" / "huge.warc")
    with open(d / "junk" / "huge.html", "wb") as f:
        f.write(b"<!DOCTYPE html><html><body>")
        f.truncate(HUGE)
    (d / "junk" / "photo.bin").write_bytes(random.Random(1).randbytes(5000))
    (d / "text" / "de-klima.txt").write_bytes((DEMO / "de-klima.txt").read_bytes())
    (d / "text" / "marseille.txt").write_text(FRENCH, encoding="utf-8")
    (d / "README.md").write_text("# Posteingang\n\nNotizen, kein Artikel.", encoding="utf-8")
    return d


def table_counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in (
            "articles", "quotes", "sources", "article_locations", "article_signatures", "failures")}
    finally:
        con.close()


def test_mixed_directory_stores_the_good_and_names_the_bad(tmp_path: Path):
    inbox = mixed_directory(tmp_path)
    db = tmp_path / "w.db"
    r = run_cli("ingest", str(inbox), "--workers", "2", db=db)
    assert r.returncode == 1, r.stderr
    assert "11 article(s) stored" in r.stdout and "1 duplicate, 1 unsupported, 0 already present, 6 failed" in r.stdout, r.stdout

    failures = sorted(line for line in r.stderr.splitlines() if line.startswith("✗"))
    expected = sorted([
        f"✗ {inbox}/archives/crawl.warc.gz#https://e.de/strasse: unknown charset 'x-klingon'",
        f"✗ {inbox}/archives/cut.warc.gz: archive truncated (gzip data ends inside a member) after 1 complete records",
        f"✗ {inbox}/archives/huge.warc#https://e.de/giant: record too large (over 20,000,000 bytes)",
        f"✗ {inbox}/feeds/empty.xml: empty feed (no entries)",
        f"✗ {inbox}/junk/huge.html: file too large ({HUGE:,} bytes; limit 20,000,000)",
        f"✗ {inbox}/junk/photo.bin: binary file (contains NUL bytes)",
    ])
    assert failures == expected
    listed = json.loads(run_cli("failures", "--format", "json", db=db).stdout)
    assert sorted(f"✗ {f['item']}: {f['reason']}" for f in listed) == expected and all(f["at"] for f in listed)

    con = sqlite3.connect(db)
    rows = {r[0]: r for r in con.execute(
        """select origin, id, title, outlet, date, url, author, language, status, duplicate_of,
                  (select count(*) from quotes q where q.article_id = a.id) from articles a""")}
    hafen = rows[f"{inbox}/html/hafen.html"]
    assert hafen[2:9] == (headline(ARTICLES["de-hafen.txt"]), "Elbufer Rundschau", "2024-03-12",
                          "https://www.elbufer-rundschau.de/de-hafen.html", "Lena Sommer", "de", "analysed")
    assert hafen[10] >= 10  # quotes found in the extracted HTML text
    quotes = {q[0] for q in con.execute("select text from quotes where article_id = ?", (hafen[1],))}
    assert "„Wir werden den Hafen modernisieren, ohne die Elbe weiter zu belasten“" in quotes
    copy = rows[f"{inbox}/html/syndicated-hafen.htm"]
    assert copy[8:] == ("duplicate", hafen[1], 0)  # linked to its original, not analysed
    assert copy[3] == "Tagesblatt Nord"
    french = rows[f"{inbox}/text/marseille.txt"]
    assert french[7:] == ("fr", "unsupported", None, 0)
    assert rows[f"{inbox}/feeds/rss.xml#https://tagesblatt-nord.de/court"][3:8] == (
        "Tagesblatt Nord", "2024-03-11", "https://tagesblatt-nord.de/court", "", "en")
    assert rows[f"{inbox}/feeds/atom.feed#https://www.westfalen-kurier.de/urteil"][10] > 0
    assert {o for o in rows if "#https://e.de/" in o} == {
        f"{inbox}/archives/crawl.warc.gz#https://e.de/klinik", f"{inbox}/archives/crawl.warc.gz#https://e.de/hospital",
        f"{inbox}/archives/cut.warc.gz#https://e.de/fussball", f"{inbox}/archives/huge.warc#https://e.de/suedkorea",
        f"{inbox}/archives/huge.warc#https://e.de/uni"}
    assert all(row[10] > 0 for row in rows.values() if row[8] == "analysed")
    con.close()

    before = table_counts(db)
    again = run_cli("ingest", str(inbox), db=db)
    assert again.returncode == 1
    assert "0 article(s) stored with 0 quote(s), 0 duplicate, 0 unsupported, 13 already present, 6 failed" in again.stdout
    assert table_counts(db) == before


def test_a_copy_at_another_location_is_one_article_with_two_locations(tmp_path: Path):
    db = tmp_path / "w.db"
    (tmp_path / "a.html").write_bytes(page("de-wahl.txt", 0))
    (tmp_path / "b.html").write_bytes(page("de-wahl.txt", 2, 3))  # same text, other furniture around it
    r = run_cli("ingest", str(tmp_path / "a.html"), str(tmp_path / "b.html"), db=db)
    assert "1 article(s) stored" in r.stdout and "1 duplicate" in r.stdout, r.stdout
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from articles").fetchone()[0] == 1
    assert sorted(r[0] for r in con.execute("select location from article_locations")) == [
        str(tmp_path / "a.html"), str(tmp_path / "b.html")]
    (listed,) = json.loads(run_cli("articles", "--format", "json", db=db).stdout)
    assert (listed["status"], listed["duplicate_of"], listed["locations"]) == ("analysed", "", 2)


def test_unknown_language_option_is_refused(tmp_path: Path):
    r = run_cli("ingest", str(DEMO / "de-hafen.txt"), "--languages", "de,xx", db=tmp_path / "w.db")
    assert r.returncode == 2 and "--languages: choose from de, en" in r.stderr


# -- SIGKILL mid-batch ----------------------------------------------------------


def news_archive(path: Path, pages: int) -> None:
    """Distinct stories, every seventh a syndicated copy of an earlier one."""
    articles, records, stories = demo_articles(), [], []
    for n in range(pages):
        rng = random.Random(n)
        if n % 7 == 6:
            language, body = stories[-3]
            credit = "(dpa) Zuerst erschienen im Tagesblatt Nord."
        else:
            (language, body), credit = story(articles, rng), ""
            stories.append((language, body))
        site = rng.choice([s for s in SITES if s.language == language])
        url = f"https://{site.host}/story-{n}.html"
        records.append((url, news_page(body[0][:80], body, site, url=url, author="A", date="2024-01-02",
                                       variant=n, credit=credit).encode(), "2024-01-02"))
    write_warc(path, records)


def consistency_problems(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        problems = [] if con.execute("pragma integrity_check").fetchone()[0] == "ok" else ["integrity_check"]
        problems += [f"foreign key: {r}" for r in con.execute("pragma foreign_key_check")]
        texts = dict(con.execute("select id, text from articles"))
        for article_id, text, start, end in con.execute('select article_id, text, start, "end" from quotes'):
            if texts[article_id][start:end] != text:
                problems.append(f"quote offsets in {article_id}")
        for table, expected in (("quotes_fts", "quotes"), ("articles_fts", "articles")):
            if con.execute(f"select count(*) from {table}").fetchone() != con.execute(f"select count(*) from {expected}").fetchone():
                problems.append(f"{table} out of step")
        problems += [f"no location: {r[0]}" for r in con.execute(
            "select id from articles where id not in (select article_id from article_locations)")]
        problems += [f"original without signature: {r[0]}" for r in con.execute(
            "select id from articles where status <> 'duplicate' and id not in (select article_id from article_signatures)")]
        return problems
    finally:
        con.close()


def snapshot(db: Path) -> dict:
    con = sqlite3.connect(db)
    try:
        return {
            "articles": sorted(con.execute("select id, status, ifnull(duplicate_of, ''), language from articles")),
            "quotes": sorted(con.execute('select article_id, start, "end", type from quotes')),
            "locations": sorted(con.execute("select article_id, location from article_locations")),
            "sources": con.execute("select count(*) from sources").fetchone()[0],
        }
    finally:
        con.close()


def test_sigkill_mid_batch_leaves_whole_articles_and_a_rerun_completes_it(tmp_path: Path):
    warc = tmp_path / "news.warc.gz"
    news_archive(warc, 56)
    killed = tmp_path / "killed.db"
    env = {**os.environ, "COLUMNS": "200"}
    proc = subprocess.Popen([sys.executable, "-m", "wortlaut.cli", "--db", str(killed), "ingest", str(warc), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 120
    stored = 0
    while stored < 5 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        if killed.exists():
            try:
                with sqlite3.connect(killed, timeout=1) as con:
                    stored = con.execute("select count(*) from articles").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0  # not migrated yet
    with contextlib.suppress(ProcessLookupError):  # already gone: the assertion below says why
        os.killpg(proc.pid, signal.SIGKILL)  # the runner and its workers, as a crash or the OOM killer would
    proc.wait()
    assert 5 <= len(snapshot(killed)["articles"]) < 56, "killed before or after the batch, not in it"
    assert consistency_problems(killed) == []

    rerun = run_cli("ingest", str(warc), "--workers", "2", db=killed)
    assert rerun.returncode == 0, rerun.stderr
    clean = tmp_path / "clean.db"
    assert run_cli("ingest", str(warc), "--workers", "1", db=clean).returncode == 0
    assert consistency_problems(killed) == []
    assert snapshot(killed) == snapshot(clean)  # and one worker or two make no difference
    articles = snapshot(clean)["articles"]
    assert len(articles) == 56 and sum(a[1] == "duplicate" for a in articles) == 56 // 7


# -- results written as they come; budgets; workers dying with the batch --------


def _wait_for(condition, seconds: float = 120.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def _stored_origins(db: Path) -> list[str]:
    if not db.exists():
        return []
    try:
        with sqlite3.connect(db, timeout=1) as con:
            return [r[0] for r in con.execute("select origin from articles")]
    except sqlite3.OperationalError:  # not migrated yet
        return []


def test_an_item_is_stored_while_a_later_input_still_hangs(tmp_path: Path):
    (tmp_path / "hafen.html").write_bytes(page("de-hafen.txt", 0))
    db = tmp_path / "w.db"
    # stdin held open and empty: the input after the page never ends
    proc = subprocess.Popen([sys.executable, "-m", "wortlaut.cli", "--db", str(db), "ingest", str(tmp_path / "hafen.html"), "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
                            env={**os.environ, "COLUMNS": "200"})
    try:
        assert _wait_for(lambda: _stored_origins(db) == [str(tmp_path / "hafen.html")]), "not written while stdin hangs"
        assert proc.poll() is None  # still reading stdin
    finally:
        proc.kill()
        proc.wait()


def _news_pages(count: int) -> list[Article]:
    from wortlaut.ingest import read_bytes

    return [read_bytes(page(name, n % 3, n), f"page-{n}.html")[0]
            for n, name in enumerate(n for n in sorted(ARTICLES) if n.startswith("de-"))][:count]


def _long_article() -> Article:
    """About 190 KB of German news text: seconds of analysis."""
    body = "\n\n".join(p for a in demo_articles() if Path(a.origin).name.startswith("de-") for p in paragraphs(a))
    return Article(text="\n\n".join([body] * 6), origin="long.txt", language="de")


def test_an_article_over_the_time_budget_fails_alone_in_this_process(tmp_path: Path):
    store = open_store(tmp_path / "w.db")
    quick = Article(text=FRENCH, origin="marseille.txt", language="fr")  # known: no detection to wait for
    summary = batch.run([_long_article(), quick], store, workers=1, use_model=False, time_budget=0.2)
    assert [(f.item, f.reason) for f in summary.failures] == [("long.txt", "analysis took over 0.2 s (the time budget)")]
    assert summary.unsupported == 1  # the run went on
    assert [a["origin"] for a in store.articles()] == ["marseille.txt"]
    store.close()


def test_a_worker_over_its_budget_is_replaced_and_the_next_article_analysed():
    pool = batch._Pool(1, ("de",), False, batch.Budget(seconds=0.5))
    try:
        assert _wait_for(lambda: pool.poll(0.25) or pool.usable()), "worker never ready"
        first = pool.workers[0].process.pid
        slow = pool.submit(_long_article())
        _wait_for(lambda: pool.poll(0.25) or slow.done())
        assert str(slow.exception()) == "analysis took over 0.5 s (the time budget)"
        assert pool.workers[0].process.pid != first and not pool.usable()  # a fresh one, warming up
        (article,) = _news_pages(1)
        quick = pool.submit(article)  # waits for the new worker
        _wait_for(lambda: pool.poll(0.25) or quick.done())
        assert quick.result().status == "analysed" and quick.result().quotes
    finally:
        pool.close()


def test_a_worker_over_its_memory_budget_is_replaced():
    pool = batch._Pool(1, ("de",), False, batch.Budget(megabytes=64))  # less than a warmed-up worker holds
    try:
        assert _wait_for(lambda: pool.poll(0.25) or pool.usable()), "worker never ready"
        future = pool.submit(_long_article())
        pool.poll(0)
        assert str(future.exception(timeout=0)) == "analysis used over 64 MB (the memory budget)"
        assert pool.workers[0].process.is_alive()  # its replacement
    finally:
        pool.close()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid and fields[0] != "Z":
                    found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_workers_die_when_the_batch_is_killed(tmp_path: Path):
    if not Path("/proc/self/stat").exists():
        import pytest

        pytest.skip("needs /proc to find the worker processes")
    warc = tmp_path / "news.warc.gz"
    news_archive(warc, 56)
    proc = subprocess.Popen([sys.executable, "-m", "wortlaut.cli", "--db", str(tmp_path / "w.db"), "ingest", str(warc),
                             "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
                            env={**os.environ, "COLUMNS": "200"})
    try:
        assert _wait_for(lambda: len(_children(proc.pid)) >= 2), "no workers started"
        workers = _children(proc.pid)
    finally:
        proc.kill()  # the batch alone, not its process group
        proc.wait()
    assert _wait_for(lambda: not any(map(_running, workers)), 15), "workers outlived the batch"
