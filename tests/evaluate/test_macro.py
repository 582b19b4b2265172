"""The corpus authors' metric: precision and recall averaged per group and role."""

import pytest

from wortlaut.corpus import CorpusAnnotation
from wortlaut.evaluate.macro import assign, score_document_macro, summarise_macro
from wortlaut.evaluate.scorer import format_report, score_document, summarise


def ann(quote, cue=(), speaker=(), frame=(), addressee=(), type="Direct", medium="Speech"):
    return CorpusAnnotation(list(quote), list(cue), list(speaker), list(frame), list(addressee), type, medium)


GOLD = [
    ann(range(10), cue=[11], speaker=[12, 13], frame=[11, 12, 13]),
    ann(range(20, 26), cue=[27], speaker=[28], frame=[27, 28], type="Indirect"),
]


def test_perfect_prediction_scores_one() -> None:
    m = summarise_macro(score_document_macro(GOLD, GOLD))
    assert m["joint"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert m["type"]["f1"] == m["medium"]["f1"] == 1.0


def test_groups_weigh_equally_whatever_their_length() -> None:
    # first quote half found with its roles; second (short) quote missed entirely
    pred = [ann(range(5), cue=[11], speaker=[12, 13], frame=[11, 12, 13])]
    m = summarise_macro(score_document_macro(GOLD, pred))
    # precisions: quote 1, cue 1, speaker 1, frame 1 (the missed quote has none)
    assert m["joint"]["precision"] == pytest.approx(1.0)
    # recalls: group 1 quote 0.5, cue/speaker/frame 1; group 2 all four roles 0
    assert m["joint"]["recall"] == pytest.approx(3.5 / 8)
    assert m["quote"]["recall"] == pytest.approx(0.25)
    # micro sums tokens instead: 5 of 10 + 6 quote tokens found
    micro = summarise(score_document(GOLD, pred))
    assert micro["quote"]["recall"] == pytest.approx(5 / 16)


def test_a_role_absent_on_both_sides_is_left_out() -> None:
    gold = [ann(range(4), cue=[5])]
    pred = [ann(range(4), cue=[5])]
    m = summarise_macro(score_document_macro(gold, pred))
    assert m["addressee"]["f1"] == 0.0  # no values at all: reported as 0, not averaged in
    assert m["joint"]["f1"] == 1.0


def test_assignment_pairs_even_without_overlap_and_prefers_same_type() -> None:
    gold = [ann(range(4), type="Indirect"), ann(range(10, 12))]
    pred = [ann(range(4), type="Direct"), ann(range(4), type="Indirect")]
    pairs = dict(assign(gold, pred))
    assert pairs[0] == 1  # same tokens, same type wins the tie
    assert pairs[1] == 0  # the leftover prediction is paired although it does not overlap


def test_report_prints_both_metrics() -> None:
    text = format_report(summarise(score_document(GOLD, GOLD[:1])))
    assert "macro" in text and "joint" in text and "Indirect" in text
