"""A real server for the API and browser tests: demo database, uvicorn on loopback."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import uvicorn
from conftest import DEMO, run_cli

# An article whose quotes hold markup; it must come back as text, never as markup.
XSS_ARTICLE = """ date 2024-11 Berlin, Deutschland

Netzwacht

—

Sicherheitsforscher zeigen, wie leicht sich Webseiten mit Zeichenketten wie <script>alert(1)</script> angreifen lassen.

„Wer <script>alert(1)</script> in ein Formular schreibt, prüft nur, ob die Seite sauber ist“, sagte die Sicherheitsforscherin Lena Schmid am Montag in Berlin. „Auch <img src=x onerror=alert(1)> gehört zu den ältesten Tricks“, fügte sie hinzu.
"""


# A short article posted through the API in the workbench tests.
POSTED = {
    "text": "Die Stadt Kassel eröffnet die Fuldabrücke früher. „Wir sind drei Monate vor dem Plan“, "
            "sagte die Bürgermeisterin Anna Berger am Dienstag.",
    "title": "Fuldabrücke früher fertig",
    "outlet": "Kasseler Abendblatt",
    "date": "2024-03-12",
    "url": "https://example.org/kassel/fuldabruecke",
}


def watch(page, problems: list[str], downloads: bool = False) -> None:
    """Record on ``problems`` what a browser test must not see: requests leaving
    loopback, failed or error responses, console errors, script errors. With
    ``downloads``, failed requests are not reported (Chromium ends a download
    as an aborted navigation)."""
    page.on("request", lambda r: urlsplit(r.url).hostname != "127.0.0.1" and not r.url.startswith("data:")
            and problems.append(f"left loopback: {r.url}"))
    if not downloads:
        page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status}: {r.url}"))
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))


def demo_db(directory: Path, *extra: Path) -> Path:
    """A database filled by `wortlaut ingest` from data/demo and ``extra`` files."""
    db = directory / "demo.db"
    result = run_cli("ingest", str(DEMO), *map(str, extra), db=db)
    assert result.returncode == 0, result.stderr
    return db


@contextmanager
def running(app) -> Iterator[str]:
    """Serve ``app`` on 127.0.0.1 on a free port from a background thread; yields its base URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.02)
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
