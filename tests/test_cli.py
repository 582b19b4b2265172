"""The CLI end to end: real files in, real SQLite rows out."""

import json
import shutil
import sqlite3
from pathlib import Path

from conftest import DEMO, run_cli
from wortlaut.model import QUOTE_TYPES, SOURCE_KINDS


def _counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("articles", "quotes", "sources")}
    finally:
        con.close()


def test_ingest_demo_then_query_every_listing(tmp_path: Path):
    db = tmp_path / "w.db"
    r = run_cli("ingest", str(DEMO), db=db)
    assert r.returncode == 0, r.stderr
    n_files = len(list(DEMO.glob("*.txt")))
    assert f"{n_files} article(s) stored" in r.stdout
    counts = _counts(db)
    assert counts["articles"] == n_files and counts["quotes"] > 100

    quotes = json.loads(run_cli("quotes", "--format", "json", db=db).stdout)
    assert set(quotes[0]) == {"article_id", "text", "start", "end", "type", "cue", "speaker_text", "source"}
    assert set(quotes[0]["source"]) >= {"id", "name", "kind", "roles", "affiliations"}
    assert all(q["type"] in QUOTE_TYPES for q in quotes)
    assert all(q["source"]["kind"] in SOURCE_KINDS for q in quotes if q["source"])

    articles = json.loads(run_cli("articles", "--format", "json", db=db).stdout)
    assert set(articles[0]) >= {"id", "title", "outlet", "date", "place", "country", "language", "furniture"}
    hafen = next(a for a in articles if a["outlet"] == "Elbufer Rundschau")
    assert (hafen["date"], hafen["place"], hafen["country"], hafen["language"]) == ("2024-03", "Hamburg", "DE", "de")
    assert any(a["language"] == "en" for a in articles)
    assert sum(len(a["furniture"]) for a in articles) >= 5

    sources = json.loads(run_cli("sources", "--format", "json", db=db).stdout)
    assert all(s["quote_count"] >= 1 for s in sources)

    csv_out = run_cli("quotes", "--format", "csv", db=db).stdout.splitlines()
    assert csv_out[0].startswith("article_id,start,end,type,cue") and len(csv_out) > len(quotes)


def test_offsets_point_into_the_stored_article_text(tmp_path: Path):
    db = tmp_path / "w.db"
    run_cli("ingest", str(DEMO / "de-hafen.txt"), db=db)
    con = sqlite3.connect(db)
    text = con.execute("select text from articles").fetchone()[0]
    for q in json.loads(run_cli("quotes", "--format", "json", db=db).stdout):
        assert text[q["start"]:q["end"]] == q["text"]


def test_search_folds_case_umlauts_and_sharp_s(tmp_path: Path):
    db = tmp_path / "w.db"
    run_cli("ingest", str(DEMO / "de-suedkorea.txt"), str(DEMO / "de-strasse.txt"), db=db)
    r = run_cli("search", "sudkorea", db=db)
    assert r.returncode == 0 and "Südkorea" in r.stdout
    r = run_cli("search", "strasse", db=db)
    assert "straße" in r.stdout.lower()


def test_ingesting_twice_changes_nothing(tmp_path: Path):
    db = tmp_path / "w.db"
    run_cli("ingest", str(DEMO), db=db)
    before = _counts(db)
    r = run_cli("ingest", str(DEMO), db=db)
    assert r.returncode == 0
    assert "0 article(s) stored" in r.stdout
    assert _counts(db) == before


def test_bad_items_are_reported_and_good_ones_stored(tmp_path: Path):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (batch / "b-empty.txt").write_bytes(b"")
    (batch / "c-latin1.txt").write_bytes("Die Straße ist gesperrt, sagte er.".encode("latin-1"))
    shutil.copy(DEMO / "de-hafen.txt", batch / "d-good.txt")
    shutil.copy(DEMO / "en-harbour.txt", batch / "e-good.txt")
    db = tmp_path / "w.db"
    r = run_cli("ingest", str(batch), db=db)
    assert r.returncode == 1
    errors = [line for line in r.stderr.splitlines() if line.startswith("✗")]
    assert len(errors) == 3
    assert any("a-binary.txt: binary file" in e for e in errors)
    assert any("b-empty.txt: empty file" in e for e in errors)
    assert any("c-latin1.txt: not valid UTF-8" in e for e in errors)
    assert _counts(db)["articles"] == 2


def test_a_file_that_is_not_a_database_is_one_line_not_a_traceback(tmp_path: Path):
    bad = tmp_path / "not.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    r = run_cli("quotes", db=bad)
    assert r.returncode == 2
    assert r.stderr.startswith("✗") and "Traceback" not in r.stderr


def test_hard_wrapped_text_keeps_quotes_whole_and_cues_read_as_written(tmp_path: Path):
    f = tmp_path / "wrapped.txt"
    f.write_text(
        "Der Hafen wird ausgebaut. „Wir werden die Kaimauer bis\nzum Sommer erneuern“, sagte Anna Berger.\n\n"
        "Die Reederei teilte am Montag mit, der Umbau koste\nzwölf Millionen Euro.\n",
        encoding="utf-8",
    )
    db = tmp_path / "w.db"
    assert run_cli("ingest", str(f), db=db).returncode == 0
    quotes = json.loads(run_cli("quotes", "--format", "json", db=db).stdout)
    texts = [q["text"] for q in quotes]
    assert "„Wir werden die Kaimauer bis zum Sommer erneuern“" in texts
    assert any(q["cue"] == "teilte … mit" for q in quotes), quotes


def test_evaluate_refuses_an_empty_gold_directory(tmp_path: Path):
    r = run_cli("evaluate", "german-news", "--gold", str(tmp_path), "--out", str(tmp_path / "out"))
    assert r.returncode == 1 and "no *.json corpus files" in r.stderr


def test_stored_text_is_printed_literally_never_as_markup_or_terminal_codes(tmp_path: Path):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "markup.txt").write_text(
        "„Wir schreiben [/x] und [bold]fett[/bold] in den Text“, sagte Anna Berger am Montag in Kiel.\n\n"
        "„Auch \x1b[31mrot\x1b[0m bleibt harmlos“, fügte Berger hinzu.\n", encoding="utf-8")
    (articles / "bad\x1b[2J.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    db = tmp_path / "w.db"
    assert run_cli("ingest", str(articles), db=db).returncode == 1  # the binary file fails
    views = {
        "quotes": run_cli("quotes", db=db),
        "articles": run_cli("articles", db=db),
        "search": run_cli("search", "fett", db=db),
        "source": run_cli("source", "Anna Berger", db=db),
        "failures": run_cli("failures", db=db),
    }
    for name, result in views.items():
        assert result.returncode == 0, (name, result.stderr)
        assert "\x1b" not in result.stdout + result.stderr, name
    assert "[/x]" in views["quotes"].stdout and "[bold]fett[/bold]" in views["quotes"].stdout
    assert "\\x1b[31mrot" in views["source"].stdout
    assert "bad\\x1b[2J.bin" in views["failures"].stdout
