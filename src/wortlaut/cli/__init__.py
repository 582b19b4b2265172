"""wortlaut command line: a thin shell over the library."""

from . import commands, spark, workbench  # noqa: F401  (they register their commands)
from .app import app

__all__ = ["app"]
