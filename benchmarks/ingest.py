"""Ingestion throughput and peak memory: WARC.gz → analysed rows in SQLite.

    python benchmarks/ingest.py [--pages 2000] [--workers 2]
    python benchmarks/ingest.py --real [DIR] [--pages 1000] [--min-words 370]

Builds a WARC.gz of news pages in a temporary directory: distinct stories
recombined from the demo articles (other names and numbers, varied site
templates and furniture), with one page in twenty a syndicated copy of an
earlier story under another site's template.

``--real`` writes real German news text instead: the German news quotation
corpus (Wikinews; DIR defaults to ../shared/data/german-news-quotes, every
``*.json`` below it). Its articles are shorter than a typical news article, so
each page joins the paragraphs of consecutive corpus articles until it has
``--min-words`` words; once the corpus is used up, further pages join corpus
paragraphs taken in a seeded random order, so no two pages share more than a
paragraph or so (far below the near-duplicate threshold: every page is analysed). Pages use
the German site templates. Then, each in its own process:

* end to end: ``wortlaut ingest`` on the archive (reading, extraction,
  deduplication, language, analysis on ``--workers`` processes, storing),
  pool start-up included;
* trafilatura only: the same records through ``trafilatura.extract``.

Peak memory is the largest sum of resident memory over the measured process
and its workers, sampled from /proc every 50 ms. CPU seconds (the process and
its workers) are reported too, and articles per CPU second: on a shared machine
they hold where wall-clock rates do not.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the page generator the tests use too

SYNDICATED_EVERY = 20
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "german-news-quotes"


def build_warc(path: Path, pages: int) -> None:
    from newspages import news_records, write_warc

    write_warc(path, news_records(pages, SYNDICATED_EVERY))


def real_texts(corpus: Path, pages: int, min_words: int) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of ``pages`` articles of at least ``min_words`` words, each the
    paragraphs of consecutive corpus articles, then (once the corpus is used up) of
    paragraphs in a seeded random order, round after round: a page shares at most a
    paragraph or so with any other, far below the near-duplicate threshold."""
    texts = []
    for p in sorted(corpus.rglob("*.json")):
        text = json.loads(p.read_text(encoding="utf-8"))["originalText"]
        paras = [line.strip() for line in text.splitlines() if line.strip()]
        if paras:
            texts.append(paras)
    if not texts:
        sys.exit(f"no corpus articles under {corpus}")
    # first round: whole articles, consecutive ones joined; later rounds: paragraphs
    # in a seeded order, so that a long article is never a page twice
    units = [texts]
    out: list[tuple[str, list[str]]] = []
    rounds = 0
    while len(out) < pages:
        if rounds:
            paras = [[q] for t in texts for q in t]
            random.Random(rounds).shuffle(paras)
            units = [paras]
        rounds += 1
        body: list[str] = []
        for unit in units[0]:
            body += unit
            if sum(len(q.split()) for q in body) >= min_words:
                out.append((body[0].split(". ")[0][:90], body))  # the text has no headline: its first sentence
                body = []
                if len(out) == pages:
                    break
    return out


def build_real_warc(path: Path, corpus: Path, pages: int, min_words: int) -> dict:
    from newspages import AUTHORS, SITES, news_page, write_warc

    from wortlaut.analyse.tokens import tokenize

    sites = [s for s in SITES if s.language == "de"]
    records, words, tokens = [], 0, 0
    for n, (title, body) in enumerate(real_texts(corpus, pages, min_words)):
        site = sites[n % len(sites)]
        date = f"2005-{1 + n % 12:02d}-{1 + n % 28:02d}"
        url = f"https://{site.host}/nachrichten/artikel-{n}.html"
        html = news_page(title, body, site, url=url, author=AUTHORS[n % len(AUTHORS)], date=date, variant=n)
        records.append((url, html.encode("utf-8"), date))
        words += sum(len(p.split()) for p in body)
        tokens += len(tokenize("\n".join(body), "de", tag=False).tokens)
    write_warc(path, records)
    return {"pages": pages, "words_per_article": round(words / pages), "tokens": tokens}


def end_to_end(warc: Path, db: Path, workers: int) -> dict:
    from wortlaut import batch
    from wortlaut.ingest import iter_items
    from wortlaut.store import SQLiteStore

    start, cpu = time.perf_counter(), _own_cpu()
    with SQLiteStore(db) as store:
        summary = batch.run(iter_items([str(warc)]), store, workers=workers)
    seconds, cpu = time.perf_counter() - start, _own_cpu() - cpu
    pages = summary.stored + summary.duplicate + summary.unsupported + summary.present + len(summary.failures)
    return {
        "pages": pages, "analysed": summary.stored, "linked": summary.duplicate,
        "unsupported": summary.unsupported, "failed": len(summary.failures), "quotes": summary.quotes,
        "seconds": round(seconds, 2), "articles_per_s": round(pages / seconds, 1),
        "main_cpu_seconds": round(cpu, 1),  # reading, extraction, triage, writes; the rest is the workers' (and start-up)
        "failure_reasons": sorted({f.reason for f in summary.failures})[:5],
    }


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


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
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)
    peak = [0]
    sampler = threading.Thread(target=_sample_rss, args=(proc, peak), daemon=True)
    sampler.start()
    stdout, _ = proc.communicate()
    sampler.join()
    if proc.returncode:
        sys.exit(f"benchmark step {args[:2]} failed ({proc.returncode})")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds of the step and its workers (reaped children count): on a shared
    # machine wall time says more about the neighbours than about us
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    result = json.loads(stdout.strip().splitlines()[-1])
    if "main_cpu_seconds" in result:
        result["workers_cpu_seconds"] = round(cpu - result["main_cpu_seconds"], 1)
    return {**result, "cpu_seconds": round(cpu, 1), "articles_per_cpu_s": round(result["pages"] / cpu, 1),
            "peak_rss_mb": round(peak[0] / 1024, 1)}


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
    ap.add_argument("--pages", type=int, help="pages to build (default 2000, with --real 1000)")
    ap.add_argument("--real", type=Path, nargs="?", const=DEFAULT_CORPUS,
                    help=f"real German news text from this corpus directory (default {DEFAULT_CORPUS})")
    ap.add_argument("--min-words", type=int, default=370, help="with --real: words per article at least")
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
    if args.pages is None:
        args.pages = 1000 if args.real else 2000
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "news.warc.gz"
        start = time.perf_counter()
        text = {}
        if args.real:
            text = build_real_warc(warc, args.real, args.pages, args.min_words)
        else:
            build_warc(warc, args.pages)
        print(f"built {warc.name}: {args.pages} pages, {warc.stat().st_size / 1e6:.1f} MB "
              f"in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        e2e = measured(["--one", "e2e", "--warc", str(warc), "--db", str(Path(tmp) / "bench.db"),
                        "--workers", str(args.workers)])
        extract = measured(["--one", "extract", "--warc", str(warc)])
    if text:
        e2e["tokens_per_s"] = round(text["tokens"] / e2e["seconds"])
    result = {
        "workers": args.workers, "cores": os.cpu_count(), "input": "real" if args.real else "demo", **text,
        "end_to_end": e2e, "trafilatura_only": extract,
        "ratio_to_trafilatura": round(e2e["articles_per_s"] / extract["articles_per_s"], 3),
        "cpu_ratio_to_trafilatura": round(e2e["articles_per_cpu_s"] / extract["articles_per_cpu_s"], 3),
    }
    print(json.dumps(result, indent=2))
    print(
        f"\nend to end on {args.workers} workers: {e2e['articles_per_s']} articles/s "
        f"({e2e['analysed']} analysed, {e2e['linked']} linked as duplicates, {e2e['failed']} failed; "
        f"{e2e['seconds']} s{', ' + str(e2e['tokens_per_s']) + ' tokens/s' if text else ''}), "
        f"peak RSS {e2e['peak_rss_mb']} MB (all processes)\n"
        f"CPU seconds: main process {e2e['main_cpu_seconds']} "
        f"({1000 * e2e['main_cpu_seconds'] / e2e['pages']:.1f} ms per article), workers {e2e['workers_cpu_seconds']}\n"
        f"trafilatura only: {extract['articles_per_s']} articles/s; end to end runs at "
        f"{result['ratio_to_trafilatura']}x its speed\n"
        f"per CPU second (all processes): end to end {e2e['articles_per_cpu_s']} articles, trafilatura "
        f"{extract['articles_per_cpu_s']} ({result['cpu_ratio_to_trafilatura']}x)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
