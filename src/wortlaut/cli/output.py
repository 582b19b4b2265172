"""What the command line prints: plain text (stored text is user data), tables, JSON."""

from __future__ import annotations

import json
import re
import sys
from enum import Enum

from rich.console import Console
from rich.table import Table
from rich.text import Text


# Stored text is user data: never read as Rich markup ("[/x]" would crash a view),
# and control characters are shown escaped rather than sent to the terminal.
class _PlainConsole(Console):
    """Prints strings as they are: no markup, no highlighting, control characters escaped."""

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, highlight=False, **kwargs)

    def print(self, *objects, **kwargs) -> None:
        super().print(*(printable(o) if isinstance(o, str) else o for o in objects), **kwargs)


out = _PlainConsole()
err = _PlainConsole(stderr=True)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: object) -> str:
    """``text`` with control and bidi-override characters as escapes (\\x1b, \\u202e)."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def one_line(text: object) -> str:
    """``_printable``, with line breaks and tabs escaped too: one item, one line."""
    return printable(text).replace("\n", "\\n").replace("\t", "\\t")


def fail(message: str) -> None:
    err.print(Text("✗ ", style="red") + Text(one_line(message)), soft_wrap=True)


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class ListFormat(str, Enum):
    table = "table"
    json = "json"



def print_table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    table = Table(*headers)
    for row in rows:
        table.add_row(*(Text(one_line(cell)) for cell in row))
    out.print(table)




def span(first: str, last: str) -> str:
    return first if first == last else f"{first} – {last}"


def print_json(rows) -> None:
    sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")


def short(text: str, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"

