"""The bundled demo corpus against its hand annotation (data/demo/expected.json)."""

import json

import pytest

from conftest import DEMO
from wortlaut.evaluate.example import ExampleScore, score_example
from wortlaut.pipeline import process_path

EXPECTED = json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores() -> dict[str, tuple]:
    out = {}
    for name, gold in EXPECTED.items():
        (article,) = process_path(DEMO / name)
        out[name] = (article, gold, score_example(article, gold))
    return out


def test_every_demo_file_is_annotated():
    assert sorted(EXPECTED) == sorted(p.name for p in DEMO.glob("*.txt"))
    assert sum(1 for n in EXPECTED if n.startswith("de-")) >= 10
    assert sum(1 for n in EXPECTED if n.startswith("en-")) >= 3


def test_most_statements_are_found_with_their_source_and_profile(scores):
    total = sum((s for _, _, s in scores.values()), ExampleScore())
    assert total.statements == 252
    assert total.found / total.statements >= 0.85, total.report()
    assert total.with_source / total.statements >= 0.75, total.report()
    right, wrong = len(total.sources_right), len(total.sources_wrong)
    assert right / (right + wrong) >= 0.75, total.report()


def test_datelines_outlets_and_languages(scores):
    for name, (article, gold, s) in scores.items():
        assert article.language == gold["language"], name
        if "dateline" in gold:
            assert s.dateline_ok, (name, article.date, article.place, article.country, article.outlet)
        else:
            assert (article.date, article.outlet) == ("", ""), name


def test_furniture_is_flagged_and_never_quoted(scores):
    for name, (article, gold, s) in scores.items():
        assert s.furniture_flagged == s.furniture_total, (name, article.furniture)
        assert s.furniture_in_quotes == 0, name


def test_titles_in_quotation_marks_are_not_speech(scores):
    for name, (_, _, s) in scores.items():
        assert s.false_quotes == [], name
