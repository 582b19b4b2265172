"""Resolution: from speaker mentions to sources, within one article."""

from .coref import resolve_sources

__all__ = ["resolve_sources"]
