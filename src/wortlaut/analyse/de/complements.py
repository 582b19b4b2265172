"""Statements in a complement clause: a zu-infinitive ("Die Regierung plant, die
Befugnisse zu erweitern", "Sie erteilte den Befehl, … zu helfen"), a dass-clause
("Die Ermittlungen ergaben, dass …", "Es war die Rede davon, dass …") or a clause
in the subjunctive ("Lorenzen spekuliert, die Motivation seien …").

A verb or noun of saying, knowing, demanding or intending takes what was said or
intended as a clause after a comma; the corpus draws that clause as an indirect
statement whose cue is the main clause's verbs. The taggers learnt the commonest
of these verbs; this adds the clause where they found nothing in the sentence, or
only a statement without a cue. A
purpose clause ("um … zu") is no statement, nor is "dass" after "dazu führen".
"""

from __future__ import annotations

from ..attribution import Attribution, Range
from ..tokens import Doc
from .cues import KONJUNKTIV_I, NEEDS_PARTICLE, SPEECH_VERBS
from .tags import stts

# verbs (as lemma, a separable one with its particle) whose infinitive object is a statement
INTENT_VERBS = SPEECH_VERBS | frozenset({
    "auffordern", "aufrufen", "anbieten", "beschließen", "beschuldigen", "verdächtigen", "anklagen",
    "bitten", "planen", "beabsichtigen", "vorhaben", "erwägen", "vorschlagen", "empfehlen", "appellieren",
    "androhen", "anordnen", "anweisen", "ermahnen", "drängen", "beauftragen", "zusichern", "ablehnen",
    "entscheiden", "vereinbaren", "verständigen", "einigen", "versprechen", "hoffen", "befürchten",
    "propagieren", "spekulieren",
})
INTENT_NOUNS = frozenset({
    "forderung", "aufforderung", "aufruf", "vorschlag", "angebot", "befehl", "anweisung", "appell", "bitte",
    "vorwurf", "beschuldigung", "ankündigung", "versprechen", "zusage", "absicht", "plan", "beschluss",
    "entscheidung", "vereinbarung", "drohung", "empfehlung",
})
# a dass-clause also reports what was found, shown or expected
KNOWING_VERBS = INTENT_VERBS | frozenset({
    "ausgehen", "wissen", "ergeben", "zeigen", "glauben", "erwarten", "halten", "sehen", "festhalten",
    "vermelden", "belegen", "beweisen", "überzeugen",
})
KNOWING_NOUNS = INTENT_NOUNS | frozenset({
    "aussage", "bericht", "pressemitteilung", "mitteilung", "meldung", "hinweis", "rede", "ergebnis",
    "meinung", "ansicht", "auffassung", "überzeugung", "studie", "brief", "interview", "angabe", "erklärung",
    "vorgabe", "einschätzung", "schätzung",
})
# Konjunktiv II, which reported speech uses where Konjunktiv I looks like the indicative
SUBJUNCTIVE = KONJUNKTIV_I | frozenset({"hätte", "hätten", "wäre", "wären", "würde", "würden", "könnten", "müssten", "sollten"})
EMBEDDING = ("PRELS", "PRELAT", "KOUS", "PWAV", "PWS")
VERB_PARTS = ("VVFIN", "VAFIN", "VMFIN", "VVPP", "VAPP", "VVINF", "VAINF", "PTKVZ")


def _trigger(doc: Doc, a: int, c: int, verbs: frozenset[str], nouns: frozenset[str]) -> int | None:
    """The verb or noun in the main clause [a, c) that takes a statement as its object."""
    particles = [doc.tokens[k].text.lower() for k in range(a, c) if doc.tokens[k].pos == "PTKVZ"]
    verb_seen = False
    for k in range(a, c):
        t = doc.tokens[k]
        lemma, pos = t.lemma.lower(), stts(t.pos)
        verb_seen = verb_seen or "FIN" in pos
        if pos.startswith("NN") and lemma in nouns and verb_seen:
            return k  # a noun before the verb is the subject, its clause an apposition ("Die Entscheidung, … zu …, fiel")
        if not pos.startswith("VV"):
            continue
        if any(p + lemma in verbs for p in particles):
            return k
        if lemma in verbs and lemma not in NEEDS_PARTICLE:
            return k
    return None


def _zu_end(doc: Doc, k: int) -> bool:
    pos = stts(doc.tokens[k].pos)
    return pos == "VVIZU" or (pos in ("VVINF", "VAINF", "VMINF") and doc.tokens[k - 1].text == "zu")


def _infinitive_clause(doc: Doc, c: int, b: int) -> Range | None:
    """The zu-infinitive clause after the comma at ``c``: up to its last infinitive,
    across relative and other embedded clauses but not into a new main clause."""
    if c + 1 >= b or stts(doc.tokens[c + 1].pos) in ("KOUI", "KOUS"):
        return None  # "um … zu" is a purpose, "nachdem …" a clause of its own
    end = None
    embedded = False
    for k in range(c + 1, b):
        t = doc.tokens[k]
        if t.text in (".", "!", "?", ";", ":"):
            break
        if t.text == ",":
            embedded = k + 1 < b and stts(doc.tokens[k + 1].pos).startswith(EMBEDDING)
            continue
        if "FIN" in t.pos and not embedded:
            break
        if _zu_end(doc, k):
            end = k + 1
    return (c + 1, end) if end is not None and end - c > 2 else None


def _to_the_end(doc: Doc, c: int, b: int) -> Range | None:
    """A dass- or subjunctive clause after the comma at ``c``: to the end of its sentence."""
    end = c + 1
    while end < b and doc.tokens[end].text not in (".", "!", "?", ";", ":"):
        end += 1
    return (c + 1, end) if end - c > 3 else None


def _cue(doc: Doc, a: int, c: int, trigger: int) -> list[Range]:
    """The main clause's verbs with its particle, and the noun when a noun takes the clause."""
    ks = {k for k in range(a, c) if stts(doc.tokens[k].pos) in VERB_PARTS} | {trigger}
    return [(k, k + 1) for k in sorted(ks)]


def _subjunctive(doc: Doc, c: int, b: int) -> bool:
    """Whether the clause after the comma at ``c`` is a main clause in the subjunctive
    ("…, die Motivation seien schlechte Erfahrungen"): reported speech without "dass"."""
    for k in range(c + 1, b):
        t = doc.tokens[k]
        if t.text in (",", ".", ";", ":") or stts(t.pos).startswith(EMBEDDING):
            return False
        if "FIN" in t.pos:
            return t.text.lower() in SUBJUNCTIVE
    return False


def _attribution(doc: Doc, a: int, b: int) -> Attribution | None:
    for c in range(a + 1, b - 1):
        if doc.tokens[c].text != ",":
            continue
        finite = doc.tokens[c + 1].text.lower() == "dass" or _subjunctive(doc, c, b)
        trigger = _trigger(doc, a, c, KNOWING_VERBS, KNOWING_NOUNS) if finite else _trigger(doc, a, c, INTENT_VERBS, INTENT_NOUNS)
        if trigger is None:
            return None  # the first comma ends the main clause
        quote = _to_the_end(doc, c, b) if finite else _infinitive_clause(doc, c, b)
        return Attribution([quote], "indirect", _cue(doc, a, c, trigger)) if quote else None
    return None


def _uncued(att: Attribution) -> bool:
    """A reported or free statement without a cue: what the layers make of a sentence
    whose cue they do not know."""
    return not att.cue and att.kind in ("reported", "free")


def _without_sentence(att: Attribution, a: int, b: int) -> None:
    """``att``'s quote with the sentence [a, b) cut out."""
    att.quote = [r for x, y in att.quote for r in ((x, min(y, a)), (max(x, b), y)) if r[1] > r[0]]


def complement_statements(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """Complement-clause statements in the sentences holding no statement yet, or only
    an uncued reported or free one (where the corpus draws the clause as an indirect
    statement instead: in train, 2 % of these clauses are reported or free), which
    gives up that sentence. The speaker is the replaced statement's, or left to the
    step that finds a cue's subject."""
    uncued: dict[int, list[Attribution]] = {}
    taken = set()
    for att in atts:
        sents = {doc.tokens[k].sent for k in att.quote_tokens()}
        if _uncued(att):
            for s in sents:
                uncued.setdefault(s, []).append(att)
        else:
            taken |= sents
    extra = []
    for s, (a, b) in enumerate(doc.sentences):
        if s in taken:
            continue
        att = _attribution(doc, a, b)
        if att is None:
            continue
        for old in uncued.get(s, ()):
            _without_sentence(old, a, b)
            if old.speaker is not None and not set(range(*old.speaker)) & att.quote_tokens():
                att.speaker = old.speaker
        extra.append(att)
    if not extra:
        return atts
    return sorted([att for att in atts if att.quote] + extra, key=lambda att: att.start)
