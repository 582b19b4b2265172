"""Trained models, shipped as package data of ``wortlaut.models``: ``de-attribution``
holds the German attribution CRFs (see its MODEL_CARD.md)."""
