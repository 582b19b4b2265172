"""`wortlaut evaluate german-news` end to end, on hand-made corpus files and on dev."""

import json
from pathlib import Path

from conftest import CORPUS, needs_shared, run_cli

TEXT = "Der Minister sagte, die Lage sei ernst. „Wir handeln jetzt“, sagte er."
WORDS = ["Der", "Minister", "sagte", ",", "die", "Lage", "sei", "ernst", ".", "„", "Wir", "handeln", "jetzt", "“", ",", "sagte", "er", "."]


def _document(name: str) -> dict:
    tokens, pos = [], 0
    for i, w in enumerate(WORDS):
        start = TEXT.index(w, pos)
        pos = start + len(w)
        tokens.append({"id": i, "text": w, "charBegin": start, "charEnd": pos, "sentence": 1 if i < 9 else 2, "word": i})
    sentences = [
        {"id": 0, "tokenIds": list(range(9)), "charBegin": 0, "charEnd": 39},
        {"id": 1, "tokenIds": list(range(9, 18)), "charBegin": 40, "charEnd": len(TEXT)},
    ]

    def role(ids):
        return {"spans": [], "text": "", "tokenIds": ids}

    annotations = [
        {"quote": role([4, 5, 6, 7]), "cue": role([2]), "speaker": role([0, 1]), "frame": role([0, 1, 2, 3]),
         "addressee": role([]), "type": "Indirect", "medium": "Speech", "isNested": False, "hasNested": False, "id": 0},
        {"quote": role(list(range(9, 14))), "cue": role([15]), "speaker": role([16]), "frame": role([14, 15, 16]),
         "addressee": role([]), "type": "Direct", "medium": "Speech", "isNested": False, "hasNested": False, "id": 1},
    ]
    return {"documentName": name, "originalText": TEXT, "sentences": sentences, "tokens": tokens, "annotations": annotations}


def test_predictions_are_written_and_scored_and_bad_files_reported(tmp_path: Path):
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in ("doc one", "doc two"):
        (gold / f"{name}.json").write_text(json.dumps(_document(name), ensure_ascii=False), encoding="utf-8")
    (gold / "broken.json").write_text('{"documentName": "broken", "originalText": ', encoding="utf-8")
    out = tmp_path / "pred"
    r = run_cli("evaluate", "german-news", "--gold", str(gold), "--out", str(out), "--format", "json")
    assert r.returncode == 1
    assert "broken.json" in r.stderr and "invalid JSON" in r.stderr
    summary = json.loads(r.stdout)
    assert summary["gold_quotes"] == 4 and summary["documents"] == 2
    assert summary["quote"]["f1"] > 0.8 and summary["joint"]["f1"] > 0.6
    preds = sorted(p.name for p in out.glob("*.json"))
    assert preds == ["doc one.json", "doc two.json"]
    written = json.loads((out / "doc one.json").read_text(encoding="utf-8"))
    assert written["documentName"] == "doc one"
    first = written["annotations"][0]
    assert set(first) == {"quote", "cue", "speaker", "frame", "addressee", "type", "medium"}
    assert first["quote"]["tokenIds"] == [4, 5, 6, 7] and first["cue"]["tokenIds"] == [2]


@needs_shared(CORPUS / "dev")
def test_shipped_model_reaches_joint_f1_60_on_dev(tmp_path: Path):
    r = run_cli("evaluate", "german-news", "--gold", str(CORPUS / "dev"), "--out", str(tmp_path), "--format", "json")
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert summary["tagger"] == "crf"
    assert summary["joint"]["f1"] >= 0.60, summary["joint"]
    assert len(list(tmp_path.glob("*.json"))) == 150


def test_a_lowercase_quoted_phrase_after_an_article_is_nested_not_a_title():
    from wortlaut.analyse.attribution import Attribution
    from wortlaut.analyse.de import tag_german
    from wortlaut.analyse.tokens import tokenize
    from wortlaut.evaluate.german_news import with_nested

    doc = tokenize("Sie sagte , die Wahl sei ein „ großer Schritt “ für die Zeitung „ Die Welt “ .")
    tag_german(doc)
    host = Attribution([(3, len(doc.tokens) - 1)], "indirect", [(1, 2)], (0, 1))
    nested = [doc.span_text(*att.quote[0]) for att in with_nested(doc, [host])[1:]]
    assert nested == ["„ großer Schritt “"]
