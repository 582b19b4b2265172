"""Tokens, quotation marks, rules and the model fallback, on our own snippets."""

import logging

from wortlaut import analyse
from wortlaut.analyse.de.rules import attribute
from wortlaut.analyse.quotes import find_mark_spans
from wortlaut.analyse.tokens import tokenize


def _quotes(text: str):
    doc = tokenize(text)
    return [(a.kind, doc.span_text(*a.quote[0]), [doc.span_text(*c) for c in a.cue], doc.span_text(*a.speaker) if a.speaker else None)
            for a in attribute(doc)]


def test_sentences_keep_closing_marks_and_split_before_opening_ones():
    doc = tokenize("„Wir bauen.“, sagte sie. „Morgen.“ Dr. Roth kam am 5. Mai.")
    sents = [doc.span_text(a, b) for a, b in doc.sentences]
    assert sents == ["„Wir bauen.“, sagte sie.", "„Morgen.“", "Dr. Roth kam am 5. Mai."]


def test_marks_pair_with_nesting_and_recover_a_lost_opener():
    doc = tokenize("Er sagte: „Das ist ‚neu‘ für uns.“ Sie meinte, das sei gut“, sagte sie.")
    spans = [(doc.span_text(*m.inner), m.depth, m.recovered) for m in find_mark_spans(doc)]
    assert ("Das ist ‚neu‘ für uns.", 0, False) in spans
    assert ("neu", 1, False) in spans
    assert any(r for _, _, r in spans)


def test_direct_indirect_and_colon_quotes():
    got = _quotes("„Der Hafen wächst“, sagte Anna Berger. Berger sagte, die Stadt habe kein Geld. Sie fügte hinzu: „Wir warten.“")
    assert ("direct", "„Der Hafen wächst“", ["sagte"], "Anna Berger") in got
    assert ("indirect", "die Stadt habe kein Geld", ["sagte"], "Berger") in got
    assert ("direct", "„Wir warten.“", ["fügte", "hinzu"], "Sie") in got


def test_prepositional_cues_and_quoted_titles():
    got = _quotes("Laut einem Bericht des Umweltbundesamtes ist die Elbe zu warm. Sie schrieb im Magazin „Meer und Küste“ darüber.")
    assert got[0][0] == "indirect" and got[0][1] == "ist die Elbe zu warm" and got[0][3] == "einem Bericht des Umweltbundesamtes"
    assert all(q.strip("„“") != "Meer und Küste" for _, q, _, _ in got)


def test_without_model_files_the_rules_run_and_say_so(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv(analyse.MODEL_ENV, str(tmp_path / "missing"))
    with caplog.at_level(logging.WARNING):
        doc, atts = analyse.analyse("„Wir bauen“, sagte Anna Berger.", "de")
    assert analyse.tagger_name("de") == "rules"
    assert "falling back to rules" in caplog.text
    assert len(atts) == 1
