"""Stores for the store tests: SQLite files, and fresh PostgreSQL databases when a
server answers at WORTLAUT_TEST_PG (skipped otherwise)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pytest

from wortlaut.store import SQLiteStore, Store

PG_ADMIN = os.environ.get("WORTLAUT_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def _pg_unreachable() -> str | None:
    """Why PostgreSQL tests cannot run, or None if they can."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        psycopg.connect(PG_ADMIN, connect_timeout=2).close()
    except psycopg.Error as exc:
        return f"no PostgreSQL server at WORTLAUT_TEST_PG={PG_ADMIN}: {' '.join(str(exc).split())}"
    return None


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[Callable[[], str]]:
    """A factory of URLs of new, empty databases (WORTLAUT_TEST_PG must be a
    postgresql:// URL). Each is a schema of its own in one test database, made
    the connection's search path: creating and dropping whole databases costs
    a checkpoint each, seconds per test."""
    reason = _pg_unreachable()
    if reason:
        pytest.skip(reason)
    import psycopg

    database = f"wortlaut_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    parts = urlsplit(PG_ADMIN)._replace(path=f"/{database}")
    url = urlunsplit(parts)

    def new_database() -> str:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        option = "options=" + quote(f"-csearch_path={schema}")
        return urlunsplit(parts._replace(query=f"{parts.query}&{option}" if parts.query else option))

    yield new_database
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_databases: Callable[[], str]) -> str:
    return pg_databases()


@pytest.fixture(params=["sqlite", "postgres"])
def open_target(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], Store]:
    """Opens the same database again on each call, of the backend under test."""
    if request.param == "sqlite":
        path = tmp_path / "w.db"
        return lambda: SQLiteStore(path)
    from wortlaut.store.postgres import PostgresStore

    url = request.getfixturevalue("pg_url")
    return lambda: PostgresStore(url)


@pytest.fixture
def store(open_target: Callable[[], Store]) -> Iterator[Store]:
    with open_target() as s:
        yield s
