"""Token features for the trained attribution tagger.

Each token gets a list of string features: its own form, POS and lemma, its
neighbours', where it stands in quotation marks, and how near it is to a cue
word in its sentence. ``cue_lemmas`` is learned from the training data and
shipped with the model, so the tagger and its features stay in step.
"""

from __future__ import annotations

from ..attribution import Attribution
from .cues import KONJUNKTIV_I, PREPOSITION_CUES, PRONOUNS, SPEECH_VERBS
from .rules import attribute as rule_attribute
from ...lexicon.marks import MARKS
from ..quotes import find_mark_spans, mark_depths
from ..tokens import Doc

# Bump when token_features, role_features or the rules and word lists they read
# change what a token's features are: a model trained on other features must be
# retrained (training.json records the version it saw).
FEATURES_VERSION = 1

# modal forms that report hearsay ("soll … gewesen sein") or distance ("würde")
REPORTATIVE = frozenset({"soll", "sollen", "sollte", "sollten", "würde", "würden", "hätte", "hätten", "wäre", "wären"})


def _shape(w: str) -> str:
    if w.isdigit():
        return "d"
    if w[0].isupper():
        return "X" if len(w) == 1 or w[1:].islower() else "XX"
    if w[0].islower():
        return "x"
    return w if len(w) == 1 else "p"


def _bucket(n: int) -> str:
    return str(n) if n < 4 else ("4-7" if n < 8 else "8+")


def _konjunktiv_shape(t) -> bool:
    """A finite verb in -e that is not its own lemma or a past form: "stamme", "gebe", "liege"."""
    w = t.text.lower()
    return "FIN" in t.pos and w.endswith("e") and not w.endswith("te") and w != t.lemma.lower()


def rule_labels(doc: Doc, rule_atts: list[Attribution]) -> list[str]:
    """What the rule tagger says of each token: the hybrid model's strongest hint."""
    labels = ["-"] * len(doc.tokens)
    for att in rule_atts:
        for a, b in att.quote:
            for k in range(a, b):
                labels[k] = "q" + att.kind
        for a, b in att.cue:
            for k in range(a, b):
                labels[k] = "cue"
        if att.speaker:
            for k in range(*att.speaker):
                if not labels[k].endswith("spk"):
                    labels[k] = "spk" if labels[k] == "-" else labels[k] + "+spk"
    return labels


def token_features(doc: Doc, cue_lemmas: frozenset[str] = frozenset(), rule_atts: list[Attribution] | None = None) -> list[list[str]]:
    toks = doc.tokens
    n = len(toks)
    rules = rule_labels(doc, rule_attribute(doc) if rule_atts is None else rule_atts)
    spans = find_mark_spans(doc)
    depth = mark_depths(doc, spans)
    span_len = [0] * n  # length of the innermost mark span a token is in (titles are short)
    for s in spans:
        a, b = s.outer
        for k in range(a, b):
            span_len[k] = b - a

    lower = [t.text.lower() for t in toks]
    is_cue = [
        (t.lemma in cue_lemmas or t.lemma in SPEECH_VERBS) and t.pos.startswith("V") or lower[k] in PREPOSITION_CUES
        for k, t in enumerate(toks)
    ]
    konj = [lower[k] in KONJUNKTIV_I or _konjunktiv_shape(t) for k, t in enumerate(toks)]
    hearsay = [lower[k] in REPORTATIVE for k in range(n)]

    # sentence-level facts, and nearest cue distance within the sentence
    sent_cue = [False] * len(doc.sentences)
    sent_konj = [False] * len(doc.sentences)
    sent_rule = ["-"] * len(doc.sentences)  # the rule tagger's quote kind in each sentence
    para_start = [a == 0 or "\n" in toks[a - 1].space_after for a, _ in doc.sentences]
    sent_mark = [False] * len(doc.sentences)
    sent_hearsay = [False] * len(doc.sentences)
    cue_dist = ["none"] * n
    segrel = ["none"] * n  # comma-segment of the token relative to the nearest cue's segment
    for s, (a, b) in enumerate(doc.sentences):
        cues = [k for k in range(a, b) if is_cue[k]]
        seg, segs = 0, []
        for k in range(a, b):
            segs.append(seg)
            if toks[k].text in ",:;" and not depth[k]:
                seg += 1
        cue_segs = {segs[c - a] for c in cues}
        for k in range(a, b):
            if cue_segs:
                rel = min((segs[k - a] - c for c in cue_segs), key=abs)
                segrel[k] = str(max(-3, min(3, rel)))
        sent_cue[s] = bool(cues)
        sent_konj[s] = any(konj[a:b])
        sent_rule[s] = next((r for r in rules[a:b] if r.startswith("q")), "-")
        sent_mark[s] = any(depth[a:b])
        sent_hearsay[s] = any(hearsay[a:b])
        for k in range(a, b):
            if cues:
                c = min(cues, key=lambda c: abs(c - k))
                cue_dist[k] = ("L" if c > k else "R" if c < k else "=") + _bucket(abs(c - k))

    feats: list[list[str]] = []
    for k, t in enumerate(toks):
        w = t.text
        s = t.sent
        a, b = doc.sentences[s]
        f = [
            "b",
            "w=" + lower[k],
            "suf3=" + lower[k][-3:],
            "shape=" + _shape(w),
            "pos=" + t.pos,
            "lem=" + t.lemma.lower(),
            "depth=" + str(min(depth[k], 2)),
            "span=" + _bucket(span_len[k]) if depth[k] else "span=-",
            "cue" if is_cue[k] else "nocue",
            "konj" if konj[k] else "",
            "cuedist=" + cue_dist[k],
            "segrel=" + segrel[k],
            "sfirst=" + lower[a],
            "scue=" + str(sent_cue[s]),
            "skonj=" + str(sent_konj[s]),
            "smark=" + str(sent_mark[s]),
            "shearsay=" + str(sent_hearsay[s]),
            "hearsay" if hearsay[k] else "",
            "pscue=" + str(sent_cue[s - 1]) if s else "pscue=BOD",
            "pskonj=" + str(sent_konj[s - 1]) if s else "pskonj=BOD",
            "psrule=" + sent_rule[s - 1] if s else "psrule=BOD",
            "srule=" + sent_rule[s],
            "nsrule=" + sent_rule[s + 1] if s + 1 < len(doc.sentences) else "nsrule=EOD",
            "pfirst" if k == a and para_start[s] else "",
            "nsmark=" + str(sent_mark[s + 1]) if s + 1 < len(doc.sentences) else "nsmark=EOD",
            "first" if k == a else "",
            "last" if k == b - 1 else "",
            "pron" if lower[k] in PRONOUNS else "",
            "mark" if w in MARKS else "",
            "nl" if "\n" in t.space_after else "",
            "rule=" + rules[k],
            "rule-1=" + (rules[k - 1] if k else "BOS"),
            "rule+1=" + (rules[k + 1] if k + 1 < n else "EOS"),
        ]
        for off in (-3, -2, -1, 1, 2, 3):
            j = k + off
            if 0 <= j < n:
                o = str(off)
                f.append(o + "w=" + lower[j])
                f.append(o + "pos=" + toks[j].pos)
                if abs(off) <= 2:
                    f.append(o + "cue=" + str(is_cue[j]))
                    f.append(o + "depth=" + str(min(depth[j], 2)))
                    f.append(o + "w|pos=" + lower[j] + "|" + t.pos)  # the neighbour's word, this token's POS
            else:
                f.append(str(off) + "BOUND")
        f.append("w|-1w=" + lower[k] + "|" + (lower[k - 1] if k else "BOS"))
        f.append("pos|-1pos|1pos=" + t.pos + "|" + (toks[k - 1].pos if k else "") + "|" + (toks[k + 1].pos if k + 1 < n else ""))
        feats.append([x for x in f if x])
    return feats
