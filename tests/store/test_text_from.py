"""Where a feed entry's text came from is stored with the article, on both backends."""

from __future__ import annotations

from wortlaut.ingest.feed import read_feed
from wortlaut.model import Article

FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Elbufer Rundschau</title>
<item><title>Hafen</title><link>https://e.de/hafen</link>
<description>Der Senat hat den Umbau des Hafens beschlossen, sagte Senatorin Anna Berger am Montag.</description>
</item></channel></rss>"""


def test_text_from_is_stored_and_read_back(store):
    (entry,) = read_feed(FEED, "feed.xml")
    assert isinstance(entry, Article) and entry.text_from == "summary"
    assert store.add_article(entry)
    plain = Article(text="Ein Text aus einer Datei, ohne Feed. Er sagt nichts weiter.", origin="a.txt")
    assert store.add_article(plain)
    assert store.article(entry.id)["text_from"] == "summary"
    assert store.article(plain.id)["text_from"] == ""
