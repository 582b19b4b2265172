"""Trained models, shipped as package data of ``wortlaut.models``: ``de-attribution``
holds the German attribution CRFs, ``de-tagger`` the German part-of-speech and
lemma tagger (see each one's MODEL_CARD.md)."""
