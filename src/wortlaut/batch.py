"""The batch runner: ingested items, deduplicated, analysed in parallel, stored
by one writer.

The main process reads items, takes exact duplicates (the same normalised
text: one article, another location) and near duplicates (linked to their
original) aside before any analysis is dispatched, so a batch never analyses
two copies of a story. New articles go to a pool of worker processes, which
identify the language and run ``pipeline.process`` on the languages analysed
(others are stored as unsupported); results come back in reading order and
each is written in one transaction. A run killed at any point leaves only
whole articles, and running it again skips them.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from .analyse.furniture import strip_furniture
from .analyse.language import ANALYSED, IDENTIFIED, detect_language
from .ingest import Failure
from .ingest.dedup import NearDuplicates, from_bytes, signature, to_bytes
from .model import Article
from .pipeline import process
from .store import Store, StoreError

# A worker process costs about 1.5 s to start (imports, models); batches this
# small are analysed in the main process instead.
SMALL_BATCH = 32
IN_FLIGHT_PER_WORKER = 4  # enough queued work to keep each worker busy
WARM_UP = {"de": "„Wir bauen weiter“, sagte Anna Berger.", "en": '"We will build on," Anna Berger said.'}

STORED, DUPLICATE, UNSUPPORTED, PRESENT, FAILED = "stored", "duplicate", "unsupported", "present", "failed"


@dataclass
class Summary:
    stored: int = 0  # new articles, analysed
    quotes: int = 0
    duplicate: int = 0  # a stored text at a new location, or a near copy linked to its original
    unsupported: int = 0  # stored with their language, not analysed
    present: int = 0  # seen before at the same location: nothing changed
    failures: list[Failure] = field(default_factory=list)


@dataclass
class _Pending:
    """An item on its way to the store, in reading order."""

    article: Article
    outcome: str  # STORED: a new article, once analysed; DUPLICATE: a location or a linked copy
    future: Future | None = None  # the analysis of a new article
    signature: bytes | None = None  # originals only: later copies are linked to them


def run(
    items: Iterable[Article | Failure],
    store: Store,
    *,
    workers: int | None = None,
    languages: tuple[str, ...] = ANALYSED,
    use_model: bool = True,
    on_item: Callable[[str], None] | None = None,
) -> Summary:
    """Ingest ``items`` into ``store``; ``workers`` processes analyse (default:
    one per core; 1 analyses in this process). ``on_item`` hears each item's
    outcome once it is written."""
    items = iter(items)
    head = list(itertools.islice(items, SMALL_BATCH))
    workers = workers or os.cpu_count() or 1
    in_process = workers == 1 or len(head) < SMALL_BATCH
    batch = _Batch(store, 1 if in_process else workers, languages, use_model, on_item)
    try:
        for item in itertools.chain(head, items):
            batch.add(item)
        batch.finish()
    finally:
        batch.executor.shutdown(wait=True, cancel_futures=True)
    return batch.summary


class _Batch:
    def __init__(self, store: Store, workers: int, languages: tuple[str, ...], use_model: bool,
                 on_item: Callable[[str], None] | None) -> None:
        self.store, self.workers, self.languages, self.use_model, self.on_item = (
            store, workers, languages, use_model, on_item)
        self.executor = self._executor()
        self.window = IN_FLIGHT_PER_WORKER * workers if workers > 1 else 1
        self.summary = Summary()
        self.queue: deque[_Pending] = deque()
        self.queued_originals: set[str] = set()  # ids on their way in: later copies wait for them
        self.near = NearDuplicates()
        for article_id, minhash in store.signatures():
            self.near.add(article_id, from_bytes(minhash))

    def add(self, item: Article | Failure) -> None:
        if isinstance(item, Failure):
            self._fail(item)
        else:
            self._classify(item)
        while self.queue and (len(self.queue) > self.window or _ready(self.queue[0])):
            self._write(self.queue.popleft())

    def finish(self) -> None:
        while self.queue:
            self._write(self.queue.popleft())

    def _classify(self, article: Article) -> None:
        # Furniture out first: the stored id is that of the text without it.
        article = strip_furniture(article)
        if article.id in self.queued_originals or self.store.has_article(article.id):
            self.queue.append(_Pending(article, DUPLICATE))  # same text: a location, once the original is in
            return
        minhash = signature(article.text)
        original = self.near.original_of(minhash)
        if original:
            article.status, article.duplicate_of = "duplicate", original
            article.language = article.language or detect_language(article.text, IDENTIFIED)
            self.queue.append(_Pending(article, DUPLICATE))
            return
        self.near.add(article.id, minhash)
        self.queued_originals.add(article.id)
        self.queue.append(_Pending(article, STORED, self._submit(article), to_bytes(minhash)))

    def _executor(self) -> ProcessPoolExecutor | _InProcess:
        if self.workers == 1:
            return _InProcess()
        # spawn, not fork: the main process runs threads (the progress display).
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_warm_up, initargs=(self.languages, self.use_model))

    def _submit(self, article: Article) -> Future:
        try:
            return self.executor.submit(analyse_supported, article, self.languages, self.use_model)
        except BrokenProcessPool:  # a worker died (out of memory, a crash in a library): start afresh
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._executor()
            return self.executor.submit(analyse_supported, article, self.languages, self.use_model)

    def _write(self, pending: _Pending) -> None:
        article = pending.article
        try:
            if pending.outcome == DUPLICATE:
                self._write_duplicate(article)
                return
            self.queued_originals.discard(article.id)
            try:
                article = pending.future.result()
            except Exception as exc:  # one article's analysis bug, or a dead worker, must not cost the batch
                self.near.remove(article.id)  # copies read later become originals
                self._fail(Failure(article.origin, f"analysis failed: {exc!r}"))
                return
            if not self.store.add_article(article, pending.signature):
                self._location(article)
            elif article.status == "unsupported":
                self._done(UNSUPPORTED)
            else:
                self.summary.quotes += len(article.quotes)
                self._done(STORED)
        except StoreError as exc:
            self._fail(Failure(article.origin, str(exc)))

    def _write_duplicate(self, article: Article) -> None:
        if article.duplicate_of and self.store.has_article(article.duplicate_of):
            if self.store.add_article(article):
                self._done(DUPLICATE)
            else:
                self._location(article)
        elif self.store.has_article(article.id):
            self._location(article)
        else:  # its original failed: this copy is read afresh
            article.status, article.duplicate_of = "analysed", ""
            self._classify(article)

    def _location(self, article: Article) -> None:
        self._done(DUPLICATE if self.store.add_location(article.id, article.origin) else PRESENT)

    def _fail(self, failure: Failure) -> None:
        self.store.add_failure(failure.item, failure.reason)
        self.summary.failures.append(failure)
        self._done(FAILED)

    def _done(self, outcome: str) -> None:
        if outcome != FAILED:  # failures are counted as the list of them
            setattr(self.summary, outcome, getattr(self.summary, outcome) + 1)
        if self.on_item:
            self.on_item(outcome)


def _ready(pending: _Pending) -> bool:
    return pending.future is None or pending.future.done()


def analyse_supported(article: Article, languages: tuple[str, ...], use_model: bool) -> Article:
    """The article's language and, if it is one of ``languages``, its analysis;
    otherwise it is marked unsupported as it is. Runs in the workers."""
    article.language = article.language or detect_language(article.text, IDENTIFIED)
    if article.language not in languages:
        article.status = "unsupported"
        return article
    return process(article, use_model)


def _warm_up(languages: tuple[str, ...], use_model: bool) -> None:
    """Load each worker's language detector, tokenizers and models once, before its first article."""
    for language in languages:
        detect_language(WARM_UP[language], IDENTIFIED)
        process(Article(text=WARM_UP[language], language=language), use_model)


class _InProcess:
    """The executor interface, analysing in this process when it is asked to."""

    def submit(self, fn: Callable[..., Article], *args: object) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except Exception as exc:
            future.set_exception(exc)
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass

