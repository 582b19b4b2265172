"""What both store backends share: JSON columns, folded names, full-text
markers and snippets, keyset conditions and the shapes of rows they return."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from functools import lru_cache

from wortlaut.model import Article, Quote, Source, fold, fold_map


def chunks(items: list, size: int = 500) -> list[list]:
    """SQLite limits bound parameters per statement."""
    return [items[i:i + size] for i in range(0, len(items), size)]


def placeholders(items: list) -> str:
    return ",".join("?" * len(items))


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def to_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


@lru_cache(maxsize=50_000)
def json_list(text: str) -> list[str]:
    # records of one group repeat the same roles and affiliations; callers never mutate
    return json.loads(text)


def fold_name(name: str) -> str:
    return " ".join(fold(name).split())


def sql_in(values: tuple[str, ...]) -> str:
    """``('a', 'b')`` for a CHECK constraint over one of the model's enumerations."""
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


# highlight() markers; stripped from indexed text so they cannot collide.
OPEN, CLOSE = "\x02", "\x03"


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


# Keyset orders of source listings: (column, descending) pairs, and the cursor's types.
SOURCE_ORDERS = {
    "quotes": ((("quote_count", True), ("name_folded", False), ("id", False)), (int, str, str)),
    "recent": ((("last_seen", True), ("name_folded", False), ("id", False)), (str, str, str)),
    "name": ((("name_folded", False), ("id", False)), (str, str)),
}


def public_profile(profile: dict) -> dict:
    """A profile without the sort key only the store needs."""
    return {k: v for k, v in profile.items() if k != "name_folded"}


def after_condition(order: tuple[tuple[str, bool], ...]) -> str:
    """SQL true for rows strictly after the cursor row in ``order``:
    (k1 beyond ?) OR (k1 = ? AND k2 beyond ?) OR …; parameters from _after_params."""
    terms = []
    for i, (expr, descending) in enumerate(order):
        equal = [f"{e} = ?" for e, _ in order[:i]]
        terms.append("(" + " AND ".join([*equal, f"{expr} {'<' if descending else '>'} ?"]) + ")")
    return "(" + " OR ".join(terms) + ")"


def after_params(key: list) -> list:
    return [v for i in range(len(key)) for v in key[: i + 1]]


def dated(evidence: list[dict], field: str) -> list[dict]:
    """Each role or affiliation with the first and last article date it was given."""
    seen: dict[str, dict] = {}
    for e in evidence:
        for text in e[field]:
            entry = seen.setdefault(fold(text), {"text": text, "first_seen": e["date"], "last_seen": e["date"]})
            if e["date"]:
                entry["first_seen"] = min(filter(None, [entry["first_seen"], e["date"]]))
                entry["last_seen"] = max(entry["last_seen"], e["date"])
    return list(seen.values())


def source_ref(row: tuple) -> dict | None:
    """(id, name, kind, roles JSON, affiliations JSON) as the public source dict."""
    if row[0] is None:
        return None
    return {
        "id": row[0], "name": row[1], "kind": row[2],
        "roles": json.loads(row[3]), "affiliations": json.loads(row[4]),
    }


def cue_parts(text: str, cue: str, start: int, end: int) -> list[list[int]]:
    """Offsets of a stored cue's pieces: the cue is kept as read ("teilte … mit"),
    so each piece is found again, in order, between its start and end."""
    parts, at = [], start
    for piece in cue.split(" … "):
        found = text.find(piece, at, end)
        if found < 0:
            return [[start, end]]
        parts.append([found, found + len(piece)])
        at = found + len(piece)
    return parts


def union(first: list[str], second: list[str]) -> list[str]:
    """Order-preserving union without duplicates."""
    return list(dict.fromkeys([*first, *second]))


def quote_source_id(quote: Quote, sources: dict[str, Source]) -> str | None:
    if quote.source:
        return quote.source.id
    # A speaker link to a source not stored would break the foreign key.
    if quote.speaker and quote.speaker.source_id in sources:
        return quote.speaker.source_id
    return None


def parts_text(text: str, parts: list[tuple[int, int]]) -> str:
    """A cue as read: "teilte … mit", not "teilte die Bahn mit"."""
    return " … ".join(text[a:b] for a, b in parts)


def article_sources(article: Article) -> dict[str, Source]:
    """The article's sources by id, its own list first, then the quotes': quotes may
    carry sources the list lacks, and one id seen twice is one source with both
    descriptions. A store records one mention per entry, in this order."""
    sources: dict[str, Source] = {}
    for source in [*article.sources, *(q.source for q in article.quotes if q.source)]:
        if source.id in sources:
            known = sources[source.id]
            known.roles = union(known.roles, source.roles)
            known.affiliations = union(known.affiliations, source.affiliations)
            known.aliases = union(known.aliases, source.aliases)
        else:
            sources[source.id] = Source(
                source.name, source.kind, list(source.roles),
                list(source.affiliations), source.id, list(source.aliases),
            )
    return sources


class ArticleReads:
    """Reads whose SQL is the same on every backend (both connections take qmark
    SQL and return cursors)."""

    def article(self, article_id: str) -> dict | None:
        row = self._conn.execute(
            """SELECT id, title, outlet, date, place, country, language, url, origin,
                      text, author, archive, record_id, analysed_by, text_from, furniture
               FROM articles WHERE id = ?""",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        keys = ("id", "title", "outlet", "date", "place", "country", "language",
                "url", "origin", "text", "author", "archive", "record_id", "analysed_by", "text_from")
        article = {**dict(zip(keys, row[:-1])), "furniture": json.loads(row[-1])}
        text = article["text"]
        article["quotes"] = [
            {
                "id": r[0], "text": r[1], "start": r[2], "end": r[3],
                "parts": json.loads(r[4]), "type": r[5],
                "cue": None if r[6] is None else {
                    "text": r[6], "start": r[7], "end": r[8],
                    "parts": cue_parts(text, r[6], r[7], r[8]),
                },
                "speaker": None if r[9] is None else {
                    "text": r[9], "start": r[10], "end": r[11],
                },
                "source": source_ref(r[12:17]),
            }
            for r in self._conn.execute(
                """SELECT q.id, q.text, q.start, q."end", q.parts, q.type, q.cue,
                          q.cue_start, q.cue_end, q.speaker_text, q.speaker_start,
                          q.speaker_end, s.id, s.name, s.kind, s.roles, s.affiliations
                   FROM quotes q LEFT JOIN sources s ON s.id = q.source_id
                   WHERE q.article_id = ? ORDER BY q.start, q.id""",
                (article_id,),
            )
        ]
        return article



def date_condition(since: str | None, until: str | None, column: str = "a.date") -> tuple[list[str], list[str]]:
    """WHERE clauses (SQL both backends read) bounding the article dates in ``column``.
    Dates differ in precision ("2024-03", "2024-03-15"): both sides are compared at
    the shorter one, so a month overlaps every day in it; undated articles never match."""
    where, params = [], []
    if since:
        where.append(f"{column} <> '' AND {column} >= substr(CAST(? AS TEXT), 1, length({column}))")
        params.append(since)
    if until:
        where.append(f"{column} <> '' AND substr({column}, 1, length(CAST(? AS TEXT))) <= ?")
        params += [until, until]
    return where, params
