"""Exports people can load anywhere: quotes, sources and articles as JSON Lines,
CSV or Parquet, with stable ids and the provenance of every quote.

Ids are stable across databases and re-ingestion: an article's id hashes its
text, a source's is its profile id, and a quote's hashes its article id and
character offsets. A file is written under a temporary name and renamed when
complete, so an export that fails leaves no half-written file behind.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .store import Store

KINDS = ("quotes", "sources", "articles")
FORMATS = ("jsonl", "csv", "parquet")

# Columns of each export, in order; list-valued columns are JSON in CSV.
COLUMNS = {
    "quotes": (
        "id", "article_id", "article_url", "article_title", "outlet", "date", "language",
        "origin", "archive", "record_id",
        "text", "type", "start", "end", "parts",
        "cue", "cue_start", "cue_end", "speaker", "speaker_start", "speaker_end",
        "source_id", "source_name", "source_kind", "source_roles", "source_affiliations",
        "analysed_by",
    ),
    "sources": (
        "id", "name", "kind", "aliases", "roles", "affiliations",
        "quote_count", "article_count", "outlets", "first_seen", "last_seen",
    ),
    "articles": (
        "id", "title", "outlet", "date", "place", "country", "language", "url", "author",
        "status", "duplicate_of", "origin", "archive", "record_id", "locations", "quotes",
        "analysed_by", "furniture", "text",
    ),
}
INTEGER = {"start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end",
           "quote_count", "article_count", "locations", "quotes"}
LISTS = {"parts", "source_roles", "source_affiliations", "aliases", "roles", "affiliations", "outlets", "furniture"}


class ExportError(Exception):
    pass


def quote_id(article_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]


def rows(store: Store, kind: str) -> Iterator[dict]:
    """The export rows of ``kind``, in a stable order (articles as ingested, quotes in
    text order within them, sources most quoted first)."""
    if kind == "sources":
        yield from ({c: s[c] for c in COLUMNS["sources"]} for s in store.sources())
        return
    for listed in store.articles():
        if kind == "quotes" and not listed["quotes"]:
            continue
        article = store.article(listed["id"])  # the text and each quote's offsets
        if kind == "articles":
            yield {c: listed[c] if c in listed else article[c] for c in COLUMNS["articles"]}
        else:
            yield from (_quote_row(article, q) for q in article["quotes"])


def _quote_row(article: dict, q: dict) -> dict:
    cue, speaker, source = q["cue"] or {}, q["speaker"] or {}, q["source"] or {}
    return {
        "id": quote_id(article["id"], q["start"], q["end"]),
        "article_id": article["id"], "article_url": article["url"], "article_title": article["title"],
        "outlet": article["outlet"], "date": article["date"], "language": article["language"],
        "origin": article["origin"], "archive": article["archive"], "record_id": article["record_id"],
        "text": q["text"], "type": q["type"], "start": q["start"], "end": q["end"], "parts": q["parts"],
        "cue": cue.get("text"), "cue_start": cue.get("start"), "cue_end": cue.get("end"),
        "speaker": speaker.get("text"), "speaker_start": speaker.get("start"), "speaker_end": speaker.get("end"),
        "source_id": source.get("id"), "source_name": source.get("name"), "source_kind": source.get("kind"),
        "source_roles": source.get("roles", []), "source_affiliations": source.get("affiliations", []),
        "analysed_by": article["analysed_by"],
    }


def export(store: Store, kind: str, fmt: str, out: Path | None) -> int:
    """Write every row of ``kind`` to ``out`` (stdout when None, not for Parquet);
    returns the number of rows."""
    if kind not in KINDS or fmt not in FORMATS:
        raise ExportError(f"cannot export {kind!r} as {fmt!r}: kinds {', '.join(KINDS)}; formats {', '.join(FORMATS)}")
    if fmt == "parquet" and out is None:
        raise ExportError("Parquet is binary: give --out FILE")
    writer = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}[fmt]
    if out is None:
        return writer(rows(store, kind), kind, sys.stdout.buffer)
    return _atomically(out, lambda stream: writer(rows(store, kind), kind, stream))


def _atomically(out: Path, write) -> int:
    out = Path(out)
    fd, tmp = tempfile.mkstemp(dir=out.parent if str(out.parent) else ".", prefix=f".{out.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as stream:
            count = write(stream)
        os.replace(tmp, out)
        return count
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_jsonl(items: Iterator[dict], kind: str, stream) -> int:
    count = 0
    for row in items:
        stream.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
        count += 1
    return count


def _write_csv(items: Iterator[dict], kind: str, stream) -> int:
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, COLUMNS[kind])
    writer.writeheader()
    count = 0
    for row in items:
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if k in LISTS else v for k, v in row.items()})
        count += 1
    text.detach()  # leave the caller's stream open
    return count


def _write_parquet(items: Iterator[dict], kind: str, stream, batch: int = 5_000) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is a dependency
        raise ExportError(f"Parquet needs pyarrow ({exc})") from exc
    schema = pa.schema([(c, _arrow_type(pa, c)) for c in COLUMNS[kind]])
    count = 0
    with pq.ParquetWriter(stream, schema) as writer:
        chunk: list[dict] = []
        for row in items:
            chunk.append(row)
            if len(chunk) == batch:
                writer.write_table(pa.Table.from_pylist(chunk, schema))
                count, chunk = count + len(chunk), []
        if chunk or not count:
            writer.write_table(pa.Table.from_pylist(chunk, schema))
            count += len(chunk)
    return count


def _arrow_type(pa, column: str):
    if column == "parts":
        return pa.list_(pa.list_(pa.int64()))
    if column in LISTS:
        return pa.list_(pa.string())
    return pa.int64() if column in INTEGER else pa.string()


def datasette_metadata(database: str) -> dict:
    """Datasette metadata for a wortlaut SQLite database: full-text search over
    the quotes and articles tables (their FTS5 tables index folded text under the
    same rowid or article id), and labels for the foreign keys."""
    return {
        "title": "wortlaut: who said what",
        "databases": {
            database: {
                "tables": {
                    "quotes": {"fts_table": "quotes_fts", "label_column": "text"},
                    "articles": {"fts_table": "articles_fts", "label_column": "title"},
                    "sources": {"label_column": "name"},
                }
            }
        },
    }
