"""Coarse token classes (``cls``) and what single words are: organisation, country, document or role words."""

from __future__ import annotations

import re
from functools import lru_cache

from ..analyse.tokens import Doc
from ..lexicon import first_names
from ..lexicon.countries import CODES, STATE_NAMES
from ..lexicon.marks import QUOTE_MARKS
from ..lexicon.name_words import NAME_LINKS
from ..model import fold
from .words import (
    DOC_WORDS,
    EN_CONJ,
    EN_DET,
    EN_GROUP,
    EN_PREP,
    EN_PRON,
    EN_REL,
    EN_STOP,
    ORG_SUFFIX_DE,
    ORG_WORDS_EN,
    PENN,
    PERSON_RAT,
    QUANTIFIERS,
    ROLE_ENDINGS,
    ROLE_STEMS,
    TITLES,
)


def capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper()


def opens_sentence(doc: Doc, k: int) -> bool:
    t = doc.tokens[k]
    a = doc.sentences[t.sent][0] if doc.sentences else 0
    j = a
    while j < k and (doc.tokens[j].text in QUOTE_MARKS or doc.tokens[j].pos.startswith("$(")):
        j += 1
    return j == k


def _name_shaped(text: str) -> bool:
    """Capitalised, or a particle-prefixed name part ("el-Baradei", "al-Assad", "O’Keefe")."""
    if capitalised(text):
        return True
    return bool(re.match(r"^(?:al|el|ad|as|bin|ibn|de|da|di|van|von)-[A-ZÄÖÜ]", text))


def cls(doc: Doc, k: int) -> str:
    """Coarse class of token k: DET ADJ NOUN NAME TRUNC PREP CONJ REL PRON VERB NUM PUNCT PAREN QUOTE OTHER."""
    if k < 0:
        return _token_class(doc, k)
    return token_classes(doc)[k]


def token_classes(doc: Doc) -> list[str]:
    """Every token's ``cls``: resolution asks for each token's class several times, so all are worked out
    once per document; loops over many tokens index this list rather than call ``cls``."""
    classes = doc.memo.get("cls")
    if classes is None:
        classes = doc.memo["cls"] = [_token_class(doc, k) for k in range(len(doc.tokens))]
    return classes


def _token_class(doc: Doc, k: int) -> str:
    t = doc.tokens[k]
    text, pos = t.text, t.pos
    low = text.lower()
    if _plural_possessive(doc, k):
        return "POSS"  # "Nurses' Union", "Residents’ Association"
    if text in QUOTE_MARKS:
        return "QUOTE"
    if text in ("(", ")", "[", "]"):
        return "PAREN"
    if doc.language != "de" or not pos:
        return _cls_en(doc, k, text, low, pos)
    return _cls_de(doc, k, text, low, pos)


def _plural_possessive(doc: Doc, k: int) -> bool:
    """An apostrophe glued to a word ending in "s" and followed by a space."""
    t = doc.tokens[k]
    return (t.text in ("’", "'") and k > 0 and doc.tokens[k - 1].end == t.start
            and doc.tokens[k - 1].text.endswith("s") and t.end < len(doc.text) and doc.text[t.end:t.end + 1] == " ")


def _cls_de(doc: Doc, k: int, text: str, low: str, pos: str) -> str:
    """German: from HanTa's STTS tags, corrected by known first names and capitalisation."""
    if capitalised(text) and _first_name_pair(doc, k):
        return "NAME"
    if pos.startswith("$"):
        return "PUNCT" if not text[0].isalnum() else ("NAME" if capitalised(text) else "OTHER")
    if text in ("’s", "'s"):
        return "POSS"
    c = _stts_class(text, low, pos)
    if c:
        return c
    if capitalised(text) and not opens_sentence(doc, k) and text.isalpha():
        # surnames HanTa reads as verbs or adjectives ("Jörg Wendt", "Andrea Frei")
        return "NAME"
    if pos.startswith("V"):
        return "VERB"
    return "OTHER"


def _stts_class(text: str, low: str, pos: str) -> str:
    """The class an STTS tag gives on its own; "" where the word decides."""
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
        return "NOUN" if capitalised(text) else "OTHER"
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
    return ""


def _cls_en(doc: Doc, k: int, text: str, low: str, pos: str = "") -> str:
    """English (and untagged text): Penn tags where given, else word lists and capitalisation."""
    if not any(ch.isalnum() for ch in text):
        return "CONJ" if text == "&" else "PUNCT"
    if text in ("’s", "'s", "’", "'"):
        return "POSS"
    if low[0].isdigit():
        return "NUM"
    if pos and low not in EN_STOP:
        c = _penn_class(doc, k, text, low, pos)
        if c:
            return c
    return _english_word_class(doc, k, text, low)


def _penn_class(doc: Doc, k: int, text: str, low: str, pos: str) -> str:
    """The class a Penn tag gives; "" where the word lists decide."""
    if pos in ("NNP", "NNPS") and capitalised(text):
        if opens_sentence(doc, k) and (low in EN_GROUP or low in QUANTIFIERS):
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
        return "NAME" if capitalised(text) and not opens_sentence(doc, k) else "NOUN"
    return ""


def _english_word_class(doc: Doc, k: int, text: str, low: str) -> str:
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
    if capitalised(text) or _name_shaped(text):
        if opens_sentence(doc, k) and (low in EN_GROUP or low in QUANTIFIERS):
            return "NOUN"
        return "NAME"
    return "NOUN"


@lru_cache(maxsize=1 << 14)
def is_org_word(word: str, en: bool) -> bool:
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


def is_country(text: str) -> bool:
    key = fold(text.strip())
    return key in CODES or key in STATE_NAMES


def is_abbrev(text: str) -> bool:
    core = text.replace(".", "").replace("-", "")
    return len(core) >= 2 and core.isupper() and core.isalpha()


@lru_cache(maxsize=1 << 14)
def is_doc_word(word: str) -> bool:
    w = word.lower()
    return w in DOC_WORDS or w.endswith(("bericht", "berichte", "berichten", "studie", "studien", "statistik",
                                        "umfrage", "erhebung", "mitteilung", "gutachten", "erklärung", "meldung",
                                        "meldungen", "report", "angaben", "aussagen"))


_ROLE_FORMS = tuple(stem + ending for stem in ROLE_STEMS for ending in ("", "in", "e", "er", "en"))


@lru_cache(maxsize=1 << 14)
def is_role_compound(low: str) -> bool:
    """A compound or hyphenated role word, never a bare stem (a surname may be "Leiter")."""
    # at least three letters before the role form, unless hyphenated
    return low[3:].endswith(_ROLE_FORMS) or ("-" in low and low.endswith(_ROLE_FORMS))


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
    return toks[first].sent == toks[surname].sent and not is_role_compound(toks[surname].text.lower())


def _name_like(doc: Doc, i: int) -> bool:
    return i < len(doc.tokens) and capitalised(doc.tokens[i].text) and doc.tokens[i].text.replace("-", "").isalpha()


def is_roleish_word(w: str) -> bool:
    return w.rstrip(".") in TITLES or w.endswith(ROLE_ENDINGS)
