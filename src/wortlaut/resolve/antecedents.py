"""Within-article coreference: every quote's speaker mention becomes one ``Source``.

Mentions are read in text order: the speakers the tagger found and, as
antecedents, every named person and organisation written outside quotations.
A full name starts an entity; a bare surname, a pronoun, "der Bürgermeister"
or "die Gewerkschaft" join an earlier one. Roles and affiliations from all of
an entity's mentions are merged into its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

from ..analyse.tokens import Doc
from ..model import Article, Source, fold
from .candidates import quoted_tokens, scan_antecedents
from .classes import is_org_word, is_role_compound, is_roleish_word, opens_sentence
from .english_titles import split_title
from .gender import gender_from_roles, gender_of_first_name, org_gender, stated_gender
from .mentions import MentionInfo, describe_mention
from .names import initials
from .words import GENERIC_REFERRING, NOT_ROLES, ROLE_PREFIXES

# look-back of antecedent searches, in mentions or entities: several times what a long
# article holds, and antecedents are near
RECENT = 600


@dataclass
class Entity:
    kind: str
    name: str
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # folded name tokens of a person
    gender: str = ""
    plural: bool = False
    aliases: dict[str, str] = field(default_factory=dict)  # folded -> as written
    document: bool = False  # first met as the author of a report, study, …
    named: bool = False
    source: Source | None = None

    def add(self, info: MentionInfo, german: bool) -> None:
        for r in info.roles:
            if fold(r) not in {fold(x) for x in self.roles}:
                self.roles.append(r)
        for a in info.affiliations:
            if fold(a) not in {fold(x) for x in self.affiliations} and fold(a) != fold(self.name):
                self.affiliations.append(a)
        for al in info.aliases:
            self.aliases.setdefault(fold(al), al)
        if info.gender in ("m", "f") and not self.gender:
            self.gender = info.gender
        if info.document:
            self.document = True
        if self.kind == "person" and not self.gender:
            self.gender = gender_from_roles(self.roles, german)


@dataclass
class _Event:
    pos: int  # token index
    sent: int
    entity: Entity
    subject: bool  # the mention opens its sentence


class _Resolver:
    def __init__(self, article: Article, doc: Doc):
        self.article = article
        self.doc = doc
        self.entities: list[Entity] = []
        self.by_key: dict[tuple[str, str], Entity] = {}
        self.events: list[_Event] = []
        self.last_speaker: Entity | None = None
        self.create = True

    # -------------------------------------------------------------- registry

    def _new(self, info: MentionInfo, kind: str | None = None, name: str | None = None) -> Entity:
        kind = kind or info.kind
        name = name or info.name
        e = Entity(kind=kind, name=name, named=info.named, plural=info.plural)
        if kind in ("organisation", "unnamed", "document"):
            e.gender = info.gender if info.gender in ("m", "f", "n") else ""
        if kind == "person":
            e.parts = [fold(p) for p in (info.name_parts or name.split())]
            by_role = info.gender in ("m", "f") and info.roles
            e.gender = info.gender if by_role else gender_of_first_name(e.parts, self.doc.language == "de")
        e.add(info, self.doc.language == "de")
        self.entities.append(e)
        self.by_key[(kind, fold(name))] = e
        return e

    def _recent_events(self):
        """Mentions, latest first, as far back as ``RECENT``: antecedents are near, and a
        bounded look-back keeps resolution linear in the article's length."""
        return islice(reversed(self.events), RECENT)

    def _recent_entities(self):
        return islice(reversed(self.entities), RECENT)

    def _note(self, pos: int, e: Entity) -> None:
        sent = self.doc.tokens[pos].sent if pos < len(self.doc.tokens) else 0
        self.events.append(_Event(pos, sent, e, opens_sentence(self.doc, pos)))

    def register(self, pos: int, info: MentionInfo, create: bool = True) -> Entity | None:
        """Find or make the entity ``info`` refers to; note the mention at token ``pos``.
        With ``create`` false (a bare name met while scanning) only an existing entity is noted."""
        self.create = create
        e = self._lookup(pos, info)
        if e is None:
            return None
        if info.kind != "pronoun":
            e.add(info, self.doc.language == "de")
        self._note(pos, e)
        return e

    # -------------------------------------------------------------- lookup by kind

    def _lookup(self, pos: int, info: MentionInfo) -> Entity | None:
        if info.kind == "pronoun":
            return self._pronoun(pos, info)
        if not info.name:
            return None
        words = info.name.split()
        if len(words) == 1 and words[0][:1].isupper() and info.kind != "organisation":
            # a bare surname, whatever HanTa made of it ("Muller", "Frei", "Leitner")
            e = self._by_name_part(fold(words[0]), stated_gender(info))
            if e is not None:
                return e
        if info.weak:
            return None
        if info.kind == "person":
            return self._person(info)
        if info.kind == "organisation":
            return self._organisation(info)
        if info.kind == "document":
            return self._document(info)
        return self._unnamed(info)

    def _person(self, info: MentionInfo) -> Entity | None:
        parts = [fold(p) for p in (info.name_parts or info.name.split())]
        key = ("person", fold(info.name))
        if key in self.by_key:
            return self.by_key[key]
        if len(parts) == 1:
            e = self._by_name_part(parts[0], stated_gender(info))
            if e is not None:
                return e
            # a single name that is an organisation met before ("Stridewell", "Veltrona", "GVS")
            org = self.by_key.get(("organisation", parts[0])) or self._by_alias(parts[0])
            if org is not None:
                return org
            return self._new(info) if self.create else None
        # a full name: an earlier bare surname or a shorter form of it may be waiting
        for e in self._recent_entities():
            if e.kind == "person" and len(e.parts) < len(parts) and e.parts and all(p in parts for p in e.parts):
                del self.by_key[("person", fold(e.name))]
                e.name = info.name
                e.parts = parts
                self.by_key[key] = e
                if not e.gender:
                    e.gender = gender_of_first_name(parts, self.doc.language == "de")
                return e
        return self._new(info) if self.create else None

    def _by_name_part(self, part: str, gender: str = "") -> Entity | None:
        """The latest person whose name has this part: "Schuster" -> "Carl Schuster", "Doo" -> "Doo Jin-ho";
        of two Webers, "der Bankökonom Weber" is the man."""

        def fits(e: Entity) -> bool:
            return e.kind == "person" and part in e.parts and (gender not in ("m", "f") or e.gender in ("", gender))

        for ev in self._recent_events():
            if fits(ev.entity) and len(ev.entity.parts) > 1:
                return ev.entity
        for e in self._recent_entities():
            if fits(e):
                return e
        return None

    def _by_alias(self, f: str) -> Entity | None:
        """An abbreviation given earlier in brackets ("GVS"), or the initials of
        a long name met earlier ("IISS")."""
        for e in self._recent_entities():
            if e.kind == "organisation" and (f in e.aliases or f == initials(e.name)):
                return e
        return None

    def _organisation(self, info: MentionInfo) -> Entity | None:
        name = info.name
        key = ("organisation", fold(name))
        f = fold(name)
        if not info.named and (info.definite or info.possessive):
            e = self._refer_to_org(info)
            if e is not None:
                return e
            if not self.create:
                return None
        if key in self.by_key:
            return self.by_key[key]
        e = self._by_alias(f)
        if e is not None:
            return e
        if not info.named and (info.definite or info.possessive) and f in ("stadt", "city") and self.article.place:
            # "nach Angaben der Stadt" in an article from Kassel
            name = ("Stadt " if self.doc.language == "de" else "City of ") + self.article.place
            return self.by_key.get(("organisation", fold(name))) or self._new(info, name=name)
        return self._new(info)

    def _refer_to_org(self, info: MentionInfo) -> Entity | None:
        """"die Gewerkschaft" -> "Gewerkschaft Verkehr und Schiene", "the trust" -> "hospital trust"."""
        head = fold(info.head or info.name)
        whole = fold(info.name)
        if not head:
            return None
        for ev in self._recent_events():
            e = ev.entity
            if e.kind != "organisation" or fold(e.name) == whole:
                continue
            words = fold(e.name).split()
            if head in words or any(w.endswith(head) for w in words):
                return e
        if head in GENERIC_REFERRING and not info.possessive:
            for ev in self._recent_events():
                if ev.entity.kind == "organisation" and ev.entity.named:
                    return ev.entity
        return None

    def _document(self, info: MentionInfo) -> Entity | None:
        head = fold(info.head or info.name)
        if info.definite and fold(info.name) == head:
            # "Dem Bericht zufolge", "heißt es in der Untersuchung": the last report's author
            if head in ("urteil", "urteilsbegründung", "beschluss", "ruling", "verdict", "entscheidung"):
                for ev in self._recent_events():
                    e = ev.entity
                    if e.kind == "organisation" and re.search(r"gericht|court|tribunal", fold(e.name)):
                        return e
            for ev in self._recent_events():
                if ev.entity.document:
                    return ev.entity
            # "hiess es in der Mitteilung": the statement of the organisation just quoted
            if self.last_speaker is not None and self.last_speaker.kind == "organisation":
                return self.last_speaker
        if not self.create:
            return None
        key = ("document", fold(info.name))
        return self.by_key.get(key) or self._new(info)

    def _unnamed(self, info: MentionInfo) -> Entity | None:
        key = ("unnamed", fold(info.name))
        if self.doc.language == "en":
            e = self._english_back_reference(info)
            if e is not None:
                return e
        if not info.plural and info.definite and info.head:
            e = self._by_description(info) or self._by_role_noun(info)
            if e is not None:
                return e
        if key in self.by_key:
            return self.by_key[key]
        return self._new(info) if self.create else None

    def _by_description(self, info: MentionInfo) -> Entity | None:
        """"der Stadtbaurat" -> Henrik Mahler, "die Ministerin" -> the Wirtschaftsministerin,
        "die 34-Jährige" -> the last woman mentioned."""
        head = fold(info.head)
        age = bool(re.match(r"^\d+-j", head))
        for ev in self._recent_events():
            e = ev.entity
            if e.kind not in ("person", "unnamed") or e.plural:
                continue
            if age:
                if not info.gender or not e.gender or e.gender == info.gender:
                    return e
                continue
            for r in e.roles:
                words = fold(r).split()
                if any(w.endswith(head) for w in words):
                    return e
            # "der Nordhafen-Chef": the head of "Nordhafen Logistik"
            prefix, _, tail = head.rpartition("-")
            if prefix and any(prefix in fold(a).split() for a in e.affiliations) and is_roleish_word(tail):
                return e
        return None

    def _by_role_noun(self, info: MentionInfo) -> Entity | None:
        """"der Ökonom", "die Forscherin" after a named person: news style refers back
        to the last named person of that gender rather than introduce someone unnamed."""
        head = fold(info.head)
        if self.doc.language != "de" or not info.gender or not (is_roleish_word(head) or is_role_compound(head)):
            return None
        if is_org_word(head, False) or head in NOT_ROLES:
            return None
        # "der Inhaber einer Bäckerei" introduces someone; only a bare role noun refers back
        words = info.name.split()
        if info.affiliations or len(words) > 2 or fold(words[-1]) != head:
            return None
        sent = self.doc.tokens[self.events[-1].pos].sent if self.events else 0
        for ev in self._recent_events():
            e = ev.entity
            if sent - ev.sent > 8:
                break
            if e.kind == "person" and e.named and e.parts and e.gender == info.gender:
                return e
        return None

    def _english_back_reference(self, info: MentionInfo) -> Entity | None:
        """"the 34-year-old", "the winger", "the actress" right after a named person is that
        person; a described source ("the spokesman for the show") or one known by the same
        role is left to the other lookups."""
        words = fold(info.name).split()
        if info.plural or not words or words[0] != "the" or not 1 < len(words) <= 4:
            return None
        if any(w in EN_DESCRIBING for w in words) or (info.head and self._by_description(info)):
            return None
        last = words[-1]
        gender = "f" if last.endswith(("woman", "ess")) else "m" if last.endswith("man") else ""
        sent = self.doc.tokens[self.events[-1].pos].sent if self.events else 0
        for ev in reversed(self.events):
            e = ev.entity
            if sent - ev.sent > 4:
                break
            if e.kind == "person" and e.named and (not gender or not e.gender or e.gender == gender):
                return e
        return None

    # -------------------------------------------------------------- pronouns

    def _pronoun(self, pos: int, info: MentionInfo) -> Entity | None:
        word = fold(info.name)
        if info.gender == "none" or word in ("man", "es", "one"):
            return None
        if word in ("demnach", "demzufolge", "danach"):
            return self.last_speaker
        before = [ev for ev in self._recent_events() if ev.pos < pos][::-1]
        if not before:
            return None
        sent = self.doc.tokens[pos].sent
        plural = info.plural
        gender = info.gender

        def person_ok(e: Entity) -> bool:
            if e.kind not in ("person", "unnamed") or e.plural:
                return False
            return not gender or not e.gender or e.gender == gender

        def group_ok(e: Entity) -> bool:
            return (e.kind == "unnamed" and e.plural) or e.kind == "organisation"

        def org_ok(e: Entity) -> bool:
            if e.kind != "organisation":
                return False
            if self.doc.language != "de":
                return word in ("it", "its")  # English "he" and "she" are people, never a company
            g = org_gender(e)
            return gender == "f" and g == "f" or word in ("it", "its") or (gender == "m" and g == "m")

        # a pronoun opening a sentence continues the previous sentence's subject
        opens = opens_sentence(self.doc, pos)
        if opens:
            prev = [ev for ev in before if ev.sent == sent - 1 and ev.subject]
            for ev in prev:
                e = ev.entity
                if (plural and group_ok(e)) or (not plural and (person_ok(e) or org_ok(e))):
                    return self._learn(e, gender)
        if plural:
            for ev in reversed(before):
                if group_ok(ev.entity):
                    return ev.entity
            return None
        if word in ("it", "its"):
            for ev in reversed(before):
                if ev.entity.kind == "organisation":
                    return ev.entity
            return None
        for ev in reversed(before):
            if person_ok(ev.entity) and sent - ev.sent <= 6:
                return self._learn(ev.entity, gender)
        for ev in reversed(before):
            if org_ok(ev.entity) and sent - ev.sent <= 3:
                return ev.entity
        return None

    @staticmethod
    def _learn(e: Entity, gender: str) -> Entity:
        if e.kind == "person" and not e.gender and gender in ("m", "f"):
            e.gender = gender
        return e

    # -------------------------------------------------------------- after all mentions

    def finish(self) -> None:
        orgs = [e for e in self.entities if e.kind == "organisation"]
        for e in self.entities:
            affs = []
            for a in e.affiliations:
                affs.append(self._resolve_affiliation(a, orgs))
            # "GVS-Vorsitzender", "Mainfeld-Chefvolkswirt": a role prefixed with an
            # abbreviation or the first word of an organisation met in the article
            for r in e.roles:
                m = re.match(r"^([A-ZÄÖÜ][\wäöüß]+)-", r)
                if m and fold(m.group(1)) not in ROLE_PREFIXES:
                    prefix = fold(m.group(1))
                    org = next((o.name for o in orgs if prefix in o.aliases or prefix == initials(o.name)
                                or fold(o.name).split()[0] == prefix), None)
                    # not met in the article: the prefix itself names it ("SPD-Chef", "BWZ-Präsident")
                    affs.append(org or m.group(1))
            e.affiliations = []
            for a in affs:
                if fold(a) != fold(e.name) and fold(a) not in {fold(x) for x in e.affiliations}:
                    e.affiliations.append(a)

    def named_form(self, e: Entity) -> Entity:
        """"their union" before "Northern Nurses' Union" is named: the named organisation."""
        if e.kind != "organisation" or e.named or len(e.name.split()) > 1:
            return e
        head = fold(e.name)
        for o in self.entities:
            if o is not e and o.kind == "organisation" and o.named and head in fold(o.name).split():
                return o
        return e

    @staticmethod
    def _resolve_affiliation(a: str, orgs: list[Entity]) -> str:
        """A bare "trust" or "Polizei" becomes the organisation of that name met in the article."""
        f = fold(a)
        if len(f.split()) > 1:
            return a
        for o in orgs:
            if f in o.aliases:
                return o.name
        if a[:1].islower():
            for o in orgs:
                words = fold(o.name).split()
                if len(words) > 1 and words[-1] == f:
                    return o.name
        return a


# words that make a definite description introduce someone rather than refer back
EN_DESCRIBING = frozenset({"of", "for", "at", "from", "in", "with", "who", "whose", "company", "government",
                           "police", "city", "council", "committee", "board", "court", "group", "authority"})


def resolve_sources(article: Article, doc: Doc) -> None:
    """Give every quote with a speaker mention its ``Source``; fill ``article.sources``."""
    res = _Resolver(article, doc)
    marked = quoted_tokens(doc)
    mentions: list[tuple[int, int, MentionInfo, int | None, bool]] = []  # (pos, order, info, quote, may create)
    speaker_tokens: set[int] = set()
    for qi, q in enumerate(article.quotes):
        sp = q.speaker
        if sp is None or sp.end <= sp.start:
            continue
        a = doc.token_at(sp.start)
        last = doc.token_at(sp.end - 1)
        if a is None or last is None:
            continue
        info = split_title(doc, describe_mention(doc, a, last + 1))
        mentions.append((a, 1, info, qi, True))
        speaker_tokens.update(range(info.start, a + 1))
    for pos, info, create in scan_antecedents(article, doc, marked, speaker_tokens):
        mentions.append((pos, 0, info, None, create))
    mentions.sort(key=lambda m: (m[0], m[1]))

    resolved: dict[int, Entity] = {}
    for pos, _, info, qi, create in mentions:
        e = res.register(pos, info, create=create)
        if qi is None:
            continue
        if e is not None:
            resolved[qi] = e
            res.last_speaker = e
            if info.possessive and e.kind in ("person", "unnamed") and not info.possessor:
                org = _possessive_org(res, pos, info)
                if org is not None and org.name not in e.affiliations:
                    e.affiliations.append(org.name)
    res.finish()
    for qi, e in list(resolved.items()):
        resolved[qi] = res.named_form(e)

    sources: list[Source] = []
    for qi, q in enumerate(article.quotes):
        e = resolved.get(qi)
        if e is None:
            q.source = None
            if q.speaker is not None:
                q.speaker.source_id = None
            continue
        if e.source is None:
            kind = e.kind if e.kind in ("person", "organisation", "document") else "unnamed"
            e.source = Source(
                name=e.name, kind=kind, roles=list(e.roles), affiliations=list(e.affiliations),
                aliases=[a for f, a in e.aliases.items() if f != fold(e.name)],
            )
            sources.append(e.source)
        q.source = e.source
        q.speaker.source_id = e.source.id
    article.sources = sources


def _possessive_org(res: _Resolver, pos: int, info: MentionInfo) -> Entity | None:
    """"Ihr Sprecher Malte Kröger": the organisation "ihr" points back to."""
    for ev in reversed(res.events):
        if ev.pos >= pos:
            continue
        e = ev.entity
        if e.kind == "organisation":
            g = org_gender(e)
            # "ihr" is feminine or plural, "sein" masculine or neuter
            p = info.possessive
            if p == "pl" or (p == "f" and g == "f") or (p == "m" and g != "f"):
                return e
    return None
