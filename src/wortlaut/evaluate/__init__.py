"""Scoring extracted quotations against the German news quotation corpus."""

from ..corpus import (
    ROLES,
    CorpusAnnotation,
    CorpusDocument,
    CorpusError,
    CorpusToken,
    iter_documents,
    read_annotations,
    read_document,
    tokens_in_spans,
    write_prediction,
)
from .scorer import Counts, align, format_report, score_directories, score_document, summarise

__all__ = [
    "ROLES",
    "CorpusAnnotation",
    "CorpusDocument",
    "CorpusError",
    "CorpusToken",
    "Counts",
    "align",
    "format_report",
    "iter_documents",
    "read_annotations",
    "read_document",
    "score_directories",
    "score_document",
    "summarise",
    "tokens_in_spans",
    "write_prediction",
]
