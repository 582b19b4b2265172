"""Speaker and addressee by the clause's word order.

A German main clause puts one phrase before its finite verb (the *Vorfeld*).
When that phrase is a noun phrase and the verb is the cue, it is nearly always
the one who speaks ("Der Staatschef kündigte einen Vorschlag an"), while the
role layer often takes the object after the verb instead. Case marks the
exceptions: a dative up front is the addressee and the speaker follows the verb
("Der englischsprachigen Zeitung sagte Filep Karma"), and a speech verb's
dative or "gegenüber" phrase after it is the addressee ("sagte der Minister der
Zeitung", "so X gegenüber dem Spiegel").
"""

from __future__ import annotations

from ..attribution import Attribution, Range
from ..tokens import Doc
from .morphology import gender_of_noun
from .rules import np_at
from .tags import finite_verb

# determiners that mark a phrase as an object, never a subject
OBJECT_DETERMINERS = frozenset({
    "den", "dem", "einen", "einem", "diesen", "diesem", "seinen", "seinem", "ihren", "ihrem", "jenen", "jenem",
})
SUBJECT_PRONOUNS = frozenset({"er", "sie", "wir", "ich", "man"})
# "X zitiert Y": the one cited speaks, not the one who cites
CITING = ("zitier",)
# verbs whose dative object is the one spoken to
ADDRESS_VERBS = (
    "sag", "berichte", "erklär", "teilt", "schrieb", "schreib", "versicher", "bestätig", "erzähl", "gestand",
    "kündigt", "verriet", "riet", "empfahl", "drohte", "droht",
)
VON_VERBS = frozenset({"sprechen", "berichten", "erzählen", "reden", "abraten", "überzeugen", "träumen", "warnen"})
PREPOSITIONS = frozenset({"nach", "laut", "zufolge", "gemäß"})
APPEAL_LEMMAS = frozenset({"auffordern", "aufrufen", "appellieren", "raten", "bitten", "ermahnen", "drängen", "mahnen"})
# passives whose subject is the one spoken to ("Ihm wurde vorgeworfen"), not what was said
PERSON_OBJECT_LEMMAS = frozenset({
    "vorwerfen", "verdächtigen", "bitten", "auffordern", "aufrufen", "anweisen", "warnen", "beschuldigen",
    "fragen", "informieren", "raten", "empfehlen", "anklagen", "ermahnen", "drängen", "beauftragen",
})
DATIVE = frozenset({"dem", "einem", "der", "einer", "diesem", "seinem", "ihrem"})


def _vorfeld(doc: Doc, v: int) -> Range | None:
    """The noun phrase that fills the whole stretch from the sentence start to the
    verb at ``v``, with an apposition in commas or brackets ("X, Chef von Y,")."""
    a = doc.sentences[doc.tokens[v].sent][0]
    while a < v and doc.tokens[a].text in ("„", "“", '"', "(", "–", "-"):
        a += 1
    if a >= v:
        return None
    t = doc.tokens[a]
    if v == a + 1 and t.pos == "PPER" and t.text.lower() in SUBJECT_PRONOUNS:
        return (a, v)
    np = np_at(doc, a, v)
    # a capitalised adverb opens many sentences ("Unterdessen verlangen die Grünen"): not a phrase
    if np is None or t.pos.startswith(("ADV", "PROAV", "ADJ(D)")) \
            or not any(x.pos.startswith(("NN", "NE", "FM")) for x in doc.tokens[np[0] : np[1]]):
        return None
    end = np[1]
    while end < v and doc.tokens[end].pos in ("APPR", "APPRART"):  # "Der Vorsitzende des Verbands in Deutschland"
        pp = np_at(doc, end + 1, v)
        if pp is None:
            break
        end = pp[1]
    if end < v and doc.tokens[end].text in (",", "(") and doc.tokens[v - 1].text in (",", ")"):
        inner = doc.tokens[end + 1 : v - 1]
        if inner and not any(x.pos.startswith(("V", "KOUS", "PREL")) or x.text in (",", ";", ":") for x in inner):
            end = v  # apposition
    return (a, v) if end == v else None


def _dative_up_front(doc: Doc, np: Range) -> bool:
    """"dem Spiegel", "der englischsprachigen Zeitung" (der + adjective in -en: not a nominative)."""
    first = doc.tokens[np[0]].text.lower()
    if first in ("dem", "einem"):
        return True
    nxt = doc.tokens[np[0] + 1] if np[0] + 1 < np[1] else None
    return first == "der" and nxt is not None and nxt.pos.startswith("ADJ") and nxt.pos != "ADJ(D)" and nxt.text.endswith("en")


def _nominative_after(doc: Doc, k: int, end: int) -> Range | None:
    """The first noun phrase after the verb that may be a subject."""
    j = k
    while j < end and doc.tokens[j].pos in ("ADV", "PROAV", "PTKNEG", "ADJ(D)"):
        j += 1
    if j >= end or doc.tokens[j].text.lower() in OBJECT_DETERMINERS | DATIVE - {"der"}:
        return None
    return np_at(doc, j, end)


def by_word_order(doc: Doc, att: Attribution) -> None:
    if not att.cue or att.kind == "reported":
        return
    v = att.cue[0][0]
    if not finite_verb(doc, v) or doc.tokens[v].lemma == "werden" \
            or any(doc.tokens[k].text.lower().startswith(CITING) for a, b in att.cue for k in range(a, b)):
        return  # a passive's or a citation's speaker is not its subject
    front = _vorfeld(doc, v)
    if front is None or att.quote_tokens() & set(range(*front)):
        return
    sent_end = doc.sentences[doc.tokens[v].sent][1]
    spk = att.speaker
    if _dative_up_front(doc, front):
        if spk == front:
            after = _nominative_after(doc, att.cue[0][1], sent_end)
            if after is not None and not att.quote_tokens() & set(range(*after)):
                att.speaker, att.addressee = after, front
        return
    if spk is not None and spk[0] > v and doc.tokens[spk[0]].sent == doc.tokens[v].sent:
        first = doc.tokens[spk[0]].text.lower()
        if doc.tokens[spk[0]].pos in ("NE",) or first == "der" and not _feminine(doc, spk):
            return  # a name or a masculine nominative after the verb may well be the subject
        if first == "der" and spk[0] == v + 1 and att.addressee is None:
            att.addressee = spk  # the dative the verb addresses
        att.speaker = front


def _feminine(doc: Doc, np: Range) -> bool:
    """A phrase whose first noun is feminine: after "der" a dative or genitive ("erteilte der
    Luftwaffe den Befehl"), never a subject."""
    nouns = [t for t in doc.tokens[np[0] : np[1]] if t.pos.startswith("NN")]
    return bool(nouns) and gender_of_noun(nouns[0].text) == "f"


def _dative_np(doc: Doc, k: int, end: int, after_speaker: bool) -> Range | None:
    """A dative noun phrase at ``k``: "dem Spiegel", "einem Reporter", and right after
    the verb also "der Zeitung" (after a speaker "der" would open a genitive)."""
    first = doc.tokens[k].text.lower()
    if first not in DATIVE or (after_speaker and first in ("der", "einer")):
        return None
    np = np_at(doc, k, end)
    if np is not None and first in ("der", "einer") and not _dative_up_front(doc, np):
        # "der Zeitung" is a dative, "der Minister" a subject: the noun's gender tells
        nouns = [t for t in doc.tokens[np[0] : np[1]] if t.pos.startswith("NN")]
        if not nouns or gender_of_noun(nouns[0].text) != "f":
            return None
    return np


def addressee_by_case(doc: Doc, att: Attribution) -> None:
    """"sagte der Minister dem Spiegel", "berichtete dem Deutschlandfunk", "gegenüber X"."""
    if att.addressee is not None or not att.cue or att.kind == "reported":
        return
    v = att.cue[0][0]
    a, end = doc.sentences[doc.tokens[v].sent]
    quote = att.quote_tokens()
    spk = set(range(*att.speaker)) if att.speaker else set()
    for k in range(a, end - 1):
        if doc.tokens[k].text.lower() == "gegenüber" and k + 1 not in quote and k + 1 not in spk:
            np = np_at(doc, k + 1, end)
            if np is not None and not quote & set(range(*np)):
                att.addressee = np
                return
    appeal = _appeal(doc, att)
    if not appeal and not doc.tokens[v].text.lower().startswith(ADDRESS_VERBS):
        return
    k = v + 1
    after_speaker = False
    while k < end and (doc.tokens[k].pos in ("ADV", "PROAV", "PTKNEG") or k in spk):
        after_speaker = after_speaker or k in spk
        k += 1
    if k < end and appeal and doc.tokens[k].text.lower() == "an":
        k += 1  # "appellierte an X"
    if k < end and k not in quote:
        np = _object_np(doc, k, end) if appeal else _dative_np(doc, k, end, after_speaker)
        if np is not None and not (quote | spk) & set(range(*np)):
            att.addressee = np


def _object_np(doc: Doc, k: int, end: int) -> Range | None:
    """The object noun phrase at ``k``, with a coordinated second one ("die Schüler und Lehrer")."""
    np = np_at(doc, k, end)
    if np is not None and np[1] + 1 < end and doc.tokens[np[1]].text == "und":
        more = np_at(doc, np[1] + 1, end)
        if more is not None:
            return (np[0], more[1])
    return np


def _appeal(doc: Doc, att: Attribution) -> bool:
    """"forderte die Regierung auf", "rief alle dazu auf", "appellierte an X", "riet der
    Frau": the verb's object is the one spoken to."""
    cue = [doc.tokens[k] for a, b in att.cue for k in range(a, b)]
    lemmas = {t.lemma for t in cue}
    return bool(lemmas & APPEAL_LEMMAS) or bool(lemmas & {"fordern", "rufen"}) and any(t.text.lower() == "auf" for t in cue)


def _no_clause(doc: Doc, a: int, b: int) -> bool:
    return all(not t.pos.startswith(("V", "KOUS", "PREL")) and t.text not in (",", ";", ":", ".") for t in doc.tokens[a:b])


def _grow_once(doc: Doc, b: int, end: int, cue_at: set[int], von_verb: bool) -> int:
    """Where the speaker ends after one more attached piece, or ``b`` if none follows."""
    toks = doc.tokens
    if b >= end:
        return b
    word = toks[b].text.lower()
    if word in ("von", "vom") and b + 1 < end and not von_verb:
        np = np_at(doc, b + 1, end)
        if np is not None:
            stop = np[1]
            if stop + 1 < end and toks[stop].text == "und" and toks[stop + 1].pos.startswith(("NE", "ART")):
                more = np_at(doc, stop + 1, end)
                stop = more[1] if more else stop
            return stop
    if word == "(":
        close = next((j for j in range(b + 1, min(end, b + 8)) if toks[j].text == ")"), None)
        if close is not None and close > b + 1:
            return close + 1
    if word == "," and b + 2 < end:
        close = next((j for j in range(b + 2, min(end, b + 12)) if toks[j].text == ","), None)
        if close is not None and (close + 1 in cue_at or "FIN" in toks[close + 1].pos) and _no_clause(doc, b + 1, close) \
                and np_at(doc, b + 1, close) is not None:
            return close  # "Petra Pau, PDS-Abgeordnete, sagte": the apposition, not its closing comma
    return b


def grown_speaker(doc: Doc, att: Attribution) -> None:
    """The corpus draws a speaker with its attached phrases: "Angaben von AFP und
    Reuters", "Brian Baptie von der Erdbebenwarte", "des USGS (USGS)", "Petra Pau,
    PDS-Abgeordnete, sagte"; the role layer often stops at the head noun."""
    if att.speaker is None:
        return
    a, b = att.speaker
    end = doc.sentences[doc.tokens[a].sent][1]
    cue_at = {k for c in att.cue for k in range(*c)}
    # "spricht die Polizei von …": the verb's own object, not the speaker's
    von_verb = any(doc.tokens[k].lemma in VON_VERBS for k in cue_at)
    # "nach Angaben [von X] wurde …": the quote the role layer drew often swallows the source's tail
    prepositional = bool(att.cue) and doc.tokens[att.cue[0][0]].text.lower() in PREPOSITIONS
    for _ in range(3):
        nb = _grow_once(doc, b, end, cue_at, von_verb)
        taken = [i for i, (qa, qb) in enumerate(att.quote) if qa < nb and b < qb]
        if nb == b or cue_at & set(range(b, nb)):
            break
        if taken:
            i = taken[0]
            qa, qb = att.quote[i]
            opens = qa == b or (qa == b + 1 and doc.tokens[b].text == ",")
            if not prepositional or len(taken) > 1 or not opens or qb - nb < 2:
                break
            att.quote[i] = (nb + (doc.tokens[nb].text == ","), qb)
        b = nb
    att.speaker = (a, b)


def _passive(doc: Doc, att: Attribution) -> bool:
    """"wird angenommen", "wurde vorgeworfen", "war vermutet worden": a form of
    "werden" and a participle among the cue's words (or the participle's clause)."""
    toks = [doc.tokens[k] for a, b in att.cue for k in range(a, b)]
    # "Sie wird mit den Worten zitiert": the one cited is the speaker
    cited = any(t.text.lower().startswith(CITING) for t in toks)
    return not cited and any(t.lemma == "werden" for t in toks) and any(t.pos == "VV(PP)" for t in toks)


def passive_roles(doc: Doc, att: Attribution) -> None:
    """A passive cue's subject is not its speaker: "Es wird angenommen" has none,
    "Dem Niederländer wurde vorgeworfen" names the one spoken to. Only a "von"
    or "durch" phrase, or a source behind a preposition ("In einer Erklärung wird
    betont"), names who speaks."""
    if att.speaker is None or not att.cue or att.kind == "reported" or not _passive(doc, att):
        return
    a = att.speaker[0]
    before = doc.tokens[a - 1] if a > 0 else None
    if before is not None and (before.pos in ("APPR", "APPRART") or before.text.lower() in ("von", "vom", "durch")):
        return
    first = doc.tokens[a]
    to_person = any(doc.tokens[k].lemma in PERSON_OBJECT_LEMMAS for x, y in att.cue for k in range(x, y))
    if to_person and not (first.pos.startswith(("ADV", "PROAV", "ADJ(D)")) or first.text.lower() == "es") \
            and att.addressee is None:
        att.addressee = att.speaker  # "Er wird verdächtigt", "die Anwohner wurden gebeten"
    att.speaker = None
