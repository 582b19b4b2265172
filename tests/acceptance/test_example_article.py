"""The canonical example article against its hand gold (needs ../shared)."""

import json

import pytest

from conftest import EXAMPLE, EXAMPLE_GOLD, needs_shared
from wortlaut.evaluate.example import score_example
from wortlaut.pipeline import process_path

pytestmark = needs_shared(EXAMPLE_GOLD)


@pytest.fixture(scope="module", params=["model", "rules"])
def scored(request):
    (article,) = process_path(EXAMPLE, use_model=request.param == "model")
    gold = json.loads(EXAMPLE_GOLD.read_text(encoding="utf-8"))
    return article, gold, score_example(article, gold)


def test_statements_found_with_the_right_source(scored):
    _, gold, score = scored
    assert len(gold["quotes"]) == 22
    assert score.with_source == 22, score.report()  # the spine needs 18; neither tagger may slip


def test_named_persons_have_gold_roles_and_affiliations(scored):
    _, gold, score = scored
    persons = [s["name"] for s in gold["sources"] if s["kind"] == "person"]
    assert len(persons) == 6
    assert set(persons) <= set(score.sources_right), score.report()


def test_furniture_flagged_and_not_quoted(scored):
    article, gold, score = scored
    assert score.furniture_flagged == 2 and score.furniture_in_quotes == 0, score.report()
    assert article.furniture == gold["furniture_lines"]


def test_titles_in_quotation_marks_are_not_speech(scored):
    _, _, score = scored
    assert score.false_quotes == []


def test_dateline_and_outlet(scored):
    article, _, _ = scored
    assert (article.date, article.place, article.country, article.outlet) == ("2023-09", "Seoul", "KR", "CNN")


def test_offsets_hold(scored):
    article, _, _ = scored
    for q in article.quotes:
        assert article.text[q.start:q.end] == q.text
        if q.cue:
            assert article.text[q.cue.start:q.cue.end] == q.cue.text
