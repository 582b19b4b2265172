"""SQLite backend: one file, WAL, FTS5 over folded text."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime, timezone

from wortlaut.model import Article, Quote, Source, fold
from wortlaut.store.base import Store, StoreError, search_terms

# Applied in order; PRAGMA user_version records how many ran. Never edit a
# released step (databases already carry it), only append new ones.
MIGRATIONS: list[tuple[str, ...]] = [
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
                    self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version = {number}")
                applied.append(number)
        return applied

    def _transaction(self) -> _Transaction:
        return _Transaction(self._conn)

    # -- writing ------------------------------------------------------------

    def add_article(self, article: Article) -> bool:
        try:
            with self._transaction():
                if self._conn.execute(
                    "SELECT 1 FROM articles WHERE id = ?", (article.id,)
                ).fetchone():
                    return False
                self._insert_article(article)
                return True
        except sqlite3.Error as exc:
            raise StoreError(f"article {article.id} not stored: {exc}") from exc

    def _insert_article(self, article: Article) -> None:
        c = self._conn
        c.execute(
            """INSERT INTO articles (id, title, outlet, date, place, country,
                   language, url, origin, text, furniture, ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                article.id, article.title, article.outlet, article.date,
                article.place, article.country, article.language, article.url,
                article.origin, article.text, _json(article.furniture),
                datetime.now(timezone.utc).isoformat(timespec="microseconds"),
            ),
        )
        c.execute(
            "INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)",
            (article.id, _fold_map(article.title)[0], _fold_map(article.text)[0]),
        )

        # Quotes may carry sources the article's list lacks; merge both.
        sources: dict[str, Source] = {}
        for source in [*article.sources, *(q.source for q in article.quotes if q.source)]:
            if source.id in sources:
                known = sources[source.id]
                known.roles = _union(known.roles, source.roles)
                known.affiliations = _union(known.affiliations, source.affiliations)
            else:
                sources[source.id] = Source(
                    source.name, source.kind, list(source.roles),
                    list(source.affiliations), source.id,
                )
        for source in sources.values():
            self._upsert_source(source)

        for quote in article.quotes:
            cur = c.execute(
                """INSERT INTO quotes (article_id, source_id, text, start, "end", type,
                       cue, cue_start, cue_end, speaker_text, speaker_start,
                       speaker_end, parts)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    article.id, _quote_source_id(quote, sources), quote.text,
                    quote.start, quote.end, quote.type,
                    _parts_text(article.text, quote.cue.parts) if quote.cue else None,
                    quote.cue.start if quote.cue else None,
                    quote.cue.end if quote.cue else None,
                    quote.speaker.text if quote.speaker else None,
                    quote.speaker.start if quote.speaker else None,
                    quote.speaker.end if quote.speaker else None,
                    _json([list(p) for p in quote.parts]),
                ),
            )
            c.execute(
                "INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)",
                (cur.lastrowid, _fold_map(quote.text)[0]),
            )

    def _upsert_source(self, source: Source) -> None:
        row = self._conn.execute(
            "SELECT roles, affiliations FROM sources WHERE id = ?", (source.id,)
        ).fetchone()
        if row:
            self._conn.execute(
                "UPDATE sources SET roles = ?, affiliations = ? WHERE id = ?",
                (
                    _json(_union(json.loads(row[0]), source.roles)),
                    _json(_union(json.loads(row[1]), source.affiliations)),
                    source.id,
                ),
            )
        else:
            self._conn.execute(
                """INSERT INTO sources (id, name, name_folded, kind, roles, affiliations)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                (
                    source.id, source.name, _fold_name(source.name), source.kind,
                    _json(_union([], source.roles)),
                    _json(_union([], source.affiliations)),
                ),
            )

    # -- reading ------------------------------------------------------------

    def articles(self) -> list[dict]:
        rows = self._conn.execute(
            """SELECT a.id, a.title, a.outlet, a.date, a.place, a.country,
                      a.language, a.origin, a.furniture,
                      (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id)
               FROM articles a ORDER BY a.ingested_at, a.id"""
        )
        keys = ("id", "title", "outlet", "date", "place", "country", "language", "origin")
        return [
            {**dict(zip(keys, row[:8])), "furniture": json.loads(row[8]), "quotes": row[9]}
            for row in rows
        ]

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

    def sources(self) -> list[dict]:
        rows = self._conn.execute(
            """SELECT s.id, s.name, s.kind, s.roles, s.affiliations, COUNT(q.id) AS n
               FROM sources s LEFT JOIN quotes q ON q.source_id = s.id
               GROUP BY s.id ORDER BY n DESC, s.name_folded, s.name"""
        )
        return [
            {
                "id": r[0], "name": r[1], "kind": r[2], "roles": json.loads(r[3]),
                "affiliations": json.loads(r[4]), "quotes": r[5],
            }
            for r in rows
        ]

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


def _fold_map(text: str) -> tuple[str, list[int]]:
    """fold(text) plus, per folded character, its offset in ``text``.

    Folding changes lengths ("ß" -> "ss"), so snippets cut from the original
    text need this map to find the match again.
    """
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        piece = " " if ch in (_OPEN, _CLOSE) else fold(ch)
        out.append(piece)
        origin.extend([i] * len(piece))
    return "".join(out), origin


def _snippet(text: str, marked: str, width: int = 80) -> str:
    """Original text around the first match that ``highlight()`` marked."""
    start = marked.find(_OPEN)
    if start < 0:  # matched in the title only
        end_cut = min(len(text), 2 * width)
        return " ".join(text[:end_cut].split()) + ("…" if end_cut < len(text) else "")
    end = marked.find(_CLOSE, start) - 1  # minus the one marker before it
    origin = _fold_map(text)[1]
    lo, hi = origin[start], origin[end - 1] + 1
    cut_lo, cut_hi = max(0, lo - width), min(len(text), hi + width)
    if cut_lo > 0:  # don't start mid-word
        cut_lo = text.find(" ", cut_lo, lo) + 1 or cut_lo
    if cut_hi < len(text):
        space = text.rfind(" ", hi, cut_hi)
        cut_hi = space if space > 0 else cut_hi
    body = " ".join(text[cut_lo:cut_hi].split())
    return ("…" if cut_lo > 0 else "") + body + ("…" if cut_hi < len(text) else "")
