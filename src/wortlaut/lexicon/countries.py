"""Country names (German and English) to ISO 3166-1 alpha-2 codes."""

from __future__ import annotations

from ..model import fold

_NAMES = {
    "DE": "Deutschland|Germany|Bundesrepublik Deutschland",
    "AT": "Österreich|Austria",
    "CH": "Schweiz|Switzerland",
    "FR": "Frankreich|France",
    "IT": "Italien|Italy",
    "ES": "Spanien|Spain",
    "PT": "Portugal",
    "NL": "Niederlande|Netherlands|Holland",
    "BE": "Belgien|Belgium",
    "LU": "Luxemburg|Luxembourg",
    "DK": "Dänemark|Denmark",
    "SE": "Schweden|Sweden",
    "NO": "Norwegen|Norway",
    "FI": "Finnland|Finland",
    "IS": "Island|Iceland",
    "IE": "Irland|Ireland",
    "GB": "Großbritannien|Vereinigtes Königreich|United Kingdom|Great Britain|UK|England|Schottland|Scotland|Wales",
    "US": "USA|Vereinigte Staaten|United States|United States of America|US",
    "CA": "Kanada|Canada",
    "MX": "Mexiko|Mexico",
    "BR": "Brasilien|Brazil",
    "AR": "Argentinien|Argentina",
    "CL": "Chile",
    "PL": "Polen|Poland",
    "CZ": "Tschechien|Czechia|Czech Republic",
    "SK": "Slowakei|Slovakia",
    "HU": "Ungarn|Hungary",
    "RO": "Rumänien|Romania",
    "BG": "Bulgarien|Bulgaria",
    "GR": "Griechenland|Greece",
    "TR": "Türkei|Turkey|Türkiye",
    "HR": "Kroatien|Croatia",
    "SI": "Slowenien|Slovenia",
    "RS": "Serbien|Serbia",
    "UA": "Ukraine",
    "RU": "Russland|Russia|Russische Föderation|Russian Federation",
    "BY": "Belarus|Weißrussland",
    "LT": "Litauen|Lithuania",
    "LV": "Lettland|Latvia",
    "EE": "Estland|Estonia",
    "IL": "Israel",
    "PS": "Palästina|Palestine",
    "EG": "Ägypten|Egypt",
    "IR": "Iran",
    "IQ": "Irak|Iraq",
    "SY": "Syrien|Syria",
    "SA": "Saudi-Arabien|Saudi Arabia",
    "AE": "Vereinigte Arabische Emirate|United Arab Emirates",
    "IN": "Indien|India",
    "PK": "Pakistan",
    "AF": "Afghanistan",
    "CN": "China|Volksrepublik China",
    "TW": "Taiwan",
    "JP": "Japan",
    "KR": "Südkorea|South Korea|Republik Korea|Republic of Korea",
    "KP": "Nordkorea|North Korea",
    "VN": "Vietnam",
    "TH": "Thailand",
    "ID": "Indonesien|Indonesia",
    "PH": "Philippinen|Philippines",
    "AU": "Australien|Australia",
    "NZ": "Neuseeland|New Zealand",
    "ZA": "Südafrika|South Africa",
    "NG": "Nigeria",
    "KE": "Kenia|Kenya",
    "ET": "Äthiopien|Ethiopia",
    "MA": "Marokko|Morocco",
}

CODES = {fold(name): code for code, names in _NAMES.items() for name in names.split("|")}


def country_code(name: str) -> str:
    """ISO code for a country name in German or English; "" when unknown."""
    name = name.strip()
    if len(name) == 2 and name.isupper():
        return name
    return CODES.get(fold(name), "")

# what counts as a country beyond the ISO country names above: more countries, capitals, blocs
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
