"""Near duplicates: syndicated copies of one story under different boilerplate.

An article's signature is a MinHash of its word 5-shingles (over folded text,
so case, accents and spacing do not matter); an LSH index finds earlier
articles whose estimated Jaccard similarity reaches ``THRESHOLD``.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from ..model import fold

NUM_PERM = 128
SHINGLE_WORDS = 5
# Jaccard similarity of 5-shingles, measured on pages built from the demo
# articles (tests/test_ingest_formats.py): syndicated copies under another
# template with an agency line, a new lead or the last paragraph or two cut
# score 0.76 to 0.99; different stories sharing paragraphs, names and numbers
# stay under 0.5, and updates that keep two thirds of a story reach 0.6.
THRESHOLD = 0.7
# LSH bands x rows: S-curve well below THRESHOLD (a pair at 0.7 is a candidate
# with probability 0.9998, at 0.3 with 0.23); candidates are then checked.
BANDS = (32, 4)
_SCHEME = "affine32"  # datasketch's default: 32-bit hash values, stored as uint32


# datasketch draws the permutations anew for every MinHash unless given them.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=_SCHEME).permutations


def signature(text: str) -> LeanMinHash:
    words = re.findall(r"\w+", fold(text))
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash = MinHash(num_perm=NUM_PERM, permutations=_PERMUTATIONS, scheme=_SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return LeanMinHash(minhash)


def to_bytes(minhash: LeanMinHash) -> bytes:
    return minhash.hashvalues.astype(np.uint32).tobytes()


def from_bytes(data: bytes) -> LeanMinHash:
    return LeanMinHash(seed=1, hashvalues=np.frombuffer(data, dtype=np.uint32), scheme=_SCHEME)


class NearDuplicates:
    """The originals seen so far, by signature."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=BANDS)
        self._signatures: dict[str, LeanMinHash] = {}

    def add(self, article_id: str, minhash: LeanMinHash) -> None:
        if article_id not in self._signatures:
            self._lsh.insert(article_id, minhash)
            self._signatures[article_id] = minhash

    def remove(self, article_id: str) -> None:
        if self._signatures.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def original_of(self, minhash: LeanMinHash) -> str | None:
        """The most similar known article at or above the threshold (LSH
        candidates are checked: banding lets some dissimilar ones through)."""
        scored = [(minhash.jaccard(self._signatures[key]), key) for key in self._lsh.query(minhash)]
        best = max((s for s in scored if s[0] >= self.threshold), key=lambda s: (s[0], s[1]), default=None)
        return best[1] if best else None
