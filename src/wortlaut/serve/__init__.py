"""Web UI and REST API over a wortlaut database (``wortlaut serve``)."""

from .app import create_app

__all__ = ["create_app"]
