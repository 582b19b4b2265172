"""German token features, step by step, on real sentences."""

from wortlaut.analyse.de.features import comma_segments, doc_facts, own_features, token_features, window_features
from wortlaut.analyse.de.rules import attribute
from wortlaut.analyse.tokens import tokenize

TEXT = "„Der Hafen wächst“, sagte Anna Berger. Berger sagte, die Stadt habe kein Geld."


def _facts():
    doc = tokenize(TEXT)
    return doc, doc_facts(doc, frozenset(), attribute(doc))


def test_sentence_facts_and_positions_relative_to_the_cue():
    doc, f = _facts()
    assert [t.text for t in doc.tokens][6] == "sagte"
    assert f.cue_dist[:10] == ["L4-7", "L4-7", "L4-7", "L3", "L2", "L1", "=0", "R1", "R2", "R3"]
    assert f.segrel == ["-1"] * 6 + ["0"] * 7 + ["1"] * 6
    assert f.sent_rule == ["qdirect", "qindirect"] and f.sent_cue == [True, True] and f.sent_konj == [False, True]
    assert f.rules[5:13] == ["-", "cue", "spk", "spk", "-", "spk", "cue", "-"]


def test_comma_segments_skip_commas_inside_quotation_marks():
    doc, f = _facts()
    assert comma_segments(doc, *doc.sentences[1], f.depth) == [0, 0, 0, 1, 1, 1, 1, 1, 1]
    assert comma_segments(doc, *doc.sentences[0], f.depth) == [0] * 6 + [1] * 4


def test_own_and_window_features():
    doc, f = _facts()
    assert own_features(doc, f, 0) == [
        "b", "w=„", "suf3=„", "shape=„", "pos=XY", "lem=„", "depth=1", "span=4-7", "nocue", "cuedist=L4-7",
        "segrel=-1", "sfirst=„", "scue=True", "skonj=False", "smark=True", "shearsay=False", "pscue=BOD",
        "pskonj=BOD", "psrule=BOD", "srule=qdirect", "nsrule=qindirect", "pfirst", "nsmark=False", "first",
        "mark", "rule=qdirect", "rule-1=BOS", "rule+1=qdirect",
    ]
    assert window_features(doc, f, 8)[:7] == [
        "-3w=,", "-3pos=$,", "-2w=sagte", "-2pos=VV(FIN)", "-2cue=True", "-2depth=0", "-2w|pos=sagte|NE",
    ]
    assert window_features(doc, f, 8)[-2:] == ["w|-1w=berger|anna", "pos|-1pos|1pos=NE|NE|$."]
    assert "1BOUND" in window_features(doc, f, len(doc.tokens) - 1)


def test_token_features_join_own_and_window_and_compute_the_rules_when_not_given():
    doc, f = _facts()
    feats = token_features(doc)
    assert len(feats) == len(doc.tokens) and all(feats)
    assert feats[0] == own_features(doc, f, 0) + window_features(doc, f, 0)
    assert "konj" in feats[15] and "skonj=True" in feats[15]  # "habe"
