"""The free indirect speaker ranker: its candidates on real tagged text, its choice, its training."""

import json

from spans import words

from wortlaut.analyse.attribution import Attribution
from wortlaut.analyse.de.ranker import SpeakerRanker, candidates
from wortlaut.analyse.tokens import tokenize
from wortlaut.training.speakers import accuracy, fit


def find(doc, text):
    """The token range of ``text``'s first occurrence."""
    start = doc.text.index(text)
    return (doc.token_at(start), doc.token_at(start + len(text) - 1) + 1)


TEXT = ("Die Polizei sagte, der Mann sei geflohen. Der Physiker Pflugbeil war mehrmals in Japan. "
        "Die Lage dort sei ernst.")


def _statements(doc):
    said = Attribution([find(doc, "der Mann sei geflohen")], "indirect", [find(doc, "sagte")], find(doc, "Die Polizei"))
    free = Attribution([find(doc, "Die Lage dort sei ernst.")], "free", speaker=said.speaker)
    return said, free


def test_candidates_are_earlier_speakers_and_subjects_with_their_distance():
    doc = tokenize(TEXT)
    said, free = _statements(doc)
    found = {words(doc, r): feats for r, feats in candidates(doc, [said], free, doc.paragraphs()).items()}
    assert {"stmt1", "stmt1&d=2", "stmt_kind=indirect", "stmt_cued"} <= found["Die Polizei"]
    assert {"subject", "subject&d=1", "name"} <= found["Der Physiker Pflugbeil"]
    assert not any("Lage" in w for w in found)  # never a mention inside the statement itself


def test_ranker_gives_the_best_scored_candidate_and_leaves_uncarried_statements_alone(tmp_path):
    doc = tokenize(TEXT)
    said, free = _statements(doc)
    path = tmp_path / "speakers.json"
    path.write_text(json.dumps({"weights": {"subject&d=1": 2.0, "stmt1": 1.0}}))
    SpeakerRanker(path)(doc, [said, free])
    assert words(doc, free.speaker) == "Der Physiker Pflugbeil"
    alone = Attribution([find(doc, "Die Lage dort sei ernst.")], "free")
    SpeakerRanker(path)(doc, [alone])
    assert alone.speaker is None


def test_fit_learns_which_feature_marks_the_gold_candidate():
    data = [([{"bias", "stmt1"}, {"bias", "subject"}], 1)] * 3 + [([{"bias", "stmt1"}, {"bias", "subject"}], 0)]
    weights = fit(data)
    assert weights["subject"] > weights["stmt1"]
    assert accuracy(data, weights) == 0.75
