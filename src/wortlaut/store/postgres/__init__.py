"""PostgreSQL backend, for servers: the same rows, orders and ids as the SQLite store."""

from .store import PostgresStore

__all__ = ["PostgresStore"]
