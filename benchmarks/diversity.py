"""Who gets to speak on a larger store: the diversity reads against the outlet and
stats reads they sit next to on the outlet page and the comparison.

    python benchmarks/diversity.py [--articles 4000] [--quotes 8] [--outlets 20] [--repeat 5]

Builds a SQLite store in a temporary directory from synthetic articles (no
analysis: the quotes and sources are given), each quoting a few of a pool of
sources of every kind, some statements repeated across outlets. Then times, per
call, ``outlet_diversity`` (month and year) against the baseline ``outlet`` for
the same outlet, and ``diversity`` against ``stats``; prints milliseconds and
the ratio to the baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from wortlaut.model import Article, Quote, Source
from wortlaut.store import SQLiteStore

KINDS = ["person"] * 6 + ["organisation"] * 2 + ["document", "unnamed"]


def synthetic(n: int, quotes: int, outlets: int, seed: int = 15) -> list[Article]:
    rng = random.Random(seed)
    pool = [Source(f"Quelle {i}", KINDS[i % len(KINDS)], [f"Rolle {i % 13}"], [f"Institut {i % 29}"])
            for i in range(400)]
    said = [f"Satz {i} über die Lage und was nun zu tun sei" for i in range(3000)]
    articles = []
    for a in range(n):
        text, spoken = [f"Bericht {a}."], []
        for _ in range(quotes):
            source = rng.choice(pool)
            words = f"„{rng.choice(said)}“"
            start = sum(len(t) + 1 for t in text)
            text.append(f"{words}, sagte {source.name}.")
            spoken.append(Quote(start, start + len(words), words, "direct",
                                source=Source(source.name, source.kind, list(source.roles), list(source.affiliations))))
        articles.append(Article(" ".join(text), title=f"Bericht {a}", outlet=f"Blatt {a % outlets}",
                                date=f"{2020 + a % 5}-{1 + a % 12:02d}", language="de", quotes=spoken,
                                analysed_by="rules"))
    return articles


def per_call(fn, repeat: int) -> float:
    fn()  # warm the page cache
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--quotes", type=int, default=8)
    parser.add_argument("--outlets", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.db")
        t = time.perf_counter()
        for article in synthetic(args.articles, args.quotes, args.outlets):
            store.add_article(article)
        counts = store.counts()
        print(f"store: {counts['articles']} articles, {counts['quotes']} quotes, {counts['sources']} sources "
              f"in {args.outlets} outlets (built in {time.perf_counter() - t:.1f} s)")
        outlet = "Blatt 0"
        base_outlet = per_call(lambda: store.outlet(outlet), args.repeat)
        base_stats = per_call(store.stats, args.repeat)
        rows = [
            ("outlet (baseline)", base_outlet, base_outlet),
            ("outlet_diversity month", per_call(lambda: store.outlet_diversity(outlet, "month"), args.repeat), base_outlet),
            ("outlet_diversity year", per_call(lambda: store.outlet_diversity(outlet, "year"), args.repeat), base_outlet),
            ("stats (baseline)", base_stats, base_stats),
            ("diversity, all outlets", per_call(store.diversity, args.repeat), base_stats),
        ]
        for name, ms, base in rows:
            print(f"{name:24} {ms:9.1f} ms   × {ms / base:5.1f} of its baseline")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
