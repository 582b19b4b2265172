"""Corpus token ids onto wortlaut's own tokens, for labels learnt from the corpus."""

from __future__ import annotations

from ..analyse.tokens import Doc
from ..corpus import CorpusDocument


def project(doc: CorpusDocument, ours: Doc, token_ids: list[int]) -> list[int]:
    """Corpus token ids -> indices of our tokens that overlap them."""
    by_id = {t.id: t for t in doc.tokens}
    out: set[int] = set()
    for tid in token_ids:
        t = by_id[tid]
        k = ours.token_at(t.start)
        while k is not None and k < len(ours.tokens) and ours.tokens[k].start < t.end:
            out.add(k)
            k += 1
    return sorted(out)
