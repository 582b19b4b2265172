"""The one shared vocabulary: every stage reads and writes these dataclasses.

Offsets are character offsets into ``Article.text`` (end exclusive), so
``article.text[q.start:q.end] == q.text`` always holds.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

QUOTE_TYPES = ("direct", "indirect", "mixed", "reported")
SOURCE_KINDS = ("person", "organisation", "document", "unnamed")


@dataclass
class Span:
    """A stretch of article text. ``parts`` lists the pieces of an interrupted span
    ("teilte … mit"); ``start``/``end`` cover all of them."""

    start: int
    end: int
    text: str
    parts: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.parts:
            self.parts = [(self.start, self.end)]


@dataclass
class Mention:
    """A source as written at one place in the text ("er", "Schuster", "Analysten")."""

    start: int
    end: int
    text: str
    source_id: str | None = None


@dataclass
class Source:
    """Who is quoted, as one article knows them. ``id`` hashes kind + folded name;
    the store may give the source another id when it links it to a known profile
    (see ``resolve.identity``). ``aliases`` are other names the article uses ("IISS")."""

    name: str
    kind: str = "person"
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    id: str = ""
    aliases: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = source_id(self.name, self.kind)


@dataclass
class Quote:
    """One attributed statement.

    ``parts`` lists the quoted stretches when the quote is interrupted
    ("„A“, sagte er, „B“"); for a contiguous quote it is just ``[(start, end)]``.
    """

    start: int
    end: int
    text: str
    type: str = "direct"
    cue: Span | None = None
    speaker: Mention | None = None
    source: Source | None = None
    addressee: Span | None = None
    parts: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.parts:
            self.parts = [(self.start, self.end)]


@dataclass
class Article:
    text: str
    title: str = ""
    outlet: str = ""
    date: str = ""
    place: str = ""
    country: str = ""
    language: str = ""
    url: str = ""
    origin: str = ""  # file path, URL or archive record the article came from
    author: str = ""
    furniture: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    status: str = "analysed"  # or "unsupported" (language), "duplicate" (near copy)
    duplicate_of: str = ""  # for a near duplicate: the id of the article it copies
    id: str = ""
    archive: str = ""  # the WARC file it was read from, if any
    record_id: str = ""  # and its WARC-Record-ID there
    analysed_by: str = ""  # the tagger that found its quotes: "crf <model version>" or "rules"
    text_from: str = ""  # a feed entry's: "content" (full content), "page" (its linked page) or "summary"

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text)


def normalise_text(text: str) -> str:
    """NFC and collapsed whitespace: what identity hashing looks at."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def fold(text: str) -> str:
    """Casefold and strip diacritics: "Straße" -> "strasse", "Südkorea" -> "sudkorea"."""
    # names and words are folded again and again while resolving; whole texts once
    return _fold_short(text) if len(text) <= 64 else _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # a text has few distinct marks: each is dropped at once, not tested per character
    for mark in [ch for ch in set(decomposed) if unicodedata.combining(ch)]:
        decomposed = decomposed.replace(mark, "")
    return decomposed


_fold_short = lru_cache(maxsize=65536)(_fold)


def fold_map(text: str) -> tuple[str, list[int]]:
    """fold(text) and, per folded character, its offset in ``text``: folding
    changes lengths ("ß" -> "ss"), so matches in folded text need mapping back."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        piece = fold(ch)
        out.append(piece)
        origin.extend([i] * len(piece))
    return "".join(out), origin


def source_id(name: str, kind: str) -> str:
    key = f"{kind}:{normalise_text(fold(name))}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
