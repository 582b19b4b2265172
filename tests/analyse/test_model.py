"""Locating the German model, and refusing one trained on other features."""

import json
import logging
import shutil

from wortlaut import analyse
from wortlaut.analyse.de.crf import CRFTagger, trained_features_version
from wortlaut.analyse.de.features import FEATURES_VERSION


def test_the_shipped_model_is_current_and_runs_as_crf(monkeypatch):
    monkeypatch.delenv(analyse.MODEL_ENV, raising=False)
    shipped = analyse.shipped_model_dir()
    assert analyse.model_dir() == shipped and shipped.name == "de-attribution"
    assert trained_features_version(shipped) == FEATURES_VERSION
    assert CRFTagger.unusable(shipped) is None
    assert analyse.tagger_name("de") == "crf"


def test_a_model_of_another_features_version_falls_back_to_rules(tmp_path, monkeypatch, caplog):
    model = tmp_path / "old"
    shutil.copytree(analyse.shipped_model_dir(), model)
    info = json.loads((model / "training.json").read_text())
    (model / "training.json").write_text(json.dumps({**info, "features_version": FEATURES_VERSION - 1}))
    monkeypatch.setenv(analyse.MODEL_ENV, str(model))
    with caplog.at_level(logging.WARNING):
        assert analyse.tagger_name("de") == "rules"
    assert f"features version {FEATURES_VERSION - 1}" in caplog.text and "falling back to rules" in caplog.text


def test_a_model_without_a_recorded_version_is_not_used(tmp_path):
    model = tmp_path / "unversioned"
    shutil.copytree(analyse.shipped_model_dir(), model)
    info = json.loads((model / "training.json").read_text())
    del info["features_version"]
    (model / "training.json").write_text(json.dumps(info))
    assert "features version None" in CRFTagger.unusable(model)
