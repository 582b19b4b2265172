"""Reading the PostgreSQL store: listings, profiles, search (the CLI's views),
row for row as the SQLite store reads them."""

from __future__ import annotations

import json
from collections.abc import Callable

from ..shared import (
    SOURCE_ORDERS,
    after_condition,
    after_params,
    dated,
    fold_name,
    index_text,
    public_profile,
    snippet,
)
from .db import Connection
from .text import (
    bm25,
    bm25_sql,
    idf,
    marked_text,
    phrase_hits,
    query_phrases,
    tsquery_literal,
    words,
)


def _limit(limit: int | None) -> int | None:
    """A LIMIT parameter: NULL is no limit (SQLite's -1)."""
    return None if limit is None else max(limit, 0)


class Reads:
    """The reading half of ``PostgresStore``."""

    _conn: Connection

    def articles(self) -> list[dict]:
        rows = self._conn.execute(
            """SELECT a.id, a.title, a.outlet, a.date, a.place, a.country, a.language,
                      a.origin, a.url, a.author, a.status, COALESCE(a.duplicate_of, ''),
                      (SELECT COUNT(*) FROM article_locations l WHERE l.article_id = a.id),
                      (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id),
                      a.archive, a.record_id, a.analysed_by, a.furniture
               FROM articles a ORDER BY a.ingested_at, a.id"""
        )
        keys = ("id", "title", "outlet", "date", "place", "country", "language", "origin", "url",
                "author", "status", "duplicate_of", "locations", "quotes", "archive", "record_id", "analysed_by")
        return [{**dict(zip(keys, row[:-1])), "furniture": json.loads(row[-1])} for row in rows]

    def quotes(
        self,
        source: str | None = None,
        search: str | None = None,
        limit: int | None = None,
    ) -> list[dict]:
        where: list[str] = []
        params: list[object] = []
        if source and source.strip():
            where.append("strpos(s.name_folded, ?) > 0")
            params.append(fold_name(source))
        if search and search.strip():
            phrases = query_phrases(search)
            if phrases is None:
                return []
            where.append("q.fts @@ ?::tsquery")
            params.append(tsquery_literal(phrases))
        sql = (
            """SELECT q.article_id, q.text, q.start, q."end", q.type, q.cue,
                      q.speaker_text, s.id, s.name, s.kind, s.roles, s.affiliations
               FROM quotes q
               JOIN articles a ON a.id = q.article_id
               LEFT JOIN sources s ON s.id = q.source_id"""
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.ingested_at, a.id, q.start, q.id LIMIT ?"
        )
        params.append(_limit(limit))
        return [
            {
                "article_id": r[0], "text": r[1], "start": r[2], "end": r[3],
                "type": r[4], "cue": r[5], "speaker_text": r[6],
                "source": None if r[7] is None else {
                    "id": r[7], "name": r[8], "kind": r[9],
                    "roles": json.loads(r[10]), "affiliations": json.loads(r[11]),
                },
            }
            for r in self._conn.execute(sql, params)
        ]

    def sources(
        self,
        top: int | None = None,
        since: str | None = None,
        outlet: str | None = None,
    ) -> list[dict]:
        where, params = ["q.source_id IS NOT NULL"], []
        if since:
            where.append("a.date >= ?")
            params.append(since)
        if outlet:
            where.append('lower(a.outlet) = lower(?::text COLLATE "C")')  # SQLite's NOCASE: ASCII only
            params.append(outlet)
        return [public_profile(p) for p in self._profiles(" AND ".join(where), params, limit=top)]

    def _profiles(
        self,
        where: str,
        params: list,
        sort: str = "quotes",
        after: list | None = None,
        limit: int | None = None,
    ) -> list[dict]:
        """Profiles with the quotes matching ``where`` (over q, s, a), in ``sort``
        order, starting after the keyset ``after``."""
        order = SOURCE_ORDERS[sort][0]
        outer, outer_params = ("TRUE", []) if after is None else (after_condition(order), after_params(after))
        rows = self._conn.execute(
            f"""SELECT * FROM (
                    SELECT s.id, s.name, s.kind, s.aliases, s.roles, s.affiliations, s.name_folded,
                           COUNT(q.id) AS quote_count, COUNT(DISTINCT q.article_id) AS article_count,
                           array_agg(DISTINCT a.outlet) FILTER (WHERE a.outlet <> '') AS outlets,
                           COALESCE(MIN(NULLIF(a.date, '')), '') AS first_seen,
                           COALESCE(MAX(NULLIF(a.date, '')), '') AS last_seen
                    FROM quotes q
                    JOIN sources s ON s.id = q.source_id
                    JOIN articles a ON a.id = q.article_id
                    WHERE {where}
                    GROUP BY s.id) AS profiles
                WHERE {outer}
                ORDER BY {", ".join(f"{e} {'DESC' if d else 'ASC'}" for e, d in order)}
                LIMIT ?""",
            [*params, *outer_params, _limit(limit)],
        )
        return [
            {
                "id": r[0], "name": r[1], "kind": r[2], "aliases": json.loads(r[3]),
                "roles": json.loads(r[4]), "affiliations": json.loads(r[5]), "name_folded": r[6],
                "quote_count": r[7], "article_count": r[8], "outlets": sorted(r[9] or []),
                "first_seen": r[10], "last_seen": r[11],
            }
            for r in rows
        ]

    def find_sources(self, name: str) -> list[dict]:
        folded = fold_name(name)
        if not folded:
            return []
        matches = {
            r[0]: r[1] for r in self._conn.execute(
                """SELECT s.id, s.name_folded = ? OR EXISTS (
                          SELECT 1 FROM source_mentions m
                          WHERE m.source_id = s.id AND lower(m.name) = lower(?::text COLLATE "C"))
                   FROM sources s
                   WHERE strpos(s.name_folded, ?) > 0 OR EXISTS (
                         SELECT 1 FROM source_mentions m
                         WHERE m.source_id = s.id AND strpos(lower(m.name), lower(?::text COLLATE "C")) > 0)""",
                (folded, name, folded, name.strip()),
            )
        }
        if not matches:
            return []
        found = self._profiles("s.id = ANY(?)", [sorted(matches)])
        return [public_profile(p) for p in sorted(found, key=lambda p: not matches[p["id"]])]

    def source_profile(self, source_id: str) -> dict | None:
        found = self._profiles("s.id = ?", [source_id])
        if not found:
            return None
        profile = public_profile(found[0])
        evidence = [
            {"article_id": r[0], "title": r[1], "date": r[2], "outlet": r[3], "name": r[4], "reason": r[5],
             "roles": json.loads(r[6]), "affiliations": json.loads(r[7])}
            for r in self._conn.execute(
                """SELECT m.article_id, a.title, a.date, a.outlet, m.name, m.reason, m.roles, m.affiliations
                   FROM source_mentions m JOIN articles a ON a.id = m.article_id
                   WHERE m.source_id = ? ORDER BY a.date = '', a.date, a.ingested_at, m.id""",
                (source_id,),
            )
        ]
        profile["roles"] = dated(evidence, "roles")
        profile["affiliations"] = dated(evidence, "affiliations")
        for e in evidence:
            del e["roles"], e["affiliations"]
        profile["evidence"] = evidence
        profile["quotes"] = [
            {
                "article_id": r[0], "text": r[1], "start": r[2], "end": r[3], "type": r[4], "cue": r[5],
                "speaker_text": r[6], "title": r[7], "date": r[8], "outlet": r[9],
            }
            for r in self._conn.execute(
                # q.id last: SQLite reads ties in rowid order
                """SELECT q.article_id, q.text, q.start, q."end", q.type, q.cue, q.speaker_text,
                          a.title, a.date, a.outlet
                   FROM quotes q JOIN articles a ON a.id = q.article_id
                   WHERE q.source_id = ? ORDER BY a.date = '', a.date, a.ingested_at, q.start, q.id""",
                (source_id,),
            )
        ]
        profile["co_quoted"] = [
            {"id": r[0], "name": r[1], "kind": r[2], "articles": r[3]}
            for r in self._conn.execute(
                """SELECT s.id, s.name, s.kind, COUNT(DISTINCT m.article_id) AS n
                   FROM source_mentions m JOIN sources s ON s.id = m.source_id
                   WHERE m.source_id <> ? AND m.article_id IN (
                         SELECT article_id FROM source_mentions WHERE source_id = ?)
                     AND EXISTS (SELECT 1 FROM quotes q WHERE q.mention_id = m.id)
                   GROUP BY s.id ORDER BY n DESC, s.name_folded, s.id LIMIT 20""",
                (source_id, source_id),
            )
        ]
        return profile

    def search(self, text: str, limit: int = 50) -> list[dict]:
        """Quote hits first (best ranked first), then article hits; ``limit`` in total."""
        phrases = query_phrases(text)
        if phrases is None or limit <= 0:
            return []
        quotes = self._ranked(
            """SELECT q.id, q.fts_tokens, q.text, q.article_id, a.title, s.name
               FROM quotes q JOIN articles a ON a.id = q.article_id
               LEFT JOIN sources s ON s.id = q.source_id""",
            "quotes", "q", phrases, lambda r: [words(index_text(r[2]))], limit,
        )
        hits = [{"kind": "quote", "article_id": r[3], "text": r[2], "title": r[4], "source": r[5]} for r in quotes]
        if len(hits) < limit:
            articles = self._ranked(
                "SELECT a.id, a.fts_tokens, a.title, a.text FROM articles a",
                "articles", "a", phrases, lambda r: [words(index_text(r[2])), words(index_text(r[3]))],
                limit - len(hits),
            )
            hits += [
                {
                    "kind": "article", "article_id": r[0], "text": snippet(r[3], marked_text(r[3], phrases)),
                    "title": r[2], "source": None,
                }
                for r in articles
            ]
        return hits

    def _ranked(
        self, select: str, table: str, alias: str, phrases: list[list[str]],
        fields: Callable[[tuple], list[list[str]]], limit: int,
    ) -> list[tuple]:
        """The best ``limit`` rows of ``select`` (id and token count first) matching
        ``phrases``, in FTS5's order: bm25, then id. ``fields`` gives a row's indexed
        columns as folded tokens, to count phrase hits where SQL cannot."""
        total, tokens = self._conn.one(f"SELECT COUNT(*), COALESCE(SUM(fts_tokens), 0) FROM {table}")
        if not total:
            return []
        avgdl = tokens / total if tokens else 1.0
        idfs = [
            idf(total, int(self._conn.value(
                f"SELECT COUNT(*) FROM {table} WHERE fts @@ ?::tsquery", (tsquery_literal([p]),))))
            for p in phrases
        ]
        match = f" WHERE {alias}.fts @@ ?::tsquery"
        if all(len(p) == 1 for p in phrases):  # the usual case: rank in SQL, ship only the best rows
            rank, params = bm25_sql(alias, [p[0] for p in phrases], idfs, avgdl)
            return self._conn.execute(
                f"{select}{match} ORDER BY {rank}, {alias}.id LIMIT ?",
                [tsquery_literal(phrases), *params, limit]).fetchall()
        scored = []
        # phrases are checked here, on the text: tsvector positions stop at a limit
        for row in self._conn.execute(select + match, (tsquery_literal(phrases, loose=True),)):
            freqs = [len(phrase_hits(fields(row), p)) for p in phrases]
            if all(freqs):
                scored.append((bm25(freqs, row[1], idfs, avgdl), row[0], row))
        scored.sort(key=lambda s: (s[0], s[1]))
        return [s[2] for s in scored[:limit]]

    def counts(self) -> dict[str, int]:
        return {
            table: int(self._conn.value(f"SELECT COUNT(*) FROM {table}"))
            for table in ("articles", "quotes", "sources")
        }

    def close(self) -> None:
        self._conn.close()
