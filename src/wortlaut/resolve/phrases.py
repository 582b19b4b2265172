"""Noun-phrase chunking: heads, modifiers, quoted names, genitive and prepositional complements."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..analyse.tokens import Doc
from ..lexicon.marks import QUOTE_MARKS
from ..lexicon.name_words import NAME_LINKS, NAME_PARTICLES
from ..lexicon.time_words import TIME_WORDS
from .classes import capitalised, cls, is_abbrev, is_country, is_doc_word, is_org_word, is_roleish_word, token_classes
from ..analyse.de.morphology import noun_nominative
from .words import ORG_DESCRIPTORS


@dataclass
class NP:
    start: int
    end: int  # end of the whole phrase including complements
    head_end: int = 0  # end of the head words, before complements
    det: int | None = None
    mods: list[int] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # nominal tokens (nouns, names, links)
    quoted: tuple[int, int] | None = None  # a name in quotation marks after the head
    comps: list[tuple[str, int, "NP"]] = field(default_factory=list)  # (preposition, its token, phrase)
    paren: list[tuple[int, int]] = field(default_factory=list)
    possessor: tuple[int, int] | None = None  # "Stridewell's" / "the trust's"


def parse_np(doc: Doc, i: int, limit: int, hard: int | None = None, complements: bool = True) -> NP | None:
    """Parse a noun phrase at token i. ``hard`` caps lower-case English words (the tagger's range)."""
    n = min(limit, len(doc.tokens))
    if i >= n:
        return None
    en = doc.language != "de"
    np_ = NP(start=i, end=i)
    k = i
    if cls(doc, k) == "DET":
        np_.det = k
        k += 1
    if en:
        k = _english_possessor(doc, np_, k, n)
    k = _modifiers(doc, np_, k, n)
    while k < n:
        j = _head_words(doc, np_, k, n, hard, en)
        if j:
            k = j
            continue
        q = _quoted_after(doc, np_, k, n, en)
        if q:
            np_.quoted = q
            k = q[1] + 1
        break
    if not np_.heads and np_.quoted is None:
        if np_.mods:  # a nominalised adjective ("des 31-Jährigen", "die 34-Jährige")
            np_.heads = [np_.mods.pop()]
        else:
            return None
    np_.end = np_.head_end = k
    if not complements:
        return np_
    _complements(doc, np_, n)
    return np_


def _english_possessor(doc: Doc, np_: NP, k: int, n: int) -> int:
    """"Stridewell's chief executive", "the trust's medical director": note the possessor, return where
    the possessed phrase starts."""
    j = k
    while j < n and cls(doc, j) in ("NAME", "NOUN") and j - k < 5:
        j += 1
    if j < n and j > k and cls(doc, j) == "POSS" and j + 1 < n and cls(doc, j + 1) in ("NOUN", "NAME", "ADJ") \
            and not capitalised(doc.tokens[j + 1].text):
        np_.possessor = (k, j)
        return j + 1
    return k


def _modifiers(doc: Doc, np_: NP, k: int, n: int) -> int:
    """Adjectives and numbers before the head; a bare number counts only before a noun ("drei Experten")."""
    classes = token_classes(doc)
    while k < n and classes[k] in ("ADJ", "NUM"):
        counted = k + 1 < n and classes[k + 1] in ("NOUN", "ADJ") and low_at(doc, k + 1) not in TIME_WORDS
        if classes[k] == "NUM" and not re.search(r"\d+-", doc.tokens[k].text) and not counted:
            break
        np_.mods.append(k)
        k += 1
    return k


def _head_words(doc: Doc, np_: NP, k: int, n: int, hard: int | None, en: bool) -> int:
    """Take the head words starting at token k into ``np_.heads``; return the token after them, 0 if none."""
    classes = token_classes(doc)
    c = classes[k]
    t = doc.tokens[k]
    if c in ("NOUN", "NAME"):
        if en and c == "NOUN" and hard is not None and k >= hard and np_.heads:
            return 0  # English lower-case words past the tagger's range are the verb phrase
        if t.text.lower() in TIME_WORDS and np_.heads:
            return 0
        np_.heads.append(k)
        return k + 1
    if c == "ADJ" and np_.heads and capitalised(t.text) and k + 1 < n and classes[k + 1] in ("NOUN", "NAME"):
        np_.heads.append(k)  # "Arbeitskreis Sichere Elbe"
        return k + 1
    if c == "TRUNC" and k + 2 < n and doc.tokens[k + 1].text in ("und", "oder") \
            and classes[k + 2] in ("NOUN", "NAME"):
        np_.heads.extend([k, k + 1, k + 2])
        return k + 3
    if not en and c == "CONJ" and t.text == "und" and _german_head_coordination(doc, np_, k, n):
        np_.heads.append(k)
        return k + 1
    j = _name_particle(doc, k, n, np_.heads)
    if j:
        np_.heads.extend(range(k, j))  # "Ursula von der Leyen", "Thomas de Maizière"
        return j
    if np_.heads and c in ("LINK", "CONJ", "PREP", "DET", "POSS") and _inside_name(doc, k, n, np_.heads):
        np_.heads.append(k)
        return k + 1
    return 0


def _german_head_coordination(doc: Doc, np_: NP, k: int, n: int) -> bool:
    """An "und" inside the head: "Gewerkschaft Verkehr und Schiene", or between two roles before a name
    ("Der Landtagsabgeordnete und SPD-Fraktionschef Andreas Stoch")."""
    heads = np_.heads
    if len(heads) >= 2 and k + 1 < n and cls(doc, k + 1) == "NOUN" and is_org_word(low_at(doc, heads[0]), False):
        return True
    return (cls(doc, heads[-1] if heads else k) == "NOUN" and bool(heads) and is_roleish(doc, heads[-1])
            and k + 1 < n and cls(doc, k + 1) == "NOUN" and is_roleish(doc, k + 1)
            and any(cls(doc, j) == "NAME" for j in range(k + 2, min(k + 4, n))))


def _quoted_after(doc: Doc, np_: NP, k: int, n: int, en: bool) -> tuple[int, int] | None:
    """A quoted name at token k that belongs to the phrase: after a head, or after an article alone
    when it names an organisation (die „Aktion Deutschland hilft“)."""
    if cls(doc, k) != "QUOTE" or np_.quoted is not None:
        return None
    if np_.heads:
        return quoted_name(doc, k, n)
    if np_.det is None:
        return None
    q = quoted_name(doc, k, n)
    if q and any(is_org_word(doc.tokens[j].text, en) for j in range(*q)):
        return q
    return None



def _inside_name(doc: Doc, k: int, n: int, heads: list[int]) -> bool:
    """A linking word inside a multi-word name: "Council on Foreign Relations", "Rheinwerth & Co."."""
    t = doc.tokens[k]
    low = t.text.lower()
    prev = heads[-1]
    if cls(doc, prev) != "NAME" and not (doc.language != "de" and capitalised(doc.tokens[prev].text)):
        if not (low == "&" and k + 1 < n and capitalised(doc.tokens[k + 1].text)):
            return False
    if k + 1 >= n:
        return False
    if cls(doc, k) == "POSS":  # King’s College, Nurses' Union
        return cls(doc, k + 1) in ("NAME", "NOUN") and capitalised(doc.tokens[k + 1].text)
    if low not in NAME_LINKS:
        return False
    nxt = doc.tokens[k + 1]
    if low in ("der", "den", "von", "van", "de") and doc.language == "de" and cls(doc, k) != "LINK":
        return False  # German articles and "von" start complements, not name parts
    if low == "and" and cls(doc, k + 1) != "NAME":
        return False
    return capitalised(nxt.text) and cls(doc, k + 1) in ("NAME", "NOUN", "LINK", "ADJ")


def _name_particle(doc: Doc, k: int, n: int, heads: list[int]) -> int:
    """End of "von der" + surname after a single first name, else 0 ("Merkel von der CDU" stays apart)."""
    if len(heads) != 1 or cls(doc, heads[0]) != "NAME" or low_at(doc, k) not in NAME_PARTICLES:
        return 0
    j = k + 1
    if j < n and low_at(doc, j) in ("der", "den", "dem", "la", "los", "las"):
        j += 1
    if j >= n or not capitalised(doc.tokens[j].text) or cls(doc, j) not in ("NAME", "NOUN"):
        return 0
    w = doc.tokens[j].text
    if is_abbrev(w) or is_org_word(w, doc.language != "de") or is_country(w):
        return 0
    if j + 1 < n and capitalised(doc.tokens[j + 1].text) and cls(doc, j + 1) in ("NAME", "NOUN"):
        return 0
    return j + 1


def quoted_name(doc: Doc, k: int, n: int) -> tuple[int, int] | None:
    """A short name in quotation marks: «Rhyschwalbe», „Kassel fährt Rad“. Returns (first, close)."""
    j = k + 1
    while j < n and j - k <= 8:
        if doc.tokens[j].text in QUOTE_MARKS:
            if j > k + 1 and capitalised(doc.tokens[k + 1].text):
                return (k + 1, j)
            return None
        if doc.tokens[j].text in (".", ",", ";", ":", "!", "?"):
            return None
        j += 1
    return None


def _complements(doc: Doc, np_: NP, n: int) -> None:
    """Attach genitives, prepositional phrases and brackets that follow the head."""
    en = doc.language != "de"
    k = np_.end
    while k < n:
        nxt = _complement(doc, np_, k, n, en)
        if nxt is None:
            break
        k = nxt
    np_.end = k


def _complement(doc: Doc, np_: NP, k: int, n: int, en: bool) -> int | None:
    """Attach the complement starting at token k; return the token after it, None if there is none."""
    t = doc.tokens[k]
    c = cls(doc, k)
    low = t.text.lower()
    if c == "PAREN" and t.text == "(":
        return _bracket(doc, np_, k, n)
    if not en and c == "DET" and low in ("des", "der", "eines", "einer"):
        sub = parse_np(doc, k, n, complements=False)
        if sub is None or not (sub.heads or sub.quoted):
            return None
        np_.comps.append(("gen", k, sub))
        return sub.end
    if c == "PREP" and low not in ("zufolge", "laut", "gemäß") and k + 1 < n:
        sub = parse_np(doc, k + 1, n, complements=False)
        if sub is None:
            return None
        np_.comps.append(("time" if _temporal(doc, sub) else low, k, sub))
        return sub.end
    if c == "CONJ" and low in ("und", "and", "oder", "or") and k + 1 < n and np_.comps:
        return _coordinated_complement(doc, np_, k, n, en)
    if not en and c == "NAME" and low.endswith("s") and np_.heads and not np_.comps \
            and cls(doc, np_.heads[-1]) == "NOUN":
        # bare genitive of a name after a statement: "Meinung Russlands"
        sub = parse_np(doc, k, n, complements=False)
        if sub is None:
            return None
        np_.comps.append(("gen", k, sub))
        return sub.end
    return None


def _bracket(doc: Doc, np_: NP, k: int, n: int) -> int | None:
    """A short bracket after the head ("(GVS)", "(SPD)"): its inside range is noted."""
    j = k + 1
    while j < n and doc.tokens[j].text != ")" and j - k < 8:
        j += 1
    if j < n and doc.tokens[j].text == ")" and j > k + 1:
        np_.paren.append((k + 1, j))
        return j + 1
    return None


def _coordinated_complement(doc: Doc, np_: NP, k: int, n: int, en: bool) -> int | None:
    """"für Verteidigung und militärische Analyse": coordination inside the last complement."""
    sub = parse_np(doc, k + 1, n, complements=False)
    if sub is None or cls(doc, k + 1) == "NAME":
        return None
    prep, pk, last = np_.comps[-1]
    if sub.det is not None and prep in ("gen", "der", "des"):
        np_.comps.append((prep, k, sub))  # "der SPD-Fraktion und der Tierschutzpartei": two of them
        return sub.end
    if cls(doc, k + 1) == "NOUN" and is_roleish_word(low_at(doc, k + 1)) and not en:
        return None  # "Dekan der Fakultät und Vorsitzende des …": a second role
    last.end = sub.end
    last.heads.extend(sub.heads)
    return sub.end



def _temporal(doc: Doc, np_: NP) -> bool:
    toks = [doc.tokens[h].text.lower() for h in np_.heads] + [doc.tokens[m].text.lower() for m in np_.mods]
    return any(w in TIME_WORDS for w in toks) or any(w.rstrip(".").isdigit() for w in toks)


def span_text(doc: Doc, a: int, b: int) -> str:
    if b <= a:
        return ""
    return doc.text[doc.tokens[a].start : doc.tokens[b - 1].end]


def low_at(doc: Doc, k: int) -> str:
    return doc.tokens[k].text.lower()


def is_roleish(doc: Doc, k: int) -> bool:
    """A German noun that can be a title or an organisation type before a name."""
    w = noun_nominative(doc.tokens[k], False).lower()
    return (is_roleish_word(w) or doc.tokens[k].pos == "NNA"
            or is_org_word(w, False) or w.endswith(ORG_DESCRIPTORS) or is_doc_word(w))


def genitives_out_of_heads(doc: Doc, np_: NP) -> list[int]:
    """"New Yorks Bürgermeister Michael Bloomberg": a possessor; "der Oberrabbiner Israels": a complement."""
    heads = np_.heads
    for i in range(len(heads) - 2):
        a, b, c = heads[i], heads[i + 1], heads[i + 2]
        if cls(doc, a) == "NAME" and doc.tokens[a].text.endswith("s") and cls(doc, b) == "NOUN" and is_roleish(doc, b) \
                and cls(doc, c) == "NAME" and all(cls(doc, h) == "NAME" for h in heads[: i + 1]):
            np_.possessor = (heads[0], a + 1)
            np_.heads = heads[i + 1 :]
            return np_.heads
    if len(heads) >= 2 and cls(doc, heads[-2]) == "NOUN" and cls(doc, heads[-1]) == "NAME":
        last = doc.tokens[heads[-1]]
        bare = last.text[:-1] if last.text.endswith("s") else ""
        if bare and (is_country(bare) or is_country(last.lemma)):
            sub = NP(start=heads[-1], end=heads[-1] + 1, head_end=heads[-1] + 1, heads=[heads[-1]])
            np_.comps.insert(0, ("gen", heads[-1], sub))
            np_.heads = heads[:-1]
            np_.head_end = heads[-1]
            return np_.heads
    return heads


def possessor_name(doc: Doc, span: tuple[int, int]) -> str:
    a, b = span
    while a < b and cls(doc, a) == "DET":
        a += 1
    return span_text(doc, a, b)


def tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(",;: ")


def join_tokens(doc: Doc, heads: list[int], words: list[str]) -> str:
    """Join words, keeping the text's own spacing inside names ("King’s College", "Nurses' Union")."""
    mods = len(words) - len(heads)
    out = " ".join(words[:mods])
    prev = None
    for k, w in zip(heads, words[mods:]):
        if prev is not None and doc.tokens[prev].end == doc.tokens[k].start:
            out += w
        else:
            out = (out + " " + w) if out else w
        prev = k
    return out.strip()


def dedupe(items: list[str]) -> list[str]:
    seen = set()
    out = []
    for x in items:
        x = tidy(x)
        if x and x.lower() not in seen:
            seen.add(x.lower())
            out.append(x)
    return out
