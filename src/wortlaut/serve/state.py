"""Database access for request handlers: per-thread read stores, one serialised writer."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

from fastapi import HTTPException, Request

from wortlaut.admission import NEW_ROW, Admission, known_signatures
from wortlaut.ingest.dedup import NearDuplicates
from wortlaut.model import Article
from wortlaut.store import Store, open_store


class ThreadStores:
    """One store per worker thread: a sqlite3 connection may only be used by
    the thread that opened it, and opening one per request would redo the
    schema check every time."""

    def __init__(self, open_store: Callable[[], Store]) -> None:
        self._open = open_store
        self._local = threading.local()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = self._open()
        return store


class Writer:
    """Admits posted articles one at a time, as the batch runner would: the
    analysis models are not known to be thread-safe, and SQLite takes one
    writer anyway. The near-duplicate index is read once and kept."""

    def __init__(self, db_path: str | os.PathLike[str]) -> None:
        self._db_path = db_path
        self._lock = threading.Lock()
        self._near: NearDuplicates | None = None

    def add(self, article: Article) -> tuple[str, int, bool]:
        """(article id, stored quote count, whether it was new)."""
        with self._lock, open_store(self._db_path) as store:
            if not getattr(store, "writable", True):
                raise HTTPException(403, "writing is disabled: the database is read-only")
            if self._near is None:
                self._near = known_signatures(store)
            outcome, admitted = Admission(store, self._near).admit(article)
            if outcome in NEW_ROW:
                return admitted.id, len(admitted.quotes), True
            stored = store.article(admitted.id)
            return admitted.id, len(stored["quotes"]) if stored else 0, False


def reader(request: Request) -> Store:
    """The calling thread's read-only store. Call it inside a sync handler,
    not from a dependency: FastAPI may run dependencies on another thread."""
    return request.app.state.readers.get()


def writer(request: Request) -> Writer:
    return request.app.state.writer
