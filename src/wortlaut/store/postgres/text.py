"""Full-text search on PostgreSQL that finds and ranks what the SQLite store's FTS5 does.

PostgreSQL's own parsers, stemmers and ``unaccent`` would disagree with the
SQLite store: stemming widens prefixes ("Regierung" -> "regier:*" also finds
"regieren"), stop words vanish from queries ("die Straße" no longer needs
"die"), and ``unaccent`` folds differently from ``wortlaut.model.fold``. So
both stores index the same folded text (``index_text``) and this module splits
it the way FTS5's unicode61 tokenizer does: runs of letters, digits and
private-use characters. Rows keep those tokens as a positioned ``tsvector``
(GIN-indexed); a query is a ``tsquery`` of the same prefix terms as
``match_expression`` builds for FTS5, every term required, a term of several
tokens a phrase with only its last token a prefix. Ranking is FTS5's bm25:
in SQL from stored token counts for one-token terms (the usual query), in
Python from the text for phrases.
"""

from __future__ import annotations

import math
import unicodedata
from typing import NamedTuple

from wortlaut.store.base import search_terms

from ..shared import CLOSE, OPEN, index_text

MAX_POSITION = 16383  # tsvector positions stop here
MAX_LEXEME = 2046  # bytes


def _token_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LN" or category == "Co"


def tokens(folded: str) -> list[tuple[int, int]]:
    """(start, end) of each unicode61 token in already folded text."""
    spans, start = [], None
    for i, ch in enumerate(folded):
        if _token_char(ch):
            if start is None:
                start = i
        elif start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(folded)))
    return spans


def words(folded: str) -> list[str]:
    return [folded[a:b] for a, b in tokens(folded)]


def _lexeme(word: str) -> str:
    # A lexeme holds at most 2046 bytes; a longer token is kept as its prefix.
    word = word.encode("utf-8")[:MAX_LEXEME].decode("utf-8", "ignore")
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


class Indexed(NamedTuple):
    """What a row stores for search: ``tsvector`` text for matching, and for
    ranking its token count and how often each distinct token occurs (a
    tsvector keeps at most 256 positions of a lexeme, too few to count)."""

    tsvector: str
    tokens: int
    words: list[str]
    counts: list[int]


def indexed(*fields: str) -> Indexed:
    """The search columns of the folded ``fields``, one after another as FTS5
    columns are: no phrase spans two."""
    positions: dict[str, list[int]] = {}
    at = 0
    for field in fields:
        for word in words(field):
            at += 1
            positions.setdefault(word, []).append(min(at, MAX_POSITION))
        at += 1  # a gap, so a phrase cannot run from one field into the next
    vector = " ".join(f"{_lexeme(w)}:{','.join(map(str, sorted(set(p))))}" for w, p in positions.items())
    return Indexed(vector, at - len(fields), list(positions), [len(p) for p in positions.values()])


def query_phrases(text: str) -> list[list[str]] | None:
    """The user's query as phrases of tokens, None if it has no searchable term."""
    phrases = [words(term) for term in search_terms(text)]
    phrases = [p for p in phrases if p]
    return phrases or None


def tsquery_literal(phrases: list[list[str]], loose: bool = False) -> str:
    """Every phrase required; ``loose`` asks only for its tokens anywhere, a
    superset of the rows where positions past the tsvector's limits matter."""
    link = " & " if loose else " <-> "
    return " & ".join(
        "(" + link.join(_lexeme(w) + (":*" if i == len(p) - 1 else "") for i, w in enumerate(p)) + ")"
        for p in phrases
    )


def phrase_hits(fields: list[list[str]], phrase: list[str]) -> list[tuple[int, int, int]]:
    """(field, first token, last token) of every instance of ``phrase``."""
    hits = []
    for f, field in enumerate(fields):
        for i in range(len(field) - len(phrase) + 1):
            if all(field[i + j] == w for j, w in enumerate(phrase[:-1])) and \
                    field[i + len(phrase) - 1].startswith(phrase[-1]):
                hits.append((f, i, i + len(phrase) - 1))
    return hits


K1, B = 1.2, 0.75  # FTS5's bm25() constants


def bm25(freqs: list[int], length: int, idfs: list[float], avgdl: float) -> float:
    """FTS5's bm25() of a row: lower is better."""
    k1, b = K1, B
    score = 0.0
    for f, idf in zip(freqs, idfs):
        score += idf * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * length / avgdl)))
    return -1.0 * score


def bm25_sql(alias: str, prefixes: list[str], idfs: list[float], avgdl: float) -> tuple[str, list]:
    """``bm25`` as an SQL expression over ``alias``'s token counts, for
    single-token phrases (a phrase's hits are the counts of the tokens it
    prefixes), with the same floating-point operations in the same order; and
    its parameters."""
    terms, params = [], []
    for prefix, weight in zip(prefixes, idfs):
        hits = (f"(SELECT COALESCE(SUM(u.n), 0)::float8 FROM unnest({alias}.fts_words, {alias}.fts_counts)"
                " AS u(w, n) WHERE starts_with(u.w, ?))")
        terms.append(f"?::float8 * (({hits} * ?::float8) / ({hits} + ?::float8 * "
                     f"(?::float8 + ?::float8 * {alias}.fts_tokens / ?::float8)))")
        params += [weight, prefix, K1 + 1.0, prefix, K1, 1 - B, B, avgdl]
    return f"-1.0::float8 * (0.0::float8 + {' + '.join(terms)})", params


def idf(rows: int, hits: int) -> float:
    value = math.log((rows - hits + 0.5) / (hits + 0.5))
    return value if value > 0.0 else 1e-6


def marked_text(text: str, phrases: list[list[str]]) -> str:
    """Folded ``text`` with FTS5 highlight() markers around its first match,
    for ``sqlite.text.snippet``."""
    folded = index_text(text)
    spans = tokens(folded)
    field = [folded[a:b] for a, b in spans]
    hits = sorted((first, last) for p in phrases for _, first, last in phrase_hits([field], p))
    if not hits:
        return folded
    first, last = hits[0]
    for other_first, other_last in hits[1:]:  # overlapping matches are one highlight
        if other_first > last:
            break
        last = max(last, other_last)
    start, end = spans[first][0], spans[last][1]
    return folded[:start] + OPEN + folded[start:end] + CLOSE + folded[end:]


