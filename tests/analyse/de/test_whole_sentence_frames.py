"""A statement framed by "X zufolge", "laut X" or "nach X" spans the rest of its sentence."""

from spans import words

from wortlaut.analyse.attribution import Attribution
from wortlaut.analyse.de.prepositional import whole_sentence_frames
from wortlaut.analyse.tokens import tokenize


def test_a_cut_zufolge_statement_is_widened_and_its_split_copy_dropped():
    doc = tokenize("UNMISS-Truppen konnten eigenen Angaben zufolge jedoch 500 Zivilisten retten .")
    toks = [t.text for t in doc.tokens]
    cue = toks.index("zufolge")
    speaker = (cue - 2, cue)
    first = Attribution([(0, 2)], "indirect", [(cue, cue + 1)], speaker)
    second = Attribution([(cue + 2, len(toks) - 1)], "indirect", [(cue, cue + 1)], speaker)
    (att,) = whole_sentence_frames(doc, [first, second])
    assert [words(doc, q) for q in att.quote] == ["UNMISS-Truppen konnten", "jedoch 500 Zivilisten retten"]
    assert words(doc, att.speaker) == "eigenen Angaben"


def test_a_statement_cued_by_a_verb_is_left_alone():
    doc = tokenize("Laut Polizei sagte der Sprecher , es gebe drei Verletzte .")
    att = Attribution([(6, 10)], "indirect", [(2, 3)], (3, 5))
    (kept,) = whole_sentence_frames(doc, [att])
    assert kept.quote == [(6, 10)]


def test_a_direct_quote_keeps_its_marks_span():
    doc = tokenize("Laut dem Sprecher sei das „ ein Erfolg “ gewesen .")
    att = Attribution([(5, 9)], "direct", [(0, 1)], (1, 3))
    (kept,) = whole_sentence_frames(doc, [att])
    assert kept.quote == [(5, 9)]


def test_a_piece_inside_a_widened_statement_is_dropped():
    doc = tokenize("Insgesamt sind nach Angaben der Spitalsholding derzeit 84 Stellen unbesetzt , vor allem in der Chirurgie .")
    toks = [t.text for t in doc.tokens]
    cue, end = toks.index("nach"), len(toks) - 1
    speaker = (cue + 1, cue + 4)
    framed = Attribution([(cue + 4, end)], "indirect", [(cue, cue + 1)], speaker)
    piece = Attribution([(cue + 4, cue + 8)], "indirect", [(cue, cue + 2)], speaker)  # another cue: not a split copy
    (att,) = whole_sentence_frames(doc, [framed, piece])
    assert att is framed and words(doc, att.quote[0]).startswith("Insgesamt sind")
