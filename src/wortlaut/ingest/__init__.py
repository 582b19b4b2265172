"""Ingest: inputs → ``Article`` objects. One reader per format, chosen by sniffing
the content (``sniff.py``), never by the file name.

``iter_items`` is the entry point for shells (the CLI, a batch job): files,
directories (recursively), http(s) URLs and ``-`` (stdin). Items come lazily, so
an archive or a directory is streamed, and each is an ``Article`` or a
``Failure`` naming the item and a one-line reason, so bad items never stop the
rest. ``read_bytes`` reads one document held in memory (an uploaded body).
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import BinaryIO

from ..model import Article
from . import html, text
from .errors import Failure, IngestError
from .feed import FetchPage, read_feed
from .sniff import BINARY, FEED, GZIP, HTML, SNIFF_BYTES, WARC, WARC_GZ, binary_kind, sniff
from .url import fetch, is_url
from .warc import read_warc

# Never articles: documentation and data next to articles, and a saved page's
# assets. Skipped inside directories only; a file named explicitly is read.
SKIP_SUFFIXES = frozenset(
    ".md .rst .json .jsonl .csv .tsv .yaml .yml .toml .py .css .js .map "
    ".png .jpg .jpeg .gif .webp .svg .ico .woff .woff2 .ttf .otf".split()
)


def iter_items(
    specs: Iterable[str], *, allow_private: bool = False, fetch_links: bool = False,
) -> Iterator[Article | Failure]:
    """The articles (or failures) in files, directories, URLs and ``-`` (stdin).

    Network access happens only for URLs given, and for the pages linked from
    feed entries without full text when the feed came from a URL or
    ``fetch_links`` is set; internal addresses need ``allow_private``."""
    for spec in specs:
        yield from read_source(spec, allow_private=allow_private, fetch_links=fetch_links)


def read_source(spec: str, *, allow_private: bool = False, fetch_links: bool = False) -> Iterator[Article | Failure]:
    """The items of one input: a path, a directory, an http(s) URL or ``-``."""
    fetch_page = partial(_fetch_page, allow_private=allow_private) if fetch_links else None
    if spec == "-":
        stdin = sys.stdin.buffer
        head = stdin.read(SNIFF_BYTES)
        yield from _read_document(io.BufferedReader(_Replayed(head, stdin)), head, "stdin", fetch_page=fetch_page)
    elif is_url(spec):
        yield from _read_url(spec, allow_private)
    elif Path(spec).is_dir():
        yield from _read_directory(Path(spec), fetch_page)
    else:
        yield from read_file(Path(spec), fetch_page)


def read_file(path: Path, fetch_page: FetchPage | None = None) -> Iterator[Article | Failure]:
    """The items of one file; anything but a regular file (a FIFO, a socket, a
    device) is refused without opening it, as reading it could block forever."""
    origin = display_name(path)
    try:
        kind = _not_regular(os.stat(path).st_mode)
        if kind:
            yield Failure(origin, f"not a regular file ({kind})")
            return
        # non-blocking: a FIFO put in the file's place since the check must not hang the open
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as f:
            status = os.fstat(fd)
            kind = _not_regular(status.st_mode)
            if kind:
                yield Failure(origin, f"not a regular file ({kind})")
                return
            os.set_blocking(fd, True)
            head = f.read(SNIFF_BYTES)
            f.seek(0)
            yield from _read_document(f, head, origin, size=status.st_size, fetch_page=fetch_page)
    except OSError as exc:
        yield Failure(origin, f"cannot read ({exc.strerror or exc})")


def display_name(path: str | os.PathLike) -> str:
    """A file name as text: bytes that are not UTF-8 (which the file system
    allows) become escapes such as ``\\xff``, so the name can be shown and stored."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _not_regular(mode: int) -> str:
    """What a file that is not a regular one is ("a FIFO"), or "" for a regular file."""
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory")):
        if test(mode):
            return kind
    return "" if stat.S_ISREG(mode) else "not a file"


def read_bytes(data: bytes, origin: str, content_type: str = "") -> list[Article]:
    """The articles in one document held in memory (HTML, text, a feed or a WARC);
    raises ``IngestError`` if any item in it fails."""
    items = list(_read_document(io.BytesIO(data), data[:SNIFF_BYTES], origin, size=len(data),
                                content_type=content_type))
    failures = [i for i in items if isinstance(i, Failure)]
    if failures:
        raise IngestError(failures[0].reason if len(items) == 1 else
                          f"{len(failures)} of {len(items)} items failed, first {failures[0].item}: {failures[0].reason}")
    return [i for i in items if isinstance(i, Article)]


def read_path(path: Path) -> list[Article]:
    """The articles in one file; raises ``IngestError`` with a one-line reason."""
    articles = []
    for item in read_file(Path(path)):
        if isinstance(item, Failure):
            raise IngestError(item.reason)
        articles.append(item)
    return articles


def _read_document(
    stream: BinaryIO,
    head: bytes,
    origin: str,
    *,
    size: int | None = None,
    content_type: str = "",
    url: str = "",
    fetch_page: FetchPage | None = None,
) -> Iterator[Article | Failure]:
    """Dispatch on the sniffed format. ``size``, when known, refuses an oversized
    document before reading it; otherwise the read itself is bounded."""
    kind = sniff(head)
    if kind in (WARC, WARC_GZ):
        yield from read_warc(stream, origin, gzipped=kind == WARC_GZ)
        return
    if kind == BINARY:
        yield Failure(origin, f"binary file ({binary_kind(head)})")
        return
    if kind == GZIP:
        yield Failure(origin, "binary file (gzip data that is not a WARC archive)")
        return
    limit = html.MAX_BYTES if kind in (HTML, FEED) else text.MAX_BYTES
    if size is not None and size > limit:  # refused before it is read into memory
        yield Failure(origin, f"file too large ({size:,} bytes; limit {limit:,})")
        return
    data = stream.read(limit + 1)
    if len(data) > limit:
        yield Failure(origin, f"file too large (over {limit:,} bytes)")
        return
    if (nul := data.find(b"\x00")) >= 0 and not _wide_charset(content_type):  # anywhere, not only in the sniffed head
        yield Failure(origin, f"binary file (contains NUL bytes, the first at byte {nul:,})")
        return
    if kind == FEED and (problem := _feed_encoding_problem(data, content_type)):
        yield Failure(origin, problem)
        return
    try:
        if kind == FEED:
            yield from read_feed(data, origin, fetch_page)
        elif kind == HTML:
            yield html.read_html(data, origin, url=url, content_type=content_type)
        else:
            article = text.parse_text(text.decode(data), origin=origin)
            article.url = url
            yield article
    except IngestError as exc:
        yield Failure(origin, str(exc))


def _feed_encoding_problem(data: bytes, content_type: str) -> str:
    """Why a feed's bytes are not text in its declared encoding (the HTTP
    charset, else the XML declaration's, else UTF-8), or "". The feed parser
    would silently replace what does not decode, and corrupt quotes."""
    http, xml = _CHARSET.search(content_type), _XML_ENCODING.match(data)
    name = http.group(1) if http else xml.group(1).decode("ascii") if xml else "utf-8"
    try:
        data.decode(codecs.lookup(name).name)
    except LookupError:
        return f"unknown charset {name!r}"
    except UnicodeDecodeError as exc:
        return f"not valid {name} (byte {exc.start:,}: {data[exc.start:exc.start + 1]!r})"
    return ""


_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']""")


def _wide_charset(content_type: str) -> bool:
    """Whether the declared charset has NUL bytes in ordinary text (UTF-16, UTF-32)."""
    return any(wide in content_type.lower() for wide in ("utf-16", "utf-32"))


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the files inside directories as ingestion reads them."""
    return [f for p in map(Path, paths) for f in (_files_under(p, []) if p.is_dir() else [p])]


def _read_directory(directory: Path, fetch_page: FetchPage | None) -> Iterator[Article | Failure]:
    errors: list[OSError] = []
    for path in _files_under(directory, errors):
        yield from read_file(path, fetch_page)
    yield from (Failure(display_name(e.filename or directory), f"cannot read ({e.strerror or e})") for e in errors)


def _files_under(directory: Path, errors: list[OSError]) -> Iterator[Path]:
    """Every file below ``directory``, sorted, depth first, hidden ones and
    ``SKIP_SUFFIXES`` left out; unreadable subdirectories go to ``errors``."""
    for root, dirs, files in os.walk(directory, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() not in SKIP_SUFFIXES:
                yield Path(root, name)


def _read_url(url: str, allow_private: bool) -> Iterator[Article | Failure]:
    try:
        download = fetch(url, allow_private)
    except IngestError as exc:
        yield Failure(url, str(exc))
        return
    # A feed from the web may link to its articles' pages: fetching them is expected.
    yield from _read_document(io.BytesIO(download.data), download.data[:SNIFF_BYTES], url,
                              size=len(download.data), content_type=download.content_type,
                              url=download.url, fetch_page=partial(_fetch_page, allow_private=allow_private))


def _fetch_page(link: str, allow_private: bool) -> Article:
    """A feed entry's linked page as an article; raises ``IngestError``."""
    download = fetch(link, allow_private)
    if sniff(download.data[:SNIFF_BYTES]) != HTML:
        raise IngestError(f"linked page is not HTML ({download.content_type or 'no content type'})")
    return html.read_html(download.data, link, url=download.url, content_type=download.content_type)


class _Replayed(io.RawIOBase):
    """The bytes already read from a pipe for sniffing, then the rest of the pipe."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


__all__ = ["Failure", "IngestError", "display_name", "expand", "iter_items", "read_bytes", "read_file", "read_path", "read_source"]
