"""The German perceptron tagger: HanTa's tags and lemmas, from models/de-tagger."""

import json

import pytest
from conftest import CORPUS, DEMO, needs_shared

from wortlaut.analyse.de import TAGGER_ENV, tag_german, tagger_choice
from wortlaut.analyse.de.tagger import (
    apply_rewrite,
    hanta,
    lemma_rewrite,
    load,
    shipped_dir,
    token_features,
)
from wortlaut.analyse.tokens import tokenize

shipped = pytest.mark.skipif(load(str(shipped_dir())) is None, reason="models/de-tagger not trained (make train-tagger)")


@shipped
def test_tags_and_lemmas_of_a_plain_sentence(monkeypatch):
    monkeypatch.setenv(TAGGER_ENV, "perceptron")
    assert tagger_choice() == "perceptron"
    doc = tokenize("Die Regierung sagte am Montag, sie habe die Häuser gekauft.", "de")
    got = [(t.text, t.pos, t.lemma) for t in doc.tokens]
    assert got[0] == ("Die", "ART", "der")
    assert got[1] == ("Regierung", "NN", "Regierung")
    assert got[2] == ("sagte", "VV(FIN)", "sagen")
    assert ("habe", "VA(FIN)", "haben") in got
    assert ("Häuser", "NN", "Haus") in got
    assert ("gekauft", "VV(PP)", "kaufen") in got
    assert got[-1][1] == "$."


@shipped
def test_agrees_with_hanta_on_the_demo_articles():
    """The demo articles were never training text: agreement there is agreement on new text."""
    teacher, fast = hanta(), load(str(shipped_dir()))
    same_tag = same_lemma = n = 0
    for path in sorted(DEMO.glob("de-*.txt")):
        doc = tokenize(path.read_text(encoding="utf-8"), "de", tag=False)
        for a, b in doc.sentences:
            words = [t.text for t in doc.tokens[a:b]]
            for (_, lemma, pos), (fpos, flemma) in zip(teacher.tag_sent(words, taglevel=1), fast.tag(words)):
                same_tag += pos == fpos
                same_lemma += lemma == flemma
                n += 1
    assert n > 2000
    assert same_tag / n > 0.95
    assert same_lemma / n > 0.97


def test_hanta_on_request(monkeypatch):
    monkeypatch.setenv(TAGGER_ENV, "hanta")
    assert tagger_choice() == "hanta"
    doc = tokenize("Er sagte nichts.", "de", tag=False)
    tag_german(doc)
    assert [t.pos for t in doc.tokens] == ["PPER", "VV(FIN)", "PIS", "$."]
    assert doc.tokens[1].lemma == "sagen"


@shipped
def test_analysis_tags_with_what_the_attribution_model_was_trained_on(monkeypatch, tmp_path):
    monkeypatch.delenv(TAGGER_ENV, raising=False)
    monkeypatch.setenv("WORTLAUT_MODEL", str(tmp_path))
    (tmp_path / "training.json").write_text(json.dumps({"features_version": 1}))
    assert tagger_choice() == "hanta"  # trained before there was a choice
    other = tmp_path / "newer"
    other.mkdir()
    (other / "training.json").write_text(json.dumps({"pos_tagger": "perceptron"}))
    monkeypatch.setenv("WORTLAUT_MODEL", str(other))
    assert tagger_choice() == "perceptron"


def test_a_missing_model_directory_means_hanta(monkeypatch, tmp_path):
    monkeypatch.setenv(TAGGER_ENV, str(tmp_path))
    assert tagger_choice() == "hanta"


def test_lemma_rewrites_carry_over_to_words_with_the_same_ending():
    assert apply_rewrite("Ministerinnen", lemma_rewrite("sprecherinnen", "Sprecherin")) == "Ministerin"
    assert apply_rewrite("verkauften", lemma_rewrite("kauften", "kaufen")) == "verkaufen"
    assert apply_rewrite("Stadt", lemma_rewrite("usa", "USA")) == "Stadt"  # no rule from an odd casing


def test_features_see_the_word_its_neighbours_and_the_sentence_start():
    feats = token_features(["Merkel", "sagte", "."], 0)
    assert "w=Merkel" in feats and "nl=sagte" in feats and "F" in feats and "pl=<s>" in feats
    assert "F" not in token_features(["Merkel", "sagte", "."], 1)


@needs_shared(CORPUS / "train")
def test_training_writes_a_model_that_loads_and_tags(tmp_path):
    from wortlaut.training.tagger import train_tagger

    src = tmp_path / "corpus"
    src.mkdir()
    for p in sorted((CORPUS / "train").glob("*.json"))[:6]:
        (src / p.name).write_bytes(p.read_bytes())
    summary = train_tagger(src, tmp_path / "model", iterations=2)
    assert summary["train_tokens"] > 500
    assert json.loads((tmp_path / "model" / "training.json").read_text())["iterations"] == 2
    tagger = load(str(tmp_path / "model"))
    tags = [t for t, _ in tagger.tag(["Der", "Minister", "sagte", "."])]
    assert tags[0] == "ART" and tags[-1] == "$."
