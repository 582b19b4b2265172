"""A statement found without a cue takes the prepositional frame of its sentence."""

from spans import words

from wortlaut.analyse.attribution import Attribution
from wortlaut.analyse.de.prepositional import framed_cueless, prepositional_statements
from wortlaut.analyse.tokens import tokenize


def test_a_cueless_statement_takes_the_nach_frame_not_a_carried_speaker():
    doc = tokenize("Die Geschäftsführung soll nach einem achtseitigen Bericht des Angestellten trotzdem kassiert haben .")
    carried = (0, 2)
    att = Attribution([(0, len(doc.tokens) - 1)], "free", [], carried)
    (att,) = framed_cueless(doc, [att])
    assert att.kind == "indirect"
    assert [words(doc, c) for c in att.cue] == ["nach"]
    assert words(doc, att.speaker) == "einem achtseitigen Bericht des Angestellten"
    assert [words(doc, q) for q in att.quote] == ["Die Geschäftsführung soll", "trotzdem kassiert haben"]


def test_the_governed_phrase_ends_at_its_source_noun():
    doc = tokenize("Das Beben soll nach ersten Meldungen Schäden an mehreren Gebäuden verursacht haben .")
    (att,) = prepositional_statements(doc, [])
    assert words(doc, att.speaker) == "ersten Meldungen"


def test_wie_clause_with_an_auxiliary_after_the_participle():
    doc = tokenize("Wie die Polizei mitgeteilt hatte , wurden drei Personen verletzt .")
    (att,) = prepositional_statements(doc, [])
    assert words(doc, att.speaker) == "die Polizei"
    assert [words(doc, q) for q in att.quote] == ["wurden drei Personen verletzt"]


def test_a_cued_statement_keeps_its_cue():
    doc = tokenize("Nach Angaben der Polizei sagte der Sprecher , es gebe drei Verletzte .")
    att = Attribution([(8, 12)], "indirect", [(4, 5)], (5, 7))
    (att,) = framed_cueless(doc, [att])
    assert [words(doc, c) for c in att.cue] == ["sagte"]


def test_a_framed_sentence_in_a_cueless_run_becomes_a_statement_of_its_own():
    doc = tokenize("Zuerst habe sie nicht damit gerechnet . Nach ihren Informationen habe sich der Mann in den Niederlanden aufgehalten .")
    second = doc.sentences[1][0]
    run = Attribution([(0, len(doc.tokens))], "free", [], (2, 3))
    first, framed = framed_cueless(doc, [run])
    assert first.quote == [(0, second)] and first.kind == "free"
    assert [words(doc, c) for c in framed.cue] == ["Nach"] and words(doc, framed.speaker) == "ihren Informationen"
