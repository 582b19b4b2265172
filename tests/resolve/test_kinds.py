"""Descriptions without a name pinned on real sentences, so that splitting ``read_described``
changes none of them: every phrase here whose heads are all nouns."""

from __future__ import annotations


import pytest

from phrase_cases import CASES, changed, parse_case
from wortlaut.resolve.classes import cls
from wortlaut.resolve.kinds import read_described
from wortlaut.resolve.mentions import MentionInfo
from wortlaut.resolve.phrases import parse_np
from wortlaut.resolve.words import DE_DEFINITE

EXPECTED = {
    'Ein Sprecher der Polizei':
        dict(name='Sprecher der Polizei', kind='unnamed', roles=['Sprecher'], affiliations=['Polizei'],
             head='Sprecher', gender='m', end=4),
    'Dem Bericht des Council on Foreign Relations vom Juni 2022':
        dict(name='Bericht des Council on Foreign Relations', kind='unnamed', roles=['Bericht'],
             affiliations=['Council on Foreign Relations'], head='Bericht', definite=True, gender='m', end=9),
    'Mehrere Anwohner':
        dict(name='Anwohner', kind='unnamed', head='Anwohner', plural=True, gender='m', end=2),
    'Die 34-jährige Mieterin aus Ettlingen':
        dict(name='Mieterin aus Ettlingen', kind='unnamed', roles=['Mieterin'], head='Mieterin', definite=True,
             gender='f', end=5),
    'Angaben der Stadt':
        dict(name='Angaben der Stadt', kind='unnamed', head='Angabe', plural=True, gender='m', end=4),
    'Die Polizeisprecherin':
        dict(name='Polizeisprecherin', kind='unnamed', roles=['Polizeisprecherin'], affiliations=['Polizei'],
             head='Polizeisprecherin', definite=True, gender='f', end=2),
    'Die Präfektur in Straßburg':
        dict(name='Präfektur Straßburg', kind='organisation', head='Präfektur', definite=True, gender='f',
             named=True, end=4),
    'Shipping analysts':
        dict(name='Shipping analysts', kind='unnamed', head='analysts', plural=True, end=2),
    "The trust's medical director":
        dict(name='medical director', kind='unnamed', roles=['medical director'], head='director',
             definite=True, end=5),
    "A spokeswoman for the Northern Nurses' Union":
        dict(name="spokeswoman for the Northern Nurses' Union", kind='unnamed', roles=['spokeswoman'],
             affiliations=["Northern Nurses' Union"], head='spokeswoman', gender='f', end=8),
    'a report by the International Institute for Strategic Studies':
        dict(name='report', kind='unnamed', head='report', end=11),
    'The authority':
        dict(name='authority', kind='organisation', head='authority', definite=True, end=2),
}

DESCRIBED_CASES = [c for c in CASES if c[2] in EXPECTED]


@pytest.mark.parametrize("language,text,mention", DESCRIBED_CASES, ids=[m for _, _, m in DESCRIBED_CASES])
def test_read_described(language: str, text: str, mention: str) -> None:
    doc, a, b = parse_case(language, text, mention)
    start = a + 1 if cls(doc, a) == "PREP" else a
    limit = doc.sentences[doc.tokens[a].sent][1]
    hard = b if language != "de" else None
    np_ = parse_np(doc, start, limit, hard)
    det = doc.tokens[np_.det].text.lower() if np_.det is not None else ""
    info = MentionInfo(name="", kind="unnamed", definite=det in DE_DEFINITE or det == "the", end=np_.end)
    assert changed(read_described(doc, np_, info, np_.heads, det, limit, hard)) == EXPECTED[mention]
