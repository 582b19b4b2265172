import json
import re
from pathlib import Path
from typing import Any

import pytest

from wortlaut.evaluate import (
    ROLES,
    CorpusAnnotation,
    CorpusDocument,
    CorpusError,
    iter_documents,
    read_annotations,
    read_document,
    score_directories,
    tokens_in_spans,
    write_prediction,
)

# The corpus sits beside the repository, never inside it.
DEV_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "german-news-quotes" / "dev"

TEXT = "„Das ist gut“, sagte Schulz. Er lachte."


def make_document(name: str = "1 - Test (2005-01-01)", text: str = TEXT) -> dict[str, Any]:
    """A small document in the corpus format, built here so no corpus-like file is kept."""
    tokens = []
    sentences: list[dict[str, Any]] = [{"id": 0, "tokenIds": []}]
    for m in re.finditer(r"\w+|[^\w\s]", text):
        sentences[-1]["tokenIds"].append(len(tokens))
        tokens.append(
            {"id": len(tokens), "text": m.group(), "charBegin": m.start(), "charEnd": m.end(),
             "sentence": len(sentences)}
        )
        if m.group() == "." and m.end() < len(text):
            sentences.append({"id": len(sentences), "tokenIds": []})

    def role(ids: list[int]) -> dict[str, Any]:
        return {"spans": [], "text": "", "tokenIds": ids}

    # Tokens: „ Das ist gut “ , sagte Schulz . Er lachte .
    annotation = {
        "quote": role([1, 2, 3]), "cue": role([6]), "speaker": role([7]),
        "frame": role([6, 7]), "addressee": role([]),
        "type": "Direct", "medium": "Speech", "isNested": False, "hasNested": False, "id": 0,
    }
    return {"documentName": name, "originalText": text, "sentences": sentences,
            "tokens": tokens, "annotations": [annotation]}


def write(path: Path, data: Any, pretty: bool = False) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2 if pretty else None),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("pretty", [False, True])
def test_read_document(tmp_path: Path, pretty: bool) -> None:
    doc = read_document(write(tmp_path / "a.json", make_document(), pretty))
    assert doc.name == "1 - Test (2005-01-01)"
    assert doc.text == TEXT
    assert [t.text for t in doc.tokens[:4]] == ["„", "Das", "ist", "gut"]
    assert all(doc.text[t.start:t.end] == t.text for t in doc.tokens)
    assert doc.sentences == [list(range(9)), [9, 10, 11]]
    ann = doc.annotations[0]
    assert (ann.quote, ann.cue, ann.speaker, ann.addressee) == ([1, 2, 3], [6], [7], [])
    assert (ann.type, ann.medium) == ("Direct", "Speech")
    assert doc.path == tmp_path / "a.json"


def test_unsorted_and_repeated_ids_are_normalised(tmp_path: Path) -> None:
    data = make_document()
    data["annotations"][0]["quote"]["tokenIds"] = [3, 1, 2, 1]
    assert read_document(write(tmp_path / "a.json", data)).annotations[0].quote == [1, 2, 3]


def broken(tmp_path: Path, name: str, change: Any) -> Path:
    data = make_document()
    change(data)
    return write(tmp_path / name, data)


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p.write_bytes(b'{"documentName": "\xff"}'), "not valid UTF-8"),
        (lambda p: p.write_text('{"documentName": ', encoding="utf-8"), "invalid JSON at line 1"),
        (lambda p: p.write_text("[]", encoding="utf-8"), "top level is not a JSON object"),
        (lambda p: broken(p.parent, p.name, lambda d: d.pop("tokens")),
         "missing key 'tokens' in document"),
        (lambda p: broken(p.parent, p.name, lambda d: d["annotations"][0].pop("speaker")),
         "missing key 'speaker' in annotations[0]"),
        (lambda p: broken(p.parent, p.name, lambda d: d.update(originalText=5)),
         "'originalText' in document should be str, got int"),
        (lambda p: broken(p.parent, p.name,
                          lambda d: d["annotations"][0]["cue"].update(tokenIds=["6"])),
         "annotations[0].cue.tokenIds should be a list of integers"),
        (lambda p: broken(p.parent, p.name, lambda d: d["tokens"][-1].update(charEnd=999)),
         "tokens[11] offsets 38-999 outside text of length 39"),
        (lambda p: broken(p.parent, p.name,
                          lambda d: d["annotations"][0]["quote"].update(tokenIds=[1, 50])),
         "annotations[0].quote refers to unknown token 50"),
    ],
)
def test_malformed_file_raises_clear_error(tmp_path: Path, setup: Any, message: str) -> None:
    path = tmp_path / "bad.json"
    setup(path)
    with pytest.raises(CorpusError) as info:
        read_document(path)
    assert info.value.path == path
    assert message in str(info.value)
    assert str(info.value).startswith(str(path))
    assert "\n" not in str(info.value)


def test_missing_file_is_a_corpus_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="cannot read file"):
        read_document(tmp_path / "nope.json")


def test_iter_documents_reports_and_continues(tmp_path: Path) -> None:
    write(tmp_path / "a.json", make_document("A"))
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    write(tmp_path / "c.json", make_document("C"), pretty=True)
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    items = list(iter_documents(tmp_path))
    assert [type(i) for i in items] == [CorpusDocument, CorpusError, CorpusDocument]
    assert [items[0].name, items[2].name] == ["A", "C"]
    assert items[1].path.name == "b.json"


def test_tokens_in_spans(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "a.json", make_document()))
    start = TEXT.index("Das")
    end = TEXT.index("gut") + 3
    assert tokens_in_spans(doc, [(start, end)]) == [1, 2, 3]
    # Half of "Das" is enough, less than half of "gut" is not.
    assert tokens_in_spans(doc, [(start + 1, end - 2)]) == [1, 2]
    # Covering only the space before a token adds nothing.
    schulz = TEXT.index("Schulz")
    assert tokens_in_spans(doc, [(schulz - 1, schulz)]) == []
    # Several spans, e.g. an interrupted quote.
    assert tokens_in_spans(doc, [(start, start + 3), (schulz, schulz + 6)]) == [1, 7]
    assert tokens_in_spans(doc, []) == []


def test_write_prediction_round_trip(tmp_path: Path) -> None:
    name = "42 - Streit um A/B-Test (2006-03-01)"
    anns = [
        CorpusAnnotation([3, 1, 2], [6], [7], [6, 7], [], "Direct", "Speech"),
        CorpusAnnotation([9, 10], [], [9], [], [], "Reported", "Writing"),
    ]
    out = tmp_path / "pred"
    path = write_prediction(name, anns, out)
    assert path == out / "42 - Streit um A_B-Test (2006-03-01).json"
    assert sorted(p.name for p in out.iterdir()) == [path.name]  # no temp file left
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert set(raw["annotations"][0]) == {*ROLES, "type", "medium"}
    assert "A/B" in path.read_text(encoding="utf-8")
    read_name, read_anns = read_annotations(path)
    assert read_name == name
    assert read_anns[0].quote == [1, 2, 3]
    assert read_anns[1] == anns[1]
    # Overwriting replaces the whole file.
    write_prediction(name, anns[:1], out)
    assert len(read_annotations(path)[1]) == 1


def test_prediction_may_omit_optional_roles(tmp_path: Path) -> None:
    path = write(tmp_path / "p.json",
                 {"documentName": "X", "annotations": [{"quote": {"tokenIds": [2, 1]}}]})
    name, anns = read_annotations(path)
    assert name == "X"
    assert anns == [CorpusAnnotation([1, 2], [], [], [], [], "", "")]
    no_quote = {"documentName": "X", "annotations": [{"cue": {"tokenIds": []}}]}
    path = write(tmp_path / "q.json", no_quote)
    with pytest.raises(CorpusError, match="missing key 'quote'"):
        read_annotations(path)


def test_score_directories_reports_bad_and_missing(tmp_path: Path) -> None:
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir()
    write(gold / "A.json", make_document("A"))
    write(gold / "B.json", make_document("B"))
    (gold / "C.json").write_text("{", encoding="utf-8")
    a = read_document(gold / "A.json")
    write_prediction("A", a.annotations, pred)
    write_prediction("Z", a.annotations, pred)  # no such gold document
    (pred / "broken.json").write_text("[1]", encoding="utf-8")
    summary, errors = score_directories(gold, pred)
    assert sorted(e.path.name for e in errors) == ["C.json", "Z.json", "broken.json"]
    # A perfect, B missed entirely, C and Z not scored.
    assert summary["documents"] == 2
    assert summary["quote"]["tp"] == 3 and summary["quote"]["fn"] == 3
    assert summary["quote"]["precision"] == 1.0 and summary["quote"]["recall"] == 0.5


def test_real_dev_split_scores_perfectly_against_itself(tmp_path: Path) -> None:
    if not DEV_DIR.is_dir():
        pytest.skip("../shared/data/german-news-quotes not present (fresh clone)")
    for item in iter_documents(DEV_DIR):
        assert not isinstance(item, CorpusError), str(item)
        write_prediction(item.name, item.annotations, tmp_path)
    summary, errors = score_directories(DEV_DIR, tmp_path)
    assert errors == []
    assert summary["documents"] == 150
    assert summary["gold_quotes"] == summary["aligned"] == 653
    for key in (*ROLES, "joint"):
        assert summary[key]["f1"] == 1.0, key
    assert summary["type_accuracy"] == summary["medium_accuracy"] == 1.0
