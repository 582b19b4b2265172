"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds through feedparser: one article per entry.

An entry's full content (content:encoded, Atom content, or a description long
enough to be the whole story) is the article; else its linked page, when the
caller allows fetching and the page can be read; else its description, short
as it may be. ``Article.text_from`` says which it was.
"""

from __future__ import annotations

import email.utils
from collections.abc import Callable, Iterator
from datetime import datetime
from time import struct_time

import feedparser
import lxml.html
from lxml.etree import ParserError

from ..model import Article
from .errors import Failure, IngestError
from .html import MAX_BYTES, extract

FULL_TEXT_CHARS = 500  # shorter entry content is a teaser, not the article
CONTENT, PAGE, SUMMARY = "content", "page", "summary"  # where an entry's text came from

FetchPage = Callable[[str], Article]  # a linked page's URL -> its article (raises IngestError)


def read_feed(data: bytes, origin: str, fetch_page: FetchPage | None = None) -> Iterator[Article | Failure]:
    """The entries of a feed document as articles, or a failure per entry."""
    if len(data) > MAX_BYTES:
        yield Failure(origin, f"feed too large ({len(data):,} bytes; limit {MAX_BYTES:,})")
        return
    try:
        parsed = feedparser.parse(data)  # bytes, never a URL: feedparser would fetch one
    except Exception as exc:  # feedparser's sanitiser and date parsers raise on odd input
        yield Failure(origin, f"unreadable feed ({type(exc).__name__})")
        return
    if not parsed.entries:
        yield Failure(origin, "empty feed (no entries)" if parsed.get("version") else "not a readable feed (no entries)")
        return
    outlet = str(parsed.feed.get("title", "")).strip()
    for number, entry in enumerate(parsed.entries, 1):
        link = str(entry.get("link", "")).strip()
        item = f"{origin}#{link or entry.get('id') or number}"
        try:
            yield _entry_article(entry, item, link, outlet, fetch_page)
        except IngestError as exc:
            yield Failure(item, str(exc))


def _entry_article(entry: dict, item: str, link: str, outlet: str, fetch_page: FetchPage | None) -> Article:
    title, author, date = str(entry.get("title", "")).strip(), str(entry.get("author", "")).strip(), _entry_date(entry)

    def article(text: str, text_from: str) -> Article:
        return Article(text=text, title=title, author=author, date=date, outlet=outlet, url=link, origin=item,
                       text_from=text_from)

    content = max((_entry_text(c.get("value", ""), link) for c in entry.get("content", [])), key=len, default="")
    summary = _entry_text(entry.get("summary", ""), link)
    if len(content) >= FULL_TEXT_CHARS:
        return article(content, CONTENT)
    if len(summary) >= FULL_TEXT_CHARS:
        return article(summary, SUMMARY)  # feeds that carry the whole story in the description
    page_failed = ""
    if fetch_page is not None and link:
        try:
            return _linked_page(fetch_page(link), item, title, author, date, outlet)
        except IngestError as exc:
            page_failed = f"; linked page: {exc}"  # the entry's own text stands in
    if content or summary:
        return article(content, CONTENT) if len(content) >= len(summary) else article(summary, SUMMARY)
    raise IngestError(f"entry has no full text and no description{page_failed}" if fetch_page is not None or not link
                      else "entry has no full text and no description (--fetch-links reads the linked page)")


def _linked_page(page: Article, item: str, title: str, author: str, date: str, outlet: str) -> Article:
    page.origin, page.text_from = item, PAGE
    page.title, page.author, page.date = page.title or title, page.author or author, page.date or date
    page.outlet = page.outlet or outlet
    return page


def _entry_text(html: str, link: str) -> str:
    """An entry field's text: trafilatura's paragraphs, or for a snippet too
    short for it to call an article (a one-line description), its plain text."""
    html = str(html or "")
    if not html.strip():
        return ""
    text = extract(html, link)[0]
    if text:
        return text
    try:
        plain = lxml.html.fragment_fromstring(html, create_parent="div").text_content()
    except (ParserError, ValueError):
        return ""
    return " ".join(plain.split())


def _entry_date(entry: dict) -> str:
    """YYYY-MM-DD as the feed wrote it (feedparser's parsed dates are UTC, which
    can move a late-evening story to the next day)."""
    for key in ("published", "updated", "created"):
        # dict.get: feedparser's own get() maps a missing "published" to "updated", with a warning
        raw = str(dict.get(entry, key) or "").strip()
        if not raw:
            continue
        for parse in (email.utils.parsedate_to_datetime, datetime.fromisoformat):
            try:
                return parse(raw).date().isoformat()
            except (TypeError, ValueError, IndexError, OverflowError):
                pass
        parsed = dict.get(entry, key + "_parsed")
        if isinstance(parsed, struct_time):
            return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return ""
