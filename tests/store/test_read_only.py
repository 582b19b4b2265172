"""A database that cannot be written is still read: `quotes` and `serve` on a
file of mode 0444 in a directory of mode 0555. Root writes through file modes,
so as root the commands run as an unprivileged user."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pytest

from conftest import DEMO, ROOT, run_cli
from wortlaut.store import StoreError, open_store
from wortlaut.store.sqlite import schema

AS_ROOT = os.geteuid() == 0
SETPRIV = shutil.which("setpriv")
# util-linux's setpriv drops root for the command it runs (Python's own
# subprocess user= cannot then reach an interpreter under a private home).
UNPRIVILEGED = [SETPRIV, "--reuid=65534", "--regid=65534", "--clear-groups"] if AS_ROOT else []

pytestmark = pytest.mark.skipif(AS_ROOT and not SETPRIV, reason="running as root without setpriv to drop it")


@pytest.fixture(scope="module", autouse=True)
def unprivileged_python() -> None:
    """The unprivileged user must reach this interpreter and checkout (a clone under
    a private home directory is out of its reach)."""
    if UNPRIVILEGED:
        probe = subprocess.run([*UNPRIVILEGED, sys.executable, "-c", "import wortlaut.cli"], cwd=ROOT,
                               env={**os.environ, "HOME": "/tmp"}, capture_output=True, text=True, check=False)
        if probe.returncode != 0:
            pytest.skip(f"user nobody cannot run {sys.executable} here: {probe.stderr.strip()[-200:]}")


def cli(db: Path, *args: str, background: bool = False) -> subprocess.Popen | subprocess.CompletedProcess:
    cmd = [*UNPRIVILEGED, sys.executable, "-m", "wortlaut.cli", "--db", str(db), *args]
    env = {**os.environ, "COLUMNS": "200", "HOME": "/tmp"}
    if background:
        return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


@pytest.fixture
def read_only_db():
    """The demo articles in a database, then file and directory made read-only
    (in a directory of its own the unprivileged user can reach: pytest's
    tmp_path is private to root)."""
    top = Path(tempfile.mkdtemp(prefix="wortlaut-ro-"))
    directory = top / "ro"
    directory.mkdir()
    db = directory / "demo.db"
    assert run_cli("ingest", str(DEMO / "de-hafen.txt"), str(DEMO / "en-harbour.txt"), db=db).returncode == 0
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for leftover in (directory / "demo.db-wal", directory / "demo.db-shm"):
        leftover.unlink(missing_ok=True)
    top.chmod(0o755)
    db.chmod(0o444)
    directory.chmod(0o555)
    yield db
    directory.chmod(0o755)
    shutil.rmtree(top)


def test_quotes_and_articles_read_a_read_only_database(read_only_db: Path):
    quotes = cli(read_only_db, "quotes", "--format", "json")
    assert quotes.returncode == 0, quotes.stderr
    assert "Wir werden den Hafen modernisieren" in quotes.stdout
    articles = cli(read_only_db, "articles")
    assert articles.returncode == 0 and "harbour" in articles.stdout.lower(), articles.stderr
    assert sorted(p.name for p in read_only_db.parent.iterdir()) == ["demo.db"]  # nothing written beside it


def test_serve_reads_a_read_only_database(read_only_db: Path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = cli(read_only_db, "serve", "--port", str(port), "--token", "t0ken", background=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/quotes", params={"q": "modernisieren"}, timeout=10)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["items"], r.text
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=10)
        assert page.status_code == 200
        posted = httpx.post(f"http://127.0.0.1:{port}/api/articles", json={"text": "Ein Text. " * 30},
                            headers={"authorization": "Bearer t0ken"}, timeout=60)
        assert posted.status_code == 403 and "read-only" in posted.json()["detail"], posted.text
    finally:
        server.terminate()
        server.wait(10)


def test_a_read_only_database_is_not_migrated_and_says_so(read_only_db: Path):
    read_only_db.parent.chmod(0o755)
    db = read_only_db.parent / "old.db"
    with open_store(db):
        pass
    with sqlite3.connect(db) as con:
        con.execute(f"PRAGMA user_version = {len(schema.MIGRATIONS) - 1}")
    db.chmod(0o444)
    try:
        result = cli(db, "quotes")
        assert result.returncode != 0 and "is read-only and its schema version" in result.stderr, result.stderr
        assert "older than this wortlaut uses" in result.stderr
        if not AS_ROOT:
            with pytest.raises(StoreError, match="read-only .* older than this wortlaut uses"):
                open_store(db)
    finally:
        db.chmod(0o644)
