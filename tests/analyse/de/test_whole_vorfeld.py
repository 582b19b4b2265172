"""A reported sentence's subject is the whole field before its finite verb."""

from wortlaut.analyse.de.sentences import whole_vorfeld
from wortlaut.analyse.tokens import tokenize


def test_the_subject_takes_its_attached_phrase_up_to_the_verb():
    doc = tokenize("Eine Reporterin von n24 sprach von 800 brennenden Autos .")
    assert doc.span_text(*whole_vorfeld(doc, (0, 2), len(doc.tokens))) == "Eine Reporterin von n24"


def test_an_apposition_between_commas_belongs_to_the_subject():
    doc = tokenize("Petra Pau , PDS-Bundestagsabgeordnete , spricht bereits von einer Neudefinition .")
    assert doc.span_text(*whole_vorfeld(doc, (0, 2), len(doc.tokens))) == "Petra Pau , PDS-Bundestagsabgeordnete"


def test_a_relative_clause_stops_the_subject():
    doc = tokenize("Der Minister , der gestern kam , kündigte Hilfe an .")
    assert whole_vorfeld(doc, (0, 2), len(doc.tokens)) == (0, 2)
