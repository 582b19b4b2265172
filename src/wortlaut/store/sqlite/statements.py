"""Statements across articles on SQLite: the grouping ledger's id lists (the
rest is ``store.statement_rows``), and grouping called from the write path."""

from __future__ import annotations

import sqlite3

from wortlaut.resolve.statements import group_quotes, regroup

from ..shared import chunks, placeholders
from ..statement_rows import StatementLedgerRows


class SQLiteStatementLedger(StatementLedgerRows):
    def new_variants(self, quote_ids: list[int]):
        # SQLite caps bound parameters: a long article's quotes go in chunks
        base = super().new_variants
        return [v for chunk in chunks(quote_ids) for v in base(chunk)]

    def _select_ids(self, column: str, ids: list) -> tuple[str, list]:
        return f"{column} IN ({placeholders(ids)})", list(ids)


def group_statements(conn: sqlite3.Connection, quote_ids: list[int]) -> None:
    """Group the quotes just written into statements, in the caller's transaction."""
    group_quotes(SQLiteStatementLedger(conn), quote_ids)


def backfill_statements(conn: sqlite3.Connection) -> None:
    """The schema step on a database with quotes: group them all, oldest article first."""
    ids = [r[0] for r in conn.execute(
        """SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id
           WHERE q.source_id IS NOT NULL ORDER BY a.date = '', a.date, a.ingested_at, q.id""")]
    group_quotes(SQLiteStatementLedger(conn), ids)


def regroup_mentions(conn: sqlite3.Connection, mentions: list[int]) -> None:
    """After a user's correction moved ``mentions`` to another source: their quotes
    are grouped again, in the caller's transaction."""
    ids: list[int] = []
    for chunk in chunks(mentions):
        ids += [r[0] for r in conn.execute(
            f"SELECT id FROM quotes WHERE mention_id IN ({placeholders(chunk)}) ORDER BY id", chunk)]
    regroup(SQLiteStatementLedger(conn), ids)
