import pytest

from wortlaut.evaluate import (
    ROLES,
    CorpusAnnotation,
    Counts,
    align,
    format_report,
    score_document,
    summarise,
)


def ann(
    quote: list[int],
    cue: list[int] = (),
    speaker: list[int] = (),
    frame: list[int] = (),
    addressee: list[int] = (),
    type: str = "Direct",
    medium: str = "Speech",
) -> CorpusAnnotation:
    return CorpusAnnotation(
        list(quote), list(cue), list(speaker), list(frame), list(addressee), type, medium
    )


GOLD = [
    ann(range(0, 10), cue=[11], speaker=[12, 13], frame=[11, 12, 13], addressee=[15]),
    ann(range(20, 26), cue=[27], speaker=[28], frame=[27, 28], type="Indirect"),
]


def test_perfect_prediction_scores_one_everywhere() -> None:
    s = summarise(score_document(GOLD, GOLD))
    for key in (*ROLES, "joint"):
        assert s[key]["precision"] == s[key]["recall"] == s[key]["f1"] == 1.0
        assert s[key]["fp"] == s[key]["fn"] == 0
    assert s["joint"]["tp"] == 10 + 1 + 2 + 3 + 1 + 6 + 1 + 1 + 2
    assert s["aligned"] == s["gold_quotes"] == s["predicted_quotes"] == 2
    assert s["type_accuracy"] == s["medium_accuracy"] == 1.0


def test_empty_prediction_has_zero_recall_and_no_division_error() -> None:
    s = summarise(score_document(GOLD, []))
    for key in (*ROLES, "joint"):
        assert s[key]["tp"] == s[key]["fp"] == 0
        assert s[key]["precision"] == s[key]["recall"] == s[key]["f1"] == 0.0
    assert s["quote"]["fn"] == 16
    assert s["aligned"] == 0 and s["type_accuracy"] == 0.0


def test_nothing_to_find_and_nothing_found_counts_as_agreement() -> None:
    s = summarise(score_document([ann([1, 2])], [ann([1, 2])]))
    assert s["addressee"]["f1"] == 1.0


def test_partial_overlap_counts_tokens() -> None:
    gold = [ann(range(0, 10), cue=[11], speaker=[12, 13])]
    # Quote 5..14: 5 shared, 5 extra, 5 missed. Cue wrong, speaker half right.
    pred = [ann(range(5, 15), cue=[10], speaker=[13], frame=[20])]
    c = score_document(gold, pred)
    assert (c.tp["quote"], c.fp["quote"], c.fn["quote"]) == (5, 5, 5)
    assert (c.tp["cue"], c.fp["cue"], c.fn["cue"]) == (0, 1, 1)
    assert (c.tp["speaker"], c.fp["speaker"], c.fn["speaker"]) == (1, 0, 1)
    assert (c.tp["frame"], c.fp["frame"], c.fn["frame"]) == (0, 1, 0)
    s = summarise(c)
    assert s["quote"]["precision"] == pytest.approx(0.5)
    assert s["speaker"]["precision"] == 1.0 and s["speaker"]["recall"] == 0.5
    assert s["speaker"]["f1"] == pytest.approx(2 / 3)
    # Joint: tp 6, fp 7, fn 7.
    assert (s["joint"]["tp"], s["joint"]["fp"], s["joint"]["fn"]) == (6, 7, 7)
    assert s["joint"]["f1"] == pytest.approx(6 / 13)


def test_split_quote_aligns_only_one_part() -> None:
    # Gold: one interrupted quote, tokens 0-4 and 8-15 ("„A“, sagte er, „B“").
    gold = [ann([*range(0, 5), *range(8, 16)], cue=[5], speaker=[6])]
    pred = [ann(range(0, 5), cue=[5], speaker=[6]), ann(range(8, 16), cue=[5], speaker=[6])]
    assert align(gold, pred) == [(0, 1)]  # the larger part wins
    c = score_document(gold, pred)
    assert (c.tp["quote"], c.fp["quote"], c.fn["quote"]) == (8, 5, 5)
    # The unaligned part's roles are all false positives.
    assert (c.tp["cue"], c.fp["cue"], c.fn["cue"]) == (1, 1, 0)
    assert c.aligned == 1 and c.predicted_quotes == 2


def test_optimal_assignment_beats_greedy() -> None:
    gold = [ann(range(0, 10)), ann(range(10, 14))]
    # Greedy would take the largest overlap first (pred 0 with gold 0: 6),
    # leaving pred 1 with gold 1 (0): total 6. Optimal: pred 0-gold 1 (4) and
    # pred 1-gold 0 (5): total 9.
    pred = [ann(range(4, 14)), ann(range(0, 5))]
    assert sorted(align(gold, pred)) == [(0, 1), (1, 0)]
    c = score_document(gold, pred)
    assert c.aligned == 2
    assert (c.tp["quote"], c.fp["quote"], c.fn["quote"]) == (9, 6, 5)


def test_zero_overlap_pairs_are_unaligned() -> None:
    c = score_document([ann([1, 2], cue=[3])], [ann([7, 8], cue=[3])])
    assert c.aligned == 0
    assert (c.tp["cue"], c.fp["cue"], c.fn["cue"]) == (0, 1, 1)


def test_identical_quotes_pair_by_other_roles() -> None:
    # Same quote attributed to two speakers, as happens in the corpus.
    gold = [ann([1, 2, 3], speaker=[5]), ann([1, 2, 3], speaker=[7])]
    s = summarise(score_document(gold, list(reversed(gold))))
    assert s["joint"]["f1"] == 1.0


def test_type_and_medium_accuracy() -> None:
    pred = [
        ann(range(0, 10), type="direct", medium="Writing"),  # type matches case-insensitively
        ann(range(20, 26), type="Direct", medium="Speech"),
        ann(range(40, 45), type="Indirect"),  # unaligned: not counted
    ]
    s = summarise(score_document(GOLD, pred))
    assert s["aligned"] == 2
    assert s["type_accuracy"] == 0.5
    assert s["medium_accuracy"] == 0.5


def test_counts_add_up() -> None:
    a = score_document(GOLD, GOLD)
    b = score_document(GOLD, [])
    total = a + b
    assert isinstance(total, Counts)
    assert total.tp["quote"] == 16 and total.fn["quote"] == 16
    assert total.gold_quotes == 4 and total.documents == 2
    assert sum([a, b], Counts()).tp == total.tp


def test_format_report_shows_percentages() -> None:
    text = format_report(summarise(score_document(GOLD, GOLD[:1])))
    joint = next(line for line in text.splitlines() if line.startswith("joint"))
    assert "100.0" in joint  # precision
    assert "type accuracy" in text and "medium accuracy" in text
    for role in ROLES:
        assert any(line.startswith(role) for line in text.splitlines())
