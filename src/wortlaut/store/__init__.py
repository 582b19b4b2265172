"""Persistence of articles, sources and quotes behind one interface."""

from __future__ import annotations

import os

from wortlaut.store.base import Store, StoreError
from wortlaut.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "StoreError", "is_server_url", "open_read_only", "open_store"]

SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server_url(target: str | os.PathLike[str]) -> bool:
    """Whether ``target`` names a PostgreSQL server rather than a SQLite file."""
    return isinstance(target, str) and target.lower().startswith(SERVER_SCHEMES)


def open_store(target: str | os.PathLike[str]) -> Store:
    """The store at ``target``: a ``postgresql://`` URL or a SQLite file path."""
    if is_server_url(target):
        # imported here so SQLite use never loads the PostgreSQL driver
        from wortlaut.store.postgres import PostgresStore

        return PostgresStore(str(target))
    return SQLiteStore(target)


def open_read_only(target: str | os.PathLike[str]) -> Store:
    """Like ``open_store``, for a server's reads: the store refuses writes."""
    if is_server_url(target):
        from wortlaut.store.postgres import PostgresStore

        return PostgresStore.read_only(str(target))
    return SQLiteStore.read_only(target)
