"""Analysis: from an article's text to attributed quotes in token terms.

``analyse(text, language)`` is the one entry point: it tokenises, picks the
trained tagger when its model files are present (else the rules, saying so
once), and returns the ``Doc`` with its ``Attribution`` list.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path

from .attribution import Attribution
from .tokens import Doc, tokenize

log = logging.getLogger(__name__)

MODEL_ENV = "WORTLAUT_MODEL"
DEFAULT_MODEL = Path(__file__).resolve().parents[3] / "models" / "de-attribution"


def model_dir() -> Path:
    return Path(os.environ.get(MODEL_ENV) or DEFAULT_MODEL)


@lru_cache(maxsize=4)
def _tagger(language: str, path: str, use_model: bool):
    if language == "de" and use_model:
        from .crf import CRFTagger

        if CRFTagger.available(Path(path)):
            return CRFTagger(Path(path))
        log.warning("no trained model in %s: falling back to rules (run `make train`)", path)
    if language == "en":
        from .en.rules import attribute
    else:
        from .de.rules import attribute
    return attribute


def analyse(text: str, language: str = "de", use_model: bool = True) -> tuple[Doc, list[Attribution]]:
    doc = tokenize(text, language)
    tagger = _tagger(language, str(model_dir()), use_model)
    return doc, tagger(doc)


def tagger_name(language: str = "de", use_model: bool = True) -> str:
    tagger = _tagger(language, str(model_dir()), use_model)
    return "crf" if hasattr(tagger, "tag") else "rules"
