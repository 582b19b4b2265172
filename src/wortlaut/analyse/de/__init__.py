"""German specifics: STTS part-of-speech tags and lemmas, sentence by sentence.

Two taggers give the same tag set: HanTa, and the perceptron in
``models/de-tagger`` that learnt HanTa's tags (8× faster than HanTa's own code
with cold caches; it agrees with HanTa on 97.4 % of tokens). HanTa's tags come
from ``hanover.ExactHanoverTagger``, which runs HanTa's searches faster to the
same tags and lemmas. The attribution CRF and resolution read these tags, so
analysis uses the tagger the attribution model was trained on (``pos_tagger``
in its training.json; HanTa when it says nothing), unless ``WORTLAUT_TAGGER``
says otherwise: ``hanta`` (HanTa's own code, the reference), ``perceptron``, or
a directory holding another trained perceptron. ``WORTLAUT_TAGGER_MARGIN=<m>``
hands every sentence where the perceptron's best tag for some token leads by no
more than ``m`` to HanTa (agreement 99.1 % at 6, 99.7 % at 12, at a cost in speed).
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from .hanover import exact_hanta
from .tagger import hanta, load, shipped_dir

TAGGER_ENV = "WORTLAUT_TAGGER"
MARGIN_ENV = "WORTLAUT_TAGGER_MARGIN"


def tagger_choice() -> str:
    """"perceptron" or "hanta": which tagger ``tag_german`` uses now."""
    return "hanta" if _perceptron() is None else "perceptron"


@lru_cache(maxsize=4)
def _trained_with(model_dir: str) -> str:
    """The POS tagger the attribution model in ``model_dir`` was trained on."""
    try:
        info = json.loads((Path(model_dir) / "training.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "hanta"
    return info.get("pos_tagger", "hanta") if isinstance(info, dict) else "hanta"


def _perceptron():
    choice = os.environ.get(TAGGER_ENV, "")
    if not choice:
        from .. import model_dir

        choice = _trained_with(str(model_dir()))
    if choice == "hanta":
        return None
    return load(str(shipped_dir()) if choice == "perceptron" else choice)


def tag_german(doc) -> None:
    """Fill ``pos`` (STTS tag, e.g. VVFIN, NE, PPER) and ``lemma`` for every token."""
    fast = _perceptron()
    if fast is None:
        # HanTa's own code only on request: the exact search gives the same tags, faster
        _tag_hanta(doc, hanta() if os.environ.get(TAGGER_ENV) == "hanta" else exact_hanta())
        return
    sure_above = float(os.environ.get(MARGIN_ENV) or "-inf")
    teacher = None
    for a, b in doc.sentences:
        toks = doc.tokens[a:b]
        words = [t.text for t in toks]
        tagged = fast.tag(words, sure_above)
        if tagged is None:
            teacher = teacher or exact_hanta()
            tagged = [(pos, lemma) for _, lemma, pos in teacher.tag_sent(words, taglevel=1)]
        for t, (pos, lemma) in zip(toks, tagged):
            t.pos, t.lemma = pos, lemma


def _tag_hanta(doc, tagger) -> None:
    for a, b in doc.sentences:
        words = [t.text for t in doc.tokens[a:b]]
        for t, (_, lemma, pos) in zip(doc.tokens[a:b], tagger.tag_sent(words, taglevel=1)):
            t.pos, t.lemma = pos, lemma
