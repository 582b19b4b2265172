"""Training: gold labels projected onto our tokens, and a model directory that loads."""

import json

from conftest import run_cli
from test_corpus import TEXT, make_document, write

from wortlaut.analyse.de.crf import CRFTagger
from wortlaut.analyse.de.features import FEATURES_VERSION
from wortlaut.analyse.tokens import tokenize
from wortlaut.corpus import read_document
from wortlaut.training import gold_labels, learn_cue_lemmas, project, train


def test_corpus_tokens_are_projected_onto_ours_as_bio_labels(tmp_path):
    doc = read_document(write(tmp_path / "a.json", make_document()))
    ours = tokenize(doc.text)
    assert project(doc, ours, [1, 2, 3]) == [1, 2, 3]
    qlabels, rlabels = gold_labels(doc, ours)
    assert qlabels[:5] == ["O", "B-D", "I-D", "I-D", "O"]
    assert rlabels[5:9] == ["O", "B-C", "B-S", "O"]
    assert learn_cue_lemmas([(ours, rlabels)] * 2) == ["sagen"]


def test_trained_model_records_its_features_version_and_loads(tmp_path):
    corpus = tmp_path / "train"
    corpus.mkdir()
    for k in range(3):
        write(corpus / f"{k}.json", make_document(f"{k} - Test (2005-01-01)"))
    info = train(corpus, tmp_path / "model", max_iterations=5)
    assert info["features_version"] == FEATURES_VERSION and info["documents"] == 3 and not info["errors"]
    assert json.loads((tmp_path / "model" / "training.json").read_text())["features_version"] == FEATURES_VERSION
    assert CRFTagger.unusable(tmp_path / "model") is None
    tagger = CRFTagger(tmp_path / "model")
    assert tagger.sentence_tagger is not None  # the sentence layer is trained with the token layers
    assert isinstance(tagger(tokenize(TEXT)), list)


def test_train_command(tmp_path):
    (tmp_path / "train").mkdir()
    write(tmp_path / "train" / "0.json", make_document())
    done = run_cli("train", "--train", str(tmp_path / "train"), "--out", str(tmp_path / "model"), "--iterations", "3")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["documents"] == 1
    assert CRFTagger.unusable(tmp_path / "model") is None
