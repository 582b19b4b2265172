"""Mention descriptions pinned on real sentences, so that splitting ``describe_mention`` and
``_interpret`` changes none of them. Only fields that differ from the defaults are listed."""

from __future__ import annotations


import pytest

from phrase_cases import CASES, changed, parse_case
from wortlaut.resolve import mentions
from wortlaut.resolve.classes import cls
from wortlaut.resolve.mentions import describe_mention
from wortlaut.resolve.phrases import parse_np

DESCRIBED = {
    'Carl Schuster, ehemaliger Einsatzleiter der Feuerwehr Hamburg':
        dict(name='Carl Schuster', kind='person', roles=['ehemaliger Einsatzleiter'],
             affiliations=['Feuerwehr Hamburg'], name_parts=['Carl', 'Schuster'], gender='m', named=True,
             end=8),
    'Ein Sprecher der Polizei':
        dict(name='Lars Beringer', kind='person', roles=['Sprecher'], affiliations=['Polizei'],
             name_parts=['Lars', 'Beringer'], gender='m', named=True, end=8),
    'Dem Bericht des Council on Foreign Relations vom Juni 2022':
        dict(name='Council on Foreign Relations', kind='organisation', definite=True, gender='f',
             document='Bericht', named=True, end=10),
    'Die Gewerkschaft Verkehr und Schiene (GVS)':
        dict(name='Gewerkschaft Verkehr und Schiene', kind='organisation', head='Schiene', definite=True,
             gender='f', aliases=['GVS'], named=True, end=8),
    'Der russische Verteidigungsminister Sergej Schoigu':
        dict(name='Sergej Schoigu', kind='person', roles=['russischer Verteidigungsminister'],
             name_parts=['Sergej', 'Schoigu'], definite=True, gender='m', named=True, end=5),
    'Mehrere Anwohner':
        dict(name='Anwohner', kind='unnamed', head='Anwohner', plural=True, gender='m', end=2),
    'Die 34-jährige Mieterin aus Ettlingen':
        dict(name='Mieterin aus Ettlingen', kind='unnamed', roles=['Mieterin'], head='Mieterin', definite=True,
             gender='f', end=5),
    'Angaben der Stadt':
        dict(name='Stadt', kind='organisation', head='Stadt', definite=True, gender='f', document='Angaben',
             start=1, end=4),
    'Die Polizeisprecherin':
        dict(name='Polizeisprecherin', kind='unnamed', roles=['Polizeisprecherin'], affiliations=['Polizei'],
             head='Polizeisprecherin', definite=True, gender='f', end=2),
    'Der Konzern Veltrona':
        dict(name='Veltrona', kind='organisation', head='Konzern', definite=True, gender='m', named=True,
             end=3),
    'New Yorks Bürgermeister Michael Bloomberg':
        dict(name='Michael Bloomberg', kind='person', roles=['Bürgermeister'], affiliations=['New York'],
             name_parts=['Michael', 'Bloomberg'], gender='m', possessor='New Yorks', named=True, end=5),
    'Die Präfektur in Straßburg':
        dict(name='Präfektur Straßburg', kind='organisation', head='Präfektur', definite=True, gender='f',
             named=True, end=4),
    'Shipping analysts':
        dict(name='Shipping analysts', kind='unnamed', head='analysts', plural=True, end=2),
    'John Smith, a professor of economics at Harbour University':
        dict(name='John Smith', kind='person', roles=['professor of economics'],
             affiliations=['Harbour University'], name_parts=['John', 'Smith'], named=True, end=10),
    "The trust's medical director":
        dict(name='medical director', kind='unnamed', roles=['medical director'], head='director',
             definite=True, possessor='trust', end=5),
    "A spokeswoman for the Northern Nurses' Union":
        dict(name="spokeswoman for the Northern Nurses' Union", kind='unnamed', roles=['spokeswoman'],
             affiliations=["Northern Nurses' Union"], head='spokeswoman', gender='f', end=8),
    'a report by the International Institute for Strategic Studies':
        dict(name='International Institute for Strategic Studies', kind='organisation', definite=True,
             gender='f', document='report', named=True, start=2, end=11),
    'The authority':
        dict(name='authority', kind='organisation', head='authority', definite=True, end=2),
}

# _interpret on the phrase parsed at the mention, before any widening
INTERPRETED = {
    **DESCRIBED,
    'Dem Bericht des Council on Foreign Relations vom Juni 2022':
        dict(name='Council on Foreign Relations', kind='organisation', definite=True, gender='f',
             document='Bericht', named=True, end=9),
}


@pytest.mark.parametrize("language,text,mention", CASES, ids=[m for _, _, m in CASES])
def test_describe_mention(language: str, text: str, mention: str) -> None:
    doc, a, b = parse_case(language, text, mention)
    assert changed(describe_mention(doc, a, b)) == DESCRIBED[mention]


@pytest.mark.parametrize("language,text,mention", CASES, ids=[m for _, _, m in CASES])
def test_interpret(language: str, text: str, mention: str) -> None:
    doc, a, b = parse_case(language, text, mention)
    start = a + 1 if cls(doc, a) == "PREP" else a
    limit = doc.sentences[doc.tokens[a].sent][1]
    hard = b if language != "de" else None
    assert changed(mentions._interpret(doc, parse_np(doc, start, limit, hard), limit, hard)) == INTERPRETED[mention]
