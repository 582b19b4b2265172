"""German specifics: STTS part-of-speech tags and lemmas, sentence by sentence.

The perceptron in ``models/de-tagger`` gives HanTa's tags and lemmas many times
faster than HanTa; without that model (or with ``WORTLAUT_TAGGER=hanta``) HanTa
itself tags. ``WORTLAUT_TAGGER=<dir>`` picks another trained tagger directory.
"""

from __future__ import annotations

import os

from .tagger import hanta, load, shipped_dir

TAGGER_ENV = "WORTLAUT_TAGGER"


def tagger_choice() -> str:
    """"perceptron" or "hanta": which tagger ``tag_german`` uses."""
    return "hanta" if _perceptron() is None else "perceptron"


def _perceptron():
    choice = os.environ.get(TAGGER_ENV, "")
    if choice == "hanta":
        return None
    return load(choice or str(shipped_dir()))


def tag_german(doc) -> None:
    """Fill ``pos`` (STTS tag, e.g. VVFIN, NE, PPER) and ``lemma`` for every token."""
    fast = _perceptron()
    if fast is None:
        _tag_hanta(doc)
        return
    for a, b in doc.sentences:
        toks = doc.tokens[a:b]
        for t, (pos, lemma) in zip(toks, fast.tag([t.text for t in toks])):
            t.pos, t.lemma = pos, lemma


def _tag_hanta(doc) -> None:
    tagger = hanta()
    for a, b in doc.sentences:
        words = [t.text for t in doc.tokens[a:b]]
        for t, (_, lemma, pos) in zip(doc.tokens[a:b], tagger.tag_sent(words, taglevel=1)):
            t.pos, t.lemma = pos, lemma
