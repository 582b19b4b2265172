"""Rule-based German attribution: quotation marks, verba dicendi, Konjunktiv I.

Used when no trained model is installed, and as features for the trained one.
The rules work sentence by sentence:

1. find cues: finite speech verbs ("sagte", "teilte … mit"), "heißt es",
   and prepositional cues ("laut X", "X zufolge", "nach Angaben X");
2. around each cue find the clause it attributes: a quotation-mark span
   ("„…“, sagte X" / "X sagte: „…“"), or an indirect clause ("X sagte, (dass) …" /
   "…, sagte X"); a quoted stretch inside an indirect clause makes it mixed;
3. find the speaker: the noun phrase after the cue (inverted order), else the
   one opening the clause, else the antecedent of a relative pronoun;
4. quotes with no cue of their own inherit the attribution next to them in
   the paragraph; Konjunktiv-I sentences after an indirect quote continue it.
"""

from __future__ import annotations

from ...lexicon.name_words import TITLE_LINKS
from ...lexicon.time_words import DE_TEMPORAL
from ..attribution import Attribution, Range
from ..quotes import MarkSpan, find_mark_spans
from ..tokens import Doc, Token
from .cues import IMPERSONAL_CUES, KONJUNKTIV_I, NACH_NOUNS, NEEDS_PARTICLE, PARTICLE_VERBS, PREPOSITION_CUES, SPEECH_VERBS

NP_POS = ("ART", "ADJ", "NN", "NE", "FM", "CARD", "PPOSAT", "PIAT", "PDAT", "PIS", "TRUNC")
SKIP_AFTER_CUE = {"auch", "jedoch", "dazu", "zudem", "außerdem", "weiter", "ferner", "nun", "damals", "heute", "gestern", "bereits", "schon", "noch", "aber"}
MEDIA_NOUNS = {
    "zeitung", "zeitschrift", "magazin", "film", "buch", "roman", "sendung", "titel", "album", "lied",
    "song", "serie", "programm", "operation", "projekt", "kampagne", "blog", "podcast", "show", "stück",
    "ausstellung", "festival", "motto", "app", "marke", "schiff", "fachzeitschrift", "fachblatt", "tageszeitung",
}
CLAUSE_END = {".", "!", "?", ";", ":"}


def _is_finite_speech_verb(t: Token) -> bool:
    return t.pos.startswith("V") and t.lemma.lower() in SPEECH_VERBS and ("FIN" in t.pos or "PP" in t.pos)


def is_title(doc: Doc, m: MarkSpan) -> bool:
    """A short quoted name: after a preposition or a media noun (in „The Conversation“,
    der Film „Die Bucht“), or capitalised right after a common noun (die Fanvereinigung «Rhyschwalbe»)."""
    a, b = m.inner
    if b - a > 6 or b <= a or m.recovered:
        return False
    inner = doc.tokens[a:b]
    if any(t.text in ".!?,:" for t in inner):
        return False
    before = doc.tokens[m.start - 1] if m.start > 0 else None
    if before is not None and (before.pos in ("APPR", "APPRART", "ART") or before.text.lower() in MEDIA_NOUNS):
        return True
    words = [t.text for t in inner if t.text[0].isalpha()]
    if before is not None and before.pos == "NN" and words and words[0][0].isupper() and len(words) <= 4:
        return True  # die Initiative „Kassel fährt Rad“
    if any("FIN" in t.pos for t in inner):
        return False
    return len(words) >= 2 and all(w[0].isupper() or w in TITLE_LINKS for w in words)


def _np_after(doc: Doc, k: int, end: int) -> Range | None:
    """The noun phrase starting at or just after token k (skipping adverbs)."""
    toks = doc.tokens
    while k < end and (toks[k].text.lower() in SKIP_AFTER_CUE or toks[k].pos == "ADV"):
        k += 1
    if k >= end:
        return None
    if toks[k].pos == "PPER" or toks[k].text.lower() in ("er", "sie", "man", "wir", "ich"):
        return (k, k + 1)
    np = np_at(doc, k, end)
    if np and toks[np[1] - 1].text.lower() in DE_TEMPORAL:  # "schrieb diese Woche …"
        return _np_after(doc, np[1], end)
    return np


def np_at(doc: Doc, k: int, end: int) -> Range | None:
    toks = doc.tokens
    j = k
    seen_noun = False
    while j < end:
        t = toks[j]
        cap = t.text[:1].isupper()
        if t.pos.startswith(NP_POS) or (cap and t.pos not in ("KON", "APPR", "APPRART", "KOUS") and t.text[:1].isalpha()):
            if t.pos.startswith(("NN", "NE", "FM", "PIS")) or cap and t.pos != "ART":
                seen_noun = True
            elif seen_noun and t.pos == "ART" and t.text.lower() not in ("der", "des"):
                break  # a new phrase, not a genitive
            j += 1
        elif seen_noun and t.text.lower() in TITLE_LINKS and j + 1 < end and toks[j + 1].text[:1].isupper():
            j += 1
        elif t.text == "-" and seen_noun:
            j += 1
        else:
            break
    return (k, j) if seen_noun and j > k else None


def first_np(doc: Doc, a: int, b: int) -> Range | None:
    for k in range(a, b):
        t = doc.tokens[k]
        if t.pos in ("APPR", "APPRART"):
            return None  # the clause opens with an adverbial; no subject up front
        if t.pos == "PPER":
            return (k, k + 1)
        np = np_at(doc, k, b)
        if np:
            return np
    return None


def _find_cues(doc: Doc, a: int, b: int, depth: list[int]) -> list[list[Range]]:
    """Cue ranges in sentence [a, b), outside quotation marks; a cue may have two parts."""
    toks = doc.tokens
    cues: list[list[Range]] = []
    for k in range(a, b):
        if depth[k]:
            continue
        t = toks[k]
        low = t.text.lower()
        if low in IMPERSONAL_CUES and k + 1 < b and toks[k + 1].text.lower() == "es":
            cues.append([(k, k + 2)])
        elif _is_finite_speech_verb(t):
            parts = [(k, k + 1)]
            lemma = t.lemma.lower()
            # a separable particle closes the clause: "teilte … mit"; "stellte die Frage"
            for j in range(k + 1, b):
                if toks[j].text in CLAUSE_END or toks[j].text == "," or depth[j]:
                    break
                if toks[j].pos == "PTKVZ" and toks[j].text.lower() in PARTICLE_VERBS:
                    parts.append((j, j + 1))
                    break
                if lemma == "stellen" and toks[j].text == "Frage":
                    parts = [(k, j + 1)]
                    break
            if lemma in NEEDS_PARTICLE and len(parts) == 1 and parts[0][1] == k + 1:
                continue
            cues.append(parts)
        elif low in ("laut", "zufolge", "gemäß"):
            cues.append([(k, k + 1)])
        elif low == "nach" and k + 1 < b and toks[k + 1].text in NACH_NOUNS:
            cues.append([(k, k + 2)])
    return cues


SOURCE_PREPOSITIONS = ("laut", "gemäß", "nach", "zufolge")


def speaker_for(doc: Doc, cue: list[Range], a: int, b: int, depth: list[int]) -> Range | None:
    toks = doc.tokens
    v = cue[0][0]
    low = toks[v].text.lower()
    if low in SOURCE_PREPOSITIONS or low in IMPERSONAL_CUES:
        return _named_source(doc, cue, a, b, depth)
    after = _np_after(doc, cue[-1][1] if len(cue) == 1 else v + 1, b)
    if after and not any(depth[i] for i in range(*after)):
        return after
    return _relative_antecedent(doc, v, a) or first_np(doc, _clause_start(doc, v, a, depth), v)


def _named_source(doc: Doc, cue: list[Range], a: int, b: int, depth: list[int]) -> Range | None:
    """The source a prepositional or impersonal cue names: "laut X", "nach Angaben X",
    "dem Bericht zufolge", "heißt es in einem Bericht des X"."""
    toks = doc.tokens
    v = cue[0][0]
    low = toks[v].text.lower()
    if low in ("laut", "gemäß"):
        return _np_after(doc, v + 1, b)
    if low == "nach":
        return _np_after(doc, cue[0][1], b)
    if low == "zufolge":
        # "dem Bericht zufolge": the phrase right before
        k = v
        while k > a and not depth[k - 1] and toks[k - 1].text not in {",", ":"} and toks[k - 1].pos.startswith(NP_POS + ("APPR",)):
            k -= 1
        return (k, v) if k < v else None
    k = cue[0][1]
    if k < b and toks[k].pos in ("APPR", "APPRART"):
        return _np_after(doc, k + 1, b)
    return None


def _relative_antecedent(doc: Doc, v: int, a: int) -> Range | None:
    """"Analysten, die sagen, …": the antecedent before the comma."""
    toks = doc.tokens
    if not (v > a and toks[v - 1].pos == "PRELS"):
        return None
    end = v - 2
    if end < a or toks[end].text != ",":
        return None
    start = end
    while start > a and toks[start - 1].pos.startswith(NP_POS) and toks[start - 1].pos != "APPR":
        start -= 1
    return (start, end) if start < end else None


def _clause_start(doc: Doc, v: int, a: int, depth: list[int]) -> int:
    """Where the clause of verb ``v`` opens: after a quote or a colon, else at the sentence start."""
    toks = doc.tokens
    start = a
    for k in range(v - 1, a - 1, -1):
        if depth[k] or toks[k].text == ":":
            start = k + 1
            break
    while start < v and (depth[start] or toks[start].text in {",", "“", "”", "«", "»"}):
        start += 1
    return start


def _konjunktiv(doc: Doc, a: int, b: int) -> bool:
    return any(doc.tokens[k].text.lower() in KONJUNKTIV_I for k in range(a, b))


def attribute(doc: Doc) -> list[Attribution]:
    toks = doc.tokens
    n = len(toks)
    spans = [m for m in find_mark_spans(doc) if m.depth == 0 and m.inner[1] > m.inner[0]]
    depth = [0] * n
    titles = set()
    for m in spans:
        if is_title(doc, m):
            titles.add(m.start)
            continue
        for k in range(m.start, m.end):
            depth[k] = 1
    spans = [m for m in spans if m.start not in titles]

    out: list[Attribution] = []
    used_marks: set[int] = set()
    for a, b in doc.sentences:
        end = b - 1 if toks[b - 1].text in ".!?" and not depth[b - 1] else b
        sent_marks = [m for m in spans if m.start < b and m.end > a]
        for cue in _find_cues(doc, a, b, depth):
            speaker = speaker_for(doc, cue, a, b, depth)
            direct = _direct_for(doc, cue, sent_marks, depth)
            if direct:
                for m in direct:
                    used_marks.add(m.start)
                    out.append(Attribution([m.outer], "direct", cue, speaker))
                continue
            clause = _indirect_clause(doc, cue, speaker, a, end, depth)
            if clause is None:
                if _reports(doc, cue, a, b, depth) and speaker is not None:
                    # "Die Polizei sprach von 800 Autos.": the whole sentence reports speech
                    out.append(Attribution([(a, b)], "reported", [], speaker))
                continue
            kind = "indirect"
            inside = [m for m in sent_marks if clause[0] <= m.outer[0] and m.outer[1] <= clause[1]]
            if inside:
                used_marks.update(m.start for m in inside)
                covered = sum(m.outer[1] - m.outer[0] for m in inside)
                kind = "direct" if covered >= clause[1] - clause[0] - 1 else "mixed"
            out.append(Attribution([clause], kind, cue, speaker))
    _attach_orphans(doc, spans, used_marks, out)
    _free_indirect(doc, out, depth)
    return sorted(out, key=lambda x: x.start)


def _direct_for(doc: Doc, cue: list[Range], marks: list[MarkSpan], depth: list[int]) -> list[MarkSpan]:
    """Mark spans this cue introduces or closes: "„…“, sagte X" / "X sagte: „…“" / "„…“, so X"."""
    toks = doc.tokens
    v = cue[0][0]
    found = []
    for m in marks:
        o, c = m.outer
        between = range(c, v) if c <= v else range(cue[-1][1], o)
        if c <= v:
            # quote before the cue: only commas, the speaker or nothing between
            if all(toks[k].text in {",", "so"} or toks[k].pos.startswith(NP_POS) for k in between) and len(between) <= 2:
                found.append(m)
        else:
            # quote after the cue: introduced by a colon
            gap = [toks[k].text for k in between]
            if ":" in gap and all(not depth[k] for k in between):
                found.append(m)
    if found and toks[v].text.lower() in ("laut", "nach", "zufolge", "gemäß"):
        return []
    # "„A“, sagte X. „B“": later spans in the same sentence belong to the same statement
    if found:
        last = max(m.outer[1] for m in found)
        for m in marks:
            if m not in found and m.outer[0] >= last and m.outer[0] - last <= 1 and m.outer[0] > v:
                found.append(m)
    return found


def _reports(doc: Doc, cue: list[Range], a: int, b: int, depth: list[int]) -> bool:
    """A speech verb with a nominal object and no clause of its own, in a sentence with no quote."""
    t = doc.tokens[cue[0][0]]
    return "FIN" in t.pos and t.lemma.lower() in SPEECH_VERBS and not any(depth[a:b]) and b - a >= 5


def _indirect_clause(doc: Doc, cue: list[Range], speaker: Range | None, a: int, end: int, depth: list[int]) -> Range | None:
    toks = doc.tokens
    v = cue[0][0]
    low = toks[v].text.lower()
    taken = set(range(*speaker)) if speaker else set()
    for r in cue:
        taken.update(range(*r))
    if low in PREPOSITION_CUES:
        # the rest of the sentence outside the cue phrase
        left = min(taken)
        right = max(taken) + 1
        while right < end and toks[right].text == ",":
            right += 1
        if left - a > end - right:
            clause = (a, left - (1 if toks[left - 1].text == "," else 0))
        else:
            clause = (right, end)
        return clause if clause[1] - clause[0] >= 2 else None  # ", laut Polizei." quotes nothing
    inverted = speaker is not None and speaker[0] > v
    # "…, sagte X": the cue right after a comma, the speaker after it, the clause before
    if inverted and v > a and toks[v - 1].text == ",":
        start = a
        for j in range(v - 2, a - 1, -1):
            if toks[j].text in (":", ";"):
                start = j + 1
                break
        return (start, v - 1) if v - 1 - start >= 2 else None
    # "X sagte (diese Woche in „Y“), (dass) …": the first comma after the cue opens the clause
    k = max(taken) + 1
    while k < end and (toks[k].text != "," or depth[k]):
        if "FIN" in toks[k].pos or toks[k].text in CLAUSE_END:
            return None
        k += 1
    start, stop = k + 1, end
    for j in range(start, end):  # stop before a following ", sagte Y"
        if toks[j].text == "," and j + 1 < end and _is_finite_speech_verb(toks[j + 1]):
            stop = j
            break
    return (start, stop) if stop - start >= 2 else None


def _attach_orphans(doc: Doc, spans: list[MarkSpan], used: set[int], out: list[Attribution]) -> None:
    """Quoted stretches with no cue of their own take the nearest attribution in their paragraph."""
    para = doc.paragraphs()
    for m in spans:
        if m.start in used:
            continue
        o, c = m.outer
        if c - o < 4:
            continue  # a scare-quoted word, not a statement
        near = [att for att in out if att.cue and para[att.start] == para[o]]
        if not near:
            continue
        best = min(near, key=lambda att: abs(att.start - o))
        out.append(Attribution([m.outer], "direct", best.cue, best.speaker))
        used.add(m.start)


def _free_indirect(doc: Doc, out: list[Attribution], depth: list[int]) -> None:
    """Konjunktiv-I sentences right after an indirect quote continue it ("Dies sei …")."""
    covered = {doc.tokens[k].sent for att in out for k in att.quote_tokens()}
    covered |= {doc.tokens[r[0]].sent for att in out for r in att.cue}
    by_sent = {}
    for att in out:
        if att.kind in ("indirect", "mixed", "free"):
            by_sent[doc.tokens[att.quote[-1][1] - 1].sent] = att
    for s, (a, b) in enumerate(doc.sentences):
        if s in covered or s - 1 not in by_sent or any(depth[a:b]):
            continue
        if _konjunktiv(doc, a, b):
            prev = by_sent[s - 1]
            att = Attribution([(a, b)], "free", [], prev.speaker)
            out.append(att)
            by_sent[s] = att
