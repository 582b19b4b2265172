"""Statements framed by a preposition or a "wie" clause: "Nach Angaben der Polizei habe …",
"laut X", "…, wie die Polizei mitteilte", "…, so der Sprecher".

The corpus draws such a sentence as an indirect statement whose cue is the
preposition, whose speaker is the phrase it governs and whose quote is the rest
of the sentence without its final stop. Where the taggers found nothing in such
a sentence, this adds it. "nach" is a cue only before a noun that names a
source (Angaben, Einschätzung, Bericht …): "nach dem Spiel" is not one.
"""

from __future__ import annotations

from ..attribution import Attribution
from ..tokens import Doc
from .cues import SPEECH_VERBS
from .rules import np_at
from .tags import finite_verb, stts

SOURCE_NOUNS = frozenset({
    "angabe", "angaben", "einschätzung", "einschätzungen", "ansicht", "auffassung", "meinung", "aussage",
    "aussagen", "bericht", "berichten", "berichte", "informationen", "erkenntnissen", "studie", "untersuchungen",
    "schätzungen", "darstellung", "worten", "mitteilung", "ermittlungen", "zeugenaussagen", "vorstellungen",
    "umfrage", "prognose", "prognosen", "zählung", "überzeugung", "meldungen", "recherchen", "beobachtungen",
})
SOURCE_SUFFIXES = ("angaben", "berichten", "bericht", "aussagen", "schätzungen", "informationen", "meldungen")
FINAL = frozenset({".", "!", "?"})
MIN_QUOTE = 4


def _names_source(word: str) -> bool:
    w = word.lower()
    return w in SOURCE_NOUNS or w.endswith(SOURCE_SUFFIXES)


def _source_after_nach(doc: Doc, k: int, end: int) -> bool:
    """"nach [eigenen | ersten | offiziellen] Angaben …": a source noun within the next three words."""
    for j in range(k + 1, min(end, k + 4)):
        t = doc.tokens[j]
        if t.pos.startswith("NN"):
            return _names_source(t.text)
        if not stts(t.pos).startswith(("ART", "ADJA", "PPOSAT", "PIAT", "CARD")):
            return False
    return False


def _phrase_end(doc: Doc, k: int, a: int, b: int) -> int | None:
    """Where the governed phrase ends: at the finite verb when it opens the sentence,
    at the closing comma when commas enclose it, else at the end of its noun phrase."""
    if k == a:
        j = k + 1
        while j < b and not finite_verb(doc, j) and doc.tokens[j].text not in (",", ":") and j - k <= 15:
            j += 1
        return j if j < b and finite_verb(doc, j) else None
    if doc.tokens[k - 1].text == ",":
        j = k + 1
        while j < b and doc.tokens[j].text != "," and not finite_verb(doc, j) and j - k <= 15:
            j += 1
        if j < b and doc.tokens[j].text == ",":
            return j
    np = np_at(doc, k + 1, b)
    if np is None:
        return None
    if doc.tokens[k].text.lower() == "nach":
        # "nach ersten Meldungen Schäden verursacht": the phrase ends at its source noun or that noun's genitive
        head = next((j for j in range(np[0], np[1]) if _names_source(doc.tokens[j].text)), None)
        if head is not None and head + 1 < np[1] and doc.tokens[head + 1].text.lower() not in ("des", "der"):
            return head + 1
    return np[1]


def _parts_around(doc: Doc, lo: int, hi: int, a: int, b: int) -> list[tuple[int, int]] | None:
    """The statement around a frame at [lo, hi) in sentence [a, b): the rest of the
    sentence without the frame's enclosing commas and the final stop, or None when
    that rest is too short or has no finite verb."""
    if lo > a and doc.tokens[lo - 1].text == ",":
        lo -= 1
    if hi < b and doc.tokens[hi].text == ",":
        hi += 1
    stop = b - 1 if doc.tokens[b - 1].text in FINAL else b
    parts = [(x, y) for x, y in ((a, lo), (hi, stop)) if y > x]
    if sum(y - x for x, y in parts) < MIN_QUOTE or not any(finite_verb(doc, j) for x, y in parts for j in range(x, y)):
        return None
    return parts


def _statement(doc: Doc, k: int, a: int, b: int) -> Attribution | None:
    word = doc.tokens[k].text.lower()
    if word == "nach" and not _source_after_nach(doc, k, b):
        return None
    end = _phrase_end(doc, k, a, b)
    if end is None or end <= k + 1:
        return None
    parts = _parts_around(doc, k, end, a, b)
    if parts is None:
        return None
    return Attribution(parts, "indirect", [(k, k + 1)], (k + 1, end))


def _wie_statement(doc: Doc, k: int, a: int, b: int) -> Attribution | None:
    """"Wie die Polizei mitteilte, …" / "…, wie EADS gestern mitteilte.": the "wie"
    clause is the frame, the rest of the sentence the statement."""
    if k != a and doc.tokens[k - 1].text != ",":
        return None
    j = k + 1
    while j < b and j - k <= 10 and doc.tokens[j].text not in (",", ".", ":"):
        j += 1
    verb = j - 1
    while verb > k and stts(doc.tokens[verb].pos) in ("VAFIN", "VMFIN", "VAINF", "VAPP", "VVPP", "PTKVZ") and \
            doc.tokens[verb].lemma.lower() not in SPEECH_VERBS:
        verb -= 1  # "mitgeteilt hatte", "bekannt gab"
    if verb <= k + 1 or doc.tokens[verb].lemma.lower() not in SPEECH_VERBS:
        return None
    speaker = np_at(doc, k + 1, verb)
    parts = _parts_around(doc, k, j, a, b)
    if parts is None:
        return None
    cue = [(k, k + 1), *((x, x + 1) for x in range(speaker[1] if speaker else k + 1, j) if doc.tokens[x].pos.startswith(("VV", "PTKVZ")))]
    return Attribution(parts, "indirect", cue, speaker)


def _so_statement(doc: Doc, k: int, a: int, b: int) -> Attribution | None:
    """"…, so der Sprecher." / "…, so der Sprecher, …": a trailing "so" names the source."""
    if k == a or doc.tokens[k - 1].text != ",":
        return None
    np = np_at(doc, k + 1, b)
    if np is None:
        return None
    j = np[1]
    if not (j == b or doc.tokens[j].text in FINAL or doc.tokens[j].text == ","):
        return None
    parts = _parts_around(doc, k, j, a, b)
    if parts is None:
        return None
    return Attribution(parts, "indirect", [(k, k + 1)], np)


def _frame_in(doc: Doc, a: int, b: int) -> Attribution | None:
    for k in range(a, b - 1):
        word = doc.tokens[k].text.lower()
        att = (
            _statement(doc, k, a, b) if word in ("nach", "laut")
            else _wie_statement(doc, k, a, b) if word == "wie"
            else _so_statement(doc, k, a, b) if word == "so"
            else None
        )
        if att is not None:
            return att
    return None


def framed_cueless(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """A statement found without a cue, in a sentence framed by "nach
    Angaben X", "laut X", "wie X mitteilte" or ", so X": the frame is its cue and
    source, not a speaker carried over from an earlier statement. A run of such
    sentences gives each framed sentence its own statement ("Zuerst habe sie …
    Nach ihren Informationen habe …": two sources, two statements)."""
    out = []
    for att in atts:
        if att.cue or att.kind not in ("indirect", "free"):
            out.append(att)
            continue
        rest: list[tuple[int, int]] = []
        for s in sorted({doc.tokens[k].sent for x, y in att.quote for k in range(x, y)}):
            framed = _frame_in(doc, *doc.sentences[s])
            if framed is None:
                a, b = doc.sentences[s]
                rest += [(max(x, a), min(y, b)) for x, y in att.quote if x < b and y > a]
            else:
                out.append(framed)
        if rest:
            att.quote = rest
            out.append(att)
    return sorted(out, key=lambda att: att.start)


POSTPOSED_FRAMES = frozenset({"zufolge", "laut", "nach", "gemäß", "so"})


def _one_sentence(doc: Doc, spans: list[tuple[int, int]]) -> int | None:
    sents = {doc.tokens[k].sent for x, y in spans for k in range(x, y)}
    return sents.pop() if len(sents) == 1 else None


def whole_sentence_frames(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """A statement framed by "X zufolge", "laut X", "nach X" or ", so X" is the whole rest of
    its sentence: the tagger often cuts it at the subject or splits it in two around
    the frame, so its quote is widened to the sentence and the split copies sharing
    that frame are dropped."""
    kept: list[Attribution] = []
    widened: list[Attribution] = []
    frames: set[tuple[int, int, int]] = set()
    for att in atts:
        if att.kind != "indirect" or len(att.cue) != 1 or att.cue[0][1] - att.cue[0][0] != 1 or att.speaker is None or \
                doc.tokens[att.cue[0][0]].text.lower() not in POSTPOSED_FRAMES:
            kept.append(att)
            continue
        s = _one_sentence(doc, [*att.quote, att.cue[0], att.speaker])
        lo, hi = min(att.cue[0][0], att.speaker[0]), max(att.cue[0][1], att.speaker[1])
        parts = _parts_around(doc, lo, hi, *doc.sentences[s]) if s is not None else None
        if parts is None:
            kept.append(att)
            continue
        if (s, lo, hi) in frames:
            continue
        frames.add((s, lo, hi))
        att.quote = parts
        kept.append(att)
        widened.append(att)
    return [att for att in kept if not any(att is not w and _inside(att, w) for w in widened)]


def _inside(att: Attribution, other: Attribution) -> bool:
    """Whether every quote token of ``att`` is in ``other``'s quote: a piece of a
    statement that has been widened to its sentence."""
    theirs = {k for x, y in other.quote for k in range(x, y)}
    return all(k in theirs for x, y in att.quote for k in range(x, y))


def prepositional_statements(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    atts = whole_sentence_frames(doc, framed_cueless(doc, atts))
    taken = {doc.tokens[k].sent for att in atts for x, y in att.quote for k in range(x, y)}
    extra = []
    for s, (a, b) in enumerate(doc.sentences):
        if s in taken:
            continue
        att = _frame_in(doc, a, b)
        if att is not None:
            extra.append(att)
    return sorted(atts + extra, key=lambda att: att.start) if extra else atts
