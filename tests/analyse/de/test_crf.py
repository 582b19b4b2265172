"""Assembling statements from the two CRF layers' labels (given here by hand)."""

from wortlaut import analyse
from wortlaut.analyse.de.crf import CRFTagger, assemble, runs
from wortlaut.analyse.tokens import tokenize


def _labels(n: int, **spans: tuple[int, int]) -> list[str]:
    """BIO labels with a run per keyword: D0=(0, 4) labels tokens 0..3 as D."""
    out = ["O"] * n
    for name, (a, b) in spans.items():
        out[a:b] = ["B-" + name[0]] + ["I-" + name[0]] * (b - a - 1)
    return out


def _read(doc, atts):
    span = doc.span_text
    return [(a.kind, [span(*q) for q in a.quote], [span(*c) for c in a.cue], a.speaker and span(*a.speaker)) for a in atts]


def test_runs():
    assert runs(["O", "B-D", "I-D", "B-D", "O", "I-S"]) == [("D", 1, 3), ("D", 3, 4), ("S", 5, 6)]


def test_a_statement_interrupted_by_its_frame_is_one():
    doc = tokenize("„Wir bauen“, sagte er, „und zwar bald.“")
    n = len(doc.tokens)
    atts = assemble(doc, _labels(n, D0=(0, 4), D1=(8, n)), _labels(n, C=(5, 6), S=(6, 7)))
    assert _read(doc, atts) == [("direct", ["„Wir bauen“", "„und zwar bald.“"], ["sagte"], "er")]


def test_separable_particle_and_self_sourced_cue():
    doc = tokenize("Die Firma teilte am Montag mit, sie spare. Demnach sinken die Kosten.")
    n = len(doc.tokens)
    q = _labels(n, I0=(7, 9), I1=(11, 14))
    r = _labels(n, S=(0, 2), C0=(2, 3), C1=(5, 6), C2=(10, 11))
    assert _read(doc, assemble(doc, q, r)) == [
        ("indirect", ["sie spare"], ["teilte", "mit"], "Die Firma"),
        ("indirect", ["sinken die Kosten"], ["Demnach"], "Demnach"),
    ]


def test_a_direct_quote_without_a_cue_takes_the_one_before_and_the_last_speaker():
    doc = tokenize("Chef Jan Roth sagte: „Wir sparen.“ „Es ist hart.“")
    n = len(doc.tokens)
    q = _labels(n, D0=(5, 10), D1=(10, n))
    r = _labels(n, S=(0, 3), C=(3, 4))
    assert _read(doc, assemble(doc, q, r)) == [
        ("direct", ["„Wir sparen.“"], ["sagte"], "Chef Jan Roth"),
        ("direct", ["„Es ist hart.“"], ["sagte"], "Chef Jan Roth"),
    ]


def test_the_shipped_model_on_a_real_paragraph():
    doc, atts = analyse.analyse(
        "Die Firma teilte am Montag mit, sie werde 200 Stellen streichen. „Wir müssen sparen“, sagte Chef Jan Roth. „Es ist hart.“"
    )
    assert analyse.tagger_name("de") == "crf"
    assert _read(doc, atts) == [
        ("indirect", ["sie werde 200 Stellen streichen"], ["teilte", "mit"], "Die Firma"),
        ("direct", ["„Wir müssen sparen“"], ["sagte"], "Chef Jan Roth"),
        ("direct", ["„Es ist hart.“"], ["sagte"], "Chef Jan Roth"),
    ]
    assert CRFTagger.unusable(analyse.model_dir()) is None
