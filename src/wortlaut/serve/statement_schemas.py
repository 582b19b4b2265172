"""Response schemas of the statements API: a source's quotes that say the same
thing across articles, with word diffs and meaning-change flags."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from .schemas import QuoteType, SourceKind

FlagKind = Literal["negation", "modal", "number", "indirect_as_direct"]

FLAG_EXPLANATIONS: dict[str, str] = {
    "negation": "A negation was dropped or added: the variant may say the opposite of the earliest.",
    "modal": "A modal verb or hedge changed: a possibility may now read as a certainty, or the reverse.",
    "number": "A number changed.",
    "indirect_as_direct": "Reported speech (Konjunktiv I) is printed in quotation marks, "
                          "as if these were the speaker's own words.",
}


class StatementSource(BaseModel):
    id: str
    name: str
    kind: SourceKind


class FirstSeen(BaseModel):
    article_id: str
    quote_id: int
    title: str
    outlet: str
    date: str


class _Statement(BaseModel):
    """What a statement's list item and its page share."""

    id: str
    text: str = Field(description="The earliest variant.")
    source: StatementSource | None
    language: str
    first_seen: FirstSeen
    last_date: str
    variants: int
    articles: int
    outlets: int
    flagged: bool


class StatementItem(_Statement):
    flags: list[FlagKind] = Field(description="The kinds of meaning change among the variants.")


class StatementPage(BaseModel):
    items: list[StatementItem]
    next_cursor: str | None


class Flag(BaseModel):
    kind: FlagKind
    detail: str


class VariantFlag(Flag):
    quote_id: int = Field(description="The variant with this change.")


class DiffOp(BaseModel):
    op: Literal["equal", "delete", "insert"]
    text: str


class Appearance(BaseModel):
    quote_id: int
    article_id: str
    title: str
    outlet: str
    date: str
    url: str
    type: QuoteType
    text: str
    start: int
    end: int
    earliest: bool
    diff: list[DiffOp] = Field(description="Word by word against the earliest variant.")
    flags: list[Flag] = Field(description="Meaning changes against the earliest variant.")


class StatementDetail(_Statement):
    flags: list[VariantFlag]
    appearances: list[Appearance] = Field(description="Earliest first.")
