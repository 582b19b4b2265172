"""Statements attributed after the fact: "Airbus startet am Mittwoch. Dies gab Airbus
bekannt." / "Das geht aus einem Bericht der Polizei hervor."

A sentence that opens with a demonstrative and a speech verb names the source of
the sentence before it. The corpus draws the earlier sentence, without its final
stop, and the demonstrative as the quote; the verb (with its particle) is the cue
and the phrase after it the speaker. Nothing near the earlier sentence marks it as
a statement, so the taggers rarely find it.
"""

from __future__ import annotations

from ...lexicon.time_words import DE_TEMPORAL
from ..attribution import Attribution, Range
from ..tokens import Doc
from .cues import NEEDS_PARTICLE, PARTICLE_VERBS, SPEECH_VERBS
from .prepositional import FINAL, MIN_QUOTE
from .rules import np_at
from .tags import finite_verb, stts

DEMONSTRATIVES = frozenset({"dies", "das", "dieses", "davon", "daraus"})
# "Dies geht aus dem Bericht hervor", "Davon geht die Polizei aus"
SOURCE_VERBS = {"gehen": ("hervor", "aus")}


def _particle(doc: Doc, verb: int, b: int) -> int | None:
    """The separable particle closing the clause of ``verb``, if any."""
    k = b - 1 if doc.tokens[b - 1].text in FINAL else b
    k -= 1
    return k if k > verb and doc.tokens[k].pos == "PTKVZ" else None


def _cue(doc: Doc, verb: int, b: int) -> list[Range] | None:
    """The verb and its particle when together they introduce speech ("gab … bekannt")."""
    lemma = doc.tokens[verb].lemma.lower()
    particle = _particle(doc, verb, b)
    word = doc.tokens[particle].text.lower() if particle is not None else ""
    if lemma in SOURCE_VERBS:
        ok = word in SOURCE_VERBS[lemma]
    elif lemma in NEEDS_PARTICLE:
        ok = PARTICLE_VERBS.get(word, "").endswith(lemma)
    else:
        ok = lemma in SPEECH_VERBS
    if not ok:
        return None
    return [(verb, verb + 1)] + ([(particle, particle + 1)] if particle is not None else [])


def _source(doc: Doc, k: int, end: int) -> Range | None:
    """The phrase naming the source after the verb: a noun phrase, or the one after
    "aus", with a place or medium after it ("Airbus im französischen Toulouse")
    but not a time ("am Montag")."""
    while k < end and stts(doc.tokens[k].pos) in ("ADV", "PTKNEG"):
        k += 1
    if k < end and doc.tokens[k].text.lower() == "aus":
        k += 1
    np = np_at(doc, k, end)
    if np is None:
        return None
    j = np[1]
    if j < end and doc.tokens[j].pos in ("APPR", "APPRART"):
        pp = np_at(doc, j + 1, end)
        if pp is not None and pp[1] == end and not any(t.text.lower() in DE_TEMPORAL for t in doc.tokens[j:end]):
            return (np[0], end)
    return np


def _attribution(doc: Doc, s: int) -> Attribution | None:
    a, b = doc.sentences[s]
    if b - a < 3 or doc.tokens[a].text.lower() not in DEMONSTRATIVES or not finite_verb(doc, a + 1):
        return None
    cue = _cue(doc, a + 1, b)
    if cue is None:
        return None
    end = cue[-1][0] if len(cue) > 1 else (b - 1 if doc.tokens[b - 1].text in FINAL else b)
    pa, pb = doc.sentences[s - 1]
    stop = pb - 1 if doc.tokens[pb - 1].text in FINAL else pb
    if stop - pa < MIN_QUOTE or not any(finite_verb(doc, k) for k in range(pa, stop)):
        return None
    return Attribution([(pa, stop), (a, a + 1)], "indirect", cue, _source(doc, a + 2, end))


def anaphoric_statements(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """Statements named by a following "Dies/Das <speech verb> X" sentence, where
    neither sentence holds a statement yet."""
    taken = {doc.tokens[k].sent for att in atts for x, y in att.quote for k in range(x, y)}
    extra = []
    for s in range(1, len(doc.sentences)):
        if s in taken or s - 1 in taken:
            continue
        att = _attribution(doc, s)
        if att is not None:
            extra.append(att)
    return sorted(atts + extra, key=lambda att: att.start) if extra else atts
