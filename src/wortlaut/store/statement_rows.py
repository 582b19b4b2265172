"""Statements across articles, on either backend: the grouping ledger and the
reads. The SQL is the same on SQLite and PostgreSQL (qmark placeholders on
both); each backend adds only how it selects rows for a list of ids."""

from __future__ import annotations

import json

from wortlaut.resolve.statements import Summary, Variant, explain

from .base import StatementFilter, decode_cursor, encode_cursor
from .shared import after_condition, after_params, date_condition, now, to_json

_VARIANT_COLUMNS = """q.id, q.article_id, q.source_id, q.text, q.type, a.date, a.ingested_at,
                      a.outlet, a.language"""


def _variant(r: tuple, statement: str | None = None, tokens: str | None = None) -> Variant:
    return Variant(
        r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], statement,
        json.loads(tokens) if tokens else [],
    )


class StatementLedgerRows:
    """``resolve.statements.StatementLedger`` inside the caller's open transaction."""

    def __init__(self, conn) -> None:
        self._conn = conn

    def _select_ids(self, column: str, ids: list) -> tuple[str, list]:
        """A condition ``column`` in ``ids`` and its parameters (backend-specific)."""
        raise NotImplementedError

    def new_variants(self, quote_ids: list[int]) -> list[Variant]:
        if not quote_ids:
            return []
        condition, params = self._select_ids("q.id", quote_ids)
        rows = self._conn.execute(
            f"""SELECT {_VARIANT_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id
                WHERE {condition} ORDER BY q.id""",
            params,
        ).fetchall()
        return [_variant(r) for r in rows]

    def candidates(self, source_id: str, date_from: str, date_to: str) -> list[Variant]:
        # Coarse on the date (month or year precision compares at its own length);
        # resolve.statements.overlaps decides exactly.
        rows = self._conn.execute(
            f"""SELECT {_VARIANT_COLUMNS}, sq.statement_id, sq.tokens, s.first_date
                FROM quotes q JOIN statement_quotes sq ON sq.quote_id = q.id
                JOIN statements s ON s.id = sq.statement_id
                JOIN articles a ON a.id = q.article_id
                WHERE q.source_id = ? AND (a.date = '' OR (
                    a.date >= substr(?, 1, length(a.date)) AND substr(a.date, 1, length(?)) <= ?))
                ORDER BY q.id""",
            (source_id, date_from, date_to, date_to),
        ).fetchall()
        found = []
        for r in rows:
            v = _variant(r, r[9], r[10])
            v.statement_date = r[11]
            found.append(v)
        return found

    def variants(self, statement_id: str) -> list[Variant]:
        rows = self._conn.execute(
            f"""SELECT {_VARIANT_COLUMNS}, sq.statement_id, sq.tokens
                FROM statement_quotes sq JOIN quotes q ON q.id = sq.quote_id
                JOIN articles a ON a.id = q.article_id
                WHERE sq.statement_id = ? ORDER BY q.id""",
            (statement_id,),
        ).fetchall()
        return [_variant(r, r[9], r[10]) for r in rows]

    def assign(self, variant: Variant, statement_id: str) -> None:
        # the row exists before its variants point at it; save() fills it in
        self._conn.execute(
            """INSERT INTO statements (id, first_quote_id, first_article_id, updated_at)
               VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
            (statement_id, variant.quote_id, variant.article_id, now()),
        )
        self._conn.execute(
            "INSERT INTO statement_quotes (quote_id, statement_id, tokens) VALUES (?, ?, ?)",
            (variant.quote_id, statement_id, to_json(variant.tokens)),
        )

    def move(self, from_statement: str, to_statement: str) -> None:
        c = self._conn
        c.execute("UPDATE statement_quotes SET statement_id = ? WHERE statement_id = ?", (to_statement, from_statement))
        # old permalinks keep working: they name the statement this one joined
        c.execute("UPDATE statement_aliases SET statement_id = ? WHERE statement_id = ?", (to_statement, from_statement))
        c.execute(
            "INSERT INTO statement_aliases (id, statement_id) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
            (from_statement, to_statement),
        )
        c.execute("DELETE FROM statements WHERE id = ?", (from_statement,))

    def ungroup(self, quote_ids: list[int]) -> set[str]:
        if not quote_ids:
            return set()
        condition, params = self._select_ids("quote_id", quote_ids)
        found = {r[0] for r in self._conn.execute(
            f"SELECT DISTINCT statement_id FROM statement_quotes WHERE {condition}", params)}
        self._conn.execute(f"DELETE FROM statement_quotes WHERE {condition}", params)
        return found

    def drop(self, statement_id: str) -> None:
        self._conn.execute("DELETE FROM statement_aliases WHERE statement_id = ?", (statement_id,))
        self._conn.execute("DELETE FROM statements WHERE id = ?", (statement_id,))

    def save(self, s: Summary) -> None:
        self._conn.execute(
            """UPDATE statements SET source_id = ?, language = ?, first_quote_id = ?, first_article_id = ?,
                   first_date = ?, last_date = ?, variants = ?, articles = ?, outlets = ?, flags = ?,
                   flagged = ?, updated_at = ?
               WHERE id = ?""",
            (s.source_id, s.language, s.first_quote_id, s.first_article_id, s.first_date, s.last_date,
             s.variants, s.articles, s.outlets, to_json(s.flags), 1 if s.flags else 0, now(), s.id),
        )


# a statement with its earliest variant, its article and its source
_LISTED = """SELECT s.first_date, s.id, q.text, src.id, src.name, src.kind, s.language,
                    a.id, q.id, a.title, a.outlet, s.last_date, s.variants, s.articles, s.outlets, s.flags
             FROM statements s
             JOIN quotes q ON q.id = s.first_quote_id
             JOIN articles a ON a.id = q.article_id
             LEFT JOIN sources src ON src.id = q.source_id"""


class StatementReads:
    """Statement listings and pages; mixed into both stores."""

    _conn: object

    # newest first statement, then id: (expression, descending)
    _STATEMENT_ORDER = (("s.first_date", True), ("s.id", False))

    def statement_page(
        self, filters: StatementFilter, cursor: str | None = None, limit: int = 50
    ) -> tuple[list[dict], str | None]:
        """Up to ``limit`` statements matching ``filters``, newest first, and the
        cursor of the next page (None on the last). Items: {"id", "text", "source",
        "language", "first_seen", "last_date", "variants", "articles", "outlets",
        "flags", "flagged"}; ``first_seen`` is {"article_id", "quote_id", "title",
        "outlet", "date"}, ``flags`` the distinct kinds of meaning change."""
        key = decode_cursor("statements", cursor, (str, str)) if cursor else None
        where, params = _statement_condition(filters)
        if key is not None:
            where.append(after_condition(self._STATEMENT_ORDER))
            params += after_params(key)
        order = ", ".join(f"{e} {'DESC' if desc else 'ASC'}" for e, desc in self._STATEMENT_ORDER)
        rows = self._conn.execute(
            f"""{_LISTED}
                WHERE {" AND ".join(where) or "1 = 1"}
                ORDER BY {order} LIMIT ?""",
            [*params, limit + 1],
        ).fetchall()
        items = [_listed(r) for r in rows[:limit]]
        more = len(rows) > limit
        return items, encode_cursor("statements", list(rows[limit - 1][:2])) if more else None

    def statement(self, statement_id: str) -> dict | None:
        """One statement with every appearance, or None: the ``statement_page``
        fields plus "appearances" [{"quote_id", "article_id", "title", "outlet",
        "date", "url", "type", "text", "earliest", "diff", "flags"}], earliest
        first, each diffed against the earliest; "flags" then lists every
        variant's meaning changes. An id a merged statement had still finds it."""
        sid = self._statement_id(statement_id)
        if sid is None:
            return None
        rows = self._conn.execute(
            _LISTED + " WHERE s.id = ?",
            (sid,),
        ).fetchall()
        if not rows:
            return None
        item = _listed(rows[0])
        item["flags"] = json.loads(rows[0][15])
        variants = StatementLedgerRows(self._conn).variants(sid)
        detail = {
            r[0]: r[1:] for r in self._conn.execute(
                """SELECT q.id, a.title, a.url, q.start, q."end" FROM statement_quotes sq
                   JOIN quotes q ON q.id = sq.quote_id JOIN articles a ON a.id = q.article_id
                   WHERE sq.statement_id = ?""",
                (sid,),
            )
        }
        by_id = {v.quote_id: v for v in variants}
        item["appearances"] = []
        for entry in explain(variants):
            v = by_id[entry["quote_id"]]
            title, url, start, end = detail[v.quote_id]
            item["appearances"].append({
                "quote_id": v.quote_id, "article_id": v.article_id, "title": title, "outlet": v.outlet,
                "date": v.date, "url": url, "type": v.type, "text": v.text, "start": start, "end": end,
                "earliest": entry["earliest"], "diff": entry["diff"], "flags": entry["flags"],
            })
        return item

    def statement_of_quote(self, quote_id: int) -> str | None:
        """The id of the statement quote ``quote_id`` is a variant of, or None."""
        row = self._conn.execute("SELECT statement_id FROM statement_quotes WHERE quote_id = ?", (quote_id,)).fetchone()
        return None if row is None else row[0]

    def _statement_id(self, statement_id: str) -> str | None:
        if self._conn.execute("SELECT 1 FROM statements WHERE id = ?", (statement_id,)).fetchone():
            return statement_id
        row = self._conn.execute("SELECT statement_id FROM statement_aliases WHERE id = ?", (statement_id,)).fetchone()
        return None if row is None else row[0]


def _listed(r: tuple) -> dict:
    return {
        "id": r[1], "text": r[2],
        "source": None if r[3] is None else {"id": r[3], "name": r[4], "kind": r[5]},
        "language": r[6],
        "first_seen": {"article_id": r[7], "quote_id": r[8], "title": r[9], "outlet": r[10], "date": r[0]},
        "last_date": r[11], "variants": r[12], "articles": r[13], "outlets": r[14],
        "flags": sorted({f["kind"] for f in json.loads(r[15])}),
        "flagged": r[15] != "[]",
    }


def _statement_condition(f: StatementFilter) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    variant = """EXISTS (SELECT 1 FROM statement_quotes vq JOIN quotes vqq ON vqq.id = vq.quote_id
                 JOIN articles va ON va.id = vqq.article_id WHERE vq.statement_id = s.id AND {})"""
    if f.source:
        where.append(variant.format("vqq.source_id = ?"))
        params.append(f.source)
    if f.outlet:
        where.append(variant.format("va.outlet = ?"))
        params.append(f.outlet)
    if f.language:
        where.append("s.language = ?")
        params.append(f.language)
    if f.flagged:
        where.append("s.flagged = 1")
    if f.min_articles > 1:
        where.append("s.articles >= ?")
        params.append(f.min_articles)
    # as quote browsing, with one variant in range
    dates, date_params = date_condition(f.date_from, f.date_to, "va.date")
    if dates:
        where.append(variant.format(" AND ".join(dates)))
    return where, params + date_params
