"""Word lists for within-article resolution: data only, no logic."""

from __future__ import annotations

from ..model import fold

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

# prefixes that make a name a sports club ("FC Bayern")
CLUB_PREFIXES = {"FC", "SV", "TSV", "VFB", "VFL", "AS", "AC", "SC", "BSC", "FSV", "SPVGG"}

# last words that make a two-word name a company or charity ("Wikimedia Deutschland", "Amnesty International")
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

DROP_ORG_ADJ = {"örtlich", "lokal", "zuständig", "dortig", "hiesig", "kantonal", "besagt", "genannt", "betreffend",
                "sogenannt", "betroffen", "jeweilig", "eigen", "ander", "neu", "zuständige"}

EN_GROUP = {"analysts", "experts", "residents", "officials", "observers", "critics", "economists", "scientists",
            "researchers", "sources", "witnesses", "people", "police", "staff", "workers", "nurses", "doctors",
            "patients", "relatives", "parents", "students", "teachers", "users", "investors", "voters",
            "locals", "others", "some", "many", "protesters", "activists", "campaigners", "lawyers",
            "prosecutors", "investigators", "authorities", "diplomats", "lawmakers", "politicians", "fans",
            "neighbours", "neighbors", "farmers", "traders", "executives", "environmentalists", "owners"}

PENN = {"VB": "VERB", "VBD": "VERB", "VBZ": "VERB", "VBP": "VERB", "MD": "VERB", "RB": "OTHER", "RBR": "OTHER",
        "PRP": "PRON", "WP": "REL", "WDT": "REL", "WP$": "REL", "IN": "PREP", "TO": "PREP", "DT": "DET",
        "PRP$": "DET", "CC": "CONJ", "POS": "POSS", "CD": "NUM", "PDT": "DET"}

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

REL_AFFIL_VERBS = {"leitet": "", "führt": "", "berät": "", "vertritt": "", "chairs": "chair", "leads": "",
                   "heads": "", "runs": "", "directs": "", "advises": "", "represents": "", "founded": "",
                   "gründete": "", "vorsteht": "", "angehört": "", "arbeitet": "", "works": ""}

# compound-role prefixes that name no organisation ("Ex-Minister", "Vize-Chefin")
ROLE_PREFIXES = {"ex", "vize", "co", "ko", "interims", "ober", "chef", "top", "neu", "alt", "senior", "junior"}

# where a role noun's complement begins ("Professorin für …", "Sprecher der …")
ROLE_END_PREPS = {"für", "an", "am", "der", "des", "von", "vom", "bei", "beim", "im", "in", "aus", "of", "at", "for", "from"}

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
