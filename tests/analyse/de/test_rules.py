"""German rules: the source a cue names, relative antecedents, where a clause opens."""

import pytest

from wortlaut.analyse.de.rules import _clause_start, _named_source, _relative_antecedent, attribute
from wortlaut.analyse.tokens import tokenize


def _read(doc):
    span = doc.span_text
    return [(a.kind, span(*a.quote[0]), [span(*c) for c in a.cue], a.speaker and span(*a.speaker)) for a in attribute(doc)]


@pytest.mark.parametrize("text, cue, source", [
    ("Laut einem Bericht des Umweltbundesamtes ist die Elbe zu warm.", [(0, 1)], "einem Bericht des Umweltbundesamtes"),
    ("Dem Bericht zufolge ist die Elbe zu warm.", [(2, 3)], "Dem Bericht"),
    ("In der Studie heißt es in einem Bericht des Senats, die Mieten stiegen.", [(3, 5)], "einem Bericht des Senats"),
])
def test_prepositional_and_impersonal_cues_name_their_source(text, cue, source):
    doc = tokenize(text)
    depth = [0] * len(doc.tokens)
    got = _named_source(doc, cue, 0, len(doc.tokens), depth)
    assert doc.span_text(*got) == source
    assert _read(doc)[0][3] == source


def test_relative_pronoun_speaker_is_the_antecedent():
    doc = tokenize("Analysten, die sagen, die Zinsen stiegen, irren.")
    assert _relative_antecedent(doc, 3, 0) == (0, 1)
    assert _relative_antecedent(doc, 9, 0) is None
    assert _read(doc) == [("indirect", "die Zinsen stiegen, irren", ["sagen"], "Analysten")]


def test_the_clause_opens_after_a_quote_and_colon():
    doc = tokenize("„Wir bauen“: Die Sprecherin sagte, das Werk wachse.")
    depth = [1, 1, 1, 1] + [0] * (len(doc.tokens) - 4)
    assert _clause_start(doc, 7, 0, depth) == 5
    assert _read(doc) == [
        ("direct", "„Wir bauen“", ["sagte"], "Die Sprecherin"),
        ("indirect", "das Werk wachse", ["sagte"], "Die Sprecherin"),
    ]
