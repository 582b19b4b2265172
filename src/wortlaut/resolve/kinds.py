"""Reading a parsed phrase as a source: a named person or organisation, or a description."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..analyse.tokens import Doc
from .classes import capitalised, cls, is_abbrev, is_country, is_org_word, is_roleish_word
from ..analyse.de.morphology import gender_of_noun, nominalised_role, noun_nominative, strong_adjective
from .organisations import is_org_like, org_name, with_org_complements
from .phrases import NP, dedupe, low_at, parse_np, possessor_name, span_text, tidy
from .roles import read_apposition, role_before, split_role
from .words import (
    CLUB_PREFIXES,
    EN_GROUP,
    NOT_ROLES,
    ORG_DESCRIPTORS,
    ORG_NAME_TAILS,
    PERSON_RAT,
    QUANTIFIERS,
    SPLIT_ALWAYS,
    SPOKES,
)

if TYPE_CHECKING:
    from .mentions import MentionInfo


def read_named(doc: Doc, np_: NP, info: MentionInfo, role_toks: list[int], name_toks: list[int], det: str,
               limit: int) -> MentionInfo:
    """A phrase with a proper name: an organisation, a country or a person."""
    en = doc.language != "de"
    name_text = span_text(doc, name_toks[0], name_toks[-1] + 1)
    info.named = True
    head_is_org = _org_head(doc, role_toks, en)
    if head_is_org or _org_shaped_name(doc, name_toks, name_text, en) or is_country(name_text):
        return _named_org(doc, np_, info, role_toks, name_toks, name_text, det, head_is_org)
    return _named_person(doc, np_, info, role_toks, name_toks, name_text, det, limit)


def _org_shaped_name(doc: Doc, name_toks: list[int], name_text: str, en: bool) -> bool:
    """A name that is an organisation's by its words: "Harbour University", "GVS", "Amnesty International"."""
    return (
        any(is_org_word(doc.tokens[k].text, True)
            or (not en and cls(doc, k) == "NOUN" and is_org_word(doc.tokens[k].text, False)) for k in name_toks)
        or (len(name_toks) == 1 and is_abbrev(name_text))
        or (len(name_toks) >= 2 and low_at(doc, name_toks[-1]) in ORG_NAME_TAILS)
        or doc.tokens[name_toks[0]].text.upper() in CLUB_PREFIXES
    )


def _org_head(doc: Doc, role_toks: list[int], en: bool) -> bool:
    """The first or last description word is an organisation's ("der Konzern", "die Gewerkschaft")."""
    return any(
        (is_org_word(low_at(doc, k), en) or low_at(doc, k).endswith(ORG_DESCRIPTORS))
        and not low_at(doc, k).endswith(PERSON_RAT) for k in role_toks[:1] + role_toks[-1:])


def _named_org(doc: Doc, np_: NP, info: MentionInfo, role_toks: list[int], name_toks: list[int], name_text: str,
               det: str, head_is_org: bool) -> MentionInfo:
    en = doc.language != "de"
    head_word = low_at(doc, role_toks[-1]) if role_toks else ""
    info.kind = "organisation"
    info.gender = gender_of_noun(head_word or doc.tokens[name_toks[-1]].text, det)
    if head_is_org and role_toks[-1] < name_toks[0] and (
            head_word.endswith(ORG_DESCRIPTORS) or len(name_toks) == 1 and is_abbrev(name_text)):
        # "der Konzern Veltrona" -> "Veltrona", "Privatbank Rheinwerth & Co." -> "Rheinwerth & Co.",
        # "der Weltverband FIFA" -> "FIFA"
        info.name = name_text
    else:
        info.name = org_name(doc, np_, role_toks + name_toks, det, keep_mods=not en)
    info.name = with_org_complements(doc, np_, info, named=True)
    if en:
        info.name = info.name.strip()
    info.head = doc.tokens[role_toks[-1]].text if role_toks else ""
    return info


def _named_person(doc: Doc, np_: NP, info: MentionInfo, role_toks: list[int], name_toks: list[int],
                  name_text: str, det: str, limit: int) -> MentionInfo:
    """A person: the name, roles and affiliations written before it, in brackets and in an apposition."""
    en = doc.language != "de"
    info.kind = "person"
    # a coordination of names ("Oregon and Washington", "Kim und Putin") keeps the first
    for i, k in enumerate(name_toks):
        if i and low_at(doc, k) in ("and", "und", "&", "sowie", "or", "oder"):  # not a leading one: nothing before
            name_toks = name_toks[:i]
            name_text = span_text(doc, name_toks[0], name_toks[-1] + 1)
            break
    parts = [doc.tokens[k].text for k in name_toks if cls(doc, k) not in ("LINK", "CONJ", "PREP", "DET", "POSS")]
    info.name = " ".join(parts) if not any(cls(doc, k) == "POSS" for k in name_toks) else name_text
    info.name_parts = parts
    roles, affs, gender = role_before(doc, np_, role_toks, det) if role_toks else ([], [], "")
    affs.extend(_bracketed_affiliations(doc, np_))
    k = np_.end
    # an apposition or relative clause after a comma
    if k < limit and doc.tokens[k].text == ",":
        r2, a2, g2, end = read_apposition(doc, k + 1, limit)
        roles.extend(r2)
        affs.extend(a2)
        gender = gender or g2
        info.end = max(info.end, end)
    if np_.possessor:
        owner = possessor_name(doc, np_.possessor)
        if not en and owner.endswith("s") and not owner.endswith("ss"):
            owner = owner[:-1]  # "New Yorks Bürgermeister"
        affs.insert(0, owner)
    info.roles = dedupe(roles)
    info.affiliations = dedupe(affs)
    info.gender = gender
    return info


def _bracketed_affiliations(doc: Doc, np_: NP) -> list[str]:
    """A party or organisation in brackets ("(SPD)"), not an age or a year."""
    affs = []
    for pa, pb in np_.paren:
        inner = span_text(doc, pa, pb)
        if (not is_abbrev(inner) or len(inner) <= 5) and not any(ch.isdigit() for ch in inner):
            affs.append(inner)
    return affs


def read_described(doc: Doc, np_: NP, info: MentionInfo, role_toks: list[int], det: str, limit: int,
                   hard: int | None) -> MentionInfo:
    """No name: an organisation ("die Polizei"), a group ("Analysten") or an unnamed person."""
    en = doc.language != "de"
    head_tok = doc.tokens[role_toks[-1]]
    head_low = head_tok.text.lower()
    info.head = noun_nominative(head_tok, en)
    info.gender = gender_of_noun(head_tok.text, det) if not en else _english_gender(head_low)
    coord_end = _coordinated_group_end(doc, np_, limit, hard)
    if len(role_toks) == 1 and is_abbrev(head_tok.text) and not en:
        info.kind = "organisation"
        info.name = head_tok.text
        info.named = True
        return info
    first_low = low_at(doc, role_toks[0])
    if (is_org_word(head_low, en) or (is_org_word(first_low, en) and not first_low.endswith(PERSON_RAT))) \
            and not (en and head_low in EN_GROUP):
        return _described_org(doc, np_, info, role_toks, det)
    plural = _plural(doc, np_, role_toks, det) or coord_end is not None
    info.plural = plural
    info.kind = "unnamed"
    # name: the phrase as written without article, quantifiers or ages
    start = np_.mods[0] if np_.mods else role_toks[0]
    skip = {m for m in np_.mods if low_at(doc, m) in QUANTIFIERS or re.match(r"^\d+-j", low_at(doc, m))}
    while start in skip:
        start += 1
    if plural:
        info.name = span_text(doc, start, coord_end or _group_end(np_))
        return info
    return _unnamed_person(doc, np_, info, role_toks, start, skip, _description_end(doc, np_))


def _english_gender(head_low: str) -> str:
    if head_low in ("woman", "spokeswoman", "chairwoman", "mother"):
        return "f"
    if head_low in ("man", "spokesman", "chairman", "father"):
        return "m"
    return ""


def _coordinated_group_end(doc: Doc, np_: NP, limit: int, hard: int | None) -> int | None:
    """Where a coordinated group ends: "Patientinnen und Angehörige", "mehrere Wählerinnen und Wähler"."""
    end = np_.end
    if end + 1 < limit and low_at(doc, end) in ("und", "and", "sowie") and cls(doc, end + 1) in ("NOUN", "ADJ"):
        sub = parse_np(doc, end + 1, limit, hard, complements=False)
        if sub is not None and all(cls(doc, h) == "NOUN" for h in sub.heads):
            return sub.end
    return None


def _described_org(doc: Doc, np_: NP, info: MentionInfo, role_toks: list[int], det: str) -> MentionInfo:
    """An organisation by its description: "die Polizei", "das Institut für …", "the hospital trust"."""
    head_tok = doc.tokens[role_toks[-1]]
    info.kind = "organisation"
    info.name = org_name(doc, np_, role_toks, det, keep_mods=True)
    info.name = with_org_complements(doc, np_, info, named=False)
    info.named = len(info.name.split()) > 1
    if doc.language != "de":
        info.name = info.name[0].lower() + info.name[1:] if info.name and not capitalised(head_tok.text) else info.name
    return info


def _group_end(np_: NP) -> int:
    """A group is named by its noun and genitives, not by what it talks about ("Pendler von …")."""
    phrase_end = np_.head_end
    for prep, pk, sub in np_.comps:
        if prep != "gen" or pk != phrase_end:
            break
        phrase_end = sub.end
    return phrase_end


def _unnamed_person(doc: Doc, np_: NP, info: MentionInfo, role_toks: list[int], start: int, skip: set[int],
                    phrase_end: int) -> MentionInfo:
    """One unnamed person: name in nominative, role and affiliation as in an apposition."""
    en = doc.language != "de"
    head_low = low_at(doc, role_toks[-1])
    gender = info.gender
    words = []
    for m in np_.mods:
        if m in skip or m < start:
            continue
        words.append(strong_adjective(doc.tokens[m], gender) if not en else doc.tokens[m].text)
    for i, k in enumerate(role_toks):
        t = doc.tokens[k]
        if en:
            words.append(t.text)
        elif t.pos == "NNA" or re.match(r"^\d+-j", t.text.lower()):
            words.append(nominalised_role(t, gender) if t.pos == "NNA" else t.text)
        else:
            words.append(noun_nominative(t, False))
    tail = span_text(doc, np_.head_end, phrase_end) if phrase_end > np_.head_end else ""
    info.name = tidy(" ".join(words) + (" " + tail if tail else ""))
    app = NP(start=np_.start, end=phrase_end, det=np_.det, mods=[m for m in np_.mods if m not in skip],
             heads=role_toks, comps=[c for c in np_.comps if c[2].end <= phrase_end])
    role, affs, _ = split_role(doc, app)
    role = re.sub(r"\s+(aus|from|in|von)\s+[A-ZÄÖÜ][\w.-]*$", "", role)
    is_role = head_low not in NOT_ROLES and not re.match(r"^\d+-j", head_low)
    if is_role and (len(info.name.split()) > 1 or affs or head_low.endswith(SPOKES)):
        info.roles = [role] if role else []
    info.affiliations = affs
    if en and info.name and info.name.split()[0].lower() in ("one", "a", "an"):
        info.name = info.name.split(" ", 1)[-1]
    return info


def _description_end(doc: Doc, np_: NP) -> int:
    """Where the unnamed person's own description ends: keep genitives, "aus X", "von drei Kindern"."""
    end = np_.comps[0][1] if np_.comps else np_.end
    for prep, pk, sub in np_.comps:
        if prep in ("aus", "from") and (sub.det is not None or not all(capitalised(doc.tokens[h].text) for h in sub.heads)
                                        or np_.det is None):
            break  # "aus Ettlingen" describes one person; "aus Sicherheitsgründen" describes nothing
        if prep in ("gen", "aus", "von", "vom", "from", "of", "for", "der", "des", "für"):
            end = sub.end
            continue
        if prep in SPLIT_ALWAYS and is_org_like(doc, sub, strict=False):
            end = sub.end
            continue
        break
    return end


def _plural(doc: Doc, np_: NP, role_toks: list[int], det: str) -> bool:
    head = doc.tokens[role_toks[-1]]
    low = head.text.lower()
    if doc.language != "de":
        if det in ("a", "an", "one", "this", "that"):
            return False
        return low in EN_GROUP or (low.endswith("s") and not low.endswith(("ss", "us", "is")))
    if det in ("ein", "eine", "einer", "einem", "einen", "eines"):
        return False
    if low.endswith("in") and det in ("die", "der") and is_roleish_word(low[:-2]):
        return False  # "die Mieterschützerin": one woman; the plural ends in "-innen"
    if np_.det is not None and doc.tokens[np_.det].pos == "PIAT" and low not in ("jeder", "jede"):
        return det not in ("kein", "keine", "jeder", "jede", "jedes")
    if head.pos in ("NNA", "ADJ(A)") or re.match(r"^\d+-j", low):
        if det:
            return low.endswith("en") and det not in ("des", "dem", "der")
        return not low.endswith("er")
    if low.endswith("leute") or low in ("eltern", "leute"):
        return True
    if head.lemma and head.lemma != head.text and head.text.lower().startswith(head.lemma.lower()[:-1]):
        rest = head.text[len(head.lemma):]
        if rest in ("n", "en", "e", "er", "nen", "s") and det not in ("des", "dem", "eines", "einem"):
            return True
    if head.lemma and head.lemma != head.text and not head.text.lower().startswith(head.lemma.lower()[:-1]):
        return det not in ("des", "dem", "eines", "einem")  # umlaut plurals: "Kinderärzte"
    if not det:
        return not low.endswith(SPOKES)  # a bare count noun is a plural: "Anwohner berichteten"
    if det == "die" and gender_of_noun(head.text) == "m":
        return True
    return False
