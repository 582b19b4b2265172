"""HTML pieces built in Python: highlighted matches, the annotated article
text and the charts. Every piece of article text goes through ``escape``."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from wortlaut.model import fold_map
from wortlaut.store.base import search_terms

HUES = 24  # colour classes .h0 … .h23 in style.css, 15° apart


def hue(source_id: str | None) -> str:
    """The colour class of a source: the same on every page."""
    return "none" if not source_id else f"h{_bucket(source_id)}"


def distinct_hues(source_ids: list[str], spacing: int = 3) -> dict[str, str]:
    """Colour classes for the sources of one article: each source keeps its
    usual hue unless one before it is within ``spacing`` buckets (45°), since
    speakers side by side must be told apart; then it takes the free hue
    farthest from those taken."""
    taken: list[int] = []
    classes: dict[str, str] = {}
    for source_id in dict.fromkeys(source_ids):
        bucket = _bucket(source_id)
        if taken and min(_gap(bucket, t) for t in taken) < spacing:
            bucket = max(range(HUES), key=lambda b: (min(_gap(b, t) for t in taken), -_gap(b, bucket)))
        taken.append(bucket)
        classes[source_id] = f"h{bucket}"
    return classes


def _bucket(source_id: str) -> int:
    return zlib.crc32(source_id.encode()) % HUES


def _gap(a: int, b: int) -> int:
    """Distance of two hue buckets around the colour wheel."""
    return min(abs(a - b), HUES - abs(a - b))


def match_spans(text: str, query: str | None) -> list[tuple[int, int]]:
    """Words of ``text`` the full-text search matched: words that start with a
    query term, case and accents ignored, as the store's prefix search does."""
    terms = {word for term in search_terms(query or "") for word in re.findall(r"\w+", term)}
    if not terms:
        return []
    folded, origin = fold_map(text)
    return [
        (origin[m.start()], origin[m.end() - 1] + 1)
        for m in re.finditer(r"\w+", folded)
        if any(m.group().startswith(t) for t in terms)
    ]


def highlight(text: str, query: str | None) -> Markup:
    """``text`` escaped, with the words the query matched in <mark>."""
    out, at = [], 0
    for start, end in match_spans(text, query):
        if start < at:  # one character folding to two words ("½" -> "1⁄2")
            continue
        out += [escape(text[at:start]), Markup("<mark>"), escape(text[start:end]), Markup("</mark>")]
        at = end
    out.append(escape(text[at:]))
    return Markup("").join(out)


def describe(source: dict | None) -> str:
    """"Anna Berger, Bürgermeisterin (Senat)": name, roles and affiliations."""
    if not source:
        return "unattributed"
    text = ", ".join([source["name"], *source["roles"]])
    return text + (f" ({', '.join(source['affiliations'])})" if source["affiliations"] else "")


def annotated_text(text: str, quotes: list[dict], colours: dict[str, str]) -> Markup:
    """The article text with each quote, cue and speaker wrapped in spans,
    coloured by source id through ``colours``.

    Annotations may overlap (a speaker inside another quote's span), so the
    text is cut at every annotation boundary and each piece gets the classes
    of everything covering it; ``data-q`` names the quote a click shows."""
    marks: list[tuple[int, int, str, dict]] = []
    for quote in quotes:
        marks += [(a, b, "q", quote) for a, b in quote["parts"]]
        if quote["cue"]:
            marks += [(a, b, "cue", quote) for a, b in quote["cue"]["parts"]]
        if quote["speaker"]:
            marks.append((quote["speaker"]["start"], quote["speaker"]["end"], "speaker", quote))
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        covering = [m for m in marks if m[0] <= a and b <= m[1]]
        if not covering:
            out.append(piece)
            continue
        # The innermost quote covering the piece is the one it belongs to.
        quote = min(covering, key=lambda m: (m[2] != "q", m[1] - m[0]))[3]
        classes = sorted({m[2] for m in covering}) + [colours[quote["source"]["id"]] if quote["source"] else "none"]
        tip = f"{describe(quote['source'])} · {quote['type']}"
        out.append(Markup('<span class="{}" data-q="{}" title="{}">{}</span>').format(
            " ".join(classes), quote["id"], tip, piece))
    return Markup("").join(out)


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


@dataclass
class Chart:
    bars: list[Bar]
    width: int
    height: int
    top: int  # the largest count, for the axis label
    first: str
    last: str
    unit: str = "month"  # what one bar counts: "month", or "year" over a long span


EARLIEST_YEAR = 1900  # article dates before it (or after next year) are typing errors, not history
MAX_MONTHS = 120  # over ten years a bar per month is a hairline: a bar per year instead


def months_chart(dates: list[str], width: int = 600, height: int = 140, span: int = 12,
                 today: date | None = None) -> Chart | None:
    """Quotes per month from the quotes' article dates. Every month up to the
    last gets a bar, empty ones too, over at least ``span`` months so that a
    single month reads as one month; over more than ``MAX_MONTHS`` a bar per
    year. Dates outside 1900 to next year are left out. None if nothing is dated."""
    latest = (today or date.today()).year + 1
    counts: dict[int, int] = {}  # months since year 0
    for when in dates:
        m = re.match(r"(\d{4})-(\d{2})", when)
        if m and EARLIEST_YEAR <= int(m[1]) <= latest and 1 <= int(m[2]) <= 12:
            month = int(m[1]) * 12 + int(m[2]) - 1
            counts[month] = counts.get(month, 0) + 1
    if not counts:
        return None
    last = max(counts)
    first = min(min(counts), last - span + 1)
    if last - first + 1 > MAX_MONTHS:
        yearly: dict[int, int] = {}
        for month, n in counts.items():
            yearly[month // 12] = yearly.get(month // 12, 0) + n
        slots = [(f"{y:04d}", yearly.get(y, 0)) for y in range(first // 12, last // 12 + 1)]
        unit = "year"
    else:
        slots = [(f"{m // 12:04d}-{m % 12 + 1:02d}", counts.get(m, 0)) for m in range(first, last + 1)]
        unit = "month"
    top = max(n for _, n in slots)
    slot = width / len(slots)
    bars = []
    for i, (label, n) in enumerate(slots):
        h = (height - 4) * n / top
        bars.append(Bar(round(i * slot + slot * 0.1, 2), round(height - h, 2),
                        round(slot * 0.8, 2), round(h, 2), label, n))
    return Chart(bars, width, height, top, slots[0][0], slots[-1][0], unit)


def kind_shares(counts: dict[str, int], width: int = 600) -> list[Bar]:
    """One stacked bar: each kind's share of the quotes, left to right."""
    total = sum(counts.values()) or 1
    bars, x = [], 0.0
    for kind, n in counts.items():
        if n:
            w = width * n / total
            bars.append(Bar(round(x, 2), 0, round(w, 2), 24, kind, n))
            x += w
    return bars
