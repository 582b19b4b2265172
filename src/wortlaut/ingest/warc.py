"""WARC and WARC.gz archives (Common Crawl's CC-NEWS among them), streamed
record by record through warcio: memory holds one record body at a time.

Reading is bounded: header lines and header blocks have a maximum length
(warcio's own line reading is quadratic in the line's length, so one endless
line of garbage would take hours), and what warcio would write to stderr
itself becomes a failure of this reader instead.

Response (and resource) records with an HTML body become articles; requests,
metadata, redirects and non-HTML payloads are not articles and are passed over.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import (
    BufferedReader,
    ChunkedDataReader,
    DecompressingBufferedReader,
)
from warcio.recordloader import ArcWarcRecord
from warcio.utils import BUFF_SIZE

from ..model import Article
from .errors import Failure, IngestError
from .html import MAX_BYTES, read_html

MAX_LINE = 64 * 1024  # one WARC or HTTP header line; real ones are a few hundred bytes
MAX_HEADERS = 1024 * 1024  # one block of header lines

# warcio logs odd target URIs it repairs itself; without a handler Python would print them raw.
logging.getLogger("warcio").addHandler(logging.NullHandler())


def read_warc(stream: BinaryIO, origin: str, gzipped: bool) -> Iterator[Article | Failure]:
    """Every HTML record's article, or a failure for that record. A truncated or
    corrupt archive yields what came before the damage, then one failure; so
    does one whose records are not where their lengths say (warcio skips to the
    next record it finds)."""
    complete = 0  # records read to their declared end
    records = _Records(_Checked(stream, gzipped))
    try:
        for record in records:
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
    except ArchiveCorrupt as exc:
        yield Failure(origin, f"archive corrupt after {complete} complete records ({exc})")
        return
    except Exception as exc:  # warcio and gzip raise assorted errors on damaged archives
        yield Failure(origin, f"archive corrupt after {complete} complete records ({type(exc).__name__}: {exc})")
        return
    if records.warnings:
        more = f" ({len(records.warnings) - 1} more like it)" if len(records.warnings) > 1 else ""
        yield Failure(origin, f"archive damaged: {records.warnings[0]}{more}")
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
    try:
        body = _content_stream(record).read(MAX_BYTES + 1)
    except IngestError as exc:
        return Failure(_item(record, origin, number), str(exc))
    if len(body) > MAX_BYTES:
        return Failure(_item(record, origin, number), f"record too large (over {MAX_BYTES:,} bytes)")
    if (nul := body.find(b"\x00")) >= 0 and "utf-16" not in content_type.lower() and "utf-32" not in content_type.lower():
        return Failure(_item(record, origin, number), f"binary content (contains NUL bytes, the first at byte {nul:,})")
    return body


def _content_stream(record: ArcWarcRecord) -> BinaryIO:
    """The record's payload, as warcio's ``content_stream`` gives it, except that
    a damaged compressed body raises ``IngestError`` instead of warcio printing
    the error and returning nothing."""
    encoding = (record.http_headers.get_header("content-encoding") or "").lower() if record.http_headers else ""
    if encoding not in BufferedReader.get_supported_decompressors():
        encoding = ""
    if record.http_headers and record.http_headers.get_header("transfer-encoding") == "chunked":
        return _StrictChunked(record.raw_stream, decomp_type=encoding or None)
    if encoding:
        return _StrictBody(record.raw_stream, decomp_type=encoding)
    return record.raw_stream


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


class ArchiveCorrupt(Exception):
    """Something other than headers where headers should be."""


class _Records(ArchiveIterator):
    """warcio's record iterator over a ``_BoundedLines`` reader, keeping its
    warnings (a record not followed by its blank lines) for the caller."""

    def __init__(self, stream: _Checked) -> None:
        super().__init__(stream)
        self.reader = _BoundedLines(self.fh, block_size=BUFF_SIZE)
        self.warnings: list[str] = []

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        """warcio's, with its warning kept instead of written to stderr."""
        empty_size, first_line = 0, True
        while True:
            line = self.reader.readline()
            if not line:
                return None, empty_size
            if line.strip() and not first_line:
                return line, empty_size
            empty_size += len(line)
            if line.strip():  # the record's Content-Length is likely wrong
                self.warnings.append(f"a record not followed by a blank line (wrong Content-Length?) "
                                     f"at byte {self.fh.tell() - self.reader.rem_length() - empty_size:,}; "
                                     f"skipped a line starting {line[:40]!r}")
            first_line = False


class _BoundedLines(DecompressingBufferedReader):
    """warcio's buffered reader, with ``readline`` linear in the line's length and
    bounded: a line over ``MAX_LINE`` bytes, or header lines over ``MAX_HEADERS``
    bytes without a blank line, raise ``ArchiveCorrupt``. Bodies are read with
    ``read``, which is unbounded here (the callers bound it)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._block = 0  # bytes of header lines since the last blank line

    def readline(self, length: int | None = None) -> bytes:
        limit = MAX_LINE if length is None else min(length, MAX_LINE)
        parts: list[bytes] = []
        size = 0
        while size < limit:
            self._fillbuff()
            if self.empty():
                break
            part = self.buff.readline(limit - size)
            parts.append(part)
            size += len(part)
            if part.endswith(b"\n"):
                break
        line = b"".join(parts)
        if size >= MAX_LINE and not line.endswith(b"\n") and (length is None or length > MAX_LINE):
            raise ArchiveCorrupt(f"a line of over {MAX_LINE:,} bytes where headers should be")
        self._block = self._block + len(line) if line.strip() else 0
        if self._block > MAX_HEADERS:
            raise ArchiveCorrupt(f"over {MAX_HEADERS:,} bytes of headers without an end")
        return line


class _StrictDecompression:
    """A warcio reader whose decompression errors raise ``IngestError``."""

    def _decompress(self, data: bytes) -> bytes:
        if not (self.decompressor and data and self.num_block_read):  # the first block: warcio tries, then reads it as plain
            return super()._decompress(data)
        try:
            return self.decompressor.decompress(data)
        except zlib.error as exc:
            raise IngestError(f"compressed body is damaged ({self.decomp_type}: {exc})") from None


class _StrictBody(_StrictDecompression, BufferedReader):
    pass


class _StrictChunked(_StrictDecompression, ChunkedDataReader):
    pass


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
