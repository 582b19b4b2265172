"""Roles and appositions: what a person is and where they work, read before or after a name."""

from __future__ import annotations

import re

from ..analyse.tokens import Doc
from .classes import capitalised, cls, is_org_word
from ..analyse.de.morphology import (
    gender_of_noun,
    nominalised_role,
    noun_nominative,
    place_of_adj,
    strong_adjective,
    title_adjective,
)
from .organisations import affiliation_text, is_org_like, is_place
from .phrases import NP, is_roleish, low_at, parse_np, possessor_name, span_text
from .words import PLACE_PREPS, REL_AFFIL_VERBS, SPLIT_ALWAYS, SPLIT_IF_ORG, SPOKES


def role_before(doc: Doc, np_: NP, role_toks: list[int], det: str) -> tuple[list[str], list[str], str]:
    """Roles written before a name: "der russische Verteidigungsminister" -> "russischer Verteidigungsminister".
    Returns roles, places (from regional adjectives) and gender."""
    if doc.language != "de":
        head = doc.tokens[role_toks[-1]]
        words = [doc.tokens[m].text for m in np_.mods] + [doc.tokens[k].text for k in role_toks]
        return [" ".join(words)], [], "f" if head.text.lower() in ("spokeswoman", "chairwoman") else ""
    groups = _role_groups(doc, role_toks)
    if len(groups) > 1:
        return _coordinated_roles(doc, np_, groups, det)
    return _german_role_before(doc, np_, role_toks, det)


def _role_groups(doc: Doc, role_toks: list[int]) -> list[list[int]]:
    """"Der Landtagsabgeordnete und SPD-Fraktionschef": two roles."""
    groups: list[list[int]] = [[]]
    for k in role_toks:
        if cls(doc, k) == "CONJ":
            groups.append([])
        else:
            groups[-1].append(k)
    return [g for g in groups if g]


def _coordinated_roles(doc: Doc, np_: NP, groups: list[list[int]],
                       det: str) -> tuple[list[str], list[str], str]:
    """Each role of a coordination read on its own; the modifiers go with the first."""
    roles: list[str] = []
    places: list[str] = []
    gender = ""
    for i, g in enumerate(groups):
        sub = NP(start=g[0], end=g[-1] + 1, mods=np_.mods if i == 0 else [], heads=g)
        r, p, gg = role_before(doc, sub, g, det)
        roles.extend(r)
        places.extend(p)
        gender = gender or gg
    return roles, places, gender


def _german_role_before(doc: Doc, np_: NP, role_toks: list[int], det: str) -> tuple[list[str], list[str], str]:
    head = doc.tokens[role_toks[-1]]
    gender = gender_of_noun(head.text, det)
    places: list[str] = []
    words: list[str] = []
    for m in np_.mods:
        t = doc.tokens[m]
        place = place_of_adj(t)
        if place:
            places.append(place)
            continue
        if re.match(r"^\d+-j", t.text.lower()):
            continue
        words.append(strong_adjective(t, gender))
    for i, k in enumerate(role_toks):
        t = doc.tokens[k]
        if i < len(role_toks) - 1 and t.pos in ("NNA", "ADJ(A)"):
            words.append(title_adjective(t, gender))
        else:
            words.append(nominalised_role(t, gender) if t.pos == "NNA" else noun_nominative(t, False))
    role = " ".join(w for w in words if w[:1].isupper() or w[:1].isdigit() or words.index(w) < len(words) - 1)
    return [role], places, gender


def read_apposition(doc: Doc, k: int, limit: int) -> tuple[list[str], list[str], str, int]:
    """Read ", Professor für … an der … University," after a name: roles, affiliations, gender, end."""
    roles: list[str] = []
    affs: list[str] = []
    if k >= limit:
        return roles, affs, "", k
    c = cls(doc, k)
    if c == "REL":
        r, a = _relative_clause(doc, k, limit)
        return r, a, "", k
    if c not in ("DET", "ADJ", "NOUN", "NUM", "NAME"):
        return roles, affs, "", k
    if c == "DET" and low_at(doc, k) in ("der", "die", "das") and k + 1 < limit \
            and cls(doc, k + 1) in ("PRON", "REL", "OTHER", "PREP"):
        r, a = _relative_clause(doc, k, limit)
        return r, a, "", k
    app = parse_np(doc, k, limit, None)
    if app is None:
        return roles, affs, "", k
    if any(cls(doc, h) == "NAME" for h in app.heads[:1]) and not any(cls(doc, h) == "NOUN" for h in app.heads):
        if doc.language == "de" or not any(is_org_word(doc.tokens[h].text, True) for h in app.heads):
            return roles, affs, "", k  # another name: an enumeration, not an apposition
    if not any(cls(doc, h) in ("NOUN", "NAME") for h in app.heads):
        return roles, affs, "", k
    if doc.language == "de" and not any(is_roleish(doc, h) for h in app.heads if cls(doc, h) == "NOUN"):
        return roles, affs, "", k
    role, aff, gender = split_role(doc, app)
    if role:
        roles.append(role)
    affs.extend(aff)
    end = app.end
    if end < limit and doc.tokens[end].text == "," and end + 1 < limit and cls(doc, end + 1) in ("REL", "DET"):
        r, a = _relative_clause(doc, end + 1, limit)
        roles.extend(r)
        affs.extend(a)
    elif end < limit and cls(doc, end) == "REL":
        r, a = _relative_clause(doc, end, limit)
        roles.extend(r)
        affs.extend(a)
    return roles, affs, gender, end


def _relative_clause(doc: Doc, k: int, limit: int) -> tuple[list[str], list[str]]:
    """"…, der heute den Arbeitskreis Sichere Elbe berät": the organisation a person serves."""
    end = k + 1
    while end < limit and doc.tokens[end].text not in (",", ".", ";", ":") and cls(doc, end) != "QUOTE":
        end += 1
    words = {low_at(doc, j) for j in range(k, end)}
    verbs = [v for v in REL_AFFIL_VERBS if v in words]
    if not verbs:
        return [], []
    roles = [REL_AFFIL_VERBS[v] for v in verbs if REL_AFFIL_VERBS[v]]
    affs = []
    j = k + 1
    while j < end:
        if cls(doc, j) in ("DET", "NAME", "NOUN", "ADJ"):
            sub = parse_np(doc, j, end, None)
            if sub is not None and is_org_like(doc, sub, strict=True):
                affs.append(affiliation_text(doc, sub))
                break
            j = sub.end if sub is not None and sub.end > j else j + 1
            continue
        j += 1
    return (roles if affs else []), affs


def split_role(doc: Doc, app: NP) -> tuple[str, list[str], str]:
    """Split an apposition into role and affiliation at the preposition before an organisation."""
    en = doc.language != "de"
    det = low_at(doc, app.det) if app.det is not None else ""
    head_tok = doc.tokens[app.heads[-1]]
    gender = gender_of_noun(head_tok.text, det) if not en else ""
    if not en and not det and head_tok.pos == "NNA":
        gender = "m" if head_tok.text.endswith("er") else "f"
    role = " ".join(_role_words(doc, app, gender, det, en))
    affs: list[str] = []
    if app.possessor:
        affs.append(possessor_name(doc, app.possessor))
    # a role noun that carries its organisation: "Polizeisprecherin"
    if not en:
        aff = _compound_affiliation(head_tok.text)
        if aff:
            affs.append(aff)
    comps = app.comps
    cut = _cut_at_affiliation(doc, app, head_tok.text.lower(), affs)
    if cut > 0:
        last_end = comps[cut - 1][2].end
        first_start = comps[0][1]
        role = role + " " + span_text(doc, first_start, last_end)
    return role.strip(), affs, gender


def _role_words(doc: Doc, app: NP, gender: str, det: str, en: bool) -> list[str]:
    """The role's modifiers and heads, German ones in strong nominative; ages left out."""
    heads = app.heads
    words: list[str] = []
    for m in app.mods:
        t = doc.tokens[m]
        if en:
            words.append(t.text)
            continue
        if re.match(r"^\d+-j", t.text.lower()):
            continue
        words.append(strong_adjective(t, gender))
    for i, k in enumerate(heads):
        t = doc.tokens[k]
        if en:
            words.append(t.text)
        elif i < len(heads) - 1 and t.pos in ("NNA", "ADJ(A)"):
            words.append(title_adjective(t, gender))
        elif t.pos == "NNA":
            words.append(nominalised_role(t, gender, det))
        else:
            words.append(noun_nominative(t, False) if i == len(heads) - 1 else t.text)
    return words


def _cut_at_affiliation(doc: Doc, app: NP, head_low: str, affs: list[str]) -> int:
    """How many complements belong to the role; the organisation after them goes to ``affs``."""
    en = doc.language != "de"
    comps = app.comps
    for i, (prep, pk, sub) in enumerate(comps):
        if prep == "time":
            return i
        split_always = prep in SPLIT_ALWAYS
        spokes_of = (head_low.endswith(SPOKES) and prep in ("for", "of", "gen", "der", "des", "von", "vom")
                     and any(is_org_word(doc.tokens[h].text, en) for h in sub.heads))
        if spokes_of or ((prep in SPLIT_IF_ORG or prep == "gen" or split_always)
                         and is_org_like(doc, sub, strict=not split_always)):
            affs.extend(_affiliations_from(doc, comps, i))
            return i
        if split_always:
            return i  # "at the hospital": where, not a title
        if prep in PLACE_PREPS and is_place(doc, sub):
            return i
        if _is_age(doc, sub):
            return i
    return len(comps)


def _affiliations_from(doc: Doc, comps: list[tuple[str, int, NP]], i: int) -> list[str]:
    """The organisation in complement i, with the genitives and "für" phrases after it;
    a second organisation coordinated with it comes after."""
    sub = comps[i][2]
    j = i + 1
    aff_end = sub.end
    more = []
    while j < len(comps) and comps[j][0] in ("gen", "für", "for", "of", "des", "der") \
            and comps[j][1] == aff_end:
        nxt = comps[j][2]
        if comps[j][0] in ("of", "for") and not is_org_like(doc, nxt, strict=False) \
                and not capitalised(doc.tokens[nxt.heads[0]].text):
            break
        if low_at(doc, comps[j][1]) in ("und", "and", "sowie"):
            if is_org_like(doc, comps[j][2], strict=True):
                more.append(affiliation_text(doc, comps[j][2]))
            break
        aff_end = comps[j][2].end
        j += 1
    return [affiliation_text(doc, sub, aff_end)] + more


def _compound_affiliation(word: str) -> str | None:
    low = word.lower()
    for spokes in ("sprecherin", "sprecher"):
        if low.endswith(spokes) and len(low) > len(spokes) + 2:
            prefix = word[: len(word) - len(spokes)]
            if prefix.endswith("-"):
                prefix = prefix[:-1]
            if prefix.lower().endswith(("ungs", "tions", "heits", "keits", "schafts", "ums", "ens", "amts")):
                prefix = prefix[:-1]
            if prefix.lower() in ("presse", "regierung", "vatikan", "stadt", "kreml"):
                return None
            if is_org_word(prefix, False):
                return prefix[0].upper() + prefix[1:]
    return None


def _is_age(doc: Doc, np_: NP) -> bool:
    return all(re.match(r"^\d+-j", doc.tokens[k].text.lower()) for k in np_.heads)
