"""A zu-infinitive or dass-clause after a verb or noun of saying or intending is a statement."""

from spans import words

from wortlaut.analyse.attribution import Attribution
from wortlaut.analyse.de.complements import complement_statements
from wortlaut.analyse.tokens import tokenize


def test_the_infinitive_clause_is_the_quote_and_the_main_verbs_the_cue():
    doc = tokenize("Die Bundesregierung plant, die Befugnisse der Geheimdienste zu erweitern.")
    (att,) = complement_statements(doc, [])
    assert att.kind == "indirect"
    assert [words(doc, q) for q in att.quote] == ["die Befugnisse der Geheimdienste zu erweitern"]
    assert [words(doc, c) for c in att.cue] == ["plant"]


def test_a_particle_verb_and_a_relative_clause_inside():
    doc = tokenize("Der Sender rief die Männer auf, Frauen, die einer anderen Ethnie angehören, zu vergewaltigen.")
    (att,) = complement_statements(doc, [])
    assert [words(doc, q) for q in att.quote] == ["Frauen, die einer anderen Ethnie angehören, zu vergewaltigen"]
    assert [words(doc, c) for c in att.cue] == ["rief", "auf"]


def test_no_statement_in_a_purpose_clause_an_apposition_or_a_found_sentence():
    doc = tokenize("Die Polizei sperrte die Straße, um die Spuren zu sichern.")
    assert complement_statements(doc, []) == []
    doc = tokenize("Die Entscheidung, die Demonstration abzusagen, wurde heute getroffen.")
    assert complement_statements(doc, []) == []
    doc = tokenize("Die Bundesregierung plant, die Befugnisse der Geheimdienste zu erweitern.")
    found = Attribution([(0, 2)], "indirect", [(2, 3)])
    assert complement_statements(doc, [found]) == [found]


def test_a_dass_clause_after_a_verb_of_finding():
    doc = tokenize("Erste Ermittlungen ergaben, dass Benzin in dem Bus entzündet wurde.")
    (att,) = complement_statements(doc, [])
    assert [words(doc, q) for q in att.quote] == ["dass Benzin in dem Bus entzündet wurde"]
    assert [words(doc, c) for c in att.cue] == ["ergaben"]
    doc = tokenize("Der Streit führte dazu, dass die Sitzung abgebrochen wurde.")
    assert complement_statements(doc, []) == []


def test_an_uncued_reported_statement_in_the_sentence_gives_way():
    doc = tokenize("Kritiker warnen davor, das Gebot der Trennung von Polizei und Geheimdiensten aufzuweichen.")
    reported = Attribution([(0, len(doc.tokens))], "reported", [], (0, 1))
    (att,) = complement_statements(doc, [reported])
    assert att.kind == "indirect" and words(doc, att.speaker) == "Kritiker"
    assert [words(doc, c) for c in att.cue] == ["warnen"]


def test_a_subjunctive_clause_after_a_speech_verb():
    doc = tokenize("Lorenzen spekuliert, die Motivation der Europäer seien schlechte Erfahrungen mit den Amerikanern.")
    (att,) = complement_statements(doc, [])
    assert [words(doc, q) for q in att.quote] == ["die Motivation der Europäer seien schlechte Erfahrungen mit den Amerikanern"]
    assert [words(doc, c) for c in att.cue] == ["spekuliert"]


def test_a_free_run_gives_up_the_sentence_of_a_complement_clause():
    doc = tokenize("Ihre Mandantin habe Angst gehabt. Sie sei davon ausgegangen, dass der Richter die Polizei informieren werde.")
    second = doc.sentences[1][0]
    run = Attribution([(0, len(doc.tokens))], "free", [], (0, 2))
    before, att = complement_statements(doc, [run])
    assert before.quote == [(0, second)]
    assert words(doc, att.quote[0]) == "dass der Richter die Polizei informieren werde"
