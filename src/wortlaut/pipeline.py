"""The per-article function the shells call (today the CLI): ingest → analyse → resolve.

Corpus evaluation calls ``analyse`` directly: it needs the tokens, not sources."""

from __future__ import annotations

from pathlib import Path

from .analyse import analyse
from .analyse.attribution import to_quotes
from .analyse.furniture import strip_furniture
from .analyse.language import detect_language
from .ingest import read_path
from .model import Article
from .resolve import resolve_sources


def process(article: Article, use_model: bool = True) -> Article:
    """Furniture out, language in, quotes found, sources resolved."""
    article = strip_furniture(article)
    if not article.language:
        article.language = detect_language(article.text)
    doc, attributions = analyse(article.text, article.language, use_model)
    article.quotes = to_quotes(doc, attributions)
    resolve_sources(article, doc)
    return article


def process_path(path: Path, use_model: bool = True) -> list[Article]:
    """Every article in one input file, analysed. Raises IngestError for a bad file."""
    return [process(a, use_model) for a in read_path(path)]
