"""A "Dies gab X bekannt" sentence attributes the sentence before it."""

from spans import words

from wortlaut.analyse.attribution import Attribution
from wortlaut.analyse.de.anaphoric import anaphoric_statements
from wortlaut.analyse.tokens import tokenize


def test_the_demonstrative_and_the_sentence_before_are_the_quote():
    doc = tokenize("Der neue Airbus startet am Mittwoch zum ersten Testflug. Dies gab Airbus im französischen Toulouse bekannt.")
    (att,) = anaphoric_statements(doc, [])
    assert att.kind == "indirect"
    assert [words(doc, q) for q in att.quote] == ["Der neue Airbus startet am Mittwoch zum ersten Testflug", "Dies"]
    assert [words(doc, c) for c in att.cue] == ["gab", "bekannt"]
    assert words(doc, att.speaker) == "Airbus im französischen Toulouse"


def test_a_source_after_aus_and_a_time_is_not_part_of_it():
    doc = tokenize("Die Steuern steigen im nächsten Jahr deutlich. Das geht aus einem Bericht der Regierung hervor.")
    (att,) = anaphoric_statements(doc, [])
    assert [words(doc, c) for c in att.cue] == ["geht", "hervor"]
    assert words(doc, att.speaker) == "einem Bericht der Regierung"
    doc = tokenize("Die Preise der Firma stiegen im Herbst. Dies teilte die Firma am Montag mit.")
    (att,) = anaphoric_statements(doc, [])
    assert words(doc, att.speaker) == "die Firma"


def test_no_statement_without_a_speech_verb_or_where_one_is_found():
    doc = tokenize("Die Steuern steigen im nächsten Jahr deutlich. Das führte zu Protesten im ganzen Land.")
    assert anaphoric_statements(doc, []) == []
    doc = tokenize("Die Steuern steigen im nächsten Jahr deutlich. Dies bestätigte der Minister.")
    found = Attribution([(0, 8)], "reported")
    assert anaphoric_statements(doc, [found]) == [found]
