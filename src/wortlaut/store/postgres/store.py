"""PostgreSQL backend: one transaction per write, serialised writers, the SQLite
store's identity through the same ledger protocol; writes, corrections, schema upkeep."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg

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
from .db import Connection
from .ledger import PostgresLedger
from .reads import Reads
from .statements import group_statements, regroup_mentions
from .text import indexed


class PostgresStore(Reads, Browse, StatementReads, Store):
    """The store on a PostgreSQL server at ``url`` (``postgresql://…``)."""

    def __init__(self, url: str, connect_timeout: int = 10) -> None:
        try:
            raw = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open database {_redacted(url)}: {exc}") from exc
        self._conn = Connection(raw)
        try:
            self.applied: list[int] = self._migrate()
        except psycopg.Error as exc:
            self._conn.close()
            raise StoreError(f"cannot use database {_redacted(url)}: {exc}") from exc
        except BaseException:
            self._conn.close()
            raise

    @classmethod
    def read_only(cls, url: str) -> PostgresStore:
        """A store for a server's reads: migrated on open like any other, then
        every transaction of its connection is read-only."""
        store = cls(url)
        store._conn.execute("SET default_transaction_read_only = on")
        return store

    # -- schema -------------------------------------------------------------

    @property
    def version(self) -> int:
        if self._conn.value("SELECT to_regclass('schema_version')") is None:
            return 0
        return int(self._conn.value("SELECT COALESCE(MAX(version), 0) FROM schema_version"))

    def _migrate(self) -> list[int]:
        """Apply pending migrations; returns the versions applied now."""
        if self.version == len(schema.MIGRATIONS):
            return []  # up to date: no lock needed
        applied: list[int] = []
        with self._conn.writing():
            self._conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)")
            # Re-read under the lock: another process may have migrated meanwhile.
            current = self.version
            if current > len(schema.MIGRATIONS):
                raise StoreError(
                    f"database schema version {current} is newer than this "
                    f"wortlaut supports ({len(schema.MIGRATIONS)})"
                )
            for number in range(current + 1, len(schema.MIGRATIONS) + 1):
                for statement in schema.MIGRATIONS[number - 1]:
                    if callable(statement):  # a step that fills new tables from the data
                        statement(self._conn)
                    else:
                        self._conn.execute(statement)
                self._conn.execute("INSERT INTO schema_version (version) VALUES (?)", (number,))
                applied.append(number)
        return applied

    # -- writing ------------------------------------------------------------

    def add_article(self, article: Article, signature: bytes | None = None) -> bool:
        try:
            with self._conn.writing():
                if self.has_article(article.id):
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
        except psycopg.Error as exc:
            raise StoreError(f"article {article.id} not stored: {exc}") from exc

    def _insert_article(self, article: Article) -> None:
        c = self._conn
        search = indexed(index_text(article.title), index_text(article.text))
        c.execute(
            """INSERT INTO articles (id, title, outlet, date, place, country,
                   language, url, origin, text, furniture, ingested_at,
                   author, status, duplicate_of, archive, record_id, analysed_by, text_from,
                   fts, fts_tokens, fts_words, fts_counts)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::tsvector, ?, ?, ?)""",
            (
                article.id, article.title, article.outlet, article.date,
                article.place, article.country, article.language, article.url,
                article.origin, article.text, to_json(article.furniture),
                now(), article.author, article.status, article.duplicate_of or None,
                article.archive, article.record_id, article.analysed_by, article.text_from, *search,
            ),
        )
        sources = article_sources(article)
        keys: set[str] = set()  # the new mentions' blocking keys, as written: not read back
        mention_of = {sid: self._insert_mention(article.id, s, keys) for sid, s in sources.items()}
        first = self._next_id("quotes")
        for number, quote in enumerate(article.quotes, start=first):
            sid = quote_source_id(quote, sources)
            search = indexed(index_text(quote.text))
            c.execute(
                """INSERT INTO quotes (id, article_id, mention_id, text, start, "end", type,
                       cue, cue_start, cue_end, speaker_text, speaker_start,
                       speaker_end, parts, addressee, fts, fts_tokens, fts_words, fts_counts)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::tsvector, ?, ?, ?)""",
                (
                    number, article.id, mention_of.get(sid), quote.text,
                    quote.start, quote.end, quote.type,
                    parts_text(article.text, quote.cue.parts) if quote.cue else None,
                    quote.cue.start if quote.cue else None,
                    quote.cue.end if quote.cue else None,
                    quote.speaker.text if quote.speaker else None,
                    quote.speaker.start if quote.speaker else None,
                    quote.speaker.end if quote.speaker else None,
                    to_json([list(p) for p in quote.parts]),
                    quote.addressee.text if quote.addressee else None,
                    *search,
                ),
            )
        ledger = PostgresLedger(c)
        update_profiles(ledger, keys)
        group_statements(c, list(range(first, first + len(article.quotes))))  # after identity: per source

    def _next_id(self, table: str) -> int:
        """SQLite's next rowid: one more than the largest (writers hold the write lock)."""
        return int(self._conn.value(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}"))  # type: ignore[arg-type]

    def _insert_mention(self, article_id: str, source: Source, keys: set[str]) -> int:
        """Insert a mention and its blocking keys; the keys are added to ``keys``."""
        mention = self._next_id("source_mentions")
        self._conn.execute(
            """INSERT INTO source_mentions (id, article_id, kind, name, roles, affiliations, aliases)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (mention, article_id, source.kind, source.name, to_json(source.roles),
             to_json(source.affiliations), to_json(source.aliases)),
        )
        mention_keys = blocking_keys(source.kind, source.name, source.aliases, article_id)
        self._conn.executemany(
            "INSERT INTO source_keys (key, mention_id) VALUES (?, ?)", [(k, mention) for k in mention_keys])
        keys.update(mention_keys)
        return mention

    # -- ingestion bookkeeping ----------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self._conn.one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def add_location(self, article_id: str, location: str) -> bool:
        try:
            with self._conn.writing():
                return self._insert_location(article_id, location)
        except psycopg.Error as exc:
            raise StoreError(f"location {location} of article {article_id} not stored: {exc}") from exc

    def _insert_location(self, article_id: str, location: str) -> bool:
        cur = self._conn.execute(
            """INSERT INTO article_locations (article_id, location, seen_at) VALUES (?, ?, ?)
               ON CONFLICT (article_id, location) DO NOTHING""",
            (article_id, location, now()),
        )
        return cur.rowcount == 1

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        for article_id, minhash in self._conn.execute(
                "SELECT article_id, minhash FROM article_signatures ORDER BY seq").fetchall():
            yield article_id, bytes(minhash)

    def add_failure(self, item: str, reason: str) -> None:
        try:
            with self._conn.writing():
                if not self._conn.execute(
                    "UPDATE failures SET at = ? WHERE item = ? AND reason = ?", (now(), item, reason)
                ).rowcount:
                    self._conn.execute(
                        "INSERT INTO failures (item, reason, at) VALUES (?, ?, ?)", (item, reason, now())
                    )
        except psycopg.Error as exc:
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
        row = self._conn.one(
            "SELECT kind FROM source_mentions WHERE source_id = ? AND article_id = ?", (source, article_id)
        )
        if row is None:
            raise StoreError(f"source {source} has no mention in article {article_id}")
        self._correct("split", source, article_id)
        return split_id(source, article_id, row[0])

    def _correct(self, action: str, source: str, other: str) -> None:
        try:
            with self._conn.writing():
                ids = {source, other} if action == "merge" else {source}
                found = {r[0] for r in self._conn.execute(
                    "SELECT id FROM sources WHERE id = ANY(?)", (sorted(ids),))}
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
                    "SELECT id FROM source_mentions WHERE source_id = ? ORDER BY id", (moved,))]
                ledger = PostgresLedger(self._conn)
                update_profiles(ledger, ledger.keys_of(mentions))
                regroup_mentions(self._conn, mentions)  # statements are per source
        except psycopg.Error as exc:
            raise StoreError(f"correction not stored: {exc}") from exc


def _redacted(url: str) -> str:
    """The URL without a password, for error messages."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.Error:
        return "(unparsable URL)"
    info.pop("password", None)
    return " ".join(f"{k}={v}" for k, v in info.items())
