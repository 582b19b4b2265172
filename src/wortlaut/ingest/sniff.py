"""Which reader an input needs, decided from its first bytes: extensions lie."""

from __future__ import annotations

import re
import zlib

SNIFF_BYTES = 4096

# Formats sniff() tells apart; "binary" and "gzip" (not a WARC) are refused.
WARC, WARC_GZ, FEED, HTML, TEXT, BINARY, GZIP = "warc", "warc.gz", "feed", "html", "text", "binary", "gzip"

_MAGIC = {  # common binary formats, named in the refusal
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x7fELF": "executable",
    b"SQLite format 3": "SQLite database",
}
# What may come before the root element of an XML or HTML document.
_PROLOGUE = re.compile(rb"\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!doctype[^>]*>\s*)*", re.IGNORECASE | re.DOTALL)
_ROOT = re.compile(rb"<([a-z][\w.-]*(?::[\w.-]+)?)", re.IGNORECASE)
_FEED_ROOTS = {b"rss", b"feed", b"rdf:rdf"}
_HTML_TAGS = re.compile(rb"<(?:html|head|body|meta|title|div|p|article|section|script|link)[\s>/]", re.IGNORECASE)


def sniff(head: bytes) -> str:
    """The format of a document whose first bytes (``SNIFF_BYTES`` of them) are ``head``."""
    if head.startswith(b"\x1f\x8b"):
        return WARC_GZ if _gunzip_start(head).startswith(b"WARC/") else GZIP
    if head.startswith(b"WARC/"):
        return WARC
    start = head.removeprefix(b"\xef\xbb\xbf")
    prologue = _PROLOGUE.match(start)
    root = _ROOT.match(start, prologue.end()) if prologue else None
    if root and root.group(1).lower() in _FEED_ROOTS:
        return FEED
    if root and root.group(1).lower() == b"html" or re.match(rb"\s*<!doctype html", start, re.IGNORECASE):
        return HTML
    if binary_kind(head):
        return BINARY
    if start.lstrip().startswith(b"<") and len(_HTML_TAGS.findall(start)) >= 3:
        return HTML  # a fragment or a page without <html>
    return TEXT


def binary_kind(head: bytes) -> str:
    """Why ``head`` is binary ("PNG image", "contains NUL bytes"), or "" for text."""
    for magic, name in _MAGIC.items():
        if head.startswith(magic):
            return name
    return "contains NUL bytes" if b"\x00" in head else ""


def _gunzip_start(head: bytes) -> bytes:
    """As much of the decompressed start as ``head`` holds; b"" if it is not gzip."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return b""
