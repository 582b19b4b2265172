"""Cost of one article as it grows: analysis must stay linear in length, time and memory.

    python benchmarks/linearity.py [--corpus DIR] [--from-kb 16] [--to-kb 1024] [--stage process]

Builds one German text per size, doubling from ``--from-kb`` to ``--to-kb``
(UTF-8 bytes), from the corpus articles' paragraphs in file order (the train
split of ../shared/data/german-news-quotes by default), and analyses each in its
own process after a small warm-up text (models loaded, caches started): the
``analyse`` stage (tokens, tags, attribution) or the whole per-article
``process`` a worker runs (analysis and source resolution). Prints wall and CPU
seconds and peak resident memory per size, and each doubling's ratio of CPU
time (steadier than wall time on a shared machine): about 2 is linear, about 4
quadratic. Target: 1 MB in under 30 s and 500 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "german-news-quotes" / "train"


def build_text(corpus: Path, size: int) -> str:
    """Paragraphs of the corpus articles, in file order (from the start again if need
    be), up to ``size`` bytes of UTF-8."""
    paras = []
    for p in sorted(corpus.glob("*.json")):
        text = json.loads(p.read_text(encoding="utf-8"))["originalText"]
        paras += [line.strip() for line in text.splitlines() if line.strip()]
    if not paras:
        sys.exit(f"no corpus articles in {corpus}")
    out, used, k = [], 0, 0
    while used < size:
        para = paras[k % len(paras)]
        out.append(para)
        used += len(para.encode("utf-8")) + 1
        k += 1
    return "\n".join(out)[:size]


def measure(corpus: Path, size: int, stage: str) -> dict:
    from wortlaut.analyse import analyse
    from wortlaut.model import Article
    from wortlaut.pipeline import process

    def run(text: str) -> int:
        if stage == "analyse":
            return len(analyse(text, "de")[1])
        return len(process(Article(text=text, language="de")).quotes)

    run(build_text(corpus, 4096))
    text = build_text(corpus, size)
    start, cpu = time.perf_counter(), time.process_time()
    quotes = run(text)
    seconds = time.perf_counter() - start
    return {"kb": size // 1024, "quotes": quotes, "seconds": round(seconds, 2),
            "cpu_seconds": round(time.process_time() - cpu, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--from-kb", type=int, default=16)
    ap.add_argument("--to-kb", type=int, default=1024)
    ap.add_argument("--stage", choices=["analyse", "process"], default="process")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.corpus, args.one, args.stage)))
        return
    rows = []
    kb = args.from_kb
    while kb <= args.to_kb:
        proc = subprocess.run([sys.executable, __file__, "--one", str(kb * 1024), "--corpus", str(args.corpus),
                               "--stage", args.stage], check=False, capture_output=True, text=True)
        if proc.returncode:
            sys.exit(f"{kb} KB failed:\n{proc.stderr[-2000:]}")
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        if rows:
            row["cpu_ratio"] = round(row["cpu_seconds"] / max(rows[-1]["cpu_seconds"], 1e-3), 2)
        rows.append(row)
        print(f"{row['kb']:>6} KB  {row['seconds']:>8.2f} s  {row['cpu_seconds']:>8.2f} CPU s  {row['peak_rss_mb']:>7.1f} MB  "
              f"{row['quotes']:>6} quotes  x{row.get('cpu_ratio', '-')}", file=sys.stderr, flush=True)
        kb *= 2
    last = rows[-1]
    print(json.dumps({"stage": args.stage, "sizes": rows,
                      "largest": {"kb": last["kb"], "seconds": last["seconds"], "cpu_seconds": last["cpu_seconds"],
                                  "peak_rss_mb": last["peak_rss_mb"],
                                  "under_30_s": last["seconds"] < 30, "under_500_mb": last["peak_rss_mb"] < 500}},
                     indent=1))


if __name__ == "__main__":
    main()
