"""Analysis: from an article's text to attributed quotes in token terms.

``analyse(text, language)`` is the one entry point: it tokenises, picks the
language's trained tagger when its model is present and current (else its
rules, saying so once), and returns the ``Doc`` with its ``Attribution`` list.
A language without a pack raises ``UnsupportedLanguage``.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import registry
from .attribution import Attribution
from .registry import UnsupportedLanguage
from .tokens import Doc, tokenize

__all__ = ["Attribution", "Doc", "UnsupportedLanguage", "analyse", "model_dir", "tagger_name", "tagger_version", "tokenize"]

log = logging.getLogger(__name__)

MODEL_ENV = "WORTLAUT_MODEL"
MODEL_NAME = "de-attribution"


def shipped_model_dir() -> Path:
    """The model shipped as package data (``wortlaut.models``, the repository's
    ``models/``); run from a source tree without installing, that package is not
    importable and the checkout's ``models/`` is used directly."""
    try:
        return Path(str(resources.files("wortlaut.models") / MODEL_NAME))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[3] / "models" / MODEL_NAME


def model_dir() -> Path:
    return Path(os.environ.get(MODEL_ENV) or shipped_model_dir())


@lru_cache(maxsize=4)
def _tagger(language: str, path: str, use_model: bool):
    """(name, component) of the tagger ``analyse`` uses for ``language``."""
    if use_model and registry.has_tagger(language, "crf"):
        crf = registry.tagger_component(language, "crf")
        problem = crf.unusable(Path(path))
        if problem is None:
            return "crf", crf(Path(path))
        log.warning("%s: falling back to rules (run `make train`)", problem)
    return "rules", registry.tagger_component(language, "rules")


def analyse(text: str, language: str = "de", use_model: bool = True) -> tuple[Doc, list[Attribution]]:
    doc = tokenize(text, language)
    _, tagger = _tagger(language, str(model_dir()), use_model)
    return doc, tagger(doc)


def tagger_name(language: str = "de", use_model: bool = True) -> str:
    return _tagger(language, str(model_dir()), use_model)[0]


def tagger_version(language: str = "de", use_model: bool = True) -> str:
    """What finds the quotes, as provenance: "rules", or "crf" with the model's
    name, feature version and a digest of its files."""
    name, tagger = _tagger(language, str(model_dir()), use_model)
    return f"{name} {tagger.version}" if name == "crf" else name
