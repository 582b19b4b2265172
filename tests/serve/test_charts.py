"""The quotes-per-month chart stays a chart: implausible dates (0001, 9999) are
left out, and a span of decades is drawn a bar per year."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import httpx

from conftest import run_cli
from serving import running
from wortlaut.serve import create_app
from wortlaut.serve.render import MAX_MONTHS, months_chart

TODAY = date(2026, 6, 1)

ARTICLE = """ date {date} Hamburg, Deutschland

Elbufer Rundschau

—

Der Senat hat am Montag über {topic} beraten. „{quote}“, sagte Bürgermeisterin Anna Berger nach der Sitzung im Rathaus.
"""
TOPICS = [("den Hafen", "Wir bauen den Hafen um und halten jeden Grenzwert ein"),
          ("die Schulen", "Jede Schule bekommt bis zum Sommer schnelles Internet"),
          ("den Nahverkehr", "Die Busse fahren ab Mai auch nachts im Takt von zwanzig Minuten"),
          ("das Stadion", "Das Stadion wird nicht verkauft, solange ich im Amt bin")]


def test_a_year_or_less_is_twelve_monthly_bars():
    chart = months_chart(["2024-03-02", "2024-03-20", "2024-01"], today=TODAY)
    assert (chart.unit, len(chart.bars), chart.first, chart.last, chart.top) == ("month", 12, "2023-04", "2024-03", 2)
    assert [b.count for b in chart.bars][-3:] == [1, 0, 2]


def test_dates_outside_1900_to_next_year_are_left_out():
    chart = months_chart(["0001-01-01", "9999-12-31", "2024-03-01", "2027-12-01", "2028-01-01", "2024-13"],
                         today=TODAY)
    assert (chart.unit, chart.first, chart.last) == ("month", "2024-03", "2027-12")
    assert sum(b.count for b in chart.bars) == 2 and len(chart.bars) <= MAX_MONTHS
    assert months_chart(["0001-01-01", "9999-12-31"], today=TODAY) is None


def test_decades_are_a_bar_per_year():
    chart = months_chart(["1950-06-01", "1990-05-01", "1990-11-01", "2024-03-01"], today=TODAY)
    assert (chart.unit, len(chart.bars), chart.first, chart.last, chart.top) == ("year", 75, "1950", "2024", 2)
    assert {b.label: b.count for b in chart.bars if b.count} == {"1950": 1, "1990": 2, "2024": 1}


def test_source_page_with_dates_0001_and_9999_draws_a_bounded_chart(tmp_path: Path):
    files = []
    for n, when in enumerate(["0001-01", "9999-12", "1990-05", "2024-03"]):
        files.append(tmp_path / f"a{n}.txt")
        topic, quote = TOPICS[n]
        files[-1].write_text(ARTICLE.format(date=when, topic=topic, quote=quote), encoding="utf-8")
    db = tmp_path / "w.db"
    assert run_cli("ingest", *map(str, files), db=db).returncode == 0
    with running(create_app(db)) as base, httpx.Client(base_url=base, timeout=60) as client:
        (source,) = [s for s in client.get("/api/sources").json()["items"] if s["name"] == "Anna Berger"]
        page = client.get(f"/sources/{source['id']}")
    assert page.status_code == 200
    bars = re.findall(r'<rect class="bar"', page.text)
    assert len(bars) == 2024 - 1990 + 1  # a bar per year from 1990, nothing for 0001 or 9999
    assert "max 1 a year" in page.text
