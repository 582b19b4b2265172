"""The PostgreSQL schema: numbered migrations, applied in order on open.

It mirrors the SQLite schema as of its step 4 in one released step. Every text
column sorts bytewise (COLLATE "C") as SQLite's BINARY does, so listings come
out in the same order whatever the server's default collation. JSON lists are
kept as the same JSON text the SQLite store writes.
"""

from __future__ import annotations

from collections.abc import Callable

from wortlaut.model import QUOTE_TYPES, SOURCE_KINDS

from ..shared import sql_in
from .db import Connection
from .statements import backfill_statements

T = 'TEXT COLLATE "C"'

# Applied in order; the schema_version table records how many ran. Never edit
# a released step (databases already carry it), only append new ones.
MIGRATIONS: list[tuple[str | Callable[[Connection], None], ...]] = [
    (
        f"""CREATE TABLE articles (
            id           {T} PRIMARY KEY,
            title        {T} NOT NULL DEFAULT '',
            outlet       {T} NOT NULL DEFAULT '',
            date         {T} NOT NULL DEFAULT '',
            place        {T} NOT NULL DEFAULT '',
            country      {T} NOT NULL DEFAULT '',
            language     {T} NOT NULL DEFAULT '',
            url          {T} NOT NULL DEFAULT '',
            origin       {T} NOT NULL DEFAULT '',
            text         {T} NOT NULL,
            furniture    {T} NOT NULL DEFAULT '[]',
            ingested_at  {T} NOT NULL,
            author       {T} NOT NULL DEFAULT '',
            status       {T} NOT NULL DEFAULT 'analysed'
                         CHECK (status IN ('analysed', 'unsupported', 'duplicate')),
            duplicate_of {T} REFERENCES articles(id),
            archive      {T} NOT NULL DEFAULT '',
            record_id    {T} NOT NULL DEFAULT '',
            analysed_by  {T} NOT NULL DEFAULT '',
            -- folded title and text as prefix-searchable lexemes, and what
            -- ranking counts: tokens, and each distinct token's count (see text.py)
            fts          tsvector NOT NULL,
            fts_tokens   INTEGER NOT NULL,
            fts_words    TEXT[] NOT NULL,
            fts_counts   INTEGER[] NOT NULL
        )""",
        f"""CREATE TABLE sources (
            id           {T} PRIMARY KEY,
            name         {T} NOT NULL,
            name_folded  {T} NOT NULL,
            kind         {T} NOT NULL CHECK (kind IN {sql_in(SOURCE_KINDS)}),
            roles        {T} NOT NULL DEFAULT '[]',
            affiliations {T} NOT NULL DEFAULT '[]',
            aliases      {T} NOT NULL DEFAULT '[]'
        )""",
        # Mention and quote ids are given by the store as SQLite gives rowids
        # (one more than the largest), so they stay equal even after a failed write.
        f"""CREATE TABLE source_mentions (
            id           BIGINT PRIMARY KEY,
            article_id   {T} NOT NULL REFERENCES articles(id),
            source_id    {T} REFERENCES sources(id),
            kind         {T} NOT NULL,
            name         {T} NOT NULL,
            roles        {T} NOT NULL DEFAULT '[]',
            affiliations {T} NOT NULL DEFAULT '[]',
            aliases      {T} NOT NULL DEFAULT '[]',
            canonical    {T} NOT NULL DEFAULT '',
            reason       {T} NOT NULL DEFAULT ''
        )""",
        f"""CREATE TABLE quotes (
            id            BIGINT PRIMARY KEY,
            article_id    {T} NOT NULL REFERENCES articles(id),
            source_id     {T} REFERENCES sources(id),
            mention_id    BIGINT REFERENCES source_mentions(id),
            text          {T} NOT NULL,
            start         INTEGER NOT NULL,
            "end"         INTEGER NOT NULL,
            type          {T} NOT NULL CHECK (type IN {sql_in(QUOTE_TYPES)}),
            cue           {T},
            cue_start     INTEGER,
            cue_end       INTEGER,
            speaker_text  {T},
            speaker_start INTEGER,
            speaker_end   INTEGER,
            parts         {T} NOT NULL DEFAULT '[]',
            addressee     {T},
            fts           tsvector NOT NULL,
            fts_tokens    INTEGER NOT NULL,
            fts_words     TEXT[] NOT NULL,
            fts_counts    INTEGER[] NOT NULL
        )""",
        "CREATE INDEX articles_ingested ON articles(ingested_at)",
        "CREATE INDEX articles_duplicate_of ON articles(duplicate_of)",
        "CREATE INDEX articles_fts ON articles USING GIN (fts)",
        "CREATE INDEX quotes_article ON quotes(article_id, start)",
        "CREATE INDEX quotes_source ON quotes(source_id)",
        "CREATE INDEX quotes_mention ON quotes(mention_id)",
        "CREATE INDEX quotes_fts ON quotes USING GIN (fts)",
        "CREATE INDEX source_mentions_source ON source_mentions(source_id)",
        "CREATE INDEX source_mentions_article ON source_mentions(article_id)",
        f"""CREATE TABLE source_keys (
            key        {T} NOT NULL,
            mention_id BIGINT NOT NULL REFERENCES source_mentions(id),
            PRIMARY KEY (key, mention_id)
        )""",
        f"""CREATE TABLE corrections (
            id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            action     {T} NOT NULL CHECK (action IN ('merge', 'split')),
            source_id  {T} NOT NULL,
            other      {T} NOT NULL,
            created_at {T} NOT NULL
        )""",
        f"""CREATE TABLE article_locations (
            article_id {T} NOT NULL REFERENCES articles(id),
            location   {T} NOT NULL,
            seen_at    {T} NOT NULL,
            PRIMARY KEY (article_id, location)
        )""",
        f"""CREATE TABLE article_signatures (
            seq        BIGINT GENERATED BY DEFAULT AS IDENTITY UNIQUE,
            article_id {T} PRIMARY KEY REFERENCES articles(id),
            minhash    BYTEA NOT NULL
        )""",
        f"""CREATE TABLE failures (
            id     BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            item   {T} NOT NULL,
            reason {T} NOT NULL,
            at     {T} NOT NULL
        )""",
    ),
    (
        # Step 2 (SQLite's step 5): where a feed entry's text came from ("content", "page", "summary").
        f"ALTER TABLE articles ADD COLUMN text_from {T} NOT NULL DEFAULT ''",
    ),
    (
        # Statements across articles: a source's quotes that say the same thing,
        # grouped as articles are stored. Flags are the variants' meaning changes.
        f"""CREATE TABLE statements (
            id               {T} PRIMARY KEY,
            source_id        {T},
            language         {T} NOT NULL DEFAULT '',
            first_quote_id   BIGINT NOT NULL REFERENCES quotes(id),
            first_article_id {T} NOT NULL REFERENCES articles(id),
            first_date       {T} NOT NULL DEFAULT '',
            last_date        {T} NOT NULL DEFAULT '',
            variants         INTEGER NOT NULL DEFAULT 1,
            articles         INTEGER NOT NULL DEFAULT 1,
            outlets          INTEGER NOT NULL DEFAULT 0,
            flags            {T} NOT NULL DEFAULT '[]',
            flagged          INTEGER NOT NULL DEFAULT 0,
            updated_at       {T} NOT NULL
        )""",
        f"""CREATE TABLE statement_quotes (
            quote_id     BIGINT PRIMARY KEY REFERENCES quotes(id),
            statement_id {T} NOT NULL REFERENCES statements(id),
            tokens       {T} NOT NULL DEFAULT '[]'
        )""",
        # the ids of statements merged into another, so their links still lead somewhere
        f"""CREATE TABLE statement_aliases (
            id           {T} PRIMARY KEY,
            statement_id {T} NOT NULL
        )""",
        "CREATE INDEX statement_quotes_statement ON statement_quotes(statement_id)",
        "CREATE INDEX statements_first_date ON statements(first_date, id)",
        "CREATE INDEX statements_flagged ON statements(flagged, first_date)",
        backfill_statements,
    ),
]
