"""Gender of an entity: stated by an article or role, guessed from a first name, of an organisation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import first_names
from .mentions import MentionInfo
from ..analyse.de.morphology import NOMINALISED_ROLES, gender_of_noun
from .words import ROLE_END_PREPS

if TYPE_CHECKING:
    from .antecedents import Entity


def stated_gender(info: MentionInfo) -> str:
    """The gender an article or role gives a bare surname ("der Bankökonom Weber");
    a guess from the name's own ending ("Krüger" like "der Krug") does not count."""
    return info.gender if info.definite or info.roles else ""


def gender_of_first_name(parts: list[str], german: bool) -> str:
    if len(parts) < 2:
        return ""
    first = parts[0].split("-")[0]
    if not german:
        return _english_first_name(first.lower())
    if first in first_names.FEMALE:
        return "f"
    if first in first_names.MALE:
        return "m"
    if first.endswith(("a", "ine", "ette", "elle", "ie")) or (first.endswith("e") and len(first) > 3):
        return "f"
    if german and len(first) > 3 and first[-1] in "bcdfgklmnprstz":
        return "m"  # "Wolfgang", "Thomas", "Michael"; in English too many women's names end so ("Eleanor")
    return ""


def _english_first_name(first: str) -> str:
    """English news names people from everywhere: "Satya", "Joshua" and "Luca" end in -a,
    so only the name list and a few unambiguous endings tell."""
    if first in first_names.FEMALE:
        return "f"
    if first in first_names.MALE:
        return "m"
    return "f" if first.endswith(("ette", "elle", "ine")) else ""


def gender_from_roles(roles: list[str], german: bool) -> str:
    """German role nouns say it ("Professorin", "Sprecher"); English ones rarely ("spokeswoman")."""
    for r in roles:
        words = r.split()
        if not words:
            continue
        last = words[-1].lower()
        if last.endswith(("woman", "women")):
            return "f"
        if last.endswith(("spokesman", "chairman", "congressman", "businessman")):
            return "m"
        if not german:
            continue
        head = ""
        for w in words:  # the role noun ends where its complement begins
            if w.lower() in ROLE_END_PREPS:
                break
            if w[:1].isupper() and not w.isupper():
                head = w.lower()
        if not head:
            continue
        if head.endswith(NOMINALISED_ROLES):
            return "f"  # "Vorsitzende"; the masculine form is "Vorsitzender"
        if head.endswith("in") and not head.endswith(("ein", "ain")):
            return "f"
        return "m"
    return ""


def org_gender(e: Entity) -> str:
    if e.gender:
        return e.gender
    words = e.name.split()
    noun = next((w for w in words if w[:1].isupper() and not w.isupper()), words[-1] if words else "")
    return gender_of_noun(noun)
