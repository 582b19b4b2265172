"""German tagging alone: HanTa's own code, its exact faster search (the default) and the perceptron.

    python benchmarks/tagger.py [--corpus ../shared/data/german-news-quotes/dev] [--repeat 3]

Tokenises every document's text once (untimed), then tags all sentences with
each tagger in its own process, twice: a cold pass (empty caches, as a fresh
worker starts; the exact search with its shipped word table, loaded before the
clock starts) and a warm one. Prints tokens/s per pass, the speed-ups over
HanTa's own code (memoised per word, as analysis ran it before), and the share
of tokens whose tag and lemma equal HanTa's. Speeds are per CPU second; with
``--repeat`` the taggers take turns that many times and each keeps its best
pass, which steadies figures on a shared machine. ``WORTLAUT_TAGGER=<dir>``
measures another trained perceptron.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TAGGERS = ("hanta", "exact", "perceptron")  # HanTa's own code first: the others are compared with it


def sentences(corpus: Path) -> list[list[str]]:
    from wortlaut.analyse.tokens import tokenize

    out = []
    for p in sorted(corpus.glob("*.json")):
        doc = tokenize(json.loads(p.read_text(encoding="utf-8"))["originalText"], "de", tag=False)
        out += [[t.text for t in doc.tokens[a:b]] for a, b in doc.sentences]
    return out


def run(which: str, corpus: Path, out: Path) -> dict:
    from wortlaut.analyse.de import TAGGER_ENV
    from wortlaut.analyse.de.hanover import exact_hanta
    from wortlaut.analyse.de.tagger import hanta, load, shipped_dir

    sents = sentences(corpus)
    if which in ("hanta", "exact"):
        h = hanta() if which == "hanta" else exact_hanta()

        def tag(words):
            return [(p, lemma) for _, lemma, p in h.tag_sent(words, taglevel=1)]
    else:
        fast = load(os.environ.get(TAGGER_ENV) or str(shipped_dir()))

        def tag(words):
            return fast.tag(words, float("-inf"))
    result: dict = {"tagger": which, "tokens": sum(map(len, sents))}
    for name in ("cold", "warm"):
        start = time.process_time()  # CPU time: the figure stays meaningful on a shared machine
        tagged = [tag(s) for s in sents]
        result[f"{name}_tokens_per_s"] = round(result["tokens"] / (time.process_time() - start))
    out.write_text(json.dumps(tagged, ensure_ascii=False), encoding="utf-8")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "data" / "german-news-quotes" / "dev")
    ap.add_argument("--repeat", type=int, default=1, help="turns per tagger; each keeps its best")
    ap.add_argument("--one", choices=TAGGERS, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run(args.one, args.corpus, args.out)))
        return
    import tempfile

    results: dict = {}
    tagged = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            for which in TAGGERS:
                out = Path(tmp) / f"{which}.json"
                proc = subprocess.run([sys.executable, __file__, "--one", which, "--corpus", str(args.corpus), "--out", str(out)],
                                      capture_output=True, text=True, check=True)
                got = json.loads(proc.stdout.strip().splitlines()[-1])
                best = results.setdefault(which, got)
                for key in ("cold_tokens_per_s", "warm_tokens_per_s"):
                    best[key] = max(best[key], got[key])
                tagged[which] = json.loads(out.read_text(encoding="utf-8"))
    summary: dict = dict(results)
    for which in TAGGERS[1:]:
        pairs = [(a, b) for sa, sb in zip(tagged["hanta"], tagged[which]) for a, b in zip(sa, sb)]
        summary[which] |= {
            "speedup_cold": round(results[which]["cold_tokens_per_s"] / results["hanta"]["cold_tokens_per_s"], 1),
            "speedup_warm": round(results[which]["warm_tokens_per_s"] / results["hanta"]["warm_tokens_per_s"], 1),
            "tag_agreement": round(sum(a[0] == b[0] for a, b in pairs) / len(pairs), 4),
            "lemma_agreement": round(sum(a[1] == b[1] for a, b in pairs) / len(pairs), 4),
        }
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
