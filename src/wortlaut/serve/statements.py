"""Statements across outlets: GET /api/statements and /api/statements/{id}, and
the pages that show them (a list, and one statement with its word diffs)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from wortlaut.store.base import StatementFilter

from .pages import link, render
from .schemas import DATE_PATTERN, Error
from .state import reader
from .statement_schemas import FLAG_EXPLANATIONS, StatementDetail, StatementPage

router = APIRouter()

PAGE_SIZE = 20
Date = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD.")]
Source = Annotated[str | None, Query(description="Source id: statements any variant of which is theirs.")]
Outlet = Annotated[str | None, Query(description="Statements with a variant in this outlet.")]
Flagged = Annotated[bool, Query(description="Only statements with a meaning change among their variants.")]
FormDate = Annotated[str | None, Query(pattern=r"^$|" + DATE_PATTERN)]  # the filter form sends "" for none
Repeated = Annotated[int, Query(ge=1, le=1000, description="Only statements in at least this many articles.")]


def _filters(source, outlet, flagged, language, date_from, date_to, min_articles) -> StatementFilter:
    return StatementFilter(source=source, outlet=outlet, flagged=flagged, language=language,
                           date_from=date_from, date_to=date_to, min_articles=min_articles)


@router.get("/api/statements", response_model=StatementPage, tags=["api"])
def list_statements(
    request: Request,
    source: Source = None,
    outlet: Outlet = None,
    flagged: Flagged = False,
    language: str | None = None,
    date_from: Date = None,
    date_to: Date = None,
    min_articles: Repeated = 1,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
    limit: Annotated[int, Query(ge=1, le=500, description="Items per page.")] = 50,
) -> dict:
    """Statements (a source's quotes that say the same thing, across articles),
    newest first statement first."""
    filters = _filters(source, outlet, flagged, language, date_from, date_to, min_articles)
    items, next_cursor = reader(request).statement_page(filters, cursor, limit)
    return {"items": items, "next_cursor": next_cursor}


@router.get("/api/statements/{statement_id}", response_model=StatementDetail, tags=["api"],
            responses={404: {"model": Error}})
def get_statement(request: Request, statement_id: str) -> dict:
    """One statement: its first appearance, every later one, and each variant's
    word diff and meaning changes against the earliest."""
    found = reader(request).statement(statement_id)
    if found is None:
        raise HTTPException(404, f"no statement {statement_id}")
    return found


# -- pages ------------------------------------------------------------------------


@router.get("/statements", include_in_schema=False, response_class=HTMLResponse)
def statements_page(
    request: Request,
    source: str | None = None,
    outlet: str | None = None,
    flagged: bool = False,
    language: str | None = None,
    date_from: FormDate = None,
    date_to: FormDate = None,
    min_articles: Annotated[int, Query(ge=1, le=1000)] = 2,
    cursor: str | None = None,
) -> HTMLResponse:
    store = reader(request)
    date_from, date_to = date_from or None, date_to or None
    filters = _filters(source, outlet, flagged, language, date_from, date_to, min_articles)
    items, next_cursor = store.statement_page(filters, cursor, PAGE_SIZE)
    params = {"source": source, "outlet": outlet, "flagged": "true" if flagged else None,
              "language": language, "date_from": date_from, "date_to": date_to,
              "min_articles": str(min_articles)}
    source_name = None
    if source:
        profile = store.source_profile(source)
        source_name = profile["name"] if profile else source
    return render(
        request, "statements.html", items=items, params=params, source_name=source_name,
        stats=store.stats(), explanations=FLAG_EXPLANATIONS,
        filter_link=lambda **changes: link("/statements", **{**params, **changes}),
        next_link=next_cursor and link("/statements", **params, cursor=next_cursor),
        first_link=cursor and link("/statements", **params),
    )


@router.get("/statements/{statement_id}", include_in_schema=False, response_class=HTMLResponse)
def statement_page(request: Request, statement_id: str) -> HTMLResponse:
    found = reader(request).statement(statement_id)
    if found is None:
        raise HTTPException(404, f"No statement with the id {statement_id}.")
    if found["id"] != statement_id:  # merged into another since the link was made
        return RedirectResponse(f"/statements/{found['id']}", status_code=301)
    return render(request, "statement.html", s=found, explanations=FLAG_EXPLANATIONS)


@router.get("/quotes/{quote_id}/statement", include_in_schema=False)
def statement_of_quote(request: Request, quote_id: int) -> RedirectResponse:
    """From a quote card to the statement it is a variant of."""
    sid = reader(request).statement_of_quote(quote_id)
    if sid is None:
        raise HTTPException(404, f"Quote {quote_id} is not part of a statement (unattributed or unknown).")
    return RedirectResponse(f"/statements/{sid}", status_code=303)
