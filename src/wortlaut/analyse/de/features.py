"""Token features for the trained attribution tagger.

Each token gets a list of string features: its own form, POS and lemma, its
neighbours', where it stands in quotation marks, and how near it is to a cue
word in its sentence. ``cue_lemmas`` is learned from the training data and
shipped with the model, so the tagger and its features stay in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

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
    # feature strings built once per document: each token as its neighbours see it
    # (``_NeighbourView``) and each sentence's features that all its tokens share
    seen: list[tuple] = field(default_factory=list)
    sent_features: list[tuple[tuple[str, ...], tuple[str, ...], str]] = field(default_factory=list)


def token_features(doc: Doc, cue_lemmas: frozenset[str] = frozenset(), rule_atts: list[Attribution] | None = None) -> list[list[str]]:
    facts = doc_facts(doc, cue_lemmas, rule_attribute(doc) if rule_atts is None else rule_atts)
    return [own_features(doc, facts, k) + window_features(doc, facts, k) for k in range(len(doc.tokens))]


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
    facts.seen = [
        (_word_seen(lower[k]), _pos_seen(t.pos), facts.is_cue[k], min(facts.depth[k], 2)) for k, t in enumerate(toks)
    ]
    facts.sent_features = [_sentence_strings(doc, facts, s) for s in range(ns)]
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


def _sentence_strings(doc: Doc, facts: _DocFacts, s: int) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """Sentence ``s``'s features every token in it shares: its own facts, its neighbours',
    and whether the next one has quotation marks."""
    a, _ = doc.sentences[s]
    own = (
        "sfirst=" + facts.lower[a],
        "scue=" + str(facts.sent_cue[s]),
        "skonj=" + str(facts.sent_konj[s]),
        "smark=" + str(facts.sent_mark[s]),
        "shearsay=" + str(facts.sent_hearsay[s]),
    )
    return own, _neighbour_sentence_features(doc, facts, s), (
        "nsmark=" + str(facts.sent_mark[s + 1]) if s + 1 < len(doc.sentences) else "nsmark=EOD"
    )


def own_features(doc: Doc, facts: _DocFacts, k: int) -> list[str]:
    """The token itself, its sentence and the sentences either side (flags only where on)."""
    t = doc.tokens[k]
    s = t.sent
    a, b = doc.sentences[s]
    head, tail = _form_features(t.text)
    sent_own, sent_around, next_mark = facts.sent_features[s]
    depth = facts.depth[k]
    return [
        *head,
        _pos_feature(t.pos),
        _lemma_feature(t.lemma),
        DEPTH_FEATURES[min(depth, 2)],
        _span_feature(facts.span_len[k]) if depth else "span=-",
        "cue" if facts.is_cue[k] else "nocue",
        *(("konj",) if facts.konj[k] else ()),
        "cuedist=" + facts.cue_dist[k],
        "segrel=" + facts.segrel[k],
        *sent_own,
        *(("hearsay",) if facts.hearsay[k] else ()),
        *sent_around,
        *(("pfirst",) if k == a and facts.para_start[s] else ()),
        next_mark,
        *(("first",) if k == a else ()),
        *(("last",) if k == b - 1 else ()),
        *tail,
        *(("nl",) if "\n" in t.space_after else ()),
        *_rule_features(facts.rules[k], facts.rules[k - 1] if k else "BOS", facts.rules[k + 1] if k + 1 < len(doc.tokens) else "EOS"),
    ]


def _neighbour_sentence_features(doc: Doc, facts: _DocFacts, s: int) -> tuple[str, ...]:
    """Cue, mood and rule quote kind of the previous sentence, and rule kinds of this and the next."""
    prev = (
        "pscue=" + str(facts.sent_cue[s - 1]),
        "pskonj=" + str(facts.sent_konj[s - 1]),
        "psrule=" + facts.sent_rule[s - 1],
    ) if s else ("pscue=BOD", "pskonj=BOD", "psrule=BOD")
    nxt = "nsrule=" + facts.sent_rule[s + 1] if s + 1 < len(doc.sentences) else "nsrule=EOD"
    return (*prev, "srule=" + facts.sent_rule[s], nxt)


OFFSETS = (-3, -2, -1, 1, 2, 3)
NEAR = (False, True, True, True, True, False)  # offsets whose cue, depth and word|POS count
BOUND = tuple(f"{o}BOUND" for o in OFFSETS)
CUE_SEEN = tuple((f"{o}cue=False", f"{o}cue=True") for o in OFFSETS)
DEPTH_SEEN = tuple(tuple(f"{o}depth={d}" for d in range(3)) for o in OFFSETS)
DEPTH_FEATURES = tuple(f"depth={d}" for d in range(3))


def window_features(doc: Doc, facts: _DocFacts, k: int) -> list[str]:
    """The words, POS, cue and mark depth of the tokens up to three either side."""
    seen, lower = facts.seen, facts.lower
    n = len(seen)
    pos = doc.tokens[k].pos
    f: list[str] = []
    for o, near in enumerate(NEAR):
        j = k + OFFSETS[o]
        if not 0 <= j < n:
            f.append(BOUND[o])
            continue
        words, tags, cue, depth = seen[j]
        f.append(words[o])
        f.append(tags[o])
        if near:
            f += (CUE_SEEN[o][cue], DEPTH_SEEN[o][depth], words[6 + o] + pos)  # the neighbour's word, this token's POS
    f.append("w|-1w=" + lower[k] + "|" + (lower[k - 1] if k else "BOS"))
    f.append("pos|-1pos|1pos=" + pos + "|" + (doc.tokens[k - 1].pos if k else "") + "|" + (doc.tokens[k + 1].pos if k + 1 < n else ""))
    return f


# Feature strings of a word, a tag, a lemma: the same few thousand recur in every
# article, so each is built once per worker.
@lru_cache(maxsize=1 << 16)
def _word_seen(low: str) -> tuple[str, ...]:
    """How a neighbour at each offset shows the lower-cased word: "-3w=…" … "3w=…", then
    the "-3w|pos=…|" … "3w|pos=…|" prefixes the centre token's POS completes."""
    return tuple(f"{o}w={low}" for o in OFFSETS) + tuple(f"{o}w|pos={low}|" for o in OFFSETS)


@lru_cache(maxsize=1 << 10)
def _pos_seen(pos: str) -> tuple[str, ...]:
    return tuple(f"{o}pos={pos}" for o in OFFSETS)


@lru_cache(maxsize=1 << 16)
def _form_features(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The features of a token's form that open its list, and the pronoun and mark flags near its end."""
    low = text.lower()
    head = ("b", "w=" + low, "suf3=" + low[-3:], "shape=" + _shape(text))
    return head, (("pron",) if low in PRONOUNS else ()) + (("mark",) if text in MARKS else ())


@lru_cache(maxsize=1 << 10)
def _pos_feature(pos: str) -> str:
    return "pos=" + pos


@lru_cache(maxsize=1 << 16)
def _lemma_feature(lemma: str) -> str:
    return "lem=" + lemma.lower()


@lru_cache(maxsize=64)
def _span_feature(length: int) -> str:
    return "span=" + _bucket(length)


@lru_cache(maxsize=1 << 10)
def _rule_features(rule: str, before: str, after: str) -> tuple[str, str, str]:
    return "rule=" + rule, "rule-1=" + before, "rule+1=" + after
