"""A relative clause that only describes its noun is no indirect statement."""

from spans import find, words

from wortlaut.analyse.attribution import Attribution
from wortlaut.analyse.de import tag_german
from wortlaut.analyse.de.narration import drop_narration, narrating_relative
from wortlaut.analyse.tokens import tokenize


def _tagged(text):
    doc = tokenize(text)
    tag_german(doc)
    return doc


def _indirect(doc, quote, cue=None, speaker=None):
    return Attribution([find(doc, quote)], "indirect", [find(doc, cue)] if cue else [], find(doc, speaker) if speaker else None)


def test_an_indicative_relative_clause_is_dropped():
    doc = _tagged("Im Bericht nannte man auch den Bahnhof , der seit dem Sommer geschlossen ist .")
    att = _indirect(doc, "der seit dem Sommer geschlossen ist", "nannte")
    assert narrating_relative(doc, att, frozenset())
    assert drop_narration(doc, [att], frozenset()) == []


def test_a_relative_clause_in_the_subjunctive_stays():
    doc = _tagged("Sie verwies auf die Schulden , die bald getilgt werden müssten .")
    att = _indirect(doc, "die bald getilgt werden müssten", "verwies")
    assert not narrating_relative(doc, att, frozenset())


def test_a_relative_clause_with_its_own_speech_verb_stays():
    doc = _tagged("Man fand einen Brief , in dem er Geldsorgen als Grund angab .")
    att = _indirect(doc, "in dem er Geldsorgen als Grund angab", "fand")
    assert not narrating_relative(doc, att, frozenset({"angeben"}))


def test_a_main_clause_after_the_relative_clause_keeps_the_statement():
    doc = _tagged("Nach Angaben des Amtes , das die Zahlen prüft , leben hier viele Familien .")
    att = _indirect(doc, "das die Zahlen prüft , leben hier viele Familien", "Nach")
    assert not narrating_relative(doc, att, frozenset())


def test_a_speaker_opening_the_sentence_reports_it():
    doc = _tagged("Viele Besucher lobten die Bühne , die ohne Vorhang auskommt .")
    att = _indirect(doc, "die ohne Vorhang auskommt", "lobten", "Viele Besucher")
    (reported,) = drop_narration(doc, [att], frozenset())
    assert reported.kind == "reported"
    assert words(doc, reported.quote[0]) == "Viele Besucher lobten die Bühne , die ohne Vorhang auskommt ."
    assert words(doc, reported.speaker) == "Viele Besucher"


def test_a_statement_before_the_adjective_laut_is_dropped():
    doc = _tagged("Schon im Frühjahr war Kritik an dem Plan laut geworden .")
    att = _indirect(doc, "Schon im Frühjahr war Kritik an dem Plan", "laut")
    assert drop_narration(doc, [att], frozenset()) == []


def test_the_preposition_laut_still_frames_a_statement():
    doc = _tagged("Laut dem Verband steigen die Preise im Herbst .")
    att = _indirect(doc, "steigen die Preise im Herbst", "Laut", "dem Verband")
    assert drop_narration(doc, [att], frozenset()) == [att]
