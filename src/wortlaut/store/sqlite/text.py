"""The FTS5 query of a search: what SQLite-specific search adds to the shared folding."""

from __future__ import annotations

from wortlaut.store.base import search_terms


def match_expression(text: str) -> str | None:
    """User input as an FTS5 query of quoted plain prefix terms (implicit AND).

    Prefixes, because German inflects: "Südkorea" should find "Südkoreas"."""
    terms = search_terms(text)
    if not terms:
        return None
    return " ".join('"' + t.replace('"', '""') + '"*' for t in terms)


