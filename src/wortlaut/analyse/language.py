"""Language identification with lingua, restricted to a configured set of languages."""

from __future__ import annotations

from functools import lru_cache

from .registry import LANGUAGES as ANALYSED  # the languages with a pack
# Ingestion tells these apart, so that a French article is stored as "fr"
# (unsupported) instead of being forced into German or English.
IDENTIFIED = ("de", "en", "fr", "es", "it", "nl", "pl", "pt")


@lru_cache(maxsize=4)
def _detector(languages: tuple[str, ...]):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    # Low accuracy mode (trigrams only): 14 MB instead of 224 MB for the eight
    # IDENTIFIED languages, per process, at the same speed; it agrees with the
    # full models on every demo sentence of 20 to 200 characters.
    return LanguageDetectorBuilder.from_languages(
        *(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in languages)
    ).with_low_accuracy_mode().build()


def detect_language(text: str, languages: tuple[str, ...] = ANALYSED) -> str:
    """The ISO 639-1 code of the most likely of ``languages``; the first of them
    when unsure (German, by default: it comes first)."""
    sample = text[:2000]
    if not sample.strip():
        return languages[0]
    found = _detector(languages).detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else languages[0]
