"""Attributions in token terms: what the taggers produce before resolution.

Both the rule tagger and the trained tagger emit ``Attribution`` objects over a
``Doc``'s tokens; ``to_quotes`` turns them into ``model.Quote`` objects with
character offsets, which is all later stages see.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Mention, Quote, Span
from ..lexicon.marks import MARKS
from .tokens import Doc

Range = tuple[int, int]  # token indices [a, b)

# fine-grained kinds (the corpus's types) -> the public quote type
PUBLIC_TYPE = {"direct": "direct", "indirect": "indirect", "mixed": "mixed", "reported": "reported", "free": "indirect"}


@dataclass
class Attribution:
    quote: list[Range]
    kind: str  # direct | indirect | mixed | reported | free (free indirect: no cue, speaker carried over)
    cue: list[Range] = field(default_factory=list)
    speaker: Range | None = None
    addressee: Range | None = None

    @property
    def start(self) -> int:
        return self.quote[0][0]

    def quote_tokens(self) -> set[int]:
        return {k for a, b in self.quote for k in range(a, b)}


def _char_span(doc: Doc, ranges: list[Range]) -> Span:
    start, end = doc.tokens[ranges[0][0]].start, doc.tokens[ranges[-1][1] - 1].end
    parts = [(doc.tokens[a].start, doc.tokens[b - 1].end) for a, b in ranges]
    return Span(start, end, doc.text[start:end], parts)


def to_quotes(doc: Doc, attributions: list[Attribution]) -> list[Quote]:
    quotes = []
    for att in sorted(attributions, key=lambda a: a.start):
        q = _char_span(doc, att.quote)
        kind = att.kind
        if kind in ("indirect", "free") and any(doc.tokens[k].text in MARKS for k in att.quote_tokens()):
            kind = "mixed"
        speaker = None
        if att.speaker:
            s = _char_span(doc, [att.speaker])
            speaker = Mention(s.start, s.end, s.text)
        quotes.append(
            Quote(
                start=q.start,
                end=q.end,
                text=q.text,
                type=PUBLIC_TYPE[kind],
                cue=_char_span(doc, att.cue) if att.cue else None,
                speaker=speaker,
                addressee=_char_span(doc, [att.addressee]) if att.addressee else None,
                parts=q.parts,
            )
        )
    return quotes
