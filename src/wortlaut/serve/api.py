"""GET /api/…: read-only JSON over the store. POST /api/articles: token-guarded ingestion."""

from __future__ import annotations

import hmac
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from wortlaut.ingest import IngestError, read_bytes
from wortlaut.ingest.text import parse_text
from wortlaut.model import Article
from wortlaut.store.base import QuoteFilter

from .schemas import (
    DATE_PATTERN,
    ArticleCreated,
    ArticleDetail,
    ArticleIn,
    Error,
    OutletDetail,
    QuotePage,
    QuoteType,
    SourceKind,
    SourcePage,
    SourceProfile,
    SourceSort,
    Stats,
)
from .state import Writer, reader, writer

MAX_BODY = 5_000_000  # bytes: a saved article page with its inline scripts, as ingest's text limit

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page.")]
Date = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD.")]
NOT_FOUND = {404: {"model": Error}}


@router.get("/quotes", response_model=QuotePage)
def list_quotes(
    request: Request,
    q: Annotated[str | None, Query(description="Full text: every word, as a prefix; case and accents ignored.")] = None,
    source: Annotated[str | None, Query(description="Source id.")] = None,
    outlet: str | None = None,
    quote_type: Annotated[QuoteType | None, Query(alias="type")] = None,
    date_from: Date = None,
    date_to: Date = None,
    language: str | None = None,
    scope: Annotated[Literal["quotes", "articles"], Query(description="Match q in the quote text, or in the whole article text.")] = "quotes",
    cursor: Cursor = None,
    limit: Limit = 50,
) -> dict:
    """Quotes, newest article first, then in text order."""
    filters = QuoteFilter(q=q, source=source, outlet=outlet, type=quote_type, language=language,
                          date_from=date_from, date_to=date_to, scope=scope)
    items, next_cursor = reader(request).quote_page(filters, cursor, limit)
    return {"items": items, "next_cursor": next_cursor}


@router.get("/sources", response_model=SourcePage)
def list_sources(
    request: Request,
    q: Annotated[str | None, Query(description="Part of the name; case and accents ignored.")] = None,
    kind: SourceKind | None = None,
    sort: SourceSort = "quotes",
    cursor: Cursor = None,
    limit: Limit = 50,
) -> dict:
    items, next_cursor = reader(request).source_page(q, kind, sort, cursor, limit)
    return {"items": items, "next_cursor": next_cursor}


@router.get("/sources/{source_id}", response_model=SourceProfile, responses=NOT_FOUND)
def get_source(request: Request, source_id: str) -> dict:
    return _found(reader(request).source_profile(source_id), f"no source {source_id}")


@router.get("/articles/{article_id}", response_model=ArticleDetail, responses=NOT_FOUND)
def get_article(request: Request, article_id: str) -> dict:
    """The article text with every attribution's offsets, and its page furniture."""
    return _found(reader(request).article(article_id), f"no article {article_id}")


@router.get("/outlets/{name:path}", response_model=OutletDetail, responses=NOT_FOUND)
def get_outlet(request: Request, name: str) -> dict:
    """Who an outlet quotes: quotes per source kind, top sources, latest articles."""
    return _found(reader(request).outlet(name), f"no articles from {name}")


@router.get("/stats", response_model=Stats)
def get_stats(request: Request) -> dict:
    return reader(request).stats()


@router.post(
    "/articles",
    status_code=201,
    response_model=ArticleCreated,
    responses={
        200: {"model": ArticleCreated, "description": "Already stored."},
        401: {"model": Error}, 403: {"model": Error}, 413: {"model": Error}, 415: {"model": Error},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": ArticleIn.model_json_schema()},
                "text/plain": {"schema": {"type": "string", "description": "Article text, optionally with the dateline header."}},
                "text/html": {"schema": {"type": "string", "description": "A saved article page; the main text is extracted."}},
            },
        }
    },
)
async def add_article(request: Request, response: Response) -> dict:
    """Analyse one article and store it. Needs `Authorization: Bearer <token>`;
    disabled unless the server was started with a token."""
    _authorise(request)
    body = await _read_capped(request)
    # Parsing (trafilatura on a large page takes seconds) and analysis run in
    # the thread pool: on the event loop they would stall every other client.
    stored_id, quotes, created = await run_in_threadpool(
        _parse_and_add, writer(request), request.headers.get("content-type", ""), body)
    if not created:
        response.status_code = 200
    return {"id": stored_id, "quotes": quotes, "created": created}


def _parse_and_add(writer: Writer, content_type: str, body: bytes) -> tuple[str, int, bool]:
    return writer.add(_parse(content_type, body))


def _found(value: dict | None, detail: str) -> dict:
    if value is None:
        raise HTTPException(404, detail)
    return value


def _authorise(request: Request) -> None:
    token = request.app.state.token
    if not token:
        raise HTTPException(403, "writing is disabled: start the server with --token or WORTLAUT_API_TOKEN")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is required",
                            headers={"WWW-Authenticate": "Bearer"})


async def _read_capped(request: Request) -> bytes:
    """The request body, refused as soon as it is known to exceed MAX_BODY."""
    too_large = HTTPException(413, f"request body over {MAX_BODY:,} bytes")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise too_large
    return bytes(body)


def _parse(content_type: str, body: bytes) -> Article:
    media_type = content_type.split(";")[0].strip().lower()
    try:
        if media_type == "application/json":
            fields = ArticleIn.model_validate_json(body)
            article = parse_text(fields.text, origin=fields.url or "api")
            for name in ("title", "outlet", "date", "url"):
                if value := getattr(fields, name):
                    setattr(article, name, value)
            return article
        if media_type in ("text/plain", "text/html"):
            # The content decides how it is read, as for files (a feed or an
            # archive holds many articles, and this endpoint takes one).
            articles = read_bytes(body, "api", content_type)
            if len(articles) != 1:
                raise HTTPException(422, f"expected one article, the body holds {len(articles)}")
            return articles[0]
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False)) from None
    except IngestError as exc:
        raise HTTPException(422, str(exc)) from None
    raise HTTPException(415, "send application/json, text/plain or text/html")
