"""Train the free indirect speaker ranker (``speakers.json``) on the train split.

The trained CRFs tag each training article; every free indirect statement
without a cue that carries on a speaker, and whose aligned gold statement has a
speaker among the candidates, is one example. A conditional log-linear model (softmax over one statement's
candidates, L2-regularised, full-batch gradient ascent) learns a weight per
candidate feature.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

from ..analyse.de.crf import CRFTagger
from ..analyse.de.ranker import SPEAKER_MODEL, candidates
from ..analyse.tokens import tokenize
from ..corpus import CorpusDocument, CorpusError, iter_documents
from .projection import project

Example = tuple[list[set[str]], int]  # candidates' features, index of the gold one


def examples(doc: CorpusDocument, tagger: CRFTagger) -> list[Example]:
    """The free indirect statements of ``doc`` as the tagger finds them, each with its
    candidates and the one that is the gold speaker of the gold statement it overlaps most."""
    ours = tokenize(doc.text, "de")
    atts = tagger.statements(ours)
    gold = [(set(project(doc, ours, g.quote)), tuple(project(doc, ours, g.speaker))) for g in doc.annotations if g.speaker]
    paragraph = ours.paragraphs()
    ordered = sorted(atts, key=lambda x: x.start)
    out = []
    for k, att in enumerate(ordered):
        if att.kind != "free" or att.cue or att.speaker is None:
            continue  # the ranker chooses only where a speaker is carried on
        tokens = att.quote_tokens()
        best = max(gold, key=lambda g: len(g[0] & tokens), default=None)
        if best is None or not best[0] & tokens:
            continue
        found = candidates(ours, ordered[:k], att, paragraph)
        ranges = list(found)
        hits = [n for n, r in enumerate(ranges) if tuple(range(*r)) == best[1]]
        if hits:
            out.append(([found[r] for r in ranges], hits[0]))
    return out


def fit(data: list[Example], l2: float = 1.0, iterations: int = 100, rate: float = 0.5) -> dict[str, float]:
    """Weights maximising the candidates' conditional log-likelihood minus ``l2``·|w|²/2."""
    names = sorted({f for cands, _ in data for feats in cands for f in feats})
    index = {f: n for n, f in enumerate(names)}
    groups = []
    for cands, gold in data:
        x = np.zeros((len(cands), len(names)))
        for row, feats in enumerate(cands):
            x[row, [index[f] for f in feats]] = 1.0
        groups.append((x, gold))
    w = np.zeros(len(names))
    for _ in range(iterations):
        grad = -l2 * w
        for x, gold in groups:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            grad += x[gold] - p @ x
        w += rate * grad / len(groups)
    return {f: round(float(v), 4) for f, v in zip(names, w) if abs(v) >= 1e-4}


def accuracy(data: list[Example], weights: dict[str, float]) -> float:
    """How often the top-scored candidate is the gold one."""
    right = 0
    for cands, gold in data:
        scores = [math.fsum(weights.get(f, 0.0) for f in feats) for feats in cands]
        right += max(range(len(cands)), key=lambda n: scores[n]) == gold
    return right / len(data) if data else 0.0


def train_speakers(train_dir: Path, model_dir: Path) -> dict:
    """Fit the ranker with the CRFs in ``model_dir`` and write it there."""
    tagger = CRFTagger(model_dir)
    data: list[Example] = []
    for item in iter_documents(train_dir):
        if not isinstance(item, CorpusError):
            data += examples(item, tagger)
    weights = fit(data)
    (Path(model_dir) / SPEAKER_MODEL).write_text(json.dumps({"weights": weights}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return {"speaker_examples": len(data), "speaker_train_accuracy": round(accuracy(data, weights), 3)}


def main(argv: list[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m wortlaut.training.speakers",
                                 description="Retrain only the free indirect speaker ranker, with the CRFs already in --model.")
    ap.add_argument("--train", type=Path, required=True, help="directory of corpus JSON files to learn from")
    ap.add_argument("--model", type=Path, required=True, help="model directory holding the trained CRFs; speakers.json is written there")
    args = ap.parse_args(argv)
    print(json.dumps(train_speakers(args.train, args.model), indent=1))


if __name__ == "__main__":
    main()
