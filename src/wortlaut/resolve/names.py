"""Name keys shared by within-article resolution and cross-article identity."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import fold

# short words left out of an organisation's initials ("Institut für Demoskopie" -> "id")
# and out of comparisons of roles and organisation names
FILLER = frozenset({"der", "die", "das", "des", "dem", "den", "für", "fur", "und", "of", "the", "and", "for", "von",
                    "zu", "in", "am", "an"})


@lru_cache(maxsize=16384)  # asked of every earlier organisation at each new mention
def initials(name: str) -> str:
    """"Deutscher Gewerkschaftsbund" -> "dg"; "International Institute for Strategic Studies" -> "iiss"."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in FILLER]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return fold("".join(w[0] for w in words))
