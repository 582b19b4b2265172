"""SQLite-only behaviour: migrations by PRAGMA user_version, WAL, foreign keys.
Behaviour all backends share is in test_backends.py."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_samples import article_a

from wortlaut.store import SQLiteStore, StoreError
from wortlaut.store.sqlite import schema


@pytest.fixture
def store(tmp_path: Path):
    with SQLiteStore(tmp_path / "w.db") as s:
        yield s


def test_migrations_apply_once(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    latest = len(schema.MIGRATIONS)
    with SQLiteStore(path) as s:
        assert s.applied == list(range(1, latest + 1))
        assert s.version == latest
        s.add_article(article_a())
    with SQLiteStore(path) as s:
        assert s.applied == []
        assert s.version == latest
        assert s.counts()["articles"] == 1


def test_new_migration_applies_only_the_new_step(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "w.db"
    SQLiteStore(path).close()
    extra = ("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",)
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, extra])
    latest = len(schema.MIGRATIONS)
    with SQLiteStore(path) as s:
        assert s.applied == [latest]
        assert s.version == latest
    with SQLiteStore(path) as s:
        assert s.applied == []


def test_failed_migration_rolls_back(tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "w.db"
    SQLiteStore(path).close()
    released = len(schema.MIGRATIONS)
    broken = ("CREATE TABLE notes (id INTEGER PRIMARY KEY)", "NOT SQL")
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    with pytest.raises(StoreError):
        SQLiteStore(path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == released
        assert conn.execute(
            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'notes'").fetchone()[0] == 0
    finally:
        conn.close()


def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(schema.MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(StoreError):
        SQLiteStore(path)


def test_wal_and_foreign_keys(store: SQLiteStore) -> None:
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
