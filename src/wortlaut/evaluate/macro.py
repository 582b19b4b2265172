"""The corpus authors' quotation metric: precision and recall averaged per group and role.

As described with the German news quotation corpus (and the GermEval 2023
SpkAtt scorer it follows), per document:

* predicted and gold quotes are paired by an optimal one-to-one assignment
  that maximises the token F1 of the two quotes, with a small bonus for the
  same type (0.01) and the same medium (0.001) when the quotes overlap; every
  pair the assignment makes counts, even one without overlap;
* each pair, each unpaired prediction and each unpaired gold quote is a
  *group*; for every role (quote, cue, speaker, frame, addressee) a group has a
  token precision TP/(TP+FP) and recall TP/(TP+FN), each left out when its
  denominator is zero (an unpaired gold quote has no precision, a role absent
  on both sides has neither);
* precision is the mean of all precisions over groups and roles, recall the
  mean of all recalls, and F1 their harmonic mean ("joint"; "quote" uses the
  quote role only and "roles" the others);
* type and medium are scored micro per group: equal labels are a true
  positive, else the predicted label a false positive and the gold one a false
  negative.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from ..corpus import ROLES, CorpusAnnotation

TYPE_BONUS = 0.01
MEDIUM_BONUS = 0.001


def _zero_pair() -> list[float]:
    return [0.0, 0]


def _per_role() -> dict[str, list[float]]:
    return {role: _zero_pair() for role in ROLES}


@dataclass
class MacroCounts:
    """Sums and counts of per-group precisions and recalls; add over documents."""

    precision: dict[str, list[float]] = field(default_factory=_per_role)
    recall: dict[str, list[float]] = field(default_factory=_per_role)
    # the same, per quote type (gold type, or the predicted one for an unpaired prediction)
    by_type: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    labels: dict[str, list[int]] = field(default_factory=lambda: {"type": [0, 0, 0], "medium": [0, 0, 0]})

    def __add__(self, other: MacroCounts) -> MacroCounts:
        if not isinstance(other, MacroCounts):
            return NotImplemented
        out = MacroCounts()
        for name in ("precision", "recall"):
            mine, theirs, total = getattr(self, name), getattr(other, name), getattr(out, name)
            for role in ROLES:
                total[role] = [mine[role][0] + theirs[role][0], mine[role][1] + theirs[role][1]]
        for key in set(self.by_type) | set(other.by_type):
            a = self.by_type.get(key, {"p": _zero_pair(), "r": _zero_pair()})
            b = other.by_type.get(key, {"p": _zero_pair(), "r": _zero_pair()})
            out.by_type[key] = {k: [a[k][0] + b[k][0], a[k][1] + b[k][1]] for k in ("p", "r")}
        for name in ("type", "medium"):
            out.labels[name] = [x + y for x, y in zip(self.labels[name], other.labels[name])]
        return out


def _quote_f1(gold: set[int], pred: set[int]) -> float:
    both = len(gold & pred)
    if not both:
        return 0.0
    return 2 * both / (len(gold) + len(pred))


def assign(gold: list[CorpusAnnotation], pred: list[CorpusAnnotation]) -> list[tuple[int, int]]:
    """The authors' pairing: every (gold, pred) pair an optimal assignment makes."""
    if not gold or not pred:
        return []
    gq = [set(g.quote) for g in gold]
    pq = [set(p.quote) for p in pred]
    scores = np.zeros((len(gold), len(pred)))
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            f1 = _quote_f1(gq[i], pq[j])
            if f1 > 0:
                f1 += TYPE_BONUS * (g.type == p.type) + MEDIUM_BONUS * (g.medium == p.medium)
            scores[i, j] = f1
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols)]


def _label(counts: list[int], gold: str | None, pred: str | None) -> None:
    if gold == pred:
        counts[0] += 1
        return
    if pred is not None:
        counts[1] += 1
    if gold is not None:
        counts[2] += 1


def _add_group(counts: MacroCounts, gold: CorpusAnnotation | None, pred: CorpusAnnotation | None) -> None:
    key = gold.type if gold is not None else pred.type if pred is not None else ""
    per_type = counts.by_type.setdefault(key, {"p": _zero_pair(), "r": _zero_pair()})
    for role in ROLES:
        g = set(gold.role(role)) if gold is not None else set()
        p = set(pred.role(role)) if pred is not None else set()
        tp = len(g & p)
        if p:
            counts.precision[role][0] += tp / len(p)
            counts.precision[role][1] += 1
            per_type["p"][0] += tp / len(p)
            per_type["p"][1] += 1
        if g:
            counts.recall[role][0] += tp / len(g)
            counts.recall[role][1] += 1
            per_type["r"][0] += tp / len(g)
            per_type["r"][1] += 1
    _label(counts.labels["type"], gold.type if gold else None, pred.type if pred else None)
    _label(counts.labels["medium"], gold.medium if gold else None, pred.medium if pred else None)


def score_document_macro(gold: list[CorpusAnnotation], pred: list[CorpusAnnotation]) -> MacroCounts:
    counts = MacroCounts()
    pairs = assign(gold, pred)
    for i, j in pairs:
        _add_group(counts, gold[i], pred[j])
    paired_gold = {i for i, _ in pairs}
    paired_pred = {j for _, j in pairs}
    for i, g in enumerate(gold):
        if i not in paired_gold:
            _add_group(counts, g, None)
    for j, p in enumerate(pred):
        if j not in paired_pred:
            _add_group(counts, None, p)
    return counts


def _mean(sum_count: list[float]) -> float:
    return sum_count[0] / sum_count[1] if sum_count[1] else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _pooled(counts: MacroCounts, roles: tuple[str, ...]) -> dict[str, float]:
    p = _mean([sum(counts.precision[r][0] for r in roles), sum(counts.precision[r][1] for r in roles)])
    r = _mean([sum(counts.recall[x][0] for x in roles), sum(counts.recall[x][1] for x in roles)])
    return {"precision": p, "recall": r, "f1": _f1(p, r)}


def _label_prf(tp_fp_fn: list[int]) -> dict[str, float]:
    tp, fp, fn = tp_fp_fn
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": _f1(p, r)}


def summarise_macro(counts: MacroCounts) -> dict[str, Any]:
    """Per role, "roles" (all but quote) and "joint" (all), plus per quote type and labels."""
    out: dict[str, Any] = {role: _pooled(counts, (role,)) for role in ROLES}
    out["roles"] = _pooled(counts, ROLES[1:])
    out["joint"] = _pooled(counts, ROLES)
    out["by_type"] = {}
    for key, pr in sorted(counts.by_type.items()):
        p, r = _mean(pr["p"]), _mean(pr["r"])
        out["by_type"][key] = {"precision": p, "recall": r, "f1": _f1(p, r)}
    out["type"] = _label_prf(counts.labels["type"])
    out["medium"] = _label_prf(counts.labels["medium"])
    return out
