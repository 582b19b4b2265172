"""Small helpers every SQLite module shares: JSON columns, timestamps, chunking, folded names."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from functools import lru_cache

from wortlaut.model import fold


def chunks(items: list, size: int = 500) -> list[list]:
    """SQLite limits bound parameters per statement."""
    return [items[i:i + size] for i in range(0, len(items), size)]


def placeholders(items: list) -> str:
    return ",".join("?" * len(items))


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def to_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


@lru_cache(maxsize=50_000)
def json_list(text: str) -> list[str]:
    # records of one group repeat the same roles and affiliations; callers never mutate
    return json.loads(text)


def fold_name(name: str) -> str:
    return " ".join(fold(name).split())


def sql_in(values: tuple[str, ...]) -> str:
    """``('a', 'b')`` for a CHECK constraint over one of the model's enumerations."""
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"
