"""Where an indirect statement ends: the corpus's conventions, whichever step found it.

An indirect statement is the reported clause alone: never its final stop, and
never its own cue or speaker ("Lorenzen spekuliert in seinen Aussagen, [die
Motivation … seien …]", "[Der Prozess könne … dauern], wird vermutet."). The
taggers sometimes take the whole sentence; this cuts the frame out again, at the
comma that separates it from the reported clause.
"""

from __future__ import annotations

from ..attribution import Attribution, Range
from ..tokens import Doc
from .prepositional import FINAL, MIN_QUOTE
from .tags import finite_verb

CLAUSE_KINDS = ("indirect", "mixed")


def _ranges(tokens: list[int]) -> list[Range]:
    out: list[Range] = []
    for k in tokens:
        if out and out[-1][1] == k:
            out[-1] = (out[-1][0], k + 1)
        else:
            out.append((k, k + 1))
    return out


def _clause(doc: Doc, tokens: list[int]) -> bool:
    return len(tokens) >= MIN_QUOTE and any(finite_verb(doc, k) for k in tokens)


def _beside_frame(doc: Doc, quote: list[int], frame: set[int]) -> list[int] | None:
    """The quote tokens before the comma ahead of the frame and after the comma
    behind it (up to the frame itself where no comma parts them), or None when
    neither side is a clause."""
    lo, hi = min(frame), max(frame) + 1
    before = [k for k in quote if k < lo]
    after = [k for k in quote if k >= hi]
    commas = [i for i, k in enumerate(before) if doc.tokens[k].text == ","]
    if commas:
        before = before[: commas[-1]]
    commas = [i for i, k in enumerate(after) if doc.tokens[k].text == ","]
    if commas and commas[0] < len(after) - 1:
        after = after[commas[0] + 1 :]
    kept = [side for side in (before, after) if _clause(doc, side)]
    return sorted(k for side in kept for k in side) if kept else None


def _trimmed(doc: Doc, att: Attribution) -> None:
    quote = sorted(att.quote_tokens())
    roles = [*att.cue, *([att.speaker] if att.speaker else [])]
    frame = {k for a, b in roles for k in range(a, b)} & set(quote)
    if frame:
        quote = _beside_frame(doc, quote, frame) or quote
    while len(quote) > 1 and doc.tokens[quote[-1]].text in FINAL:
        quote.pop()
    att.quote = _ranges(quote)


def indirect_boundaries(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    for att in atts:
        if att.kind in CLAUSE_KINDS:
            _trimmed(doc, att)
    return atts
