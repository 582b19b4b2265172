"""SQLite backend: one file, WAL, FTS5 over folded text."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from functools import lru_cache

from wortlaut.model import QUOTE_TYPES, SOURCE_KINDS, Article, Quote, Source, fold, fold_map
from wortlaut.resolve import identity
from wortlaut.store.base import (
    QuoteFilter,
    Store,
    StoreError,
    decode_cursor,
    encode_cursor,
    search_terms,
)

# Applied in order; PRAGMA user_version records how many ran. Never edit a
# released step (databases already carry it), only append new ones.
MIGRATIONS: list[tuple[str | Callable[[sqlite3.Connection], None], ...]] = [
    (
        """CREATE TABLE articles (
            id          TEXT PRIMARY KEY,
            title       TEXT NOT NULL DEFAULT '',
            outlet      TEXT NOT NULL DEFAULT '',
            date        TEXT NOT NULL DEFAULT '',
            place       TEXT NOT NULL DEFAULT '',
            country     TEXT NOT NULL DEFAULT '',
            language    TEXT NOT NULL DEFAULT '',
            url         TEXT NOT NULL DEFAULT '',
            origin      TEXT NOT NULL DEFAULT '',
            text        TEXT NOT NULL,
            furniture   TEXT NOT NULL DEFAULT '[]',
            ingested_at TEXT NOT NULL
        )""",
        """CREATE TABLE sources (
            id           TEXT PRIMARY KEY,
            name         TEXT NOT NULL,
            name_folded  TEXT NOT NULL,
            kind         TEXT NOT NULL
                         CHECK (kind IN ('person', 'organisation', 'document', 'unnamed')),
            roles        TEXT NOT NULL DEFAULT '[]',
            affiliations TEXT NOT NULL DEFAULT '[]'
        )""",
        """CREATE TABLE quotes (
            id            INTEGER PRIMARY KEY,
            article_id    TEXT NOT NULL REFERENCES articles(id),
            source_id     TEXT REFERENCES sources(id),
            text          TEXT NOT NULL,
            start         INTEGER NOT NULL,
            "end"         INTEGER NOT NULL,
            type          TEXT NOT NULL
                          CHECK (type IN ('direct', 'indirect', 'mixed', 'reported')),
            cue           TEXT,
            cue_start     INTEGER,
            cue_end       INTEGER,
            speaker_text  TEXT,
            speaker_start INTEGER,
            speaker_end   INTEGER,
            parts         TEXT NOT NULL DEFAULT '[]'
        )""",
        "CREATE INDEX articles_ingested ON articles(ingested_at)",
        "CREATE INDEX quotes_article ON quotes(article_id, start)",
        "CREATE INDEX quotes_source ON quotes(source_id)",
        # Folded copies: unicode61 strips accents but does not turn ß into ss.
        """CREATE VIRTUAL TABLE quotes_fts USING fts5(
            text, tokenize = 'unicode61 remove_diacritics 2'
        )""",
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            article_id UNINDEXED, title, text,
            tokenize = 'unicode61 remove_diacritics 2'
        )""",
    ),
    (
        # Real-world ingestion: one article, many places it was seen; near
        # duplicates point at their original; failed items are kept for review.
        "ALTER TABLE articles ADD COLUMN author TEXT NOT NULL DEFAULT ''",
        """ALTER TABLE articles ADD COLUMN status TEXT NOT NULL DEFAULT 'analysed'
           CHECK (status IN ('analysed', 'unsupported', 'duplicate'))""",
        "ALTER TABLE articles ADD COLUMN duplicate_of TEXT REFERENCES articles(id)",
        """CREATE TABLE article_locations (
            article_id TEXT NOT NULL REFERENCES articles(id),
            location   TEXT NOT NULL,
            seen_at    TEXT NOT NULL,
            PRIMARY KEY (article_id, location)
        ) WITHOUT ROWID""",
        """INSERT INTO article_locations (article_id, location, seen_at)
           SELECT id, origin, ingested_at FROM articles WHERE origin <> ''""",
        """CREATE TABLE article_signatures (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            minhash    BLOB NOT NULL
        )""",
        """CREATE TABLE failures (
            id     INTEGER PRIMARY KEY,
            item   TEXT NOT NULL,
            reason TEXT NOT NULL,
            at     TEXT NOT NULL
        )""",
        "CREATE INDEX articles_duplicate_of ON articles(duplicate_of)",
    ),
    (
        # Cross-article identity: each article's view of a source is a mention
        # row; profiles (sources) are clusters of mentions, recomputed as
        # evidence arrives. Corrections are the user's merges and splits.
        """CREATE TABLE source_mentions (
            id           INTEGER PRIMARY KEY,
            article_id   TEXT NOT NULL REFERENCES articles(id),
            source_id    TEXT REFERENCES sources(id),
            kind         TEXT NOT NULL,
            name         TEXT NOT NULL,
            roles        TEXT NOT NULL DEFAULT '[]',
            affiliations TEXT NOT NULL DEFAULT '[]',
            aliases      TEXT NOT NULL DEFAULT '[]',
            canonical    TEXT NOT NULL DEFAULT '',
            reason       TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX source_mentions_source ON source_mentions(source_id)",
        "CREATE INDEX source_mentions_article ON source_mentions(article_id)",
        """CREATE TABLE source_keys (
            key        TEXT NOT NULL,
            mention_id INTEGER NOT NULL REFERENCES source_mentions(id),
            PRIMARY KEY (key, mention_id)
        ) WITHOUT ROWID""",
        """CREATE TABLE corrections (
            id         INTEGER PRIMARY KEY,
            action     TEXT NOT NULL CHECK (action IN ('merge', 'split')),
            source_id  TEXT NOT NULL,
            other      TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
        "ALTER TABLE sources ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE quotes ADD COLUMN mention_id INTEGER REFERENCES source_mentions(id)",
        "ALTER TABLE quotes ADD COLUMN addressee TEXT",
        "CREATE INDEX quotes_mention ON quotes(mention_id)",
        lambda conn: _backfill_mentions(conn),
    ),
]

# highlight() markers; stripped from indexed text so they cannot collide.
_OPEN, _CLOSE = "\x02", "\x03"


class SQLiteStore(Store):
    def __init__(self, path: str | os.PathLike[str]) -> None:
        try:
            # Autocommit mode: transactions are opened explicitly below.
            self._conn = sqlite3.connect(os.fspath(path), isolation_level=None, timeout=30)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {os.fspath(path)}: {exc}") from exc
        try:
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            self.applied: list[int] = self._migrate()
        except sqlite3.Error as exc:
            self._conn.close()
            raise StoreError(f"cannot use database {os.fspath(path)}: {exc}") from exc
        except BaseException:
            self._conn.close()
            raise

    # -- schema -------------------------------------------------------------

    @property
    def version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> list[int]:
        """Apply pending migrations; returns the versions applied now."""
        if self.version == len(MIGRATIONS):
            return []  # up to date: no write lock needed
        applied: list[int] = []
        with self._transaction():
            # Re-read under the lock: another process may have migrated meanwhile.
            current = self.version
            if current > len(MIGRATIONS):
                raise StoreError(
                    f"database schema version {current} is newer than this "
                    f"wortlaut supports ({len(MIGRATIONS)})"
                )
            for number in range(current + 1, len(MIGRATIONS) + 1):
                for statement in MIGRATIONS[number - 1]:
                    if callable(statement):
                        statement(self._conn)
                    else:
                        self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version = {number}")
                applied.append(number)
        return applied

    def _transaction(self) -> _Transaction:
        return _Transaction(self._conn)

    # -- writing ------------------------------------------------------------

    def add_article(self, article: Article, signature: bytes | None = None) -> bool:
        try:
            with self._transaction():
                if self._conn.execute(
                    "SELECT 1 FROM articles WHERE id = ?", (article.id,)
                ).fetchone():
                    return False
                self._insert_article(article)
                if article.origin:
                    self._insert_location(article.id, article.origin)
                if signature is not None:
                    self._conn.execute(
                        "INSERT INTO article_signatures (article_id, minhash) VALUES (?, ?)",
                        (article.id, signature),
                    )
                return True
        except sqlite3.Error as exc:
            raise StoreError(f"article {article.id} not stored: {exc}") from exc

    def _insert_article(self, article: Article) -> None:
        c = self._conn
        c.execute(
            """INSERT INTO articles (id, title, outlet, date, place, country,
                   language, url, origin, text, furniture, ingested_at,
                   author, status, duplicate_of)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                article.id, article.title, article.outlet, article.date,
                article.place, article.country, article.language, article.url,
                article.origin, article.text, _json(article.furniture),
                _now(), article.author, article.status, article.duplicate_of or None,
            ),
        )
        c.execute(
            "INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)",
            (article.id, _index_text(article.title), _index_text(article.text)),
        )

        # Quotes may carry sources the article's list lacks; merge both.
        sources: dict[str, Source] = {}
        for source in [*article.sources, *(q.source for q in article.quotes if q.source)]:
            if source.id in sources:
                known = sources[source.id]
                known.roles = _union(known.roles, source.roles)
                known.affiliations = _union(known.affiliations, source.affiliations)
                known.aliases = _union(known.aliases, source.aliases)
            else:
                sources[source.id] = Source(
                    source.name, source.kind, list(source.roles),
                    list(source.affiliations), source.id, list(source.aliases),
                )
        mention_of = {sid: self._insert_mention(article.id, s) for sid, s in sources.items()}

        for quote in article.quotes:
            sid = _quote_source_id(quote, sources)
            cur = c.execute(
                """INSERT INTO quotes (article_id, mention_id, text, start, "end", type,
                       cue, cue_start, cue_end, speaker_text, speaker_start,
                       speaker_end, parts, addressee)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    article.id, mention_of.get(sid), quote.text,
                    quote.start, quote.end, quote.type,
                    _parts_text(article.text, quote.cue.parts) if quote.cue else None,
                    quote.cue.start if quote.cue else None,
                    quote.cue.end if quote.cue else None,
                    quote.speaker.text if quote.speaker else None,
                    quote.speaker.start if quote.speaker else None,
                    quote.speaker.end if quote.speaker else None,
                    _json([list(p) for p in quote.parts]),
                    quote.addressee.text if quote.addressee else None,
                ),
            )
            c.execute(
                "INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)",
                (cur.lastrowid, _index_text(quote.text)),
            )
        _recluster(c, _keys_of(c, list(mention_of.values())))

    def _insert_mention(self, article_id: str, source: Source) -> int:
        cur = self._conn.execute(
            """INSERT INTO source_mentions (article_id, kind, name, roles, affiliations, aliases)
               VALUES (?, ?, ?, ?, ?, ?)""",
            (article_id, source.kind, source.name, _json(source.roles),
             _json(source.affiliations), _json(source.aliases)),
        )
        mention = cur.lastrowid
        self._conn.executemany(
            "INSERT INTO source_keys (key, mention_id) VALUES (?, ?)",
            [(k, mention) for k in identity.blocking_keys(source.kind, source.name, source.aliases, article_id)],
        )
        return mention

    # -- ingestion bookkeeping ----------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add_location(self, article_id: str, location: str) -> bool:
        try:
            with self._transaction():
                return self._insert_location(article_id, location)
        except sqlite3.Error as exc:
            raise StoreError(f"location {location} of article {article_id} not stored: {exc}") from exc

    def _insert_location(self, article_id: str, location: str) -> bool:
        cur = self._conn.execute(
            """INSERT INTO article_locations (article_id, location, seen_at) VALUES (?, ?, ?)
               ON CONFLICT (article_id, location) DO NOTHING""",
            (article_id, location, _now()),
        )
        return cur.rowcount == 1

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        yield from self._conn.execute("SELECT article_id, minhash FROM article_signatures ORDER BY rowid")

    def add_failure(self, item: str, reason: str) -> None:
        try:
            with self._transaction():
                if not self._conn.execute(
                    "UPDATE failures SET at = ? WHERE item = ? AND reason = ?", (_now(), item, reason)
                ).rowcount:
                    self._conn.execute(
                        "INSERT INTO failures (item, reason, at) VALUES (?, ?, ?)", (item, reason, _now())
                    )
        except sqlite3.Error as exc:
            raise StoreError(f"failure of {item} not recorded: {exc}") from exc

    def failures(self) -> list[dict]:
        return [
            {"item": r[0], "reason": r[1], "at": r[2]}
            for r in self._conn.execute("SELECT item, reason, at FROM failures ORDER BY at, id")
        ]

    # -- corrections --------------------------------------------------------

    def merge_sources(self, target: str, other: str) -> None:
        self._correct("merge", target, other)

    def split_source(self, source: str, article_id: str) -> str:
        row = self._conn.execute(
            "SELECT kind FROM source_mentions WHERE source_id = ? AND article_id = ?", (source, article_id)
        ).fetchone()
        if row is None:
            raise StoreError(f"source {source} has no mention in article {article_id}")
        self._correct("split", source, article_id)
        return identity.split_id(source, article_id, row[0])

    def _correct(self, action: str, source: str, other: str) -> None:
        try:
            with self._transaction():
                ids = {source, other} if action == "merge" else {source}
                found = {r[0] for r in self._conn.execute(
                    f"SELECT id FROM sources WHERE id IN ({','.join('?' * len(ids))})", list(ids))}
                if missing := ids - found:
                    raise StoreError(f"no source with id {', '.join(sorted(missing))}")
                if action == "merge" and source == other:
                    raise StoreError("cannot merge a source with itself")
                self._conn.execute(
                    "INSERT INTO corrections (action, source_id, other, created_at) VALUES (?, ?, ?, ?)",
                    (action, source, other, _now()),
                )
                moved = other if action == "merge" else source
                mentions = [r[0] for r in self._conn.execute(
                    "SELECT id FROM source_mentions WHERE source_id = ?", (moved,))]
                _recluster(self._conn, _keys_of(self._conn, mentions))
        except sqlite3.Error as exc:
            raise StoreError(f"correction not stored: {exc}") from exc

    # -- reading ------------------------------------------------------------

    def articles(self) -> list[dict]:
        rows = self._conn.execute(
            """SELECT a.id, a.title, a.outlet, a.date, a.place, a.country, a.language,
                      a.origin, a.url, a.author, a.status, COALESCE(a.duplicate_of, ''),
                      (SELECT COUNT(*) FROM article_locations l WHERE l.article_id = a.id),
                      (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id), a.furniture
               FROM articles a ORDER BY a.ingested_at, a.id"""
        )
        keys = ("id", "title", "outlet", "date", "place", "country", "language", "origin", "url",
                "author", "status", "duplicate_of", "locations", "quotes")
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
            where.append("instr(s.name_folded, ?) > 0")
            params.append(_fold_name(source))
        if search and search.strip():
            match = _match_expression(search)
            if match is None:
                return []
            where.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
            params.append(match)
        sql = (
            """SELECT q.article_id, q.text, q.start, q."end", q.type, q.cue,
                      q.speaker_text, s.id, s.name, s.kind, s.roles, s.affiliations
               FROM quotes q
               JOIN articles a ON a.id = q.article_id
               LEFT JOIN sources s ON s.id = q.source_id"""
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.ingested_at, a.id, q.start, q.id LIMIT ?"
        )
        params.append(-1 if limit is None else limit)
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
            where.append("a.outlet = ? COLLATE NOCASE")
            params.append(outlet)
        return [_public(p) for p in self._profiles(" AND ".join(where), params, limit=top)]

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
        order = _SOURCE_ORDERS[sort][0]
        outer, outer_params = ("1", []) if after is None else (_after(order), _after_params(after))
        rows = self._conn.execute(
            f"""SELECT * FROM (
                    SELECT s.id, s.name, s.kind, s.aliases, s.roles, s.affiliations, s.name_folded,
                           COUNT(q.id) AS quote_count, COUNT(DISTINCT q.article_id) AS article_count,
                           json_group_array(DISTINCT a.outlet) FILTER (WHERE a.outlet <> '') AS outlets,
                           COALESCE(MIN(NULLIF(a.date, '')), '') AS first_seen,
                           COALESCE(MAX(NULLIF(a.date, '')), '') AS last_seen
                    FROM quotes q
                    JOIN sources s ON s.id = q.source_id
                    JOIN articles a ON a.id = q.article_id
                    WHERE {where}
                    GROUP BY s.id)
                WHERE {outer}
                ORDER BY {", ".join(f"{e} {'DESC' if d else 'ASC'}" for e, d in order)}
                LIMIT ?""",
            [*params, *outer_params, -1 if limit is None else limit],
        )
        return [
            {
                "id": r[0], "name": r[1], "kind": r[2], "aliases": json.loads(r[3]),
                "roles": json.loads(r[4]), "affiliations": json.loads(r[5]), "name_folded": r[6],
                "quote_count": r[7], "article_count": r[8], "outlets": sorted(json.loads(r[9] or "[]")),
                "first_seen": r[10], "last_seen": r[11],
            }
            for r in rows
        ]

    def find_sources(self, name: str) -> list[dict]:
        folded = _fold_name(name)
        if not folded:
            return []
        matches = {
            r[0]: r[1] for r in self._conn.execute(
                """SELECT s.id, s.name_folded = ? OR EXISTS (
                          SELECT 1 FROM source_mentions m WHERE m.source_id = s.id AND m.name = ? COLLATE NOCASE)
                   FROM sources s
                   WHERE instr(s.name_folded, ?) > 0 OR EXISTS (
                         SELECT 1 FROM source_mentions m WHERE m.source_id = s.id AND instr(lower(m.name), lower(?)) > 0)""",
                (folded, name, folded, name.strip()),
            )
        }
        if not matches:
            return []
        found = self._profiles(f"s.id IN ({','.join('?' * len(matches))})", list(matches))
        return [_public(p) for p in sorted(found, key=lambda p: not matches[p["id"]])]

    def source_profile(self, source_id: str) -> dict | None:
        found = self._profiles("s.id = ?", [source_id])
        if not found:
            return None
        profile = _public(found[0])
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
        profile["roles"] = _dated(evidence, "roles")
        profile["affiliations"] = _dated(evidence, "affiliations")
        for e in evidence:
            del e["roles"], e["affiliations"]
        profile["evidence"] = evidence
        profile["quotes"] = [
            {
                "article_id": r[0], "text": r[1], "start": r[2], "end": r[3], "type": r[4], "cue": r[5],
                "speaker_text": r[6], "title": r[7], "date": r[8], "outlet": r[9],
            }
            for r in self._conn.execute(
                """SELECT q.article_id, q.text, q.start, q."end", q.type, q.cue, q.speaker_text,
                          a.title, a.date, a.outlet
                   FROM quotes q JOIN articles a ON a.id = q.article_id
                   WHERE q.source_id = ? ORDER BY a.date = '', a.date, a.ingested_at, q.start""",
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
                   GROUP BY s.id ORDER BY n DESC, s.name_folded LIMIT 20""",
                (source_id, source_id),
            )
        ]
        return profile

    def search(self, text: str, limit: int = 50) -> list[dict]:
        """Quote hits first (best ranked first), then article hits; ``limit`` in total."""
        match = _match_expression(text)
        if match is None or limit <= 0:
            return []
        hits = [
            {"kind": "quote", "article_id": r[0], "text": r[1], "title": r[2], "source": r[3]}
            for r in self._conn.execute(
                """SELECT q.article_id, q.text, a.title, s.name
                   FROM quotes_fts f
                   JOIN quotes q ON q.id = f.rowid
                   JOIN articles a ON a.id = q.article_id
                   LEFT JOIN sources s ON s.id = q.source_id
                   WHERE quotes_fts MATCH ? ORDER BY f.rank, q.id LIMIT ?""",
                (match, limit),
            )
        ]
        if len(hits) < limit:
            hits += [
                {
                    "kind": "article", "article_id": r[0], "text": _snippet(r[2], r[3]),
                    "title": r[1], "source": None,
                }
                for r in self._conn.execute(
                    """SELECT a.id, a.title, a.text,
                              highlight(articles_fts, 2, char(2), char(3))
                       FROM articles_fts f JOIN articles a ON a.id = f.article_id
                       WHERE articles_fts MATCH ? ORDER BY f.rank, a.id LIMIT ?""",
                    (match, limit - len(hits)),
                )
            ]
        return hits

    def counts(self) -> dict[str, int]:
        return {
            table: self._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("articles", "quotes", "sources")
        }

    def close(self) -> None:
        self._conn.close()

    # -- browsing -----------------------------------------------------------

    @classmethod
    def read_only(cls, path: str | os.PathLike[str]) -> SQLiteStore:
        """A store for a server's reads: migrated on open like any other, then
        its connection refuses writes (PRAGMA query_only)."""
        store = cls(path)
        store._conn.execute("PRAGMA query_only = ON")
        return store

    # Sort keys, most significant first, as (expression, descending). Cursors
    # carry the last row's key; the next page starts strictly after it.
    _QUOTE_ORDER = (
        ("a.date", True), ("a.ingested_at", True), ("a.id", False),
        ("q.start", False), ("q.id", False),
    )
    _QUOTE_KEY_TYPES = (str, str, str, int, int)
    def quote_page(
        self, filters: QuoteFilter, cursor: str | None = None, limit: int = 50
    ) -> tuple[list[dict], str | None]:
        key = decode_cursor("quotes", cursor, self._QUOTE_KEY_TYPES) if cursor else None
        condition = self._quote_condition(filters)
        if condition is None:
            return [], None
        where, params = condition
        if key is not None:
            where.append(_after(self._QUOTE_ORDER))
            params += _after_params(key)
        order = ", ".join(f"{e} {'DESC' if desc else 'ASC'}" for e, desc in self._QUOTE_ORDER)
        rows = self._conn.execute(
            f"""SELECT a.date, a.ingested_at, a.id, q.start, q.id, q."end", q.text,
                       q.type, q.cue, q.speaker_text, q.parts, a.title, a.outlet,
                       a.language, s.id, s.name, s.kind, s.roles, s.affiliations
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
                "speaker_text": r[9], "source": _source_ref(r[14:19]),
                "title": r[11], "date": r[0], "outlet": r[12], "language": r[13],
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
            match = _match_expression(f.q)
            if match is None:
                return None
            where.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
            params.append(match)
        for column, value in (
            ("q.source_id", f.source), ("a.outlet", f.outlet),
            ("q.type", f.type), ("a.language", f.language),
        ):
            if value:
                where.append(f"{column} = ?")
                params.append(value)
        # Dates differ in precision ("2024-03", "2024-03-15"): compare both at
        # the shorter one, so a month overlaps every day in it.
        if f.date_from:
            where.append("a.date <> '' AND a.date >= substr(?, 1, length(a.date))")
            params.append(f.date_from)
        if f.date_to:
            where.append("a.date <> '' AND substr(a.date, 1, length(?)) <= ?")
            params += [f.date_to, f.date_to]
        return where, params

    def source_page(
        self,
        q: str | None = None,
        kind: str | None = None,
        sort: str = "quotes",
        cursor: str | None = None,
        limit: int = 50,
    ) -> tuple[list[dict], str | None]:
        if sort not in _SOURCE_ORDERS:
            raise ValueError(f"unknown sort {sort!r}")
        order, key_types = _SOURCE_ORDERS[sort]
        listing = f"sources:{sort}"
        where: list[str] = ["1"]
        params: list[object] = []
        if q and q.strip():
            where.append("instr(s.name_folded, ?) > 0")
            params.append(_fold_name(q))
        if kind:
            where.append("s.kind = ?")
            params.append(kind)
        after = decode_cursor(listing, cursor, key_types) if cursor else None
        items = self._profiles(" AND ".join(where), params, sort, after, limit + 1)
        next_cursor = None
        if len(items) > limit:
            next_cursor = encode_cursor(listing, [items[limit - 1][e] for e, _ in order])
        return [_public(p) for p in items[:limit]], next_cursor

    def article(self, article_id: str) -> dict | None:
        row = self._conn.execute(
            """SELECT id, title, outlet, date, place, country, language, url, origin,
                      text, furniture
               FROM articles WHERE id = ?""",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        keys = ("id", "title", "outlet", "date", "place", "country", "language",
                "url", "origin", "text")
        article = {**dict(zip(keys, row[:10])), "furniture": json.loads(row[10])}
        text = article["text"]
        article["quotes"] = [
            {
                "id": r[0], "text": r[1], "start": r[2], "end": r[3],
                "parts": json.loads(r[4]), "type": r[5],
                "cue": None if r[6] is None else {
                    "text": r[6], "start": r[7], "end": r[8],
                    "parts": _cue_parts(text, r[6], r[7], r[8]),
                },
                "speaker": None if r[9] is None else {
                    "text": r[9], "start": r[10], "end": r[11],
                },
                "source": _source_ref(r[12:17]),
            }
            for r in self._conn.execute(
                """SELECT q.id, q.text, q.start, q."end", q.parts, q.type, q.cue,
                          q.cue_start, q.cue_end, q.speaker_text, q.speaker_start,
                          q.speaker_end, s.id, s.name, s.kind, s.roles, s.affiliations
                   FROM quotes q LEFT JOIN sources s ON s.id = q.source_id
                   WHERE q.article_id = ? ORDER BY q.start, q.id""",
                (article_id,),
            )
        ]
        return article

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


# Keyset orders of source listings: (column, descending) pairs, and the cursor's types.
_SOURCE_ORDERS = {
    "quotes": ((("quote_count", True), ("name_folded", False), ("id", False)), (int, str, str)),
    "recent": ((("last_seen", True), ("name_folded", False), ("id", False)), (str, str, str)),
    "name": ((("name_folded", False), ("id", False)), (str, str)),
}


def _public(profile: dict) -> dict:
    """A profile without the sort key only the store needs."""
    return {k: v for k, v in profile.items() if k != "name_folded"}


def _after(order: tuple[tuple[str, bool], ...]) -> str:
    """SQL true for rows strictly after the cursor row in ``order``:
    (k1 beyond ?) OR (k1 = ? AND k2 beyond ?) OR …; parameters from _after_params."""
    terms = []
    for i, (expr, descending) in enumerate(order):
        equal = [f"{e} = ?" for e, _ in order[:i]]
        terms.append("(" + " AND ".join([*equal, f"{expr} {'<' if descending else '>'} ?"]) + ")")
    return "(" + " OR ".join(terms) + ")"


def _after_params(key: list) -> list:
    return [v for i in range(len(key)) for v in key[: i + 1]]


def _source_ref(row: tuple) -> dict | None:
    """(id, name, kind, roles JSON, affiliations JSON) as the public source dict."""
    if row[0] is None:
        return None
    return {
        "id": row[0], "name": row[1], "kind": row[2],
        "roles": json.loads(row[3]), "affiliations": json.loads(row[4]),
    }


def _cue_parts(text: str, cue: str, start: int, end: int) -> list[list[int]]:
    """Offsets of a stored cue's pieces: the cue is kept as read ("teilte … mit"),
    so each piece is found again, in order, between its start and end."""
    parts, at = [], start
    for piece in cue.split(" … "):
        found = text.find(piece, at, end)
        if found < 0:
            return [[start, end]]
        parts.append([found, found + len(piece)])
        at = found + len(piece)
    return parts


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> None:
        # IMMEDIATE takes the write lock up front, so check-then-insert cannot race.
        self._conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        if exc_type is None:
            self._conn.execute("COMMIT")
        elif self._conn.in_transaction:
            self._conn.execute("ROLLBACK")


def _keys_of(conn: sqlite3.Connection, mentions: list[int]) -> set[str]:
    keys: set[str] = set()
    for chunk in _chunks(mentions):
        keys.update(r[0] for r in conn.execute(
            f"SELECT key FROM source_keys WHERE mention_id IN ({','.join('?' * len(chunk))})", chunk))
    return keys


def _recluster(conn: sqlite3.Connection, keys: set[str]) -> None:
    """Re-decide identity for every mention sharing a key with ``keys``, then
    rebuild the profiles whose membership changed. Runs inside the caller's transaction."""
    ids: set[int] = set()
    for chunk in _chunks(sorted(keys)):
        ids.update(r[0] for r in conn.execute(
            f"SELECT mention_id FROM source_keys WHERE key IN ({','.join('?' * len(chunk))})", chunk))
    if not ids:
        return
    records: list[identity.MentionRecord] = []
    current: dict[int, tuple[str | None, str, str]] = {}  # mention -> (source id, canonical, reason)
    for chunk in _chunks(sorted(ids)):
        for r in conn.execute(
            f"""SELECT m.id, m.article_id, m.kind, m.name, m.roles, m.affiliations, m.aliases, a.date,
                       m.source_id, m.canonical, m.reason
                FROM source_mentions m JOIN articles a ON a.id = m.article_id
                WHERE m.id IN ({','.join('?' * len(chunk))})""", chunk):
            records.append(identity.MentionRecord(
                r[0], r[1], r[2], r[3], _json_list(r[4]), _json_list(r[5]), _json_list(r[6]), r[7]))
            current[r[0]] = (r[8], r[9], r[10])
    corrections = [identity.Correction(*r) for r in conn.execute(
        "SELECT action, source_id, other FROM corrections ORDER BY id")]
    kinds = {r.id: r.kind for r in records}
    touched: set[str] = set()
    for mention, a in identity.cluster(records, corrections).items():
        old = current[mention]
        if old == (a.source_id, a.name, a.reason):
            continue
        touched.update(x for x in (old[0], a.source_id) if x)
        conn.execute(
            "INSERT OR IGNORE INTO sources (id, name, name_folded, kind) VALUES (?, ?, ?, ?)",
            (a.source_id, a.name, _fold_name(a.name), kinds[mention]),
        )
        conn.execute(
            "UPDATE source_mentions SET source_id = ?, canonical = ?, reason = ? WHERE id = ?",
            (a.source_id, a.name, a.reason, mention),
        )
        conn.execute("UPDATE quotes SET source_id = ? WHERE mention_id = ?", (a.source_id, mention))
    for sid in sorted(touched):
        _rebuild_profile(conn, sid)


def _rebuild_profile(conn: sqlite3.Connection, sid: str) -> None:
    """A profile is the union of its mentions, oldest evidence first."""
    # the profile keeps its own name; mentions merged in by a user bring theirs as aliases
    names = conn.execute(
        """SELECT canonical, kind, COUNT(*) FROM source_mentions WHERE source_id = ?
           GROUP BY canonical, kind, reason LIKE 'merged by a user%'
           ORDER BY reason LIKE 'merged by a user%', COUNT(*) DESC, length(canonical) DESC, canonical DESC""",
        (sid,),
    ).fetchall()
    if not names:
        conn.execute("DELETE FROM sources WHERE id = ?", (sid,))
        return
    name, kind = names[0][0], names[0][1]

    def distinct(column: str | None) -> list[str]:
        """Each distinct name (``column`` None) or element of a JSON list column,
        in the order of its first (dated) appearance."""
        value, each = ("m.name", "") if column is None else ("j.value", f", json_each(m.{column}) j")
        rows = conn.execute(
            f"""SELECT v FROM (
                    SELECT {value} AS v,
                           MIN(printf('%d|%s|%s|%012d', a.date = '', a.date, a.ingested_at, m.id)) AS first
                    FROM source_mentions m JOIN articles a ON a.id = m.article_id{each}
                    WHERE m.source_id = ? GROUP BY v)
                WHERE v IS NOT NULL AND v <> '' ORDER BY first""",
            (sid,),
        )
        return _union_folded([], [r[0] for r in rows])

    roles = distinct("roles")
    affiliations = distinct("affiliations")
    aliases = [a for a in _union_folded(distinct(None), distinct("aliases")) if fold(a) != fold(name)]
    conn.execute(
        """UPDATE sources SET name = ?, name_folded = ?, kind = ?, roles = ?, affiliations = ?, aliases = ?
           WHERE id = ?""",
        (name, _fold_name(name), kind, _json(roles), _json(affiliations), _json(aliases), sid),
    )


@lru_cache(maxsize=50_000)
def _json_list(text: str) -> list[str]:
    # records of one group repeat the same roles and affiliations; callers never mutate
    return json.loads(text)


def _backfill_mentions(conn: sqlite3.Connection) -> None:
    """Schema step 3 on a database with data: one mention per article and source."""
    rows = conn.execute(
        """SELECT DISTINCT q.article_id, s.id, s.kind, s.name, s.roles, s.affiliations
           FROM quotes q JOIN sources s ON s.id = q.source_id"""
    ).fetchall()
    keys: set[str] = set()
    for article_id, sid, kind, name, roles, affiliations in rows:
        mention = conn.execute(
            """INSERT INTO source_mentions (article_id, source_id, kind, name, roles, affiliations, canonical)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (article_id, sid, kind, name, roles, affiliations, name),
        ).lastrowid
        conn.execute("UPDATE quotes SET mention_id = ? WHERE article_id = ? AND source_id = ?", (mention, article_id, sid))
        mention_keys = identity.blocking_keys(kind, name, [], article_id)
        conn.executemany("INSERT INTO source_keys (key, mention_id) VALUES (?, ?)", [(k, mention) for k in mention_keys])
        keys |= mention_keys
    _recluster(conn, keys)


def _dated(evidence: list[dict], field: str) -> list[dict]:
    """Each role or affiliation with the first and last article date it was given."""
    seen: dict[str, dict] = {}
    for e in evidence:
        for text in e[field]:
            entry = seen.setdefault(fold(text), {"text": text, "first_seen": e["date"], "last_seen": e["date"]})
            if e["date"]:
                entry["first_seen"] = min(filter(None, [entry["first_seen"], e["date"]]))
                entry["last_seen"] = max(entry["last_seen"], e["date"])
    return list(seen.values())


def _chunks(items: list, size: int = 500) -> list[list]:
    """SQLite limits bound parameters per statement."""
    return [items[i:i + size] for i in range(0, len(items), size)]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _union_folded(first: list[str], second: list[str]) -> list[str]:
    """Order-preserving union; "Universität Kiel" and "universität kiel" are one."""
    seen = {fold(x) for x in first}
    out = list(first)
    for x in second:
        if x and fold(x) not in seen:
            seen.add(fold(x))
            out.append(x)
    return out


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _union(first: list[str], second: list[str]) -> list[str]:
    """Order-preserving union without duplicates."""
    return list(dict.fromkeys([*first, *second]))


def _fold_name(name: str) -> str:
    return " ".join(fold(name).split())


def _quote_source_id(quote: Quote, sources: dict[str, Source]) -> str | None:
    if quote.source:
        return quote.source.id
    # A speaker link to a source not stored would break the foreign key.
    if quote.speaker and quote.speaker.source_id in sources:
        return quote.speaker.source_id
    return None


def _parts_text(text: str, parts: list[tuple[int, int]]) -> str:
    """A cue as read: "teilte … mit", not "teilte die Bahn mit"."""
    return " … ".join(text[a:b] for a, b in parts)


def _match_expression(text: str) -> str | None:
    """User input as an FTS5 query of quoted plain prefix terms (implicit AND).

    Prefixes, because German inflects: "Südkorea" should find "Südkoreas"."""
    terms = search_terms(text)
    if not terms:
        return None
    return " ".join('"' + t.replace('"', '""') + '"*' for t in terms)


def _index_text(text: str) -> str:
    """What FTS indexes: folded text, without the highlight markers."""
    return fold(_strip_markers(text))


def _strip_markers(text: str) -> str:
    # same length, so offsets into the result are offsets into ``text``
    return text.replace(_OPEN, " ").replace(_CLOSE, " ")


def _snippet(text: str, marked: str, width: int = 80) -> str:
    """Original text around the first match that ``highlight()`` marked."""
    start = marked.find(_OPEN)
    if start < 0:  # matched in the title only
        end_cut = min(len(text), 2 * width)
        return " ".join(text[:end_cut].split()) + ("…" if end_cut < len(text) else "")
    end = marked.find(_CLOSE, start) - 1  # minus the one marker before it
    origin = fold_map(_strip_markers(text))[1]
    lo, hi = origin[start], origin[end - 1] + 1
    cut_lo, cut_hi = max(0, lo - width), min(len(text), hi + width)
    if cut_lo > 0:  # don't start mid-word
        cut_lo = text.find(" ", cut_lo, lo) + 1 or cut_lo
    if cut_hi < len(text):
        space = text.rfind(" ", hi, cut_hi)
        cut_hi = space if space > 0 else cut_hi
    body = " ".join(text[cut_lo:cut_hi].split())
    return ("…" if cut_lo > 0 else "") + body + ("…" if cut_hi < len(text) else "")
