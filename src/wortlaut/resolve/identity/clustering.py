"""Cross-article source identity: which article-level sources are one profile.

Each article contributes one *mention record* per source it quotes (name,
kind, roles, affiliations, aliases, date). Records that could be the same
source share a blocking key (a person's surname, an organisation's name,
abbreviation or initials); a group of such records is clustered here, and
every record gets a profile id plus the reason it joined that profile.

The rules, most certain first:
- persons: the same first name and surname join, unless their affiliations
  conflict at the same time (disjoint, dated within a year of each other, and
  no shared role); a new role over time is normal. Different first names
  never join.
- a bare surname ("Professorin Lindqvist") joins a named person only when
  exactly one compatible named person shares its affiliation or role.
- organisations: the same name, an abbreviation the text gave ("IISS"), or
  an abbreviation equal to the long name's initials ("DGB").
- documents join by name; unnamed groups ("Analysten") never leave their article.
- user corrections (merge, split) are applied last, so they survive re-ingestion.

Ids depend only on the records, never on ingestion order, so re-ingesting
the same articles yields the same ids.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ...model import fold as _fold, source_id
from ..names import FILLER, initials

# names, roles and affiliations repeat across a group's records: fold each once
fold = lru_cache(maxsize=100_000)(_fold)

SAME_TIME_DAYS = 365  # affiliations further apart than this may simply have changed
_ARTICLES = {"der", "die", "das", "des", "dem", "den", "the"}


@dataclass
class MentionRecord:
    """One article's view of one source, as stored."""

    id: int
    article_id: str
    kind: str
    name: str
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    date: str = ""  # the article's date: YYYY, YYYY-MM or YYYY-MM-DD, or ""


@dataclass
class Assignment:
    source_id: str
    name: str  # the profile's canonical name
    reason: str


@dataclass
class Correction:
    """A user's fix: ``merge`` moves profile ``other`` into ``source_id``;
    ``split`` takes article ``other``'s mentions out of ``source_id``."""

    action: str
    source_id: str
    other: str


def blocking_keys(kind: str, name: str, aliases: list[str], article_id: str) -> set[str]:
    """Keys under which records that might be one source meet."""
    if kind == "person":
        parts = _name_parts(name)
        return {f"person:{parts[-1]}"} if parts else set()
    if kind == "organisation":
        keys = {f"org:{_org_key(name)}"} | {f"org:{_org_key(a)}" for a in aliases}
        if (short := initials(name)) and len(short) >= 2:
            keys.add(f"org:{short}")
        return keys
    if kind == "document":
        return {f"document:{_org_key(name)}"}
    return {f"unnamed:{article_id}:{_org_key(name)}"}


def cluster(records: list[MentionRecord], corrections: list[Correction] = ()) -> dict[int, Assignment]:
    """Profile assignment for every record of one blocking group."""
    out: dict[int, Assignment] = {}
    by_kind: dict[str, list[MentionRecord]] = defaultdict(list)
    for r in records:
        by_kind[r.kind].append(r)
    out.update(_cluster_persons(by_kind["person"]))
    out.update(_cluster_organisations(by_kind["organisation"]))
    for r in by_kind["document"]:
        name = _canonical([x.name for x in by_kind["document"] if _org_key(x.name) == _org_key(r.name)])
        out[r.id] = Assignment(source_id(name, "document"), name, f"document named “{r.name}”")
    for r in by_kind["unnamed"]:
        # "Analysten" in two articles are not the same analysts
        out[r.id] = Assignment(source_id(f"{r.name} | {r.article_id}", "unnamed"), r.name, "unnamed group, kept to its article")
    return _apply(out, records, corrections)


# -- persons -------------------------------------------------------------------------


@dataclass
class _Person:
    first: str
    surname: str
    members: list[MentionRecord] = field(default_factory=list)
    reasons: dict[int, str] = field(default_factory=dict)
    # distinct affiliations (as written, with the dates given) and roles: a
    # person's descriptions repeat, so these stay short however many mentions join
    affiliation_dates: dict[str, tuple[str, set[str]]] = field(default_factory=dict)
    role_set: dict[str, str] = field(default_factory=dict)

    def add(self, r: MentionRecord, reason: str) -> None:
        self.members.append(r)
        self.reasons[r.id] = reason
        for a in r.affiliations:
            self.affiliation_dates.setdefault(_org_key(a), (a, set()))[1].add(r.date)
        for role in r.roles:
            self.role_set.setdefault(fold(role), role)

    def affiliations(self) -> list[tuple[str, str]]:
        return [(a, d) for a, dates in self.affiliation_dates.values() for d in dates]

    def roles(self) -> list[str]:
        return list(self.role_set.values())


def _cluster_persons(records: list[MentionRecord]) -> dict[int, Assignment]:
    ordered = sorted(records, key=_order)
    named = _named_persons([r for r in ordered if len(_name_parts(r.name)) >= 2])
    bare = _bare_surnames([r for r in ordered if len(_name_parts(r.name)) == 1], named)
    return _person_assignments(named, bare)


def _named_persons(records: list[MentionRecord]) -> list[_Person]:
    """Mentions with first name and surname, joined by name unless their affiliations conflict."""
    named: list[_Person] = []
    for r in records:
        parts = _name_parts(r.name)
        first, surname = parts[0], parts[-1]
        same_name = [p for p in named if p.surname == surname and _same_first(p.first, first)]
        fitting = [p for p in same_name if not _conflict(p, r)]
        if fitting:
            # the one sharing most affiliations; max() keeps the earliest on a tie
            shared, p = max(((_shared_affiliations(p, r), p) for p in fitting), key=lambda sp: len(sp[0]))
            p.add(r, f"same name as “{p.members[0].name}”" + (f", shared affiliation “{shared[0]}”" if shared else ""))
            continue
        p = _Person(first, surname)
        named.append(p)
        reason = "first named mention"
        if same_name:
            reason = (
                f"same name as another profile, but affiliation “{', '.join(r.affiliations)}” conflicts with "
                f"“{', '.join(a for a, _ in same_name[0].affiliation_dates.values())}” at the same time"
            )
        p.add(r, reason)
    return named


def _bare_surnames(records: list[MentionRecord], named: list[_Person]) -> list[_Person]:
    """Surname-only mentions: each joins the one named person its evidence points
    to (added to ``named``), or a group of bare mentions; the groups are returned."""
    groups: list[_Person] = []
    for r in records:
        surname = _name_parts(r.name)[0]
        candidates = [p for p in named if p.surname == surname and not _conflict(p, r)]
        matched = [(p, why) for p in candidates if (why := _shared_evidence(p, r, len(candidates)))]
        if len(matched) == 1:
            p, why = matched[0]
            p.add(r, f"surname “{r.name}” resolved by {why}")
            continue
        # unresolved: only bare mentions sharing an affiliation go together
        group = next((g for g in groups if g.surname == surname and _shared_affiliations(g, r)), None)
        if group is not None:
            group.add(r, f"surname only, shared affiliation “{_shared_affiliations(group, r)[0]}”")
            continue
        group = _Person("", surname)
        groups.append(group)
        if len(matched) > 1:
            group.add(r, "surname only, ambiguous between " + " and ".join(f"“{p.members[0].name}”" for p, _ in matched))
        else:
            group.add(r, "surname only, no named person shares its role or affiliation")
    return groups


def _person_assignments(named: list[_Person], bare: list[_Person]) -> dict[int, Assignment]:
    out: dict[int, Assignment] = {}
    names = Counter(_canonical([m.name for m in p.members if len(_name_parts(m.name)) >= 2]) for p in named)
    for p in named:
        name = _canonical([m.name for m in p.members if len(_name_parts(m.name)) >= 2])
        key = name
        if names[name] > 1:  # two people of one name: tell them apart by their earliest record
            first = min(p.members, key=_order)
            key = f"{name} | {(first.affiliations or [first.article_id])[0]}"
        sid = source_id(key, "person")
        for m in p.members:
            out[m.id] = Assignment(sid, name, p.reasons[m.id])
    for g in bare:
        first = min(g.members, key=_order)
        name = _canonical([m.name for m in g.members])
        sid = source_id(f"{name} | {first.article_id}", "person")
        for m in g.members:
            out[m.id] = Assignment(sid, name, g.reasons[m.id])
    return out


def _same_first(a: str, b: str) -> bool:
    """"carl" = "carl"; an initial ("c.") matches a name starting with it."""
    if a == b:
        return True
    ia, ib = a.rstrip("."), b.rstrip(".")
    return (len(ia) == 1 and ib.startswith(ia)) or (len(ib) == 1 and ia.startswith(ib))


def _conflict(p: _Person, r: MentionRecord) -> bool:
    """Disjoint affiliations at the same time speak against one person, unless a
    shared role explains both ("Ministerin" of the government and of the SPD)."""
    if not r.affiliations or not p.affiliation_dates or _shared_affiliations(p, r):
        return False
    if any(_same_role(a, b) for a in r.roles for b in p.roles()):
        return False
    return any(_same_time(d, r.date) for _, d in p.affiliations())


def _shared_affiliations(p: _Person, r: MentionRecord) -> list[str]:
    return [
        a for a in r.affiliations
        if _org_key(a) in p.affiliation_dates or any(same_organisation(a, b) for b, _ in p.affiliation_dates.values())
    ]


def _shared_evidence(p: _Person, r: MentionRecord, candidates: int) -> str:
    """Why a bare surname can be this named person; "" if it can't."""
    if shared := _shared_affiliations(p, r):
        return f"shared affiliation “{shared[0]}”"
    # a role alone identifies only when no other named person has the surname
    if candidates == 1 and not r.affiliations:
        for role in r.roles:
            if any(_same_role(role, q) for q in p.roles()):
                return f"shared role “{role}”"
    return ""


def _same_role(a: str, b: str) -> bool:
    wa, wb = _role_words(a), _role_words(b)
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _role_words(role: str) -> set[str]:
    # "Professorin" = "Professor": compare without the German feminine ending
    return {re.sub(r"(?<=..)in(nen)?$", "", w) for w in fold(role).split() if w not in FILLER}


def _same_time(a: str, b: str) -> bool:
    da, db = _as_date(a), _as_date(b)
    # undated: no evidence of the same time, so no evidence against
    return da is not None and db is not None and abs((da - db).days) <= SAME_TIME_DAYS


def _as_date(text: str) -> date | None:
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 6), int(m.group(3) or 15))
    except ValueError:
        return None


# -- organisations -------------------------------------------------------------------


def same_organisation(a: str, b: str) -> bool:
    """"Universität Kiel" ~ "der Universität Kiel"; "DGB" ~ "Deutscher Gewerkschaftsbund"."""
    ka, kb = _org_key(a), _org_key(b)
    if not ka or not kb:
        return False
    if ka == kb or initials(a) == kb or initials(b) == ka:
        return True
    wa, wb = set(ka.split()) - FILLER, set(kb.split()) - FILLER
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _cluster_organisations(records: list[MentionRecord]) -> dict[int, Assignment]:
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    why: dict[int, str] = {}
    named: dict[str, int] = {}  # a name or given abbreviation -> the first record bearing it
    long_forms: dict[str, list[int]] = defaultdict(list)  # initials -> records of distinct long names
    for i, r in enumerate(records):
        if (short := initials(r.name)) and all(_org_key(records[j].name) != _org_key(r.name) for j in long_forms[short]):
            long_forms[short].append(i)
    for i in sorted(range(len(records)), key=lambda i: _order(records[i])):
        r = records[i]
        own = _org_key(r.name)
        links = [(named.get(own), "same name as “{}”")]
        links += [(named.get(_org_key(a)), f"“{r.name}” and “{{}}” share the abbreviation “{a}”") for a in r.aliases]
        # an abbreviation written alone ("DGB") and the one long name with those initials
        if len(long_forms.get(own, [])) == 1:
            links.append((long_forms[own][0], f"“{r.name}” is the initials of “{{}}”"))
        if (short := initials(r.name)) and len(long_forms[short]) == 1:
            links.append((named.get(short), f"“{{}}” is the initials of “{r.name}”"))
        for j, reason in links:
            if j is not None and find(i) != find(j):
                parent[find(i)] = find(j)
                why.setdefault(r.id, reason.format(records[j].name))
        for key in [own, *(_org_key(a) for a in r.aliases)]:
            named.setdefault(key, i)
    groups: dict[int, list[MentionRecord]] = defaultdict(list)
    for i, r in enumerate(records):
        groups[find(i)].append(r)
    out: dict[int, Assignment] = {}
    for members in groups.values():
        name = _canonical([m.name for m in members], prefer_long=True)
        sid = source_id(name, "organisation")
        for m in members:
            out[m.id] = Assignment(sid, name, why.get(m.id, f"organisation named “{m.name}”"))
    return out


# -- shared helpers ------------------------------------------------------------------


def _name_parts(name: str) -> list[str]:
    return [p for p in fold(name).split() if p not in _ARTICLES]


def _org_key(name: str) -> str:
    words = fold(name).replace("’", "'").split()
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def _canonical(names: list[str], prefer_long: bool = False) -> str:
    """The most frequent form (longest first for organisations), ties alphabetically."""
    if not names:
        return ""
    counts = Counter(names)
    if prefer_long:
        return max(counts, key=lambda n: (len(_org_key(n).split()) > 1, counts[n], len(n), n))
    return max(counts, key=lambda n: (counts[n], len(n), n))


def _order(r: MentionRecord) -> tuple[str, str, int]:
    return (r.date or "9999", r.article_id, r.id)


def _apply(out: dict[int, Assignment], records: list[MentionRecord], corrections: list[Correction]) -> dict[int, Assignment]:
    """User corrections, in the order they were made."""
    by_id = {r.id: r for r in records}
    for c in corrections:
        for rid, a in out.items():
            if c.action == "merge" and a.source_id == c.other:
                out[rid] = Assignment(c.source_id, a.name, f"merged by a user ({a.reason})")
            elif c.action == "split" and a.source_id == c.source_id and by_id[rid].article_id == c.other:
                out[rid] = Assignment(split_id(c.source_id, c.other, by_id[rid].kind), a.name, "split off by a user")
    return out


def split_id(source: str, article_id: str, kind: str) -> str:
    """The profile a user's split gives one article's mention of ``source``."""
    return source_id(f"{source} | split | {article_id}", kind)
