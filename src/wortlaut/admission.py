"""Admission: the one way into the store, for the batch runner and the API alike.

An article is admitted in three steps, which the batch runner spreads over
processes and the API runs in a row (``Admission.admit``):

1. ``triage``, in reading order: furniture out (once: the stored id is that of
   the text without it), then the same text already stored or on its way in
   (one more location), a near copy of a known original (linked to it, not
   analysed) unless it quotes or names someone its original does not, or a
   new article;
2. ``analyse_admitted``, anywhere (a worker process): the language, then the
   analysis if it is one of the analysed languages, else ``unsupported``;
3. ``store_new`` / ``store_copy``: the write, one transaction per article.
"""

from __future__ import annotations

from dataclasses import dataclass

from .analyse.furniture import strip_furniture
from .analyse.language import ANALYSED, IDENTIFIED, detect_language
from .ingest.dedup import NearDuplicates, from_bytes, says_more, signature, to_bytes
from .model import Article
from .pipeline import process
from .store import Store

# What became of an admitted article: a new row (analysed, a linked near copy,
# or unsupported), one more location of a stored text, or nothing new at all.
STORED, LINKED, UNSUPPORTED, LOCATION, PRESENT = "stored", "linked", "unsupported", "location", "present"
NEW_ROW = frozenset({STORED, LINKED, UNSUPPORTED})


@dataclass
class Triage:
    article: Article  # furniture out; a near copy carries its original's id
    new: bool  # to be analysed; otherwise a location of a stored text or a near copy
    signature: bytes | None = None  # new articles only: later copies are linked to them


def known_signatures(store: Store) -> NearDuplicates:
    """The near-duplicate index over every original in ``store``."""
    near = NearDuplicates()
    for article_id, minhash in store.signatures():
        near.add(article_id, from_bytes(minhash))
    return near


class Admission:
    """Admits articles into ``store``; ``near`` (default: read from the store)
    may outlive the store connection, as a server's does."""

    def __init__(self, store: Store, near: NearDuplicates | None = None) -> None:
        self.store = store
        self.near = known_signatures(store) if near is None else near
        # new articles triaged but not yet stored, with their texts: later copies wait for them
        self.queued: dict[str, str] = {}

    def triage(self, article: Article) -> Triage:
        article = strip_furniture(article)
        if article.id in self.queued or self.store.has_article(article.id):
            return Triage(article, new=False)  # the same text: a location, once the original is in
        minhash = signature(article.text)
        original = self.near.original_of(minhash)
        if original and not says_more(self._text_of(original), article.text):
            article.status, article.duplicate_of = "duplicate", original
            article.language = article.language or detect_language(article.text, IDENTIFIED)
            return Triage(article, new=False)
        self.near.add(article.id, minhash)
        self.queued[article.id] = article.text
        return Triage(article, new=True, signature=to_bytes(minhash))

    def withdraw(self, article_id: str) -> None:
        """A new article whose analysis failed: copies read later become originals."""
        self.queued.pop(article_id, None)
        self.near.remove(article_id)

    def _text_of(self, article_id: str) -> str:
        """An original's text: queued in this run, or stored."""
        if article_id in self.queued:
            return self.queued[article_id]
        stored = self.store.article(article_id)
        return stored["text"] if stored else ""

    def store_new(self, article: Article, minhash: bytes | None) -> str:
        self.queued.pop(article.id, None)
        if not self.store.add_article(article, minhash):
            return self.add_location(article)
        return UNSUPPORTED if article.status == "unsupported" else STORED

    def store_copy(self, article: Article) -> str | None:
        """Store a location or a near copy; None when the copy's original never
        made it in (its analysis failed): then the copy is to be triaged afresh."""
        if article.duplicate_of and self.store.has_article(article.duplicate_of):
            return LINKED if self.store.add_article(article) else self.add_location(article)
        if self.store.has_article(article.id):
            return self.add_location(article)
        article.status, article.duplicate_of = "analysed", ""
        return None

    def add_location(self, article: Article) -> str:
        return LOCATION if self.store.add_location(article.id, article.origin) else PRESENT

    def admit(self, article: Article, languages: tuple[str, ...] = ANALYSED,
              use_model: bool = True) -> tuple[str, Article]:
        """All three steps for one article: the outcome and the article as stored."""
        triage = self.triage(article)
        if not triage.new:
            outcome = self.store_copy(triage.article)
            if outcome is not None:
                return outcome, triage.article
            # its original is gone from the store: the copy is an article of its own
            triage = Triage(triage.article, new=True, signature=to_bytes(signature(triage.article.text)))
        try:
            analysed = analyse_admitted(triage.article, languages, use_model)
        except Exception:
            self.withdraw(triage.article.id)
            raise
        return self.store_new(analysed, triage.signature), analysed


def analyse_admitted(article: Article, languages: tuple[str, ...], use_model: bool) -> Article:
    """The article's language and, if it is one of ``languages``, its analysis;
    otherwise it is marked unsupported as it is. Runs in the batch's workers."""
    article.language = article.language or detect_language(article.text, IDENTIFIED)
    if article.language not in languages:
        article.status = "unsupported"
        return article
    return process(article, use_model)
