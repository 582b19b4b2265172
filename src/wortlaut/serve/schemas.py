"""The REST API's typed shapes: what /openapi.json documents and responses are checked against."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from wortlaut.model import QUOTE_TYPES, SOURCE_KINDS

QuoteType = Literal[QUOTE_TYPES]
SourceKind = Literal[SOURCE_KINDS]
SourceSort = Literal["quotes", "recent", "name"]

# Article dates as the store keeps them: year, month or day precision.
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class SourceRef(BaseModel):
    id: str
    name: str
    kind: SourceKind
    roles: list[str]
    affiliations: list[str]


class QuoteItem(BaseModel):
    id: int
    article_id: str
    text: str
    start: int
    end: int
    parts: list[tuple[int, int]] = Field(description="The quoted stretches; more than one when interrupted.")
    type: QuoteType
    cue: str | None
    speaker_text: str | None
    source: SourceRef | None
    title: str
    date: str
    outlet: str
    language: str
    url: str = Field("", description="The original article, when known.")
    analysed_by: str = Field("", description="What found the quote: 'crf <model version>' or 'rules'.")


class QuotePage(BaseModel):
    items: list[QuoteItem]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last.")


class SourceItem(BaseModel):
    id: str
    name: str
    kind: SourceKind
    aliases: list[str] = Field(description="Other names the source was written as.")
    roles: list[str]
    affiliations: list[str]
    quote_count: int
    article_count: int
    outlets: list[str]
    first_seen: str
    last_seen: str


class SourcePage(BaseModel):
    items: list[SourceItem]
    next_cursor: str | None


class DatedText(BaseModel):
    text: str
    first_seen: str
    last_seen: str


class ProfileQuote(BaseModel):
    article_id: str
    text: str
    start: int
    end: int
    type: QuoteType
    cue: str | None
    speaker_text: str | None
    title: str
    date: str
    outlet: str


class CoQuoted(BaseModel):
    id: str
    name: str
    kind: SourceKind
    articles: int


class Evidence(BaseModel):
    article_id: str
    title: str
    date: str
    outlet: str
    name: str
    reason: str


class SourceProfile(BaseModel):
    id: str
    name: str
    kind: SourceKind
    aliases: list[str]
    roles: list[DatedText]
    affiliations: list[DatedText]
    quote_count: int
    article_count: int
    outlets: list[str]
    first_seen: str
    last_seen: str
    quotes: list[ProfileQuote] = Field(description="Oldest first.")
    co_quoted: list[CoQuoted]
    evidence: list[Evidence] = Field(description="Why each article's mention belongs to this source.")


class CueSpan(BaseModel):
    text: str
    start: int
    end: int
    parts: list[tuple[int, int]]


class SpeakerSpan(BaseModel):
    text: str
    start: int
    end: int


class Annotation(BaseModel):
    id: int
    text: str
    start: int
    end: int
    parts: list[tuple[int, int]]
    type: QuoteType
    cue: CueSpan | None
    speaker: SpeakerSpan | None
    source: SourceRef | None


class ArticleDetail(BaseModel):
    """Offsets are character offsets into ``text``, end exclusive."""

    id: str
    title: str
    outlet: str
    date: str
    place: str
    country: str
    language: str
    url: str
    origin: str
    text: str
    text_from: str = Field("", description='For a feed entry: where its text came from, "content" (the '
                           'full content), "page" (the linked page) or "summary" (the description only).')
    furniture: list[str] = Field(description="Page furniture (related headlines) kept out of the text.")
    quotes: list[Annotation]


class OutletCount(BaseModel):
    name: str
    articles: int
    quotes: int


class Stats(BaseModel):
    articles: int
    quotes: int
    sources: int
    first_date: str
    last_date: str
    languages: dict[str, int]
    types: dict[QuoteType, int]
    kinds: dict[SourceKind, int]
    outlets: list[OutletCount]


class OutletSource(BaseModel):
    id: str
    name: str
    kind: SourceKind
    quotes: int


class OutletArticle(BaseModel):
    id: str
    title: str
    date: str
    quotes: int


class OutletDetail(BaseModel):
    name: str
    articles: int
    quotes: int
    kinds: dict[SourceKind, int] = Field(description="Quotes per source kind.")
    unattributed: int
    sources: list[OutletSource]
    latest: list[OutletArticle]


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, description="Plain text; paragraphs separated by blank lines.")
    title: str = ""
    outlet: str = ""
    date: str = Field("", pattern=r"^$|" + DATE_PATTERN)
    url: str = Field("", pattern=r"^(https?://\S+)?$")


class ArticleCreated(BaseModel):
    id: str
    quotes: int
    created: bool = Field(description="False if the article was already stored.")


class Error(BaseModel):
    detail: str
