"""Server-rendered pages: home, quote search, sources, source profile, article, outlet."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import quote as url_quote
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from wortlaut.store.base import QuoteFilter

from . import charts, workbench
from .render import annotated_text, distinct_hues, kind_shares, months_chart
from .schemas import DATE_PATTERN, QuoteType, SourceKind, SourceSort
from .state import reader

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PAGE_SIZE = 20
# Forms send an empty field for "any date".
Date = Annotated[str | None, Query(pattern=rf"^$|{DATE_PATTERN}")]
Format = Annotated[Literal["html", "csv", "json"], Query(description="csv or json: download the whole list.")]
Scope = Literal["quotes", "articles"]


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
    scope: Scope = "quotes",
    cursor: str | None = None,
    fmt: Annotated[Format, Query(alias="format")] = "html",
) -> Response:
    store = reader(request)
    filters = QuoteFilter(q=q, source=source, outlet=outlet, type=quote_type, language=language,
                          date_from=date_from, date_to=date_to, scope=scope)
    if fmt != "html":
        return workbench.quotes_download(request, filters, fmt)
    quotes, next_cursor = store.quote_page(filters, cursor, PAGE_SIZE)
    params = {"q": q, "source": source, "outlet": outlet, "type": quote_type,
              "language": language, "date_from": date_from, "date_to": date_to,
              "scope": None if scope == "quotes" else scope}
    facets = store.quote_facets(filters)
    # Labels for the active filters; a source filter is shown by name.
    names = {f["value"]: f["label"] for f in facets["source"]}
    active = [
        (key, names.get(value, value) if key == "source" else value,
         link("/search", **{**params, key: None}))
        for key, value in params.items() if value and key != "q"
    ]
    return render(
        request, "search.html", q=q, quotes=quotes, facets=facets, active=active, params=params,
        languages=list(store.stats()["languages"]),
        download_link=lambda fmt: link("/search", **params, format=fmt),
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
    language: str | None = None,
    date_from: Date = None,
    date_to: Date = None,
    cursor: str | None = None,
    fmt: Annotated[Format, Query(alias="format")] = "html",
) -> Response:
    within = {"language": language, "date_from": date_from, "date_to": date_to}
    if fmt != "html":
        return workbench.sources_download(request, q, kind, sort, fmt, within)
    store = reader(request)
    items, next_cursor = store.source_page(q, kind, sort, cursor, 50, **within)
    params = {"q": q, "kind": kind, "sort": sort, **within}
    return render(
        request, "sources.html", q=q, kind=kind, sort=sort, items=items, params=params,
        languages=list(store.stats()["languages"]),
        download_link=lambda fmt: link("/sources", **params, format=fmt),
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
    return render(request, "source.html", p=profile, chart=chart, can_correct=bool(request.app.state.token))


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
def outlet(
    request: Request,
    name: str,
    period: Literal["month", "year"] = "month",
    since: Date = None,
    until: Date = None,
) -> HTMLResponse:
    store = reader(request)
    found = store.outlet(name)
    if found is None:
        raise HTTPException(404, f"No articles from {name}.")
    shares = kind_shares({**found["kinds"], "unattributed": found["unattributed"]})
    figures = store.outlet_diversity(name, period, since, until)
    return render(
        request, "outlet.html", o=found, shares=shares, d=figures, percent=charts.percent,
        mix=charts.stacked_kinds(figures["periods"]),
        anonymous=charts.share_line(figures["periods"], "anonymous_share"),
        concentration=charts.share_line(figures["periods"], "hhi"),
        institutions=charts.ranked_bars(figures["institutions"]),
        roles=charts.ranked_bars(figures["roles"]),
        period_link=lambda value: link(f"/outlets/{url_quote(name, safe='')}", period=value, since=since, until=until),
    )


@router.get("/diversity")
def diversity(request: Request, since: Date = None, until: Date = None) -> HTMLResponse:
    """Every outlet's figures side by side."""
    return render(request, "diversity.html", d=reader(request).diversity(since, until), percent=charts.percent)


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    """Swagger UI from fastapi-offline's bundled files; its own /docs page
    starts Swagger with an inline script, which the CSP forbids."""
    return render(request, "docs.html")
