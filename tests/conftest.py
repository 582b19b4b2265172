import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEMO = ROOT / "data" / "demo"
EXAMPLE = SHARED / "examples" / "cnn-2023-09-seoul.de.txt"
EXAMPLE_GOLD = SHARED / "examples" / "cnn-2023-09-seoul.de.gold.json"
CORPUS = SHARED / "data" / "german-news-quotes"


def needs_shared(path: Path):
    return pytest.mark.skipif(not path.exists(), reason=f"../shared/{path.relative_to(SHARED)} not present (fresh clone without ../shared)")


def run_cli(*args: str, db: Path | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "wortlaut.cli"]
    if db is not None:
        cmd += ["--db", str(db)]
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(cmd + list(args), capture_output=True, text=True, env=env, cwd=ROOT)
