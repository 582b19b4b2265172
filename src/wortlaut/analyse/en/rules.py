"""Rule-based English attribution: quotation marks, reporting verbs, "according to".

Same plan as the German rules, sentence by sentence:

1. find cues: reporting verbs used as finite verbs ("said", "has told", "will argue"),
   participles after a comma ("…, adding that …") and "according to";
2. find the speaker: the noun phrase before the verb ("Jane Doe said", "she said"),
   else the one after it when the verb follows a quote or comma ("…," said Jane Doe),
   else the subject before an insertion ("Doe, a professor, said"); the object of
   "tell" and its kin is the addressee;
3. find what is attributed: quotation-mark spans closed or opened by the cue
   ("…," she said / Doe said: "…" / "A," she said, "B."), else a clause:
   "X said (that) …", "…, X said.", "The plan, X said, was …", "according to X, …";
   quoted stretches inside a clause make it mixed;
4. quotes with no cue of their own inherit the nearest attribution in their paragraph.
"""

from __future__ import annotations

from typing import NamedTuple

from ...lexicon.marks import CLOSING_MARKS, MARKS
from ...lexicon.time_words import EN_TEMPORAL
from ..attribution import Attribution, Range
from ..quotes import MarkSpan, find_mark_spans
from ..tokens import Doc, Token
from .parsed import parse_attributions
from .phrases import DETERMINERS, np_backward, np_forward
from .cues import (
    AUX, BE, FINITE, MEDIA_NOUNS, NEEDS_PARTICLE, NOUN_TAGS, NP_TAGS, SPEECH_VERBS,
    TELL_VERBS, WEAK_VERBS,
)

STRICT_TELL = frozenset({"tell", "inform", "assure", "remind"})
SUBORDINATORS = frozenset({"if", "when", "while", "although", "though", "because", "unless", "once", "as", "since"})
TRAILING = frozenset({",", "and", "but", "while", "whereas", "as", "--", "—", "–"})
TITLE_SMALL = frozenset({"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "&", "-", "'s", "’s"})
NAMING_VERBS = frozenset({"called", "named", "titled", "entitled", "dubbed"})
NAMING_CUES = frozenset({"call", "describe"})


def _is_verb(t: Token) -> bool:
    return t.pos.startswith("VB") or t.pos == "MD"


def _has_finite(doc: Doc, a: int, b: int) -> bool:
    return any(doc.tokens[k].pos in FINITE for k in range(a, b))


def _prev_word(doc: Doc, k: int, a: int) -> Token | None:
    """The token before k, skipping adverbs and negation."""
    k -= 1
    while k >= a and (doc.tokens[k].pos == "RB" or doc.tokens[k].text.lower() in ("not", "n't")):
        k -= 1
    return doc.tokens[k] if k >= a else None


def _cue_verb(doc: Doc, k: int, a: int) -> str | None:
    """'finite' or 'participle' if token k is a reporting verb used as one, else None."""
    t = doc.tokens[k]
    if not t.pos.startswith("VB") or t.lemma.lower() not in SPEECH_VERBS:
        return None
    prev = _prev_word(doc, k, a)
    low = prev.text.lower() if prev else ""
    if t.pos in ("VBD", "VBZ", "VBP"):
        return "finite"
    if t.pos == "VB":
        return "finite" if prev is not None and (prev.pos == "MD" or prev.lemma.lower() == "do") else None
    if t.pos == "VBN":
        # passive ("was reported") and attributive ("the said") uses are no cues
        if prev is not None and (low in BE and prev.pos.startswith("VB") or prev.pos in DETERMINERS):
            return None
        nxt = doc.tokens[k + 1].text.lower() if k + 1 < len(doc.tokens) else ""
        return None if nxt == "by" else "finite"
    if t.pos == "VBG":
        if prev is not None and low in BE:
            return "finite"
        if prev is not None and (prev.text == "," or low in ("as", "before", "after", "when", "while")):
            return "participle"
    return None


def _find_cues(doc: Doc, a: int, b: int, depth: list[int]) -> list[tuple[list[Range], str]]:
    toks = doc.tokens
    cues = []
    for k in range(a, b):
        if depth[k]:
            continue
        low = toks[k].text.lower()
        if low == "according" and k + 1 < b and toks[k + 1].text.lower() == "to":
            cues.append(([(k, k + 2)], "according"))
            continue
        form = _cue_verb(doc, k, a)
        naming = toks[k].lemma.lower() in NAMING_CUES and toks[k].pos in FINITE
        if form is None and naming and any(depth[j] for j in range(k + 1, min(k + 5, b))):
            form = "finite"  # 'called him "the best musician I ever stood next to"': naming with a quote is speech
        if form is None:
            continue
        particle = NEEDS_PARTICLE.get(toks[k].lemma.lower())
        if particle:
            if k + 1 < b and toks[k + 1].text.lower() == particle:
                cues.append(([(k, k + 2)], form))
            continue
        cues.append(([(k, k + 1)], form))
    return cues








def _speaker_for(doc: Doc, cue: list[Range], form: str, a: int, b: int, depth: list[int], prev: Range | None):
    """(speaker, addressee) for a cue."""
    toks = doc.tokens
    v, ve = cue[0][0], cue[-1][1]
    if form == "according":
        return np_forward(doc, ve, b, depth), None
    if form == "participle":
        # "…, adding that …": the subject of the main clause
        return prev or np_forward(doc, a, v, depth), None
    lemma = toks[v].lemma.lower()
    p = _before_verb(doc, v, a, depth)
    before = _subject_before(doc, p, a, depth)
    if before:
        return before, _addressee(doc, ve, b, depth, lemma)
    if lemma not in NAMING_CUES and _inverted(doc, p, a, depth, lemma):
        after = np_forward(doc, ve, b, depth)
        temporal = after is not None and toks[after[1] - 1].text.lower() in EN_TEMPORAL
        if after and not temporal and (after[1] >= b or not _is_verb(toks[after[1]])):
            return after, None
    subject = _subject_before_insertion(doc, p, a, depth)
    if subject:
        return subject, _addressee(doc, ve, b, depth, lemma)
    return None, None


def _before_verb(doc: Doc, v: int, a: int, depth: list[int]) -> int:
    """The token before cue verb ``v``, past adverbs and auxiliaries ("has also said"); a - 1 if none."""
    toks = doc.tokens
    p = v - 1
    while p >= a and not depth[p]:
        low = toks[p].text.lower()
        if toks[p].pos == "RB" or low in AUX:
            p -= 1
        elif low in EN_TEMPORAL and p - 1 > a and toks[p - 1].text.lower() in ("on", "in", "last", "this", "next", "early", "late"):
            p -= 2  # "on Thursday", "last week"
        else:
            break
    return p


def _subject_before(doc: Doc, p: int, a: int, depth: list[int]) -> Range | None:
    """The noun phrase ending at ``p``, or the antecedent of a relative pronoun there."""
    toks = doc.tokens
    if p < a or depth[p]:
        return None
    if toks[p].pos in ("WP", "WDT") and p - 1 >= a and toks[p - 1].text == ",":
        return np_backward(doc, p - 2, a, depth)  # "Doe, who …, said" → Doe
    if toks[p].pos in NOUN_TAGS or toks[p].text.lower() == "old" and p - 1 >= a and toks[p - 1].pos == "HYPH":
        return _past_relative(doc, np_backward(doc, p, a, depth), a, depth)  # "the 34-year-old said"
    return None


def _past_relative(doc: Doc, np: Range | None, a: int, depth: list[int]) -> Range | None:
    """"Neighbours who opposed the plan said": the subject is before "who", not "the plan"."""
    if np is None:
        return None
    toks = doc.tokens
    for j in range(np[0] - 1, max(a, np[0] - 8) - 1, -1):
        if depth[j] or toks[j].text in (",", ".", ";", ":"):
            return np
        if toks[j].pos == "WP" and toks[j].text.lower() == "who":
            return np_backward(doc, j - 1, a, depth) or np
    return np


def _inverted(doc: Doc, p: int, a: int, depth: list[int], lemma: str) -> bool:
    """Inverted order after a quote or a comma: "…," said Jane Doe, a professor …
    ("X, who …, told reporters" is not inverted: its object is the addressee)."""
    text = doc.tokens[p].text if p >= a else ""
    return p < a or bool(depth[p]) or text in (":", ";") or (text == "," and lemma not in TELL_VERBS)


def _subject_before_insertion(doc: Doc, p: int, a: int, depth: list[int]) -> Range | None:
    """An insertion between subject and verb: "Doe, a professor at X, said …"."""
    toks = doc.tokens
    if not (p > a and toks[p].text == "," and not depth[p]):
        return None
    j = p - 1
    while j > a and not (toks[j].text == "," and not depth[j]):
        j -= 1
    if j <= a:
        return None
    if p > j + 1 and all(toks[k].pos.startswith("NNP") for k in range(j + 1, p)) and not _party_tag(doc, j + 1, p):
        return (j + 1, p)  # "The party's leader, Jane Doe, said": the name
    np = np_backward(doc, j - 1, a, depth)
    if np is not None and _party_tag(doc, *np):
        # "Rep. Pramila Jayapal, D-Wash., who chairs …, said": the name before the party tag
        k = np[0] - 1
        if k > a and toks[k].text == ",":
            return np_backward(doc, k - 1, a, depth)
    return np


def _party_tag(doc: Doc, a: int, b: int) -> bool:
    """A US party-and-state tag: "D-Wash.", "R-Texas"."""
    text = doc.span_text(a, b)
    return len(text) <= 12 and text[:2] in ("D-", "R-", "I-") and text[2:3].isupper()


def _addressee(doc: Doc, k: int, b: int, depth: list[int], lemma: str) -> Range | None:
    if lemma not in TELL_VERBS:
        return None
    np = np_forward(doc, k, b, depth)
    if np is None:
        return None
    # "warned the plan would fail": that phrase is the clause's subject, not an addressee
    if lemma not in STRICT_TELL and np[1] < b and _is_verb(doc.tokens[np[1]]):
        return None
    return np


def _is_title(doc: Doc, m: MarkSpan) -> bool:
    """A short title-cased name after a preposition, article or media noun: in "The Harbour Times"."""
    toks = doc.tokens
    a, b = m.inner
    if m.recovered or not 0 < b - a <= 8 or m.start == 0:
        return False
    if toks[b - 1].text in ",." and b - 1 > a:
        b -= 1  # American style puts the comma inside the marks
    words = [t.text for t in toks[a:b]]
    if any(w in ".!?,;:" for w in words) or not words[0][:1].isupper():
        return False
    if not all(w[:1].isupper() or w.lower() in TITLE_SMALL or not w[:1].isalpha() for w in words):
        return False
    before = toks[m.start - 1]
    low = before.text.lower()
    if low == "that":
        return False  # 'warned that "…"' opens speech
    return before.pos in ("IN", "TO", "DT", "POS") or low in MEDIA_NOUNS or low in NAMING_VERBS


def _sentences(doc: Doc, spans: list[MarkSpan]) -> list[Range]:
    """The doc's sentences, with an opening mark left at a sentence's end moved to the next one."""
    openers = {m.start for m in spans if m.has_open}
    starts = [a for a, _ in doc.sentences]
    fixed = [s - 1 if s > 0 and s - 1 in openers and s - 1 > prev else s for prev, s in zip([-1] + starts, starts)]
    bounds = fixed + [len(doc.tokens)]
    return [(x, y) for x, y in zip(bounds, bounds[1:]) if x < y]


class _Frame(NamedTuple):
    """A cue with its speaker and addressee; lo..hi spans all three."""

    cue: list[Range]
    form: str
    speaker: Range | None
    addressee: Range | None
    lo: int
    hi: int


def attribute(doc: Doc) -> list[Attribution]:
    toks = doc.tokens
    if not toks:
        return []
    all_spans = find_mark_spans(doc)
    spans = [m for m in all_spans if m.depth == 0 and m.inner[1] > m.inner[0] and not _is_title(doc, m)]
    depth = [0] * len(toks)
    for m in spans:
        for k in range(m.start, m.end):
            depth[k] = 1

    out: list[Attribution] = []
    used: set[int] = set()
    unclosed: dict[int, Attribution] = {}  # end of an unclosed quote → its attribution
    sentences = _sentences(doc, all_spans)
    for a, b in sentences:
        out += _attribute_sentence(doc, a, b, spans, depth, used, unclosed)
    out += _colon_quotes(doc, spans, sentences, depth, used)
    _attach_orphans(doc, spans, used, out, unclosed)
    out += parse_attributions(doc, out, depth)
    out += _interview_answers(doc, depth, out)
    return sorted(out, key=lambda x: x.start)


def _frames(doc: Doc, a: int, b: int, depth: list[int]) -> list[_Frame]:
    """The sentence's cues with their speakers; a participle cue's subject is the one before."""
    found, prev = [], None
    for cue, form in _find_cues(doc, a, b, depth):
        speaker, addressee = _speaker_for(doc, cue, form, a, b, depth, prev)
        if speaker is None and prev is not None and doc.tokens[_before_verb(doc, cue[0][0], a, depth)].text.lower() in ("and", "but"):
            speaker = prev
        prev = speaker or prev
        parts = [r for r in (speaker, addressee) if r] + cue
        found.append(_Frame(cue, form, speaker, addressee, min(r[0] for r in parts), max(r[1] for r in parts)))
    return found


def _attribute_sentence(doc: Doc, a: int, b: int, spans: list[MarkSpan], depth: list[int],
                        used: set[int], unclosed: dict[int, Attribution]) -> list[Attribution]:
    """Each cue of sentence a..b-1 with the quotation marks or clause it frames."""
    toks = doc.tokens
    end = b - 1 if toks[b - 1].text in ".!?" and not depth[b - 1] else b
    marks = [m for m in spans if m.start < b and m.end > a]
    found = _frames(doc, a, b, depth)
    out: list[Attribution] = []
    floor = a
    for i, f in enumerate(found):
        # a later cue ends this clause only when coordinated ("…, but Smith said …"), not when nested
        nxt = found[i + 1].lo if i + 1 < len(found) else end
        stop = nxt if nxt < end and nxt > f.hi and toks[nxt - 1].text.lower() in TRAILING else end
        stop = _relative_stop(doc, f, a, stop, depth)
        att = None
        if f.form != "according":
            att = _direct_attribution(doc, f, marks, a, depth, used, unclosed)
        if att is None:
            weak = toks[f.cue[0][0]].lemma.lower() in WEAK_VERBS
            ranges = _clause(doc, f.lo, f.hi, max(floor, a), end, stop, depth, weak)
            if ranges:
                att = Attribution(ranges, _kind(doc, ranges, marks, f.form, used), f.cue, f.speaker, f.addressee)
        if att is not None:
            out.append(att)
            floor = max(floor, f.hi, *(r[1] for r in att.quote if r[1] <= b))
    return out


def _relative_stop(doc: Doc, f: _Frame, a: int, stop: int, depth: list[int]) -> int:
    """"Villalobos, who said last year that she would never support it, voted …": a cue in a
    relative clause says only up to the comma before the main clause's verb."""
    toks = doc.tokens
    p = _before_verb(doc, f.cue[0][0], a, depth)
    if p < a or toks[p].pos != "WP":
        return stop
    for k in range(f.hi, stop - 1):
        if toks[k].text == "," and not depth[k] and (toks[k + 1].pos in FINITE or toks[k + 1].pos == "RB"
                                                     and k + 2 < stop and toks[k + 2].pos in FINITE):
            return k
    return stop


def _direct_attribution(doc: Doc, f: _Frame, marks: list[MarkSpan], a: int, depth: list[int],
                        used: set[int], unclosed: dict[int, Attribution]) -> Attribution | None:
    """The quotation-mark spans cue frame ``f`` introduces, taken from the unused ones."""
    direct = _direct_for(doc, f.lo, f.hi, marks, a, depth, used)
    if not direct:
        return None
    att = Attribution([m.outer for m in direct], "direct", f.cue, f.speaker, f.addressee)
    used.update(m.start for m in direct)
    for m in direct:
        if not m.has_close:
            unclosed[m.end] = att
    return att


def _direct_for(doc: Doc, lo: int, hi: int, marks: list[MarkSpan], a: int, depth: list[int], used: set[int]) -> list[MarkSpan]:
    """Mark spans the cue region [lo, hi) closes or opens: "…," she said / Doe said: "…"."""
    toks = doc.tokens
    found = []
    for m in marks:
        if m.start in used:
            continue
        o, c = m.outer
        if c <= lo:
            between = range(c, lo)
            # only a comma or dash between, and the quote opens its clause
            opens = o <= a or toks[o - 1].text in (":", ";", "—", "--", "–") or depth[o - 1]
            if opens and (all(toks[k].text in (",", "—", "--", "–") for k in between) or _apposition(doc, c, lo, depth)):
                found.append(m)
        elif o >= hi:
            between = [toks[k] for k in range(hi, o)]
            if any(depth[k] for k in range(hi, o)) or any(t.pos in FINITE or t.text in ".!?" for t in between):
                continue
            naming = toks[lo if hi - lo == 1 else hi - 1].lemma.lower() in NAMING_CUES or any(
                toks[k].lemma.lower() in NAMING_CUES for k in range(lo, hi))
            if not between or between[-1].text in (":", ",") or naming and len(between) <= 3 and all(
                    t.pos in ("PRP", "NNP", "NN", "NNS", "DT", "IN") for t in between):
                found.append(m)
                break  # only the first quote after the cue
    return found


def _apposition(doc: Doc, c: int, lo: int, depth: list[int]) -> bool:
    """Between a quote and its speaker only a description and a comma: "…," the bill's author, Ortega told."""
    toks = doc.tokens
    between = range(c, lo)
    return 2 < len(between) <= 10 and toks[lo - 1].text == "," and not any(
        depth[k] or toks[k].pos in FINITE or toks[k].text in ".!?;:" for k in between)


def _that_clause(doc: Doc, hi: int, stop: int, depth: list[int]) -> int | None:
    """Start of a clause after "that" in "said in a statement on Tuesday that …"."""
    toks = doc.tokens
    for j in range(hi, min(stop, hi + 15)):
        t = toks[j]
        if depth[j] or _is_verb(t) or t.text in ".!?;:":
            return None
        if t.text.lower() == "that":
            return j + 1
    return None


def _forward(doc: Doc, hi: int, stop: int, depth: list[int], weak: bool) -> Range | None:
    """The clause after the cue: "said (that) …"."""
    toks = doc.tokens
    start = _that_clause(doc, hi, stop, depth)
    if start is None:
        if weak:
            return None
        start = hi
        while start < stop and not depth[start] and (
            toks[start].pos == "RB" and toks[start].text.lower() not in ("not", "n't")
            or toks[start].text.lower() in EN_TEMPORAL
            or toks[start].text == ":"
            or toks[start].pos == "IN" and start + 1 < stop and toks[start + 1].text.lower() in EN_TEMPORAL
        ):
            start += 1
        if start >= stop:
            return None
        first = toks[start]
        if not (depth[start] or first.pos in NP_TAGS or first.pos in NOUN_TAGS or first.pos in ("EX", "RB")):
            return None
    for k in range(start + 2, stop - 1):
        if toks[k].text == "," and not depth[k] and toks[k + 1].pos == "VBG" and toks[k + 1].lemma.lower() not in SPEECH_VERBS \
                and _has_finite(doc, start, k):
            stop = k  # "…, dealing a blow to the deal": a participial phrase is the writer's, not the speaker's
            break
    stop = _trim(doc, start, stop, depth)
    if stop - start < 2 or not (_has_finite(doc, start, stop) or depth[start]):
        return None
    return (start, stop)


def _trim(doc: Doc, a: int, b: int, depth: list[int]) -> int:
    while b > a and not depth[b - 1] and doc.tokens[b - 1].text.lower() in TRAILING:
        b -= 1
    return b


def _clause(doc: Doc, lo: int, hi: int, floor: int, end: int, stop: int, depth: list[int], weak: bool) -> list[Range]:
    """Token ranges the cue region [lo, hi) attributes as indirect speech."""
    toks = doc.tokens
    # the part before the region, if a comma (maybe inside a closing mark) separates them
    left_end = None
    if lo - 1 >= floor and toks[lo - 1].text == "," and not depth[lo - 1]:
        left_end = lo - 1
    elif lo - 2 >= floor and depth[lo - 1] and toks[lo - 1].text in CLOSING_MARKS and toks[lo - 2].text in (",", "?", "!"):
        left_end = lo  # 'The plan is "dead," Doe said'
    start = floor
    while start < lo and toks[start].text.lower() in TRAILING and not depth[start]:
        start += 1
    for j in range(lo - 1, start - 1, -1):
        if toks[j].text in (":", ";") and not depth[j]:
            start = j + 1
            break
    if toks[lo].text.lower() == "according":
        return _reported(doc, start, lo, hi, stop, depth)
    if left_end is None or left_end - start < 2:
        fwd = _forward(doc, hi, stop, depth, weak)
        return [fwd] if fwd else []
    left = (start, _trim(doc, start, left_end, depth) if left_end < lo else left_end)
    left_verb = _has_finite(doc, *left) and toks[start].text.lower() not in SUBORDINATORS
    # "The plan, she said, was flawed": the region sits inside the clause
    if hi < stop and toks[hi].text == "," and not left_verb:
        rest = (hi + 1, _trim(doc, hi + 1, stop, depth))
        if rest[1] - rest[0] >= 2 and _has_finite(doc, *rest):
            return [left, rest]
    if not left_verb:
        fwd = _forward(doc, hi, stop, depth, weak)  # "In Berlin, officials said the plan …"
        if fwd:
            return [fwd]
    if left_verb or _has_finite(doc, *left):
        return [left]  # "…, Doe said."
    return []


def _reported(doc: Doc, start: int, lo: int, hi: int, stop: int, depth: list[int]) -> list[Range]:
    """What "according to X" attributes: the rest of the sentence on either side."""
    toks = doc.tokens
    while hi < stop and toks[hi].text == "," and not depth[hi]:
        hi += 1
    left, right = (start, _trim(doc, start, lo, depth)), (hi, _trim(doc, hi, stop, depth))
    sides = [r for r in (left, right) if r[1] - r[0] >= 2]
    verbs = [r for r in sides if _has_finite(doc, *r) or depth[r[0]]]
    if len(sides) == 2 and verbs == [right]:
        return sides  # "The economy, according to X, is slowing"
    return verbs[:1] if len(verbs) == 1 else sorted(verbs, key=lambda r: r[0] - r[1])[:1]


def _kind(doc: Doc, ranges: list[Range], marks: list[MarkSpan], form: str, used: set[int]) -> str:
    inside = [m for m in marks if any(a <= m.start and m.end <= b for a, b in ranges)]
    used.update(m.start for m in inside)
    if inside:
        covered = sum(m.end - m.start for m in inside)
        if covered >= sum(b - a for a, b in ranges) - 1:
            return "direct"
        if form != "according":
            return "mixed"
    return "reported" if form == "according" else "indirect"


def _colon_quotes(doc: Doc, spans: list[MarkSpan], sentences: list[Range], depth: list[int],
                  used: set[int]) -> list[Attribution]:
    """'Governor Moreau was blunt about the reason: "…"': a quote after a colon, with no cue,
    is the statement of the subject that opens the clause before the colon."""
    toks = doc.tokens
    out = []
    for m in spans:
        colon = m.start - 1
        if m.start in used or colon < 1 or toks[colon].text != ":" or depth[colon]:
            continue
        a = next((x for x, y in sentences if x <= colon < y), 0)
        if not _has_finite(doc, a, colon) or not _has_finite(doc, *m.inner):
            continue
        subject = np_forward(doc, a, colon, depth)
        if subject is None or subject[0] != a or not any(toks[k].pos.startswith("NNP") for k in range(*subject)):
            continue
        out.append(Attribution([m.outer], "direct", [(colon, colon + 1)], subject))
        used.add(m.start)
    return out


def _interview_answers(doc: Doc, depth: list[int], found: list[Attribution]) -> list[Attribution]:
    """In a Q&A interview ("Q: …" / "A: …" paragraphs) each answer is the interviewee's:
    the first person the article names outside quotes."""
    toks = doc.tokens
    para = doc.paragraphs()
    starts = [k for k in range(len(toks) - 1) if (k == 0 or para[k] != para[k - 1]) and toks[k + 1].text == ":"]
    answers = [k for k in starts if toks[k].text == "A"]
    if not answers or not any(toks[k].text == "Q" for k in starts):
        return []
    person = next(((s, e) for s, e, label in doc.entities if label == "PERSON" and not depth[s]), None)
    if person is None:
        return []
    taken = set().union(*(a.quote_tokens() for a in found)) if found else set()
    out = []
    for k in answers:
        end = k + 2
        while end < len(toks) and para[end] == para[k]:
            end += 1
        if end - (k + 2) >= 2 and not taken & set(range(k + 2, end)):
            out.append(Attribution([(k + 2, end)], "direct", [(k, k + 2)], person))
    return out


def _joined(doc: Doc, m: MarkSpan, att: Attribution) -> bool:
    """'"A," she said. "B."': the quote right after the sentence of a cue that closed a quote
    goes on the same statement."""
    toks = doc.tokens
    if att.kind != "direct" or not att.cue or att.quote[-1][1] > att.cue[0][0]:
        return False
    hi = max(r[1] for r in [*att.cue, att.speaker, att.addressee] if r)
    between = range(hi, m.start)
    if hi >= m.start or toks[m.start - 1].text not in (".", "!", "?"):
        return False
    if any(toks[k].lemma.lower() in SPEECH_VERBS or toks[k].text in MARKS for k in between):
        return False
    # only the end of the sentence, a phrase without a verb ("in a statement."), or an
    # apposition of the speaker (", who runs a clinic in Bellevue.")
    if len(between) <= 10 and not any(toks[k].pos in FINITE for k in between):
        return True
    return toks[hi].text == "," and len(between) <= 15


def _attach_orphans(doc: Doc, spans: list[MarkSpan], used: set[int], out: list[Attribution], unclosed: dict[int, Attribution]) -> None:
    """Quotes with no cue of their own take the nearest attribution in their paragraph,
    or the one whose quote ran on unclosed from the paragraph before."""
    para = doc.paragraphs()
    starts = {}
    for k, p in enumerate(para):
        starts.setdefault(p, k)
    for m in spans:
        if m.start in used:
            continue
        a, b = m.inner
        if b - a < 3 or not _has_finite(doc, a, b):
            continue  # a scare-quoted phrase, not a statement
        near = [att for att in out if att.cue and para[att.start] == para[m.start]]
        if near:
            best = min(near, key=lambda att: abs(att.start - m.start))
        else:
            best = unclosed.get(starts[para[m.start]])
            if best is None:
                continue
        used.add(m.start)
        if _joined(doc, m, best):
            best.quote.append(m.outer)
            if not m.has_close:
                unclosed[m.end] = best
            continue
        att = Attribution([m.outer], "direct", best.cue, best.speaker, best.addressee)
        out.append(att)
        if not m.has_close:
            unclosed[m.end] = att
