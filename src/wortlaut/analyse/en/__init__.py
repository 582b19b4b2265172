"""English specifics."""

from __future__ import annotations


def tag_english(doc) -> None:
    for t in doc.tokens:
        t.lemma = t.text.lower()
