"""The registry: which (language, tagger) components exist, and no language by accident."""

import re
from pathlib import Path

import pytest

from wortlaut import analyse
from wortlaut.analyse import registry
from wortlaut.analyse.de import crf
from wortlaut.analyse.de import rules as de_rules
from wortlaut.analyse.en import rules as en_rules
from wortlaut.analyse.language import ANALYSED
from wortlaut.analyse.tokens import tokenize


def test_components_by_language_and_tagger():
    assert registry.tagger_component("de", "crf") is crf.CRFTagger
    assert registry.tagger_component("de", "rules") is de_rules.attribute
    assert registry.tagger_component("en", "rules") is en_rules.attribute
    assert registry.has_tagger("de", "crf") and not registry.has_tagger("en", "crf")
    assert set(ANALYSED) == set(registry.LANGUAGES) == {"de", "en"}


@pytest.mark.parametrize("language", ["fr", "nl", "", "DE"])
def test_other_languages_are_an_error_not_german(language):
    with pytest.raises(registry.UnsupportedLanguage, match=repr(language)):
        analyse.analyse("„Nous construisons“, a dit Anne Berger.", language)
    with pytest.raises(analyse.UnsupportedLanguage):
        tokenize("Wir bauen.", language, tag=False)
    with pytest.raises(analyse.UnsupportedLanguage):
        analyse.tagger_name(language)


def test_english_uses_rules_even_with_a_model():
    assert analyse.tagger_name("en") == "rules"
    assert analyse.tagger_name("de", use_model=False) == "rules"


def test_analysis_imports_neither_evaluation_nor_training():
    package = Path(registry.__file__).parent
    for module in package.rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        assert not re.search(r"from \.+(evaluate|training)\b|wortlaut\.(evaluate|training)\b", text), module
