"""The storage interface every backend (SQLite now, PostgreSQL later) implements.

Return values are plain dicts in the public JSON shape the CLI prints, so
backends are interchangeable without callers touching rows.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from types import TracebackType

from wortlaut.model import Article, fold


class StoreError(Exception):
    """A write failed; the article was not stored (nothing of it remains)."""


class Store(ABC):
    @abstractmethod
    def add_article(self, article: Article) -> bool:
        """Store article, its sources and quotes atomically; False if already present."""

    @abstractmethod
    def articles(self) -> list[dict]:
        """{"id", "title", "outlet", "date", "place", "country", "language",
        "origin", "furniture", "quotes"} in ingestion order."""

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
    def sources(self) -> list[dict]:
        """{"id", "name", "kind", "roles", "affiliations", "quotes"},
        most quoted first, then by name."""

    @abstractmethod
    def search(self, text: str, limit: int = 50) -> list[dict]:
        """Full-text hits over quotes and articles:
        {"kind": "quote"|"article", "article_id", "text", "title", "source"}."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Rows per table: {"articles", "quotes", "sources"}."""

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
