"""``wortlaut spark`` and ``wortlaut load`` as a shell: options parsed, the job
run in local mode, its output loaded into the --db store with matching profiles."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from test_spark import news_warcs, pytestmark  # noqa: E402, F401  (the same pages, the same skip reasons)

from wortlaut.cli import app


def test_spark_then_load(tmp_path):
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    news_warcs(tmp_path)
    runner = CliRunner()
    ran = runner.invoke(app, ["spark", str(tmp_path / "news-*.warc.gz"), "--out", str(tmp_path / "out"),
                              "--master", "local[2]", "--rules-only"])
    assert ran.exit_code == 0, ran.output
    assert "3 files: 35 articles, 5 near copies, 1 repeated texts" in ran.output
    loaded = runner.invoke(app, ["load", str(tmp_path / "out"), "--db", str(tmp_path / "w.db")])
    assert loaded.exit_code == 0, loaded.output
    assert "40 articles, 1 more locations, 0 failures loaded" in loaded.output
    assert runner.invoke(app, ["spark", str(tmp_path / "none-*.warc"), "--out", str(tmp_path / "x")]).exit_code == 1
