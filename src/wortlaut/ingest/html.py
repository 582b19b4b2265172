"""HTML pages: main text and metadata through trafilatura.

The text keeps one paragraph per block of the page, separated by blank lines,
as the analysis reads paragraph breaks; navigation, teasers and footers are
left out. Whitespace inside a block is unwrapped: pages hard-wrapped in their
source (newlines inside ``<p>``) would otherwise break sentences and quotes at
every source line, and each fragment would look like a headline to the
furniture rule. A ``<br>`` after a sentence ends a line within the paragraph;
after anything else it is a wrap too.
"""

from __future__ import annotations

import codecs
import logging
import re
from urllib.parse import urlsplit

import trafilatura
from lxml import etree
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
    blocks = _blocks(doc.body) if doc.body is not None else [
        _unwrap(line) for line in (doc.text or "").split("\n")]
    blocks = [b for b in blocks if b]
    if blocks and blocks[0] == " ".join((doc.title or "").split()):
        blocks = blocks[1:]  # trafilatura repeats the headline as the first line
    return "\n\n".join(blocks), doc


# Elements of trafilatura's output tree that start a block of their own; the
# others (hi, ref, del, span …) run on inside the block around them.
_BLOCK_TAGS = frozenset({"body", "div", "p", "head", "quote", "list", "item", "table", "row", "cell", "code",
                         "graphic", "note"})
_BREAK = "\x00"  # a <br> (trafilatura's <lb/>) while a block's text is collected
_SENTENCE_END = re.compile(r"[.!?:;…][\"'»«„“”‚‘’)\]]*$")


def _blocks(body) -> list[str]:
    """The text of each block in trafilatura's tree, unwrapped to one line
    (or several for a <br> after a sentence); list items keep their "- ".
    Walked by events, not recursion: a hostile page may nest thousands deep."""
    blocks: list[str] = []
    pieces: list[str] = []

    def close() -> None:
        text = _unwrap("".join(pieces))
        pieces.clear()
        if text and text != "-":
            blocks.append(text)

    for event, element in etree.iterwalk(body, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                close()
                if tag == "item":
                    pieces.append("- ")
            elif tag == "lb":
                pieces.append(_BREAK)
            if element.text and tag != "lb":
                pieces.append(element.text)
        else:
            if tag in _BLOCK_TAGS:
                close()
            if element.tail and element is not body:
                pieces.append(element.tail)
    close()
    return blocks


def _unwrap(text: str) -> str:
    """One block's text: whitespace runs become one space; a <br> or a blank
    line in the source ends a line only after a sentence (else it is a wrap)."""
    lines = [" ".join(part.split()) for part in re.split(rf"{_BREAK}|\n\s*\n", text)]
    out = ""
    for line in filter(None, lines):
        out += ("\n" if _SENTENCE_END.search(out) else " ") + line if out else line
    return out


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
