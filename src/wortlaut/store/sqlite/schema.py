"""The SQLite schema: numbered migrations, applied in order on open."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from wortlaut.model import QUOTE_TYPES, SOURCE_KINDS
from wortlaut.resolve.identity import blocking_keys, update_profiles

from ..shared import sql_in
from .ledger import SQLiteLedger
from .statements import backfill_statements

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
        f"""CREATE TABLE sources (
            id           TEXT PRIMARY KEY,
            name         TEXT NOT NULL,
            name_folded  TEXT NOT NULL,
            kind         TEXT NOT NULL
                         CHECK (kind IN {sql_in(SOURCE_KINDS)}),
            roles        TEXT NOT NULL DEFAULT '[]',
            affiliations TEXT NOT NULL DEFAULT '[]'
        )""",
        f"""CREATE TABLE quotes (
            id            INTEGER PRIMARY KEY,
            article_id    TEXT NOT NULL REFERENCES articles(id),
            source_id     TEXT REFERENCES sources(id),
            text          TEXT NOT NULL,
            start         INTEGER NOT NULL,
            "end"         INTEGER NOT NULL,
            type          TEXT NOT NULL
                          CHECK (type IN {sql_in(QUOTE_TYPES)}),
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
        lambda conn: backfill_mentions(conn),
    ),
    (
        # Provenance: the archive record an article came from, and what analysed it.
        "ALTER TABLE articles ADD COLUMN archive TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE articles ADD COLUMN record_id TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE articles ADD COLUMN analysed_by TEXT NOT NULL DEFAULT ''",
    ),
    (
        # Step 5: where a feed entry's text came from ("content", "page", "summary").
        "ALTER TABLE articles ADD COLUMN text_from TEXT NOT NULL DEFAULT ''",
    ),
    (
        # Statements across articles: a source's quotes that say the same thing,
        # grouped as articles are stored. Flags are the variants' meaning changes.
        """CREATE TABLE statements (
            id               TEXT PRIMARY KEY,
            source_id        TEXT,
            language         TEXT NOT NULL DEFAULT '',
            first_quote_id   INTEGER NOT NULL REFERENCES quotes(id),
            first_article_id TEXT NOT NULL REFERENCES articles(id),
            first_date       TEXT NOT NULL DEFAULT '',
            last_date        TEXT NOT NULL DEFAULT '',
            variants         INTEGER NOT NULL DEFAULT 1,
            articles         INTEGER NOT NULL DEFAULT 1,
            outlets          INTEGER NOT NULL DEFAULT 0,
            flags            TEXT NOT NULL DEFAULT '[]',
            flagged          INTEGER NOT NULL DEFAULT 0,
            updated_at       TEXT NOT NULL
        )""",
        """CREATE TABLE statement_quotes (
            quote_id     INTEGER PRIMARY KEY REFERENCES quotes(id),
            statement_id TEXT NOT NULL REFERENCES statements(id),
            tokens       TEXT NOT NULL DEFAULT '[]'
        )""",
        # the ids of statements merged into another, so their links still lead somewhere
        """CREATE TABLE statement_aliases (
            id           TEXT PRIMARY KEY,
            statement_id TEXT NOT NULL
        ) WITHOUT ROWID""",
        "CREATE INDEX statement_quotes_statement ON statement_quotes(statement_id)",
        "CREATE INDEX statements_first_date ON statements(first_date, id)",
        "CREATE INDEX statements_flagged ON statements(flagged, first_date)",
        lambda conn: backfill_statements(conn),
    ),
]


def backfill_mentions(conn: sqlite3.Connection) -> None:
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
        mention_keys = blocking_keys(kind, name, [], article_id)
        conn.executemany("INSERT INTO source_keys (key, mention_id) VALUES (?, ?)", [(k, mention) for k in mention_keys])
        keys |= mention_keys
    update_profiles(SQLiteLedger(conn), keys)
