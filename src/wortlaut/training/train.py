"""Train the attribution CRFs and the speaker ranker on the German news quotation corpus.

    wortlaut train --train DIR --out models/de-attribution

Labels are projected from the corpus's tokens onto our own tokenisation by
character offsets, so training sees exactly what the pipeline sees at run time.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from ..analyse.de import tagger_choice
from ..analyse.de.crf import LABEL_OF_KIND, role_features
from ..analyse.de.features import FEATURES_VERSION, token_features
from ..analyse.de.rules import attribute as rule_attribute
from ..analyse.de.sentences import SENTENCE_MODEL, sentence_features, sentence_labels
from ..analyse.tokens import Doc, tokenize
from ..corpus import CorpusDocument, CorpusError, iter_documents
from .projection import project
from .speakers import train_speakers

CORPUS_KIND = {"Direct": "direct", "Indirect": "indirect", "Reported": "reported", "FreeIndirect": "free", "IndirectFreeIndirect": "free"}


def _bio(labels: list[str], tokens: list[int], tag: str) -> None:
    prev = None
    for k in tokens:
        if labels[k] != "O":
            prev = None
            continue
        labels[k] = ("I-" if prev == k - 1 else "B-") + tag
        prev = k


def gold_labels(doc: CorpusDocument, ours: Doc) -> tuple[list[str], list[str]]:
    n = len(ours.tokens)
    qlabels, rlabels = ["O"] * n, ["O"] * n
    # outer quotes first, so a nested quote never splits its host
    for ann in sorted(doc.annotations, key=lambda a: -len(a.quote)):
        kind = CORPUS_KIND.get(ann.type, "indirect")
        _bio(qlabels, project(doc, ours, ann.quote), LABEL_OF_KIND[kind])
    for role, tag in (("cue", "C"), ("speaker", "S"), ("addressee", "A")):
        for ann in doc.annotations:
            _bio(rlabels, project(doc, ours, ann.role(role)), tag)
    return qlabels, rlabels


def learn_cue_lemmas(pairs: list[tuple[Doc, list[str]]], min_count: int = 2, min_ratio: float = 0.15) -> list[str]:
    """Lemmas that are cue tokens often enough, in proportion to how often they occur."""
    cue, total = Counter(), Counter()
    for doc, rlabels in pairs:
        for t, lab in zip(doc.tokens, rlabels):
            lemma = t.lemma.lower()
            total[lemma] += 1
            if lab.endswith("-C"):
                cue[lemma] += 1
    return sorted(w for w, c in cue.items() if c >= min_count and c / total[w] >= min_ratio and w.isalpha())


def _fit(items, params: dict, path: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(params)
    for feats, labels in items:
        trainer.append(feats, labels)
    trainer.train(str(path))


def fit_sentences(docs: list[tuple[Doc, list[str], list[str]]], cues: frozenset[str], path: Path, params: dict) -> None:
    """The sentence layer: whole sentences labelled by the kind of statement covering them."""
    items = [
        (sentence_features(ours, rule_attribute(ours), cues), sentence_labels(ours, q)) for ours, q, _ in docs if ours.sentences
    ]
    _fit(items, {**params, "c1": 0.05, "c2": 0.05}, path)


def read_training(train_dir: Path) -> tuple[list[tuple[Doc, list[str], list[str]]], list[str]]:
    docs, errors = [], []
    for item in iter_documents(train_dir):
        if isinstance(item, CorpusError):
            errors.append(f"{item.path.name}: {item.reason}")
            continue
        ours = tokenize(item.text)
        docs.append((ours, *gold_labels(item, ours)))
    return docs, errors


def train(train_dir: Path, out_dir: Path, max_iterations: int = 300, c1: float = 0.01, c2: float = 0.01) -> dict:
    t0 = time.time()
    docs, errors = read_training(train_dir)
    cue_lemmas = learn_cue_lemmas([(d, r) for d, _, r in docs])
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "cues.json").write_text(json.dumps(cue_lemmas, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    cues = frozenset(cue_lemmas)

    params = {"c1": c1, "c2": c2, "max_iterations": max_iterations, "feature.possible_transitions": True}
    feats = [token_features(ours, cues) for ours, _, _ in docs]
    qlabels = [q for _, q, _ in docs]
    _fit(zip(feats, qlabels), params, out_dir / "quotes.crfsuite")
    # the role layer learns from gold quote labels (training on cross-validated
    # predicted labels instead was measured: no gain on dev)
    _fit(((role_features(f, q), r) for f, q, (_, _, r) in zip(feats, qlabels, docs)), params, out_dir / "roles.crfsuite")
    fit_sentences(docs, cues, out_dir / SENTENCE_MODEL, params)
    ranker = train_speakers(train_dir, out_dir)  # it reads what the CRFs just trained make of the articles
    info = {
        "features_version": FEATURES_VERSION,
        "pos_tagger": tagger_choice(),  # analysis tags with the same tagger
        "documents": len(docs),
        "tokens": sum(len(d.tokens) for d, _, _ in docs),
        "cue_lemmas": len(cue_lemmas),
        "params": params,
        **ranker,
        "seconds": round(time.time() - t0, 1),
        "errors": errors,
    }
    (out_dir / "training.json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    return info
