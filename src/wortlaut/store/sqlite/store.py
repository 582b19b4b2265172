"""SQLite backend: one file, WAL, FTS5 over folded text; writes, corrections, schema upkeep."""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from collections.abc import Iterator

from wortlaut.model import Article, Source
from wortlaut.resolve.identity import blocking_keys, split_id, update_profiles
from wortlaut.store.base import Store, StoreError

from ..shared import (
    article_sources,
    index_text,
    now,
    parts_text,
    quote_source_id,
    to_json,
)
from ..statement_rows import StatementReads
from . import schema
from .browse import Browse
from .ledger import SQLiteLedger
from .reads import Reads
from .statements import group_statements, regroup_mentions


class SQLiteStore(Reads, Browse, StatementReads, Store):
    def __init__(self, path: str | os.PathLike[str]) -> None:
        target = os.fspath(path)
        #: False when the file cannot be written (mode 0444, a read-only directory
        #: or medium): then it is opened for reading only and never migrated.
        self.writable = not _read_only_file(target)
        try:
            # Autocommit mode: transactions are opened explicitly below.
            self._conn = (sqlite3.connect(target, isolation_level=None, timeout=30) if self.writable
                          else _connect_read_only(target))
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {target}: {exc}") from exc
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            if self.writable:
                self._conn.execute("PRAGMA journal_mode = WAL")
                # in WAL, NORMAL syncs at checkpoints, not at every commit: a power cut
                # may lose the last commits but never corrupts the file, and a crash
                # of the process loses nothing committed
                self._conn.execute("PRAGMA synchronous = NORMAL")
                self.applied: list[int] = self._migrate()
            else:
                self.applied = []
                self._check_version(target)
        except sqlite3.Error as exc:
            self._conn.close()
            raise StoreError(f"cannot use database {target}: {exc}") from exc
        except BaseException:
            self._conn.close()
            raise

    @classmethod
    def read_only(cls, path: str | os.PathLike[str]) -> SQLiteStore:
        """A store for a server's reads: migrated on open like any other, then
        its connection refuses writes (PRAGMA query_only)."""
        store = cls(path)
        store._conn.execute("PRAGMA query_only = ON")
        return store

    def _check_version(self, target: str) -> None:
        """A read-only file cannot be migrated: it is read only at this schema version."""
        if self.version != len(schema.MIGRATIONS):
            newer = self.version > len(schema.MIGRATIONS)
            raise StoreError(
                f"database {target} is read-only and its schema version {self.version} is "
                f"{'newer than this wortlaut supports' if newer else 'older than this wortlaut uses'} "
                f"({len(schema.MIGRATIONS)}){'' if newer else ': open it once where it can be written to upgrade it'}"
            )

    # -- schema -------------------------------------------------------------

    @property
    def version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> list[int]:
        """Apply pending migrations; returns the versions applied now."""
        if self.version == len(schema.MIGRATIONS):
            return []  # up to date: no write lock needed
        applied: list[int] = []
        with self._transaction():
            # Re-read under the lock: another process may have migrated meanwhile.
            current = self.version
            if current > len(schema.MIGRATIONS):
                raise StoreError(
                    f"database schema version {current} is newer than this "
                    f"wortlaut supports ({len(schema.MIGRATIONS)})"
                )
            for number in range(current + 1, len(schema.MIGRATIONS) + 1):
                for statement in schema.MIGRATIONS[number - 1]:
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
                   author, status, duplicate_of, archive, record_id, analysed_by, text_from)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                article.id, article.title, article.outlet, article.date,
                article.place, article.country, article.language, article.url,
                article.origin, article.text, to_json(article.furniture),
                now(), article.author, article.status, article.duplicate_of or None,
                article.archive, article.record_id, article.analysed_by, article.text_from,
            ),
        )
        c.execute(
            "INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)",
            (article.id, index_text(article.title), index_text(article.text)),
        )

        sources = article_sources(article)
        keys: set[str] = set()  # the new mentions' blocking keys, as written: not read back
        mention_of = {sid: self._insert_mention(article.id, s, keys) for sid, s in sources.items()}

        quote_ids = []
        for quote in article.quotes:
            sid = quote_source_id(quote, sources)
            cur = c.execute(
                """INSERT INTO quotes (article_id, mention_id, text, start, "end", type,
                       cue, cue_start, cue_end, speaker_text, speaker_start,
                       speaker_end, parts, addressee)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    article.id, mention_of.get(sid), quote.text,
                    quote.start, quote.end, quote.type,
                    parts_text(article.text, quote.cue.parts) if quote.cue else None,
                    quote.cue.start if quote.cue else None,
                    quote.cue.end if quote.cue else None,
                    quote.speaker.text if quote.speaker else None,
                    quote.speaker.start if quote.speaker else None,
                    quote.speaker.end if quote.speaker else None,
                    to_json([list(p) for p in quote.parts]),
                    quote.addressee.text if quote.addressee else None,
                ),
            )
            c.execute(
                "INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)",
                (cur.lastrowid, index_text(quote.text)),
            )
            quote_ids.append(cur.lastrowid)
        ledger = SQLiteLedger(c)
        update_profiles(ledger, keys)
        group_statements(c, quote_ids)  # after identity: statements are per source

    def _insert_mention(self, article_id: str, source: Source, keys: set[str]) -> int:
        """Insert a mention and its blocking keys; the keys are added to ``keys``."""
        cur = self._conn.execute(
            """INSERT INTO source_mentions (article_id, kind, name, roles, affiliations, aliases)
               VALUES (?, ?, ?, ?, ?, ?)""",
            (article_id, source.kind, source.name, to_json(source.roles),
             to_json(source.affiliations), to_json(source.aliases)),
        )
        mention = cur.lastrowid
        mention_keys = blocking_keys(source.kind, source.name, source.aliases, article_id)
        self._conn.executemany(
            "INSERT INTO source_keys (key, mention_id) VALUES (?, ?)", [(k, mention) for k in mention_keys])
        keys.update(mention_keys)
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
            (article_id, location, now()),
        )
        return cur.rowcount == 1

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        yield from self._conn.execute("SELECT article_id, minhash FROM article_signatures ORDER BY rowid")

    def add_failure(self, item: str, reason: str) -> None:
        try:
            with self._transaction():
                if not self._conn.execute(
                    "UPDATE failures SET at = ? WHERE item = ? AND reason = ?", (now(), item, reason)
                ).rowcount:
                    self._conn.execute(
                        "INSERT INTO failures (item, reason, at) VALUES (?, ?, ?)", (item, reason, now())
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
        return split_id(source, article_id, row[0])

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
                    (action, source, other, now()),
                )
                moved = other if action == "merge" else source
                mentions = [r[0] for r in self._conn.execute(
                    "SELECT id FROM source_mentions WHERE source_id = ?", (moved,))]
                ledger = SQLiteLedger(self._conn)
                update_profiles(ledger, ledger.keys_of(mentions))
                regroup_mentions(self._conn, mentions)  # statements are per source
        except sqlite3.Error as exc:
            raise StoreError(f"correction not stored: {exc}") from exc


def _read_only_file(path: str) -> bool:
    """Whether an existing database file cannot be written by us: the file, or
    the directory that must take its -wal and -shm files, refuses writes."""
    if path in ("", ":memory:") or path.startswith("file:") or not os.path.isfile(path):
        return False
    if not os.access(path, os.W_OK):
        return True
    directory = os.path.dirname(os.path.abspath(path))
    needs_new_files = not (os.path.exists(path + "-wal") and os.path.exists(path + "-shm"))
    if needs_new_files and not os.access(directory, os.W_OK | os.X_OK):
        return True
    try:  # root passes os.access, but a read-only mount refuses even root
        os.close(os.open(path, os.O_RDWR))
    except OSError:
        return True
    return False


def _connect_read_only(path: str) -> sqlite3.Connection:
    """A connection that never writes: ``mode=ro`` sees other writers' commits
    through the WAL index; where even that cannot be opened (no -shm file and a
    read-only directory) the file is read as ``immutable``."""
    uri = "file:" + urllib.parse.quote(os.path.abspath(path))
    conn = sqlite3.connect(uri + "?mode=ro", uri=True, isolation_level=None, timeout=30)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        return sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, isolation_level=None, timeout=30)


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


