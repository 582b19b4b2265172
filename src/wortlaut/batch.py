"""The batch runner: ingested items admitted in reading order, analysed in
parallel, stored by one writer.

The main process triages each item through ``admission.Admission`` (furniture
out; exact duplicates become another location, near duplicates are linked to
their original) before any analysis is dispatched, so a batch never analyses
two copies of a story. New articles go to a pool of worker processes, which
run ``admission.analyse_admitted`` (the language, then the analysis of the
languages analysed; others are stored as unsupported); results come back in
reading order and each is written in one transaction. A run killed at any
point leaves only whole articles, and running it again skips them.
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

from .admission import LINKED, LOCATION, STORED, Admission, Triage, analyse_admitted
from .analyse.language import ANALYSED, IDENTIFIED, detect_language
from .ingest import Failure
from .model import Article
from .pipeline import process
from .store import Store, StoreError

# A worker process costs about 1.5 s to start (imports, models); batches this
# small are analysed in the main process instead.
SMALL_BATCH = 32
IN_FLIGHT_PER_WORKER = 4  # enough queued work to keep each worker busy
WARM_UP = {"de": "„Wir bauen weiter“, sagte Anna Berger.", "en": '"We will build on," Anna Berger said.'}

FAILED = "failed"
# outcomes counted together in the summary
_COUNTED_AS = {LINKED: "duplicate", LOCATION: "duplicate"}


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

    triage: Triage
    future: Future | None = None  # the analysis of a new article


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
        self.admission = Admission(store)

    def add(self, item: Article | Failure) -> None:
        if isinstance(item, Failure):
            self._fail(item)
        else:
            self._triage(item)
        while self.queue and (len(self.queue) > self.window or _ready(self.queue[0])):
            self._write(self.queue.popleft())

    def finish(self) -> None:
        while self.queue:
            self._write(self.queue.popleft())

    def _triage(self, article: Article) -> None:
        triage = self.admission.triage(article)
        self.queue.append(_Pending(triage, self._submit(triage.article) if triage.new else None))

    def _executor(self) -> ProcessPoolExecutor | _InProcess:
        if self.workers == 1:
            return _InProcess()
        # spawn, not fork: the main process runs threads (the progress display).
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_warm_up, initargs=(self.languages, self.use_model))

    def _submit(self, article: Article) -> Future:
        try:
            return self.executor.submit(analyse_admitted, article, self.languages, self.use_model)
        except BrokenProcessPool:  # a worker died (out of memory, a crash in a library): start afresh
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._executor()
            return self.executor.submit(analyse_admitted, article, self.languages, self.use_model)

    def _write(self, pending: _Pending) -> None:
        article = pending.triage.article
        try:
            if not pending.triage.new:
                outcome = self.admission.store_copy(article)
                if outcome is None:  # its original failed: this copy is read afresh
                    self._triage(article)
                else:
                    self._done(outcome)
                return
            try:
                article = pending.future.result()
            except Exception as exc:  # one article's analysis bug, or a dead worker, must not cost the batch
                self.admission.withdraw(article.id)
                self._fail(Failure(article.origin, f"analysis failed: {exc!r}"))
                return
            outcome = self.admission.store_new(article, pending.triage.signature)
            if outcome == STORED:
                self.summary.quotes += len(article.quotes)
            self._done(outcome)
        except StoreError as exc:
            self._fail(Failure(article.origin, str(exc)))

    def _fail(self, failure: Failure) -> None:
        self.store.add_failure(failure.item, failure.reason)
        self.summary.failures.append(failure)
        self._done(FAILED)

    def _done(self, outcome: str) -> None:
        if outcome != FAILED:  # failures are counted as the list of them
            counted = _COUNTED_AS.get(outcome, outcome)
            setattr(self.summary, counted, getattr(self.summary, counted) + 1)
        if self.on_item:
            self.on_item(outcome)


def _ready(pending: _Pending) -> bool:
    return pending.future is None or pending.future.done()


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

