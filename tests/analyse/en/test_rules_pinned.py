"""English rules: speakers before and after the verb, and attribution over cue frames."""

from wortlaut.analyse.en.rules import (
    _before_verb,
    _frames,
    _inverted,
    _subject_before,
    _subject_before_insertion,
    attribute,
)
from wortlaut.analyse.tokens import tokenize


def _read(text: str):
    doc = tokenize(text, "en")
    span = doc.span_text
    return [(a.kind, [span(*q) for q in a.quote], [span(*c) for c in a.cue], a.speaker and span(*a.speaker),
             a.addressee and span(*a.addressee)) for a in attribute(doc)]


def test_inverted_order_after_a_quote():
    doc = tokenize('"The plan is dead," said Jane Doe, a professor at Harbour University.', "en")
    depth = [1] * 7 + [0] * (len(doc.tokens) - 7)
    assert _before_verb(doc, 7, 0, depth) == 6 and _inverted(doc, 6, 0, depth, "say")
    assert _read(doc.text) == [("direct", ['"The plan is dead,"'], ["said"], "Jane Doe", None)]


def test_subject_past_auxiliaries_and_relative_clauses():
    doc = tokenize("Smith has also said that the port will grow.", "en")
    depth = [0] * len(doc.tokens)
    assert _before_verb(doc, 3, 0, depth) == 0 and _subject_before(doc, 0, 0, depth) == (0, 1)
    doc = tokenize("Doe, who runs the port, told reporters that rates were rising.", "en")
    depth = [0] * len(doc.tokens)
    assert _subject_before(doc, 6, 0, depth) is None and not _inverted(doc, 6, 0, depth, "tell")
    assert _read(doc.text) == [("indirect", ["rates were rising"], ["told"], "Doe", "reporters")]


def test_the_name_in_an_apposition_before_the_verb():
    doc = tokenize("The party's leader, Jane Doe, said the plan would fail.", "en")
    depth = [0] * len(doc.tokens)
    assert _subject_before_insertion(doc, 7, 0, depth) == (5, 7)
    assert _read(doc.text) == [("indirect", ["the plan would fail"], ["said"], "Jane Doe", None)]


def test_frames_pass_the_subject_on_to_a_participle_cue():
    doc = tokenize("Smith has also said that the port will grow, adding that jobs would follow.", "en")
    frames = _frames(doc, 0, len(doc.tokens), [0] * len(doc.tokens))
    assert [(f.cue, f.form, f.speaker, f.lo, f.hi) for f in frames] == [
        ([(3, 4)], "finite", (0, 1), 0, 4),
        ([(10, 11)], "participle", (0, 1), 0, 11),
    ]
    assert _read(doc.text) == [
        ("indirect", ["the port will grow, adding that jobs would follow"], ["said"], "Smith", None),
        ("indirect", ["jobs would follow"], ["adding"], "Smith", None),
    ]


def test_according_to_and_an_interrupted_direct_quote():
    assert _read('According to the report, the river is too warm. "We are waiting," Doe said, "and we will keep waiting."') == [
        ("reported", ["the river is too warm"], ["According to"], "the report", None),
        ("direct", ['"We are waiting,"', '"and we will keep waiting."'], ["said"], "Doe", None),
    ]
