"""The Spark job decides near copies as the batch runner does, templated
stories that quote other people included: each is an original of its own."""

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


def test_templated_stories_are_originals_in_spark_as_in_the_batch(tmp_path: Path):
    from newspages import SITES, news_page, write_warc
    from test_near_copies import templated
    from wortlaut import batch
    from wortlaut.ingest import iter_items
    from wortlaut.scale.job import run
    from wortlaut.scale.load import read_rows
    from wortlaut.scale.session import spark_session
    from wortlaut.store import SQLiteStore

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    stories = [templated(n, place, f"Petra Test{n}").split("\n\n") for n, place in ((2, "Kiel"), (4, "Lübeck"))]
    records = [(f"https://e.de/m{k}", news_page(f"Meldung {k}", body, SITES[0], url=f"https://e.de/m{k}",
                                               author="A", date="2024-03-12").encode(), "2024-03-12")
               for k, body in enumerate([*stories, stories[0][:-1]])]  # the last: the first one cut short
    warc = tmp_path / "m.warc.gz"
    write_warc(warc, records)
    with SQLiteStore(tmp_path / "batch.db") as store:
        batch.run(iter_items([str(warc)]), store, workers=1, use_model=False)
        held = sorted((a["id"], a["status"], a["duplicate_of"] or "") for a in store.articles())
    spark = spark_session("local[1]")
    try:
        run(spark, [str(warc)], tmp_path / "out", use_model=False)
    finally:
        spark.stop()
    job = sorted((a["id"], a["status"], a["duplicate_of"] or "") for a in read_rows(tmp_path / "out", "articles"))
    assert job == held
    assert [status for _, status, _ in held].count("duplicate") == 1  # only the cut copy
