"""Analysis throughput and peak memory: trained tagger against the rule-only baseline.

    python benchmarks/attribution.py --corpus ../shared/data/german-news-quotes/dev
    python benchmarks/attribution.py --corpus ../shared/data/german-news-quotes/dev --english data/eval-en

Each configuration runs in its own process (so peak RSS is its own), single
process, over every document's text, after one warm-up document. Tokens are
counted as our tokenizer counts them. With ``--english`` a third configuration
analyses a directory of English text articles (spaCy tagging and NER, then the
English rules), so English and German speed come from the same run and machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path


def _texts(corpus: Path, language: str) -> list[str]:
    if language == "de":
        return [json.loads(p.read_text(encoding="utf-8"))["originalText"] for p in sorted(corpus.glob("*.json"))]
    from wortlaut.ingest.text import decode, parse_text

    return [parse_text(decode(p.read_bytes())).text for p in sorted(corpus.glob("*.txt"))]


def measure(corpus: Path, use_model: bool, language: str = "de") -> dict:
    from wortlaut.analyse import analyse, tagger_name

    texts = _texts(corpus, language)
    analyse(texts[0], language, use_model)  # load models before the clock starts
    tokens = quotes = 0
    start = time.perf_counter()
    for text in texts:
        doc, atts = analyse(text, language, use_model)
        tokens += len(doc.tokens)
        quotes += len(atts)
    seconds = time.perf_counter() - start
    return {
        "tagger": tagger_name(language, use_model),
        "documents": len(texts),
        "tokens": tokens,
        "quotes": quotes,
        "seconds": round(seconds, 2),
        "tokens_per_s": round(tokens / seconds),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="directory of corpus JSON files")
    ap.add_argument("--english", type=Path, help="directory of English .txt articles (data/eval-en)")
    ap.add_argument("--one", choices=["model", "rules", "english"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        if args.one == "english":
            print(json.dumps(measure(args.english, False, "en")))
        else:
            print(json.dumps(measure(args.corpus, args.one == "model")))
        return
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    if args.english is not None and not any(args.english.glob("*.txt")):
        sys.exit(f"no English articles (*.txt) in {args.english}")
    results = {}
    for which in ("rules", "model") + (("english",) if args.english else ()):
        extra = ["--english", str(args.english)] if which == "english" else []
        proc = subprocess.run(
            [sys.executable, __file__, "--corpus", str(args.corpus), "--one", which, *extra],
            capture_output=True, text=True, check=True,
        )
        results[which] = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"{'configuration':<24}{'tokens/s':>10}{'peak MB':>10}{'seconds':>10}{'quotes':>8}")
    for which, r in results.items():
        label = f"{which} ({r['tagger']}{', en' if which == 'english' else ', de'})"
        print(f"{label:<24}{r['tokens_per_s']:>10,}{r['peak_rss_mb']:>10}{r['seconds']:>10}{r['quotes']:>8}")
    m, b = results["model"], results["rules"]
    print(f"tokens: {m['tokens']:,} in {m['documents']} documents")
    print(f"model / rules: speed x{m['tokens_per_s'] / b['tokens_per_s']:.2f}, peak memory x{m['peak_rss_mb'] / b['peak_rss_mb']:.2f}")
    if "english" in results:
        e = results["english"]
        print(f"English: {e['tokens']:,} tokens in {e['documents']} documents;"
              f" English / German model: speed x{e['tokens_per_s'] / m['tokens_per_s']:.2f},"
              f" peak memory x{e['peak_rss_mb'] / m['peak_rss_mb']:.2f}")


if __name__ == "__main__":
    main()
