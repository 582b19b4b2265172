"""Persistence of articles, sources and quotes behind one interface."""

from wortlaut.store.base import Store, StoreError
from wortlaut.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "StoreError"]
