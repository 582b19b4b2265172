"""How ingestion says no: for a whole input, or for one item inside it."""

from __future__ import annotations

from dataclasses import dataclass

MAX_REASON = 300  # characters: a reason is one line, however long the error it comes from


class IngestError(ValueError):
    """An input that cannot become an article, with a one-line reason."""


@dataclass(frozen=True)
class Failure:
    """One item that could not be read (a file, an archive record, a feed entry),
    yielded in place of its article so that the rest of the input goes on. The
    reason is made one line (library errors may quote several lines of input)."""

    item: str
    reason: str

    def __post_init__(self) -> None:
        reason = " ".join(self.reason.split())
        if len(reason) > MAX_REASON:
            reason = reason[: MAX_REASON - 1] + "…"
        object.__setattr__(self, "reason", reason)
