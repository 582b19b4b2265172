"""Ingestion throughput and peak memory: WARC.gz → analysed rows in SQLite.

    python benchmarks/ingest.py [--pages 2000] [--workers 2]

Builds a WARC.gz of news pages in a temporary directory: distinct stories
recombined from the demo articles (other names and numbers, varied site
templates and furniture), with one page in twenty a syndicated copy of an
earlier story under another site's template. Then, each in its own process:

* end to end: ``wortlaut ingest`` on the archive (reading, extraction,
  deduplication, language, analysis on ``--workers`` processes, storing),
  pool start-up included;
* trafilatura only: the same records through ``trafilatura.extract``.

Peak memory is the largest sum of resident memory over the measured process
and its workers, sampled from /proc every 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the page generator the tests use too

SYNDICATED_EVERY = 20


def build_warc(path: Path, pages: int) -> None:
    from newspages import news_records, write_warc

    write_warc(path, news_records(pages, SYNDICATED_EVERY))


def end_to_end(warc: Path, db: Path, workers: int) -> dict:
    from wortlaut import batch
    from wortlaut.ingest import iter_items
    from wortlaut.store import SQLiteStore

    start = time.perf_counter()
    with SQLiteStore(db) as store:
        summary = batch.run(iter_items([str(warc)]), store, workers=workers)
    seconds = time.perf_counter() - start
    pages = summary.stored + summary.duplicate + summary.unsupported + summary.present + len(summary.failures)
    return {
        "pages": pages, "analysed": summary.stored, "linked": summary.duplicate,
        "unsupported": summary.unsupported, "failed": len(summary.failures), "quotes": summary.quotes,
        "seconds": round(seconds, 2), "articles_per_s": round(pages / seconds, 1),
    }


def trafilatura_only(warc: Path) -> dict:
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    pages = 0
    start = time.perf_counter()
    with open(warc, "rb") as f:
        for record in ArchiveIterator(f):
            if record.rec_type == "response":
                trafilatura.extract(record.content_stream().read())
                pages += 1
    seconds = time.perf_counter() - start
    return {"pages": pages, "seconds": round(seconds, 2), "articles_per_s": round(pages / seconds, 1)}


def measured(args: list[str]) -> dict:
    """Run this script with ``args`` in a child; its JSON result plus the peak
    resident memory of it and its children."""
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)
    peak = [0]
    sampler = threading.Thread(target=_sample_rss, args=(proc, peak), daemon=True)
    sampler.start()
    stdout, _ = proc.communicate()
    sampler.join()
    if proc.returncode:
        sys.exit(f"benchmark step {args[:2]} failed ({proc.returncode})")
    return {**json.loads(stdout.strip().splitlines()[-1]), "peak_rss_mb": round(peak[0] / 1024, 1)}


def _sample_rss(proc: subprocess.Popen, peak: list[int]) -> None:
    while proc.poll() is None:
        peak[0] = max(peak[0], sum(_rss_kb(pid) for pid in _tree(proc.pid)))
        time.sleep(0.05)


def _tree(pid: int) -> list[int]:
    pids, k = [pid], 0
    while k < len(pids):
        try:
            children = Path(f"/proc/{pids[k]}/task/{pids[k]}/children").read_text().split()
        except OSError:
            children = []
        pids += [int(c) for c in children]
        k += 1
    return pids


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--one", choices=["e2e", "extract"], help=argparse.SUPPRESS)
    ap.add_argument("--warc", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one == "e2e":
        print(json.dumps(end_to_end(args.warc, args.db, args.workers)))
        return
    if args.one == "extract":
        print(json.dumps(trafilatura_only(args.warc)))
        return
    if not Path("/proc/self/status").exists():
        sys.exit("peak memory is sampled from /proc: run this on Linux")
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "news.warc.gz"
        start = time.perf_counter()
        build_warc(warc, args.pages)
        print(f"built {warc.name}: {args.pages} pages, {warc.stat().st_size / 1e6:.1f} MB "
              f"in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        e2e = measured(["--one", "e2e", "--warc", str(warc), "--db", str(Path(tmp) / "bench.db"),
                        "--workers", str(args.workers)])
        extract = measured(["--one", "extract", "--warc", str(warc)])
    result = {
        "workers": args.workers, "cores": os.cpu_count(), "end_to_end": e2e, "trafilatura_only": extract,
        "ratio_to_trafilatura": round(e2e["articles_per_s"] / extract["articles_per_s"], 3),
    }
    print(json.dumps(result, indent=2))
    print(
        f"\nend to end on {args.workers} workers: {e2e['articles_per_s']} articles/s "
        f"({e2e['analysed']} analysed, {e2e['linked']} linked as duplicates, {e2e['failed']} failed; "
        f"{e2e['seconds']} s), peak RSS {e2e['peak_rss_mb']} MB (all processes)\n"
        f"trafilatura only: {extract['articles_per_s']} articles/s; end to end runs at "
        f"{result['ratio_to_trafilatura']}x its speed",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
