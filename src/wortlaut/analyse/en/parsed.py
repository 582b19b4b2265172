"""Reported speech from the dependency parse: a reporting verb with a subject and a
clausal complement ("X has argued that …", "X believes the plan …", "X told Y that …")
that the pattern rules did not already attribute."""

from __future__ import annotations

from ..attribution import Attribution, Range
from ..tokens import Doc
from .cues import FINITE, SPEECH_VERBS

# relations that end a speaker phrase: its relative clauses, appositions, prepositional tails
SPEAKER_TAILS = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep"})


def _children(doc: Doc) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in doc.tokens]
    for k, (head, _) in enumerate(doc.deps):
        if head != k:
            kids[head].append(k)
    return kids


def _subtree(kids: list[list[int]], k: int, skip: frozenset[str] = frozenset(), doc: Doc | None = None) -> Range:
    """Token range spanned by k and its descendants (leaving out children by relation ``skip``)."""
    lo = hi = k
    todo = [k]
    while todo:
        j = todo.pop()
        lo, hi = min(lo, j), max(hi, j)
        todo += [c for c in kids[j] if not (skip and doc is not None and doc.deps[c][1] in skip)]
    return lo, hi + 1


def _finite_clause(doc: Doc, kids: list[list[int]], k: int) -> bool:
    return doc.tokens[k].pos in FINITE or any(
        doc.deps[c][1] in ("aux", "auxpass") and doc.tokens[c].pos in FINITE for c in kids[k])


def parse_attributions(doc: Doc, found: list[Attribution], depth: list[int]) -> list[Attribution]:
    """Attributions of reporting verbs outside quotes that no attribution in ``found`` covers."""
    if len(doc.deps) != len(doc.tokens):
        return []
    kids = _children(doc)
    taken = set().union(*(a.quote_tokens() for a in found)) if found else set()
    cues = {k for a in found for x, y in a.cue for k in range(x, y)}
    out = []
    for k, t in enumerate(doc.tokens):
        if depth[k] or k in cues or k in taken or not t.pos.startswith("VB") or t.lemma.lower() not in SPEECH_VERBS:
            continue
        rel = {doc.deps[c][1]: c for c in reversed(kids[k])}
        if "ccomp" not in rel or "nsubj" not in rel:
            continue
        if not _finite_clause(doc, kids, rel["ccomp"]):
            continue  # "expects revenue to grow": no statement
        a, b = _subtree(kids, rel["ccomp"])
        if a < k:
            continue  # "The plan is dead, he said": the rules' business
        if doc.tokens[a].text.lower() == "that":
            a += 1
        while b > a and doc.tokens[b - 1].text in (".", ",", ";", ":", "!", "?"):
            b -= 1
        if b - a < 3 or any(j in taken or depth[j] for j in range(a, b)):
            continue
        s = _subtree(kids, rel["nsubj"], SPEAKER_TAILS, doc)
        if any(depth[j] for j in range(*s)):
            continue
        addressee = _subtree(kids, rel["dobj"], SPEAKER_TAILS, doc) if "dobj" in rel else None
        out.append(Attribution([(a, b)], "indirect", [(k, k + 1)], s, addressee))
        taken.update(range(a, b))
    return out
