"""Span-overlap figures of ``evaluate example``, and the English evaluation articles."""

import json
from pathlib import Path

from wortlaut.evaluate.example import score_directory, score_example
from wortlaut.model import Article, Quote, Source
from wortlaut.pipeline import process_path

ROOT = Path(__file__).resolve().parents[2]
EVAL_EN = ROOT / "data" / "eval-en"

TEXT = 'Doe said the plan was dead. "We will fight on," Roe said. Later the rain stopped.'


def quote(text: str, kind: str, source: str | None, *, find: str | None = None) -> Quote:
    start = TEXT.index(find or text)
    return Quote(start=start, end=start + len(text), text=text, type=kind, source=Source(source) if source else None)


def gold(*statements: dict) -> dict:
    return {"quotes": list(statements)}


def test_overlap_precision_recall_and_speaker_accuracy():
    art = Article(text=TEXT, quotes=[
        quote("the plan was dead", "indirect", "Doe"),
        quote('"We will fight on,"', "direct", "Doe"),  # right span, wrong speaker
        quote("the rain stopped", "indirect", "Roe"),  # not in the gold
    ])
    score = score_example(art, gold(
        {"source": "Doe", "type": "indirect", "contains": "plan was dead", "text": "the plan was dead"},
        {"source": "Roe", "type": "direct", "contains": "fight on", "text": "We will fight on,"},
    ))
    c = score.overlap
    assert (c["all_gold"], c["all_gold_hit"], c["all_pred"], c["all_pred_hit"]) == (2, 2, 3, 2)
    assert (c["direct_gold"], c["direct_gold_hit"], c["direct_pred"], c["direct_pred_hit"]) == (1, 1, 1, 1)
    assert (c["speaker_right"], c["all_exact"]) == (1, 2)
    report = score.report()
    assert "all attributions: span overlap P 0.67 R 1.00 F1 0.80" in report
    assert "quotes in quotation marks: span overlap P 1.00 R 1.00 F1 1.00" in report
    assert "speaker accuracy on matched spans: 0.50 (1/2" in report


def test_gold_without_text_falls_back_to_contains_and_old_lines_stay():
    art = Article(text=TEXT, quotes=[quote("the plan was dead", "indirect", "Doe")])
    score = score_example(art, gold({"source": "Doe", "type": "indirect", "contains": "plan was"}))
    assert score.report().splitlines()[0] == "statements found with the right source: 1/1 (found at all: 1, right type: 1)"
    assert score.overlap["all_gold_hit"] == 1 and score.overlap["unplaced"] == 0


def test_unplaced_gold_span_is_counted_not_fatal():
    art = Article(text=TEXT, quotes=[])
    score = score_example(art, gold({"source": "Doe", "type": "indirect", "contains": "never written"}))
    assert score.overlap["unplaced"] == 1 and score.overlap["all_gold"] == 0


def test_eval_en_gold_spans_are_all_in_their_articles():
    data = json.loads((EVAL_EN / "expected.json").read_text(encoding="utf-8"))
    assert len(data) >= 30
    assert sum(1 for g in data.values() if g["part"] == "held-out") >= 10
    for name, g in data.items():
        text = (EVAL_EN / name).read_text(encoding="utf-8")
        for q in g["quotes"]:
            assert q["contains"] in q["text"] and q["text"] in text, (name, q["text"])
            assert q["source"] in {s["name"] for s in g["sources"]}, (name, q["source"])


def test_english_evaluation_scores_by_part():
    data = json.loads((EVAL_EN / "expected.json").read_text(encoding="utf-8"))
    total = score_directory(EVAL_EN, data, lambda p: process_path(p)[0])
    assert set(total.parts) == {"tune", "held-out"}
    c = total.overlap
    f1 = 2 * c["all_pred_hit"] * c["all_gold_hit"] / (c["all_pred_hit"] * c["all_gold"] + c["all_gold_hit"] * c["all_pred"])
    assert f1 >= 0.9
    assert c["speaker_right"] / c["all_gold_hit"] >= 0.85
    assert total.with_source >= 0.85 * total.statements
