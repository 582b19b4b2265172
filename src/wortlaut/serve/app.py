"""The web app: REST API under /api, pages, bundled static files, /docs.

Everything the browser loads comes from this server; the Content-Security-Policy
says so, and forbids inline scripts and styles."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
from fastapi import Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from fastapi_offline import FastAPIOffline
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wortlaut.model import SOURCE_KINDS
from wortlaut.store import open_read_only, open_store
from wortlaut.store.base import CursorError

from . import api, diversity, pages, statements, workbench
from .render import highlight, hue
from .state import ThreadStores, Writer

HERE = Path(__file__).parent

CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def create_app(db_path: str | os.PathLike[str], token: str | None = None) -> FastAPIOffline:
    """The app over the database at ``db_path``, a SQLite file or a ``postgresql://``
    URL. POST /api/articles is enabled only with a ``token``, which clients send
    as a Bearer token."""
    open_store(db_path).close()  # create or migrate now, not in the first request
    app = FastAPIOffline(
        title="wortlaut",
        summary="Who said what, in what role, where and when: quotes from news articles.",
        version="1",
        docs_url=None,  # pages.docs serves it, without an inline script
        redoc_url=None,
        static_url="/static-docs",
    )
    app.state.readers = ThreadStores(lambda: open_read_only(db_path))
    app.state.writer = Writer(db_path)
    app.state.token = token or None
    app.state.db_path = db_path
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(highlight=highlight, hue=hue, link=pages.link, source_kinds=SOURCE_KINDS,
                       citation=workbench.citation, analyser=workbench.analyser)
    app.state.templates = Jinja2Templates(env=env)

    # before api: its /api/outlets/{name:path} would take …/diversity as a name
    app.include_router(diversity.router)
    app.include_router(api.router)
    app.include_router(workbench.router)
    app.include_router(pages.router)
    app.include_router(statements.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(CursorError, _cursor_error)
    app.add_middleware(SecurityHeaders)
    return app


class SecurityHeaders:
    """CSP and friends on every response (plain ASGI: no per-request task overhead)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = CSP
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", "")


def _error(request: Request, status: int, detail: str, headers: dict | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": detail}, status, headers=headers)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "detail": detail}, status_code=status, headers=headers
    )


async def _http_error(request: Request, exc: HTTPException) -> Response:
    return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    if _wants_json(request):  # FastAPI's documented 422 shape
        return await request_validation_exception_handler(request, exc)
    problems = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors())
    return _error(request, 422, f"Invalid request: {problems}")


async def _cursor_error(request: Request, exc: CursorError) -> Response:
    return _error(request, 422, str(exc))
