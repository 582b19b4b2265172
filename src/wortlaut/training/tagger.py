"""Train ``models/de-tagger``: a perceptron that reproduces HanTa's tags, and a lemma lexicon.

HanTa is the teacher: the corpus texts are tokenised as analysis tokenises them,
HanTa tags them sentence by sentence, and the perceptron (features in
``wortlaut.analyse.de.tagger``) learns to give the same tags greedily, left to
right, with the two previous tags as history. Averaged weights, a fixed seed
and a fixed order of files make the result reproducible.

    python -m wortlaut.training.tagger --train DIR --out models/de-tagger [--dev DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np

from ..analyse.de.tagger import PerceptronTagger, hanta, lemma_rewrite, token_features
from ..analyse.tokens import tokenize
from ..corpus import read_document

Sentence = tuple[list[str], list[str], list[str]]  # words, tags, lemmas


def hanta_sentences(corpus_dir: Path) -> list[Sentence]:
    """Every sentence of the corpus texts in ``corpus_dir``, with HanTa's tags and lemmas."""
    teacher = hanta()
    out: list[Sentence] = []
    for path in sorted(Path(corpus_dir).glob("*.json")):
        doc = tokenize(read_document(path).text, "de", tag=False)
        for a, b in doc.sentences:
            words = [t.text for t in doc.tokens[a:b]]
            tagged = teacher.tag_sent(words, taglevel=1)
            out.append((words, [p for _, _, p in tagged], [lemma for _, lemma, _ in tagged]))
    return out


class _Trainer:
    """Averaged perceptron over feature ids: ``weights - total / steps`` is the average."""

    def __init__(self, sents: list[Sentence], min_count: int):
        counts = Counter(f for words, _, _ in sents for i in range(len(words)) for f in token_features(words, i))
        self.features = sorted(f for f, c in counts.items() if c >= min_count)
        index = {f: k for k, f in enumerate(self.features)}
        self.tags = sorted({t for _, tags, _ in sents for t in tags})
        tag_id = {t: k for k, t in enumerate(self.tags)}
        n, k = len(self.features), len(self.tags) + 1
        self.hist1, self.hist2 = n, n + k  # row offsets of the t-1 and (t-2, t-1) features
        rows = n + k + k * k
        self.w = np.zeros((rows, k - 1))
        self.total = np.zeros((rows, k - 1))
        self.steps = 1
        self.data = [
            ([np.array([index[f] for f in token_features(words, i) if f in index]) for i in range(len(words))],
             [tag_id[t] for t in tags])
            for words, tags, _ in sents
        ]

    def epoch(self, rng: random.Random) -> float:
        order = list(range(len(self.data)))
        rng.shuffle(order)
        k = len(self.tags) + 1
        right = seen = 0
        for s in order:
            feats, gold = self.data[s]
            p2 = p1 = k - 1
            for ids, y in zip(feats, gold):
                full = np.concatenate([ids, [self.hist1 + p1, self.hist2 + p2 * k + p1]])
                guess = int(self.w[full].sum(axis=0).argmax())
                if guess != y:
                    self.w[full, y] += 1
                    self.w[full, guess] -= 1
                    self.total[full, y] += self.steps
                    self.total[full, guess] -= self.steps
                else:
                    right += 1
                seen += 1
                self.steps += 1
                p2, p1 = p1, y  # the teacher's history, as at tagging time when right
        return right / max(seen, 1)

    def averaged(self) -> np.ndarray:
        return self.w - self.total / self.steps


def learn_lemmas(sents: list[Sentence]) -> dict[str, dict[str, str]]:
    """tag -> lower-cased word -> HanTa's lemma (HanTa lemmatises the lower-cased word)."""
    out: dict[str, dict[str, str]] = {}
    for words, tags, lemmas in sents:
        for w, t, lemma in zip(words, tags, lemmas):
            out.setdefault(t, {})[w.lower()] = lemma
    return {t: dict(sorted(d.items())) for t, d in sorted(out.items())}


def learn_lemma_rules(lemmas: dict[str, dict[str, str]], longest: int = 6, min_support: int = 2) -> dict[str, dict[str, str]]:
    """tag -> word ending -> the commonest rewrite of words with that ending into their
    lemma (see ``lemma_rewrite``), for words the lexicon has not seen."""
    out: dict[str, dict[str, str]] = {}
    for tag, words in lemmas.items():
        counts: dict[str, Counter] = {}
        for low, lemma in words.items():
            rewrite = lemma_rewrite(low, lemma)
            for k in range(min(longest, len(low)) + 1):
                counts.setdefault(low[len(low) - k :], Counter())[rewrite] += 1
        # an ending seen on one word only is that word, not a rule
        top = {end: c.most_common(1)[0] for end, c in sorted(counts.items())}
        out[tag] = {end: rw for end, (rw, n) in top.items() if n >= min_support or end == ""}
    return out


def write_model(trainer: _Trainer, lemmas: dict[str, dict[str, str]], out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    avg = trainer.averaged().astype(np.float32)
    n = len(trainer.features)
    static = avg[:n]
    # features whose weights all but vanished cost memory and change no decision
    keep = np.abs(static).max(axis=1) >= 0.05
    names = [f for f, k in zip(trainer.features, keep) if k]
    np.savez_compressed(out_dir / "weights.npz", weights=static[keep].astype(np.float16), history=avg[n:].astype(np.float16))
    meta = {"tags": trainer.tags, "features": names}
    (out_dir / "tagger.json").write_text(json.dumps(meta, ensure_ascii=False) + "\n", encoding="utf-8")
    (out_dir / "lemmas.json").write_text(json.dumps(lemmas, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    rules = learn_lemma_rules(lemmas)
    (out_dir / "lemma_rules.json").write_text(json.dumps(rules, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


def agreement(tagger: PerceptronTagger, sents: list[Sentence]) -> dict[str, float]:
    """Share of tokens whose tag, and whose lemma, equal HanTa's."""
    tags = lemmas = n = 0
    for words, gold_tags, gold_lemmas in sents:
        for (t, lemma), gt, gl in zip(tagger.tag(words, -np.inf), gold_tags, gold_lemmas):
            tags += t == gt
            lemmas += lemma == gl
            n += 1
    return {"tokens": n, "tag_accuracy": round(tags / max(n, 1), 4), "lemma_accuracy": round(lemmas / max(n, 1), 4)}


def train_tagger(train_dir: Path, out_dir: Path, dev_dir: Path | None = None, iterations: int = 8,
                 min_count: int = 2, seed: int = 1) -> dict:
    """Train on HanTa's output over ``train_dir``'s texts, write ``out_dir``, and report
    agreement with HanTa on ``dev_dir`` when given."""
    t0 = time.time()
    sents = hanta_sentences(train_dir)
    trainer = _Trainer(sents, min_count)
    rng = random.Random(seed)
    curve = [round(trainer.epoch(rng), 4) for _ in range(iterations)]
    write_model(trainer, learn_lemmas(sents), out_dir)
    summary = {
        "train_sentences": len(sents),
        "train_tokens": sum(len(w) for w, _, _ in sents),
        "tags": len(trainer.tags),
        "iterations": iterations,
        "min_count": min_count,
        "seed": seed,
        "train_accuracy_per_iteration": curve,
    }
    if dev_dir is not None:
        summary["dev_agreement_with_hanta"] = agreement(PerceptronTagger(out_dir), hanta_sentences(dev_dir))
    summary["seconds"] = round(time.time() - t0, 1)
    (out_dir / "training.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m wortlaut.training.tagger", description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, required=True, help="directory of corpus JSON files whose texts HanTa tags")
    ap.add_argument("--out", type=Path, required=True, help="model directory to write (models/de-tagger)")
    ap.add_argument("--dev", type=Path, help="corpus directory to measure agreement with HanTa on")
    ap.add_argument("--iterations", type=int, default=8)
    ap.add_argument("--min-count", type=int, default=2, help="drop features seen fewer times")
    args = ap.parse_args(argv)
    print(json.dumps(train_tagger(args.train, args.out, args.dev, args.iterations, args.min_count), indent=1))


if __name__ == "__main__":
    main()
