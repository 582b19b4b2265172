"""A slow upload must not stall the server: POST /api/articles parses and
analyses in the thread pool while a real uvicorn server answers other clients."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx

from serving import running
from wortlaut.serve import create_app
from wortlaut.store import open_store

TOKEN = "test-token-1234"


def heavy_page(teasers: int = 3000) -> bytes:
    """A page of nothing but teaser boxes: seconds of work for trafilatura,
    and French, so that it is stored as unsupported without an analysis: all
    the time the upload takes after its body is in is parsing."""
    boxes = "".join(f'<div class="teaser"><a href="/a/{i}">Lire la suite de cet article</a></div>'
                    for i in range(teasers))
    return f"<html><body>{boxes}</body></html>".encode()


def test_gets_are_answered_while_a_large_upload_is_parsed(tmp_path: Path):
    db = tmp_path / "w.db"
    open_store(db).close()
    body = heavy_page()
    sent = threading.Event()
    result: dict = {}

    def chunks():
        for at in range(0, len(body), 64 * 1024):
            yield body[at:at + 64 * 1024]
        result["sent"] = time.monotonic()
        sent.set()  # the whole body is on its way: from here on the server parses

    def post(base: str) -> None:
        result["response"] = httpx.post(f"{base}/api/articles", content=chunks(), timeout=600,
                                        headers={"authorization": f"Bearer {TOKEN}", "content-type": "text/html"})
        result["done"] = time.monotonic()

    with running(create_app(db, token=TOKEN)) as base, httpx.Client(base_url=base, timeout=600) as client:
        uploader = threading.Thread(target=post, args=(base,))
        uploader.start()
        assert sent.wait(120)
        answered = []  # (asked, answered)
        while uploader.is_alive():
            asked = time.monotonic()
            r = client.get("/api/stats")
            assert r.status_code == 200, r.text
            answered.append((asked, time.monotonic()))
            time.sleep(0.05)
        uploader.join()
    assert result["response"].status_code == 201 and result["response"].json()["quotes"] == 0
    during = [(asked, done) for asked, done in answered if done < result["done"]]
    assert len(during) >= 3, f"{len(during)} GET(s) answered while the upload was parsed"
    # On the event loop, parsing would hold the first GET until it is done.
    longest_wait = max(done - asked for asked, done in during)
    assert longest_wait < 0.25 * (result["done"] - result["sent"]), (longest_wait, result["done"] - result["sent"])
