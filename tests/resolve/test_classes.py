"""Token classes pinned on real sentences, so that splitting ``cls`` changes none of them."""

from __future__ import annotations

import pytest

from phrase_cases import CASES, parse_case
from wortlaut.resolve.classes import cls, is_role_compound

EXPECTED = {
    'Carl Schuster, ehemaliger Einsatzleiter der Feuerwehr Hamburg':
        'NAME NAME PUNCT ADJ NOUN DET NOUN NAME PUNCT VERB PUNCT DET NOUN VERB OTHER PUNCT',
    'Ein Sprecher der Polizei':
        'DET NOUN DET NOUN PUNCT NAME NAME PUNCT VERB DET NOUN PUNCT',
    'Dem Bericht des Council on Foreign Relations vom Juni 2022':
        'DET NOUN DET NAME LINK NAME NAME PREP NOUN NUM PREP VERB DET NOUN PUNCT',
    'Die Gewerkschaft Verkehr und Schiene (GVS)':
        'DET NOUN NOUN CONJ NOUN PAREN NAME PAREN VERB DET NOUN PUNCT',
    'Der russische Verteidigungsminister Sergej Schoigu':
        'DET ADJ NOUN NAME NAME VERB PUNCT PRON VERB OTHER PUNCT',
    'Mehrere Anwohner':
        'DET NOUN VERB PREP NOUN PREP DET NOUN PUNCT',
    'Die 34-jährige Mieterin aus Ettlingen':
        'DET ADJ NOUN PREP NOUN VERB PUNCT PRON VERB NOUN PUNCT',
    'Angaben der Stadt':
        'PREP NOUN DET NOUN VERB NUM NOUN VERB PUNCT',
    'Die Polizeisprecherin':
        'DET NOUN VERB PUNCT PRON VERB DET NOUN PUNCT',
    'Der Konzern Veltrona':
        'DET NOUN NAME VERB OTHER PUNCT DET NOUN VERB OTHER PUNCT',
    'New Yorks Bürgermeister Michael Bloomberg':
        'NAME NAME NOUN NAME NAME VERB PUNCT DET NOUN VERB OTHER PUNCT',
    'Die Präfektur in Straßburg':
        'DET NOUN PREP NAME VERB PUNCT DET NOUN VERB VERB PUNCT',
    'Shipping analysts':
        'NOUN NOUN VERB NOUN VERB VERB PUNCT',
    'John Smith, a professor of economics at Harbour University':
        'NAME NAME PUNCT DET NOUN PREP NOUN PREP NAME NAME PUNCT VERB DET NOUN VERB NOUN PUNCT',
    "The trust's medical director":
        'DET NOUN POSS NOUN NOUN VERB DET NOUN VERB VERB PUNCT',
    "A spokeswoman for the Northern Nurses' Union":
        'DET NOUN PREP DET NAME NAME POSS NAME VERB NOUN VERB NOUN PUNCT',
    'a report by the International Institute for Strategic Studies':
        'NOUN PREP DET NOUN PREP DET NAME NAME PREP NAME NAME PUNCT DET NOUN VERB PUNCT',
    'The authority':
        'DET NOUN VERB PRON VERB VERB PUNCT',
}


@pytest.mark.parametrize("language,text,mention", CASES, ids=[m for _, _, m in CASES])
def test_token_classes(language: str, text: str, mention: str) -> None:
    doc, _, _ = parse_case(language, text, mention)
    assert " ".join(cls(doc, k) for k in range(len(doc.tokens))) == EXPECTED[mention]


@pytest.mark.parametrize("word, expected", [
    ("verteidigungsminister", True), ("pressesprecherin", True), ("ex-chef", True), ("vize-chefin", True),
    ("leiter", False), ("chef", False), ("minister", False), ("hauschef", True), ("xchef", False),
    ("weber", False), ("", False),
])
def test_role_compound_needs_more_than_the_bare_stem(word: str, expected: bool) -> None:
    assert is_role_compound(word) is expected
