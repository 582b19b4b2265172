"""Statements without a cue, found a sentence at a time.

About a third of the corpus's statements have no cue: a reported sentence
names its speaker inside itself ("Die Richter weisen auf … hin."), a free
indirect one carries on the previous speaker in the subjunctive or with
"soll". The token tagger misses most of them, since nothing near them marks a
quote. A second CRF labels whole sentences of a document (R reported, F free
indirect, D/I the cued kinds the token tagger handles, O none) from what each
sentence holds and what the rules make of it; the labels of neighbouring
sentences are linked, so a free indirect run after a cued statement is learned.
Where it is confident and the token tagger found nothing in the sentence, the
whole sentence becomes a statement.
"""

from __future__ import annotations

from pathlib import Path

from ...lexicon.marks import MARKS
from ..attribution import Attribution, Range
from ..tokens import Doc
from .cues import KONJUNKTIV_I
from .prepositional import framed_cueless
from .rules import first_np, np_at

SENTENCE_MODEL = "sentences.crfsuite"
KIND_OF_SENTENCE = {"R": "reported", "F": "free"}
# a reported sentence needs more certainty than a free indirect one: a wrong one
# costs its quote and its speaker, and reported sentences look like narration
MIN_MARGINAL = {"R": 0.6, "F": 0.9}
HEARSAY = frozenset({"soll", "sollen", "sollte", "sollten", "würde", "würden", "hätte", "hätten", "wäre", "wären", "habe", "sei", "seien"})
CONTENT_POS = ("VV", "VM", "NN", "ADV", "KOUS", "PTKVZ", "APPR", "PPER", "PROAV")


def _summary(doc: Doc, a: int, b: int, rule_kind: list[str]) -> list[str]:
    """Features of a sentence that its neighbours also see."""
    toks = doc.tokens[a:b]
    lower = [t.text.lower() for t in toks]
    out = []
    if any(w in KONJUNKTIV_I for w in lower):
        out.append("konj")
    if any(w in HEARSAY for w in lower):
        out.append("hearsay")
    if any(t.text in MARKS for t in toks):
        out.append("marks")
    kinds = {rule_kind[k] for k in range(a, b)} - {"-"}
    out.extend("rq=" + k for k in sorted(kinds))
    if not kinds:
        out.append("rq=none")
    return out


def _rule_kinds(doc: Doc, rule_atts: list[Attribution]) -> tuple[list[str], set[int]]:
    kind = ["-"] * len(doc.tokens)
    cue_sents: set[int] = set()
    for att in rule_atts:
        for a, b in att.quote:
            for k in range(a, b):
                kind[k] = att.kind
        for a, _ in att.cue:
            cue_sents.add(doc.tokens[a].sent)
    return kind, cue_sents


def sentence_features(doc: Doc, rule_atts: list[Attribution], cue_lemmas: frozenset[str]) -> list[list[str]]:
    """One feature list per sentence of ``doc``."""
    rule_kind, cue_sents = _rule_kinds(doc, rule_atts)
    summaries = [_summary(doc, a, b, rule_kind) for a, b in doc.sentences]
    out = []
    for s, (a, b) in enumerate(doc.sentences):
        toks = doc.tokens[a:b]
        f = ["bias", *summaries[s]]
        f.append("len=" + ("1-5" if b - a <= 5 else "6-12" if b - a <= 12 else "13-25" if b - a <= 25 else "26+"))
        first = toks[0]
        f.append("first=" + first.text.lower())
        f.append("firstpos=" + first.pos)
        if len(toks) > 1:
            f.append("first2pos=" + first.pos + "_" + toks[1].pos)
        f.append("last=" + toks[-1].text)
        if a == 0 or "\n" in doc.tokens[a - 1].space_after:
            f.append("par_start")
        if s in cue_sents:
            f.append("rule_cue")
        for t in toks:
            lemma = t.lemma.lower()
            if t.pos.startswith(CONTENT_POS):
                f.append("w=" + lemma)
            if lemma in cue_lemmas:
                f.append("cl=" + lemma)
            if t.pos.startswith("VV") and "FIN" in t.pos:
                f.append("vfin=" + lemma)
        for off in (-1, 1):
            j = s + off
            if 0 <= j < len(summaries):
                f.extend(f"{off}:{x}" for x in summaries[j])
                if j in cue_sents:
                    f.append(f"{off}:rule_cue")
            else:
                f.append(f"{off}:BOUND")
        out.append(sorted(set(f)))
    return out


def sentence_labels(doc: Doc, qlabels: list[str]) -> list[str]:
    """Gold sentence labels from gold token labels: the kind covering most of a sentence."""
    out = []
    for a, b in doc.sentences:
        counts: dict[str, int] = {}
        for lab in qlabels[a:b]:
            if lab != "O":
                counts[lab[2:]] = counts.get(lab[2:], 0) + 1
        best = max(counts, key=counts.get, default="O")
        out.append(best if counts.get(best, 0) * 2 >= b - a else "O")
    return out


class SentenceTagger:
    def __init__(self, path: Path):
        import pycrfsuite

        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))
        self.known = set(self.tagger.labels())  # a small training set may not have every label

    def confident(self, feats: list[list[str]]) -> list[str]:
        """Per sentence: R or F where the model is confident enough, else O."""
        if not feats:
            return []
        self.tagger.set(feats)
        out = []
        for s in range(len(feats)):
            best = "O"
            for lab, need in MIN_MARGINAL.items():
                if lab in self.known and self.tagger.marginal(lab, s) >= need:
                    best = lab
            out.append(best)
        return out


def sentence_subject(doc: Doc, a: int, b: int) -> Range | None:
    """The subject of a main clause: the opening noun phrase, or after a fronted
    adverbial the one right after the finite verb ("In der Begründung weisen die Richter …")."""
    np = first_np(doc, a, b)
    if np is not None:
        return np
    for k in range(a, b):
        if "FIN" in doc.tokens[k].pos:
            j = k + 1
            while j < b and doc.tokens[j].pos in ("ADV", "PTKNEG"):
                j += 1
            if j < b and doc.tokens[j].pos == "PPER":
                return (j, j + 1)
            return np_at(doc, j, b) if j < b else None
    return None


VORFELD_MAX = 8


def whole_vorfeld(doc: Doc, speaker: Range, b: int) -> Range:
    """"Eine Reporterin von n24 sprach …", "Petra Pau, PDS-Bundestagsabgeordnete,
    spricht …": a subject opening its sentence is the whole field before the finite
    verb (German puts one phrase there), when that field holds no clause of its own."""
    a, e = speaker
    verb = next((k for k in range(e, min(b, a + VORFELD_MAX + 1)) if "FIN" in doc.tokens[k].pos), None)
    if verb is None or verb == e or doc.sentences[doc.tokens[a].sent][0] != a:
        return speaker
    gap = doc.tokens[e:verb]
    if any(t.pos in ("KOUS", "PRELS", "PWS", "PWAV", "KON") or t.text in (".", ":", ";", "„", "“", '"') for t in gap):
        return speaker
    end = verb - 1 if doc.tokens[verb - 1].text == "," else verb
    commas = [t for t in doc.tokens[e:end] if t.text == ","]
    if not commas or (len(commas) == 1 and doc.tokens[e].text == "," and end - e >= 2):
        return (a, end)
    return speaker


def _body(doc: Doc, a: int, b: int) -> Range:
    """The sentence without the line-leading dash or bullet some articles use."""
    while a < b - 1 and doc.tokens[a].text in ("-", "–", "•", "*"):
        a += 1
    return (a, b)


def add_uncued(doc: Doc, atts: list[Attribution], labels: list[str], speakers: list[Range]) -> list[Attribution]:
    """Sentence-level statements where the token tagger found nothing in the sentence.

    A reported sentence takes the role layer's speaker inside it, else its
    subject; a free indirect one the speaker of the last statement before it.
    """
    taken = {doc.tokens[k].sent for att in atts for a, b in att.quote for k in range(a, b)}
    by_start = sorted(atts, key=lambda att: att.start)
    extra: list[Attribution] = []
    for s, lab in enumerate(labels):
        if lab == "O" or s in taken:
            continue
        a, b = _body(doc, *doc.sentences[s])
        att = Attribution([(a, b)], KIND_OF_SENTENCE[lab])
        if lab == "R":
            inside = [r for r in speakers if a <= r[0] and r[1] <= b]
            att.speaker = inside[0] if inside else sentence_subject(doc, a, b)
            if att.speaker is not None:
                att.speaker = whole_vorfeld(doc, att.speaker, b)
        else:
            before = [x for x in by_start + extra if x.start < a and x.speaker is not None]
            if not before:
                continue  # free indirect speech with nobody before it to carry on
            att.speaker = max(before, key=lambda x: x.start).speaker
        extra.append(att)
    return framed_cueless(doc, sorted(atts + extra, key=lambda att: att.start))
