"""Statement grouping stays incremental: storing N more articles costs time in
proportion to those N, not to what is already stored.

    python benchmarks/statements.py [--articles 2000] [--backend sqlite|postgres --pg URL]

Writes 2 × N synthetic analysed articles (no analysis: quotes and sources are
made up directly, so only the store is measured) into a fresh database: ten
articles a day, three quotes each from a pool of 200 speakers, one quote in
three a variant (shortened, a number or modal changed, a negation added) of a
statement the same speaker made recently. It times every ``add_article`` and,
inside it, the statement grouping alone, and prints the time per article for
the first N and the second N and their ratio; a ratio near 1 means grouping
does not grow with the store. It also counts the candidate quotes each new
quote was aligned with: those of its source inside the time window, a number
that depends on how often the source speaks, not on how much is stored.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wortlaut.model import Article, Quote, Source

SPEAKERS = 200
PER_DAY = 10
NOUNS = ["Grundsteuer", "Radwege", "Notaufnahme", "Schulen", "Brücken", "Kitas", "Buslinien", "Hafen", "Bahnhof",
         "Stadtwerke", "Bibliothek", "Schwimmbad", "Klinik", "Polizei", "Feuerwehr", "Wohnungen", "Mieten", "Parks"]
VERBS = ["sanieren", "erweitern", "schließen", "prüfen", "fördern", "verkaufen", "modernisieren", "bauen"]
PLACES = ["Lindenau", "Birkhausen", "Havelstadt", "Mainfeld", "Spreewalde", "Elling", "Nordheim", "Seefeld"]


def statement(rng: random.Random) -> str:
    noun, other, verb, place = rng.choice(NOUNS), rng.choice(NOUNS), rng.choice(VERBS), rng.choice(PLACES)
    return (f"Wir werden die {noun} in {place} in den kommenden {rng.randint(2, 9)} Jahren {verb} "
            f"und dafür {rng.randint(2, 90)} Millionen Euro bereitstellen, auch wenn die {other} warten müssen")


def variant(text: str, rng: random.Random) -> str:
    change = rng.randrange(4)
    if change == 0:
        return text.split(" und dafür")[0]  # shortened
    if change == 1:
        return text.replace(" Millionen", "0 Millionen")  # a number changed
    if change == 2:
        return text.replace("Wir werden", "Wir könnten")  # a modal swapped
    return text.replace("auch wenn", "auch wenn nicht")  # a negation added


def articles(count: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    people = [Source(f"Person{n} Nachname{n}", "person", [f"Rolle {n % 17}"]) for n in range(SPEAKERS)]
    said: dict[int, list[str]] = {}
    start = date(2024, 1, 1)
    out = []
    for n in range(count):
        day = (start + timedelta(days=n // PER_DAY)).isoformat()
        parts, quotes = [f"Bericht {n} aus {rng.choice(PLACES)}."], []
        for speaker in rng.sample(range(SPEAKERS), 3):
            earlier = said.get(speaker, [])
            text = variant(rng.choice(earlier[-3:]), rng) if earlier and rng.random() < 1 / 3 else statement(rng)
            said.setdefault(speaker, []).append(text)
            quoted = f"„{text}“"
            at = sum(len(p) + 1 for p in parts)
            parts.append(f"{quoted}, sagte {people[speaker].name}.")
            quotes.append(Quote(at, at + len(quoted), quoted, source=people[speaker]))
        out.append(Article(" ".join(parts), title=f"Bericht {n}", outlet=f"Blatt {n % 12}", date=day,
                           language="de", quotes=quotes))
    return out


def run(store, batch: list[Article]) -> dict:
    """Seconds for all of ``batch``'s writes, and of them in statement grouping;
    quotes grouped, and the candidate quotes they were compared with."""
    import wortlaut.resolve.statements as grouping

    spent = [0.0]
    compared = [0]
    original, same = grouping.group_quotes, grouping.same_statement

    def timed(*args, **kwargs):
        t = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - t

    def counted(a, b):
        compared[0] += 1
        return same(a, b)

    modules = _store_modules()
    for m in modules:
        m.group_quotes = timed
    grouping.same_statement = counted
    try:
        t = time.perf_counter()
        for article in batch:
            store.add_article(article)
        total = time.perf_counter() - t
    finally:
        for m in modules:
            m.group_quotes = original
        grouping.same_statement = same
    quotes = sum(len(a.quotes) for a in batch)
    return {"write": total, "grouping": spent[0], "quotes": quotes, "compared": compared[0]}


def _store_modules():
    import wortlaut.store.postgres.statements as pg
    import wortlaut.store.sqlite.statements as lite

    return [lite, pg]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000, help="N: articles in each half")
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres",
                        help="the server (postgres backend): a schema of its own is made in it, and dropped after")
    args = parser.parse_args()
    n = args.articles
    made = articles(2 * n)
    with tempfile.TemporaryDirectory() as tmp:
        if args.backend == "sqlite":
            from wortlaut.store import SQLiteStore

            store = SQLiteStore(Path(tmp) / "bench.db")
        else:
            from wortlaut.store.postgres import PostgresStore

            store = PostgresStore(_pg_schema(args.pg, create=True))
        with store:
            halves = [run(store, made[:n]), run(store, made[n:])]
            counts = store.counts()
            statements, flagged = _count(store), _count(store, flagged=True)
        if args.backend == "postgres":
            _pg_schema(args.pg, create=False)
    print(f"{args.backend}: 2 × {n} articles, {counts['quotes']} quotes, {counts['sources']} sources, "
          f"{statements} statements, {flagged} of them with a meaning change")
    print(f"{'':>14} {'write ms/article':>17} {'grouping ms/article':>20} {'compared/quote':>15}")
    for label, h in zip(("first N", "second N"), halves):
        print(f"{label:>14} {1000 * h['write'] / n:>17.2f} {1000 * h['grouping'] / n:>20.2f} "
              f"{h['compared'] / h['quotes']:>15.2f}")
    a, b = halves
    print(f"{'ratio 2nd/1st':>14} {b['write'] / a['write']:>17.2f} {b['grouping'] / a['grouping']:>20.2f} "
          f"{(b['compared'] / b['quotes']) / (a['compared'] / a['quotes']):>15.2f}")
    print("(compared/quote: candidate quotes of the same source inside the time window each new quote was "
          "aligned with; it grows while the first window fills, then stays flat)")


def _count(store, **kwargs) -> int:
    total, cursor = 0, None
    while True:
        page, cursor = store.statement_page(_filter(**kwargs), cursor, limit=500)
        total += len(page)
        if cursor is None:
            return total


SCHEMA = "wortlaut_bench_statements"


def _pg_schema(url: str, create: bool) -> str:
    """Make (or drop) the benchmark's own schema; the URL that uses it."""
    from urllib.parse import quote

    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        if create:
            conn.execute(f"CREATE SCHEMA {SCHEMA}")
    return url + ("&" if "?" in url else "?") + "options=" + quote(f"-csearch_path={SCHEMA}")


def _filter(**kwargs):
    from wortlaut.store.base import StatementFilter

    return StatementFilter(**kwargs)


if __name__ == "__main__":
    main()
