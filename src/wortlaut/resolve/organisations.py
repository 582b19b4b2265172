"""Organisation names and affiliations: what names an organisation and how to write it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..analyse.tokens import Doc
from .classes import capitalised, cls, is_abbrev, is_country, is_org_word
from ..analyse.de.morphology import adj_stem, gender_of_noun, noun_nominative, strong_adjective
from .phrases import NP, join_tokens, low_at, span_text, tidy
from .words import DROP_ORG_ADJ, GENERIC_ORG, ORG_DESCRIPTORS, PART_HEADS, QUANTIFIERS

if TYPE_CHECKING:
    from .mentions import MentionInfo


def is_place(doc: Doc, np_: NP) -> bool:
    if np_.det is not None and doc.language == "de":
        return False
    toks = np_.heads
    return bool(toks) and all(cls(doc, k) in ("NAME", "LINK") for k in toks) and not any(
        is_org_word(doc.tokens[k].text, doc.language != "de") for k in toks)


def is_org_like(doc: Doc, np_: NP, strict: bool) -> bool:
    """Whether a phrase names an organisation one can work for."""
    if np_.quoted is not None:
        return True
    heads = np_.heads
    if not heads:
        return False
    texts = [doc.tokens[k].text for k in heads]
    if doc.language != "de":
        return _english_org_like(doc, heads, texts, strict)
    return _german_org_like(doc, heads, texts, strict)


def _english_org_like(doc: Doc, heads: list[int], texts: list[str], strict: bool) -> bool:
    caps = [k for k in heads if capitalised(doc.tokens[k].text)]
    if not caps:
        return False
    if any(is_org_word(t, True) for t in texts):
        return True
    if len(caps) >= 2:
        return True
    return not strict and not is_country(doc.tokens[caps[0]].text)


def _german_org_like(doc: Doc, heads: list[int], texts: list[str], strict: bool) -> bool:
    names = [k for k in heads if cls(doc, k) == "NAME"]
    if any(t.lower() in GENERIC_ORG for t in texts) and len(heads) == 1:
        return False
    if any(is_org_word(t, False) for t in texts):
        return True
    if len(names) >= 2 and any(cls(doc, k) == "NAME" and doc.tokens[k].pos == "FM" for k in heads):
        return True
    if len(names) >= 2 and any(capitalised(doc.tokens[k].text) for k in names):
        return not all(is_country(doc.tokens[k].text) for k in names)
    if len(names) == 1 and len(heads) == 1 and is_abbrev(texts[0]):
        return True
    return not strict and len(names) == 1 and len(heads) == 1 and not is_country(texts[0])


def affiliation_text(doc: Doc, np_: NP, end: int | None = None) -> str:
    """An organisation as an affiliation: nominative, without article, descriptors or trailing place."""
    end = end if end is not None else np_.end
    en = doc.language != "de"
    if np_.quoted is not None:
        return span_text(doc, *np_.quoted)
    heads = np_.heads
    described = _name_after_descriptor(doc, np_, end, en)
    if described is not None:
        return described
    text = join_tokens(doc, heads, _affiliation_words(doc, np_, en))
    # what follows the head phrase (genitive, "für …") stays as written
    if end > np_.end or np_.comps:
        tail_start = np_.comps[0][1] if np_.comps else np_.end
        tail = span_text(doc, tail_start, end)
        if tail:
            text = text + " " + tail
    text = _drop_trailing_place(text)
    if text and not en:
        text = text[0].upper() + text[1:]
    return tidy(text)


def _name_after_descriptor(doc: Doc, np_: NP, end: int, en: bool) -> str | None:
    """Words before a proper name only describe it ("der US-amerikanischen Defense …", "the think tank …"):
    the name from there on, or None."""
    heads = np_.heads
    first_name = next((k for k in heads if cls(doc, k) == "NAME"), None)
    if first_name is None:
        return None
    before = [k for k in heads if k < first_name]
    descriptor = en or not before or low_at(doc, before[-1]).endswith(ORG_DESCRIPTORS)
    if descriptor and (before or np_.mods):
        return _drop_trailing_place(span_text(doc, first_name, end))
    return None


def _affiliation_words(doc: Doc, np_: NP, en: bool) -> list[str]:
    """Modifiers and heads in nominative, without adjectives like "örtlich" or "zuständig"."""
    heads = np_.heads
    det = low_at(doc, np_.det) if np_.det is not None else ""
    noun = next((k for k in heads if cls(doc, k) == "NOUN"), heads[-1] if heads else None)
    gender = gender_of_noun(doc.tokens[noun].text if noun is not None else "", det)
    words = []
    for m in np_.mods:
        t = doc.tokens[m]
        stem = (adj_stem(t) or t.text).lower()
        if stem in DROP_ORG_ADJ or t.lemma.lower() in DROP_ORG_ADJ:
            continue
        words.append(strong_adjective(t, gender) if not en else t.text)
    for i, k in enumerate(heads):
        t = doc.tokens[k]
        if not en and i == 0 and cls(doc, k) == "NOUN":
            words.append(noun_nominative(t, False))
        else:
            words.append(t.text)
    return words


def _drop_trailing_place(text: str) -> str:
    m = re.search(r"\s+(in|im|from|aus)\s+[A-ZÄÖÜ][\w.-]*(\s+[A-ZÄÖÜ][\w.-]*)?$", text)
    if m:
        return text[: m.start()]
    return text


def org_name(doc: Doc, np_: NP, heads: list[int], det: str, keep_mods: bool) -> str:
    en = doc.language != "de"
    gender = gender_of_noun(doc.tokens[heads[-1]].text if heads else "", det)
    # the gender of a name like "Nationaler Sicherheitsrat" is the gender of its noun
    noun = next((k for k in heads if cls(doc, k) == "NOUN"), None)
    if noun is not None:
        gender = gender_of_noun(doc.tokens[noun].text, det)
    words = []
    first_name = next((k for k in heads if cls(doc, k) == "NAME"), None)
    drop_mods = first_name is not None and heads[0] == first_name and doc.tokens[first_name].pos in ("NE", "FM")
    if keep_mods and not drop_mods:
        for m in np_.mods:
            t = doc.tokens[m]
            stem = (adj_stem(t) or t.text).lower()
            if stem in DROP_ORG_ADJ or t.lemma.lower() in DROP_ORG_ADJ or t.text.lower() in QUANTIFIERS:
                continue
            words.append(strong_adjective(t, gender))
    elif en and not drop_mods:
        words.extend(doc.tokens[m].text for m in np_.mods if doc.tokens[m].text.lower() not in QUANTIFIERS)
    for i, k in enumerate(heads):
        t = doc.tokens[k]
        if not en and k == noun:
            words.append(noun_nominative(t, False))
        elif not en and cls(doc, k) == "ADJ" and i == 0:
            words.append(strong_adjective(t, gender))
        else:
            words.append(t.text)
    text = join_tokens(doc, heads, words)
    if text and not en:
        text = text[0].upper() + text[1:]
    return text


def with_org_complements(doc: Doc, np_: NP, info: MentionInfo, named: bool) -> str:
    """Add the genitives and "für" phrases that belong to an organisation's name; an organisation
    in a genitive becomes the affiliation ("Institut für Pflegewissenschaft der … Universität Graz")."""
    name = info.name
    en = doc.language != "de"
    tail_start = None
    tail_end = None
    for i, (prep, pk, sub) in enumerate(np_.comps):
        if prep == "time":
            break
        if prep in ("gen", "für", "for", "of", "der", "des", "on"):
            if (prep in ("gen", "of") and is_org_like(doc, sub, strict=True)
                    and any(is_org_word(doc.tokens[h].text, en) for h in sub.heads)
                    and not is_country(span_text(doc, sub.start, sub.end))):
                head_low = doc.tokens[np_.heads[-1]].text.lower() if np_.heads else ""
                if head_low in PART_HEADS and tail_start is None:
                    return affiliation_text(doc, sub)  # "die Fraktion der Bürgerliste Lindenau"
                info.affiliations.append(affiliation_text(doc, sub))
                break
            if prep in ("of", "for") and en and not any(capitalised(doc.tokens[h].text) for h in sub.heads):
                break
            tail_start = pk if tail_start is None else tail_start
            tail_end = sub.end
            continue
        if prep in ("in", "im") and not named and tail_start is None and is_place(doc, sub):
            return name + " " + span_text(doc, sub.start, sub.end)  # "die Präfektur in Straßburg"
        if prep in ("von", "vom") and is_place(doc, sub) and not named:
            return name + " " + span_text(doc, pk, sub.end)
        break
    if tail_start is not None:
        name = name + " " + span_text(doc, tail_start, tail_end)
    return tidy(name)
