"""Ingest: files → ``Article`` objects. One reader per input format."""

from __future__ import annotations

from pathlib import Path

from ..model import Article
from .text import IngestError, read_text

TEXT_SUFFIXES = {".txt", ".text"}


def read_path(path: Path) -> list[Article]:
    """The articles in one file; raises ``IngestError`` with a one-line reason."""
    path = Path(path)
    try:
        return [read_text(path)]
    except OSError as exc:
        raise IngestError(f"cannot read ({exc.strerror or exc})") from None


def expand(paths: list[Path]) -> list[Path]:
    """Files as given, and the article files inside directories (sorted, hidden skipped)."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(
                f for f in sorted(p.rglob("*"))
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
                and f.suffix.lower() in TEXT_SUFFIXES
            )
        else:
            out.append(p)
    return out


__all__ = ["IngestError", "read_path", "expand"]
