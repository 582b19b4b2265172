"""The Spark job in local mode against the batch runner on the same archives:
the same duplicates taken aside, the same quotes with the same source ids, the
same profiles; and ``load`` of its output gives a store equal to the batch one."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java (apt-get install openjdk-17-jre-headless)"),
    pytest.mark.skipif(importlib.util.find_spec("pyspark") is None or importlib.util.find_spec("pyarrow") is None,
                       reason="pyspark and pyarrow not installed (pip install -e '.[spark]')"),
]

PAGES = 40
SYNDICATED_EVERY = 8  # pages 7, 15, 23, 31, 39: near copies of earlier stories
REPEATED = 12  # page 12 appears again, byte for byte, under another URL: one text, two locations
FILES = 3


def news_warcs(directory: Path) -> list[str]:
    """FILES archives of PAGES pages (and one repeat), near copies across files."""
    from newspages import news_records, write_warc

    records = news_records(PAGES, SYNDICATED_EVERY)
    url, html, date = records[REPEATED]
    records.append((url.replace("story-", "again-"), html, date))
    paths = []
    for k in range(FILES):
        path = directory / f"news-{k:02d}.warc.gz"
        write_warc(path, records[k::FILES])
        paths.append(str(path))
    return paths


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    from wortlaut import batch
    from wortlaut.ingest import iter_items
    from wortlaut.scale.job import run
    from wortlaut.scale.load import load
    from wortlaut.scale.session import spark_session
    from wortlaut.store import SQLiteStore

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    tmp = tmp_path_factory.mktemp("spark")
    files = news_warcs(tmp)
    batch_store = SQLiteStore(tmp / "batch.db")
    batch.run(iter_items(files), batch_store, workers=1, use_model=False)
    spark = spark_session("local[2]")
    try:
        outcome = run(spark, files, tmp / "out", use_model=False)
    finally:
        spark.stop()
    loaded = SQLiteStore(tmp / "loaded.db")
    load(tmp / "out", loaded)
    yield batch_store, tmp / "out", outcome, loaded
    batch_store.close()
    loaded.close()


def test_duplicates_are_taken_aside_as_the_batch_runner_does(runs):
    from wortlaut.scale.load import read_rows

    batch_store, out, outcome, _ = runs
    held = [(a["id"], a["status"], a["duplicate_of"] or "") for a in batch_store.articles()]
    job = [(a["id"], a["status"], a["duplicate_of"] or "")
           for a in sorted(read_rows(out, "articles"), key=lambda a: (a["file"], a["record"]))]
    assert sorted(job) == sorted(held)
    assert outcome.copies >= 4 and outcome.locations == 1
    assert sum(a["status"] == "duplicate" for a in batch_store.articles()) == outcome.copies


def test_quotes_and_source_ids_equal_the_batch_run(runs):
    from wortlaut.scale.load import read_rows

    batch_store, out, _, _ = runs
    held = sorted((q["article_id"], q["start"], q["end"], q["text"], q["type"], (q["source"] or {}).get("id"))
                  for q in batch_store.quotes())
    job = sorted((q["article_id"], q["start"], q["end"], q["text"], q["type"], q["source_id"])
                 for q in read_rows(out, "quotes"))
    assert len(held) > 50
    assert job == held


def test_profiles_equal_the_batch_run(runs):
    from wortlaut.scale.load import read_rows

    batch_store, out, _, _ = runs
    job = {p["source_id"]: (p["name"], p["kind"], p["roles"], p["affiliations"], p["aliases"])
           for p in read_rows(out, "profiles")}
    held = {s["id"]: (s["name"], s["kind"], s["roles"], s["affiliations"], s["aliases"]) for s in batch_store.sources()}
    assert len(held) > 10
    assert {sid: job.get(sid) for sid in held} == held
    quoted = {q["source_id"] for q in read_rows(out, "quotes") if q["source_id"]}
    assert quoted == set(held)


def test_load_gives_the_batch_store(runs):
    from wortlaut.scale.load import check_profiles

    batch_store, out, _, loaded = runs
    assert loaded.articles() == batch_store.articles()
    assert loaded.quotes() == batch_store.quotes()
    assert loaded.sources() == batch_store.sources()
    assert loaded.counts() == batch_store.counts()
    assert check_profiles(out, loaded) == []
