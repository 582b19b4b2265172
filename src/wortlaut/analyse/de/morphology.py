"""German noun and adjective forms: gender, nominative, strong adjective endings, nominalised roles."""

from __future__ import annotations

from ..tokens import Token

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
# role nouns that decline like adjectives, which HanTa does not always tag NNA
NOMINALISED_ROLES = ("vorsitzende", "beigeordnete", "abgeordnete", "beauftragte", "angestellte", "sachverständige")
WEAK_MASCULINE_E = ("experte", "kollege", "zeuge", "junge", "bote", "kunde", "laie", "name", "glaube", "wille",
                    "friede", "gedanke", "buchstabe", "vorsitzende", "beauftragte", "abgeordnete", "angestellte",
                    "beigeordnete", "käse", "affe", "löwe", "franzose", "chinese", "türke", "russe", "pole",
                    "grieche")
FEM_SUFFIX = ("ung", "heit", "waffe", "bundeswehr", "feuerwehr", "keit", "schaft", "tät", "ion", "ei", "ie", "ik", "ur", "enz", "anz", "bahn", "bank",
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


def _capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper()


def gender_of_noun(word: str, det: str = "") -> str:
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


def noun_nominative(t: Token, en: bool) -> str:
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


def adj_stem(t: Token) -> str | None:
    text, lemma = t.text, t.lemma
    if lemma and text.lower().startswith(lemma.lower()) and text[len(lemma):] in ("", "e", "en", "er", "es", "em"):
        return text[: len(lemma)]
    for end in ("en", "em", "er", "es", "e"):
        if text.endswith(end) and len(text) - len(end) >= 3:
            return text[: -len(end)]
    return None


def strong_adjective(t: Token, gender: str) -> str:
    """An attributive adjective in strong nominative: "der russische" -> "russischer"."""
    text = t.text
    if _capitalised(text) and text.endswith("er") and t.lemma.lower() == text.lower():
        return text  # "Hamburger", "Basler": does not decline
    if not t.pos.startswith("ADJ") and not t.pos.startswith("NN"):
        return text
    stem = adj_stem(t)
    if stem is None:
        return text
    return stem + {"m": "er", "f": "e", "n": "es"}.get(gender, "er")


def nominalised_role(t: Token, gender: str, det: str = "der") -> str:
    """Nominalised adjectives as role nouns: "der Vorsitzende" -> "Vorsitzender"."""
    text = t.text
    low = text.lower()
    if not det:
        return text  # already strong: "Vorsitzende der Fraktion", "Vorsitzender der Wasserwacht"
    if t.pos != "NNA" and not low.removesuffix("n").endswith(NOMINALISED_ROLES):
        return text
    stem = text[:-2] if low.endswith(("en", "er")) else text[:-1] if low.endswith(("e", "r")) else text
    return stem + ("er" if gender == "m" else "e" if gender == "f" else "es")


def place_of_adj(t: Token) -> str | None:
    """"Hamburger" -> "Hamburg", "steirische" -> "Steiermark"; None if not a regional adjective."""
    text = t.text
    stem = (adj_stem(t) or text).lower()
    for key, place in REGION_ADJ.items():
        if stem == key or text.lower().startswith(key):
            return place or None
    low = text.lower()
    if low in CITY_ADJ:
        return CITY_ADJ[low]
    if _capitalised(text) and low.endswith("er") and t.lemma.lower() == low and len(text) > 5:
        return text[:-2]
    return None


def title_adjective(t: Token, gender: str) -> str:
    """Capitalised adjectives that are part of a title: "Vorsitzende Richterin", "Erster Beigeordneter"."""
    if t.pos == "NNA":
        return nominalised_role(t, gender)
    return strong_adjective(t, gender)
