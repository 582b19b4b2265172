"""German specifics: STTS part-of-speech tags and lemmas from HanTa, sentence by sentence."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _hanta():
    from HanTa import HanoverTagger

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    # HanTa analyses every occurrence of a word afresh; news repeats its words, so
    # memoising the two per-word analyses more than doubles tagging speed
    tagger._analyze = lru_cache(maxsize=200_000)(tagger._analyze)
    tagger.analyze_forward = lru_cache(maxsize=200_000)(tagger.analyze_forward)
    return tagger


def tag_german(doc) -> None:
    """Fill ``pos`` (STTS tag, e.g. VVFIN, NE, PPER) and ``lemma`` for every token."""
    tagger = _hanta()
    for a, b in doc.sentences:
        words = [t.text for t in doc.tokens[a:b]]
        for t, (_, lemma, pos) in zip(doc.tokens[a:b], tagger.tag_sent(words, taglevel=1)):
            t.pos, t.lemma = pos, lemma
