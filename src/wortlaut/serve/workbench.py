"""The journalist's workbench: quote permalinks, citations, downloads of result
lists, and merge/split corrections from the source page behind the write token."""

from __future__ import annotations

import csv
import hmac
import io
import json
from collections.abc import Callable

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from wortlaut.store import open_store
from wortlaut.store.base import QuoteFilter, StoreError

from .state import reader

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

QUOTE_MARKS = "„“”\"«»‚‘’‹›"
MAX_DOWNLOAD = 10_000  # rows in one downloaded result list
QUOTE_COLUMNS = (
    "id", "permalink", "text", "type", "cue", "speaker_text", "source_id", "source_name",
    "source_kind", "roles", "affiliations", "article_id", "title", "date", "outlet",
    "language", "url", "analysed_by", "citation",
)
SOURCE_COLUMNS = (
    "id", "name", "kind", "aliases", "roles", "affiliations", "quote_count",
    "article_count", "outlets", "first_seen", "last_seen",
)


def analyser(analysed_by: str) -> str:
    """"model" or "rules": what found an article's quotes ("crf <version>" is the model)."""
    if not analysed_by:
        return ""
    return "rules" if analysed_by.startswith("rules") else "model"


def _date(date: str, german: bool) -> str:
    if not german or not date:
        return date
    return ".".join(reversed(date.split("-")))  # 2024-03-12 -> 12.03.2024


def citation(quote: dict) -> str:
    """A quote as one cites it: „…“, sagte X (Rolle, Organisation), Outlet, 12.03.2024, URL."""
    german = quote.get("language", "de") != "en"
    source = quote["source"]
    who = source["name"] if source else ("unbekannt" if german else "unknown")
    about = [*source["roles"], *source["affiliations"]] if source else []
    if about:
        who += f" ({', '.join(about)})"
    if quote["type"] in ("direct", "mixed"):
        opening, closing = ("„", "“") if german else ("“", "”")
        # stored quotes keep their own quotation marks
        words = quote["text"].strip().strip(QUOTE_MARKS).strip()
        said = f"{opening}{words}{closing}, {'sagte' if german else 'said'} {who}"
    else:
        said = f"{'Laut' if german else 'According to'} {who}: {quote['text']}"
    where = [quote.get("outlet", ""), _date(quote.get("date", ""), german), quote.get("url", "")]
    return ", ".join([said, *filter(None, where)])


def quote_row(quote: dict, base: str) -> dict:
    source = quote["source"] or {}
    return {
        "id": quote["id"], "permalink": f"{base}/quotes/{quote['id']}", "text": quote["text"],
        "type": quote["type"], "cue": quote["cue"], "speaker_text": quote["speaker_text"],
        "source_id": source.get("id"), "source_name": source.get("name"), "source_kind": source.get("kind"),
        "roles": source.get("roles", []), "affiliations": source.get("affiliations", []),
        "article_id": quote["article_id"], "title": quote["title"], "date": quote["date"],
        "outlet": quote["outlet"], "language": quote["language"], "url": quote.get("url", ""),
        "analysed_by": quote.get("analysed_by", ""), "citation": citation(quote),
    }


def all_pages(page: Callable[[str | None], tuple[list[dict], str | None]]) -> list[dict]:
    """Every item of a paged listing, up to MAX_DOWNLOAD."""
    items: list[dict] = []
    cursor = None
    while len(items) < MAX_DOWNLOAD:
        batch, cursor = page(cursor)
        items += batch
        if cursor is None:
            break
    return items[:MAX_DOWNLOAD]


def download(rows: list[dict], columns: tuple[str, ...], fmt: str, name: str) -> Response:
    """The rows as a CSV (lists as JSON) or JSON attachment."""
    if fmt == "json":
        body = json.dumps(rows, ensure_ascii=False, indent=1)
        media = "application/json"
    else:
        out = io.StringIO()
        writer = csv.DictWriter(out, columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for k, v in row.items()})
        body = out.getvalue()
        media = "text/csv; charset=utf-8"
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})


def quotes_download(request: Request, filters: QuoteFilter, fmt: str) -> Response:
    store = reader(request)
    base = str(request.base_url).rstrip("/")
    items = all_pages(lambda cursor: store.quote_page(filters, cursor, 500))
    return download([quote_row(q, base) for q in items], QUOTE_COLUMNS, fmt, "quotes")


def sources_download(request: Request, q: str, kind: str | None, sort: str, fmt: str, within: dict) -> Response:
    store = reader(request)
    items = all_pages(lambda cursor: store.source_page(q, kind, sort, cursor, 500, **within))
    return download(items, SOURCE_COLUMNS, fmt, "sources")


@router.get("/quotes/{quote_id}")
def quote_page(request: Request, quote_id: int) -> HTMLResponse:
    """A quote's permalink: the quote card, its citation and its article."""
    items, _ = reader(request).quote_page(QuoteFilter(id=quote_id), limit=1)
    if not items:
        raise HTTPException(404, f"No quote with the id {quote_id}.")
    return request.app.state.templates.TemplateResponse(
        request, "quote.html", {"quote": items[0], "cite": citation(items[0])})


def _token_ok(request: Request, given: str) -> bool:
    token = request.app.state.token
    return bool(token) and hmac.compare_digest(given.strip().encode(), token.encode())


@router.post("/sources/{source_id}/corrections")
async def correct(request: Request, source_id: str) -> Response:
    """A merge ("other" is the same source) or split (the mention in "article"
    is someone else) from the source page's forms; needs the write token."""
    form = await request.form()
    if not request.app.state.token:
        raise HTTPException(403, "Corrections are disabled: start the server with a write token.")
    if not _token_ok(request, str(form.get("token", ""))):
        raise HTTPException(401, "The write token is wrong.")
    action = form.get("action")
    other = str(form.get("other", "")).strip()
    if action not in ("merge", "split") or not other:
        raise HTTPException(422, "Give a source id to merge or an article to split off.")
    target = await run_in_threadpool(_apply, request.app.state.db_path, action, source_id, other)
    return RedirectResponse(f"/sources/{target}", status_code=303)


def _apply(db_path: str, action: str, source_id: str, other: str) -> str:
    with open_store(db_path) as store:
        if store.source_profile(source_id) is None:
            raise HTTPException(404, f"No source with the id {source_id}.")
        try:
            if action == "merge":
                if other == source_id or store.source_profile(other) is None:
                    raise HTTPException(422, f"No other source with the id {other}.")
                store.merge_sources(source_id, other)
                return source_id
            store.split_source(source_id, other)
            return source_id
        except StoreError as exc:
            raise HTTPException(422, str(exc)) from None
