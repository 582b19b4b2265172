"""Hard-wrapped HTML against the same articles as text: quotes found and lines
taken for furniture.

    python benchmarks/wrapped_html.py [--width 70]

Each demo article is written as a page whose paragraphs are ``<div>`` blocks
hard-wrapped at ``--width`` characters in the source (the shape that reaches
the extracted text with its source newlines), read through the HTML reader,
stripped of furniture and analysed; the baseline is the same article read from
its text file in the same run.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the demo page builder


def wrapped_page(title: str, paragraphs: list[str], width: int) -> bytes:
    body = "\n".join(f"<div>{chr(10).join(textwrap.wrap(escape(p), width))}</div>" for p in paragraphs)
    return (f"<html><head><title>{escape(title)}</title></head>"
            f"<body><div class='story'>{body}</div></body></html>").encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=70, help="Source line width of the wrapped pages.")
    args = parser.parse_args()

    from newspages import demo_articles, headline, paragraphs

    from wortlaut.analyse.furniture import strip_furniture
    from wortlaut.analyse.language import IDENTIFIED, detect_language
    from wortlaut.ingest.html import read_html
    from wortlaut.pipeline import process

    totals = {"text": [0, 0], "html": [0, 0]}  # quotes, furniture lines
    for article in demo_articles():
        page = read_html(wrapped_page(headline(article), paragraphs(article), args.width), article.origin)
        for kind, read in (("text", article), ("html", page)):
            stripped = strip_furniture(read)
            stripped.language = detect_language(stripped.text, IDENTIFIED)
            totals[kind][0] += len(process(stripped, True).quotes)
            totals[kind][1] += len(stripped.furniture)
    (tq, tf), (hq, hf) = totals["text"], totals["html"]
    print(f"text files:          {tq} quotes, {tf} furniture lines")
    print(f"hard-wrapped pages:  {hq} quotes, {hf} furniture lines")
    print(f"ratio pages/text:    quotes {hq / tq:.2f}, furniture lines {hf / max(tf, 1):.2f}")


if __name__ == "__main__":
    main()
