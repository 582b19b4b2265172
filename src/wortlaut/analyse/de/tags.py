"""Reading the STTS tags the German taggers give."""

from __future__ import annotations

from ..tokens import Doc


def stts(pos: str) -> str:
    """The plain STTS tag: the tagger may write "VV(FIN)" for "VVFIN"."""
    return pos.replace("(", "").replace(")", "")


def finite_verb(doc: Doc, k: int) -> bool:
    return "FIN" in doc.tokens[k].pos
