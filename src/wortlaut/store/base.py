"""The storage interface every backend (SQLite now, PostgreSQL later) implements.

Return values are plain dicts in the public JSON shape the CLI prints, so
backends are interchangeable without callers touching rows.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType

from wortlaut.model import Article, fold


class StoreError(Exception):
    """A write failed; the article was not stored (nothing of it remains)."""


class Store(ABC):
    @abstractmethod
    def add_article(self, article: Article, signature: bytes | None = None) -> bool:
        """Store article, its sources and quotes atomically; False if already present.

        Its origin becomes its first location; ``signature`` (a MinHash, for
        near-duplicate detection) is stored in the same transaction."""

    # -- ingestion bookkeeping ----------------------------------------------

    @abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    @abstractmethod
    def add_location(self, article_id: str, location: str) -> bool:
        """Record another place a stored article was seen; False if already known."""

    @abstractmethod
    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """(article id, MinHash bytes) of every article near duplicates are linked to."""

    @abstractmethod
    def add_failure(self, item: str, reason: str) -> None:
        """Record an item that could not be ingested; the same item failing for
        the same reason again only updates the time."""

    @abstractmethod
    def failures(self) -> list[dict]:
        """{"item", "reason", "at"}, oldest first."""

    @abstractmethod
    def articles(self) -> list[dict]:
        """{"id", "title", "outlet", "date", "place", "country", "language",
        "origin", "url", "author", "status", "duplicate_of", "locations",
        "quotes", "archive", "record_id", "analysed_by", "furniture"} in ingestion order. ``status`` is "analysed",
        "unsupported" (language) or "duplicate" (a near copy of ``duplicate_of``);
        ``locations`` counts the places the text was seen."""

    @abstractmethod
    def quotes(
        self,
        source: str | None = None,
        search: str | None = None,
        limit: int | None = None,
    ) -> list[dict]:
        """{"article_id", "text", "start", "end", "type", "cue", "speaker_text",
        "source": {"id", "name", "kind", "roles", "affiliations"} | None}.

        ``source`` is a case- and diacritic-insensitive substring of the source
        name; ``search`` is a full-text match on the quote text.
        Ordered by article, then position in the article.
        """

    @abstractmethod
    def sources(
        self,
        top: int | None = None,
        since: str | None = None,
        outlet: str | None = None,
    ) -> list[dict]:
        """Source profiles, most quoted first, then by name:
        {"id", "name", "kind", "aliases", "roles", "affiliations", "quote_count",
        "article_count", "outlets", "first_seen", "last_seen"}.

        ``since`` (an ISO date) and ``outlet`` restrict which quotes count;
        sources left with none are not listed."""

    @abstractmethod
    def source_profile(self, source_id: str) -> dict | None:
        """One profile, or None: the ``sources`` fields, with "roles" and
        "affiliations" as [{"text", "first_seen", "last_seen"}], plus
        "quotes" (as in ``quotes`` with "title", "date", "outlet"; oldest first),
        "co_quoted" [{"id", "name", "kind", "articles"}] and "evidence"
        [{"article_id", "title", "date", "outlet", "name", "reason"}]: why each
        article's mention belongs to this profile."""

    @abstractmethod
    def find_sources(self, name: str) -> list[dict]:
        """Profiles (as in ``sources``) whose name or an alias contains ``name``
        (case and accents ignored), exact matches first."""

    @abstractmethod
    def merge_sources(self, target: str, other: str) -> None:
        """A user's correction: profile ``other`` is the same source as ``target``.
        Kept, and applied again whenever identity is re-decided."""

    @abstractmethod
    def split_source(self, source: str, article_id: str) -> str:
        """A user's correction: ``source``'s mention in ``article_id`` is someone
        else. Returns the id of the profile that mention now has."""

    @abstractmethod
    def search(self, text: str, limit: int = 50) -> list[dict]:
        """Full-text hits over quotes and articles:
        {"kind": "quote"|"article", "article_id", "text", "title", "source"}."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Rows per table: {"articles", "quotes", "sources"}."""

    # -- browsing (web UI and REST API) -------------------------------------

    @abstractmethod
    def quote_page(
        self, filters: QuoteFilter, cursor: str | None = None, limit: int = 50
    ) -> tuple[list[dict], str | None]:
        """Up to ``limit`` quotes matching ``filters`` and the cursor of the next
        page (None on the last), newest article first, then in text order.

        Items are the ``quotes`` dict plus {"id", "parts", "title", "date",
        "outlet", "language"}. Raises CursorError for a cursor not handed out here.
        """

    @abstractmethod
    def quote_facets(self, filters: QuoteFilter, size: int = 10) -> dict:
        """Counts over every quote matching ``filters``: {"total", "source",
        "outlet", "type"}, each facet a list of {"value", "label", "count"}
        (for "source" the value is the source id), most frequent first,
        at most ``size`` long."""

    @abstractmethod
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
        """Sources whose name contains ``q`` (folded) and of ``kind``, sorted by
        "quotes" (most first), "recent" (latest article date first) or "name".
        Items as in ``sources``. Paged like ``quote_page``. ``language`` and the
        dates (as in QuoteFilter) restrict which quotes count; sources left
        with none are not listed."""

    @abstractmethod
    def article(self, article_id: str) -> dict | None:
        """One article with every annotation, or None:
        {"id", "title", "outlet", "date", "place", "country", "language", "url",
        "origin", "text", "author", "archive", "record_id", "analysed_by", "furniture",
        "quotes": [{"id", "text", "start", "end",
        "parts", "type", "cue": {"text", "start", "end", "parts"} | None,
        "speaker": {"text", "start", "end"} | None,
        "source": {"id", "name", "kind", "roles", "affiliations"} | None}]},
        quotes in text order, offsets into "text"."""

    @abstractmethod
    def stats(self) -> dict:
        """{"articles", "quotes", "sources", "first_date", "last_date",
        "languages": {code: articles}, "types": {type: quotes},
        "kinds": {kind: sources}, "outlets": [{"name", "articles", "quotes"}]}
        (outlets with the most articles first)."""

    @abstractmethod
    def outlet(self, name: str) -> dict | None:
        """Who an outlet quotes, or None if no article is from it:
        {"name", "articles", "quotes", "kinds": {kind: quotes}, "unattributed",
        "sources": [{"id", "name", "kind", "quotes"}] (most quoted first),
        "latest": [{"id", "title", "date", "quotes"}] (newest first)},
        both lists at most 20 long."""

    # -- who gets to speak (store/diversity.py) ------------------------------

    @abstractmethod
    def outlet_diversity(
        self, name: str, period: str = "month", since: str | None = None, until: str | None = None
    ) -> dict | None:
        """Who an outlet quotes, overall and per "month" or "year" (article date
        bounds ``since`` and ``until`` as in QuoteFilter), or None if no article
        is from it: {"name", "period", "since", "until", "articles", figures…,
        "periods": [{"period", figures…}]} (oldest first, "undated" last).

        The figures: {"quotes", "attributed", "kinds": {kind: quotes, …,
        "unattributed"}, "anonymous_share" (unnamed sources' share of attributed
        quotes), "sources", "hhi" (Herfindahl–Hirschman index of quotes per
        source, 0–1), "top_k", "top_share", "top_sources", "institutions",
        "roles" ([{"name", "quotes"}]), "statements", "single_outlet_statements",
        "single_outlet_quotes"} (statements no other outlet carries)."""

    @abstractmethod
    def diversity(self, since: str | None = None, until: str | None = None) -> dict:
        """Every outlet's figures side by side: {"since", "until", "outlets":
        [{"name", "articles", figures…}]}, most articles first."""


    # -- statements across articles -----------------------------------------

    @abstractmethod
    def statement_page(
        self, filters: StatementFilter, cursor: str | None = None, limit: int = 50
    ) -> tuple[list[dict], str | None]:
        """Statements (a source's quotes that say the same thing, grouped across
        articles) matching ``filters``, newest first; paged like ``quote_page``.
        Items: {"id", "text", "source": {"id", "name", "kind"} | None, "language",
        "first_seen": {"article_id", "quote_id", "title", "outlet", "date"},
        "last_date", "variants", "articles", "outlets", "flags" (kinds), "flagged"}."""

    @abstractmethod
    def statement(self, statement_id: str) -> dict | None:
        """One statement, or None: the ``statement_page`` fields, "flags" as
        [{"kind", "detail", "quote_id"}], and "appearances" [{"quote_id",
        "article_id", "title", "outlet", "date", "url", "type", "text", "start",
        "end", "earliest", "diff": [{"op", "text"}], "flags"}], earliest first,
        each diffed against the earliest. The id of a statement merged into
        another finds the one it joined."""

    @abstractmethod
    def statement_of_quote(self, quote_id: int) -> str | None:
        """The id of the statement a quote is a variant of (None if unattributed or unknown)."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def search_terms(text: str) -> list[str]:
    """Folded plain terms of a user query; punctuation-only pieces are dropped."""
    return [t for t in fold(text).split() if re.search(r"\w", t)]


@dataclass(frozen=True)
class QuoteFilter:
    """What quote browsing narrows by; None or "" means any."""

    q: str | None = None  # full text: folded prefix terms, all required
    source: str | None = None  # source id
    outlet: str | None = None  # outlet name, exact
    type: str | None = None  # one of QUOTE_TYPES
    language: str | None = None
    # "quotes" matches ``q`` in the quote text; "articles" in the whole article
    # text (quotes of articles that mention it).
    scope: str = "quotes"
    id: int | None = None  # one quote (a permalink)
    # 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; an article dated "2024-03" is in
    # every range that overlaps March 2024. Undated articles never match.
    date_from: str | None = None
    date_to: str | None = None


@dataclass(frozen=True)
class StatementFilter:
    """What statement listings narrow by; None or "" means any."""

    source: str | None = None  # source id: any variant's
    outlet: str | None = None  # exact: any variant's
    language: str | None = None
    flagged: bool = False  # only statements with a meaning change
    min_articles: int = 1  # 2: only statements repeated in another article
    # as in QuoteFilter: any variant's article date in the range
    date_from: str | None = None
    date_to: str | None = None


class CursorError(ValueError):
    """A page cursor that is malformed or belongs to another listing."""


def encode_cursor(listing: str, key: list[str | int]) -> str:
    """The opaque cursor for the row after ``key``, the last row's sort key."""
    raw = json.dumps([listing, *key], ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(listing: str, cursor: str, types: tuple[type, ...]) -> list[str | int]:
    """The sort key inside ``cursor``, checked against the listing and key types."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw.decode("utf-8"))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise CursorError("invalid cursor") from None
    if (
        not isinstance(value, list)
        or value[:1] != [listing]
        or len(value) != len(types) + 1
        or not all(type(v) is t for v, t in zip(value[1:], types))
    ):
        raise CursorError(f"invalid cursor for {listing}")
    return value[1:]
