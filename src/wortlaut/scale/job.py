"""The Spark job: WARC files → Parquet of articles, quotes, mentions and profiles.

One task per input file reads its records (``ingest.read_file``) and takes the
furniture out as triage does, so article ids and signatures are the batch
runner's. Duplicates are then decided across all files (``scale.dedup``), new
articles are analysed with ``admission.analyse_admitted``, and identity is
decided per blocking group (``scale.identity``). Nothing is sent to the driver
but counts; paths must be readable from every executor (a shared file system
on a cluster).
"""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path

from ..admission import analyse_admitted
from ..analyse.furniture import strip_furniture
from ..analyse.language import ANALYSED, IDENTIFIED, detect_language
from ..ingest import Failure, read_file
from ..ingest.dedup import signature, to_bytes
from . import dedup, identity, rows


@dataclass
class Outcome:
    files: int
    articles: int  # analysed or unsupported: new rows
    copies: int  # near copies linked to an original
    locations: int  # a text seen before, at another place
    quotes: int
    failures: int
    profiles: int


def input_files(pattern: str) -> list[str]:
    """The files a glob names (or the one file given), in sorted order: the input order."""
    files = sorted(glob.glob(pattern)) if any(c in pattern for c in "*?[") else [pattern]
    return [f for f in files if Path(f).is_file()]


def run(spark, files: list[str], out: Path | str, *, languages: tuple[str, ...] = ANALYSED,
        use_model: bool = True) -> Outcome:
    """Ingest ``files`` (one task each) into Parquet datasets under ``out``:
    articles, locations, quotes, mentions, profiles, failures."""
    from pyspark import StorageLevel

    kept = StorageLevel.MEMORY_AND_DISK  # an evicted partition would be read or analysed again
    sc = spark.sparkContext
    items = sc.parallelize(list(enumerate(files)), numSlices=max(1, len(files))).flatMap(_read).persist(kept)
    keyed = items.filter(lambda x: not isinstance(x[1], Failure)).persist(kept)
    decided = keyed.leftOuterJoin(dedup.fates(keyed), sc.defaultParallelism).map(_decide).persist(kept)
    analysed = decided.map(lambda d: _analyse(d, languages, use_model)).persist(kept)
    done = analysed.filter(lambda d: d[1] != "failed")
    failures = items.filter(lambda x: isinstance(x[1], Failure)).map(lambda x: (*x[0], x[1].item, x[1].reason))
    failures = failures.union(analysed.filter(lambda d: d[1] == "failed").map(lambda d: (*d[0], *d[2])))

    mentions = identity.number(done.filter(lambda d: d[1] == rows.NEW).flatMap(
        lambda d: [((d[0], k), m) for k, m in enumerate(rows.mention_rows(d[2]))]))
    assigned = identity.assign(mentions).cache()
    by_source = assigned.map(lambda m: ((m[1], m[2]), m[10]))
    quotes = (done.filter(lambda d: d[1] == rows.NEW).flatMap(lambda d: rows.quote_rows(d[2]))
              .map(lambda q: ((q[0], q[10]), q)).leftOuterJoin(by_source, sc.defaultParallelism)
              .map(lambda x: (*x[1][0][:11], x[1][1])))

    out = Path(out)
    write = _writer(spark, out)
    write("articles", done.filter(lambda d: d[1] != rows.LOCATION)
          .map(lambda d: rows.article_row(d[0], d[1], d[2], d[3])), rows.ARTICLES)
    write("locations", done.filter(lambda d: d[1] == rows.LOCATION).map(lambda d: (*d[0], d[2].id, d[2].origin)),
          rows.ORDER + ", id STRING, origin STRING")
    write("quotes", quotes, rows.QUOTES)
    write("mentions", assigned, rows.MENTIONS)
    write("profiles", identity.profiles(assigned), rows.PROFILES)
    write("failures", failures, rows.FAILURES)
    counts = dict(done.map(lambda d: (d[1], 1)).countByKey())
    read = spark.read.parquet
    return Outcome(len(files), counts.get(rows.NEW, 0), counts.get(rows.COPY, 0), counts.get(rows.LOCATION, 0),
                   read(str(out / "quotes")).count(), read(str(out / "failures")).count(),
                   read(str(out / "profiles")).count())


def _writer(spark, out: Path):
    def write(name, rdd, schema):
        spark.createDataFrame(rdd, schema).write.mode("overwrite").parquet(str(out / name))
    return write


def _read(indexed):
    """(order, article with its furniture out and signature) or (order, failure)."""
    index, path = indexed
    for n, item in enumerate(read_file(Path(path))):
        if isinstance(item, Failure):
            yield (index, n), item
        else:
            article = strip_furniture(item)
            yield (index, n), (article, to_bytes(signature(article.text)))


def _decide(row):
    """(order, kind, article, signature): what triage made of the article."""
    order, ((article, sig), fate) = row
    if fate is None:
        return order, rows.NEW, article, sig
    kind, other = fate
    if kind == "location":
        return order, rows.LOCATION, article, None
    article.status, article.duplicate_of = "duplicate", other
    article.language = article.language or detect_language(article.text, IDENTIFIED)
    return order, rows.COPY, article, None


def _analyse(decided, languages, use_model):
    order, kind, article, sig = decided
    if kind != rows.NEW:
        return decided
    try:
        return order, kind, analyse_admitted(article, languages, use_model), sig
    except Exception as exc:  # one article's analysis bug must not cost the job
        return order, "failed", (article.origin, f"analysis failed: {exc!r}"), None
