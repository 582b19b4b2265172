"""wortlaut: who said what, in what role, where and when."""

__version__ = "0.1.0"
