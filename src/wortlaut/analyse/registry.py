"""Which languages are analysed, and with what.

Each language has a pack (``analyse/de``, ``analyse/en``) that tags part of
speech and lemmas, and one or more attribution taggers; ``(language, tagger)``
names a component. Components are imported on first use, so English analysis
never loads HanTa or the CRF.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# language -> (pack module, its part-of-speech tagging function)
POS_TAGGERS = {"de": ("de", "tag_german"), "en": ("en", "tag_english")}
# (language, tagger) -> (module, component): a CRF tagger class or a rules function
TAGGERS = {
    ("de", "crf"): ("de.crf", "CRFTagger"),
    ("de", "rules"): ("de.rules", "attribute"),
    ("en", "rules"): ("en.rules", "attribute"),
}
LANGUAGES = tuple(POS_TAGGERS)


class UnsupportedLanguage(ValueError):
    """Analysis was asked for a language without a pack."""

    def __init__(self, language: str):
        super().__init__(f"no analysis for language {language!r} (supported: {', '.join(LANGUAGES)})")
        self.language = language


def check_language(language: str) -> str:
    if language not in POS_TAGGERS:
        raise UnsupportedLanguage(language)
    return language


def has_tagger(language: str, tagger: str) -> bool:
    return (check_language(language), tagger) in TAGGERS


def tagger_component(language: str, tagger: str) -> Any:
    """The component registered for ``(language, tagger)``; KeyError if there is none."""
    return _load(*TAGGERS[check_language(language), tagger])


def pos_tagger(language: str):
    """The function that fills ``pos`` and ``lemma`` of a ``Doc`` in ``language``."""
    return _load(*POS_TAGGERS[check_language(language)])


def _load(module: str, name: str) -> Any:
    return getattr(import_module(f"{__package__}.{module}"), name)
