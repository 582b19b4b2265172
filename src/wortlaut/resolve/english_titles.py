"""English names written after their titles: "Microsoft President Brad Smith" is Brad
Smith, President, of Microsoft.

The phrase reader takes such a stretch for one name; here the named entities of
the English pack decide where the person's name is, and the words before it are
split into affiliation ("Microsoft", "ISD", "Labour") and role ("President",
"spokesman", "MP"). German mentions never come here.
"""

from __future__ import annotations

from ..analyse.tokens import Doc
from ..model import fold
from .gender import gender_of_first_name
from .mentions import MentionInfo

# capitalised words that are (part of) a title, not an organisation's name
TITLE_WORDS = frozenset(
    [
        "president",
        "vice",
        "chief",
        "executive",
        "officer",
        "minister",
        "secretary",
        "senator",
        "sen.",
        "representative",
        "rep.",
        "governor",
        "gov.",
        "mayor",
        "commissioner",
        "judge",
        "justice",
        "professor",
        "prof.",
        "assemblyman",
        "assemblywoman",
        "congressman",
        "congresswoman",
        "councillor",
        "councilman",
        "councilwoman",
        "chancellor",
        "premier",
        "attorney",
        "assistant",
        "deputy",
        "prime",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "superintendent",
        "sheriff",
        "inspector",
        "detective",
        "sergeant",
        "captain",
        "coach",
        "manager",
        "bishop",
        "ambassador",
        "colonel",
        "lieutenant",
        "admiral",
        "commander",
        "mp",
        "mep",
        "speaker",
        "leader",
        "founder",
        "ceo",
        "cfo",
        "coo",
        "cto",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "general",
    ]
)
# capitalised words that open a title ("Interior Minister", "City Commissioner", "Union president")
TITLE_OPENERS = frozenset(
    [
        "interior",
        "foreign",
        "home",
        "health",
        "finance",
        "defence",
        "defense",
        "education",
        "transport",
        "trade",
        "city",
        "county",
        "state",
        "union",
        "council",
        "press",
        "federal",
        "district",
        "former",
        "acting",
        "interim",
        "senior",
        "managing",
        "u.s.",
        "us",
    ]
)
DETERMINERS = frozenset({"DT", "PDT", "PRP$", "CD"})
PREPOSITIONS = frozenset({"of", "for", "from", "at", "in", "with"})


def _role_start(doc: Doc, a: int, b: int) -> int:
    """First token of the title in tokens [a, b): a common noun or a title word."""
    for k in range(a, b):
        t = doc.tokens[k]
        low = t.text.lower()
        if low in TITLE_WORDS or low in TITLE_OPENERS or (t.pos in ("NN", "NNS") and t.text.islower()):
            return k
    return b


def _person_entity(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """The last PERSON entity inside tokens [a, b); else, after a title, the proper
    nouns that close the stretch ("ISD spokesman Tahir Della", which NER calls an ORG)."""
    found = [(s, e) for s, e, label in doc.entities if label == "PERSON" and a <= s < b and _runs_on(doc, b, e)]
    if found:
        s, e = found[-1]
        if e - s == 1 and s > a and _first_name_like(doc.tokens[s - 1]):
            s -= 1  # NER took only the surname: "Councillor Aoife [Brennan]"
        return s, e
    k = b
    while k > a and doc.tokens[k - 1].pos in ("NNP", "HYPH") and doc.tokens[k - 1].text.lower() not in TITLE_WORDS:
        k -= 1
    if b - k < 2 or k == a:
        return None
    t = doc.tokens[k - 1]
    titled = t.text.lower() in TITLE_WORDS or (t.pos in ("NN", "NNS") and t.text.islower())
    return (k, b) if titled else None


def _runs_on(doc: Doc, b: int, e: int) -> bool:
    """Does a name read up to ``b`` go on to ``e``: "Waller[-Bridge]", "Amira [Said]" (tagged a verb)."""
    return all(doc.tokens[k].pos == "HYPH" or doc.tokens[k].text[:1].isupper() for k in range(b, e))


def _first_name_like(t) -> bool:
    return t.pos == "NNP" and t.text[:1].isupper() and t.text.isalpha() and t.text.lower() not in TITLE_WORDS | TITLE_OPENERS


def _stretch_end(doc: Doc, a: int, b: int) -> int:
    """Where the name part of a mention ends: at its first comma (an apposition follows)."""
    for k in range(a, b):
        if doc.tokens[k].text in (",", "(", "—", "--"):
            return k
    return b


def split_title(doc: Doc, info: MentionInfo) -> MentionInfo:
    """``info`` with a title written before an English person's name split off."""
    if doc.language != "en" or info.kind not in ("person", "organisation"):
        return info
    words = info.name.split()
    while len(words) > 1 and words[-1].lower() in PREPOSITIONS | {"on", "by"}:
        words.pop()  # "Microsoft Corp. on Thursday": the time phrase was dropped, its preposition not
    info.name = " ".join(words) if words else info.name
    if not doc.entities:
        return info
    a, b = info.start, _stretch_end(doc, info.start, info.end)
    ent = _person_entity(doc, a, b)
    if ent is None:
        return info
    s, e = ent
    while e > s and doc.tokens[e - 1].text.lower() in ("'s", "’s", "'"):
        e -= 1
    if e <= s:
        return info
    name = doc.span_text(s, e)
    if fold(name) == fold(info.name):
        return info
    while a < s and (doc.tokens[a].pos in DETERMINERS or doc.tokens[a].text.lower() in ("the", "a", "an")):
        a += 1
    r = _role_start(doc, a, s)
    affiliation = doc.span_text(a, r) if r > a else ""
    role_end = next((k for k in range(r, s) if doc.tokens[k].text.lower() in PREPOSITIONS), s)
    role = doc.span_text(r, role_end) if role_end > r else ""
    prefix = fold(doc.span_text(info.start, s)) if s > info.start else ""
    info.roles = ([role] if role else []) + [x for x in info.roles if fold(x) not in prefix]
    info.affiliations = ([affiliation] if affiliation else []) + [
        x for x in info.affiliations if fold(x) not in prefix and fold(x) != fold(affiliation)
    ]
    info.name = name
    info.end = max(info.end, e)
    info.kind = "person"
    info.named = True
    info.name_parts = [doc.tokens[k].text for k in range(s, e) if doc.tokens[k].text not in ("-", "–")]
    info.gender = info.gender or gender_of_first_name(info.name_parts, False)
    return info
