"""A WARC.gz whose tail is one endless line: warcio's own reading against ours.

    python benchmarks/endless_line.py [--tail-mb 650]

Builds, in a temporary directory, archives of three good response records
followed by a gzip member holding one line of garbage (no line break) where
the next record's headers should be. Times the baseline, warcio's
``ArchiveIterator`` over the decompressed stream (as ingest read archives
before, and as warcio reads an uncompressed .warc: its line reading is
quadratic in the line's length) on tails of 4 to 32 MB, and
``wortlaut.ingest.read_file`` on the same tails and on one of ``--tail-mb`` MB
(a 1.3 MB file for the default 650), where the baseline's time is extrapolated
from the quadratic fit rather than waited for.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the page generator the tests use too

GARBAGE = b"\x1b[31m garbage "


def build(path: Path, tail_mb: float) -> None:
    from newspages import (
        SITES,
        demo_articles,
        headline,
        news_page,
        paragraphs,
        warc_bytes,
    )

    articles = [a for a in demo_articles() if Path(a.origin).name.startswith("de-")][:3]
    pages = [(f"https://e.de/{n}", news_page(headline(a), paragraphs(a), SITES[0], url=f"https://e.de/{n}",
                                             author="A", date="2024-01-02").encode(), "2024-01-02")
             for n, a in enumerate(articles)]
    tail = b"WARC/1.0\r\nWARC-Type: resp" + GARBAGE * int(tail_mb * 2**20 / len(GARBAGE))
    path.write_bytes(warc_bytes(pages, True) + gzip.compress(tail, 9))


def warcio_seconds(path: Path) -> float:
    from warcio.archiveiterator import ArchiveIterator

    start = time.perf_counter()
    # the damage ends warcio's iteration one way or another: the time to get there is what counts
    with gzip.open(path, "rb") as f, contextlib.suppress(Exception):
        for record in ArchiveIterator(f):
            record.content_stream().read()
    return time.perf_counter() - start


def ours(path: Path) -> tuple[float, list[str]]:
    from wortlaut.ingest import Failure, read_file

    start = time.perf_counter()
    items = list(read_file(path))
    return time.perf_counter() - start, [i.reason if isinstance(i, Failure) else "article" for i in items]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tail-mb", type=float, default=650)
    args = ap.parse_args()
    import wortlaut.ingest  # noqa: F401 - imported before anything is timed

    with tempfile.TemporaryDirectory() as tmp:
        fit = []
        for mb in (4, 8, 16, 32):
            path = Path(tmp) / f"tail-{mb}.warc.gz"
            build(path, mb)
            base = warcio_seconds(path)
            mine, _ = ours(path)
            fit.append((mb, base))
            print(f"tail {mb:>4} MB ({path.stat().st_size / 1e3:,.0f} kB file): warcio {base:7.2f} s, "
                  f"wortlaut {mine:.3f} s ({base / mine:,.0f}x)")
        path = Path(tmp) / "endless.warc.gz"
        build(path, args.tail_mb)
        mine, items = ours(path)
        mb, base = fit[-1]
        extrapolated = base * (args.tail_mb / mb) ** 2
        print(f"tail {args.tail_mb:g} MB ({path.stat().st_size / 1e6:.1f} MB file): wortlaut {mine:.3f} s; warcio about "
              f"{extrapolated / 3600:.1f} h by the quadratic fit ({extrapolated / mine:,.0f}x)")
        print(f"items: {items}")


if __name__ == "__main__":
    main()
