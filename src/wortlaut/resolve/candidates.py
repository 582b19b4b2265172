"""Antecedent candidates: persons, organisations and documents written outside quotations."""

from __future__ import annotations

from ..analyse.quotes import find_mark_spans
from ..analyse.tokens import Doc
from ..lexicon.time_words import TIME_WORDS
from ..model import Article, fold
from .classes import cls, is_country, is_doc_word, is_org_word, token_classes
from .english_titles import split_title
from .mentions import MentionInfo, describe_mention
from .phrases import NP, parse_np
from .words import PERSON_NOUNS, PRONOUNS


def quoted_tokens(doc: Doc) -> list[bool]:
    """Tokens inside quotation marks: someone else's words, whose names are not antecedents.
    (Names in indirect speech are kept: the tagger's spans often take in the speaker too.)"""
    marked = [False] * len(doc.tokens)
    for m in find_mark_spans(doc):
        a, b = m.inner
        if b - a > 6:  # a short one is a name or title ("Kassel fährt Rad"), not speech
            oa, ob = m.outer
            for k in range(max(oa, 0), min(ob, len(marked))):
                marked[k] = True
    return marked


Candidate = tuple[int, MentionInfo, bool]  # (token, description, whether it may start an entity of its own)


def scan_antecedents(article: Article, doc: Doc, inside: list[bool], taken: set[int]) -> list[Candidate]:
    """Persons and organisations written outside quotations, as antecedents; none at the tokens ``taken``
    (speaker mentions, described already)."""
    out: list[Candidate] = []
    toks = doc.tokens
    n = len(toks)
    classes = token_classes(doc)
    skip_names = {fold(article.outlet)} if article.outlet else set()
    k = 0
    while k < n:
        if inside[k]:
            k += 1
            continue
        c = classes[k]
        if c in ("OTHER", "VERB") and _bare_subject(doc, k):
            if k not in taken:
                out.append((k, _bare_name(toks[k].text), False))
            k += 1
            continue
        if c not in ("DET", "ADJ", "NOUN", "NAME"):
            k += 1
            continue
        sent = toks[k].sent
        s1 = doc.sentences[sent][1] if doc.sentences else n
        np_ = parse_np(doc, k, s1, None, complements=False)
        if np_ is None:
            k += 1
            continue
        found, k = _phrase_candidate(doc, k, np_, inside, skip_names, k in taken)
        if found is not None:
            out.append(found)
    return out


def _phrase_candidate(doc: Doc, k: int, np_: NP, inside: list[bool], skip_names: set[str],
                      taken: bool) -> tuple[Candidate | None, int]:
    """The candidate the phrase at token k gives, if any (none where ``taken``), and the token to scan on from."""
    toks = doc.tokens
    heads = np_.heads
    classes = token_classes(doc)
    has_name = any(classes[h] == "NAME" for h in heads) or np_.quoted is not None
    org_head = any(is_org_word(toks[h].text, doc.language != "de") for h in heads)
    head_low = toks[heads[-1]].text.lower() if heads else ""
    person_head = head_low.endswith(PERSON_NOUNS) and np_.det is not None
    doc_head = is_doc_word(head_low) and np_.det is not None
    if not (has_name or org_head or person_head or doc_head) and len(heads) == 1 and _bare_subject(doc, k):
        return (None if taken else (k, _bare_name(toks[k].text), False)), k + 1
    found = None
    wanted = has_name or (org_head and np_.det is not None) or person_head or doc_head
    if wanted and not taken and not any(inside[h] for h in heads):
        info = split_title(doc, describe_mention(doc, k, np_.head_end))
        if info.name and fold(info.name) not in skip_names and not is_country(info.name):
            found = _by_kind(doc, k, info, person_head)
    return found, max(np_.head_end, k + 1)


def _by_kind(doc: Doc, k: int, info: MentionInfo, person_head: bool) -> Candidate | None:
    """Which descriptions are antecedents, and which of them may start an entity."""
    if info.kind == "organisation":
        return (k, info, info.named)
    if info.kind == "person" and _english_place(doc, k, info.end):
        return None
    if info.kind == "person" and not _opened_by_mark(doc, k):
        return (k, info, len(info.name_parts) > 1 or bool(info.roles))
    if info.kind == "unnamed" and not info.plural and person_head:
        return (k, info, True)
    if info.kind == "document":
        return (k, info, False)
    return None


def _english_place(doc: Doc, a: int, b: int) -> bool:
    """A name the English pack's NER calls a place or building ("St James' Park", "Water Street")."""
    return doc.language == "en" and any(
        label in ("GPE", "LOC", "FAC") and s <= a < e for s, e, label in doc.entities)


def _opened_by_mark(doc: Doc, k: int) -> bool:
    """A name glued to an opening quotation mark is a title ("The Oregon Runner"), not a person."""
    return k > 0 and cls(doc, k - 1) == "QUOTE" and doc.tokens[k - 1].end == doc.tokens[k].start


def _bare_name(text: str) -> MentionInfo:
    """A bare surname as subject ("Frei will …", "antwortete Hartmann"): it only joins a known person."""
    return MentionInfo(name=text, kind="person", name_parts=[text])


def _bare_subject(doc: Doc, k: int) -> bool:
    """A capitalised word standing alone next to a finite verb, where a surname would be."""
    t = doc.tokens[k]
    low = t.text.lower()
    if not t.text[:1].isupper() or not t.text.isalpha() or low in PRONOUNS or low in TIME_WORDS:
        return False
    prev = cls(doc, k - 1) if k > 0 else "PUNCT"
    if prev in ("DET", "ADJ", "PREP", "NOUN", "NAME"):
        return False
    return (k + 1 < len(doc.tokens) and _finite(doc.tokens[k + 1])) or (k > 0 and _finite(doc.tokens[k - 1]))


def _finite(t) -> bool:
    return "FIN" in t.pos or t.pos in ("VBD", "VBZ", "VBP", "MD")
