"""Statements across articles on PostgreSQL: the grouping ledger's id lists (the
rest is ``store.statement_rows``), and grouping called from the write path."""

from __future__ import annotations

from wortlaut.resolve.statements import group_quotes, regroup

from ..statement_rows import StatementLedgerRows
from .db import Connection


class PostgresStatementLedger(StatementLedgerRows):
    def _select_ids(self, column: str, ids: list) -> tuple[str, list]:
        return f"{column} = ANY(?)", [list(ids)]


def group_statements(conn: Connection, quote_ids: list[int]) -> None:
    """Group the quotes just written into statements, in the caller's transaction."""
    group_quotes(PostgresStatementLedger(conn), quote_ids)


def backfill_statements(conn: Connection) -> None:
    """The schema step on a database with quotes: group them all, oldest article first."""
    ids = [r[0] for r in conn.execute(
        """SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id
           WHERE q.source_id IS NOT NULL ORDER BY a.date = '', a.date, a.ingested_at, q.id""")]
    group_quotes(PostgresStatementLedger(conn), ids)


def regroup_mentions(conn: Connection, mentions: list[int]) -> None:
    """After a user's correction moved ``mentions`` to another source: their quotes
    are grouped again, in the caller's transaction."""
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM quotes WHERE mention_id = ANY(?) ORDER BY id", (list(mentions),))]
    regroup(PostgresStatementLedger(conn), ids)
