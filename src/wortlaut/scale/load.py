"""A Spark output into a store, through the ``Store`` interface only: articles
rebuilt with their quotes and sources, written in input order like the batch
runner writes them, so the store's own identity layer re-derives the profiles
(``check_profiles`` compares them with the job's). Needs pyarrow, not Spark."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..store import Store
from . import rows


@dataclass
class Loaded:
    articles: int = 0
    locations: int = 0
    failures: int = 0


def read_rows(out: Path | str, name: str) -> list[dict]:
    import pyarrow.parquet as pq

    path = Path(out) / name
    return pq.read_table(path).to_pylist() if path.exists() else []


def load(out: Path | str, store: Store) -> Loaded:
    quotes, sources = defaultdict(list), defaultdict(list)
    for q in read_rows(out, "quotes"):
        quotes[q["article_id"]].append(q)
    for m in sorted(read_rows(out, "mentions"), key=lambda m: m["mention_id"]):
        sources[m["article_id"]].append(rows.source_of(m))
    events = [((r["file"], r["record"]), "article", r) for r in read_rows(out, "articles")]
    events += [((r["file"], r["record"]), "location", r) for r in read_rows(out, "locations")]
    events += [((r["file"], r["record"]), "failure", r) for r in read_rows(out, "failures")]
    loaded = Loaded()
    for _, what, row in sorted(events, key=lambda e: e[0]):
        if what == "failure":
            store.add_failure(row["item"], row["reason"])
            loaded.failures += 1
        elif what == "location":
            loaded.locations += store.add_location(row["id"], row["origin"])
        else:
            store.add_article(_article(row, quotes, sources), row["signature"])
            loaded.articles += 1
    return loaded


def _article(row: dict, quotes: dict, sources: dict):
    article = rows.article_of(row)
    article.sources = sources.get(article.id, [])
    by_id = {s.id: s for s in article.sources}
    article.quotes = [rows.quote_of(q, by_id) for q in sorted(quotes.get(article.id, []), key=lambda q: q["position"])]
    return article


def check_profiles(out: Path | str, store: Store) -> list[str]:
    """Where the store's profiles differ from the job's (empty when they agree)."""
    job = {p["source_id"]: (p["name"], p["kind"], p["roles"], p["affiliations"], p["aliases"])
           for p in read_rows(out, "profiles")}
    held = {s["id"]: (s["name"], s["kind"], s["roles"], s["affiliations"], s["aliases"])
            for s in store.sources()}
    differ = [f"{sid}: job {job.get(sid)} store {held.get(sid)}" for sid in sorted(set(job) | set(held))
              if sid in held and job.get(sid) != held[sid]]
    return differ + [f"{sid}: in the store only" for sid in sorted(set(held) - set(job))]
