"""Quotation-mark spans: pairing „…“ "…" »…« «…» ‚…‘ with nesting and recovery.

Marks are paired on tokens. An unbalanced mark is recovered, not fatal: an
opener left open at a paragraph break closes there, and a closer with no
opener starts its span after the previous closed span in the same paragraph
(machine translation often drops the opening mark of a second sentence).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon.marks import CLOSE_ONLY, MARKS, PAIRS
from .tokens import Doc



@dataclass
class MarkSpan:
    """Tokens [start, end) including the marks; a recovered span lacks one of its marks."""

    start: int
    end: int
    depth: int
    has_open: bool = True
    has_close: bool = True

    @property
    def recovered(self) -> bool:
        return not (self.has_open and self.has_close)

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + self.has_open, self.end - self.has_close

    @property
    def outer(self) -> tuple[int, int]:
        return self.start, self.end


def _paragraph_end(doc: Doc, k: int) -> bool:
    return "\n" in doc.tokens[k].space_after


def find_mark_spans(doc: Doc) -> list[MarkSpan]:
    """All quotation-mark spans in ``doc``, outermost first by position."""
    toks = doc.tokens
    spans: list[MarkSpan] = []
    stack: list[int] = []  # token indices of open marks
    para_start = 0
    last_close = -1

    for k, t in enumerate(toks):
        m = t.text
        top = toks[stack[-1]].text if stack else None
        if m not in MARKS and m != "’":
            pass
        elif top is not None and m in PAIRS[top]:
            o = stack.pop()
            spans.append(MarkSpan(o, k + 1, len(stack)))
            last_close = k
        elif m == "’":
            pass  # closing nothing, it is an apostrophe (King’s)
        elif m in CLOSE_ONLY or (m == "“" and (top not in (None, "„") or top is None and _looks_closing(doc, k, last_close, para_start))):
            # stray closer: recover its opening after the last closed span
            begin = max(last_close, para_start - 1)
            if k - begin > 1:
                spans.append(MarkSpan(begin + 1, k + 1, len(stack), has_open=False))
            last_close = k
        else:
            stack.append(k)
        if _paragraph_end(doc, k):
            while stack:  # unclosed marks end with the paragraph
                o = stack.pop()
                if k > o:
                    spans.append(MarkSpan(o, k + 1, len(stack), has_close=False))
            para_start = k + 1
            last_close = k
    end = len(toks)
    while stack:
        o = stack.pop()
        if end - 1 > o:
            spans.append(MarkSpan(o, end, len(stack), has_close=False))
    spans.sort(key=lambda s: (s.start, -s.end))
    return spans


def _looks_closing(doc: Doc, k: int, last_close: int, para_start: int) -> bool:
    """A German “ with nothing open closes a span if words precede it in the paragraph
    and it is followed by a comma, full stop or line end (not by a word, as an opener would be)."""
    toks = doc.tokens
    if k == 0 or k - max(last_close, para_start - 1) <= 1:
        return False
    nxt = toks[k + 1].text if k + 1 < len(toks) else ""
    glued_left = toks[k - 1].end == toks[k].start
    return glued_left and (nxt in {",", ".", ";", ")", ""} or _paragraph_end(doc, k))


def mark_depths(doc: Doc, spans: list[MarkSpan]) -> list[int]:
    """For each token, how many mark spans it lies inside (marks themselves count as inside)."""
    depth = [0] * len(doc.tokens)
    for s in spans:
        for k in range(s.start, s.end):
            depth[k] += 1
    return depth
