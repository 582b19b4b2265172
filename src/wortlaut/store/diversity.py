"""Who gets to speak: per outlet and period, the mix of source kinds, anonymous
sourcing, the institutions and roles quoted, how concentrated the quotes are on
few sources, and how many statements no other outlet carries.

Both backends run the same grouped SQL (qmark parameters, standard functions);
the arithmetic over its rows is plain Python here, so the figures cannot differ
between SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from wortlaut.model import SOURCE_KINDS, fold

from .shared import date_condition, json_list

PERIODS = {"month": 7, "year": 4}
UNDATED = "undated"
TOP_K = 5  # the top-k share: how many of the most quoted sources it adds up
LIST_SIZE = 10  # institutions, roles and sources listed per figure set


def hhi(counts: list[int]) -> float:
    """Herfindahl–Hirschman index of quote counts per source: the sum of squared
    shares, from 1/n (n sources quoted equally) to 1 (one source only)."""
    total = sum(counts)
    if not total:
        return 0.0
    return sum((n / total) ** 2 for n in counts)


def top_share(counts: list[int], k: int = TOP_K) -> float:
    """The share of all quotes that the ``k`` most quoted sources have."""
    total = sum(counts)
    return sum(sorted(counts, reverse=True)[:k]) / total if total else 0.0


def statement_key(source_id: str, text: str, grouped: str | None = None) -> tuple[str, str]:
    """One statement: the statement the store grouped the quote into, when it
    keeps statements; otherwise the same source saying the same words, case,
    accents and punctuation ignored."""
    if grouped:
        return "", grouped
    return source_id, _words(text)


# Folding dominates the arithmetic; statements, roles and institutions repeat.
@lru_cache(maxsize=100_000)
def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


@lru_cache(maxsize=50_000)
def _key(label: str) -> str:
    return fold(label)


@dataclass
class Tally:
    """Counts over one outlet and period, added to row by row."""

    kinds: Counter = field(default_factory=Counter)
    sources: Counter = field(default_factory=Counter)  # quotes per source id
    names: dict = field(default_factory=dict)  # source id -> (name, kind)
    institutions: Counter = field(default_factory=Counter)
    institution_names: dict = field(default_factory=dict)
    roles: Counter = field(default_factory=Counter)
    role_names: dict = field(default_factory=dict)
    statements: set = field(default_factory=set)
    quotes_by_statement: Counter = field(default_factory=Counter)

    def add(self, kind: str | None, source_id: str | None, name: str | None,
            roles: list[str], affiliations: list[str], statement: tuple[str, str]) -> None:
        """One quote."""
        self.kinds[kind or "unattributed"] += 1
        if source_id is None:
            return
        self.sources[source_id] += 1
        self.names[source_id] = (name, kind)
        self.statements.add(statement)
        self.quotes_by_statement[statement] += 1
        # An organisation speaking is itself the institution; a person counts
        # for the institutions named as their affiliation.
        for key, label in {_key(a): a for a in [*([name] if kind == "organisation" else []), *affiliations]}.items():
            self.institutions[key] += 1
            self.institution_names.setdefault(key, label)
        for key, label in {_key(r): r for r in roles}.items():
            self.roles[key] += 1
            self.role_names.setdefault(key, label)

    def figures(self, spread: dict[tuple[str, str], set[str]]) -> dict:
        counts = list(self.sources.values())
        attributed = sum(counts)
        single = {s for s in self.statements if len(spread.get(s, ())) == 1}
        return {
            "quotes": sum(self.kinds.values()),
            "attributed": attributed,
            "kinds": {k: self.kinds.get(k, 0) for k in (*SOURCE_KINDS, "unattributed")},
            "anonymous_share": round(self.kinds.get("unnamed", 0) / attributed, 4) if attributed else 0.0,
            "sources": len(counts),
            "hhi": round(hhi(counts), 4),
            "top_k": TOP_K,
            "top_share": round(top_share(counts), 4),
            "top_sources": [
                {"id": sid, "name": self.names[sid][0], "kind": self.names[sid][1], "quotes": n}
                for sid, n in sorted(self.sources.items(), key=lambda e: (-e[1], _key(self.names[e[0]][0]), e[0]))[:LIST_SIZE]
            ],
            "institutions": _ranked(self.institutions, self.institution_names),
            "roles": _ranked(self.roles, self.role_names),
            "statements": len(self.statements),
            "single_outlet_statements": len(single),
            "single_outlet_quotes": sum(self.quotes_by_statement[s] for s in single),
        }


def _ranked(counts: Counter, names: dict) -> list[dict]:
    return [{"name": names[k], "quotes": n} for k, n in sorted(counts.items(), key=lambda e: (-e[1], e[0]))[:LIST_SIZE]]


class DiversityReads:
    """``outlet_diversity`` and ``diversity`` for a store whose ``_conn`` takes qmark SQL."""

    def outlet_diversity(self, name: str, period: str = "month", since: str | None = None,
                         until: str | None = None) -> dict | None:
        if period not in PERIODS:
            raise ValueError(f"unknown period {period!r}: month or year")
        dates, params = date_condition(since, until)
        articles = self._conn.execute(
            f"SELECT COUNT(*) FROM articles a WHERE {' AND '.join(['a.outlet = ?', *dates])}", [name, *params]
        ).fetchone()[0]
        if not articles and not self._conn.execute("SELECT 1 FROM articles WHERE outlet = ?", (name,)).fetchone():
            return None
        spread = self.statement_spread(since, until, name)
        total, periods = Tally(), defaultdict(Tally)
        for row in self._quote_rows(since, until, name, PERIODS[period]):
            _outlet, when, kind, sid, source_name, roles, affiliations, statement = row
            when = when or UNDATED
            for tally in (total, periods[when]):
                tally.add(kind, sid, source_name, roles, affiliations, statement)
        # undated last: it is no point in time
        order = sorted(periods, key=lambda p: (p == UNDATED, p))
        return {
            "name": name, "period": period, "since": since or "", "until": until or "",
            "articles": articles, **total.figures(spread),
            "periods": [{"period": p, **periods[p].figures(spread)} for p in order],
        }

    def diversity(self, since: str | None = None, until: str | None = None) -> dict:
        dates, params = date_condition(since, until)
        articles = dict(self._conn.execute(
            f"""SELECT a.outlet, COUNT(*) FROM articles a
                WHERE {' AND '.join(["a.outlet <> ''", *dates])} GROUP BY a.outlet""",
            params,
        ).fetchall())
        spread = self.statement_spread(since, until)
        tallies: dict[str, Tally] = defaultdict(Tally)
        for row in self._quote_rows(since, until, None, 4):
            outlet, _when, kind, sid, source_name, roles, affiliations, statement = row
            tallies[outlet].add(kind, sid, source_name, roles, affiliations, statement)
        outlets = [
            {"name": o, "articles": articles[o], **tallies[o].figures(spread)}
            for o in sorted(articles, key=lambda o: (-articles[o], o))
        ]
        return {"since": since or "", "until": until or "", "outlets": outlets}

    def statement_spread(
        self, since: str | None = None, until: str | None = None, outlet: str | None = None
    ) -> dict[tuple[str, str], set[str]]:
        """The outlets each statement appeared in, within the date bounds; with
        ``outlet``, only statements of sources that outlet quoted.

        A statement is what ``statement_key`` makes of a quote: the store's
        grouped statement if it has one (reworded variants together), else the
        source's quotes with the same normalised text."""
        dates, params = date_condition(since, until)
        where = ["q.source_id IS NOT NULL", "a.outlet <> ''", *dates]
        if outlet is not None:
            where.append("""q.source_id IN (SELECT q2.source_id FROM quotes q2
                            JOIN articles a2 ON a2.id = q2.article_id WHERE a2.outlet = ?)""")
            params.append(outlet)
        grouped, join = self._statement_join()
        spread: dict[tuple[str, str], set[str]] = defaultdict(set)
        for sid, text, where_seen, statement in self._conn.execute(
            f"""SELECT q.source_id, q.text, a.outlet, {grouped} FROM quotes q JOIN articles a ON a.id = q.article_id
                {join} WHERE {' AND '.join(where)}""",
            params,
        ):
            spread[statement_key(sid, text, statement)].add(where_seen)
        return spread

    def _quote_rows(self, since: str | None, until: str | None, outlet: str | None, width: int):
        """(outlet, period, kind, source id, name, roles, affiliations, statement
        key or None) of every quote; roles and affiliations as the quoting
        article gave them."""
        dates, params = date_condition(since, until)
        where = ["a.outlet = ?" if outlet is not None else "a.outlet <> ''", *dates]
        grouped, join = self._statement_join()
        rows = self._conn.execute(
            f"""SELECT a.outlet, substr(a.date, 1, {int(width)}), s.kind, s.id, s.name,
                       COALESCE(m.roles, s.roles), COALESCE(m.affiliations, s.affiliations), q.text, {grouped}
                FROM quotes q JOIN articles a ON a.id = q.article_id
                LEFT JOIN sources s ON s.id = q.source_id
                LEFT JOIN source_mentions m ON m.id = q.mention_id {join}
                WHERE {' AND '.join(where)}""",
            [*([outlet] if outlet is not None else []), *params],
        )
        for r in rows:
            key = None if r[3] is None else statement_key(r[3], r[7], r[8])
            yield (*r[:5], json_list(r[5] or "[]"), json_list(r[6] or "[]"), key)

    def _statement_join(self) -> tuple[str, str]:
        """The column and join that give each quote its grouped statement, or
        NULL where the store keeps no statements."""
        if self._has_table("statement_quotes"):
            return "sq.statement_id", "LEFT JOIN statement_quotes sq ON sq.quote_id = q.id"
        return "NULL", ""

    def _has_table(self, name: str) -> bool:
        raise NotImplementedError
