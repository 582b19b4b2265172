"""How ingestion says no: for a whole input, or for one item inside it."""

from __future__ import annotations

from dataclasses import dataclass


class IngestError(ValueError):
    """An input that cannot become an article, with a one-line reason."""


@dataclass(frozen=True)
class Failure:
    """One item that could not be read (a file, an archive record, a feed entry),
    yielded in place of its article so that the rest of the input goes on."""

    item: str
    reason: str
