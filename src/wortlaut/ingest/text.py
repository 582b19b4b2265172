"""Plain-text articles, with or without the dateline header.

The header form is::

     date 2023-09 Seoul, Südkorea

    CNN

    —

    <body paragraphs>

giving date, place, country (ISO code, from a German or English country name)
and outlet. Text without that first line is all body.
"""

from __future__ import annotations

import re

from ..model import Article
from ..lexicon.countries import country_code
from .errors import IngestError

MAX_BYTES = 5_000_000  # a news article is far smaller; larger files are not articles

DATELINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s+(.+?)(?:,\s*(.+?))?\s*$", re.IGNORECASE)
DASH_LINE = re.compile(r"^\s*[—–-]{1,3}\s*$")


def decode(data: bytes) -> str:
    """Bytes to text, refusing what is not a UTF-8 text file."""
    if not data.removeprefix(b"\xef\xbb\xbf").strip():
        raise IngestError("empty file")
    if len(data) > MAX_BYTES:
        raise IngestError(f"file too large ({len(data):,} bytes; limit {MAX_BYTES:,})")
    if (nul := data.find(b"\x00")) >= 0:  # anywhere: a NUL deep in a text file is damage, not text
        raise IngestError(f"binary file (contains NUL bytes, the first at byte {nul:,})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r})") from None
    control = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control > 0.05 * min(len(text), 8192):
        raise IngestError("binary file (too many control characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_text(text: str, origin: str = "") -> Article:
    lines = text.split("\n")
    k = 0
    while k < len(lines) and not lines[k].strip():
        k += 1
    meta: dict[str, str] = {}
    m = DATELINE.match(lines[k]) if k < len(lines) else None
    if m:
        meta["date"], meta["place"] = m.group(1), m.group(2).strip()
        meta["country"] = country_code(m.group(3) or "")
        k += 1
        # the outlet line, then a dash line, come before the body
        rest = [j for j in range(k, len(lines)) if lines[j].strip()]
        if len(rest) >= 2 and DASH_LINE.match(lines[rest[1]]) and not DASH_LINE.match(lines[rest[0]]):
            meta["outlet"] = lines[rest[0]].strip()
            k = rest[1] + 1
        elif rest and DASH_LINE.match(lines[rest[0]]):
            k = rest[0] + 1
    body = _unwrap("\n".join(lines[k:]).strip())
    if not body:
        raise IngestError("no article text after the header")
    return Article(text=body, title=_title(body), origin=origin, **meta)


def _unwrap(body: str) -> str:
    """Where blank lines separate paragraphs, a single line break is only wrapping:
    join those lines, so a quote or sentence is not cut at the margin."""
    paragraphs = re.split(r"\n[ \t]*\n\s*", body)
    if len(paragraphs) == 1:
        return body  # one line per paragraph
    return "\n\n".join(" ".join(line.strip() for line in p.split("\n")) for p in paragraphs)


def _title(body: str) -> str:
    first = body.split("\n", 1)[0].strip()
    if len(first) <= 160:
        return first
    cut = first[:160].rsplit(" ", 1)[0]
    return cut + " …"
