"""Browsing the SQLite store: keyset-paginated pages, facets, articles, stats (the web UI and API)."""

from __future__ import annotations

import json
import sqlite3

from wortlaut.model import QUOTE_TYPES, SOURCE_KINDS
from wortlaut.store.base import QuoteFilter, decode_cursor, encode_cursor

from ..diversity import DiversityReads
from ..shared import (
    SOURCE_ORDERS,
    ArticleReads,
    after_condition,
    after_params,
    date_condition,
    fold_name,
    public_profile,
    source_ref,
)
from .text import match_expression


class Browse(ArticleReads, DiversityReads):
    """The browsing half of ``SQLiteStore``."""

    _conn: sqlite3.Connection

    # Sort keys, most significant first, as (expression, descending). Cursors
    # carry the last row's key; the next page starts strictly after it.
    _QUOTE_ORDER = (
        ("a.date", True), ("a.ingested_at", True), ("a.id", False),
        ("q.start", False), ("q.id", False),
    )
    _QUOTE_KEY_TYPES = (str, str, str, int, int)

    def _has_table(self, name: str) -> bool:
        return self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone() is not None

    def quote_page(
        self, filters: QuoteFilter, cursor: str | None = None, limit: int = 50
    ) -> tuple[list[dict], str | None]:
        key = decode_cursor("quotes", cursor, self._QUOTE_KEY_TYPES) if cursor else None
        condition = self._quote_condition(filters)
        if condition is None:
            return [], None
        where, params = condition
        if key is not None:
            where.append(after_condition(self._QUOTE_ORDER))
            params += after_params(key)
        order = ", ".join(f"{e} {'DESC' if desc else 'ASC'}" for e, desc in self._QUOTE_ORDER)
        rows = self._conn.execute(
            f"""SELECT a.date, a.ingested_at, a.id, q.start, q.id, q."end", q.text,
                       q.type, q.cue, q.speaker_text, q.parts, a.title, a.outlet,
                       a.language, s.id, s.name, s.kind, s.roles, s.affiliations,
                       a.url, a.analysed_by
                FROM quotes q
                JOIN articles a ON a.id = q.article_id
                LEFT JOIN sources s ON s.id = q.source_id
                WHERE {" AND ".join(where) or "1"}
                ORDER BY {order} LIMIT ?""",
            [*params, limit + 1],
        ).fetchall()
        items = [
            {
                "id": r[4], "article_id": r[2], "text": r[6], "start": r[3], "end": r[5],
                "parts": json.loads(r[10]), "type": r[7], "cue": r[8],
                "speaker_text": r[9], "source": source_ref(r[14:19]),
                "title": r[11], "date": r[0], "outlet": r[12], "language": r[13],
                "url": r[19], "analysed_by": r[20],
            }
            for r in rows[:limit]
        ]
        more = len(rows) > limit
        return items, encode_cursor("quotes", list(rows[limit - 1][:5])) if more else None

    def quote_facets(self, filters: QuoteFilter, size: int = 10) -> dict:
        facets: dict = {"total": 0, "source": [], "outlet": [], "type": []}
        condition = self._quote_condition(filters)
        if condition is None:
            return facets
        where, params = condition
        tables = """FROM quotes q JOIN articles a ON a.id = q.article_id
                    LEFT JOIN sources s ON s.id = q.source_id"""
        facets["total"] = self._conn.execute(
            f"SELECT COUNT(*) {tables} WHERE {' AND '.join(where) or '1'}", params
        ).fetchone()[0]
        for facet, value, label, present in (
            ("source", "s.id", "s.name", "s.id IS NOT NULL"),
            ("outlet", "a.outlet", "a.outlet", "a.outlet <> ''"),
            ("type", "q.type", "q.type", "1"),
        ):
            facets[facet] = [
                {"value": r[0], "label": r[1], "count": r[2]}
                for r in self._conn.execute(
                    f"""SELECT {value}, {label}, COUNT(*) AS n {tables}
                        WHERE {" AND ".join([*where, present])}
                        GROUP BY {value} ORDER BY n DESC, {label} LIMIT ?""",
                    [*params, size],
                )
            ]
        return facets

    def _quote_condition(self, f: QuoteFilter) -> tuple[list[str], list[object]] | None:
        """WHERE clauses and their parameters for ``f``; None if nothing can match."""
        where: list[str] = []
        params: list[object] = []
        if f.q and f.q.strip():
            match = match_expression(f.q)
            if match is None:
                return None
            if f.scope == "articles":
                where.append("a.id IN (SELECT article_id FROM articles_fts WHERE articles_fts MATCH ?)")
            else:
                where.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
            params.append(match)
        for column, value in (
            ("q.source_id", f.source), ("a.outlet", f.outlet),
            ("q.type", f.type), ("a.language", f.language), ("q.id", f.id),
        ):
            if value or value == 0:
                where.append(f"{column} = ?")
                params.append(value)
        dates, date_params = date_condition(f.date_from, f.date_to)
        return where + dates, params + date_params

    def source_page(
        self,
        q: str | None = None,
        kind: str | None = None,
        sort: str = "quotes",
        cursor: str | None = None,
        limit: int = 50,
        language: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> tuple[list[dict], str | None]:
        if sort not in SOURCE_ORDERS:
            raise ValueError(f"unknown sort {sort!r}")
        order, key_types = SOURCE_ORDERS[sort]
        listing = f"sources:{sort}"
        where: list[str] = ["1"]
        params: list[object] = []
        if q and q.strip():
            where.append("instr(s.name_folded, ?) > 0")
            params.append(fold_name(q))
        if kind:
            where.append("s.kind = ?")
            params.append(kind)
        if language:
            where.append("a.language = ?")
            params.append(language)
        dates, date_params = date_condition(date_from, date_to)
        where += dates
        params += date_params
        after = decode_cursor(listing, cursor, key_types) if cursor else None
        items = self._profiles(" AND ".join(where), params, sort, after, limit + 1)
        next_cursor = None
        if len(items) > limit:
            next_cursor = encode_cursor(listing, [items[limit - 1][e] for e, _ in order])
        return [public_profile(p) for p in items[:limit]], next_cursor

    def stats(self) -> dict:
        c = self._conn
        first, last = c.execute(
            "SELECT COALESCE(MIN(NULLIF(date, '')), ''), COALESCE(MAX(NULLIF(date, '')), '')"
            " FROM articles"
        ).fetchone()
        # A profile a user merged away keeps its row but has no quotes left.
        kinds = dict(c.execute(
            """SELECT kind, COUNT(*) FROM sources s
               WHERE EXISTS (SELECT 1 FROM quotes q WHERE q.source_id = s.id)
               GROUP BY kind"""
        ).fetchall())
        return {
            **self.counts(),
            "sources": sum(kinds.values()),
            "first_date": first,
            "last_date": last,
            "languages": dict(c.execute(
                """SELECT language, COUNT(*) AS n FROM articles WHERE language <> ''
                   GROUP BY language ORDER BY n DESC, language"""
            ).fetchall()),
            "types": {t: 0 for t in QUOTE_TYPES}
            | dict(c.execute("SELECT type, COUNT(*) FROM quotes GROUP BY type").fetchall()),
            "kinds": {k: kinds.get(k, 0) for k in SOURCE_KINDS},
            "outlets": [
                {"name": r[0], "articles": r[1], "quotes": r[2]}
                for r in c.execute(
                    """SELECT a.outlet, COUNT(DISTINCT a.id) AS n, COUNT(q.id)
                       FROM articles a LEFT JOIN quotes q ON q.article_id = a.id
                       WHERE a.outlet <> '' GROUP BY a.outlet ORDER BY n DESC, a.outlet"""
                )
            ],
        }

    def outlet(self, name: str) -> dict | None:
        c = self._conn
        articles = c.execute("SELECT COUNT(*) FROM articles WHERE outlet = ?", (name,)).fetchone()[0]
        if not articles:
            return None
        quoted = """FROM quotes q JOIN articles a ON a.id = q.article_id
                    LEFT JOIN sources s ON s.id = q.source_id WHERE a.outlet = ?"""
        by_kind = dict(c.execute(f"SELECT s.kind, COUNT(*) {quoted} GROUP BY s.kind", (name,)).fetchall())
        return {
            "name": name,
            "articles": articles,
            "quotes": sum(by_kind.values()),
            "kinds": {k: by_kind.get(k, 0) for k in SOURCE_KINDS},
            "unattributed": by_kind.get(None, 0),
            "sources": [
                {"id": r[0], "name": r[1], "kind": r[2], "quotes": r[3]}
                for r in c.execute(
                    f"""SELECT s.id, s.name, s.kind, COUNT(*) AS n {quoted} AND s.id IS NOT NULL
                        GROUP BY s.id ORDER BY n DESC, s.name_folded LIMIT 20""",
                    (name,),
                )
            ],
            "latest": [
                {"id": r[0], "title": r[1], "date": r[2], "quotes": r[3]}
                for r in c.execute(
                    """SELECT a.id, a.title, a.date,
                              (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id)
                       FROM articles a WHERE a.outlet = ?
                       ORDER BY a.date DESC, a.ingested_at DESC, a.id LIMIT 20""",
                    (name,),
                )
            ],
        }


