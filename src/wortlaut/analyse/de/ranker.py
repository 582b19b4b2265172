"""The speaker of a free indirect statement, chosen among the mentions before it.

A free indirect statement has no cue of its own; the corpus gives it the speaker
it carries on, written as a mention in the sentences before it: mostly the last
statement's speaker, but often the subject of the narrative sentence that
introduced the speaker ("Pflugbeil war mehrmals in Japan …. Einige Vertreter
würden die Lage verharmlosen."), or a statement's speaker further back. Each
candidate (the last statements' speakers, the subjects of the previous
sentences) gets features: where it comes
from, how far back it is, whether a paragraph ends in between, what kind of
phrase it is. A log-linear model over the candidates of one statement, trained
on the corpus's train split, picks one.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from ..attribution import Attribution, Range
from ..tokens import Doc
from .sentences import sentence_subject, whole_vorfeld

SPEAKER_MODEL = "speakers.json"
STATEMENTS_BACK = 3  # the speakers of this many statements before are candidates
SENTENCES_BACK = 3  # and the subjects of this many sentences before


def _distance(d: int) -> str:
    return str(d) if d < 4 else "4+"


def _shape(doc: Doc, r: Range) -> list[str]:
    toks = doc.tokens[r[0] : r[1]]
    n = len(toks)
    out = ["len=" + ("1" if n == 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8+"), "first=" + toks[0].pos]
    if n == 1 and toks[0].pos in ("PPER", "PDS", "PRELS"):
        out.append("pronoun")
    if any(t.pos.startswith("NE") for t in toks):
        out.append("name")
    if toks[0].pos in ("APPR", "APPRART") or toks[0].text.lower() in ("man", "es"):
        out.append("not_np")
    return out


def candidates(doc: Doc, before: list[Attribution], att: Attribution, paragraph: list[int]) -> dict[Range, set[str]]:
    """Each mention ``att`` may carry on, with its features: ``before`` are the
    statements before it in their order, ``paragraph`` each token's paragraph."""
    a = att.start
    s = doc.tokens[a].sent
    found: dict[Range, set[str]] = {}

    def add(r: Range, *sources: str) -> None:
        d = _distance(s - doc.tokens[r[0]].sent)
        feats = found.setdefault(r, set())
        feats.update({*sources, f"{sources[0]}&d={d}", "d=" + d})
        if paragraph[r[0]] != paragraph[a]:
            feats.update({"new_par", f"{sources[0]}&new_par"})

    seen: list[Range] = []
    for x in reversed(before):
        if x.speaker is None or x.speaker in seen:
            continue
        seen.append(x.speaker)
        if x.speaker[1] <= a:  # not one inside or after the statement itself
            add(x.speaker, f"stmt{len(seen)}", f"stmt_kind={x.kind}", "stmt_cued" if x.cue else "stmt_uncued")
        if len(seen) == STATEMENTS_BACK:
            break
    for back in range(1, SENTENCES_BACK + 1):
        if s - back < 0:
            break
        sa, sb = doc.sentences[s - back]
        subject = sentence_subject(doc, sa, sb)
        if subject is not None:
            add(whole_vorfeld(doc, subject, sb), "subject")
    for r, feats in found.items():
        feats.update(_shape(doc, r))
        feats.add("bias")
    return found


class SpeakerRanker:
    """Weights per candidate feature, from ``speakers.json``."""

    def __init__(self, path: Path):
        self.weights: dict[str, float] = json.loads(Path(path).read_text(encoding="utf-8"))["weights"]

    def score(self, feats: set[str]) -> float:
        return math.fsum(self.weights.get(f, 0.0) for f in feats)

    def __call__(self, doc: Doc, atts: list[Attribution]) -> list[Attribution]:
        """Every free indirect statement without a cue that carries on a speaker takes
        its best-scored candidate instead (one with nobody before it is left alone:
        there it is mostly narration)."""
        paragraph = doc.paragraphs()
        ordered = sorted(atts, key=lambda x: x.start)
        for k, att in enumerate(ordered):
            if att.kind == "free" and not att.cue and att.speaker is not None:
                found = candidates(doc, ordered[:k], att, paragraph)
                if found:
                    att.speaker = max(found, key=lambda r: (self.score(found[r]), r[0]))
        return atts
