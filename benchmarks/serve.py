"""The web server under load: concurrent clients searching quotes over loopback.

    python benchmarks/serve.py [--clients 200] [--seconds 30]

Builds a database from data/demo with `wortlaut ingest`, starts `wortlaut serve`
on 127.0.0.1 in its own process, then runs two phases of the same load, each
``--seconds`` long: GET /api/quotes?q=<a demo term> (full-text search), and the
baseline GET /api/stats. Each client sends its next request as soon as the last
one is answered. Prints requests/s and p50/p99 latency per phase and their
ratio; exits 1 if any request failed (an exception or a status other than 200).
Client and server share the machine's cores.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
# Words in the demo articles' quotes, German and English, some folded ("sudkorea"):
# each finds 1 to 7 quotes.
TERMS = ["hafen", "Bahn", "streik", "Patienten", "sudkorea", "Studie", "gericht", "Wahl",
         "Baustelle", "harbour", "court", "hospital", "Hitze", "Verein", "film", "Elbe",
         "Kinder", "Schlaf", "data", "nurses", "Kosten"]


def cli(db: Path, *args: str, **popen) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "wortlaut.cli", "--db", str(db), *args], cwd=ROOT, **popen)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(base: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"server exited with {server.returncode}")
        try:
            if httpx.get(f"{base}/api/stats", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    sys.exit("server did not come up")


async def load(base: str, paths: list[str], clients: int, seconds: float) -> dict:
    """``clients`` concurrent request loops over ``paths`` (round robin) for ``seconds``."""
    latencies: list[float] = []
    errors: dict[str, int] = {}
    next_path = itertools.cycle(paths).__next__
    # Each client has its own keep-alive connection, as separate users would;
    # made (and connected) before the clock starts.
    pool = [httpx.AsyncClient(base_url=base, timeout=30) for _ in range(clients)]
    await asyncio.gather(*(client.get(paths[0]) for client in pool))

    async def one_client(client: httpx.AsyncClient) -> None:
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            try:
                response = await client.get(next_path())
                ok = response.status_code == 200
                reason = f"HTTP {response.status_code}"
            except httpx.HTTPError as exc:
                ok, reason = False, type(exc).__name__
            if ok:
                latencies.append(time.perf_counter() - start)
            else:
                errors[reason] = errors.get(reason, 0) + 1

    began = time.perf_counter()
    deadline = began + seconds
    await asyncio.gather(*(one_client(client) for client in pool))
    elapsed = time.perf_counter() - began
    await asyncio.gather(*(client.aclose() for client in pool))
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {
        "requests": len(latencies) + sum(errors.values()),
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(cuts[49] * 1000, 1),
        "p99_ms": round(cuts[98] * 1000, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=30, help="length of each phase")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="wortlaut-bench-") as tmp:
        db = Path(tmp) / "demo.db"
        if cli(db, "ingest", "data/demo", stdout=subprocess.DEVNULL).wait() != 0:
            sys.exit("ingest failed")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = cli(db, "serve", "--host", "127.0.0.1", "--port", str(port),
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(base, server)
            searches = [f"/api/quotes?q={quote(term)}" for term in TERMS]
            hits = {term: len(httpx.get(base + path).json()["items"]) for term, path in zip(TERMS, searches)}
            asyncio.run(load(base, searches, 20, 1))  # warm up: threads, connections, caches
            results = {
                "search": {"path": "/api/quotes?q=<term>", **asyncio.run(load(base, searches, args.clients, args.seconds))},
                "baseline": {"path": "/api/stats", **asyncio.run(load(base, ["/api/stats"], args.clients, args.seconds))},
            }
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()

    search, baseline = results["search"], results["baseline"]
    print(json.dumps({"clients": args.clients, "seconds_per_phase": args.seconds, "hits_per_term": hits,
                      **results}, ensure_ascii=False, indent=2))
    print(f"\n{'phase':<10} {'requests':>9} {'errors':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for name, r in results.items():
        print(f"{name:<10} {r['requests']:>9} {r['errors']:>7} {r['requests_per_s']:>8} {r['p50_ms']:>8} {r['p99_ms']:>8}")
    print(f"search / baseline: {search['requests_per_s'] / baseline['requests_per_s']:.2f}× the requests/s, "
          f"{search['p50_ms'] / baseline['p50_ms']:.2f}× the p50 latency")
    if search["errors"] or baseline["errors"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
