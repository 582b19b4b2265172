"""Articles as flat Parquet rows and back again, without losing what a store keeps.

Every row carries its place in the input (``file``, ``record``: the WARC file's
index in the sorted input and the item's index in it), so ``load`` can write
in the batch runner's order. Spans and mentions inside a quote are JSON: they
are read back whole, never queried by part.
"""

from __future__ import annotations

import json

from ..model import Article, Mention, Quote, Source, Span
from ..resolve.identity import MentionRecord, blocking_keys
from ..store.shared import article_sources, quote_source_id

ORDER = "file INT, record INT"
ARTICLES = (ORDER + ", kind STRING, id STRING, title STRING, outlet STRING, date STRING, place STRING, "
            "country STRING, language STRING, url STRING, origin STRING, author STRING, text STRING, "
            "furniture ARRAY<STRING>, status STRING, duplicate_of STRING, archive STRING, record_id STRING, "
            "analysed_by STRING, signature BINARY")
QUOTES = ("article_id STRING, position INT, start INT, `end` INT, text STRING, type STRING, parts STRING, "
          "cue STRING, speaker STRING, addressee STRING, source_local STRING, source_id STRING")
MENTIONS = ("mention_id BIGINT, article_id STRING, source_local STRING, kind STRING, name STRING, "
            "roles ARRAY<STRING>, affiliations ARRAY<STRING>, aliases ARRAY<STRING>, date STRING, "
            "keys ARRAY<STRING>, source_id STRING, canonical STRING, reason STRING")
PROFILES = "source_id STRING, name STRING, kind STRING, roles ARRAY<STRING>, affiliations ARRAY<STRING>, aliases ARRAY<STRING>"
FAILURES = ORDER + ", item STRING, reason STRING"

# what became of an input article: analysed (or unsupported), a near copy, another location of a text
NEW, COPY, LOCATION = "new", "copy", "location"
_FIELDS = ("id", "title", "outlet", "date", "place", "country", "language", "url", "origin", "author", "text",
           "furniture", "status", "duplicate_of", "archive", "record_id", "analysed_by")


def article_row(order: tuple[int, int], kind: str, article: Article, signature: bytes | None) -> tuple:
    return (*order, kind, *(getattr(article, f) for f in _FIELDS), signature)


def article_of(row: dict) -> Article:
    return Article(**{f: row[f] if row[f] is not None else "" for f in _FIELDS if f != "furniture"},
                   furniture=list(row["furniture"] or []))


def quote_rows(article: Article) -> list[tuple]:
    sources = article_sources(article)
    return [(article.id, n, q.start, q.end, q.text, q.type, json.dumps(q.parts), _span(q.cue),
             _mention(q.speaker), _span(q.addressee), quote_source_id(q, sources), None)
            for n, q in enumerate(article.quotes)]


def quote_of(row: dict, sources: dict[str, Source]) -> Quote:
    speaker = json.loads(row["speaker"]) if row["speaker"] else None
    return Quote(row["start"], row["end"], row["text"], row["type"], cue=_span_of(row["cue"]),
                 speaker=Mention(**speaker) if speaker else None, source=sources.get(row["source_local"] or ""),
                 addressee=_span_of(row["addressee"]), parts=[tuple(p) for p in json.loads(row["parts"])])


def mention_rows(article: Article) -> list[tuple]:
    """The article's mention records without their global id (given once all are known)."""
    return [(None, article.id, s.id, s.kind, s.name, s.roles, s.affiliations, s.aliases, article.date,
             sorted(blocking_keys(s.kind, s.name, s.aliases, article.id)), None, None, None)
            for s in article_sources(article).values()]


def record_of(row: tuple) -> MentionRecord:
    return MentionRecord(row[0], row[1], row[3], row[4], list(row[5]), list(row[6]), list(row[7]), row[8] or "")


def source_of(row: dict) -> Source:
    return Source(row["name"], row["kind"], list(row["roles"] or []), list(row["affiliations"] or []),
                  row["source_local"], list(row["aliases"] or []))


def _span(span: Span | None) -> str | None:
    if span is None:
        return None
    return json.dumps({"start": span.start, "end": span.end, "text": span.text, "parts": span.parts},
                      ensure_ascii=False)


def _span_of(data: str | None) -> Span | None:
    if not data:
        return None
    d = json.loads(data)
    return Span(d["start"], d["end"], d["text"], [tuple(p) for p in d["parts"]])


def _mention(mention: Mention | None) -> str | None:
    if mention is None:
        return None
    return json.dumps({"start": mention.start, "end": mention.end, "text": mention.text,
                       "source_id": mention.source_id}, ensure_ascii=False)
