"""What a speaker mention says about its source: canonical name, kind, roles, affiliations.

The attribution taggers mark where a speaker is written ("Carl Schuster,
ehemaliger Einsatzleiter …", "er", "einem Bericht des Council on Foreign
Relations vom Juni 2022"). ``describe_mention`` reads that stretch, widened
or cut by the tokens around it, with the tokens' part-of-speech tags and lemmas
(HanTa for German, Penn tags for English), capitalisation and word lists.
Everything is rules and lookups, cheap enough to call for every mention and
every name in an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import first_names
from ..lexicon.countries import CODES
from ..lexicon.marks import QUOTE_MARKS
from ..lexicon.name_words import NAME_LINKS, NAME_PARTICLES
from ..lexicon.time_words import TIME_WORDS
from ..model import fold
from ..analyse.tokens import Doc, Token


@dataclass
class MentionInfo:
    name: str
    kind: str  # a Source kind, or "pronoun"
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    name_parts: list[str] = field(default_factory=list)  # persons: every token of the name
    head: str = ""  # head noun of a description ("Bürgermeisterin", "Bericht", "Verein")
    definite: bool = False  # "der Bürgermeister", "die Gewerkschaft", "the authority"
    plural: bool = False
    gender: str = ""  # "m" | "f" | "" (unknown); for persons, pronouns and descriptions
    possessive: str = ""  # "m" | "f" | "pl" when a possessive ties it to someone earlier ("ihr Sprecher")
    possessor: str = ""  # a written possessor ("the trust's medical director" -> "trust")
    document: str = ""  # head of the document it came through ("Bericht"), if any
    aliases: list[str] = field(default_factory=list)  # abbreviations given in brackets ("GVS")
    named: bool = False  # has a proper name (not just a description)
    weak: bool = False  # a lone non-noun ("Ähnlich"): names someone only if a person of that name is known
    start: int = 0  # token range read, after widening
    end: int = 0


# ---------------------------------------------------------------- word lists

DE_DEFINITE = {"der", "die", "das", "den", "dem", "des"}
EN_DET = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your",
          "some", "many", "several", "other", "one", "two", "three", "most", "all", "any", "another"}
DE_RELATIVE_POSSESSIVE = {"dessen": "m", "deren": "pl"}
EN_POSSESSIVE = {"its": "n", "his": "m", "her": "f", "their": "pl"}
DE_POSSESSIVE = {"sein": "m", "seine": "m", "seiner": "m", "seinem": "m", "seinen": "m", "seines": "m",
                 "ihr": "f", "ihre": "f", "ihrer": "f", "ihrem": "f", "ihren": "f", "ihres": "f",
                 "dessen": "m", "deren": "f"}
EN_PREP = {"of", "at", "for", "from", "in", "on", "by", "with", "to", "according", "about", "after", "before",
           "during", "outside", "inside", "near", "into", "over", "under", "than", "as"}
EN_CONJ = {"and", "or", "&", "but", "nor"}
EN_REL = {"who", "which", "that", "whose", "whom", "where", "when"}
EN_PRON = {"he", "she", "they", "it", "we", "i", "you", "him", "them", "us", "me", "one"}
EN_STOP = {
    "said", "say", "says", "saying", "told", "tell", "tells", "added", "add", "adds", "wrote", "write", "writes",
    "announced", "announces", "claimed", "claims", "argued", "argues", "warned", "warns", "believe", "believes",
    "described", "describes", "called", "calls", "asked", "asks", "stated", "states", "noted",
    "notes", "explained", "explains", "insisted", "confirmed", "confirms", "denied", "denies", "suggested",
    "suggests", "reported", "reports", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
    "would", "could", "can", "may", "might", "should", "must", "did", "does", "do", "also", "now", "not",
    "then", "still", "already", "however", "earlier", "later", "last", "this", "on", "yesterday", "today",
    "retired", "published", "admitted", "obtained", "expected", "agreed", "urged", "estimated",
}
PRONOUNS = {
    # text -> (gender, plural); gender "" where the form does not say
    "er": ("m", False), "sie": ("f", False), "es": ("n", False), "ich": ("", False), "wir": ("", True),
    "man": ("", False), "ihr": ("", True), "he": ("m", False), "she": ("f", False), "it": ("n", False),
    "they": ("", True), "we": ("", True), "i": ("", False), "denen": ("", True), "der": ("m", False),
    "die": ("f", False), "dieser": ("m", False), "diese": ("f", False), "demnach": ("", False),
    "dem": ("m", False), "den": ("m", False), "dessen": ("m", False), "deren": ("f", False),
    "demzufolge": ("", False), "danach": ("", False),
}
GROUP_PRONOUNS = {"andere", "einige", "viele", "manche", "mehrere", "beide", "alle", "others", "some", "many",
                  "several", "most", "both", "all"}
QUANTIFIERS = {"andere", "anderen", "weitere", "weiteren", "viele", "vielen", "einige", "einigen", "manche",
               "mehrere", "zahlreiche", "zahlreichen", "alle", "beide", "verschiedene", "other", "some",
               "many", "several", "most", "more", "all", "various", "numerous", "both", "one"}
HONORIFICS = {"dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sir", "dame", "herr",
              "frau", "mag.", "dipl.-ing.", "ing.", "dres.", "prof.dr."}
TITLES = {  # role words written before a name, even where HanTa calls them names
    "primar", "primaria", "hofrat", "dekan", "rektor", "pfarrer", "kardinal", "bischof", "papst", "judge",
    "councillor", "councilor", "cllr", "mayor", "president", "senator", "sen.", "governor", "gov.", "minister",
    "secretary", "chancellor", "commissioner", "inspector", "detective", "sergeant", "sgt.", "constable",
    "captain", "general", "gen.", "colonel", "col.", "coach", "archbishop", "bishop", "pope", "rabbi", "imam",
    "justice", "representative", "rep.", "superintendent", "professor", "chief", "king", "queen", "prince",
    "princess", "lord", "lady", "officer", "commander", "ambassador", "premier", "sheriff", "chairman",
    "chairwoman", "director", "dean",
}
NOT_ROLES = {"frau", "mann", "mutter", "vater", "kind", "person", "mensch", "woman", "man", "mother",
             "father", "child", "rentner", "rentnerin", "gutachter", "gutachterin"}
SPOKES = ("sprecher", "sprecherin", "spokesman", "spokeswoman", "spokesperson")

# organisations: endings of German compounds and English words
ORG_SUFFIX_DE = (
    "rat", "institut", "universität", "hochschule", "akademie", "ministerium", "regierung", "polizei",
    "gewerkschaft", "bahn", "partei", "verband", "verein", "behörde", "amt", "gericht", "gerichtshof",
    "anwaltschaft", "kommission", "bank", "konzern", "unternehmen", "stiftung", "kammer", "senat", "agentur",
    "zentrum", "büro", "klinik", "klinikum", "krankenhaus", "präsidium", "bundeswehr", "feuerwehr", "wacht",
    "verwaltung", "holding", "jury", "gesellschaft", "organisation", "vereinigung", "initiative", "liste",
    "theater", "museum", "ausschuss", "vorstand", "komitee", "gremium", "kabinett", "parlament", "bundestag",
    "landtag", "präfektur", "gemeinde", "bund", "sekretariat", "kommando", "dienst", "zeitung", "sender",
    "rundfunk", "magazin", "firma", "union", "bündnis", "allianz", "fraktion", "werke", "arbeitskreis",
    "landkreis", "stadt", "konsortium", "kirche", "botschaft", "konsulat", "fachblatt",
    "zeitschrift", "wochenzeitung", "tageszeitung", "nachrichtenagentur", "schule", "gymnasium", "club", "klub",
    "vorstandsetage", "team", "armee", "streitkräfte", "geheimdienst", "staatskanzlei", "kanzleramt",
    "ministerien", "behörden", "regierungen", "gemeinschaft", "genossenschaft", "bürgerschaft", "körperschaft",
    "dienststelle", "forschungsstelle", "beratungsstelle", "geschäftsstelle", "leitstelle", "mission", "online",
    "fernsehen", "hilfswerk", "fakultät", "fachstelle", "flughafen", "truppe", "polizeipräsidium",
)
# "-rat" words that name a person, not a council
PERSON_RAT = ("baurat", "landrat", "regierungsrat", "hofrat", "studienrat", "amtsrat", "ministerialrat",
              "schulrat", "kirchenrat", "justizrat", "sanitätsrat", "stadtbaurat")
ORG_WORDS_EN = {
    "council", "institute", "institution", "agency", "authority", "university", "college", "school", "union",
    "association", "forum", "unit", "command", "center", "centre", "committee", "commission", "ministry",
    "department", "court", "bank", "trust", "party", "corporation", "corp", "corp.", "inc", "inc.", "ltd",
    "ltd.", "llc", "plc", "company", "group", "foundation", "society", "organisation", "organization",
    "office", "bureau", "board", "police", "government", "administration", "service", "hospital",
    "parliament", "senate", "congress", "fund", "network", "alliance", "coalition", "federation", "league",
    "club", "firm", "times", "post", "journal", "magazine", "newspaper", "programme", "program",
    "observatory", "laboratory", "lab", "museum", "academy", "secretariat", "cabinet", "assembly",
    "tribunal", "prosecutor's", "prosecutors", "navy", "army", "military", "commons", "house", "ag", "gmbh",
    "se", "e.v.", "fc", "sv", "tsv", "vfb", "vfl", "co.", "co", "kg", "airlines", "airways", "motors",
    "systems", "technologies", "labs", "partners", "holdings", "industries", "media", "news", "press",
    "survey", "online", "institut", "mission",
}
# last words that make a two-word name a company or charity ("Wikimedia Deutschland", "Amnesty International")
CLUB_PREFIXES = {"FC", "SV", "TSV", "VFB", "VFL", "AS", "AC", "SC", "BSC", "FSV", "SPVGG"}
ORG_NAME_TAILS = {"international", "europe", "europa", "global", "deutschland", "germany", "österreich",
                  "schweiz", "usa", "uk", "worldwide", "online"}
# heads that only say what kind of organisation the following name is ("der Konzern Veltrona")
ORG_DESCRIPTORS = (
    "konzern", "unternehmen", "firma", "hersteller", "initiative", "vereinigung", "agentur", "zeitung",
    "zeitschrift", "magazin", "sender", "fachblatt", "privatbank", "bank", "anbieter", "dienst", "startup",
    "company", "maker", "firm", "group", "tank", "newspaper", "magazine", "broadcaster", "provider",
    "retailer", "manufacturer", "developer", "operator", "insurer", "lender", "airline", "carrier", "chain",
    "outlet", "platform", "app", "brand",
)
# organisation heads too general to be an affiliation of their own ("der Fraktion", "der Marine")
GENERIC_ORG = {"fraktion", "abteilung", "marine", "armee", "partei", "regierung", "führung", "leitung", "schule",
               "spitze", "mannschaft", "team", "firma", "unternehmen", "hospital", "company", "government",
               "department", "office", "navy", "army", "military", "police", "trust", "union", "board"}
# heads that stand for a part of the organisation named after them ("die Fraktion der Bürgerliste")
PART_HEADS = {"fraktion", "führung", "leitung", "spitze", "pressestelle", "vorstand", "verwaltung",
              "geschäftsführung", "leadership", "management"}
DOC_WORDS = {
    "bericht", "berichte", "berichten", "studie", "studien", "umfrage", "untersuchung", "erhebung", "analyse",
    "gutachten", "mitteilung", "pressemitteilung", "erklärung", "stellungnahme", "papier", "dokument",
    "statistik", "prognose", "schätzung", "schätzungen", "berechnung", "berechnungen", "angabe", "angaben",
    "auswertung", "urteil", "urteilsbegründung", "beschluss", "schreiben", "brief", "report", "bilanz",
    "daten", "zahlen", "informationen", "erkenntnissen", "erkenntnisse", "ansicht", "auffassung",
    "meinung", "einschätzung", "einschätzungen", "worte", "worten", "aussage", "aussagen", "darstellung",
    "schilderung", "schilderungen", "recherchen", "meldung", "meldungen", "agenturmeldungen",
    "pressemeldung", "pressemeldungen", "protokoll", "expertenmeinung", "version", "vernehmen", "sicht",
    "überzeugung", "mitteilungen", "medienberichten", "presseberichten", "kriminalstatistik", "anklage",
    "anklageschrift", "klage", "entscheidung", "verfügung", "antwort", "forderung", "forderungen", "auskunft",
    "verlautbarung", "ermittlungen", "ermittlungsergebnisse", "untersuchungsergebnisse", "presseerklärung",
    "study", "survey", "statement", "analysis", "paper", "document", "documents", "figures", "data",
    "estimates", "estimate", "letter", "filing", "filings", "ruling", "lawsuit", "complaint", "memo",
    "research", "findings", "review", "release", "recording", "article", "poll", "reports",
    "account", "accounts", "testimony", "view", "words", "assessment", "forecast", "projections", "records",
}
# what someone said, not a document: without a named author it names nobody ("ersten Angaben",
# "dem Vernehmen nach")
STATEMENT_WORDS = {"angabe", "angaben", "aussage", "aussagen", "worte", "worten", "meinung", "ansicht",
                   "einschätzung", "einschätzungen", "auffassung", "informationen", "erkenntnisse", "erkenntnissen",
                   "darstellung", "sicht", "überzeugung", "vernehmen", "schätzungen", "auskunft", "account", "view",
                   "words", "behördenangaben", "polizeiangaben", "regierungsangaben"}

# author prepositions after a document head
AUTHOR_PREPS = {"des", "der", "eines", "einer", "von", "vom", "by", "from", "of", "durch"}
# prepositions that end a role and may introduce where the person works
SPLIT_ALWAYS = {"an", "am", "bei", "beim", "at", "with"}
SPLIT_IF_ORG = {"der", "des", "von", "vom", "of", "für", "for", "im", "in"}
PLACE_PREPS = {"in", "aus", "from", "im"}

# what _is_country accepts beyond the ISO country names: more countries, capitals, blocs
STATE_NAMES = {fold(w) for w in (
    "u.s.", "america", "amerika", "britain", "korea", "algerien", "algeria", "armenien", "armenia",
    "aserbaidschan", "azerbaijan", "bangladesch", "bangladesh", "georgien", "georgia", "jemen", "yemen",
    "jordanien", "jordan", "kasachstan", "kazakhstan", "katar", "qatar", "kolumbien", "colombia", "kuba", "cuba",
    "kuwait", "libanon", "lebanon", "libyen", "libya", "malaysia", "mongolei", "mongolia", "peru", "singapur",
    "singapore", "tunesien", "tunisia", "venezuela", "eu", "europäische union", "european union", "nato", "uno",
    "un", "vereinte nationen", "united nations", "kreml", "kremlin", "weißes haus", "white house", "pentagon",
    "moskau", "moscow", "peking", "beijing", "washington", "kiew", "kyiv", "kiev", "pjöngjang", "pyongyang",
    "seoul", "tokio", "tokyo", "teheran", "tehran", "brüssel", "brussels", "berlin", "paris", "london", "ankara",
    "jerusalem", "damaskus", "kabul", "bagdad", "riad", "taipeh", "taipei", "minsk", "warschau", "warsaw", "wien",
    "bern", "rom", "madrid", "den haag",
)}
# place adjectives that say which region an office belongs to -> the region
REGION_ADJ = {
    "steirisch": "Steiermark", "baden-württembergisch": "Baden-Württemberg", "bayerisch": "Bayern",
    "sächsisch": "Sachsen", "niedersächsisch": "Niedersachsen", "hessisch": "Hessen", "thüringisch": "Thüringen",
    "brandenburgisch": "Brandenburg", "saarländisch": "Saarland", "rheinland-pfälzisch": "Rheinland-Pfalz",
    "nordrhein-westfälisch": "Nordrhein-Westfalen", "schleswig-holsteinisch": "Schleswig-Holstein",
    "mecklenburg-vorpommersch": "Mecklenburg-Vorpommern", "sachsen-anhaltisch": "Sachsen-Anhalt",
    "niederösterreichisch": "Niederösterreich", "oberösterreichisch": "Oberösterreich",
    "burgenländisch": "Burgenland", "kärntnerisch": "Kärnten", "tirolerisch": "Tirol", "zürcherisch": "Zürich",
    "bernisch": "Bern", "baslerisch": "Basel", "hamburgisch": "Hamburg", "bremisch": "Bremen",
    "berlinerisch": "Berlin", "kantonal": "", "städtisch": "", "kommunal": "",
}
CITY_ADJ = {"basler": "Basel", "münchner": "München", "münchener": "München", "zürcher": "Zürich",
            "kärntner": "Kärnten", "tiroler": "Tirol", "walliser": "Wallis", "genfer": "Genf",
            "st. galler": "St. Gallen", "grazer": "Graz", "linzer": "Linz", "wiener": "Wien"}
DROP_ORG_ADJ = {"örtlich", "lokal", "zuständig", "dortig", "hiesig", "kantonal", "besagt", "genannt", "betreffend",
                "sogenannt", "betroffen", "jeweilig", "eigen", "ander", "neu", "zuständige"}

# role nouns that decline like adjectives, which HanTa does not always tag NNA
NOMINALISED_ROLES = ("vorsitzende", "beigeordnete", "abgeordnete", "beauftragte", "angestellte", "sachverständige")
WEAK_MASCULINE_E = ("experte", "kollege", "zeuge", "junge", "bote", "kunde", "laie", "name", "glaube", "wille",
                    "friede", "gedanke", "buchstabe", "vorsitzende", "beauftragte", "abgeordnete", "angestellte",
                    "beigeordnete", "käse", "affe", "löwe", "franzose", "chinese", "türke", "russe", "pole",
                    "grieche")
FEM_SUFFIX = ("ung", "heit", "keit", "schaft", "tät", "ion", "ei", "ie", "ik", "ur", "enz", "anz", "bahn", "bank",
              "kammer", "behörde", "partei", "polizei", "stadt", "gemeinde", "agentur", "akademie",
              "hochschule", "universität", "kommission", "stiftung", "union", "marine", "armee", "schule",
              "klinik", "fraktion", "initiative", "gruppe", "firma", "zeitung", "präfektur", "holding", "liste",
              "wacht", "jury", "organisation", "vereinigung", "gesellschaft", "frau", "zeitschrift",
              "statistik", "studie", "umfrage", "erhebung", "analyse", "botschaft", "wehr", "kirche", "allianz")
NEUT_SUFFIX = ("amt", "fernsehen", "ministerium", "institut", "gericht", "zentrum", "büro", "unternehmen",
               "präsidium",
               "klinikum", "werk", "haus", "kabinett", "parlament", "komitee", "militär", "land", "volk", "team",
               "gremium", "bündnis", "kollegium", "theater", "sekretariat", "kommando", "museum", "gutachten",
               "papier", "dokument", "urteil", "schreiben", "blatt", "magazin", "konsulat", "krankenhaus",
               "konsortium", "gymnasium", "protokoll")


# ---------------------------------------------------------------- token classes

def _cap(text: str) -> bool:
    return bool(text) and text[0].isupper()


def _sent_start(doc: Doc, k: int) -> bool:
    t = doc.tokens[k]
    a = doc.sentences[t.sent][0] if doc.sentences else 0
    j = a
    while j < k and (doc.tokens[j].text in QUOTE_MARKS or doc.tokens[j].pos.startswith("$(")):
        j += 1
    return j == k


def _name_shaped(text: str) -> bool:
    """Capitalised, or a particle-prefixed name part ("el-Baradei", "al-Assad", "O’Keefe")."""
    if _cap(text):
        return True
    return bool(re.match(r"^(?:al|el|ad|as|bin|ibn|de|da|di|van|von)-[A-ZÄÖÜ]", text))


def cls(doc: Doc, k: int) -> str:
    """Coarse class of token k: DET ADJ NOUN NAME TRUNC PREP CONJ REL PRON VERB NUM PUNCT PAREN QUOTE OTHER."""
    t = doc.tokens[k]
    text, pos = t.text, t.pos
    low = text.lower()
    if text in ("’", "'") and k > 0 and doc.tokens[k - 1].end == t.start and doc.tokens[k - 1].text.endswith("s") \
            and t.end < len(doc.text) and doc.text[t.end:t.end + 1] == " ":
        return "POSS"  # "Nurses' Union", "Residents’ Association"
    if text in QUOTE_MARKS:
        return "QUOTE"
    if text in ("(", ")", "[", "]"):
        return "PAREN"
    if doc.language != "de" or not pos:
        return _cls_en(doc, k, text, low, pos)
    if _cap(text) and _first_name_pair(doc, k):
        return "NAME"
    if pos.startswith("$"):
        return "PUNCT" if not text[0].isalnum() else ("NAME" if _cap(text) else "OTHER")
    if text in ("’s", "'s"):
        return "POSS"
    if pos in ("ART", "PIAT") or (pos in ("PPOSAT", "PDAT") and low not in ("dessen", "deren")):
        return "DET"
    if pos == "PRELAT" or low in ("dessen", "deren"):
        return "RELPOSS"
    if pos == "ADJ(A)":
        return "ADJ"
    if pos == "TRUNC":
        return "TRUNC"
    if pos in ("NE", "FM", "XY"):
        if _name_shaped(text):
            return "NAME"
        if low in NAME_LINKS or low in ("’s", "'s", "das"):
            return "LINK"
        return "OTHER"
    if pos.startswith("NN"):
        return "NOUN" if _cap(text) else "OTHER"
    if pos in ("APPR", "APPRART", "APPO", "APZR"):
        return "PREP"
    if pos == "KON" or text == "&":
        return "CONJ"
    if pos in ("PRELS", "PWS", "PWAV"):
        return "REL"
    if pos in ("PPER", "PIS", "PDS", "PRF", "PPOSS"):
        return "PRON"
    if pos == "CARD":
        return "NUM"
    if _cap(text) and not _sent_start(doc, k) and text.isalpha():
        # surnames HanTa reads as verbs or adjectives ("Jörg Wendt", "Andrea Frei")
        return "NAME"
    if pos.startswith("V"):
        return "VERB"
    return "OTHER"


EN_GROUP = {"analysts", "experts", "residents", "officials", "observers", "critics", "economists", "scientists",
            "researchers", "sources", "witnesses", "people", "police", "staff", "workers", "nurses", "doctors",
            "patients", "relatives", "parents", "students", "teachers", "users", "investors", "voters",
            "locals", "others", "some", "many", "protesters", "activists", "campaigners", "lawyers",
            "prosecutors", "investigators", "authorities", "diplomats", "lawmakers", "politicians", "fans",
            "neighbours", "neighbors", "farmers", "traders", "executives", "environmentalists", "owners"}


PENN = {"VB": "VERB", "VBD": "VERB", "VBZ": "VERB", "VBP": "VERB", "MD": "VERB", "RB": "OTHER", "RBR": "OTHER",
        "PRP": "PRON", "WP": "REL", "WDT": "REL", "WP$": "REL", "IN": "PREP", "TO": "PREP", "DT": "DET",
        "PRP$": "DET", "CC": "CONJ", "POS": "POSS", "CD": "NUM", "PDT": "DET"}


def _cls_en(doc: Doc, k: int, text: str, low: str, pos: str = "") -> str:
    if not any(ch.isalnum() for ch in text):
        return "CONJ" if text == "&" else "PUNCT"
    if text in ("’s", "'s", "’", "'"):
        return "POSS"
    if low[0].isdigit():
        return "NUM"
    if pos and low not in EN_STOP:
        if pos in ("NNP", "NNPS") and _cap(text):
            if _sent_start(doc, k) and (low in EN_GROUP or low in QUANTIFIERS):
                return "NOUN"
            return "NAME"
        if pos in PENN:
            c = PENN[pos]
            if c == "DET" and low not in EN_DET:
                return "OTHER"
            if c == "PREP" and low in ("that",):
                return "REL"
            return c
        if pos.startswith(("NN", "JJ", "VBG", "VBN")):
            return "NAME" if _cap(text) and not _sent_start(doc, k) else "NOUN"
    if low in ("his", "her", "its", "their") and k + 1 < len(doc.tokens) and doc.tokens[k + 1].text[:1].isalpha():
        return "DET"
    if low in EN_DET:
        return "DET"
    if low in EN_CONJ:
        return "CONJ"
    if low in EN_REL:
        return "REL"
    if low in EN_PRON:
        return "PRON"
    if low in EN_PREP:
        return "PREP"
    if low in EN_STOP:
        return "VERB"
    if _cap(text) or _name_shaped(text):
        if _sent_start(doc, k) and (low in EN_GROUP or low in QUANTIFIERS):
            return "NOUN"
        return "NAME"
    return "NOUN"


# ---------------------------------------------------------------- noun phrases

@dataclass
class NP:
    start: int
    end: int  # end of the whole phrase including complements
    head_end: int = 0  # end of the head words, before complements
    det: int | None = None
    mods: list[int] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # nominal tokens (nouns, names, links)
    quoted: tuple[int, int] | None = None  # a name in quotation marks after the head
    comps: list[tuple[str, int, "NP"]] = field(default_factory=list)  # (preposition, its token, phrase)
    paren: list[tuple[int, int]] = field(default_factory=list)
    possessor: tuple[int, int] | None = None  # "Stridewell's" / "the trust's"


def _np(doc: Doc, i: int, limit: int, hard: int | None = None, complements: bool = True) -> NP | None:
    """Parse a noun phrase at token i. ``hard`` caps lower-case English words (the tagger's range)."""
    n = min(limit, len(doc.tokens))
    if i >= n:
        return None
    en = doc.language != "de"
    np_ = NP(start=i, end=i)
    k = i
    c = cls(doc, k)
    if c == "DET":
        np_.det = k
        k += 1
    # an English possessor: "Stridewell's chief executive", "the trust's medical director"
    if en:
        j = k
        while j < n and cls(doc, j) in ("NAME", "NOUN") and j - k < 5:
            j += 1
        if j < n and j > k and cls(doc, j) == "POSS" and j + 1 < n and cls(doc, j + 1) in ("NOUN", "NAME", "ADJ") \
                and not _cap(doc.tokens[j + 1].text):
            np_.possessor = (k, j)
            k = j + 1
    while k < n and cls(doc, k) in ("ADJ", "NUM"):
        counted = k + 1 < n and cls(doc, k + 1) in ("NOUN", "ADJ") and _low(doc, k + 1) not in TIME_WORDS
        if cls(doc, k) == "NUM" and not re.search(r"\d+-", doc.tokens[k].text) and not counted:
            break
        np_.mods.append(k)
        k += 1
    while k < n:
        c = cls(doc, k)
        t = doc.tokens[k]
        if c in ("NOUN", "NAME"):
            if en and c == "NOUN" and hard is not None and k >= hard and np_.heads:
                break  # English lower-case words past the tagger's range are the verb phrase
            if t.text.lower() in TIME_WORDS and np_.heads:
                break
            np_.heads.append(k)
            k += 1
            continue
        if c == "ADJ" and np_.heads and _cap(t.text) and k + 1 < n and cls(doc, k + 1) in ("NOUN", "NAME"):
            np_.heads.append(k)  # "Arbeitskreis Sichere Elbe"
            k += 1
            continue
        if c == "TRUNC" and k + 2 < n and doc.tokens[k + 1].text in ("und", "oder") \
                and cls(doc, k + 2) in ("NOUN", "NAME"):
            np_.heads.extend([k, k + 1, k + 2])
            k += 3
            continue
        if (not en and c == "CONJ" and t.text == "und" and len(np_.heads) >= 2 and k + 1 < n
                and cls(doc, k + 1) == "NOUN" and _is_org_word(_low(doc, np_.heads[0]), False)):
            np_.heads.append(k)  # "Gewerkschaft Verkehr und Schiene"
            k += 1
            continue
        if (not en and c == "CONJ" and t.text == "und" and cls(doc, np_.heads[-1] if np_.heads else k) == "NOUN"
                and np_.heads and _roleish(doc, np_.heads[-1]) and k + 1 < n and cls(doc, k + 1) == "NOUN"
                and _roleish(doc, k + 1) and any(cls(doc, j) == "NAME" for j in range(k + 2, min(k + 4, n)))):
            np_.heads.append(k)  # "Der Landtagsabgeordnete und SPD-Fraktionschef Andreas Stoch"
            k += 1
            continue
        j = _name_particle(doc, k, n, np_.heads)
        if j:
            np_.heads.extend(range(k, j))  # "Ursula von der Leyen", "Thomas de Maizière"
            k = j
            continue
        if np_.heads and c in ("LINK", "CONJ", "PREP", "DET", "POSS") and _inside_name(doc, k, n, np_.heads):
            np_.heads.append(k)
            k += 1
            continue
        if np_.heads and c == "QUOTE" and np_.quoted is None:
            q = _quoted_name(doc, k, n)
            if q:
                np_.quoted = q
                k = q[1] + 1
                break
        if not np_.heads and c == "QUOTE" and np_.quoted is None and np_.det is not None:
            q = _quoted_name(doc, k, n)
            if q and any(_is_org_word(doc.tokens[j].text, en) for j in range(*q)):
                np_.quoted = q
                k = q[1] + 1
                break
        break
    if not np_.heads and np_.quoted is None:
        if np_.mods:  # a nominalised adjective ("des 31-Jährigen", "die 34-Jährige")
            np_.heads = [np_.mods.pop()]
        else:
            return None
    np_.end = np_.head_end = k
    if not complements:
        return np_
    _complements(doc, np_, n)
    return np_


def _inside_name(doc: Doc, k: int, n: int, heads: list[int]) -> bool:
    """A linking word inside a multi-word name: "Council on Foreign Relations", "Rheinwerth & Co."."""
    t = doc.tokens[k]
    low = t.text.lower()
    prev = heads[-1]
    if cls(doc, prev) != "NAME" and not (doc.language != "de" and _cap(doc.tokens[prev].text)):
        if not (low == "&" and k + 1 < n and _cap(doc.tokens[k + 1].text)):
            return False
    if k + 1 >= n:
        return False
    if cls(doc, k) == "POSS":  # King’s College, Nurses' Union
        return cls(doc, k + 1) in ("NAME", "NOUN") and _cap(doc.tokens[k + 1].text)
    if low not in NAME_LINKS:
        return False
    nxt = doc.tokens[k + 1]
    if low in ("der", "den", "von", "van", "de") and doc.language == "de" and cls(doc, k) != "LINK":
        return False  # German articles and "von" start complements, not name parts
    if low == "and" and cls(doc, k + 1) != "NAME":
        return False
    return _cap(nxt.text) and cls(doc, k + 1) in ("NAME", "NOUN", "LINK", "ADJ")




def _name_particle(doc: Doc, k: int, n: int, heads: list[int]) -> int:
    """End of "von der" + surname after a single first name, else 0 ("Merkel von der CDU" stays apart)."""
    if len(heads) != 1 or cls(doc, heads[0]) != "NAME" or _low(doc, k) not in NAME_PARTICLES:
        return 0
    j = k + 1
    if j < n and _low(doc, j) in ("der", "den", "dem", "la", "los", "las"):
        j += 1
    if j >= n or not _cap(doc.tokens[j].text) or cls(doc, j) not in ("NAME", "NOUN"):
        return 0
    w = doc.tokens[j].text
    if _is_abbrev(w) or _is_org_word(w, doc.language != "de") or _is_country(w):
        return 0
    if j + 1 < n and _cap(doc.tokens[j + 1].text) and cls(doc, j + 1) in ("NAME", "NOUN"):
        return 0
    return j + 1


def _quoted_name(doc: Doc, k: int, n: int) -> tuple[int, int] | None:
    """A short name in quotation marks: «Rhyschwalbe», „Kassel fährt Rad“. Returns (first, close)."""
    j = k + 1
    while j < n and j - k <= 8:
        if doc.tokens[j].text in QUOTE_MARKS:
            if j > k + 1 and _cap(doc.tokens[k + 1].text):
                return (k + 1, j)
            return None
        if doc.tokens[j].text in (".", ",", ";", ":", "!", "?"):
            return None
        j += 1
    return None


def _complements(doc: Doc, np_: NP, n: int) -> None:
    """Attach genitives, prepositional phrases and brackets that follow the head."""
    en = doc.language != "de"
    k = np_.end
    while k < n:
        t = doc.tokens[k]
        c = cls(doc, k)
        low = t.text.lower()
        if c == "PAREN" and t.text == "(":
            j = k + 1
            while j < n and doc.tokens[j].text != ")" and j - k < 8:
                j += 1
            if j < n and doc.tokens[j].text == ")" and j > k + 1:
                np_.paren.append((k + 1, j))
                k = j + 1
                continue
            break
        if not en and c == "DET" and low in ("des", "der", "eines", "einer"):
            sub = _np(doc, k, n, complements=False)
            if sub is None or not (sub.heads or sub.quoted):
                break
            np_.comps.append(("gen", k, sub))
            k = sub.end
            continue
        if c == "PREP" and low not in ("zufolge", "laut", "gemäß") and k + 1 < n:
            sub = _np(doc, k + 1, n, complements=False)
            if sub is None:
                break
            np_.comps.append(("time" if _temporal(doc, sub) else low, k, sub))
            k = sub.end
            continue
        if c == "CONJ" and low in ("und", "and", "oder", "or") and k + 1 < n and np_.comps:
            # "für Verteidigung und militärische Analyse": coordination inside the last complement
            sub = _np(doc, k + 1, n, complements=False)
            if sub is None or cls(doc, k + 1) == "NAME":
                break
            prep, pk, last = np_.comps[-1]
            if sub.det is not None and prep in ("gen", "der", "des"):
                np_.comps.append((prep, k, sub))  # "der SPD-Fraktion und der Tierschutzpartei": two of them
                k = sub.end
                continue
            if cls(doc, k + 1) == "NOUN" and _roleish_word(_low(doc, k + 1)) and not en:
                break  # "Dekan der Fakultät und Vorsitzende des …": a second role
            last.end = sub.end
            last.heads.extend(sub.heads)
            k = sub.end
            continue
        if not en and c == "NAME" and low.endswith("s") and np_.heads and not np_.comps \
                and cls(doc, np_.heads[-1]) == "NOUN":
            # bare genitive of a name after a statement: "Meinung Russlands"
            sub = _np(doc, k, n, complements=False)
            if sub is None:
                break
            np_.comps.append(("gen", k, sub))
            k = sub.end
            continue
        break
    np_.end = k


def _temporal(doc: Doc, np_: NP) -> bool:
    toks = [doc.tokens[h].text.lower() for h in np_.heads] + [doc.tokens[m].text.lower() for m in np_.mods]
    return any(w in TIME_WORDS for w in toks) or any(w.rstrip(".").isdigit() for w in toks)


# ---------------------------------------------------------------- helpers on words

def _text(doc: Doc, a: int, b: int) -> str:
    if b <= a:
        return ""
    return doc.text[doc.tokens[a].start : doc.tokens[b - 1].end]


def _low(doc: Doc, k: int) -> str:
    return doc.tokens[k].text.lower()


def _is_org_word(word: str, en: bool) -> bool:
    w = word.lower().strip(".,")
    if not w:
        return False
    if w in ORG_WORDS_EN:
        return True
    if en:
        return False
    if w.endswith(PERSON_RAT):
        return False
    base = w
    for suf in ("es", "s"):
        if base.endswith(suf) and base[: -len(suf)].endswith(ORG_SUFFIX_DE):
            base = base[: -len(suf)]
            break
    return base.endswith(ORG_SUFFIX_DE)


def _is_country(text: str) -> bool:
    key = fold(text.strip())
    return key in CODES or key in STATE_NAMES


def _is_abbrev(text: str) -> bool:
    core = text.replace(".", "").replace("-", "")
    return len(core) >= 2 and core.isupper() and core.isalpha()


def _is_doc_word(word: str) -> bool:
    w = word.lower()
    return w in DOC_WORDS or w.endswith(("bericht", "berichte", "berichten", "studie", "studien", "statistik",
                                        "umfrage", "erhebung", "mitteilung", "gutachten", "erklärung", "meldung",
                                        "meldungen", "report", "angaben", "aussagen"))


def _gender_of_noun(word: str, det: str = "") -> str:
    w = word.lower()
    if w.endswith(("frau", "in")) and not w.endswith(("ein", "ain", "termin", "medizin", "benzin", "magazin",
                                                     "disziplin", "kamin", "rubin")):
        return "f"
    for base in (w.removesuffix("es"), w.removesuffix("s"), w):
        if base.endswith(NEUT_SUFFIX):
            return "n"
        if base.endswith(FEM_SUFFIX):
            return "f"
    if w.endswith("e") and not w.endswith(WEAK_MASCULINE_E):
        return "f"  # "Behörde", "Truppe", "Stelle"
    if det == "das":
        return "n"
    if det in ("die", "eine", "einer"):
        return "f"
    return "m"


def _noun_nominative(t: Token, en: bool) -> str:
    """Nominative singular of a German noun as written in a genitive or dative ("Umweltbundesamtes")."""
    text, lemma = t.text, t.lemma
    if en or not lemma or text == lemma or not text.lower().startswith(lemma.lower()):
        return text
    # HanTa lower-cases after hyphens ("Kraftfahrt-bundesamt"): keep the text's own letters
    rest = text[len(lemma):]
    if rest in ("s", "es"):
        return text[: len(lemma)]
    if rest in ("n", "en") and lemma[:1].isupper() and not text.lower().endswith("in"):
        return text[: len(lemma)]  # weak nouns: "des Präsidenten"
    return text


def _adj_stem(t: Token) -> str | None:
    text, lemma = t.text, t.lemma
    if lemma and text.lower().startswith(lemma.lower()) and text[len(lemma):] in ("", "e", "en", "er", "es", "em"):
        return text[: len(lemma)]
    for end in ("en", "em", "er", "es", "e"):
        if text.endswith(end) and len(text) - len(end) >= 3:
            return text[: -len(end)]
    return None


def _strong(t: Token, gender: str) -> str:
    """An attributive adjective in strong nominative: "der russische" -> "russischer"."""
    text = t.text
    if _cap(text) and text.endswith("er") and t.lemma.lower() == text.lower():
        return text  # "Hamburger", "Basler": does not decline
    if not t.pos.startswith("ADJ") and not t.pos.startswith("NN"):
        return text
    stem = _adj_stem(t)
    if stem is None:
        return text
    return stem + {"m": "er", "f": "e", "n": "es"}.get(gender, "er")


def _nominalised(t: Token, gender: str, det: str = "der") -> str:
    """Nominalised adjectives as role nouns: "der Vorsitzende" -> "Vorsitzender"."""
    text = t.text
    low = text.lower()
    if not det:
        return text  # already strong: "Vorsitzende der Fraktion", "Vorsitzender der Wasserwacht"
    if t.pos != "NNA" and not low.removesuffix("n").endswith(NOMINALISED_ROLES):
        return text
    stem = text[:-2] if low.endswith(("en", "er")) else text[:-1] if low.endswith(("e", "r")) else text
    return stem + ("er" if gender == "m" else "e" if gender == "f" else "es")


def _place_of_adj(t: Token) -> str | None:
    """"Hamburger" -> "Hamburg", "steirische" -> "Steiermark"; None if not a regional adjective."""
    text = t.text
    stem = (_adj_stem(t) or text).lower()
    for key, place in REGION_ADJ.items():
        if stem == key or text.lower().startswith(key):
            return place or None
    low = text.lower()
    if low in CITY_ADJ:
        return CITY_ADJ[low]
    if _cap(text) and low.endswith("er") and t.lemma.lower() == low and len(text) > 5:
        return text[:-2]
    return None


# ---------------------------------------------------------------- describing a mention

def describe_mention(doc: Doc, a: int, b: int) -> MentionInfo:
    """Describe the speaker written at tokens [a, b) of ``doc``."""
    n = len(doc.tokens)
    a, b = max(0, a), min(b, n)
    # "Dessen Vorsitzender …": whose it is, for the resolver to link the organisation
    relative_possessive = DE_RELATIVE_POSSESSIVE.get(_low(doc, a), "") if a < b else ""
    a, b = _trim(doc, a, b)
    if a >= b:
        return MentionInfo(name="", kind="unnamed", start=a, end=b)
    sent = doc.tokens[a].sent
    s0, s1 = doc.sentences[sent] if doc.sentences else (0, n)
    s1 = max(s1, b)

    first = doc.tokens[a]
    low = first.text.lower()
    if b - a == 1 and first.pos == "PRELS" and a - 1 > s0 and doc.tokens[a - 1].text == ",":
        # "Analysten, die sagen": a relative pronoun stands for the phrase before its comma
        e = a - 1
        k = e
        while k > s0 and doc.tokens[k - 1].pos.startswith(("NN", "NE", "ADJ", "ART", "CARD", "FM")):
            k -= 1
        if k < e:
            return describe_mention(doc, k, e)
    # pronouns, relative pronouns and pronominal adverbs
    if b - a == 1 or cls(doc, a) in ("PRON", "REL"):
        if low in PRONOUNS and cls(doc, a) in ("PRON", "REL", "OTHER", "DET") or low in ("demnach", "demzufolge"):
            return _pronoun(doc, a, low)
        if low in GROUP_PRONOUNS and cls(doc, a) in ("PRON", "DET", "NOUN", "ADJ", "OTHER"):
            return MentionInfo(name=first.text, kind="unnamed", plural=True, start=a, end=a + 1)
    # a possessive or relative possessive before a statement: "seiner Meinung", "dessen Angaben"
    if low in DE_POSSESSIVE and b > a + 1 and _is_doc_word(doc.tokens[b - 1].text):
        return MentionInfo(name=low, kind="pronoun", gender=DE_POSSESSIVE[low], start=a, end=b)
    if low in EN_POSSESSIVE and b > a + 1 and _is_doc_word(doc.tokens[b - 1].text):
        g = EN_POSSESSIVE[low]
        return MentionInfo(name=low, kind="pronoun", gender="" if g == "pl" else g, plural=g == "pl", start=a, end=b)

    a = _extend_left(doc, a, s0)
    hard = b if doc.language != "de" else None
    main = _np(doc, a, s1, hard)
    if main is None:
        q = a + 1 if cls(doc, a) == "DET" else a
        quoted = _quoted_name(doc, q, s1) if q < s1 and cls(doc, q) == "QUOTE" else None
        if quoted:  # die „Aktion Deutschland hilft“
            return MentionInfo(name=_text(doc, *quoted), kind="organisation", named=True, start=a, end=quoted[1] + 1)
        if b - a == 1 and not doc.tokens[a].pos.startswith(("NN", "NE", "FM", "XY")):
            return MentionInfo(name=doc.tokens[a].text, kind="unnamed", weak=True, start=a, end=b)
        if _low(doc, a) in NAME_PARTICLES and a + 1 < b and _cap(doc.tokens[b - 1].text):  # "de Maizière"
            parts = [t.text for t in doc.tokens[a:b]]
            return MentionInfo(name=" ".join(parts), kind="person", name_parts=parts,
                               named=True, start=a, end=b)
        return MentionInfo(name=_text(doc, a, b), kind="unnamed", start=a, end=b)
    info = _interpret(doc, main, s1, hard)
    info.start = a
    info.end = max(b, info.end)
    if relative_possessive and not info.possessive and info.kind in ("person", "unnamed"):
        info.possessive = relative_possessive
    return info


def _trim(doc: Doc, a: int, b: int) -> tuple[int, int]:
    while a < b:
        c = cls(doc, a)
        low = _low(doc, a)
        # "Dessen Vorsitzender Dieter Krüger": the relative possessive only links back
        if c in ("PUNCT", "QUOTE", "VERB", "CONJ", "RELPOSS") or low in ("es", "it", "according", "to", "laut",
                                                                         "zufolge", "so", "wie", "as"):
            a += 1
            continue
        if c == "PREP" and a + 1 < b:
            a += 1
            continue
        break
    while b > a:
        c = cls(doc, b - 1)
        low = _low(doc, b - 1)
        if c in ("PUNCT", "QUOTE", "VERB", "CONJ") and doc.tokens[b - 1].text not in (")", "."):
            b -= 1
            continue
        if low in ("zufolge", "nach", "said", "says", "say", "told"):
            b -= 1
            continue
        last = doc.tokens[b - 1].text
        if last == "," or (last == "." and b - 1 > a and not _cap(doc.tokens[b - 2].text)):
            b -= 1
            continue
        break
    return a, b


def _extend_left(doc: Doc, a: int, s0: int) -> int:
    """Take in name parts, role nouns, adjectives and the article written before the range."""
    en = doc.language != "de"
    first = cls(doc, a)
    if first in ("DET",):
        return a
    took_noun = False
    while a > s0:
        p = a - 1
        c = cls(doc, p)
        cur = cls(doc, a)
        low = _low(doc, p)
        if c == "NAME" and cur in ("NAME",) and doc.tokens[p].end < doc.tokens[a].start:
            if en and _sent_start(doc, p) and low in QUANTIFIERS:
                break
            a = p
            continue
        if en and c == "NAME" and cur == "NOUN" and _sent_start(doc, p):
            a = p  # "Shipping analysts", "Privacy experts"
            continue
        if not en and c == "NOUN" and cur in ("NAME", "NOUN") and low not in TIME_WORDS and not took_noun:
            if cur == "NOUN" and not _cap(doc.tokens[a].text):
                break
            a = p
            took_noun = True
            continue
        if not en and c == "ADJ" and cur in ("NOUN", "ADJ", "NAME"):
            a = p
            continue
        if c == "DET" and cur in ("NOUN", "ADJ", "NAME", "NUM"):
            a = p
            break
        if c == "NUM" and re.search(r"\d+-", doc.tokens[p].text):
            a = p
            continue
        break
    return a


def _pronoun(doc: Doc, a: int, low: str) -> MentionInfo:
    gender, plural = PRONOUNS.get(low, ("", False))
    if low == "sie":
        plural = _plural_verb_near(doc, a)
        gender = "" if plural else "f"
    return MentionInfo(name=low, kind="pronoun", gender=gender, plural=plural, start=a, end=a + 1)


def _plural_verb_near(doc: Doc, k: int) -> bool:
    """"sagten sie" / "sie sagten": read the number off the nearest finite verb."""
    for j in (k - 1, k + 1, k - 2, k + 2):
        if 0 <= j < len(doc.tokens):
            t = doc.tokens[j]
            if "FIN" in t.pos:
                w = t.text.lower()
                return w.endswith("en") or w in ("sind", "waren", "haben", "hätten", "wären", "seien")
    return False


# ---------------------------------------------------------------- interpretation

def _interpret(doc: Doc, np_: NP, limit: int, hard: int | None) -> MentionInfo:
    en = doc.language != "de"
    det = _low(doc, np_.det) if np_.det is not None else ""
    heads = np_.heads
    if not en:
        heads = _genitives_out_of_heads(doc, np_)
    # split heads into description (role nouns, titles) and name
    role_toks: list[int] = []
    name_toks: list[int] = []
    for k in heads:
        c = cls(doc, k)
        low = _low(doc, k)
        if name_toks:
            name_toks.append(k)
            continue
        if c == "NAME" and (low.rstrip(".") in TITLES or _role_compound(low)) and _next_is_name(doc, k, heads):
            role_toks.append(k)
            continue
        if c == "NAME" and low in HONORIFICS and _next_is_name(doc, k, heads):
            continue
        if c == "NAME" and not (en and _only_lower_after(doc, k, heads)):
            name_toks.append(k)
            continue
        role_toks.append(k)
    # English: capitalised words before a lower-case head only qualify it ("Shipping analysts")
    if en and name_toks and role_toks and role_toks[-1] > name_toks[-1]:
        role_toks = sorted(role_toks + name_toks)
        name_toks = []
    # German: a noun before a name that is no title is part of the name ("Vattenfall Europe")
    while (not en and name_toks and role_toks and role_toks[-1] == name_toks[0] - 1
           and not _roleish(doc, role_toks[-1])):
        name_toks.insert(0, role_toks.pop())
    info = MentionInfo(name="", kind="unnamed", definite=det in DE_DEFINITE or det == "the", end=np_.end)
    # German "ihr" is "her" or "their": marked "f", the resolver tries both
    info.possessive = DE_POSSESSIVE.get(det) or EN_POSSESSIVE.get(det, "")
    if np_.possessor:
        info.possessor = _text(doc, *np_.possessor)
    for pa, pb in np_.paren:
        inner = _text(doc, pa, pb)
        if _is_abbrev(inner):
            info.aliases.append(inner)

    head_word = _low(doc, role_toks[-1]) if role_toks else ""
    head_tok = doc.tokens[role_toks[-1]] if role_toks else None

    # a document: the source is its author when there is one
    if role_toks and _is_doc_word(head_word) and not name_toks and np_.quoted is None:
        return _document(doc, np_, info, role_toks, limit, hard)
    if role_toks and _is_doc_word(head_word) and name_toks and role_toks[-1] < name_toks[0]:
        # "Worte Armstrongs", "Meinung Russlands": the name is the author
        author = _genitive_author(doc, name_toks, _interpret(doc, NP(start=name_toks[0], end=np_.end,
                                                                     heads=name_toks), limit, hard))
        author.document = head_tok.text
        return author

    # a name in quotation marks after a head: „Kassel fährt Rad“, «Rhyschwalbe»
    if np_.quoted is not None:
        qa, qb = np_.quoted
        info.name = _text(doc, qa, qb)
        info.kind = "organisation"
        info.named = True
        info.gender = _gender_of_noun(head_word, det) if head_word and doc.language == "de" else ""
        if role_toks and _is_doc_word(head_word):
            info.kind = "document"
        return info

    if name_toks:
        return _named(doc, np_, info, role_toks, name_toks, det, limit)
    # a description, then the name: "Ein Sprecher der Polizei, Lars Beringer"
    person = None
    if not _is_doc_word(head_word) and not _is_org_word(head_word, en) and np_.end < limit \
            and doc.tokens[np_.end].text == "," and np_.end + 1 < limit:
        sub = _np(doc, np_.end + 1, limit, None)
        if sub is not None and any(cls(doc, h) == "NAME" for h in sub.heads) and not any(
                _low(doc, h) in ("und", "and", "sowie") for h in sub.heads):
            person = _interpret(doc, sub, limit, None)
            person.end = max(person.end, sub.end)
        if person is not None and person.kind == "person":
            role, affs, g = _split_role(doc, np_)
            person.roles = _dedupe([role] + person.roles)
            person.affiliations = _dedupe(affs + person.affiliations)
            person.gender = person.gender or g
            return person
    return _described(doc, np_, info, role_toks, det, limit, hard)


ROLE_ENDINGS = (
    "er", "in", "ent", "ant", "ist", "or", "eur", "ör", "oge", "at", "ekt", "om", "walt", "wart", "wirt", "rat",
    "chef", "arzt", "bischof", "kardinal", "general", "admiral", "oberst", "major", "sekretär", "kapitän",
    "primar", "kommissar", "papst", "könig", "prinz", "graf", "vorsitzende", "beauftragte", "abgeordnete",
    "beigeordnete", "experte", "zeuge", "kollege", "mann", "frau", "vorstand", "manager", "coach", "captain",
    "boss", "star", "profi", "angestellte", "jährige", "oberhaupt", "vize", "haupt", "spitze", "mitglied",
    "vertreter", "vertreterin", "chefin",
)


# the last part of a compound role that HanTa may take for a name ("BWZ-Präsident",
# "Chefvolkswirt", "Verbandspräsidentin"); endings below make the forms
ROLE_STEMS = (
    "präsident", "chef", "vorsitzend", "volkswirt", "ökonom", "sprecher", "direktor", "minister", "leiter",
    "geschäftsführer", "bürgermeister", "staatssekretär", "senator", "abgeordnet", "professor", "forscher",
    "analyst", "expert", "beauftragt", "kommissar", "vorstand", "manager", "ökolog", "wissenschaftler",
    "referent", "intendant", "trainer", "kapitän", "gewerkschafter", "sekretär",
)


def _role_compound(low: str) -> bool:
    """A compound or hyphenated role word, never a bare stem (a surname may be "Leiter")."""
    for stem in ROLE_STEMS:
        for ending in ("", "in", "e", "er", "en"):
            form = stem + ending
            if low.endswith(form) and (len(low) > len(form) + 2 or "-" in low):
                return True
    return False


def _first_name_pair(doc: Doc, k: int) -> bool:
    """A known first name and the capitalised word after it ("Ines Kraft"), whatever HanTa made of them."""
    toks = doc.tokens
    # cls() asks for every token: the cheap set lookups go first
    if toks[k].text.lower() in first_names.ALL and _name_like(doc, k) and _name_like(doc, k + 1):
        first, surname = k, k + 1
    elif k > 0 and toks[k - 1].text.lower() in first_names.ALL and _name_like(doc, k - 1) and _name_like(doc, k):
        first, surname = k - 1, k
    else:
        return False
    return toks[first].sent == toks[surname].sent and not _role_compound(toks[surname].text.lower())


def _name_like(doc: Doc, i: int) -> bool:
    return i < len(doc.tokens) and _cap(doc.tokens[i].text) and doc.tokens[i].text.replace("-", "").isalpha()


def _roleish_word(w: str) -> bool:
    return w.rstrip(".") in TITLES or w.endswith(ROLE_ENDINGS)


def _roleish(doc: Doc, k: int) -> bool:
    """A German noun that can be a title or an organisation type before a name."""
    w = _noun_nominative(doc.tokens[k], False).lower()
    return (_roleish_word(w) or doc.tokens[k].pos == "NNA"
            or _is_org_word(w, False) or w.endswith(ORG_DESCRIPTORS) or _is_doc_word(w))


def _genitives_out_of_heads(doc: Doc, np_: NP) -> list[int]:
    """"New Yorks Bürgermeister Michael Bloomberg": a possessor; "der Oberrabbiner Israels": a complement."""
    heads = np_.heads
    for i in range(len(heads) - 2):
        a, b, c = heads[i], heads[i + 1], heads[i + 2]
        if cls(doc, a) == "NAME" and doc.tokens[a].text.endswith("s") and cls(doc, b) == "NOUN" and _roleish(doc, b) \
                and cls(doc, c) == "NAME" and all(cls(doc, h) == "NAME" for h in heads[: i + 1]):
            np_.possessor = (heads[0], a + 1)
            np_.heads = heads[i + 1 :]
            return np_.heads
    if len(heads) >= 2 and cls(doc, heads[-2]) == "NOUN" and cls(doc, heads[-1]) == "NAME":
        last = doc.tokens[heads[-1]]
        bare = last.text[:-1] if last.text.endswith("s") else ""
        if bare and (_is_country(bare) or _is_country(last.lemma)):
            sub = NP(start=heads[-1], end=heads[-1] + 1, head_end=heads[-1] + 1, heads=[heads[-1]])
            np_.comps.insert(0, ("gen", heads[-1], sub))
            np_.heads = heads[:-1]
            np_.head_end = heads[-1]
            return np_.heads
    return heads


def _next_is_name(doc: Doc, k: int, heads: list[int]) -> bool:
    i = heads.index(k)
    return i + 1 < len(heads) and cls(doc, heads[i + 1]) == "NAME"


def _only_lower_after(doc: Doc, k: int, heads: list[int]) -> bool:
    """English: a capitalised word followed only by lower-case words is a modifier ("Shipping analysts")."""
    i = heads.index(k)
    rest = heads[i + 1 :]
    return bool(rest) and not any(_cap(doc.tokens[h].text) for h in rest)


def _genitive_author(doc: Doc, toks: list[int], author: MentionInfo) -> MentionInfo:
    """The author named in a bare genitive ("Worte Armstrongs", "Meinung Russlands"), in nominative."""
    author.name = _strip_genitive(doc, toks, author.name)
    if author.kind == "person":
        author.name_parts = author.name.split()
        if _is_country(author.name):
            author.kind, author.name_parts = "organisation", []
    return author


def _strip_genitive(doc: Doc, toks: list[int], name: str) -> str:
    last = doc.tokens[toks[-1]]
    if doc.language != "de" or not last.text.endswith("s"):
        return name
    if last.lemma and last.lemma != last.text and last.text.lower().startswith(last.lemma.lower()):
        return name[: len(name) - (len(last.text) - len(last.lemma))]
    if not last.text.endswith("ss") and not _is_country(name):
        return name[:-1]
    return name


def _document(doc: Doc, np_: NP, info: MentionInfo, role_toks: list[int], limit: int,
              hard: int | None) -> MentionInfo:
    head_tok = doc.tokens[role_toks[-1]]
    for prep, pk, sub in np_.comps:
        if prep in AUTHOR_PREPS or prep == "gen":
            author_np = _np(doc, sub.start, limit, None)
            if author_np is None:
                continue
            author = _interpret(doc, author_np, limit, hard)
            if prep == "gen" and author_np.det is None and author.kind in ("person", "organisation"):
                names = [h for h in author_np.heads if cls(doc, h) == "NAME"]
                if names:
                    author = _genitive_author(doc, names, author)
            if author.kind in ("person", "organisation", "unnamed", "pronoun") and author.name:
                author.document = head_tok.text
                author.start = np_.start
                author.end = max(author.end, np_.end)
                return author
        if prep != "time":
            break
    if head_tok.text.lower() in STATEMENT_WORDS or head_tok.text.lower().endswith("angaben"):
        info.kind = "pronoun"
        info.name = head_tok.text.lower()
        info.gender = "none"
        return info
    det = _low(doc, np_.det) if np_.det is not None else ""
    if det in DE_POSSESSIVE or det in EN_POSSESSIVE:
        info.kind = "pronoun"
        info.name = det
        info.gender = DE_POSSESSIVE.get(det, EN_POSSESSIVE.get(det, ""))
        return info
    gender = _gender_of_noun(head_tok.text, det)
    words = []
    for m in np_.mods:
        t = doc.tokens[m]
        if t.text.lower() in QUANTIFIERS:
            continue
        words.append(_strong(t, gender) if doc.language == "de" else t.text)
    words.extend(_noun_nominative(doc.tokens[k], doc.language != "de") for k in role_toks)
    info.kind = "document"
    info.name = " ".join(words)
    if info.name and doc.language == "de":
        info.name = info.name[0].upper() + info.name[1:]
    info.head = _noun_nominative(head_tok, doc.language != "de")
    info.document = info.head
    info.gender = gender
    return info


def _named(doc: Doc, np_: NP, info: MentionInfo, role_toks: list[int], name_toks: list[int], det: str,
           limit: int) -> MentionInfo:
    en = doc.language != "de"
    name_text = _text(doc, name_toks[0], name_toks[-1] + 1)
    info.named = True
    head_word = _low(doc, role_toks[-1]) if role_toks else ""
    orgish_name = (
        any(_is_org_word(doc.tokens[k].text, True)
            or (not en and cls(doc, k) == "NOUN" and _is_org_word(doc.tokens[k].text, False)) for k in name_toks)
        or (len(name_toks) == 1 and _is_abbrev(name_text))
        or (len(name_toks) >= 2 and _low(doc, name_toks[-1]) in ORG_NAME_TAILS)
        or doc.tokens[name_toks[0]].text.upper() in CLUB_PREFIXES
    )
    head_is_org = any(
        (_is_org_word(_low(doc, k), en) or _low(doc, k).endswith(ORG_DESCRIPTORS))
        and not _low(doc, k).endswith(PERSON_RAT) for k in role_toks[:1] + role_toks[-1:])
    if head_is_org or orgish_name or _is_country(name_text):
        info.kind = "organisation"
        info.gender = _gender_of_noun(head_word or doc.tokens[name_toks[-1]].text, det)
        if head_is_org and role_toks[-1] < name_toks[0] and (
                head_word.endswith(ORG_DESCRIPTORS) or len(name_toks) == 1 and _is_abbrev(name_text)):
            # "der Konzern Veltrona" -> "Veltrona", "Privatbank Rheinwerth & Co." -> "Rheinwerth & Co.",
            # "der Weltverband FIFA" -> "FIFA"
            info.name = name_text
        else:
            info.name = _org_name(doc, np_, role_toks + name_toks, det, keep_mods=not en)
        info.name = _with_org_complements(doc, np_, info, named=True)
        if en:
            info.name = info.name.strip()
        info.head = doc.tokens[role_toks[-1]].text if role_toks else ""
        return info
    # a person; a coordination of names ("Oregon and Washington", "Kim und Putin") keeps the first
    info.kind = "person"
    for i, k in enumerate(name_toks):
        if _low(doc, k) in ("and", "und", "&", "sowie", "or", "oder"):
            name_toks = name_toks[:i]
            name_text = _text(doc, name_toks[0], name_toks[-1] + 1)
            break
    parts = [doc.tokens[k].text for k in name_toks if cls(doc, k) not in ("LINK", "CONJ", "PREP", "DET", "POSS")]
    info.name = " ".join(parts) if not any(cls(doc, k) == "POSS" for k in name_toks) else name_text
    info.name_parts = parts
    roles, affs, gender = _role_before(doc, np_, role_toks, det) if role_toks else ([], [], "")
    # a party or organisation in brackets ("(SPD)"), not an age or a year
    for pa, pb in np_.paren:
        inner = _text(doc, pa, pb)
        if (not _is_abbrev(inner) or len(inner) <= 5) and not any(ch.isdigit() for ch in inner):
            affs.append(inner)
    k = np_.end
    # an apposition or relative clause after a comma
    if k < limit and doc.tokens[k].text == ",":
        r2, a2, g2, end = _apposition(doc, k + 1, limit)
        roles.extend(r2)
        affs.extend(a2)
        gender = gender or g2
        info.end = max(info.end, end)
    if np_.possessor:
        owner = _possessor_name(doc, np_.possessor)
        if not en and owner.endswith("s") and not owner.endswith("ss"):
            owner = owner[:-1]  # "New Yorks Bürgermeister"
        affs.insert(0, owner)
    info.roles = _dedupe(roles)
    info.affiliations = _dedupe(affs)
    info.gender = gender
    return info


def _possessor_name(doc: Doc, span: tuple[int, int]) -> str:
    a, b = span
    while a < b and cls(doc, a) == "DET":
        a += 1
    return _text(doc, a, b)


def _role_before(doc: Doc, np_: NP, role_toks: list[int], det: str) -> tuple[list[str], list[str], str]:
    """Roles written before a name: "der russische Verteidigungsminister" -> "russischer Verteidigungsminister"."""
    en = doc.language != "de"
    head = doc.tokens[role_toks[-1]]
    if en:
        words = [doc.tokens[m].text for m in np_.mods] + [doc.tokens[k].text for k in role_toks]
        return [" ".join(words)], [], "f" if head.text.lower() in ("spokeswoman", "chairwoman") else ""
    # "Der Landtagsabgeordnete und SPD-Fraktionschef": two roles
    groups: list[list[int]] = [[]]
    for k in role_toks:
        if cls(doc, k) == "CONJ":
            groups.append([])
        else:
            groups[-1].append(k)
    groups = [g for g in groups if g]
    if len(groups) > 1:
        roles: list[str] = []
        places: list[str] = []
        gender = ""
        for i, g in enumerate(groups):
            sub = NP(start=g[0], end=g[-1] + 1, mods=np_.mods if i == 0 else [], heads=g)
            r, p, gg = _role_before(doc, sub, g, det)
            roles.extend(r)
            places.extend(p)
            gender = gender or gg
        return roles, places, gender
    gender = _gender_of_noun(head.text, det)
    places: list[str] = []
    words: list[str] = []
    for m in np_.mods:
        t = doc.tokens[m]
        place = _place_of_adj(t)
        if place:
            places.append(place)
            continue
        if re.match(r"^\d+-j", t.text.lower()):
            continue
        words.append(_strong(t, gender))
    for i, k in enumerate(role_toks):
        t = doc.tokens[k]
        if i < len(role_toks) - 1 and t.pos in ("NNA", "ADJ(A)"):
            words.append(_title_adj(t, gender))
        else:
            words.append(_nominalised(t, gender) if t.pos == "NNA" else _noun_nominative(t, False))
    role = " ".join(w for w in words if w[:1].isupper() or w[:1].isdigit() or words.index(w) < len(words) - 1)
    return [role], places, gender


def _title_adj(t: Token, gender: str) -> str:
    """Capitalised adjectives that are part of a title: "Vorsitzende Richterin", "Erster Beigeordneter"."""
    if t.pos == "NNA":
        return _nominalised(t, gender)
    return _strong(t, gender)


def _apposition(doc: Doc, k: int, limit: int) -> tuple[list[str], list[str], str, int]:
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
    if c == "DET" and _low(doc, k) in ("der", "die", "das") and k + 1 < limit \
            and cls(doc, k + 1) in ("PRON", "REL", "OTHER", "PREP"):
        r, a = _relative_clause(doc, k, limit)
        return r, a, "", k
    app = _np(doc, k, limit, None)
    if app is None:
        return roles, affs, "", k
    if any(cls(doc, h) == "NAME" for h in app.heads[:1]) and not any(cls(doc, h) == "NOUN" for h in app.heads):
        if doc.language == "de" or not any(_is_org_word(doc.tokens[h].text, True) for h in app.heads):
            return roles, affs, "", k  # another name: an enumeration, not an apposition
    if not any(cls(doc, h) in ("NOUN", "NAME") for h in app.heads):
        return roles, affs, "", k
    if doc.language == "de" and not any(_roleish(doc, h) for h in app.heads if cls(doc, h) == "NOUN"):
        return roles, affs, "", k
    role, aff, gender = _split_role(doc, app)
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


REL_AFFIL_VERBS = {"leitet": "", "führt": "", "berät": "", "vertritt": "", "chairs": "chair", "leads": "",
                   "heads": "", "runs": "", "directs": "", "advises": "", "represents": "", "founded": "",
                   "gründete": "", "vorsteht": "", "angehört": "", "arbeitet": "", "works": ""}


def _relative_clause(doc: Doc, k: int, limit: int) -> tuple[list[str], list[str]]:
    """"…, der heute den Arbeitskreis Sichere Elbe berät": the organisation a person serves."""
    end = k + 1
    while end < limit and doc.tokens[end].text not in (",", ".", ";", ":") and cls(doc, end) != "QUOTE":
        end += 1
    words = {_low(doc, j) for j in range(k, end)}
    verbs = [v for v in REL_AFFIL_VERBS if v in words]
    if not verbs:
        return [], []
    roles = [REL_AFFIL_VERBS[v] for v in verbs if REL_AFFIL_VERBS[v]]
    affs = []
    j = k + 1
    while j < end:
        if cls(doc, j) in ("DET", "NAME", "NOUN", "ADJ"):
            sub = _np(doc, j, end, None)
            if sub is not None and _org_like(doc, sub, strict=True):
                affs.append(_affiliation_text(doc, sub))
                break
            j = sub.end if sub is not None and sub.end > j else j + 1
            continue
        j += 1
    return (roles if affs else []), affs


def _split_role(doc: Doc, app: NP) -> tuple[str, list[str], str]:
    """Split an apposition into role and affiliation at the preposition before an organisation."""
    en = doc.language != "de"
    det = _low(doc, app.det) if app.det is not None else ""
    heads = app.heads
    head_tok = doc.tokens[heads[-1]]
    gender = _gender_of_noun(head_tok.text, det) if not en else ""
    if not en and not det and head_tok.pos == "NNA":
        gender = "m" if head_tok.text.endswith("er") else "f"
    words: list[str] = []
    affs: list[str] = []
    for m in app.mods:
        t = doc.tokens[m]
        if en:
            words.append(t.text)
            continue
        if re.match(r"^\d+-j", t.text.lower()):
            continue
        words.append(_strong(t, gender))
    for i, k in enumerate(heads):
        t = doc.tokens[k]
        if en:
            words.append(t.text)
        elif i < len(heads) - 1 and t.pos in ("NNA", "ADJ(A)"):
            words.append(_title_adj(t, gender))
        elif t.pos == "NNA":
            words.append(_nominalised(t, gender, det))
        else:
            words.append(_noun_nominative(t, False) if i == len(heads) - 1 else t.text)
    if app.possessor:
        affs.append(_possessor_name(doc, app.possessor))
    # a role noun that carries its organisation: "Polizeisprecherin"
    if not en:
        aff = _compound_affiliation(head_tok.text)
        if aff:
            affs.append(aff)
    role = " ".join(words)
    comps = app.comps
    cut = len(comps)
    for i, (prep, pk, sub) in enumerate(comps):
        if prep == "time":
            cut = min(cut, i)
            break
        split_always = prep in SPLIT_ALWAYS
        spokes_of = (head_tok.text.lower().endswith(SPOKES) and prep in ("for", "of", "gen", "der", "des", "von", "vom")
                     and any(_is_org_word(doc.tokens[h].text, en) for h in sub.heads))
        if spokes_of or ((prep in SPLIT_IF_ORG or prep == "gen" or split_always)
                         and _org_like(doc, sub, strict=not split_always)):
            cut = i
            aff_np = sub
            # the organisation takes the genitives and "für" phrases after it
            j = i + 1
            aff_end = sub.end
            more = []
            while j < len(comps) and comps[j][0] in ("gen", "für", "for", "of", "des", "der") \
                    and comps[j][1] == aff_end:
                nxt = comps[j][2]
                if comps[j][0] in ("of", "for") and not _org_like(doc, nxt, strict=False) \
                        and not _cap(doc.tokens[nxt.heads[0]].text):
                    break
                if _low(doc, comps[j][1]) in ("und", "and", "sowie"):
                    if _org_like(doc, comps[j][2], strict=True):
                        more.append(_affiliation_text(doc, comps[j][2]))
                    break
                aff_end = comps[j][2].end
                j += 1
            affs.append(_affiliation_text(doc, aff_np, aff_end))
            affs.extend(more)
            break
        if split_always:
            cut = i  # "at the hospital": where, not a title
            break
        if prep in PLACE_PREPS and _is_place(doc, sub):
            cut = i
            break
        if _is_age(doc, sub):
            cut = i
            break
    if cut > 0:
        last_end = comps[cut - 1][2].end
        first_start = comps[0][1]
        role = role + " " + _text(doc, first_start, last_end)
    return role.strip(), affs, gender


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
            if _is_org_word(prefix, False):
                return prefix[0].upper() + prefix[1:]
    return None


def _is_place(doc: Doc, np_: NP) -> bool:
    if np_.det is not None and doc.language == "de":
        return False
    toks = np_.heads
    return bool(toks) and all(cls(doc, k) in ("NAME", "LINK") for k in toks) and not any(
        _is_org_word(doc.tokens[k].text, doc.language != "de") for k in toks)


def _is_age(doc: Doc, np_: NP) -> bool:
    return all(re.match(r"^\d+-j", doc.tokens[k].text.lower()) for k in np_.heads)


def _org_like(doc: Doc, np_: NP, strict: bool) -> bool:
    """Whether a phrase names an organisation one can work for."""
    en = doc.language != "de"
    if np_.quoted is not None:
        return True
    heads = np_.heads
    if not heads:
        return False
    texts = [doc.tokens[k].text for k in heads]
    names = [k for k in heads if cls(doc, k) == "NAME"]
    if en:
        caps = [k for k in heads if _cap(doc.tokens[k].text)]
        if not caps:
            return False
        if any(_is_org_word(t, True) for t in texts):
            return True
        if len(caps) >= 2:
            return True
        return not strict and not _is_country(doc.tokens[caps[0]].text)
    if any(t.lower() in GENERIC_ORG for t in texts) and len(heads) == 1:
        return False
    if any(_is_org_word(t, False) for t in texts):
        return True
    if len(names) >= 2 and any(cls(doc, k) == "NAME" and doc.tokens[k].pos == "FM" for k in heads):
        return True
    if len(names) >= 2 and any(_cap(doc.tokens[k].text) for k in names):
        return not all(_is_country(doc.tokens[k].text) for k in names)
    if len(names) == 1 and len(heads) == 1 and _is_abbrev(texts[0]):
        return True
    return not strict and len(names) == 1 and len(heads) == 1 and not _is_country(texts[0])


def _affiliation_text(doc: Doc, np_: NP, end: int | None = None) -> str:
    """An organisation as an affiliation: nominative, without article, descriptors or trailing place."""
    end = end if end is not None else np_.end
    en = doc.language != "de"
    if np_.quoted is not None:
        return _text(doc, *np_.quoted)
    heads = np_.heads
    det = _low(doc, np_.det) if np_.det is not None else ""
    # words before a proper name only describe it ("der US-amerikanischen Defense …", "the think tank …")
    first_name = next((k for k in heads if cls(doc, k) == "NAME"), None)
    if first_name is not None:
        before = [k for k in heads if k < first_name]
        descriptor = en or not before or _low(doc, before[-1]).endswith(ORG_DESCRIPTORS)
        if descriptor and (before or np_.mods):
            return _drop_trailing_place(_text(doc, first_name, end))
    noun = next((k for k in heads if cls(doc, k) == "NOUN"), heads[-1] if heads else None)
    gender = _gender_of_noun(doc.tokens[noun].text if noun is not None else "", det)
    words = []
    for m in np_.mods:
        t = doc.tokens[m]
        stem = (_adj_stem(t) or t.text).lower()
        if stem in DROP_ORG_ADJ or t.lemma.lower() in DROP_ORG_ADJ:
            continue
        words.append(_strong(t, gender) if not en else t.text)
    for i, k in enumerate(heads):
        t = doc.tokens[k]
        if not en and i == 0 and cls(doc, k) == "NOUN":
            words.append(_noun_nominative(t, False))
        else:
            words.append(t.text)
    text = _join_tokens(doc, heads, words)
    # what follows the head phrase (genitive, "für …") stays as written
    if end > np_.end or np_.comps:
        tail_start = np_.comps[0][1] if np_.comps else np_.end
        tail = _text(doc, tail_start, end)
        if tail:
            text = text + " " + tail
    text = _drop_trailing_place(text)
    if text and not en:
        text = text[0].upper() + text[1:]
    return _tidy(text)


def _drop_trailing_place(text: str) -> str:
    m = re.search(r"\s+(in|im|from|aus)\s+[A-ZÄÖÜ][\w.-]*(\s+[A-ZÄÖÜ][\w.-]*)?$", text)
    if m:
        return text[: m.start()]
    return text


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(",;: ")


def _org_name(doc: Doc, np_: NP, heads: list[int], det: str, keep_mods: bool) -> str:
    en = doc.language != "de"
    gender = _gender_of_noun(doc.tokens[heads[-1]].text if heads else "", det)
    # the gender of a name like "Nationaler Sicherheitsrat" is the gender of its noun
    noun = next((k for k in heads if cls(doc, k) == "NOUN"), None)
    if noun is not None:
        gender = _gender_of_noun(doc.tokens[noun].text, det)
    words = []
    first_name = next((k for k in heads if cls(doc, k) == "NAME"), None)
    drop_mods = first_name is not None and heads[0] == first_name and doc.tokens[first_name].pos in ("NE", "FM")
    if keep_mods and not drop_mods:
        for m in np_.mods:
            t = doc.tokens[m]
            stem = (_adj_stem(t) or t.text).lower()
            if stem in DROP_ORG_ADJ or t.lemma.lower() in DROP_ORG_ADJ or t.text.lower() in QUANTIFIERS:
                continue
            words.append(_strong(t, gender))
    elif en and not drop_mods:
        words.extend(doc.tokens[m].text for m in np_.mods if doc.tokens[m].text.lower() not in QUANTIFIERS)
    for i, k in enumerate(heads):
        t = doc.tokens[k]
        if not en and k == noun:
            words.append(_noun_nominative(t, False))
        elif not en and cls(doc, k) == "ADJ" and i == 0:
            words.append(_strong(t, gender))
        else:
            words.append(t.text)
    text = _join_tokens(doc, heads, words)
    if text and not en:
        text = text[0].upper() + text[1:]
    return text


def _join_tokens(doc: Doc, heads: list[int], words: list[str]) -> str:
    """Join words, keeping the text's own spacing inside names ("King’s College", "Nurses' Union")."""
    mods = len(words) - len(heads)
    out = " ".join(words[:mods])
    prev = None
    for k, w in zip(heads, words[mods:]):
        if prev is not None and doc.tokens[prev].end == doc.tokens[k].start:
            out += w
        else:
            out = (out + " " + w) if out else w
        prev = k
    return out.strip()


def _with_org_complements(doc: Doc, np_: NP, info: MentionInfo, named: bool) -> str:
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
            if (prep in ("gen", "of") and _org_like(doc, sub, strict=True)
                    and any(_is_org_word(doc.tokens[h].text, en) for h in sub.heads)
                    and not _is_country(_text(doc, sub.start, sub.end))):
                head_low = doc.tokens[np_.heads[-1]].text.lower() if np_.heads else ""
                if head_low in PART_HEADS and tail_start is None:
                    return _affiliation_text(doc, sub)  # "die Fraktion der Bürgerliste Lindenau"
                info.affiliations.append(_affiliation_text(doc, sub))
                break
            if prep in ("of", "for") and en and not any(_cap(doc.tokens[h].text) for h in sub.heads):
                break
            tail_start = pk if tail_start is None else tail_start
            tail_end = sub.end
            continue
        if prep in ("in", "im") and not named and tail_start is None and _is_place(doc, sub):
            return name + " " + _text(doc, sub.start, sub.end)  # "die Präfektur in Straßburg"
        if prep in ("von", "vom") and _is_place(doc, sub) and not named:
            return name + " " + _text(doc, pk, sub.end)
        break
    if tail_start is not None:
        name = name + " " + _text(doc, tail_start, tail_end)
    return _tidy(name)


def _described(doc: Doc, np_: NP, info: MentionInfo, role_toks: list[int], det: str, limit: int,
               hard: int | None) -> MentionInfo:
    """No name: an organisation ("die Polizei"), a group ("Analysten") or an unnamed person."""
    en = doc.language != "de"
    head_tok = doc.tokens[role_toks[-1]]
    head_low = head_tok.text.lower()
    info.head = _noun_nominative(head_tok, en)
    info.gender = _gender_of_noun(head_tok.text, det) if not en else (
        "f" if head_low in ("woman", "spokeswoman", "chairwoman", "mother") else
        "m" if head_low in ("man", "spokesman", "chairman", "father") else "")
    # coordinated groups: "Patientinnen und Angehörige", "mehrere Wählerinnen und Wähler"
    end = np_.end
    coord_end = None
    if end + 1 < limit and _low(doc, end) in ("und", "and", "sowie") and cls(doc, end + 1) in ("NOUN", "ADJ"):
        sub = _np(doc, end + 1, limit, hard, complements=False)
        if sub is not None and all(cls(doc, h) == "NOUN" for h in sub.heads):
            coord_end = sub.end
    if len(role_toks) == 1 and _is_abbrev(head_tok.text) and not en:
        info.kind = "organisation"
        info.name = head_tok.text
        info.named = True
        return info
    first_low = _low(doc, role_toks[0])
    if (_is_org_word(head_low, en) or (_is_org_word(first_low, en) and not first_low.endswith(PERSON_RAT))) \
            and not (en and head_low in EN_GROUP):
        info.kind = "organisation"
        info.name = _org_name(doc, np_, role_toks, det, keep_mods=True)
        info.name = _with_org_complements(doc, np_, info, named=False)
        info.named = len(info.name.split()) > 1
        if en:
            info.name = info.name[0].lower() + info.name[1:] if info.name and not _cap(head_tok.text) else info.name
        return info
    plural = _plural(doc, np_, role_toks, det) or coord_end is not None
    info.plural = plural
    info.kind = "unnamed"
    # name: the phrase as written without article, quantifiers or ages
    start = np_.mods[0] if np_.mods else role_toks[0]
    skip = {m for m in np_.mods if _low(doc, m) in QUANTIFIERS or re.match(r"^\d+-j", _low(doc, m))}
    while start in skip:
        start += 1
    phrase_end = coord_end or _description_end(doc, np_)
    if plural and not coord_end:
        # a group is named by its noun and genitives, not by what it talks about ("Pendler von …")
        phrase_end = np_.head_end
        for prep, pk, sub in np_.comps:
            if prep != "gen" or pk != phrase_end:
                break
            phrase_end = sub.end
    if plural:
        info.name = _text(doc, start, phrase_end)
        return info
    # one unnamed person: name in nominative, role and affiliation as in an apposition
    gender = info.gender
    words = []
    for m in np_.mods:
        if m in skip or m < start:
            continue
        words.append(_strong(doc.tokens[m], gender) if not en else doc.tokens[m].text)
    for i, k in enumerate(role_toks):
        t = doc.tokens[k]
        if en:
            words.append(t.text)
        elif t.pos == "NNA" or re.match(r"^\d+-j", t.text.lower()):
            words.append(_nominalised(t, gender) if t.pos == "NNA" else t.text)
        else:
            words.append(_noun_nominative(t, False))
    tail = _text(doc, np_.head_end, phrase_end) if phrase_end > np_.head_end else ""
    info.name = _tidy(" ".join(words) + (" " + tail if tail else ""))
    app = NP(start=np_.start, end=phrase_end, det=np_.det, mods=[m for m in np_.mods if m not in skip],
             heads=role_toks, comps=[c for c in np_.comps if c[2].end <= phrase_end])
    role, affs, _ = _split_role(doc, app)
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
        if prep in ("aus", "from") and (sub.det is not None or not all(_cap(doc.tokens[h].text) for h in sub.heads)
                                        or np_.det is None):
            break  # "aus Ettlingen" describes one person; "aus Sicherheitsgründen" describes nothing
        if prep in ("gen", "aus", "von", "vom", "from", "of", "for", "der", "des", "für"):
            end = sub.end
            continue
        if prep in SPLIT_ALWAYS and _org_like(doc, sub, strict=False):
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
    if low.endswith("in") and det in ("die", "der") and _roleish_word(low[:-2]):
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
    if det == "die" and _gender_of_noun(head.text) == "m":
        return True
    return False


def _dedupe(items: list[str]) -> list[str]:
    seen = set()
    out = []
    for x in items:
        x = _tidy(x)
        if x and x.lower() not in seen:
            seen.add(x.lower())
            out.append(x)
    return out
