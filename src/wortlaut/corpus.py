"""Reading and writing the German news quotation corpus format.

Gold documents carry the text, tokens, sentences and annotations; prediction
files carry only ``documentName`` and ``annotations``, with each role given as
``{"tokenIds": [...]}``. Annotations are compared by token id, so everything
here is reduced to sorted token-id lists.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROLES = ("quote", "cue", "speaker", "frame", "addressee")


class CorpusError(ValueError):
    """A corpus or prediction file that cannot be used, with the reason why."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass
class CorpusToken:
    id: int
    text: str
    start: int
    end: int
    sentence: int


@dataclass
class CorpusAnnotation:
    quote: list[int]
    cue: list[int]
    speaker: list[int]
    frame: list[int]
    addressee: list[int]
    type: str = ""
    medium: str = ""

    def role(self, name: str) -> list[int]:
        return getattr(self, name)


@dataclass
class CorpusDocument:
    name: str
    text: str
    tokens: list[CorpusToken]
    sentences: list[list[int]]
    annotations: list[CorpusAnnotation]
    path: Path | None = None


def _load_json(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CorpusError(path, f"cannot read file ({exc.strerror or exc})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(path, f"not valid UTF-8 (byte {exc.start})") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorpusError(
            path, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from exc


def _get(path: Path, obj: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(obj, dict):
        raise CorpusError(path, f"{where} is not an object")
    if key not in obj:
        raise CorpusError(path, f"missing key '{key}' in {where}")
    value = obj[key]
    # bool is an int subclass; a true/false token id is always a mistake.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise CorpusError(path, f"'{key}' in {where} should be {names}, got {type(value).__name__}")
    return value


def _int_list(path: Path, value: Any, where: str) -> list[int]:
    if not isinstance(value, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in value
    ):
        raise CorpusError(path, f"{where} should be a list of integers")
    return value


def _parse_annotation(path: Path, raw: Any, where: str, strict: bool) -> CorpusAnnotation:
    if not isinstance(raw, dict):
        raise CorpusError(path, f"{where} is not an object")
    roles: dict[str, list[int]] = {}
    for role in ROLES:
        # Predictions may leave out roles they do not predict; gold may not.
        if role not in raw and not strict and role != "quote":
            roles[role] = []
            continue
        entry = _get(path, raw, role, dict, where)
        ids = _int_list(path, _get(path, entry, "tokenIds", list, f"{where}.{role}"),
                        f"{where}.{role}.tokenIds")
        # The corpus has a few unsorted or repeated ids; scoring wants sets anyway.
        roles[role] = sorted(set(ids))
    labels = {}
    for key in ("type", "medium"):
        if key not in raw and not strict:
            labels[key] = ""
        else:
            labels[key] = _get(path, raw, key, str, where)
    return CorpusAnnotation(**roles, **labels)


def _parse_annotations(path: Path, data: Any, strict: bool) -> tuple[str, list[CorpusAnnotation]]:
    if not isinstance(data, dict):
        raise CorpusError(path, "top level is not a JSON object")
    name = _get(path, data, "documentName", str, "document")
    raw = _get(path, data, "annotations", list, "document")
    return name, [
        _parse_annotation(path, a, f"annotations[{i}]", strict) for i, a in enumerate(raw)
    ]


def read_annotations(path: str | os.PathLike[str]) -> tuple[str, list[CorpusAnnotation]]:
    """Read only ``documentName`` and ``annotations``; works on gold and prediction files."""
    path = Path(path)
    return _parse_annotations(path, _load_json(path), strict=False)


def read_document(path: str | os.PathLike[str]) -> CorpusDocument:
    """Read and check one gold corpus document."""
    path = Path(path)
    data = _load_json(path)
    name, annotations = _parse_annotations(path, data, strict=True)
    text = _get(path, data, "originalText", str, "document")

    tokens: list[CorpusToken] = []
    for i, raw in enumerate(_get(path, data, "tokens", list, "document")):
        where = f"tokens[{i}]"
        token = CorpusToken(
            id=_get(path, raw, "id", int, where),
            text=_get(path, raw, "text", str, where),
            start=_get(path, raw, "charBegin", int, where),
            end=_get(path, raw, "charEnd", int, where),
            sentence=_get(path, raw, "sentence", int, where),
        )
        if not 0 <= token.start <= token.end <= len(text):
            span = f"{token.start}-{token.end}"
            raise CorpusError(path, f"{where} offsets {span} outside text of length {len(text)}")
        tokens.append(token)

    sentences = [
        _int_list(path, _get(path, raw, "tokenIds", list, f"sentences[{i}]"),
                  f"sentences[{i}].tokenIds")
        for i, raw in enumerate(_get(path, data, "sentences", list, "document"))
    ]

    known = {t.id for t in tokens}
    for i, ann in enumerate(annotations):
        for role in ROLES:
            unknown = [t for t in ann.role(role) if t not in known]
            if unknown:
                raise CorpusError(
                    path, f"annotations[{i}].{role} refers to unknown token {unknown[0]}"
                )

    return CorpusDocument(name, text, tokens, sentences, annotations, path)


def iter_documents(directory: str | os.PathLike[str]) -> Iterator[CorpusDocument | CorpusError]:
    """Every ``*.json`` in ``directory``, sorted; a bad file yields its error instead."""
    directory = Path(directory)
    if not directory.is_dir():
        raise NotADirectoryError(f"{directory}: not a directory")
    for path in sorted(directory.glob("*.json")):
        try:
            yield read_document(path)
        except CorpusError as exc:
            yield exc


def tokens_in_spans(doc: CorpusDocument, spans: list[tuple[int, int]]) -> list[int]:
    """Ids of tokens at least half covered by the character spans.

    Only non-space characters count, and a token needs at least one covered
    character, so a span that merely touches a token's edge does not pull it in.
    """
    covered: set[int] = set()
    for start, end in spans:
        covered.update(range(start, end))
    ids = []
    for token in doc.tokens:
        chars = [i for i in range(token.start, token.end) if not doc.text[i].isspace()]
        inside = sum(1 for i in chars if i in covered)
        if inside and 2 * inside >= len(chars):
            ids.append(token.id)
    return ids


def prediction_filename(doc_name: str) -> str:
    # The name becomes the file name as is, except for path separators.
    return doc_name.replace("/", "_").replace(os.sep, "_") + ".json"


def write_prediction(
    doc_name: str, annotations: list[CorpusAnnotation], out_dir: str | os.PathLike[str]
) -> Path:
    """Write ``<out_dir>/<documentName>.json`` atomically and return its path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    payload = {
        "documentName": doc_name,
        "annotations": [
            {
                **{role: {"tokenIds": sorted(set(ann.role(role)))} for role in ROLES},
                "type": ann.type,
                "medium": ann.medium,
            }
            for ann in annotations
        ],
    }
    target = out_dir / prediction_filename(doc_name)
    # The .tmp suffix keeps a half-written file out of any *.json listing.
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=".pred-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        # mkstemp makes the file private; predictions are ordinary output.
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
