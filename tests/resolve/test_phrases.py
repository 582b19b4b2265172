"""Noun phrases pinned on real sentences, so that splitting ``parse_np`` changes none of them."""

from __future__ import annotations

import pytest

from phrase_cases import CASES, parse_case
from wortlaut.resolve.classes import cls
from wortlaut.resolve.phrases import NP, parse_np

# (start, end, head_end, det, mods, heads, quoted, [(preposition, its token, start, end, heads)], paren, possessor)
EXPECTED = {
    'Carl Schuster, ehemaliger Einsatzleiter der Feuerwehr Hamburg':
        (0, 2, 2, None, [], [0, 1], None, [], [], None),
    'Ein Sprecher der Polizei':
        (0, 4, 2, 0, [], [1], None, [('gen', 2, 2, 4, [3])], [], None),
    'Dem Bericht des Council on Foreign Relations vom Juni 2022':
        (0, 9, 2, 0, [], [1], None, [('gen', 2, 2, 7, [3, 4, 5, 6]), ('time', 7, 8, 9, [8])], [], None),
    'Die Gewerkschaft Verkehr und Schiene (GVS)':
        (0, 8, 5, 0, [], [1, 2, 3, 4], None, [], [(6, 7)], None),
    'Der russische Verteidigungsminister Sergej Schoigu':
        (0, 5, 5, 0, [1], [2, 3, 4], None, [], [], None),
    'Mehrere Anwohner':
        (0, 2, 2, 0, [], [1], None, [], [], None),
    'Die 34-jährige Mieterin aus Ettlingen':
        (0, 5, 3, 0, [1], [2], None, [('aus', 3, 4, 5, [4])], [], None),
    'Angaben der Stadt':
        (1, 4, 2, None, [], [1], None, [('gen', 2, 2, 4, [3])], [], None),
    'Die Polizeisprecherin':
        (0, 2, 2, 0, [], [1], None, [], [], None),
    'Der Konzern Veltrona':
        (0, 3, 3, 0, [], [1, 2], None, [], [], None),
    'New Yorks Bürgermeister Michael Bloomberg':
        (0, 5, 5, None, [], [0, 1, 2, 3, 4], None, [], [], None),
    'Die Präfektur in Straßburg':
        (0, 4, 2, 0, [], [1], None, [('in', 2, 3, 4, [3])], [], None),
    'Shipping analysts':
        (0, 2, 2, None, [], [0, 1], None, [], [], None),
    'John Smith, a professor of economics at Harbour University':
        (0, 2, 2, None, [], [0, 1], None, [], [], None),
    "The trust's medical director":
        (0, 5, 5, 0, [], [3, 4], None, [], [], (1, 2)),
    "A spokeswoman for the Northern Nurses' Union":
        (0, 8, 2, 0, [], [1], None, [('for', 2, 3, 8, [4, 5, 6, 7])], [], None),
    'a report by the International Institute for Strategic Studies':
        (2, 11, 4, 2, [], [3], None, [('by', 4, 5, 11, [6, 7, 8, 9, 10])], [], None),
    'The authority':
        (0, 2, 2, 0, [], [1], None, [], [], None),
}


def summary(np_: NP) -> tuple:
    return (np_.start, np_.end, np_.head_end, np_.det, np_.mods, np_.heads, np_.quoted,
            [(prep, k, sub.start, sub.end, sub.heads) for prep, k, sub in np_.comps], np_.paren, np_.possessor)


@pytest.mark.parametrize("language,text,mention", CASES, ids=[m for _, _, m in CASES])
def test_noun_phrase(language: str, text: str, mention: str) -> None:
    doc, a, b = parse_case(language, text, mention)
    start = a + 1 if cls(doc, a) == "PREP" else a  # "According to …", "Nach Angaben …"
    limit = doc.sentences[doc.tokens[a].sent][1]
    np_ = parse_np(doc, start, limit, b if language != "de" else None)
    assert summary(np_) == EXPECTED[mention]
