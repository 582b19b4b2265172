"""Server-rendered pages: home, quote search, sources, source profile, article, outlet."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from wortlaut.store.base import QuoteFilter

from .render import annotated_text, distinct_hues, kind_shares, months_chart
from .schemas import DATE_PATTERN, QuoteType, SourceKind, SourceSort
from .state import reader

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PAGE_SIZE = 20
Date = Annotated[str | None, Query(pattern=DATE_PATTERN)]


def render(request: Request, template: str, **context) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


def link(path: str, **params: str | None) -> str:
    """``path`` with the non-empty ``params`` as its query string."""
    query = urlencode({k: v for k, v in params.items() if v})
    return f"{path}?{query}" if query else path


@router.get("/")
def home(request: Request) -> HTMLResponse:
    store = reader(request)
    latest, _ = store.quote_page(QuoteFilter(), limit=8)
    sources, _ = store.source_page(limit=10)
    return render(request, "index.html", stats=store.stats(), latest=latest, sources=sources)


@router.get("/search")
def search(
    request: Request,
    q: str = "",
    source: str | None = None,
    outlet: str | None = None,
    quote_type: Annotated[QuoteType | None, Query(alias="type")] = None,
    language: str | None = None,
    date_from: Date = None,
    date_to: Date = None,
    cursor: str | None = None,
) -> HTMLResponse:
    store = reader(request)
    filters = QuoteFilter(q=q, source=source, outlet=outlet, type=quote_type, language=language,
                          date_from=date_from, date_to=date_to)
    quotes, next_cursor = store.quote_page(filters, cursor, PAGE_SIZE)
    params = {"q": q, "source": source, "outlet": outlet, "type": quote_type,
              "language": language, "date_from": date_from, "date_to": date_to}
    facets = store.quote_facets(filters)
    # Labels for the active filters; a source filter is shown by name.
    names = {f["value"]: f["label"] for f in facets["source"]}
    active = [
        (key, names.get(value, value) if key == "source" else value,
         link("/search", **{**params, key: None}))
        for key, value in params.items() if value and key != "q"
    ]
    return render(
        request, "search.html", q=q, quotes=quotes, facets=facets, active=active,
        facet_link=lambda key, value: link("/search", **{**params, key: value}),
        next_link=next_cursor and link("/search", **params, cursor=next_cursor),
        first_link=cursor and link("/search", **params),
    )


@router.get("/sources")
def sources(
    request: Request,
    q: str = "",
    kind: SourceKind | None = None,
    sort: SourceSort = "quotes",
    cursor: str | None = None,
) -> HTMLResponse:
    items, next_cursor = reader(request).source_page(q, kind, sort, cursor, 50)
    params = {"q": q, "kind": kind, "sort": sort}
    return render(
        request, "sources.html", q=q, kind=kind, sort=sort, items=items,
        sort_link=lambda value: link("/sources", **{**params, "sort": value}),
        kind_link=lambda value: link("/sources", **{**params, "kind": value}),
        next_link=next_cursor and link("/sources", **params, cursor=next_cursor),
        first_link=cursor and link("/sources", **params),
    )


@router.get("/sources/{source_id}")
def source(request: Request, source_id: str) -> HTMLResponse:
    profile = reader(request).source_profile(source_id)
    if profile is None:
        raise HTTPException(404, f"No source with the id {source_id}.")
    chart = months_chart([q["date"] for q in profile["quotes"]])
    return render(request, "source.html", p=profile, chart=chart)


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str) -> HTMLResponse:
    found = reader(request).article(article_id)
    if found is None:
        raise HTTPException(404, f"No article with the id {article_id}.")
    # Each source once, in order of first appearance, for the legend.
    legend: dict[str, dict] = {}
    for quote in found["quotes"]:
        if quote["source"]:
            entry = legend.setdefault(quote["source"]["id"], {**quote["source"], "quotes": 0})
            entry["quotes"] += 1
    colours = distinct_hues(list(legend))
    return render(request, "article.html", a=found, legend=list(legend.values()), colours=colours,
                  body=annotated_text(found["text"], found["quotes"], colours))


@router.get("/outlets/{name:path}")
def outlet(request: Request, name: str) -> HTMLResponse:
    found = reader(request).outlet(name)
    if found is None:
        raise HTTPException(404, f"No articles from {name}.")
    shares = kind_shares({**found["kinds"], "unattributed": found["unattributed"]})
    return render(request, "outlet.html", o=found, shares=shares)


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    """Swagger UI from fastapi-offline's bundled files; its own /docs page
    starts Swagger with an inline script, which the CSP forbids."""
    return render(request, "docs.html")
