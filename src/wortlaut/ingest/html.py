"""HTML pages: main text and metadata through trafilatura.

The text keeps one paragraph per block, separated by blank lines, as the
analysis reads paragraph breaks; navigation, teasers and footers are left out.
"""

from __future__ import annotations

import codecs
import logging
import re
from urllib.parse import urlsplit

import trafilatura
from trafilatura.settings import Document

from ..model import Article
from .errors import IngestError

# trafilatura logs an error for every page it finds no text in; the failure
# this module raises already says so, in one line.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

MAX_BYTES = 20_000_000  # HTML pages, feeds, archive records and downloads
MIN_TEXT_CHARS = 200  # less is a teaser, an index or an error page, not an article

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# Browsers read these labels as windows-1252, and German pages declared
# ISO-8859-1 often hold its „ “ (0x84, 0x93): decoding them as Latin-1 would
# turn the quotation marks into control characters.
_WINDOWS_1252 = {"iso8859-1", "ascii"}


def read_html(data: bytes, origin: str, *, url: str = "", content_type: str = "", date: str = "") -> Article:
    """The article in an HTML page. ``url`` and ``date`` (crawl time) stand in
    when the page names neither."""
    return parse_html(decode_html(data, content_type), origin, url=url, date=date)


def decode_html(data: bytes, content_type: str = "") -> str:
    """Bytes to text in the charset the HTTP header or the page declares (UTF-8,
    else windows-1252, when neither does). Bytes invalid in a declared charset
    are refused rather than replaced: replacing would corrupt quotes."""
    if len(data) > MAX_BYTES:
        raise IngestError(f"page too large ({len(data):,} bytes; limit {MAX_BYTES:,})")
    declared = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else (
        _charset_parameter(content_type) or _meta_charset(data)
    )
    if not declared:
        return data.decode("utf-8") if _decodes(data, "utf-8") else data.decode(
            "cp1252" if _decodes(data, "cp1252") else "latin-1"
        )
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        raise IngestError(f"unknown charset {declared!r}") from None
    if codec in _WINDOWS_1252 and _decodes(data, "cp1252"):
        codec = "cp1252"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise IngestError(f"not valid {declared} (byte {exc.start})") from None
    except LookupError:  # a codec that is not a text encoding ("rot13", "zip")
        raise IngestError(f"unknown charset {declared!r}") from None


def parse_html(html: str, origin: str, *, url: str = "", date: str = "") -> Article:
    text, doc = extract(html, url)
    if len(text) < MIN_TEXT_CHARS:
        raise IngestError(f"no article text found ({len(text)} characters)")
    url = (doc.url or url).strip()
    return Article(
        text=text,
        title=(doc.title or "").strip(),
        author=(doc.author or "").strip(),
        date=(doc.date or date or "").strip(),
        outlet=(doc.sitename or "").strip() or _host(url),
        url=url,
        origin=origin,
    )


def extract(html: str, url: str = "") -> tuple[str, Document]:
    """trafilatura's main text, one blank-line separated paragraph per block, and
    its metadata (title, author, date, sitename, url)."""
    try:
        doc = trafilatura.bare_extraction(
            html, url=url or None, with_metadata=True, include_comments=False, include_tables=False,
        )
    except Exception as exc:  # broken markup makes lxml and trafilatura raise many kinds
        raise IngestError(f"HTML extraction failed ({type(exc).__name__}: {_first_line(exc)})") from None
    if doc is None:
        return "", Document()
    lines = [line.strip() for line in (doc.text or "").split("\n") if line.strip()]
    if lines and lines[0] == (doc.title or "").strip():
        lines = lines[1:]  # trafilatura repeats the headline as the first line
    return "\n\n".join(lines), doc


def _charset_parameter(content_type: str) -> str:
    m = re.search(r"charset\s*=\s*[\"']?([^\"';\s]+)", content_type or "", re.IGNORECASE)
    return m.group(1) if m else ""


def _meta_charset(data: bytes) -> str:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else ""


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _first_line(exc: Exception) -> str:
    return (str(exc).splitlines() or [""])[0][:120]
