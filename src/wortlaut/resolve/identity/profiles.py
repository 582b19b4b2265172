"""A profile is the union of its mentions, oldest evidence first.

Computed here rather than in SQL so every store builds the same profile from
the same mentions: the name, roles, affiliations and aliases, in the order the
evidence first gave them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ...model import fold

MERGED_BY_USER = "merged by a user"


@dataclass
class ProfileMention:
    """One mention of a profile as stored, with the article dates that order the evidence."""

    id: int
    kind: str
    name: str  # as written in the article
    canonical: str  # the profile name the clustering gave it
    reason: str
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    date: str = ""
    ingested_at: str = ""

    @property
    def evidence_order(self) -> str:
        # undated articles last, then by date, then as read (ingestion time, mention id)
        return f"{int(self.date == '')}|{self.date}|{self.ingested_at}|{self.id:012d}"


@dataclass
class Profile:
    name: str
    kind: str
    roles: list[str]
    affiliations: list[str]
    aliases: list[str]


def build_profile(mentions: list[ProfileMention]) -> Profile | None:
    """The profile of ``mentions`` (None when it has none left)."""
    if not mentions:
        return None
    name, kind = _profile_name(mentions)
    names = first_appearance((m, [m.name]) for m in mentions)
    aliases = first_appearance((m, m.aliases) for m in mentions)
    affiliations = first_appearance((m, m.affiliations) for m in mentions)
    return Profile(
        name,
        kind,
        roles=without_restated(first_appearance((m, m.roles) for m in mentions), affiliations),
        affiliations=affiliations,
        aliases=[a for a in union_folded(names, aliases) if fold(a) != fold(name)],
    )


def _profile_name(mentions: list[ProfileMention]) -> tuple[str, str]:
    """The profile keeps its own name: the most frequent canonical name (longest,
    then last in code-point order, on a tie); mentions a user merged in bring
    theirs only as aliases."""
    counts = Counter(
        (m.canonical, m.kind, m.reason.lower().startswith(MERGED_BY_USER)) for m in mentions
    )
    ranked = sorted(counts, key=lambda g: g[0], reverse=True)
    ranked.sort(key=lambda g: (g[2], -counts[g], -len(g[0])))
    return ranked[0][0], ranked[0][1]


def first_appearance(values_of: object) -> list[str]:
    """Each distinct value of the (mention, values) pairs, in the order of its
    first appearance in the evidence; equal folded forms are one."""
    first: dict[str, str] = {}
    for mention, values in values_of:
        order = mention.evidence_order
        for v in values:
            if v and (v not in first or order < first[v]):
                first[v] = order
    return union_folded([], sorted(first, key=lambda v: (first[v], v)))


ROLE_LINKS = (" von ", " vom ", " der ", " des ", " bei ", " beim ", " of ", " at ")


def without_restated(roles: list[str], affiliations: list[str]) -> list[str]:
    """Roles without those that only restate another role with an affiliation the
    profile already lists: "Deutschland-Chef von Flixbus" beside "Deutschland-Chef"
    and the affiliation "Flixbus" says nothing new."""
    plain = {fold(r) for r in roles}
    orgs = {fold(a) for a in affiliations}
    out = []
    for role in roles:
        folded = fold(role)
        restated = any(
            head in plain and tail in orgs
            for link in ROLE_LINKS
            if link in folded
            for head, tail in [folded.split(link, 1)]
        )
        if not restated:
            out.append(role)
    return out


def union_folded(first: list[str], second: list[str]) -> list[str]:
    """Order-preserving union; "Universität Kiel" and "universität kiel" are one."""
    seen = {fold(x) for x in first}
    out = list(first)
    for x in second:
        if x and fold(x) not in seen:
            seen.add(fold(x))
            out.append(x)
    return out
