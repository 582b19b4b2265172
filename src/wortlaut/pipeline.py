"""The per-article function every shell calls: analyse → resolve.

``process`` takes an article whose furniture is already out (admission and
``process_path`` take it out, once). Corpus evaluation calls ``analyse``
directly: it needs the tokens, not sources."""

from __future__ import annotations

from pathlib import Path

from .analyse import analyse, tagger_version
from .analyse.attribution import to_quotes
from .analyse.furniture import strip_furniture
from .analyse.language import detect_language
from .ingest import read_path
from .model import Article
from .resolve import resolve_sources


def process(article: Article, use_model: bool = True) -> Article:
    """Language in, quotes found, sources resolved."""
    if not article.language:
        article.language = detect_language(article.text)
    doc, attributions = analyse(article.text, article.language, use_model)
    article.analysed_by = tagger_version(article.language, use_model)
    article.quotes = to_quotes(doc, attributions)
    resolve_sources(article, doc)
    return article


def process_path(path: Path, use_model: bool = True) -> list[Article]:
    """Every article in one input file, furniture out and analysed. Raises IngestError for a bad file."""
    return [process(strip_furniture(a), use_model) for a in read_path(path)]
