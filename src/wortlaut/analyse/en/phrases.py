"""Noun phrases around English cue verbs: the speaker before or after the verb."""

from __future__ import annotations

from ...lexicon.name_words import EN_NP_LINKS
from ...lexicon.time_words import EN_TEMPORAL
from ..attribution import Range
from ..tokens import Doc
from .cues import NOUN_TAGS, NP_TAGS

OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})
DETERMINERS = frozenset({"DT", "PDT", "PRP$"})


def link_ok(doc: Doc, left: int, link: int, right: int, b: int) -> bool:
    """May the linker at ``link`` join the phrase parts at ``left`` and ``right``?"""
    toks = doc.tokens
    low = toks[link].text.lower()
    if toks[left].pos not in NOUN_TAGS or toks[left].pos == "PRP":
        return low == "with" and toks[left].text.lower() == "familiar"  # "people familiar with the matter"
    if low == "of":
        return toks[right].pos in NP_TAGS or toks[right].pos in NOUN_TAGS
    if low in ("and", "&"):
        return toks[left].pos.startswith("NNP") and toks[right].pos.startswith("NNP")
    r = right + 1 if toks[right].pos == "DT" and right + 1 < b else right
    # "people familiar with the matter": the adjective sits between the noun and "with"
    familiar = low == "with" and toks[link - 1].text.lower() == "familiar"
    return toks[r].pos.startswith("NNP") or familiar


def np_backward(doc: Doc, e: int, a: int, depth: list[int]) -> Range | None:
    """The noun phrase ending at token e (inclusive): "the head of the central bank"."""
    toks = doc.tokens
    if e < a or depth[e]:
        return None
    if toks[e].pos == "PRP":
        return (e, e + 1) if toks[e].text.lower() not in OBJECT_PRONOUNS else None
    if toks[e].pos not in NOUN_TAGS and not (toks[e].text.lower() == "old" and e > a and toks[e - 1].pos == "HYPH"):
        return None
    k = e
    while k - 1 >= a and not depth[k - 1]:
        t = toks[k - 1]
        low = t.text.lower()
        if low in EN_NP_LINKS and k - 2 >= a and not depth[k - 2] and link_ok(doc, k - 2, k - 1, k, e + 1):
            k -= 1
            continue
        if toks[k].pos in DETERMINERS:
            break  # a determiner opens the phrase
        if t.pos.startswith("NN") and low in EN_TEMPORAL and toks[k].pos != "HYPH":
            break  # "Last week the minister said" (not "the 34-year-old")
        if t.pos in NP_TAGS or t.pos in NOUN_TAGS and t.pos != "PRP":
            k -= 1
            continue
        if t.pos == "VBG" and k - 2 >= a and toks[k - 2].pos == "DT":
            k -= 1  # "a smiling Clinton"
            continue
        break
    return (k, e + 1)


def np_forward(doc: Doc, k: int, b: int, depth: list[int]) -> Range | None:
    """The noun phrase starting at token k (after adverbs): "Jane Doe", "the head of the bank"."""
    toks = doc.tokens
    while k < b and not depth[k] and toks[k].pos == "RB":
        k += 1
    if k >= b or depth[k]:
        return None
    if toks[k].pos == "PRP":
        return (k, k + 1)
    j, last, linked = k, None, False
    while j < b and not depth[j]:
        t = toks[j]
        low = t.text.lower()
        if last is not None and not linked and (t.pos in DETERMINERS or t.pos.startswith("NN") and low in EN_TEMPORAL):
            break  # a new phrase: "told reporters the plan …", "said Doe Tuesday"
        linked = False
        if t.pos in NOUN_TAGS and t.pos != "PRP":
            last = j
        elif low in EN_NP_LINKS and last is not None and j + 1 < b and not depth[j + 1] and link_ok(doc, last, j, j + 1, b):
            linked = True
        elif t.pos not in NP_TAGS or t.pos == "POS" and last is None:
            break
        j += 1
    return (k, last + 1) if last is not None else None
