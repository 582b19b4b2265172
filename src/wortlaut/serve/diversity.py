"""GET /api/outlets/{name}/diversity and /api/diversity: who gets to speak."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field

from .schemas import DATE_PATTERN, Error, SourceKind
from .state import reader

router = APIRouter(prefix="/api", tags=["diversity"])

Period = Literal["month", "year"]
Date = Annotated[str | None, Query(pattern=DATE_PATTERN, description="Article dates from/to: YYYY, YYYY-MM or YYYY-MM-DD.")]


class KindCounts(BaseModel):
    person: int
    organisation: int
    document: int
    unnamed: int
    unattributed: int


class Ranked(BaseModel):
    name: str
    quotes: int


class TopSource(BaseModel):
    id: str
    name: str
    kind: SourceKind
    quotes: int


class Figures(BaseModel):
    quotes: int
    attributed: int = Field(description="Quotes with a source.")
    kinds: KindCounts = Field(description="Quotes per kind of source.")
    anonymous_share: float = Field(description="Unnamed sources' share of the attributed quotes, 0 to 1.")
    sources: int = Field(description="Distinct sources quoted.")
    hhi: float = Field(description="Herfindahl–Hirschman index of quotes per source: 1/sources (even) to 1 (one source).")
    top_k: int
    top_share: float = Field(description="Share of attributed quotes from the top_k most quoted sources.")
    top_sources: list[TopSource]
    institutions: list[Ranked] = Field(description="Organisations quoted and affiliations of the people quoted.")
    roles: list[Ranked]
    statements: int = Field(description="Distinct statements: a source's quotes with the same normalised text.")
    single_outlet_statements: int = Field(description="Statements no other outlet carried (within the dates).")
    single_outlet_quotes: int


class PeriodFigures(Figures):
    period: str = Field(description="YYYY-MM or YYYY, or 'undated'.")


class OutletDiversity(Figures):
    name: str
    period: Period
    since: str
    until: str
    articles: int
    periods: list[PeriodFigures]


class OutletFigures(Figures):
    name: str
    articles: int


class DiversityComparison(BaseModel):
    since: str
    until: str
    outlets: list[OutletFigures]


@router.get("/outlets/{name:path}/diversity", response_model=OutletDiversity, responses={404: {"model": Error}})
def outlet_diversity(request: Request, name: str, period: Period = "month", since: Date = None, until: Date = None) -> dict:
    """Who an outlet quotes, overall and per month or year."""
    found = reader(request).outlet_diversity(name, period, since, until)
    if found is None:
        raise HTTPException(404, f"no articles from {name}")
    return found


@router.get("/diversity", response_model=DiversityComparison)
def diversity(request: Request, since: Date = None, until: Date = None) -> dict:
    """Every outlet's figures side by side, most articles first."""
    return reader(request).diversity(since, until)
