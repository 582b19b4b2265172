"""What a speaker mention says about its source: canonical name, kind, roles, affiliations.

The attribution taggers mark where a speaker is written ("Carl Schuster,
ehemaliger Einsatzleiter …", "er", "einem Bericht des Council on Foreign
Relations vom Juni 2022"). ``describe_mention`` reads that stretch, widened
or cut by the tokens around it, with the tokens' part-of-speech tags and lemmas
(HanTa for German, Penn tags for English), capitalisation and word lists.
Everything is rules and lookups, cheap enough to call for every mention and
every name in an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..analyse.tokens import Doc
from ..lexicon.name_words import NAME_PARTICLES
from ..lexicon.time_words import TIME_WORDS
from .classes import capitalised, cls, is_abbrev, is_country, is_doc_word, is_org_word, is_role_compound, opens_sentence
from .kinds import read_described, read_named
from ..analyse.de.morphology import gender_of_noun, noun_nominative, strong_adjective
from .phrases import NP, dedupe, genitives_out_of_heads, is_roleish, low_at, parse_np, quoted_name, span_text
from .roles import split_role
from .words import (
    AUTHOR_PREPS,
    DE_DEFINITE,
    DE_POSSESSIVE,
    DE_RELATIVE_POSSESSIVE,
    EN_POSSESSIVE,
    GROUP_PRONOUNS,
    HONORIFICS,
    PRONOUNS,
    QUANTIFIERS,
    STATEMENT_WORDS,
    TITLES,
)


@dataclass
class MentionInfo:
    name: str
    kind: str  # a Source kind, or "pronoun"
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    name_parts: list[str] = field(default_factory=list)  # persons: every token of the name
    head: str = ""  # head noun of a description ("Bürgermeisterin", "Bericht", "Verein")
    definite: bool = False  # "der Bürgermeister", "die Gewerkschaft", "the authority"
    plural: bool = False
    gender: str = ""  # "m" | "f" | "" (unknown); for persons, pronouns and descriptions
    possessive: str = ""  # "m" | "f" | "pl" when a possessive ties it to someone earlier ("ihr Sprecher")
    possessor: str = ""  # a written possessor ("the trust's medical director" -> "trust")
    document: str = ""  # head of the document it came through ("Bericht"), if any
    aliases: list[str] = field(default_factory=list)  # abbreviations given in brackets ("GVS")
    named: bool = False  # has a proper name (not just a description)
    weak: bool = False  # a lone non-noun ("Ähnlich"): names someone only if a person of that name is known
    start: int = 0  # token range read, after widening
    end: int = 0


def describe_mention(doc: Doc, a: int, b: int) -> MentionInfo:
    """Describe the speaker written at tokens [a, b) of ``doc``."""
    n = len(doc.tokens)
    a, b = max(0, a), min(b, n)
    # "Dessen Vorsitzender …": whose it is, for the resolver to link the organisation
    relative_possessive = DE_RELATIVE_POSSESSIVE.get(low_at(doc, a), "") if a < b else ""
    a, b = _trim(doc, a, b)
    if a >= b:
        return MentionInfo(name="", kind="unnamed", start=a, end=b)
    sent = doc.tokens[a].sent
    s0, s1 = doc.sentences[sent] if doc.sentences else (0, n)
    s1 = max(s1, b)
    short = _pronominal(doc, a, b, s0)
    if short is not None:
        return short
    a = _extend_left(doc, a, s0)
    hard = b if doc.language != "de" else None
    main = parse_np(doc, a, s1, hard)
    if main is None:
        return _no_phrase(doc, a, b, s1)
    info = _interpret(doc, main, s1, hard)
    info.start = a
    info.end = max(b, info.end)
    if relative_possessive and not info.possessive and info.kind in ("person", "unnamed"):
        info.possessive = relative_possessive
    return info


def _pronominal(doc: Doc, a: int, b: int, s0: int) -> MentionInfo | None:
    """Pronouns, relative pronouns, pronominal adverbs and group words; a possessive before a statement."""
    first = doc.tokens[a]
    low = first.text.lower()
    if b - a == 1 and first.pos == "PRELS" and a - 1 > s0 and doc.tokens[a - 1].text == ",":
        # "Analysten, die sagen": a relative pronoun stands for the phrase before its comma
        e = a - 1
        k = e
        while k > s0 and doc.tokens[k - 1].pos.startswith(("NN", "NE", "ADJ", "ART", "CARD", "FM")):
            k -= 1
        if k < e:
            return describe_mention(doc, k, e)
    if b - a == 1 or cls(doc, a) in ("PRON", "REL"):
        if low in PRONOUNS and cls(doc, a) in ("PRON", "REL", "OTHER", "DET") or low in ("demnach", "demzufolge"):
            return _pronoun(doc, a, low)
        if low in GROUP_PRONOUNS and cls(doc, a) in ("PRON", "DET", "NOUN", "ADJ", "OTHER"):
            return MentionInfo(name=first.text, kind="unnamed", plural=True, start=a, end=a + 1)
    # "seiner Meinung", "dessen Angaben"
    if low in DE_POSSESSIVE and b > a + 1 and is_doc_word(doc.tokens[b - 1].text):
        return MentionInfo(name=low, kind="pronoun", gender=DE_POSSESSIVE[low], start=a, end=b)
    if low in EN_POSSESSIVE and b > a + 1 and is_doc_word(doc.tokens[b - 1].text):
        g = EN_POSSESSIVE[low]
        return MentionInfo(name=low, kind="pronoun", gender="" if g == "pl" else g, plural=g == "pl", start=a, end=b)
    return None


def _no_phrase(doc: Doc, a: int, b: int, s1: int) -> MentionInfo:
    """No noun phrase at the start: a quoted name, a lone non-noun, a particle name or plain text."""
    q = a + 1 if cls(doc, a) == "DET" else a
    quoted = quoted_name(doc, q, s1) if q < s1 and cls(doc, q) == "QUOTE" else None
    if quoted:  # die „Aktion Deutschland hilft“
        return MentionInfo(name=span_text(doc, *quoted), kind="organisation", named=True, start=a, end=quoted[1] + 1)
    if b - a == 1 and not doc.tokens[a].pos.startswith(("NN", "NE", "FM", "XY")):
        return MentionInfo(name=doc.tokens[a].text, kind="unnamed", weak=True, start=a, end=b)
    if low_at(doc, a) in NAME_PARTICLES and a + 1 < b and capitalised(doc.tokens[b - 1].text):  # "de Maizière"
        parts = [t.text for t in doc.tokens[a:b]]
        return MentionInfo(name=" ".join(parts), kind="person", name_parts=parts,
                           named=True, start=a, end=b)
    return MentionInfo(name=span_text(doc, a, b), kind="unnamed", start=a, end=b)



def _trim(doc: Doc, a: int, b: int) -> tuple[int, int]:
    while a < b:
        c = cls(doc, a)
        low = low_at(doc, a)
        # "Dessen Vorsitzender Dieter Krüger": the relative possessive only links back
        if c in ("PUNCT", "QUOTE", "VERB", "CONJ", "RELPOSS") or low in ("es", "it", "according", "to", "laut",
                                                                         "zufolge", "so", "wie", "as"):
            a += 1
            continue
        if c == "PREP" and a + 1 < b:
            a += 1
            continue
        break
    while b > a:
        c = cls(doc, b - 1)
        low = low_at(doc, b - 1)
        if c in ("PUNCT", "QUOTE", "VERB", "CONJ") and doc.tokens[b - 1].text not in (")", "."):
            b -= 1
            continue
        if low in ("zufolge", "nach", "said", "says", "say", "told"):
            b -= 1
            continue
        last = doc.tokens[b - 1].text
        if last == "," or (last == "." and b - 1 > a and not capitalised(doc.tokens[b - 2].text)):
            b -= 1
            continue
        break
    return a, b


def _extend_left(doc: Doc, a: int, s0: int) -> int:
    """Take in name parts, role nouns, adjectives and the article written before the range."""
    en = doc.language != "de"
    first = cls(doc, a)
    if first in ("DET",):
        return a
    took_noun = False
    while a > s0:
        p = a - 1
        c = cls(doc, p)
        cur = cls(doc, a)
        low = low_at(doc, p)
        if c == "NAME" and cur in ("NAME",) and doc.tokens[p].end < doc.tokens[a].start:
            if en and opens_sentence(doc, p) and low in QUANTIFIERS:
                break
            a = p
            continue
        if en and c == "NAME" and cur == "NOUN" and opens_sentence(doc, p):
            a = p  # "Shipping analysts", "Privacy experts"
            continue
        if not en and c == "NOUN" and cur in ("NAME", "NOUN") and low not in TIME_WORDS and not took_noun:
            if cur == "NOUN" and not capitalised(doc.tokens[a].text):
                break
            a = p
            took_noun = True
            continue
        if not en and c == "ADJ" and cur in ("NOUN", "ADJ", "NAME"):
            a = p
            continue
        if c == "DET" and cur in ("NOUN", "ADJ", "NAME", "NUM"):
            a = p
            break
        if c == "NUM" and re.search(r"\d+-", doc.tokens[p].text):
            a = p
            continue
        break
    return a


def _pronoun(doc: Doc, a: int, low: str) -> MentionInfo:
    gender, plural = PRONOUNS.get(low, ("", False))
    if low == "sie":
        plural = _plural_verb_near(doc, a)
        gender = "" if plural else "f"
    return MentionInfo(name=low, kind="pronoun", gender=gender, plural=plural, start=a, end=a + 1)


def _plural_verb_near(doc: Doc, k: int) -> bool:
    """"sagten sie" / "sie sagten": read the number off the nearest finite verb."""
    for j in (k - 1, k + 1, k - 2, k + 2):
        if 0 <= j < len(doc.tokens):
            t = doc.tokens[j]
            if "FIN" in t.pos:
                w = t.text.lower()
                return w.endswith("en") or w in ("sind", "waren", "haben", "hätten", "wären", "seien")
    return False


def _interpret(doc: Doc, np_: NP, limit: int, hard: int | None) -> MentionInfo:
    en = doc.language != "de"
    det = low_at(doc, np_.det) if np_.det is not None else ""
    heads = np_.heads if en else genitives_out_of_heads(doc, np_)
    role_toks, name_toks = _role_and_name_tokens(doc, heads, en)
    info = _phrase_info(doc, np_, det)
    head_word = low_at(doc, role_toks[-1]) if role_toks else ""
    if role_toks and is_doc_word(head_word):
        through = _through_document(doc, np_, info, role_toks, name_toks, limit, hard)
        if through is not None:
            return through
    if np_.quoted is not None:
        return _quoted_source(doc, np_, info, role_toks, head_word, det)
    if name_toks:
        return read_named(doc, np_, info, role_toks, name_toks, det, limit)
    if not is_doc_word(head_word) and not is_org_word(head_word, en):
        person = _name_after_description(doc, np_, limit)
        if person is not None:
            return person
    return read_described(doc, np_, info, role_toks, det, limit, hard)


def _role_and_name_tokens(doc: Doc, heads: list[int], en: bool) -> tuple[list[int], list[int]]:
    """Split the heads into description (role nouns, titles) and name."""
    role_toks: list[int] = []
    name_toks: list[int] = []
    for k in heads:
        c = cls(doc, k)
        low = low_at(doc, k)
        if name_toks:
            name_toks.append(k)
            continue
        if c == "NAME" and (low.rstrip(".") in TITLES or is_role_compound(low)) and _next_is_name(doc, k, heads):
            role_toks.append(k)
            continue
        if c == "NAME" and low in HONORIFICS and _next_is_name(doc, k, heads):
            continue
        if c == "NAME" and not (en and _only_lower_after(doc, k, heads)):
            name_toks.append(k)
            continue
        role_toks.append(k)
    # English: capitalised words before a lower-case head only qualify it ("Shipping analysts")
    if en and name_toks and role_toks and role_toks[-1] > name_toks[-1]:
        role_toks = sorted(role_toks + name_toks)
        name_toks = []
    # German: a noun before a name that is no title is part of the name ("Vattenfall Europe")
    while (not en and name_toks and role_toks and role_toks[-1] == name_toks[0] - 1
           and not is_roleish(doc, role_toks[-1])):
        name_toks.insert(0, role_toks.pop())
    return role_toks, name_toks


def _phrase_info(doc: Doc, np_: NP, det: str) -> MentionInfo:
    """What the article, possessor and brackets of a phrase say, whatever its kind."""
    info = MentionInfo(name="", kind="unnamed", definite=det in DE_DEFINITE or det == "the", end=np_.end)
    # German "ihr" is "her" or "their": marked "f", the resolver tries both
    info.possessive = DE_POSSESSIVE.get(det) or EN_POSSESSIVE.get(det, "")
    if np_.possessor:
        info.possessor = span_text(doc, *np_.possessor)
    for pa, pb in np_.paren:
        inner = span_text(doc, pa, pb)
        if is_abbrev(inner):
            info.aliases.append(inner)
    return info


def _through_document(doc: Doc, np_: NP, info: MentionInfo, role_toks: list[int], name_toks: list[int],
                      limit: int, hard: int | None) -> MentionInfo | None:
    """A document as the head: the source is its author when there is one."""
    if not name_toks and np_.quoted is None:
        return _document(doc, np_, info, role_toks, limit, hard)
    if name_toks and role_toks[-1] < name_toks[0]:
        # "Worte Armstrongs", "Meinung Russlands": the name is the author
        author = _genitive_author(doc, name_toks, _interpret(doc, NP(start=name_toks[0], end=np_.end,
                                                                     heads=name_toks), limit, hard))
        author.document = doc.tokens[role_toks[-1]].text
        return author
    return None


def _quoted_source(doc: Doc, np_: NP, info: MentionInfo, role_toks: list[int], head_word: str,
                   det: str) -> MentionInfo:
    """A name in quotation marks after a head: „Kassel fährt Rad“, «Rhyschwalbe»."""
    qa, qb = np_.quoted
    info.name = span_text(doc, qa, qb)
    info.kind = "organisation"
    info.named = True
    info.gender = gender_of_noun(head_word, det) if head_word and doc.language == "de" else ""
    if role_toks and is_doc_word(head_word):
        info.kind = "document"
    return info


def _name_after_description(doc: Doc, np_: NP, limit: int) -> MentionInfo | None:
    """A description, then the name: "Ein Sprecher der Polizei, Lars Beringer"."""
    if not (np_.end < limit and doc.tokens[np_.end].text == "," and np_.end + 1 < limit):
        return None
    sub = parse_np(doc, np_.end + 1, limit, None)
    if sub is None or not any(cls(doc, h) == "NAME" for h in sub.heads) or any(
            low_at(doc, h) in ("und", "and", "sowie") for h in sub.heads):
        return None
    person = _interpret(doc, sub, limit, None)
    person.end = max(person.end, sub.end)
    if person.kind != "person":
        return None
    role, affs, g = split_role(doc, np_)
    person.roles = dedupe([role] + person.roles)
    person.affiliations = dedupe(affs + person.affiliations)
    person.gender = person.gender or g
    return person



def _next_is_name(doc: Doc, k: int, heads: list[int]) -> bool:
    i = heads.index(k)
    return i + 1 < len(heads) and cls(doc, heads[i + 1]) == "NAME"


def _only_lower_after(doc: Doc, k: int, heads: list[int]) -> bool:
    """English: a capitalised word followed only by lower-case words is a modifier ("Shipping analysts")."""
    i = heads.index(k)
    rest = heads[i + 1 :]
    return bool(rest) and not any(capitalised(doc.tokens[h].text) for h in rest)


def _genitive_author(doc: Doc, toks: list[int], author: MentionInfo) -> MentionInfo:
    """The author named in a bare genitive ("Worte Armstrongs", "Meinung Russlands"), in nominative."""
    author.name = _strip_genitive(doc, toks, author.name)
    if author.kind == "person":
        author.name_parts = author.name.split()
        if is_country(author.name):
            author.kind, author.name_parts = "organisation", []
    return author


def _strip_genitive(doc: Doc, toks: list[int], name: str) -> str:
    last = doc.tokens[toks[-1]]
    if doc.language != "de" or not last.text.endswith("s"):
        return name
    if last.lemma and last.lemma != last.text and last.text.lower().startswith(last.lemma.lower()):
        return name[: len(name) - (len(last.text) - len(last.lemma))]
    if not last.text.endswith("ss") and not is_country(name):
        return name[:-1]
    return name


def _document(doc: Doc, np_: NP, info: MentionInfo, role_toks: list[int], limit: int,
              hard: int | None) -> MentionInfo:
    head_tok = doc.tokens[role_toks[-1]]
    for prep, pk, sub in np_.comps:
        if prep in AUTHOR_PREPS or prep == "gen":
            author_np = parse_np(doc, sub.start, limit, None)
            if author_np is None:
                continue
            author = _interpret(doc, author_np, limit, hard)
            if prep == "gen" and author_np.det is None and author.kind in ("person", "organisation"):
                names = [h for h in author_np.heads if cls(doc, h) == "NAME"]
                if names:
                    author = _genitive_author(doc, names, author)
            if author.kind in ("person", "organisation", "unnamed", "pronoun") and author.name:
                author.document = head_tok.text
                author.start = np_.start
                author.end = max(author.end, np_.end)
                return author
        if prep != "time":
            break
    if head_tok.text.lower() in STATEMENT_WORDS or head_tok.text.lower().endswith("angaben"):
        info.kind = "pronoun"
        info.name = head_tok.text.lower()
        info.gender = "none"
        return info
    det = low_at(doc, np_.det) if np_.det is not None else ""
    if det in DE_POSSESSIVE or det in EN_POSSESSIVE:
        info.kind = "pronoun"
        info.name = det
        info.gender = DE_POSSESSIVE.get(det, EN_POSSESSIVE.get(det, ""))
        return info
    gender = gender_of_noun(head_tok.text, det)
    words = []
    for m in np_.mods:
        t = doc.tokens[m]
        if t.text.lower() in QUANTIFIERS:
            continue
        words.append(strong_adjective(t, gender) if doc.language == "de" else t.text)
    words.extend(noun_nominative(doc.tokens[k], doc.language != "de") for k in role_toks)
    info.kind = "document"
    info.name = " ".join(words)
    if info.name and doc.language == "de":
        info.name = info.name[0].upper() + info.name[1:]
    info.head = noun_nominative(head_tok, doc.language != "de")
    info.document = info.head
    info.gender = gender
    return info
