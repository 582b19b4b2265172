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

from ..lexicon import first_names
from . import roles as R
from ..analyse.quotes import find_mark_spans
from .identity import initials
from .roles import MentionInfo, describe_mention
from ..analyse.tokens import Doc
from ..model import Article, Source, fold

@dataclass
class _Entity:
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
            self.gender = _gender_from_roles(self.roles, german)


@dataclass
class _Event:
    pos: int  # token index
    sent: int
    entity: _Entity
    subject: bool  # the mention opens its sentence


class _Resolver:
    def __init__(self, article: Article, doc: Doc):
        self.article = article
        self.doc = doc
        self.entities: list[_Entity] = []
        self.by_key: dict[tuple[str, str], _Entity] = {}
        self.events: list[_Event] = []
        self.last_speaker: _Entity | None = None
        self.create = True

    # -------------------------------------------------------------- registry

    def _new(self, info: MentionInfo, kind: str | None = None, name: str | None = None) -> _Entity:
        kind = kind or info.kind
        name = name or info.name
        e = _Entity(kind=kind, name=name, named=info.named, plural=info.plural)
        if kind in ("organisation", "unnamed", "document"):
            e.gender = info.gender if info.gender in ("m", "f", "n") else ""
        if kind == "person":
            e.parts = [fold(p) for p in (info.name_parts or name.split())]
            by_role = info.gender in ("m", "f") and info.roles
            e.gender = info.gender if by_role else _gender_of_first_name(e.parts, self.doc.language == "de")
        e.add(info, self.doc.language == "de")
        self.entities.append(e)
        self.by_key[(kind, fold(name))] = e
        return e

    def _note(self, pos: int, e: _Entity) -> None:
        sent = self.doc.tokens[pos].sent if pos < len(self.doc.tokens) else 0
        self.events.append(_Event(pos, sent, e, R._sent_start(self.doc, pos)))

    def register(self, pos: int, info: MentionInfo, create: bool = True) -> _Entity | None:
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

    def _lookup(self, pos: int, info: MentionInfo) -> _Entity | None:
        if info.kind == "pronoun":
            return self._pronoun(pos, info)
        if not info.name:
            return None
        words = info.name.split()
        if len(words) == 1 and words[0][:1].isupper() and info.kind != "organisation":
            # a bare surname, whatever HanTa made of it ("Muller", "Frei", "Leitner")
            e = self._by_name_part(fold(words[0]), _stated_gender(info))
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

    def _person(self, info: MentionInfo) -> _Entity | None:
        parts = [fold(p) for p in (info.name_parts or info.name.split())]
        key = ("person", fold(info.name))
        if key in self.by_key:
            return self.by_key[key]
        if len(parts) == 1:
            e = self._by_name_part(parts[0], _stated_gender(info))
            if e is not None:
                return e
            # a single name that is an organisation met before ("Stridewell", "Veltrona", "GVS")
            org = self.by_key.get(("organisation", parts[0])) or self._by_alias(parts[0])
            if org is not None:
                return org
            return self._new(info) if self.create else None
        # a full name: an earlier bare surname or a shorter form of it may be waiting
        for e in reversed(self.entities):
            if e.kind == "person" and len(e.parts) < len(parts) and e.parts and all(p in parts for p in e.parts):
                del self.by_key[("person", fold(e.name))]
                e.name = info.name
                e.parts = parts
                self.by_key[key] = e
                if not e.gender:
                    e.gender = _gender_of_first_name(parts, self.doc.language == "de")
                return e
        return self._new(info) if self.create else None

    def _by_name_part(self, part: str, gender: str = "") -> _Entity | None:
        """The latest person whose name has this part: "Schuster" -> "Carl Schuster", "Doo" -> "Doo Jin-ho";
        of two Webers, "der Bankökonom Weber" is the man."""

        def fits(e: _Entity) -> bool:
            return e.kind == "person" and part in e.parts and (gender not in ("m", "f") or e.gender in ("", gender))

        for ev in reversed(self.events):
            if fits(ev.entity) and len(ev.entity.parts) > 1:
                return ev.entity
        for e in reversed(self.entities):
            if fits(e):
                return e
        return None

    def _by_alias(self, f: str) -> _Entity | None:
        """An abbreviation given earlier in brackets ("GVS"), or the initials of
        a long name met earlier ("IISS")."""
        for e in reversed(self.entities):
            if e.kind == "organisation" and (f in e.aliases or f == initials(e.name)):
                return e
        return None

    def _organisation(self, info: MentionInfo) -> _Entity | None:
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

    def _refer_to_org(self, info: MentionInfo) -> _Entity | None:
        """"die Gewerkschaft" -> "Gewerkschaft Verkehr und Schiene", "the trust" -> "hospital trust"."""
        head = fold(info.head or info.name)
        whole = fold(info.name)
        if not head:
            return None
        for ev in reversed(self.events):
            e = ev.entity
            if e.kind != "organisation" or fold(e.name) == whole:
                continue
            words = fold(e.name).split()
            if head in words or any(w.endswith(head) for w in words):
                return e
        if head in GENERIC_REFERRING and not info.possessive:
            for ev in reversed(self.events):
                if ev.entity.kind == "organisation" and ev.entity.named:
                    return ev.entity
        return None

    def _document(self, info: MentionInfo) -> _Entity | None:
        head = fold(info.head or info.name)
        if info.definite and fold(info.name) == head:
            # "Dem Bericht zufolge", "heißt es in der Untersuchung": the last report's author
            if head in ("urteil", "urteilsbegründung", "beschluss", "ruling", "verdict", "entscheidung"):
                for ev in reversed(self.events):
                    e = ev.entity
                    if e.kind == "organisation" and re.search(r"gericht|court|tribunal", fold(e.name)):
                        return e
            for ev in reversed(self.events):
                if ev.entity.document:
                    return ev.entity
            # "hiess es in der Mitteilung": the statement of the organisation just quoted
            if self.last_speaker is not None and self.last_speaker.kind == "organisation":
                return self.last_speaker
        if not self.create:
            return None
        key = ("document", fold(info.name))
        return self.by_key.get(key) or self._new(info)

    def _unnamed(self, info: MentionInfo) -> _Entity | None:
        key = ("unnamed", fold(info.name))
        if not info.plural and info.definite and info.head:
            e = self._by_description(info) or self._by_role_noun(info)
            if e is not None:
                return e
        if key in self.by_key:
            return self.by_key[key]
        return self._new(info) if self.create else None

    def _by_description(self, info: MentionInfo) -> _Entity | None:
        """"der Stadtbaurat" -> Henrik Mahler, "die Ministerin" -> the Wirtschaftsministerin,
        "die 34-Jährige" -> the last woman mentioned."""
        head = fold(info.head)
        age = bool(re.match(r"^\d+-j", head))
        for ev in reversed(self.events):
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
            if prefix and any(prefix in fold(a).split() for a in e.affiliations) and R._roleish_word(tail):
                return e
        return None

    def _by_role_noun(self, info: MentionInfo) -> _Entity | None:
        """"der Ökonom", "die Forscherin" after a named person: news style refers back
        to the last named person of that gender rather than introduce someone unnamed."""
        head = fold(info.head)
        if self.doc.language != "de" or not info.gender or not (R._roleish_word(head) or R._role_compound(head)):
            return None
        if R._is_org_word(head, False) or head in R.NOT_ROLES:
            return None
        # "der Inhaber einer Bäckerei" introduces someone; only a bare role noun refers back
        words = info.name.split()
        if info.affiliations or len(words) > 2 or fold(words[-1]) != head:
            return None
        sent = self.doc.tokens[self.events[-1].pos].sent if self.events else 0
        for ev in reversed(self.events):
            e = ev.entity
            if sent - ev.sent > 8:
                break
            if e.kind == "person" and e.named and e.parts and e.gender == info.gender:
                return e
        return None

    # -------------------------------------------------------------- pronouns

    def _pronoun(self, pos: int, info: MentionInfo) -> _Entity | None:
        word = fold(info.name)
        if info.gender == "none" or word in ("man", "es", "one"):
            return None
        if word in ("demnach", "demzufolge", "danach"):
            return self.last_speaker
        before = [ev for ev in self.events if ev.pos < pos]
        if not before:
            return None
        sent = self.doc.tokens[pos].sent
        plural = info.plural
        gender = info.gender

        def person_ok(e: _Entity) -> bool:
            if e.kind not in ("person", "unnamed") or e.plural:
                return False
            return not gender or not e.gender or e.gender == gender

        def group_ok(e: _Entity) -> bool:
            return (e.kind == "unnamed" and e.plural) or e.kind == "organisation"

        def org_ok(e: _Entity) -> bool:
            if e.kind != "organisation":
                return False
            g = _org_gender(e)
            return gender == "f" and g == "f" or word in ("it", "its") or (gender == "m" and g == "m")

        # a pronoun opening a sentence continues the previous sentence's subject
        opens = R._sent_start(self.doc, pos)
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
    def _learn(e: _Entity, gender: str) -> _Entity:
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
                if m and fold(m.group(1)) not in _ROLE_PREFIXES:
                    prefix = fold(m.group(1))
                    org = next((o.name for o in orgs if prefix in o.aliases or prefix == initials(o.name)
                                or fold(o.name).split()[0] == prefix), None)
                    # not met in the article: the prefix itself names it ("SPD-Chef", "BWZ-Präsident")
                    affs.append(org or m.group(1))
            e.affiliations = []
            for a in affs:
                if fold(a) != fold(e.name) and fold(a) not in {fold(x) for x in e.affiliations}:
                    e.affiliations.append(a)

    def named_form(self, e: _Entity) -> _Entity:
        """"their union" before "Northern Nurses' Union" is named: the named organisation."""
        if e.kind != "organisation" or e.named or len(e.name.split()) > 1:
            return e
        head = fold(e.name)
        for o in self.entities:
            if o is not e and o.kind == "organisation" and o.named and head in fold(o.name).split():
                return o
        return e

    @staticmethod
    def _resolve_affiliation(a: str, orgs: list[_Entity]) -> str:
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


def _stated_gender(info: MentionInfo) -> str:
    """The gender an article or role gives a bare surname ("der Bankökonom Weber");
    a guess from the name's own ending ("Krüger" like "der Krug") does not count."""
    return info.gender if info.definite or info.roles else ""


def _gender_of_first_name(parts: list[str], german: bool) -> str:
    if len(parts) < 2:
        return ""
    first = parts[0].split("-")[0]
    if first in first_names.FEMALE:
        return "f"
    if first in first_names.MALE:
        return "m"
    if first.endswith(("a", "ine", "ette", "elle", "ie")) or (first.endswith("e") and len(first) > 3):
        return "f"
    if german and len(first) > 3 and first[-1] in "bcdfgklmnprstz":
        return "m"  # "Wolfgang", "Thomas", "Michael"; in English too many women's names end so ("Eleanor")
    return ""


# compound-role prefixes that name no organisation ("Ex-Minister", "Vize-Chefin")
_ROLE_PREFIXES = {"ex", "vize", "co", "ko", "interims", "ober", "chef", "top", "neu", "alt", "senior", "junior"}

_PREPS = {"für", "an", "am", "der", "des", "von", "vom", "bei", "beim", "im", "in", "aus", "of", "at", "for", "from"}


def _gender_from_roles(roles: list[str], german: bool) -> str:
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
            if w.lower() in _PREPS:
                break
            if w[:1].isupper() and not w.isupper():
                head = w.lower()
        if not head:
            continue
        if head.endswith(R.NOMINALISED_ROLES):
            return "f"  # "Vorsitzende"; the masculine form is "Vorsitzender"
        if head.endswith("in") and not head.endswith(("ein", "ain")):
            return "f"
        return "m"
    return ""


def _org_gender(e: _Entity) -> str:
    if e.gender:
        return e.gender
    words = e.name.split()
    noun = next((w for w in words if w[:1].isupper() and not w.isupper()), words[-1] if words else "")
    return R._gender_of_noun(noun)


# generic heads that refer back to the last named organisation ("das Unternehmen", "the company")
GENERIC_REFERRING = {fold(w) for w in (
    "unternehmen", "konzern", "firma", "verein", "klub", "club", "behörde", "organisation", "institut", "verband",
    "gewerkschaft", "partei", "company", "firm", "authority", "organization", "group", "agency", "union",
    "institute")}

PERSON_NOUNS = (
    "inhaber", "inhaberin", "sprecher", "sprecherin", "patient", "patientin", "rentner", "rentnerin", "pfleger",
    "pflegerin", "frau", "mann", "mutter", "vater", "nachbar", "nachbarin", "anwohner", "anwohnerin", "bewohner",
    "bewohnerin", "captain", "kapitän", "schüler", "schülerin", "gymnasiast", "gymnasiastin", "student",
    "studentin", "zeuge", "zeugin", "arzt", "ärztin", "polizist", "polizistin", "beamter", "beamtin", "landwirt",
    "landwirtin", "bauer", "bäuerin", "fahrer", "fahrerin", "besitzer", "besitzerin", "experte", "expertin",
    "vertreter", "vertreterin", "mitarbeiter", "mitarbeiterin", "chef", "chefin", "leiter", "leiterin",
    "direktor", "direktorin", "minister", "ministerin", "präsident", "präsidentin", "bürgermeister",
    "bürgermeisterin", "richter", "richterin", "anwalt", "anwältin", "schiffer", "gutachter", "gutachterin",
    "woman", "man", "mother", "father", "resident", "spokesman", "spokeswoman", "spokesperson", "official",
    "nurse", "doctor", "owner", "worker", "driver", "teacher", "neighbour", "neighbor", "witness",
)


def _quoted_tokens(doc: Doc) -> list[bool]:
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


def _scan(article: Article, doc: Doc, inside: list[bool]) -> list[tuple[int, MentionInfo, bool]]:
    """Persons and organisations written outside quotations, as antecedents:
    (token, description, whether it may start an entity of its own)."""
    out: list[tuple[int, MentionInfo, bool]] = []
    toks = doc.tokens
    n = len(toks)
    en = doc.language != "de"
    skip_names = {fold(article.outlet)} if article.outlet else set()
    k = 0
    while k < n:
        if inside[k]:
            k += 1
            continue
        c = R.cls(doc, k)
        if c in ("OTHER", "VERB") and _bare_subject(doc, k):
            out.append((k, _bare_name(toks[k].text), False))
            k += 1
            continue
        if c not in ("DET", "ADJ", "NOUN", "NAME"):
            k += 1
            continue
        sent = toks[k].sent
        s1 = doc.sentences[sent][1] if doc.sentences else n
        np_ = R._np(doc, k, s1, None, complements=False)
        if np_ is None:
            k += 1
            continue
        heads = np_.heads
        has_name = any(R.cls(doc, h) == "NAME" for h in heads) or np_.quoted is not None
        org_head = any(R._is_org_word(toks[h].text, en) for h in heads)
        head_low = toks[heads[-1]].text.lower() if heads else ""
        person_head = head_low.endswith(PERSON_NOUNS) and np_.det is not None
        doc_head = R._is_doc_word(head_low) and np_.det is not None
        if not (has_name or org_head or person_head or doc_head) and len(heads) == 1 and _bare_subject(doc, k):
            out.append((k, _bare_name(toks[k].text), False))
            k += 1
            continue
        wanted = has_name or (org_head and np_.det is not None) or person_head or doc_head
        if wanted and not any(inside[h] for h in heads):
            info = describe_mention(doc, k, np_.head_end)
            name = fold(info.name)
            if info.name and name not in skip_names and not R._is_country(info.name):
                if info.kind == "organisation":
                    out.append((k, info, info.named))
                elif info.kind == "person" and not _opened_by_mark(doc, k):
                    out.append((k, info, len(info.name_parts) > 1 or bool(info.roles)))
                elif info.kind == "unnamed" and not info.plural and person_head:
                    out.append((k, info, True))
                elif info.kind == "document":
                    out.append((k, info, False))
        k = max(np_.head_end, k + 1)
    return out


def _opened_by_mark(doc: Doc, k: int) -> bool:
    """A name glued to an opening quotation mark is a title ("The Oregon Runner"), not a person."""
    return k > 0 and R.cls(doc, k - 1) == "QUOTE" and doc.tokens[k - 1].end == doc.tokens[k].start


def _bare_name(text: str) -> MentionInfo:
    """A bare surname as subject ("Frei will …", "antwortete Hartmann"): it only joins a known person."""
    return MentionInfo(name=text, kind="person", name_parts=[text])


def _bare_subject(doc: Doc, k: int) -> bool:
    """A capitalised word standing alone next to a finite verb, where a surname would be."""
    t = doc.tokens[k]
    low = t.text.lower()
    if not t.text[:1].isupper() or not t.text.isalpha() or low in R.PRONOUNS or low in R.TIME_WORDS:
        return False
    prev = R.cls(doc, k - 1) if k > 0 else "PUNCT"
    if prev in ("DET", "ADJ", "PREP", "NOUN", "NAME"):
        return False
    return (k + 1 < len(doc.tokens) and _finite(doc.tokens[k + 1])) or (k > 0 and _finite(doc.tokens[k - 1]))


def _finite(t) -> bool:
    return "FIN" in t.pos or t.pos in ("VBD", "VBZ", "VBP", "MD")


def resolve_sources(article: Article, doc: Doc) -> None:
    """Give every quote with a speaker mention its ``Source``; fill ``article.sources``."""
    res = _Resolver(article, doc)
    marked = _quoted_tokens(doc)
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
        info = describe_mention(doc, a, last + 1)
        mentions.append((a, 1, info, qi, True))
        speaker_tokens.update(range(info.start, a + 1))
    for pos, info, create in _scan(article, doc, marked):
        if pos not in speaker_tokens:
            mentions.append((pos, 0, info, None, create))
    mentions.sort(key=lambda m: (m[0], m[1]))

    resolved: dict[int, _Entity] = {}
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


def _possessive_org(res: _Resolver, pos: int, info: MentionInfo) -> _Entity | None:
    """"Ihr Sprecher Malte Kröger": the organisation "ihr" points back to."""
    for ev in reversed(res.events):
        if ev.pos >= pos:
            continue
        e = ev.entity
        if e.kind == "organisation":
            g = _org_gender(e)
            # "ihr" is feminine or plural, "sein" masculine or neuter
            p = info.possessive
            if p == "pl" or (p == "f" and g == "f") or (p == "m" and g != "f"):
                return e
    return None
