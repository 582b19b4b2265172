"""Word lists and character sets shared by more than one stage.

Data modules only (in the spirit of trafilatura's ``xpaths.py``): every list is
defined once here and imported where it is used. Lists that only one module
uses stay beside that module's language pack (``analyse/de``, ``analyse/en``).
"""
