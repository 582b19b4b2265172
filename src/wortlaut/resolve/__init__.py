"""Resolution: from speaker mentions to sources, within one article."""

from .antecedents import resolve_sources

__all__ = ["resolve_sources"]
