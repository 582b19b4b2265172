"""Chart geometry for the outlet diversity page: stacked bars of the kinds mix
per period, lines of a share over time, ranked horizontal bars. The templates
draw the SVG from these numbers; nothing here touches markup."""

from __future__ import annotations

from dataclasses import dataclass

from wortlaut.model import SOURCE_KINDS

KINDS = (*SOURCE_KINDS, "unattributed")


@dataclass
class Segment:
    y: float
    height: float
    kind: str
    count: int
    share: float


@dataclass
class Column:
    x: float
    width: float
    label: str
    total: int
    segments: list[Segment]


@dataclass
class StackedChart:
    columns: list[Column]
    width: int
    height: int


def stacked_kinds(periods: list[dict], width: int = 600, height: int = 160) -> StackedChart | None:
    """One column per period, its height split by each kind's share of the
    period's quotes (every column full height: the mix, not the volume)."""
    periods = [p for p in periods if p["quotes"]]
    if not periods:
        return None
    slot = width / len(periods)
    columns = []
    for i, p in enumerate(periods):
        y, segments = 0.0, []
        for kind in KINDS:
            n = p["kinds"].get(kind, 0)
            if n:
                h = height * n / p["quotes"]
                segments.append(Segment(round(y, 2), round(h, 2), kind, n, n / p["quotes"]))
                y += h
        columns.append(Column(round(i * slot + slot * 0.15, 2), round(slot * 0.7, 2), p["period"], p["quotes"], segments))
    return StackedChart(columns, width, height)


@dataclass
class Point:
    x: float
    y: float
    label: str
    value: float


@dataclass
class LineChart:
    points: list[Point]
    path: str  # the polyline's "points" attribute
    width: int
    height: int
    top: float  # the value at the top of the chart


def share_line(periods: list[dict], key: str, width: int = 600, height: int = 120, top: float = 1.0) -> LineChart | None:
    """``key`` (a share, 0 to ``top``) of each period with quotes, as a line."""
    periods = [p for p in periods if p["attributed"]]
    if not periods:
        return None
    slot = width / len(periods)
    points = [
        Point(round(i * slot + slot / 2, 2), round(height - height * p[key] / top, 2), p["period"], p[key])
        for i, p in enumerate(periods)
    ]
    return LineChart(points, " ".join(f"{p.x},{p.y}" for p in points), width, height, top)


@dataclass
class RankBar:
    y: float
    width: float
    label: str
    count: int


def ranked_bars(items: list[dict], width: int = 300, row: int = 22) -> list[RankBar]:
    """Horizontal bars for [{"name", "quotes"}], longest for the most quoted."""
    top = max((i["quotes"] for i in items), default=0) or 1
    return [RankBar(i * row, round(width * item["quotes"] / top, 2), item["name"], item["quotes"])
            for i, item in enumerate(items)]


def percent(share: float) -> str:
    return f"{100 * share:.0f} %"
