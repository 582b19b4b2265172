"""Spark job throughput on one and two local executors, against the batch runner.

    python benchmarks/scale.py [--pages 2000] [--files 8] [--rules-only]

Builds ``--files`` WARC.gz archives of news pages (the generator of
benchmarks/ingest.py: distinct stories, one page in twenty a syndicated copy),
then runs, each in its own process on the same input: the batch runner
(``wortlaut.batch.run`` into SQLite, ``--workers`` processes), and the Spark
job on ``local[1]`` and ``local[2]``, session start-up included. Prints
articles/s for each, the Spark scaling ratio, and the per-core rate a cost
model can start from.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))


def build(directory: Path, pages: int, files: int) -> list[str]:
    """The pages of one generated archive, dealt round-robin over ``files`` archives."""
    import ingest as ingest_bench  # benchmarks/ingest.py
    from newspages import write_warc
    from warcio.archiveiterator import ArchiveIterator

    whole = directory / "all.warc.gz"
    ingest_bench.build_warc(whole, pages)
    records = []
    with open(whole, "rb") as f:
        for r in ArchiveIterator(f):
            if r.rec_type == "response":
                records.append((r.rec_headers.get_header("WARC-Target-URI"), r.content_stream().read(),
                                r.rec_headers.get_header("WARC-Date")[:10]))
    whole.unlink()
    paths = []
    for k in range(files):
        path = directory / f"news-{k:03d}.warc.gz"
        write_warc(path, records[k::files])
        paths.append(str(path))
    return paths


def batch_run(files: list[str], db: Path, workers: int, use_model: bool) -> dict:
    from wortlaut import batch
    from wortlaut.ingest import iter_items
    from wortlaut.store import SQLiteStore

    start = time.perf_counter()
    with SQLiteStore(db) as store:
        summary = batch.run(iter_items(files), store, workers=workers, use_model=use_model)
    seconds = time.perf_counter() - start
    pages = summary.stored + summary.duplicate + summary.unsupported + summary.present + len(summary.failures)
    return {"pages": pages, "analysed": summary.stored, "seconds": round(seconds, 2),
            "articles_per_s": round(pages / seconds, 2)}


def spark_run(files: list[str], out: Path, master: str, use_model: bool) -> dict:
    from wortlaut.scale.job import run
    from wortlaut.scale.session import spark_session

    start = time.perf_counter()
    spark = spark_session(master)
    started = time.perf_counter()
    try:
        outcome = run(spark, files, out, use_model=use_model)
    finally:
        spark.stop()
    seconds = time.perf_counter() - start
    pages = outcome.articles + outcome.copies + outcome.locations + outcome.failures
    return {"pages": pages, "analysed": outcome.articles, "quotes": outcome.quotes, "profiles": outcome.profiles,
            "session_s": round(started - start, 2), "seconds": round(seconds, 2),
            "articles_per_s": round(pages / seconds, 2),
            "articles_per_s_after_start": round(pages / (seconds - (started - start)), 2)}


def child(args: list[str]) -> dict:
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable}
    proc = subprocess.run([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True, env=env)
    if proc.returncode:
        sys.exit(f"benchmark step {args[:2]} failed ({proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--files", type=int, default=8, help="WARC files (Spark tasks)")
    ap.add_argument("--workers", type=int, default=2, help="batch runner processes")
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    ap.add_argument("--to", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    use_model = not args.rules_only
    if args.one:
        files = json.loads(args.input)
        result = (batch_run(files, args.to, args.workers, use_model) if args.one == "batch"
                  else spark_run(files, args.to, args.one, use_model))
        print(json.dumps(result))
        return
    sys.path.insert(0, str(ROOT.parent / "tests"))
    with tempfile.TemporaryDirectory() as tmp:
        files = build(Path(tmp), args.pages, args.files)
        common = ["--input", json.dumps(files), "--workers", str(args.workers)] + (["--rules-only"] if args.rules_only else [])
        batch = child(["--one", "batch", "--to", str(Path(tmp) / "batch.db"), *common])
        one = child(["--one", "local[1]", "--to", str(Path(tmp) / "out1"), *common])
        two = child(["--one", "local[2]", "--to", str(Path(tmp) / "out2"), *common])
    result = {"pages": args.pages, "files": args.files, "cores": os.cpu_count(), "batch": batch,
              "spark_local_1": one, "spark_local_2": two,
              "scaling_1_to_2": round(two["articles_per_s"] / one["articles_per_s"], 2),
              "per_core_articles_per_s": one["articles_per_s_after_start"]}
    print(json.dumps(result, indent=2))
    print(f"\nbatch runner ({args.workers} workers): {batch['articles_per_s']} articles/s\n"
          f"spark local[1]: {one['articles_per_s']} articles/s, local[2]: {two['articles_per_s']} articles/s "
          f"(x{result['scaling_1_to_2']}); one core after session start: {result['per_core_articles_per_s']} articles/s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
