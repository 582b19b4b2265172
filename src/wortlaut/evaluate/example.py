"""Score analysed articles against hand gold (the example and demo format).

The gold lists statements by a verbatim substring (``contains``) with their
source, type and cue; sources with kind, roles and affiliations; furniture
lines; and quoted strings that are not speech. A statement is found when a
quote contains the substring, and found with the right source when that
quote's source has the gold name.

Span overlap is scored as well, the way a span-annotated test set is: each
gold statement's span is its ``text`` (the whole attributed stretch as
written; else its ``contains``), found in the article; a gold span and a
predicted quote match when they share a character. Precision counts the
predicted quotes that match some gold span, recall the gold spans that some
quote matches; both for quotes in quotation marks (gold type ``direct``
against quotes typed direct) and for all attributions. Speaker accuracy is
over matched gold spans: the quote overlapping most names the gold source.
Gold files may carry a ``part`` ("tune", "held-out"); a directory's report
then gives the overlap figures for each part too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..lexicon.marks import STRIP
from ..model import Article, fold


@dataclass
class ExampleScore:
    statements: int = 0
    found: int = 0
    with_source: int = 0
    right_type: int = 0
    sources_right: list[str] = field(default_factory=list)
    sources_wrong: list[str] = field(default_factory=list)
    furniture_flagged: int = 0
    furniture_total: int = 0
    furniture_in_quotes: int = 0
    false_quotes: list[str] = field(default_factory=list)
    dateline_ok: bool | None = None
    misses: list[str] = field(default_factory=list)
    overlap: Counter = field(default_factory=Counter)
    parts: dict[str, ExampleScore] = field(default_factory=dict)

    def __add__(self, other: ExampleScore) -> ExampleScore:
        both = [self.dateline_ok, other.dateline_ok]
        known = [d for d in both if d is not None]
        return ExampleScore(
            **{f: getattr(self, f) + getattr(other, f) for f in (
                "statements", "found", "with_source", "right_type", "sources_right", "sources_wrong",
                "furniture_flagged", "furniture_total", "furniture_in_quotes", "false_quotes", "misses")},
            dateline_ok=all(known) if known else None,
            overlap=self.overlap + other.overlap,
            parts={k: self.parts.get(k, ExampleScore()) + other.parts.get(k, ExampleScore())
                   for k in {*self.parts, *other.parts}},
        )

    def overlap_report(self) -> list[str]:
        c = self.overlap
        lines = []
        for key, label in (("direct", "quotes in quotation marks"), ("all", "all attributions")):
            p, r = _ratio(c[f"{key}_pred_hit"], c[f"{key}_pred"]), _ratio(c[f"{key}_gold_hit"], c[f"{key}_gold"])
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            lines.append(f"{label}: span overlap P {p:.2f} R {r:.2f} F1 {f1:.2f}"
                         f" (gold {c[f'{key}_gold']}, predicted {c[f'{key}_pred']}, exact {c[f'{key}_exact']})")
        lines.append(f"speaker accuracy on matched spans: {_ratio(c['speaker_right'], c['all_gold_hit']):.2f}"
                     f" ({c['speaker_right']}/{c['all_gold_hit']}; spans not found in the text: {c['unplaced']})")
        return lines

    def report(self) -> str:
        lines = [
            (f"statements found with the right source: {self.with_source}/{self.statements}"
            f" (found at all: {self.found}, right type: {self.right_type})"),
            f"sources with gold kind, roles and affiliations: {len(self.sources_right)}/{len(self.sources_right) + len(self.sources_wrong)}",
            (f"furniture lines flagged: {self.furniture_flagged}/{self.furniture_total}"
            f" (inside quotes: {self.furniture_in_quotes})"),
            f"non-speech strings taken as quotes: {len(self.false_quotes)}",
        ]
        if self.dateline_ok is not None:
            lines.append(f"dateline and outlet: {'ok' if self.dateline_ok else 'wrong'}")
        lines += self.overlap_report()
        for name, part in sorted(self.parts.items()):
            lines.append(f"part {name}: statements with the right source {part.with_source}/{part.statements}")
            lines += [f"  {line}" for line in part.overlap_report()]
        lines += [f"  missed: {m}" for m in self.misses]
        lines += [f"  source differs: {s}" for s in self.sources_wrong]
        return "\n".join(lines)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _same(a: str, b: str) -> bool:
    return fold(a).strip() == fold(b).strip()


def score_example(article: Article, gold: dict) -> ExampleScore:
    score = ExampleScore()
    _score_statements(score, article, gold.get("quotes", []))
    _score_sources(score, article, gold.get("sources", []))
    _score_overlap(score.overlap, article, gold.get("quotes", []))
    lines = gold.get("furniture_lines", [])
    score.furniture_total = len(lines)
    score.furniture_flagged = sum(1 for line in lines if line in article.furniture and line not in article.text)
    score.furniture_in_quotes = sum(1 for line in lines for q in article.quotes if line in q.text)
    for g in gold.get("not_quotes", []):
        if any(q.text.strip(STRIP) == g["contains"] for q in article.quotes):
            score.false_quotes.append(g["contains"])
    if "dateline" in gold:
        d = gold["dateline"]
        score.dateline_ok = (article.date, article.place, article.country, article.outlet) == (
            d["date"], d["place"], d["country"], gold.get("outlet", ""),
        )
    return score


def _score_statements(score: ExampleScore, article: Article, statements: list[dict]) -> None:
    """Each gold statement: found in a quote, with the right source and type."""
    for g in statements:
        score.statements += 1
        hits = [q for q in article.quotes if g["contains"] in q.text]
        if hits:
            score.found += 1
        right = [q for q in hits if q.source is not None and _same(q.source.name, g["source"])]
        if right:
            score.with_source += 1
            score.right_type += any(q.type == g.get("type") for q in right)
        else:
            got = ", ".join(q.source.name if q.source else "no source" for q in hits) or "not found"
            score.misses.append(f"{g['contains']!r} ({g['source']}; got {got})")


def _gold_spans(text: str, statements: list[dict]) -> list[tuple[dict, tuple[int, int]] | None]:
    """Where each gold statement's span lies in ``text`` (the first place not taken
    by an earlier one with the same wording); None when it is not there."""
    out, taken = [], set()
    for g in statements:
        needle = g.get("text") or g["contains"]
        at = text.find(needle)
        while at >= 0 and (at, needle) in taken:
            at = text.find(needle, at + 1)
        taken.add((at, needle))
        out.append((g, (at, at + len(needle))) if at >= 0 else None)
    return out


def _shared(parts: list[tuple[int, int]], span: tuple[int, int]) -> int:
    return sum(max(0, min(b, span[1]) - max(a, span[0])) for a, b in parts)


def _score_overlap(c: Counter, article: Article, statements: list[dict]) -> None:
    placed = _gold_spans(article.text, statements)
    c["unplaced"] += sum(1 for p in placed if p is None)
    spans = [p for p in placed if p is not None]
    for key in ("direct", "all"):
        gold = [(g, s) for g, s in spans if key == "all" or g.get("type") == "direct"]
        pred = [q for q in article.quotes if key == "all" or q.type == "direct"]
        c[f"{key}_gold"] += len(gold)
        c[f"{key}_pred"] += len(pred)
        c[f"{key}_pred_hit"] += sum(1 for q in pred if any(_shared(q.parts, s) for _, s in gold))
        for g, s in gold:
            best = max(pred, key=lambda q: _shared(q.parts, s), default=None)
            if best is None or not _shared(best.parts, s):
                continue
            c[f"{key}_gold_hit"] += 1
            inner = article.text[best.start:best.end].strip(STRIP)
            c[f"{key}_exact"] += inner == article.text[s[0]:s[1]].strip(STRIP)
            if key == "all":
                c["speaker_right"] += best.source is not None and _same(best.source.name, g["source"])


def _score_sources(score: ExampleScore, article: Article, sources: list[dict]) -> None:
    """Each gold source: present with its kind, roles and affiliations, in order."""
    by_name = {fold(s.name): s for s in article.sources}
    for g in sources:
        s = by_name.get(fold(g["name"]))
        ok = (
            s is not None
            and s.kind == g["kind"]
            and [fold(r) for r in s.roles] == [fold(r) for r in g.get("roles", [])]
            and [fold(r) for r in s.affiliations] == [fold(r) for r in g.get("affiliations", [])]
        )
        if ok:
            score.sources_right.append(g["name"])
        else:
            have = f"{s.kind}, roles {s.roles}, affiliations {s.affiliations}" if s else "missing"
            score.sources_wrong.append(
                f"{g['name']}: have {have}; gold {g['kind']}, {g.get('roles', [])}, {g.get('affiliations', [])}")


def score_directory(directory: Path, gold: dict[str, dict], analyse_file: Callable[[Path], Article]) -> ExampleScore:
    """Sum of the scores of every file named in ``gold`` (keyed by file name, as data/demo/expected.json)."""
    total = ExampleScore()
    for name, file_gold in sorted(gold.items()):
        score = score_example(analyse_file(Path(directory) / name), file_gold)
        score.misses = [f"{name}: {m}" for m in score.misses]
        score.sources_wrong = [f"{name}: {m}" for m in score.sources_wrong]
        if "part" in file_gold:
            score.parts = {file_gold["part"]: ExampleScore(
                statements=score.statements, with_source=score.with_source, overlap=Counter(score.overlap))}
        total = total + score
    return total
