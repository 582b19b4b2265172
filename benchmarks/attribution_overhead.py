"""Share of German analysis time spent after the token CRFs, timed in one process.

    python benchmarks/attribution_overhead.py --corpus ../shared/data/german-news-quotes/dev

The sentence layer and the rules that follow the token CRFs (uncued statements,
prepositional and "wie"/"so" frames, speaker tidying) are wrapped with timers and
the whole analysis runs once over the corpus. On a loaded machine the absolute
tokens/s swing widely between runs; the share does not, since both are timed
together.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

STEPS = ("prepositional_statements", "cue_subjects", "tidy_speakers", "cued_free", "drop_unsupported", "add_uncued", "sentence_features")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="directory of corpus JSON files")
    args = ap.parse_args()

    from wortlaut.analyse import analyse
    from wortlaut.analyse.de import crf, sentences

    spent = [0.0]

    def timed(f):
        def run(*a, **k):
            t = time.perf_counter()
            try:
                return f(*a, **k)
            finally:
                spent[0] += time.perf_counter() - t

        return run

    for name in STEPS:
        setattr(crf, name, timed(getattr(crf, name)))
    sentences.SentenceTagger.confident = timed(sentences.SentenceTagger.confident)

    texts = [json.loads(p.read_text(encoding="utf-8"))["originalText"] for p in sorted(args.corpus.glob("*.json"))]
    analyse(texts[0], "de", True)  # load the models before the clock starts
    spent[0] = 0.0
    tokens = 0
    start = time.perf_counter()
    for text in texts:
        doc, _ = analyse(text, "de", True)
        tokens += len(doc.tokens)
    total = time.perf_counter() - start
    print(f"tokens: {tokens:,} in {len(texts)} documents, {total:.2f} s, {tokens / total:,.0f} tokens/s")
    print(f"after the token CRFs: {spent[0]:.2f} s = {100 * spent[0] / total:.1f} % of the analysis")


if __name__ == "__main__":
    main()
