"""Token-level quotation scoring as described for the German news quotation corpus.

Per document, predicted and gold quotes are paired one-to-one by an optimal
assignment on quote-token overlap. Each pair contributes, for every role,
TP = |pred & gold|, FP = |pred - gold|, FN = |gold - pred|; unpaired
predictions are all FP and unpaired gold quotes all FN. Counts are summed over
the corpus (micro average); "joint" sums all roles together.

Beside it, the corpus authors' metric (``macro``: precision and recall
averaged per group and role) is computed from the same documents.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from ..corpus import (
    ROLES,
    CorpusAnnotation,
    CorpusDocument,
    CorpusError,
    iter_documents,
    read_annotations,
)
from .macro import MacroCounts, score_document_macro, summarise_macro


def _zeros() -> dict[str, int]:
    return {role: 0 for role in ROLES}


@dataclass
class Counts:
    """Raw counts; add them up over documents, then ``summarise``."""

    tp: dict[str, int] = field(default_factory=_zeros)
    fp: dict[str, int] = field(default_factory=_zeros)
    fn: dict[str, int] = field(default_factory=_zeros)
    type_correct: int = 0
    medium_correct: int = 0
    aligned: int = 0
    gold_quotes: int = 0
    predicted_quotes: int = 0
    documents: int = 0
    macro: MacroCounts = field(default_factory=MacroCounts)

    def __add__(self, other: Counts) -> Counts:
        if not isinstance(other, Counts):
            return NotImplemented
        return Counts(
            tp={r: self.tp[r] + other.tp[r] for r in ROLES},
            fp={r: self.fp[r] + other.fp[r] for r in ROLES},
            fn={r: self.fn[r] + other.fn[r] for r in ROLES},
            type_correct=self.type_correct + other.type_correct,
            medium_correct=self.medium_correct + other.medium_correct,
            aligned=self.aligned + other.aligned,
            gold_quotes=self.gold_quotes + other.gold_quotes,
            predicted_quotes=self.predicted_quotes + other.predicted_quotes,
            documents=self.documents + other.documents,
            macro=self.macro + other.macro,
        )


def align(gold: list[CorpusAnnotation], pred: list[CorpusAnnotation]) -> list[tuple[int, int]]:
    """Index pairs (gold, pred) of the optimal one-to-one quote alignment.

    Quote overlap is maximised first. Ties (the corpus has identical quotes
    with different speakers) are broken by overlap on the other roles, so a
    prediction identical to the gold always scores perfectly.
    """
    if not gold or not pred:
        return []
    gold_sets = [{r: set(a.role(r)) for r in ROLES} for a in gold]
    pred_sets = [{r: set(a.role(r)) for r in ROLES} for a in pred]
    quote = np.array([[len(g["quote"] & p["quote"]) for p in pred_sets] for g in gold_sets])
    other = np.array(
        [[sum(len(g[r] & p[r]) for r in ROLES[1:]) for p in pred_sets] for g in gold_sets]
    )
    # Scale so any quote-overlap gain outweighs all possible other-role overlap.
    weight = quote * (int(other.sum()) + 1) + other
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols) if quote[i, j] > 0]


def score_document(gold: list[CorpusAnnotation], pred: list[CorpusAnnotation]) -> Counts:
    counts = Counts(
        gold_quotes=len(gold),
        predicted_quotes=len(pred),
        documents=1,
        macro=score_document_macro(gold, pred),
    )
    pairs = align(gold, pred)
    for i, j in pairs:
        g, p = gold[i], pred[j]
        for role in ROLES:
            gs, ps = set(g.role(role)), set(p.role(role))
            counts.tp[role] += len(gs & ps)
            counts.fp[role] += len(ps - gs)
            counts.fn[role] += len(gs - ps)
        counts.type_correct += p.type.casefold() == g.type.casefold()
        counts.medium_correct += p.medium.casefold() == g.medium.casefold()
    counts.aligned = len(pairs)

    paired_gold = {i for i, _ in pairs}
    paired_pred = {j for _, j in pairs}
    for i, g in enumerate(gold):
        if i not in paired_gold:
            for role in ROLES:
                counts.fn[role] += len(set(g.role(role)))
    for j, p in enumerate(pred):
        if j not in paired_pred:
            for role in ROLES:
                counts.fp[role] += len(set(p.role(role)))
    return counts


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    if tp + fp + fn == 0:
        # Nothing to find and nothing found: treat as perfect agreement.
        precision = recall = f1 = 1.0
    else:
        # An empty denominator means nothing was predicted (or nothing was
        # there to find); that earns 0, not a division error.
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def summarise(counts: Counts) -> dict[str, Any]:
    """Micro-averaged precision/recall/F1 per role and joint, plus label accuracies."""
    summary: dict[str, Any] = {
        role: _prf(counts.tp[role], counts.fp[role], counts.fn[role]) for role in ROLES
    }
    summary["roles"] = _prf(
        *(sum(c[r] for r in ROLES[1:]) for c in (counts.tp, counts.fp, counts.fn))
    )
    summary["joint"] = _prf(
        sum(counts.tp.values()), sum(counts.fp.values()), sum(counts.fn.values())
    )
    n = counts.aligned
    summary["type_accuracy"] = counts.type_correct / n if n else 0.0
    summary["medium_accuracy"] = counts.medium_correct / n if n else 0.0
    summary["aligned"] = n
    summary["gold_quotes"] = counts.gold_quotes
    summary["predicted_quotes"] = counts.predicted_quotes
    summary["documents"] = counts.documents
    summary["macro"] = summarise_macro(counts.macro)
    return summary


def score_directories(
    gold_dir: str | os.PathLike[str], pred_dir: str | os.PathLike[str]
) -> tuple[dict[str, Any], list[CorpusError]]:
    """Score every gold document against the prediction with the same ``documentName``.

    A gold document without a prediction counts as all missed. Unreadable
    files are returned as errors and left out; everything else is scored.
    """
    errors: list[CorpusError] = []
    gold_docs: list[CorpusDocument] = []
    bad_gold_names: set[str] = set()
    for item in iter_documents(gold_dir):
        if isinstance(item, CorpusError):
            errors.append(item)
            # The file stem is the document name in the corpus; remember it so
            # its prediction is not reported a second time below.
            bad_gold_names.add(item.path.stem)
        else:
            gold_docs.append(item)

    pred_root = Path(pred_dir)
    if not pred_root.is_dir():
        raise NotADirectoryError(f"{pred_root}: not a directory")
    predictions: dict[str, list[CorpusAnnotation]] = {}
    pred_paths: dict[str, Path] = {}
    for path in sorted(pred_root.glob("*.json")):
        try:
            name, annotations = read_annotations(path)
        except CorpusError as exc:
            errors.append(exc)
            continue
        if name in predictions:
            errors.append(CorpusError(path, f"second prediction for document '{name}'"))
            continue
        predictions[name] = annotations
        pred_paths[name] = path

    total = Counts()
    for doc in gold_docs:
        total += score_document(doc.annotations, predictions.get(doc.name, []))

    # A stray prediction usually means a mangled document name; say so.
    scored = {doc.name for doc in gold_docs} | bad_gold_names
    for name in sorted(set(predictions) - scored):
        errors.append(CorpusError(pred_paths[name], f"no gold document named '{name}'"))
    return summarise(total), errors


def format_report(summary: dict[str, Any]) -> str:
    """A plain-text table of P/R/F1 (percent) per role and joint, micro and the
    authors' macro metric side by side, plus per quote type and label accuracies."""
    macro = summary.get("macro")
    head = f"{'role':<10} {'P':>6} {'R':>6} {'F1':>6} {'TP':>7} {'FP':>7} {'FN':>7}"
    if macro:
        head += f"   {'macro P':>7} {'R':>6} {'F1':>6}"
    lines = ["micro (tokens summed over the corpus) | macro (the corpus authors' metric)"] if macro else []
    lines.append(head)
    for role in (*ROLES, "roles", "joint"):
        s = summary[role]
        line = (
            f"{role:<10} {100 * s['precision']:6.1f} {100 * s['recall']:6.1f} "
            f"{100 * s['f1']:6.1f} {s['tp']:7d} {s['fp']:7d} {s['fn']:7d}"
        )
        if macro:
            m = macro[role]
            line += f"   {100 * m['precision']:7.1f} {100 * m['recall']:6.1f} {100 * m['f1']:6.1f}"
        lines.append(line)
    if macro:
        lines.append("")
        lines.append(f"{'quote type':<21} {'macro P':>7} {'R':>6} {'F1':>6}")
        for key, m in macro["by_type"].items():
            lines.append(
                f"{key or '-':<21} {100 * m['precision']:7.1f} {100 * m['recall']:6.1f} {100 * m['f1']:6.1f}"
            )
    lines.append("")
    lines.append(
        f"quotes: {summary['gold_quotes']} gold, {summary['predicted_quotes']} predicted, "
        f"{summary['aligned']} aligned"
    )
    lines.append(f"type accuracy:   {100 * summary['type_accuracy']:.1f}% (over aligned)")
    lines.append(f"medium accuracy: {100 * summary['medium_accuracy']:.1f}% (over aligned)")
    if macro:
        lines.append(
            f"type F1 {100 * macro['type']['f1']:.1f}, medium F1 {100 * macro['medium']['f1']:.1f} "
            "(authors' metric, per group)"
        )
    return "\n".join(lines)
