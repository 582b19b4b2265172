"""Across articles: who an outlet quotes, and statements with their variants."""

from __future__ import annotations

from typing import Optional

import typer
from rich.text import Text

from .app import app, store_of
from .output import (
    ListFormat,
    fail,
    out,
    print_json,
    print_table,
    printable,
    short,
)

# -- who gets to speak: one outlet's diversity figures ---------------------------------

@app.command("outlet")
def outlet_cmd(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The outlet, as stored (see `wortlaut articles`)."),
    period: str = typer.Option("month", "--period", help="month or year."),
    since: Optional[str] = typer.Option(None, "--since", help="Article dates from (YYYY, YYYY-MM or YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Article dates to, inclusive."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format"),
) -> None:
    """Who an outlet quotes: kinds of source, anonymous share, institutions, roles, concentration (HHI), per period."""
    if period not in ("month", "year"):
        fail(f"--period must be month or year, not {period!r}")
        raise typer.Exit(2)
    with store_of(ctx) as store:
        d = store.outlet_diversity(name, period, since, until)
        if d is None:
            known = [o["name"] for o in store.stats()["outlets"]]
    if d is None:
        fail(f"no articles from “{name}”; outlets: {', '.join(known) or '—'}")
        raise typer.Exit(1)
    if fmt is ListFormat.json:
        return print_json(d)
    kinds = ("person", "organisation", "document", "unnamed", "unattributed")
    out.print(Text(printable(d["name"]), style="bold") + Text(
        f": {d['articles']} article(s), {d['quotes']} quote(s), {d['attributed']} attributed to {d['sources']} source(s)"))
    out.print(f"anonymous share {100 * d['anonymous_share']:.1f} %, HHI {d['hhi']:.3f}, "
              f"top {d['top_k']} sources {100 * d['top_share']:.1f} %, "
              f"statements only here {d['single_outlet_statements']} of {d['statements']}", highlight=False)
    print_table((period, *kinds, "anonymous", "HHI", f"top {d['top_k']}", "only here"), [
        (p["period"], *(str(p["kinds"][k]) for k in kinds), f"{100 * p['anonymous_share']:.1f} %",
         f"{p['hhi']:.3f}", f"{100 * p['top_share']:.1f} %", f"{p['single_outlet_statements']}/{p['statements']}")
        for p in d["periods"]
    ])
    print_table(("institution", "quotes"), [(i["name"], str(i["quotes"])) for i in d["institutions"]])
    print_table(("role", "quotes"), [(r["name"], str(r["quotes"])) for r in d["roles"]])


# -- statements across outlets: one source's quotes that say the same thing -----------


@app.command("statements")
def statements_cmd(
    ctx: typer.Context,
    source: Optional[str] = typer.Option(None, "--source", help="Only statements of this source id."),
    flagged: bool = typer.Option(False, "--flagged", help="Only statements whose variants change the meaning."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only statements with a variant in this outlet."),
    language: Optional[str] = typer.Option(None, "--language", help="Only statements in this language (de, en)."),
    min_articles: int = typer.Option(1, "--min-articles", min=1, help="Only statements in at least this many articles."),
    limit: int = typer.Option(100, "--limit", min=1, max=500, help="At most this many."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format"),
) -> None:
    """Statements across articles, newest first: first seen where, how many appearances, meaning changes."""
    from ..store.base import StatementFilter

    with store_of(ctx) as store:
        rows, _ = store.statement_page(
            StatementFilter(source=source, outlet=outlet, flagged=flagged, language=language,
                            min_articles=min_articles), limit=limit)
    if fmt is ListFormat.json:
        return print_json(rows)
    print_table(("id", "source", "first seen", "articles", "outlets", "changes", "statement"), [
        (r["id"], (r["source"] or {}).get("name", "—"),
         " ".join(filter(None, (r["first_seen"]["date"], r["first_seen"]["outlet"]))),
         str(r["articles"]), str(r["outlets"]), ", ".join(r["flags"]), short(r["text"], 70))
        for r in rows
    ])


@app.command("statement")
def statement_cmd(
    ctx: typer.Context,
    statement_id: str = typer.Argument(..., help="A statement id (from `wortlaut statements`)."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format"),
) -> None:
    """One statement: where it was first seen, every later appearance, each variant's word diff
    against the earliest ([-deleted-] {+inserted+}) and its meaning changes."""
    with store_of(ctx) as store:
        found = store.statement(statement_id)
    if found is None:
        fail(f"no statement {statement_id}")
        raise typer.Exit(1)
    if fmt is ListFormat.json:
        return print_json(found)
    first = found["first_seen"]
    out.print(Text(printable((found["source"] or {}).get("name", "unattributed")), style="bold")
              + Text(f" · statement {found['id']} · {found['articles']} article(s) in {found['outlets']} outlet(s)"))
    out.print(f"first seen: {first['date'] or 'undated'} {first['outlet']} — {first['title']}",
              highlight=False, soft_wrap=True)
    for a in found["appearances"]:
        out.print(f"\n{a['date'] or 'undated'} · {a['outlet'] or '—'} · {a['type']}"
                  + (" · first seen" if a["earliest"] else ""), highlight=False)
        words = a["text"] if a["earliest"] else " ".join(
            d["text"] if d["op"] == "equal" else f"[-{d['text']}-]" if d["op"] == "delete" else f"{{+{d['text']}+}}"
            for d in a["diff"])
        out.print("  " + words, highlight=False, soft_wrap=True)
        for f in a["flags"]:
            out.print(f"  ! {f['kind']}: {f['detail']}", highlight=False, soft_wrap=True)

