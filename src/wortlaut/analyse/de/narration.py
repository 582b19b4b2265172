"""Clauses the taggers take for indirect statements that only narrate.

A relative clause after a cue's object ("… berichtete der Physiker im
Kulturzentrum, [das sich in der Bernhardstraße befindet]", "Er verteidigte einen
Mann, [der wegen Gotteslästerung angeklagt worden war]") describes its noun; it
is no reported content. It is one when it speaks for someone: in the subjunctive
("…, die behandelt werden müsse"), as a zu-infinitive, or with a speech verb of
its own ("…, in dem er Unzufriedenheit als Motiv angab").

"Kritik wurde laut" narrates too: the adjective "laut" is no preposition
framing what stands before it; it can only introduce what follows it.
"""

from __future__ import annotations

from ..attribution import Attribution
from ..tokens import Doc, Token
from .cues import KONJUNKTIV_I, NEEDS_PARTICLE, SPEECH_VERBS
from .sentences import HEARSAY
from .tags import stts

NARRATED_KINDS = ("indirect", "mixed")
RELATIVE_POS = ("PRELS", "PRELAT")
REPORTING_MOOD = KONJUNKTIV_I | HEARSAY | frozenset({"könnte", "könnten", "müsste", "müssten", "dürfte", "dürften"})
CLAUSE_PUNCTUATION = frozenset(".,;:")


def _konjunktiv_i(t: Token) -> bool:
    """"auftrete", "verbiete": the verb stem with -e where the indicative has -t."""
    lemma = t.lemma.lower()
    return stts(t.pos).startswith("VV") and lemma.endswith("en") and t.text.lower() == lemma[:-1]


def _relative_start(doc: Doc, a: int) -> bool:
    """", der …", ", bei dem …": a relative pronoun, alone or after a preposition, after a comma."""
    toks = doc.tokens
    if a == 0 or toks[a - 1].text != "," or a + 1 >= len(toks):
        return False
    first = stts(toks[a].pos)
    return first in RELATIVE_POS or (first in ("APPR", "APPRART") and stts(toks[a + 1].pos) in RELATIVE_POS)


def narrating_relative(doc: Doc, att: Attribution, cue_lemmas: frozenset[str]) -> bool:
    """An indirect statement that is one relative clause, verb-final, in the indicative,
    without a speech verb or a zu-infinitive."""
    if att.kind not in NARRATED_KINDS or len(att.quote) != 1 or not _relative_start(doc, att.quote[0][0]):
        return False
    toks = doc.tokens[att.quote[0][0] : att.quote[0][1]]
    words = [t for t in toks if t.text not in CLAUSE_PUNCTUATION]
    finite = [t for t in toks if "FIN" in t.pos]
    if len(finite) != 1 or not words or words[-1] is not finite[0] or _konjunktiv_i(finite[0]):
        return False  # a main clause follows, or the verb is not last: more than a relative clause
    speech = SPEECH_VERBS | cue_lemmas
    return not any(
        t.text.lower() in REPORTING_MOOD or stts(t.pos) in ("PTKZU", "VVIZU")
        or (stts(t.pos).startswith("VV") and t.lemma.lower() in speech)
        for t in toks
    )


def _ends_phrase(t: Token) -> bool:
    return t.text in CLAUSE_PUNCTUATION or stts(t.pos).startswith("V")


def _before_adjective_laut(doc: Doc, att: Attribution) -> bool:
    """"Schon 2006 war Kritik [laut] geworden.": the only cue is "laut" ending its phrase
    (a stop, a comma or a verb after it), and the quote stands before it."""
    if len(att.cue) != 1 or att.cue[0][1] - att.cue[0][0] != 1:
        return False
    k = att.cue[0][0]
    toks = doc.tokens
    if toks[k].text.lower() != "laut" or (k + 1 < len(toks) and not _ends_phrase(toks[k + 1])):
        return False
    return max(b for _, b in att.quote) <= k


def _reports_its_sentence(doc: Doc, att: Attribution) -> bool:
    """"Andere Rezensenten lobten dagegen die Kameraarbeit, die …": the speaker opens the
    sentence and its speech verb follows, so the sentence reports what the speaker did."""
    if not att.cue or att.speaker is None:
        return False
    a, _ = doc.sentences[doc.tokens[att.quote[0][0]].sent]
    verb = doc.tokens[att.cue[0][0]]
    return att.speaker[0] == a and att.cue[0][0] == att.speaker[1] and verb.lemma.lower() in SPEECH_VERBS - NEEDS_PARTICLE


def drop_narration(doc: Doc, atts: list[Attribution], cue_lemmas: frozenset[str]) -> list[Attribution]:
    """Without the statements before an adjective "laut" and the narrating relative
    clauses; such a clause becomes its sentence's reported statement when the speaker
    and the speech verb open the sentence."""
    out = []
    for att in atts:
        if _before_adjective_laut(doc, att):
            continue
        if not narrating_relative(doc, att, cue_lemmas):
            out.append(att)
        elif _reports_its_sentence(doc, att):
            sentence = doc.sentences[doc.tokens[att.quote[0][0]].sent]
            out.append(Attribution([sentence], "reported", att.cue, att.speaker, att.addressee))
    return out
