"""The exact HanTa search: HanTa's own tags, lemmas and word analyses, bit for bit."""

import gzip
import json

import pytest
from conftest import CORPUS, DEMO, needs_shared
from HanTa.HanoverTagger import HanoverTagger

from wortlaut.analyse.de import TAGGER_ENV, tag_german
from wortlaut.analyse.de.hanover import WORDS_FILE, ExactHanoverTagger, exact_hanta
from wortlaut.analyse.tokens import tokenize


@pytest.fixture(scope="module")
def demo_sentences() -> list[list[str]]:
    """Every sentence of the German demo articles (the project wrote them; never training text)."""
    out = []
    for path in sorted(DEMO.glob("de-*.txt")):
        doc = tokenize(path.read_text(encoding="utf-8"), "de", tag=False)
        out += [[t.text for t in doc.tokens[a:b]] for a, b in doc.sentences]
    return out


@pytest.fixture(scope="module")
def reference() -> HanoverTagger:
    return HanoverTagger("morphmodel_ger.pgz")


def test_same_tags_and_lemmas_as_hanta_on_the_demo_articles(demo_sentences, reference):
    exact = exact_hanta()  # with the shipped word table, as analysis runs it
    assert sum(map(len, demo_sentences)) > 4000
    for words in demo_sentences:
        assert exact.tag_sent(words, taglevel=1) == reference.tag_sent(words, taglevel=1), words


def test_same_word_analyses_to_the_last_bit(demo_sentences, reference):
    """Tag probabilities of words outside HanTa's lexicon, and morpheme paths under every
    tag they can have: the same floats, so later sums and ties come out the same too."""
    exact = ExactHanoverTagger()  # no word table: every answer searched
    words = sorted({reference.normalize(w) for s in demo_sentences for w in s} - set(reference.cache))
    words += ["bundeskanzlerinnen", "ab", "x", "", "https://example.org/a-b_c?d=1", "Ölpreis-Rückgang"]
    for word in words:
        analyses = reference.analyze_forward(word)
        assert exact.analyze_forward(word) == analyses, word
        for tag, _ in analyses:
            assert exact.analyze_viterbi(word, -tag) == reference.analyze_viterbi(word, -tag), (word, tag)


def test_the_default_tags_with_the_exact_search_and_hanta_on_request(monkeypatch):
    monkeypatch.delenv(TAGGER_ENV, raising=False)
    text = "Die Ministerin sagte am Montag, die Verhandlungen seien gescheitert."
    fast = tokenize(text, "de", tag=False)
    tag_german(fast)
    monkeypatch.setenv(TAGGER_ENV, "hanta")
    own = tokenize(text, "de", tag=False)
    tag_german(own)
    assert [(t.pos, t.lemma) for t in fast.tokens] == [(t.pos, t.lemma) for t in own.tokens]
    assert ("sagte", "VV(FIN)", "sagen") in [(t.text, t.pos, t.lemma) for t in fast.tokens]


@needs_shared(CORPUS / "train")
def test_a_word_table_gives_the_answers_it_was_built_from(tmp_path, reference):
    from wortlaut.training.hanta_words import write_word_table

    src = tmp_path / "corpus"
    src.mkdir()
    for p in sorted((CORPUS / "train").glob("*.json"))[:3]:
        (src / p.name).write_bytes(p.read_bytes())
    counts = write_word_table(src, tmp_path / "model")
    assert counts["analyses"] > 50 and counts["lemmas"] > 30_000  # HanTa's lexicon's pairs too
    table = ExactHanoverTagger(tmp_path / "model" / WORDS_FILE)
    assert table._known_analyses and table._known_lemmas
    for p in sorted(src.glob("*.json")):
        doc = tokenize(json.loads(p.read_text(encoding="utf-8"))["originalText"], "de", tag=False)
        for a, b in doc.sentences:
            words = [t.text for t in doc.tokens[a:b]]
            assert table.tag_sent(words, taglevel=1) == reference.tag_sent(words, taglevel=1), words


def test_a_word_table_of_another_hanta_model_is_ignored(tmp_path):
    path = tmp_path / WORDS_FILE
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump({"hanta_model_sha256": "0" * 64, "analyses": {"haus": [[7, 0.0]]}, "lemmas": {"7": {"haus": "X"}}}, f)
    assert ExactHanoverTagger(path)._known_analyses == {}
