"""Near duplicates: syndicated copies of one story under different boilerplate.

An article's signature is a MinHash of its word 5-shingles (over folded text,
so case, accents and spacing do not matter); an LSH index finds earlier
articles whose estimated Jaccard similarity reaches ``THRESHOLD``.

Similar is not the same: templated short stories ("Meldung 2 … Petra Test2",
"Meldung 4 … Petra Test4") share most shingles and still quote other people.
``says_more`` compares a candidate copy with its original word by word, so a
copy is linked only when it quotes and names no one its original does not.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from itertools import pairwise

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from ..lexicon.first_names import ALL as FIRST_NAMES
from ..lexicon.marks import MARKS
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


# Beyond this many tokens (a long read, not a news story: 0.25 s to diff) a
# copy is compared by its quoted spans and names as sets, since difflib's
# matching is quadratic in the worst case.
DIFF_WORDS = 5_000
SUBSTITUTION_WORDS = 4
_TOKEN = re.compile(r"\w+|[^\w\s]")
_QUOTED = re.compile(r"[„“”\"»«‚‘]([^„“”\"»«‚‘]{3,}?)[“”\"«»‘’]")


def says_more(original: str, copy: str) -> bool:
    """Whether ``copy`` carries a statement ``original`` does not: a quoted
    span the original lacks, a quotation mark in text it adds or changes, a word it substitutes for a name, place
    or number ("Test2" -> "Test4", "Berlin" -> "Hamburg"), or a person's name
    (a known first name and a capitalised word) in text it adds. Cut
    paragraphs, an agency line or a new lead without quotes say nothing more."""
    if not _quoted(copy) <= _quoted(original):
        return True
    a, b = _TOKEN.findall(original), _TOKEN.findall(copy)
    if len(a) > DIFF_WORDS or len(b) > DIFF_WORDS:
        return not _names(b) <= _names(a)
    known_names = _names(a)
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op not in ("replace", "insert"):
            continue
        added = b[j1:j2]
        if any(t in MARKS for t in added):
            return True
        # a few words for a few words is a substitution; longer, a cut and an addition
        substituted = op == "replace" and max(i2 - i1, j2 - j1) <= SUBSTITUTION_WORDS
        if substituted and any(t[0].isupper() or t[0].isdigit() for t in added if t[0].isalnum()):
            return True
        if _names(b[max(0, j1 - 1):j2 + 1]) - known_names:
            return True
    return False


def _quoted(text: str) -> set[str]:
    return {" ".join(fold(m.group(1)).split()) for m in _QUOTED.finditer(text)}


def _names(tokens: list[str]) -> set[str]:
    """Person names: a known first name followed by a capitalised word."""
    return {f"{t} {u}" for t, u in pairwise(tokens)
            if t[:1].isupper() and t.lower() in FIRST_NAMES and u[:1].isupper() and u[:1].isalpha()}
