"""Token features for the trained attribution tagger.

Each token gets a list of string features: its own form, POS and lemma, its
neighbours', where it stands in quotation marks, and how near it is to a cue
word in its sentence. ``cue_lemmas`` is learned from the training data and
shipped with the model, so the tagger and its features stay in step.
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass
class _DocFacts:
    """What the features of every token read: per-token flags and per-sentence facts."""

    lower: list[str]
    rules: list[str]
    depth: list[int]
    span_len: list[int]  # length of the innermost mark span a token is in (titles are short)
    is_cue: list[bool]
    konj: list[bool]
    hearsay: list[bool]
    cue_dist: list[str]  # direction and distance bucket of the nearest cue in the sentence
    segrel: list[str]  # comma segment relative to the nearest cue's segment
    sent_cue: list[bool]
    sent_konj: list[bool]
    sent_rule: list[str]  # the rule tagger's quote kind in each sentence
    sent_mark: list[bool]
    sent_hearsay: list[bool]
    para_start: list[bool]


def token_features(doc: Doc, cue_lemmas: frozenset[str] = frozenset(), rule_atts: list[Attribution] | None = None) -> list[list[str]]:
    facts = doc_facts(doc, cue_lemmas, rule_attribute(doc) if rule_atts is None else rule_atts)
    feats = []
    for k in range(len(doc.tokens)):
        f = own_features(doc, facts, k) + window_features(doc, facts, k)
        feats.append([x for x in f if x])
    return feats


def doc_facts(doc: Doc, cue_lemmas: frozenset[str], rule_atts: list[Attribution]) -> _DocFacts:
    toks = doc.tokens
    n = len(toks)
    spans = find_mark_spans(doc)
    span_len = [0] * n
    for s in spans:
        a, b = s.outer
        for k in range(a, b):
            span_len[k] = b - a
    lower = [t.text.lower() for t in toks]
    ns = len(doc.sentences)
    facts = _DocFacts(
        lower=lower,
        rules=rule_labels(doc, rule_atts),
        depth=mark_depths(doc, spans),
        span_len=span_len,
        is_cue=[
            (t.lemma in cue_lemmas or t.lemma in SPEECH_VERBS) and t.pos.startswith("V") or lower[k] in PREPOSITION_CUES
            for k, t in enumerate(toks)
        ],
        konj=[lower[k] in KONJUNKTIV_I or _konjunktiv_shape(t) for k, t in enumerate(toks)],
        hearsay=[w in REPORTATIVE for w in lower],
        cue_dist=["none"] * n,
        segrel=["none"] * n,
        sent_cue=[False] * ns,
        sent_konj=[False] * ns,
        sent_rule=["-"] * ns,
        sent_mark=[False] * ns,
        sent_hearsay=[False] * ns,
        para_start=[a == 0 or "\n" in toks[a - 1].space_after for a, _ in doc.sentences],
    )
    for s, (a, b) in enumerate(doc.sentences):
        _sentence_facts(doc, facts, s, a, b)
    return facts


def _sentence_facts(doc: Doc, facts: _DocFacts, s: int, a: int, b: int) -> None:
    """Fill sentence ``s``'s facts and its tokens' positions relative to its cues."""
    cues = [k for k in range(a, b) if facts.is_cue[k]]
    facts.sent_cue[s] = bool(cues)
    facts.sent_konj[s] = any(facts.konj[a:b])
    facts.sent_rule[s] = next((r for r in facts.rules[a:b] if r.startswith("q")), "-")
    facts.sent_mark[s] = any(facts.depth[a:b])
    facts.sent_hearsay[s] = any(facts.hearsay[a:b])
    if not cues:
        return
    segs = comma_segments(doc, a, b, facts.depth)
    cue_segs = {segs[c - a] for c in cues}
    for k in range(a, b):
        rel = min((segs[k - a] - c for c in cue_segs), key=abs)
        facts.segrel[k] = str(max(-3, min(3, rel)))
        c = min(cues, key=lambda c: abs(c - k))
        facts.cue_dist[k] = ("L" if c > k else "R" if c < k else "=") + _bucket(abs(c - k))


def comma_segments(doc: Doc, a: int, b: int, depth: list[int]) -> list[int]:
    """For each token of a..b-1, how many , : ; outside quotation marks precede it."""
    seg, segs = 0, []
    for k in range(a, b):
        segs.append(seg)
        if doc.tokens[k].text in ",:;" and not depth[k]:
            seg += 1
    return segs


def own_features(doc: Doc, facts: _DocFacts, k: int) -> list[str]:
    """The token itself, its sentence and the sentences either side; "" where a flag is off."""
    t = doc.tokens[k]
    low = facts.lower[k]
    s = t.sent
    a, b = doc.sentences[s]
    return [
        "b",
        "w=" + low,
        "suf3=" + low[-3:],
        "shape=" + _shape(t.text),
        "pos=" + t.pos,
        "lem=" + t.lemma.lower(),
        "depth=" + str(min(facts.depth[k], 2)),
        "span=" + _bucket(facts.span_len[k]) if facts.depth[k] else "span=-",
        "cue" if facts.is_cue[k] else "nocue",
        "konj" if facts.konj[k] else "",
        "cuedist=" + facts.cue_dist[k],
        "segrel=" + facts.segrel[k],
        "sfirst=" + facts.lower[a],
        "scue=" + str(facts.sent_cue[s]),
        "skonj=" + str(facts.sent_konj[s]),
        "smark=" + str(facts.sent_mark[s]),
        "shearsay=" + str(facts.sent_hearsay[s]),
        "hearsay" if facts.hearsay[k] else "",
        *_neighbour_sentence_features(doc, facts, s),
        "pfirst" if k == a and facts.para_start[s] else "",
        "nsmark=" + str(facts.sent_mark[s + 1]) if s + 1 < len(doc.sentences) else "nsmark=EOD",
        "first" if k == a else "",
        "last" if k == b - 1 else "",
        "pron" if low in PRONOUNS else "",
        "mark" if t.text in MARKS else "",
        "nl" if "\n" in t.space_after else "",
        "rule=" + facts.rules[k],
        "rule-1=" + (facts.rules[k - 1] if k else "BOS"),
        "rule+1=" + (facts.rules[k + 1] if k + 1 < len(doc.tokens) else "EOS"),
    ]


def _neighbour_sentence_features(doc: Doc, facts: _DocFacts, s: int) -> list[str]:
    """Cue, mood and rule quote kind of the previous sentence, and rule kinds of this and the next."""
    prev = [
        "pscue=" + str(facts.sent_cue[s - 1]),
        "pskonj=" + str(facts.sent_konj[s - 1]),
        "psrule=" + facts.sent_rule[s - 1],
    ] if s else ["pscue=BOD", "pskonj=BOD", "psrule=BOD"]
    nxt = "nsrule=" + facts.sent_rule[s + 1] if s + 1 < len(doc.sentences) else "nsrule=EOD"
    return prev + ["srule=" + facts.sent_rule[s], nxt]


def window_features(doc: Doc, facts: _DocFacts, k: int) -> list[str]:
    """The words, POS, cue and mark depth of the tokens up to three either side."""
    toks, lower = doc.tokens, facts.lower
    n = len(toks)
    t = toks[k]
    f = []
    for off in (-3, -2, -1, 1, 2, 3):
        j = k + off
        if not 0 <= j < n:
            f.append(str(off) + "BOUND")
            continue
        o = str(off)
        f.append(o + "w=" + lower[j])
        f.append(o + "pos=" + toks[j].pos)
        if abs(off) <= 2:
            f.append(o + "cue=" + str(facts.is_cue[j]))
            f.append(o + "depth=" + str(min(facts.depth[j], 2)))
            f.append(o + "w|pos=" + lower[j] + "|" + t.pos)  # the neighbour's word, this token's POS
    f.append("w|-1w=" + lower[k] + "|" + (lower[k - 1] if k else "BOS"))
    f.append("pos|-1pos|1pos=" + t.pos + "|" + (toks[k - 1].pos if k else "") + "|" + (toks[k + 1].pos if k + 1 < n else ""))
    return f
