"""Full-text search over folded text (FTS5): query building, indexing, snippets."""

from __future__ import annotations

from wortlaut.model import fold, fold_map
from wortlaut.store.base import search_terms

# highlight() markers; stripped from indexed text so they cannot collide.
OPEN, CLOSE = "\x02", "\x03"


def match_expression(text: str) -> str | None:
    """User input as an FTS5 query of quoted plain prefix terms (implicit AND).

    Prefixes, because German inflects: "Südkorea" should find "Südkoreas"."""
    terms = search_terms(text)
    if not terms:
        return None
    return " ".join('"' + t.replace('"', '""') + '"*' for t in terms)


def index_text(text: str) -> str:
    """What FTS indexes: folded text, without the highlight markers."""
    return fold(strip_markers(text))


def strip_markers(text: str) -> str:
    # same length, so offsets into the result are offsets into ``text``
    return text.replace(OPEN, " ").replace(CLOSE, " ")


def snippet(text: str, marked: str, width: int = 80) -> str:
    """Original text around the first match that ``highlight()`` marked."""
    start = marked.find(OPEN)
    if start < 0:  # matched in the title only
        end_cut = min(len(text), 2 * width)
        return " ".join(text[:end_cut].split()) + ("…" if end_cut < len(text) else "")
    end = marked.find(CLOSE, start) - 1  # minus the one marker before it
    origin = fold_map(strip_markers(text))[1]
    lo, hi = origin[start], origin[end - 1] + 1
    cut_lo, cut_hi = max(0, lo - width), min(len(text), hi + width)
    if cut_lo > 0:  # don't start mid-word
        cut_lo = text.find(" ", cut_lo, lo) + 1 or cut_lo
    if cut_hi < len(text):
        space = text.rfind(" ", hi, cut_hi)
        cut_hi = space if space > 0 else cut_hi
    body = " ".join(text[cut_lo:cut_hi].split())
    return ("…" if cut_lo > 0 else "") + body + ("…" if cut_hi < len(text) else "")

