"""An indirect statement is its reported clause: without final stop, cue or speaker."""

from wortlaut.analyse.attribution import Attribution
from wortlaut.analyse.de.boundaries import indirect_boundaries
from wortlaut.analyse.tokens import tokenize


def test_the_frame_and_the_final_stop_are_cut_off():
    doc = tokenize("Er gehe davon aus , dass der Premier die Unabhängigkeit am Sonntag ausrufen werde .")
    att = Attribution([(0, len(doc.tokens))], "indirect", [(1, 2)], (0, 1))
    (att,) = indirect_boundaries(doc, [att])
    assert [doc.span_text(*q) for q in att.quote] == ["dass der Premier die Unabhängigkeit am Sonntag ausrufen werde"]


def test_a_free_statement_keeps_its_stop():
    doc = tokenize("Der Prozess könne ein halbes Jahr dauern .")
    free = Attribution([(0, len(doc.tokens))], "free")
    (free,) = indirect_boundaries(doc, [free])
    assert free.quote == [(0, len(doc.tokens))]
