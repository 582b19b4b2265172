"""Language identification, restricted to the languages wortlaut analyses."""

from __future__ import annotations

from functools import lru_cache

@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.GERMAN, Language.ENGLISH).build()


def detect_language(text: str) -> str:
    """"de" or "en" (German when unsure: it comes first)."""
    sample = text[:2000]
    if not sample.strip():
        return "de"
    found = _detector().detect_language_of(sample)
    return "en" if found is not None and found.iso_code_639_1.name == "EN" else "de"
