"""The connection the PostgreSQL store's modules share, and its transactions."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache

import psycopg

# Every write transaction takes this lock first, so writers run one at a time
# as they do on SQLite (BEGIN IMMEDIATE): identity is re-decided over rows a
# concurrent writer could be changing.
WRITE_LOCK = 0x776F72746C617574  # "wortlaut"


@lru_cache(maxsize=1024)
def _format(sql: str) -> str:
    # SQL fragments shared with the SQLite store use qmark placeholders.
    return sql.replace("%", "%%").replace("?", "%s")


class Connection:
    """A psycopg connection in autocommit mode that takes qmark SQL."""

    def __init__(self, conn: psycopg.Connection) -> None:
        self.raw = conn

    def execute(self, sql: str, params: Sequence[object] = ()) -> psycopg.Cursor:
        return self.raw.execute(_format(sql), params)

    def executemany(self, sql: str, rows: list[Sequence[object]]) -> None:
        if rows:
            with self.raw.cursor() as cur:
                cur.executemany(_format(sql), rows)

    def one(self, sql: str, params: Sequence[object] = ()) -> tuple | None:
        return self.execute(sql, params).fetchone()

    def value(self, sql: str, params: Sequence[object] = ()) -> object:
        row = self.one(sql, params)
        return None if row is None else row[0]

    @contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction, serialised with every other writer."""
        with self.raw.transaction():
            self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            yield

    def close(self) -> None:
        self.raw.close()
