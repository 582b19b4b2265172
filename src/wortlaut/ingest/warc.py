"""WARC and WARC.gz archives (Common Crawl's CC-NEWS among them), streamed
record by record through warcio: memory holds one record body at a time.

Response (and resource) records with an HTML body become articles; requests,
metadata, redirects and non-HTML payloads are not articles and are passed over.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from ..model import Article
from .errors import Failure, IngestError
from .html import MAX_BYTES, read_html


def read_warc(stream: BinaryIO, origin: str, gzipped: bool) -> Iterator[Article | Failure]:
    """Every HTML record's article, or a failure for that record. A truncated or
    corrupt archive yields what came before the damage, then one failure."""
    complete = 0  # records read to their declared end
    try:
        for record in ArchiveIterator(_Checked(stream, gzipped)):
            if record.rec_type is None:
                raise ArchiveTruncated("a record without WARC headers")
            item = _read_record(record, origin, complete + 1)
            if _truncated(record):
                raise ArchiveTruncated("ends inside a record")
            complete += 1
            if isinstance(item, bytes):
                item = _article(record, item, origin, complete)
            if item is not None:
                yield item
    except ArchiveTruncated as exc:
        yield Failure(origin, f"archive truncated ({exc}) after {complete} complete records")
        return
    except Exception as exc:  # warcio and gzip raise assorted errors on damaged archives
        yield Failure(origin, f"archive corrupt after {complete} complete records ({type(exc).__name__}: {exc})"[:300])
        return
    if complete == 0:
        yield Failure(origin, "archive has no records")


def _read_record(record: ArcWarcRecord, origin: str, number: int) -> bytes | Failure | None:
    """The HTML body of a response or resource record, a failure, or None for a
    record that holds no article."""
    if record.rec_type not in ("response", "resource"):
        return None
    if record.http_headers is not None:
        if record.http_headers.get_statuscode() != "200":
            return None  # redirects and errors carry no article
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    body = record.content_stream().read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        return Failure(_item(record, origin, number), f"record too large (over {MAX_BYTES:,} bytes)")
    return body


def _article(record: ArcWarcRecord, body: bytes, origin: str, number: int) -> Article | Failure:
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    content_type = (record.http_headers or record.rec_headers).get_header("Content-Type") or ""
    date = (record.rec_headers.get_header("WARC-Date") or "")[:10]
    try:
        article = read_html(body, _item(record, origin, number), url=uri, content_type=content_type, date=date)
    except IngestError as exc:
        return Failure(_item(record, origin, number), str(exc))
    article.archive, article.record_id = origin, record.rec_headers.get_header("WARC-Record-ID") or ""
    return article


def _item(record: ArcWarcRecord, origin: str, number: int) -> str:
    return f"{origin}#{record.rec_headers.get_header('WARC-Target-URI') or number}"


def _truncated(record: ArcWarcRecord) -> bool:
    """Whether the archive ends before the record's declared length (warcio
    itself returns a short body without complaint). Reads the rest of it."""
    raw = record.raw_stream
    while getattr(raw, "limit", 0) > 0:
        if not raw.read(65536):
            return True
    return False


class ArchiveTruncated(Exception):
    """The archive ends inside a record."""


class _Checked:
    """The archive's bytes (gzip members decompressed in a row) for warcio, which
    takes any end of data for the archive's regular end: here an end that does
    not follow a record's closing blank lines, or comes inside a gzip member,
    raises ``ArchiveTruncated`` instead."""

    def __init__(self, raw: BinaryIO, gzipped: bool) -> None:
        # read1 for gzip: a read() that meets the cut would drop the good data before it.
        self._read = gzip.GzipFile(fileobj=raw, mode="rb").read1 if gzipped else raw.read
        self._tail = b""

    def read(self, size: int = -1) -> bytes:
        try:
            data = self._read(size)
        except EOFError:  # gzip: "Compressed file ended before the end-of-stream marker"
            raise ArchiveTruncated("gzip data ends inside a member") from None
        if data:
            self._tail = (self._tail + data[-4:])[-4:]
        elif self._tail and not self._tail.endswith((b"\r\n\r\n", b"\n\n")):
            raise ArchiveTruncated("ends inside a record")
        return data
