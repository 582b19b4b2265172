"""Speaker spans tidied to the noun phrase the corpus draws.

Two mistakes the role layer makes often: after "nach"/"laut" it leaves out the
noun the preposition governs ("nach Einschätzung [des Umweltbundesamtes]"),
while the corpus's speaker is the whole phrase ("Einschätzung des
Umweltbundesamtes"); and a speaker run can run on into the next object ("die Anwältin
der Frau dem Richter"), which no genitive continues.
"""

from __future__ import annotations

from ...lexicon.marks import MARKS
from ..attribution import Attribution, Range
from ..quotes import find_mark_spans, mark_depths
from ..tokens import Doc
from .clauses import addressee_by_case, by_word_order, grown_speaker, passive_roles
from .rules import speaker_for
from .tags import stts

GOVERNING_CUES = frozenset({"nach", "laut"})
SELF_SOURCED_CUES = frozenset({"demnach", "danach", "wonach"})
# parts of speech a noun phrase, and so a speaker, cannot consist of alone (not ADJD:
# the tagger reads a sentence-initial name like "Frei" as one)
NON_NOMINAL_POS = ("ADV", "PWAV", "PROAV", "KON", "KOUS", "KOKOM", "V", "PTK", "APPR")
# prepositions of time, place and cause, which never introduce a source ("seit dem Jahr
# 2015", "beim Pentagon", "zum Abschluss"); "in einem Bericht", "von der Polizei" may
NON_SOURCE_PREPOSITIONS = frozenset({"seit", "zum", "zur", "beim", "per", "am", "an", "gegen", "unter", "während",
                                     "wegen", "trotz", "bis", "ab", "um"})
# determiners that open a new, non-genitive phrase inside a speaker run
NEW_PHRASE = frozenset({"dem", "den", "das", "einem", "einen", "seinen", "seinem", "seine", "ihren", "ihrem"})


def governed_start(doc: Doc, cue: int, speaker: Range) -> Range:
    """"nach Einschätzung [des Umweltbundesamtes]": the speaker starts at the noun
    the preposition governs, which the role layer often leaves out."""
    a, b = speaker
    between = doc.tokens[cue + 1 : a]
    if 0 < len(between) <= 2 and all(stts(t.pos) in ("NN", "ADJA") for t in between):
        return (cue + 1, b)
    return speaker


def split_run(doc: Doc, speaker: Range) -> Range:
    """Cut a speaker run where a new non-genitive phrase begins."""
    a, b = speaker
    seen_noun = False
    for k in range(a, b):
        t = doc.tokens[k]
        if seen_noun and t.text.lower() in NEW_PHRASE and doc.tokens[k - 1].pos not in ("APPR", "APPRART"):
            return (a, k)
        if t.pos.startswith(("NN", "NE")):
            seen_noun = True
    return speaker


def governing_cue(doc: Doc, att: Attribution) -> None:
    """"nach Angaben": the corpus's cue is the preposition alone, its noun opens the speaker."""
    a, b = att.cue[0]
    if b - a < 2 or doc.tokens[a].text.lower() not in GOVERNING_CUES or doc.tokens[a + 1].pos != "NN":
        return
    att.cue[0] = (a, a + 1)
    if att.speaker is None or att.speaker[0] <= b + 1:
        att.speaker = (a + 1, max(b, att.speaker[1]) if att.speaker else b)


def wie_cue(doc: Doc, att: Attribution) -> None:
    """"Wie der Sprecher mitteilte, …": the clause's "wie" belongs to the cue."""
    k = att.cue[0][0]
    j = k - 1
    while j >= 0 and k - j < 10 and doc.tokens[j].text not in {",", ".", ":", "„", "“", "(", ";"}:
        j -= 1
    first = j + 1
    if first < k and doc.tokens[first].text.lower() == "wie" and doc.tokens[first].sent == doc.tokens[k].sent \
            and first not in att.quote_tokens():
        att.cue.insert(0, (first, first + 1))


NAME_PARTICLES = frozenset({"von", "van", "de", "zu"})


def particle_surnames(doc: Doc) -> set[str]:
    """Surnames the document writes with a particle after a first name: "Ursula von
    der Leyen" makes "Leyen" one, so a later "Von der Leyen" is a name, not "von der Polizei"."""
    toks = doc.tokens
    found = set()
    for k in range(1, len(toks) - 1):
        if toks[k].text not in NAME_PARTICLES or not toks[k - 1].pos.startswith("NE"):
            continue
        j = k + 1
        if toks[j].text in ("der", "den") and j + 1 < len(toks):
            j += 1
        if toks[j].text[:1].isupper():
            found.add(toks[j].text)
    return found


def with_particle(doc: Doc, speaker: Range, surnames: set[str]) -> Range:
    """"[Von] der Leyen": the particle the role layer left out, as a preposition."""
    a, b = speaker
    if b - a == 2 and a > 0 and doc.tokens[a].text.lower() in ("der", "den") and \
            doc.tokens[a + 1].text in surnames and doc.tokens[a - 1].text.lower() in NAME_PARTICLES:
        return (a - 1, b)
    return speaker


def trimmed_tail(doc: Doc, speaker: Range) -> Range:
    """A noun phrase does not end in a lowercase adverb or predicative adjective:
    "Aussage des Angestellten intern immer" is "Aussage des Angestellten"."""
    a, b = speaker
    while b - a > 1 and doc.tokens[b - 1].text[:1].islower() and stts(doc.tokens[b - 1].pos) in ("ADV", "ADJD", "PTKNEG"):
        b -= 1
    return (a, b) if b > a else speaker


def tidy_speakers(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    surnames = particle_surnames(doc)
    for att in atts:
        if att.speaker is not None and surnames:
            att.speaker = with_particle(doc, att.speaker, surnames)
        if att.cue:
            governing_cue(doc, att)
            wie_cue(doc, att)
            by_word_order(doc, att)
        cue = att.cue[0][0] if att.cue and att.cue[0][1] - att.cue[0][0] == 1 else None
        if att.speaker is None:
            continue
        if cue is not None and doc.tokens[cue].text.lower() in GOVERNING_CUES and att.speaker[0] > cue:
            att.speaker = governed_start(doc, cue, att.speaker)
        att.speaker = trimmed_tail(doc, split_run(doc, att.speaker))
        if att.kind != "reported" and not (nominal(doc, att.speaker) and source_phrase(doc, att.speaker)):
            att.speaker = None  # a reported statement without one is narration: ``sourceless_report``
    for att in atts:
        grown_speaker(doc, att)
        addressee_by_case(doc, att)
        passive_roles(doc, att)
    return [att for att in atts if not verbless(doc, att) and not sourceless_report(doc, att)]


def nominal(doc: Doc, speaker: Range) -> bool:
    """A speaker is a noun phrase, or "demnach" pointing back to one: a run of adverbs,
    verbs or conjunctions ("Einerseits", "wird", "Wie") or impersonal "man" is none."""
    toks = doc.tokens[speaker[0] : speaker[1]]
    if len(toks) == 1 and toks[0].text.lower() in SELF_SOURCED_CUES | {"man"}:
        return toks[0].text.lower() != "man"
    return not all(stts(t.pos).startswith(NON_NOMINAL_POS) for t in toks)


def source_phrase(doc: Doc, speaker: Range) -> bool:
    """Whether the phrase can name a source: not one governed by a preposition of
    time, place or cause."""
    a = speaker[0]
    return not (a > 0 and doc.tokens[a - 1].text.lower() in NON_SOURCE_PREPOSITIONS and doc.tokens[a - 1].pos.startswith("APPR"))


def sourceless_report(doc: Doc, att: Attribution) -> bool:
    """A reported statement names its source in its subject: one whose "speaker" is
    a fronted adverb or preposition ("So fand …", "Anlässlich der Gründung …") or
    nobody in particular ("man") is narration."""
    if att.kind != "reported" or att.speaker is None:
        return False
    t = doc.tokens[att.speaker[0]]
    return stts(t.pos).startswith(("ADV", "PROAV", "APPR", "KON", "PWAV")) or t.text.lower() in ("man", "es")


def verbless(doc: Doc, att: Attribution) -> bool:
    """An indirect statement is a clause: a "quote" without any verb before its cue
    ("Der Innenminister, Nicolas Sarkozy, verteidigte …") is the frame's subject,
    which the tagger took for what was said."""
    if att.kind != "indirect" or not att.cue or att.quote[-1][1] > att.cue[0][0]:
        return False  # after its cue a verbless piece is mostly one part of a statement split by its frame
    toks = [doc.tokens[k] for a, b in att.quote for k in range(a, b)]
    return not any(t.pos.startswith("V") or t.text in MARKS for t in toks)


def cued_free(doc: Doc, atts: list[Attribution], cues: list[Range], speakers: list[Range]) -> list[Attribution]:
    """A "free indirect" statement whose own sentence has a cue is an indirect one:
    it takes that cue and the speaker beside it, not one carried over from before,
    and gives back the frame it swallowed ("Er sagte, sie sei …": the quote starts
    after the comma that closes the frame)."""
    for att in atts:
        if att.kind != "free" or att.cue or len(att.quote) != 1:
            continue
        a, b = att.quote[0]
        sent = doc.tokens[a].sent
        here = [c for c in cues if doc.tokens[c[0]].sent == sent]
        if not here:
            continue
        cue = here[0]
        att.kind, att.cue = "indirect", [cue]
        local = [s for s in speakers if doc.tokens[s[0]].sent == sent and not (a <= s[0] < b and cue[1] <= s[0])]
        if local:
            att.speaker = min(local, key=lambda s: abs(s[0] - cue[0]))
        if a <= cue[0] < b:
            ends = [s[1] for s in local] + [cue[1]]
            k = max(ends)
            while k < b and doc.tokens[k].text != ",":
                k += 1
            if k + 1 < b:
                att.quote = [(k + 1, b)]
    return atts


def drop_unsupported(atts: list[Attribution]) -> list[Attribution]:
    """An indirect or reported statement with neither cue nor speaker is mostly
    narration the tagger took for a statement (the corpus gives nearly every
    indirect statement a cue and every reported one a speaker)."""
    return [att for att in atts if att.kind not in ("indirect", "reported") or att.cue or att.speaker]


def cue_subjects(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """A cued statement the role layer left without a speaker takes the subject the
    rules find beside its cue ("sagte der Sprecher", "der Sprecher sagte")."""
    depth = None
    for att in atts:
        if att.speaker is not None or not att.cue:
            continue
        if depth is None:
            depth = mark_depths(doc, find_mark_spans(doc))
        a, b = doc.sentences[doc.tokens[att.cue[0][0]].sent]
        found = speaker_for(doc, att.cue, a, b, depth)
        if found is not None and not att.quote_tokens() & set(range(*found)):
            att.speaker = found
    return atts


def carried_speakers(atts: list[Attribution]) -> list[Attribution]:
    """A free indirect statement, and a direct quote nobody found a speaker for, carry
    on the speaker of the last statement before them as the last step found it: a
    speaker taken over earlier may since have been filled in, grown or replaced."""
    last = None
    for att in sorted(atts, key=lambda x: x.start):
        if att.kind == "free" and not att.cue or att.kind == "direct" and att.speaker is None:
            att.speaker = last
        if att.speaker is not None:
            last = att.speaker
    return atts
