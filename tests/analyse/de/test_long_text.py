"""A long text is tagged in pieces of whole paragraphs and still yields every article's quotes."""

import pytest
from conftest import DEMO

from wortlaut.analyse import analyse, model_dir
from wortlaut.analyse.de import crf


def _quotes(doc, atts):
    return [" ".join(doc.span_text(*q) for q in a.quote) for a in atts]


def test_pieces_find_what_the_whole_article_finds(monkeypatch):
    if crf.CRFTagger.unusable(model_dir()) is not None:
        pytest.skip("no usable attribution model")
    article = (DEMO / "de-gericht.txt").read_text(encoding="utf-8").strip()
    doc, atts = analyse(article, "de")
    single = _quotes(doc, atts)
    assert single
    monkeypatch.setattr(crf, "PIECE_TOKENS", len(doc.tokens) // 2)
    copies = 6
    long_doc, long_atts = analyse("\n".join([article] * copies), "de")
    pieces = crf._pieces(long_doc, crf.rule_attribute(long_doc))
    assert len(pieces) > 2
    assert sum(len(p.tokens) for p, _ in pieces) == len(long_doc.tokens)
    assert all(p.sentences[0][0] == 0 and p.sentences[-1][1] == len(p.tokens) for p, _ in pieces)
    found = _quotes(long_doc, long_atts)
    for q in set(single):
        assert found.count(q) >= copies - 2, q
