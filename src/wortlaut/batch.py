"""The batch runner: ingested items admitted in reading order, analysed in
parallel, stored by one writer.

The main process triages each item through ``admission.Admission`` (furniture
out; exact duplicates become another location, near duplicates are linked to
their original) before any analysis is dispatched, so a batch never analyses
two copies of a story. New articles go to worker processes, which run
``admission.analyse_admitted`` (the language, then the analysis of the
languages analysed; others are stored as unsupported); results are written in
reading order, each in one transaction as soon as it and those before it are
ready, while a thread goes on reading: a later hang or crash never costs the
items before it. A run killed at any point leaves only whole articles, and
running it again skips them.

Each article's analysis has a time and a memory budget: a worker over either
is killed and replaced, and the article becomes a failure of its own. (A small
batch, analysed in this process, has the time budget only, and only in the
main thread, where a timer signal can interrupt it.) Workers die with the
batch (``PR_SET_PDEATHSIG`` on Linux, and a watchdog on the parent's pid).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from multiprocessing.reduction import ForkingPickler

from .admission import LINKED, LOCATION, STORED, Admission, Triage, analyse_admitted
from .analyse.language import ANALYSED, IDENTIFIED, detect_language
from .ingest import Failure
from .model import Article
from .pipeline import process
from .store import Store, StoreError

# A worker process costs about 1.5 s to start (imports, models): batches this
# small are analysed in the main process instead. Whether a batch is small is
# seen from how far the reader has got when the first article is analysed
# (waiting at most DECIDE_WAIT for it), so no result waits for the reading.
SMALL_BATCH = 32
DECIDE_WAIT = 1.0  # seconds
IN_FLIGHT_PER_WORKER = 4  # enough queued work to keep each worker busy
TIME_BUDGET = 60.0  # seconds to analyse one article; news articles take well under one
MEMORY_BUDGET = 2048  # MB resident in a worker analysing one article (it holds about 300 MB idle)
START_ATTEMPTS = 3  # workers that die before they are ready, before the batch stops starting them
_ALARM_REPEAT = 0.05  # seconds between further alarms once the budget is spent
_POLL = 0.25  # seconds between looks at the workers (memory, deaths) while waiting
JOBS_PER_WORKER = 2  # one analysed, one waiting in the pipe: no idle time between articles
QUEUED_BYTES = 32 * 1024  # the largest article sent to wait in a pipe (its buffer is larger)
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
    time_budget: float = TIME_BUDGET,
    memory_budget: int = MEMORY_BUDGET,
) -> Summary:
    """Ingest ``items`` into ``store``; ``workers`` processes analyse (default:
    one per core; 1 analyses in this process). ``on_item`` hears each item's
    outcome once it is written. An article whose analysis takes over
    ``time_budget`` seconds, or over ``memory_budget`` MB in a worker, fails."""
    workers = workers or os.cpu_count() or 1
    window = IN_FLIGHT_PER_WORKER * workers if workers > 1 else 1
    reader = _Reader(items, max(window, SMALL_BATCH + 1))
    batch = _Batch(store, workers, window, reader, languages, use_model, on_item, Budget(time_budget, memory_budget))
    try:
        while True:
            batch.write_ready()
            if batch.full():
                batch.wait()
                continue
            # with results pending, wait for whichever comes first: an item or a result
            item = reader.next(0 if batch.busy() else None)
            if item is _END:
                break
            if item is _NOTHING_YET:
                batch.wait(reader)
            else:
                batch.add(item)
        batch.finish()
    finally:
        reader.stop()
        batch.close()
    return batch.summary


@dataclass(frozen=True)
class Budget:
    seconds: float = TIME_BUDGET
    megabytes: int = MEMORY_BUDGET


class AnalysisFailed(Exception):
    """An article's analysis that failed, with the one-line reason."""


class _OutOfTime(BaseException):
    """The time budget ran out (a BaseException: analysis code catching Exception must not swallow it)."""


class _Batch:
    def __init__(self, store: Store, workers: int, window: int, reader: _Reader, languages: tuple[str, ...],
                 use_model: bool, on_item: Callable[[str], None] | None, budget: Budget) -> None:
        self.store, self.workers, self.window, self.reader = store, workers, window, reader
        self.languages, self.use_model, self.on_item, self.budget = languages, use_model, on_item, budget
        self.pool: _Pool | None = None
        self.waited = False  # for the reader, to tell a small batch
        self.summary = Summary()
        self.queue: deque[_Pending] = deque()
        self.admission = Admission(store)

    def add(self, item: Article | Failure) -> None:
        if isinstance(item, Failure):
            self._fail(item)
        else:
            self._triage(item)
        self.write_ready()

    def write_ready(self) -> None:
        """Write every result at the head of the queue that is ready."""
        if self.pool:
            self.pool.poll(0)
        while self.queue and _ready(self.queue[0]):
            self._write(self.queue.popleft())

    def full(self) -> bool:
        return len(self.queue) >= self.window and not _ready(self.queue[0])

    def busy(self) -> bool:
        return bool(self.queue)

    def wait(self, reader: _Reader | None = None) -> None:
        """Wait a while for the workers, or until ``reader`` has an item."""
        if self.pool:
            self.pool.poll(_POLL, reader)
        elif reader:
            wait([reader], _POLL)

    def finish(self) -> None:
        while self.queue:
            if not _ready(self.queue[0]):
                self.wait()
            self.write_ready()

    def close(self) -> None:
        if self.pool:
            self.pool.close()

    def _triage(self, article: Article) -> None:
        triage = self.admission.triage(article)
        self.queue.append(_Pending(triage, self._submit(triage.article) if triage.new else None))

    def _submit(self, article: Article) -> Future:
        if self.pool is None and self.workers > 1 and self.reader.read_over(SMALL_BATCH, 0 if self.waited else DECIDE_WAIT):
            self.pool = _Pool(self.workers, self.languages, self.use_model, self.budget)
        self.waited = True
        if self.pool and self.pool.workers:  # none left: they could not start, so this process analyses
            return self.pool.submit(article)
        return _analyse_here(article, self.languages, self.use_model, self.budget.seconds)

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
                reason = str(exc) if isinstance(exc, AnalysisFailed) else f"analysis failed: {exc!r}"
                self._fail(Failure(article.origin, reason))
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


def _analyse_here(article: Article, languages: tuple[str, ...], use_model: bool, seconds: float) -> Future:
    """The analysis in this process, as a settled future; the time budget holds
    where a timer signal can interrupt it (the main thread)."""
    future: Future = Future()
    try:
        with _alarm(seconds):
            analysed = analyse_admitted(article, languages, use_model)
    except _OutOfTime:
        future.set_exception(AnalysisFailed(f"analysis took over {seconds:g} s (the time budget)"))
    except Exception as exc:
        future.set_exception(exc)
    else:
        future.set_result(analysed)
    return future


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def out_of_time(signum: int, frame: object) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, out_of_time)
    # Repeating: the exception may be raised inside code that swallows it (a gc
    # callback, a __del__), so the alarm goes on until the analysis ends.
    signal.setitimer(signal.ITIMER_REAL, seconds, _ALARM_REPEAT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_END, _NOTHING_YET = object(), object()


class _Reader:
    """The items, read ahead in a thread, so that results are written while a
    slow (or hanging) input is still being read. Its ``fileno`` becomes
    readable when an item is added, so the batch can wait for an item and the
    workers at once."""

    def __init__(self, items: Iterable[Article | Failure], ahead: int) -> None:
        self._items = queue.Queue(maxsize=max(ahead, 1))
        self._stopped = threading.Event()
        self.count = 0  # items read so far
        self._done = False
        self._counted = threading.Condition()
        self._bell, self._ring = os.pipe()
        os.set_blocking(self._bell, False)
        os.set_blocking(self._ring, False)
        self._thread = threading.Thread(target=self._read, args=(iter(items),), daemon=True, name="wortlaut-reader")
        self._thread.start()

    def fileno(self) -> int:
        return self._bell

    def next(self, timeout: float | None) -> object:
        """The next item, ``_END``, or ``_NOTHING_YET`` after ``timeout`` seconds."""
        with contextlib.suppress(BlockingIOError):
            os.read(self._bell, 4096)  # silenced before looking: an item added after this rings again
        try:
            item = self._items.get(timeout=timeout)
        except queue.Empty:
            return _NOTHING_YET
        if isinstance(item, BaseException):
            raise item
        return item

    def read_over(self, count: int, timeout: float) -> bool:
        """Whether more than ``count`` items have been read, waiting up to
        ``timeout`` seconds for them (or for the end)."""
        with self._counted:
            self._counted.wait_for(lambda: self.count > count or self._done, timeout)
            return self.count > count

    def stop(self) -> None:
        self._stopped.set()
        os.close(self._bell)  # the thread closes its end when it is done

    def _read(self, items: Iterator[Article | Failure]) -> None:
        try:
            for item in items:
                if not self._put(item):
                    return
            self._put(_END)
        except BaseException as exc:  # a reader's bug: raised in the batch's thread
            self._put(exc)
        finally:
            os.close(self._ring)
            with self._counted:
                self._done = True
                self._counted.notify_all()

    def _put(self, item: object) -> bool:
        while not self._stopped.is_set():
            try:
                self._items.put(item, timeout=_POLL)
            except queue.Full:
                continue
            with contextlib.suppress(BlockingIOError, OSError):  # already ringing, or the batch is gone
                os.write(self._ring, b"\0")
            with self._counted:
                self.count += item is not _END
                self._counted.notify_all()
            return True
        return False


class _Pool:
    """Worker processes analysing one article at a time each, within a budget."""

    def __init__(self, size: int, languages: tuple[str, ...], use_model: bool, budget: Budget) -> None:
        self.context = multiprocessing.get_context("spawn")  # not fork: the main process runs threads
        self.languages, self.use_model, self.budget = languages, use_model, budget
        self.workers = [self._start() for _ in range(size)]
        self.backlog: deque[tuple[Future, Article]] = deque()
        self.start_failures = 0

    def usable(self) -> bool:
        """Whether a worker is ready for an article."""
        return any(w.ready for w in self.workers)

    def submit(self, article: Article) -> Future:
        future: Future = Future()
        self.backlog.append((future, article))
        self._dispatch()
        return future

    def poll(self, timeout: float, reader: _Reader | None = None) -> None:
        """Wait up to ``timeout`` seconds (or until ``reader`` has an item) for a
        worker to answer, die or exceed its budget, and settle what happened."""
        now = time.monotonic()
        busy = [w.started + self.budget.seconds - now for w in self.workers if w.jobs]
        timeout = max(0.0, min([timeout, *busy]))
        waiting = {w.conn: w for w in self.workers} | {w.process.sentinel: w for w in self.workers}
        woken = wait([*waiting, *([reader] if reader else [])], timeout)
        signalled = {waiting[r] for r in woken if r is not reader}
        for worker in list(self.workers):
            reason = self._check(worker, worker in signalled)
            if reason:
                self._replace(worker, reason)
        self._dispatch()

    def close(self) -> None:
        for future, _ in [*self.backlog, *(job for w in self.workers for job in w.jobs)]:
            future.cancel()
        for worker in self.workers:
            worker.ask_to_stop()
        for worker in self.workers:
            worker.process.join(5 if worker.ready and not worker.jobs else 0)  # one still warming up is not waited for
            worker.kill()

    def _check(self, worker: _Worker, signalled: bool) -> str:
        """Why ``worker`` is to be replaced, or ""; takes its answer if it has one."""
        if signalled and worker.conn.poll():
            try:
                message = worker.conn.recv()
            except (EOFError, OSError):
                return _death(worker.process)
            if message == _WORKER_READY:
                worker.ready = True
            elif worker.jobs:
                ok, value = message
                future, _ = worker.jobs.popleft()
                worker.started = time.monotonic()  # the next one's clock starts
                future.set_result(value) if ok else future.set_exception(AnalysisFailed(value))
            return ""
        if signalled or not worker.process.is_alive():
            return _death(worker.process)
        if worker.jobs and time.monotonic() - worker.started > self.budget.seconds:
            return f"analysis took over {self.budget.seconds:g} s (the time budget)"
        if worker.jobs and worker.resident_mb() > self.budget.megabytes:
            return f"analysis used over {self.budget.megabytes:,} MB (the memory budget)"
        return ""

    def _replace(self, worker: _Worker, reason: str) -> None:
        worker.kill()
        if worker.jobs:  # the first was being analysed; those queued behind it go back in line
            future, _ = worker.jobs.popleft()
            future.set_exception(AnalysisFailed(reason))
            self.backlog.extendleft(reversed(worker.jobs))
        index = self.workers.index(worker)
        if not worker.ready:
            self.start_failures += 1
        if worker.ready or self.start_failures < START_ATTEMPTS:
            self.workers[index] = self._start()
            return
        del self.workers[index]  # workers cannot start here (a broken install): the rest carry on
        if not self.workers:
            for future, _ in self.backlog:
                future.set_exception(AnalysisFailed(f"analysis processes could not start ({reason})"))
            self.backlog.clear()

    def _dispatch(self) -> None:
        """Give each ready worker an article, and a second to start on as soon as
        the first is done (only a small one, which the pipe's buffer holds: the
        send must not wait for a worker busy sending its result)."""
        for worker in self.workers:
            while self.backlog and worker.ready and len(worker.jobs) < JOBS_PER_WORKER:
                future, article = self.backlog[0]
                data = ForkingPickler.dumps(article)
                if worker.jobs and len(data) > QUEUED_BYTES:
                    break
                self.backlog.popleft()
                try:
                    worker.conn.send_bytes(data)
                except (OSError, ValueError):  # it died: back in line, the next poll replaces it
                    self.backlog.appendleft((future, article))
                    break
                if not worker.jobs:
                    worker.started = time.monotonic()
                worker.jobs.append((future, article))

    def _start(self) -> _Worker:
        return _Worker(self.context, self.languages, self.use_model)


class _Worker:
    def __init__(self, context, languages: tuple[str, ...], use_model: bool) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, languages, use_model, os.getpid()),
                                       daemon=True, name="wortlaut-analysis")
        self.process.start()
        child.close()
        self.ready = False  # warmed up
        self.jobs: deque[tuple[Future, Article]] = deque()  # sent, in order; the first is being analysed
        self.started = 0.0  # when the first began

    def resident_mb(self) -> float:
        try:
            with open(f"/proc/{self.process.pid}/statm") as f:
                return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
        except (OSError, ValueError, IndexError):  # not Linux, or just gone
            return 0.0

    def ask_to_stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _death(process: multiprocessing.process.BaseProcess) -> str:
    process.join(1)
    code = process.exitcode
    if code == -signal.SIGKILL:
        return "the analysis process was killed (out of memory?)"
    how = f"signal {-code}" if code and code < 0 else f"exit code {code}"
    return f"the analysis process died ({how})"


_WORKER_READY = "ready"
PR_SET_PDEATHSIG = 1


def _serve(conn, languages: tuple[str, ...], use_model: bool, parent: int) -> None:
    """A worker: warm up, then analyse the articles sent until ``None`` or the
    parent is gone. An answer is ``(True, article)`` or ``(False, reason)``."""
    _die_with(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch's to handle; it ends the workers
    _warm_up(languages, use_model)
    conn.send(_WORKER_READY)
    while True:
        try:
            article = conn.recv()
        except (EOFError, OSError):
            return
        if article is None:
            return
        try:
            conn.send((True, analyse_admitted(article, languages, use_model)))
        except MemoryError:  # its memory is freed as the error unwinds: the next article may go on
            conn.send((False, "analysis ran out of memory"))
        except Exception as exc:
            conn.send((False, f"analysis failed: {exc!r}"))


def _die_with(parent: int) -> None:
    """End this process when ``parent`` ends, even by SIGKILL: the kernel's
    parent-death signal on Linux, and a watchdog thread everywhere."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the signal was asked for
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="wortlaut-parent-watch").start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _warm_up(languages: tuple[str, ...], use_model: bool) -> None:
    """Load each worker's language detector, tokenizers and models once, before its first article."""
    for language in languages:
        detect_language(WARM_UP[language], IDENTIFIED)
        process(Article(text=WARM_UP[language], language=language), use_model)
