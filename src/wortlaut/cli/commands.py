"""Ingesting, browsing, correcting, exporting, serving, training and evaluating."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.progress import (
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from .. import batch
from ..analyse.language import ANALYSED
from ..ingest import iter_items
from ..model import fold
from ..pipeline import process_path
from ..store import StoreError
from .app import app, correct, db_label, evaluate_app, sources_app, store_of
from .output import (
    Format,
    ListFormat,
    err,
    fail,
    out,
    print_json,
    print_table,
    printable,
    short,
    span,
)


@app.command()
def ingest(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(..., help="Files, directories, http(s) URLs, or - for standard input."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Analysis processes (default: one per core)."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow URLs on private, loopback and link-local addresses."),
    fetch_links: bool = typer.Option(False, "--fetch-links", help="Download the linked page of feed entries without full text (always done for feeds given as URLs)."),
    languages: str = typer.Option(",".join(ANALYSED), "--languages", help="Languages to analyse; articles in others are stored as unsupported."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Use the rule tagger even if a trained model is installed."),
    time_budget: float = typer.Option(batch.TIME_BUDGET, "--time-budget", min=0.1, help="Seconds one article's analysis may take before it fails."),
    memory_budget: int = typer.Option(batch.MEMORY_BUDGET, "--memory-budget", min=64, help="MB a worker may hold analysing one article before it fails."),
) -> None:
    """Read HTML pages, feeds, WARC archives and text (format sniffed from content), store each
    story once and analyse it. Exits 1 if any item failed; good items are stored."""
    chosen = tuple(dict.fromkeys(code.strip().lower() for code in languages.split(",") if code.strip()))
    if not chosen or set(chosen) - set(ANALYSED):
        fail(f"--languages: choose from {', '.join(ANALYSED)}")
        raise typer.Exit(2)
    items = iter_items(paths, allow_private=allow_private, fetch_links=fetch_links)
    with store_of(ctx) as store, Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} items"), _ItemsPerSecond(),
        TimeElapsedColumn(), console=err, transient=True,
    ) as bar:
        task = bar.add_task("ingesting", total=None)
        try:
            summary = batch.run(items, store, workers=workers, languages=chosen, use_model=not rules_only,
                                on_item=lambda outcome: bar.advance(task), time_budget=time_budget,
                                memory_budget=memory_budget)
        except StoreError as exc:
            fail(f"{exc}")
            raise typer.Exit(2) from None
    for failure in summary.failures:
        fail(f"{failure.item}: {failure.reason}")
    out.print(
        f"{summary.stored} article(s) stored with {summary.quotes} quote(s), {summary.duplicate} duplicate, "
        f"{summary.unsupported} unsupported, {summary.present} already present, {len(summary.failures)} failed. "
        f"Database: {db_label(ctx.obj['db'])}",
        highlight=False,
        soft_wrap=True,
    )
    if summary.failures:
        raise typer.Exit(1)


class _ItemsPerSecond(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} items/s" if speed else "", style="progress.data.speed")


@app.command()
def failures(ctx: typer.Context, fmt: ListFormat = typer.Option(ListFormat.table, "--format")) -> None:
    """Items that could not be ingested, with the reason and the time of the last attempt."""
    with store_of(ctx) as store:
        rows = store.failures()
    if fmt is ListFormat.json:
        return print_json(rows)
    print_table(("item", "reason", "at"), [(r["item"], r["reason"], r["at"]) for r in rows])


@app.command()
def quotes(
    ctx: typer.Context,
    source: Optional[str] = typer.Option(None, "--source", help="Only quotes whose source name contains this."),
    search: Optional[str] = typer.Option(None, "--search", help="Full-text search in the quote text."),
    fmt: Format = typer.Option(Format.table, "--format"),
) -> None:
    """List stored quotes with their sources."""
    with store_of(ctx) as store:
        rows = store.quotes(source=source, search=search)
    if fmt is Format.json:
        print_json(rows)
    elif fmt is Format.csv:
        w = csv.writer(sys.stdout)
        w.writerow(["article_id", "start", "end", "type", "cue", "speaker_text", "source", "kind", "roles", "affiliations", "text"])
        for r in rows:
            s = r["source"] or {}
            w.writerow([r["article_id"], r["start"], r["end"], r["type"], r["cue"], r["speaker_text"], s.get("name", ""),
                        s.get("kind", ""), "; ".join(s.get("roles", [])), "; ".join(s.get("affiliations", [])), r["text"]])
    else:
        print_table(("source", "role / affiliation", "type", "cue", "quote"), [
            (s.get("name", "—"), ", ".join(s.get("roles", []) + s.get("affiliations", [])), r["type"], r["cue"] or "", short(r["text"]))
            for r in rows for s in [r["source"] or {}]
        ])


@sources_app.callback(invoke_without_command=True)
def sources(
    ctx: typer.Context,
    top: Optional[int] = typer.Option(None, "--top", min=1, help="Only the N most quoted."),
    since: Optional[str] = typer.Option(None, "--since", help="Count only quotes from articles dated on or after this (YYYY-MM-DD)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Count only quotes from this outlet."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format"),
) -> None:
    """List source profiles, most quoted first. Subcommands correct the identity resolver."""
    if ctx.invoked_subcommand is not None:
        return
    with store_of(ctx) as store:
        rows = store.sources(top=top, since=since, outlet=outlet)
    if fmt is ListFormat.json:
        return print_json(rows)
    print_table(("id", "source", "kind", "roles", "affiliations", "quotes", "articles", "seen"), [
        (r["id"], r["name"], r["kind"], "; ".join(r["roles"]), "; ".join(r["affiliations"]), str(r["quote_count"]),
         str(r["article_count"]), span(r["first_seen"], r["last_seen"]))
        for r in rows
    ])


@sources_app.command("merge")
def sources_merge(
    ctx: typer.Context,
    target: str = typer.Argument(..., help="Id of the profile to keep."),
    other: str = typer.Argument(..., help="Id of the profile that is the same source."),
) -> None:
    """Merge profile OTHER into TARGET. The correction is kept and re-applied on later ingests."""
    with store_of(ctx) as store:
        correct(lambda: store.merge_sources(target, other))
        merged = store.source_profile(target)
    out.print(f"merged {other} into {target}: {merged['name']} now has {merged['quote_count']} quote(s) "
              f"in {merged['article_count']} article(s)", highlight=False, soft_wrap=True)


@sources_app.command("split")
def sources_split(
    ctx: typer.Context,
    source: str = typer.Argument(..., help="Id of the profile that wrongly holds a mention."),
    article: str = typer.Option(..., "--article", help="Id of the article whose mention is someone else."),
) -> None:
    """Take one article's mention out of a profile into a profile of its own. Kept like a merge."""
    with store_of(ctx) as store:
        new_id = correct(lambda: store.split_source(source, article))
    out.print(f"split article {article}'s mention out of {source}: now {new_id}", highlight=False, soft_wrap=True)


@app.command("source")
def source_cmd(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="A name, alias or id (case and accents ignored)."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format"),
) -> None:
    """One source's profile: roles and affiliations with dates, outlets, quotes in time order, co-quoted sources."""
    with store_of(ctx) as store:
        profile = store.source_profile(name)
        if profile is None:
            found = store.find_sources(name)
            exact = [r for r in found if fold(r["name"]) == fold(name)]
            if len(exact) == 1:
                found = exact
            if len(found) > 1:
                err.print(f"“{name}” names {len(found)} profiles; pick one by id:", highlight=False)
                print_table(("id", "source", "roles", "affiliations", "quotes"), [
                    (r["id"], r["name"], "; ".join(r["roles"]), "; ".join(r["affiliations"]), str(r["quote_count"]))
                    for r in found
                ])
                raise typer.Exit(1)
            profile = store.source_profile(found[0]["id"]) if found else None
    if profile is None:
        fail(f"no source named “{name}”")
        raise typer.Exit(1)
    if fmt is ListFormat.json:
        return print_json(profile)
    p = profile
    out.print(Text(printable(p["name"]), style="bold") + Text(f" ({p['kind']}, id {p['id']})"))
    if p["aliases"]:
        out.print("also written: " + ", ".join(p["aliases"]), highlight=False, soft_wrap=True)
    out.print(f"{p['quote_count']} quote(s) in {p['article_count']} article(s), "
              f"{span(p['first_seen'], p['last_seen'])}; outlets: {', '.join(p['outlets']) or '—'}", highlight=False)
    print_table(("as", "", "seen"), [
        (d["text"], label, span(d["first_seen"], d["last_seen"]))
        for label, key in (("role", "roles"), ("affiliation", "affiliations")) for d in p[key]
    ])
    print_table(("date", "outlet", "type", "quote"), [
        (q["date"], q["outlet"], q["type"], short(q["text"], 110)) for q in p["quotes"]
    ])
    if p["co_quoted"]:
        out.print("quoted alongside: " + ", ".join(f"{c['name']} ({c['articles']})" for c in p["co_quoted"]),
                  highlight=False, soft_wrap=True)
    print_table(("article", "date", "written as", "why this profile"), [
        (e["article_id"], e["date"], e["name"], e["reason"]) for e in p["evidence"]
    ])


@app.command()
def articles(ctx: typer.Context, fmt: ListFormat = typer.Option(ListFormat.table, "--format")) -> None:
    """List stored articles."""
    with store_of(ctx) as store:
        rows = store.articles()
    if fmt is ListFormat.json:
        return print_json(rows)
    print_table(("id", "date", "place", "country", "outlet", "lang", "status", "quotes", "title"), [
        (r["id"], r["date"], r["place"], r["country"], r["outlet"], r["language"],
         r["status"] + (f" of {r['duplicate_of']}" if r["duplicate_of"] else ""), str(r["quotes"]), short(r["title"], 60))
        for r in rows
    ])


@app.command("search")
def search_cmd(ctx: typer.Context, text: str = typer.Argument(..., help="Words to find (case and accents ignored).")) -> None:
    """Full-text search over quotes and article text."""
    with store_of(ctx) as store:
        hits = store.search(text)
    print_table(("kind", "source", "text", "article"), [
        (h["kind"], h["source"] or "", short(h["text"], 100), h["article_id"]) for h in hits
    ])
    if not hits:
        err.print("no matches")


class ExportKind(str, Enum):
    quotes = "quotes"
    sources = "sources"
    articles = "articles"
    datasette = "datasette"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@app.command("export")
def export_cmd(
    ctx: typer.Context,
    kind: ExportKind = typer.Argument(..., help="quotes, sources or articles; datasette writes Datasette metadata."),
    fmt: ExportFormat = typer.Option(ExportFormat.jsonl, "--format"),
    out: Optional[Path] = typer.Option(None, "--out", help="File to write (default: standard output; needed for Parquet)."),
) -> None:
    """Export quotes, sources or articles with stable ids and provenance (JSON Lines, CSV, Parquet)."""
    from ..export import ExportError, datasette_metadata, export

    if kind is ExportKind.datasette:
        metadata = json.dumps(datasette_metadata(Path(ctx.obj["db"]).stem), ensure_ascii=False, indent=2) + "\n"
        if out is None:
            sys.stdout.write(metadata)
        else:
            out.write_text(metadata, encoding="utf-8")
        return
    with store_of(ctx) as store:
        try:
            count = export(store, kind.value, fmt.value, out)
        except (ExportError, OSError) as exc:
            fail(str(exc))
            raise typer.Exit(2) from None
    if out is not None:
        err.print(f"{count} {kind.value} written to {out}")


@app.command()
def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port"),
    token: Optional[str] = typer.Option(None, "--token", envvar="WORTLAUT_API_TOKEN", show_envvar=True,
                                        help="Enables POST /api/articles for clients sending it as a Bearer token."),
) -> None:
    """Web UI and REST API over the database (API docs at /docs)."""
    import uvicorn

    from ..serve import create_app

    store_of(ctx).close()  # a bad database fails here with one line, not in a request
    uvicorn.run(create_app(ctx.obj["db"], token=token), host=host, port=port)


@app.command()
def train(
    train_dir: Path = typer.Option(..., "--train", exists=True, file_okay=False, help="Directory of corpus JSON files to learn from."),
    out_dir: Path = typer.Option(..., "--out", help="Model directory to write (e.g. models/de-attribution)."),
    iterations: int = typer.Option(300, "--iterations", help="L-BFGS iterations per CRF."),
    c1: float = typer.Option(0.01, "--c1", help="L1 regularisation."),
    c2: float = typer.Option(0.01, "--c2", help="L2 regularisation."),
) -> None:
    """Train the German attribution CRFs and write them with their cue lemmas and training.json."""
    from ..training import train as train_model

    print_json(train_model(train_dir, out_dir, iterations, c1, c2))


@evaluate_app.command("german-news")
def evaluate_german_news(
    gold: Path = typer.Option(..., "--gold", exists=True, file_okay=False, help="Directory of corpus JSON files."),
    out_dir: Path = typer.Option(..., "--out", help="Directory for one prediction file per document."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Score the rule tagger instead of the trained model."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format"),
) -> None:
    """Predict the German news quotation corpus and print P/R/F1 per role and joint."""
    from ..analyse import tagger_name
    from ..evaluate.german_news import evaluate
    from ..evaluate.scorer import format_report

    n = len(list(gold.glob("*.json")))
    if n == 0:
        fail(f"no *.json corpus files in {gold}")
        raise typer.Exit(1)
    if out_dir.exists() and not out_dir.is_dir():
        fail(f"--out {out_dir} exists and is not a directory")
        raise typer.Exit(1)
    with Progress(console=err, transient=True) as bar:
        task = bar.add_task("analysing", total=n)
        summary, errors = evaluate(gold, out_dir, use_model=not rules_only, progress=lambda k: bar.advance(task, k))
    for e in errors:
        fail(f"{e}")
    if fmt is ListFormat.json:
        print_json({"tagger": tagger_name("de", not rules_only), **summary, "errors": [str(e) for e in errors]})
    else:
        out.print(f"tagger: {tagger_name('de', not rules_only)}", highlight=False)
        out.print(format_report(summary), highlight=False)
    if errors:
        raise typer.Exit(1)


@evaluate_app.command("example")
def evaluate_example(
    article: Path = typer.Argument(..., exists=True, help="An article file, or a directory of them."),
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Hand gold JSON: one article's, or keyed by file name."),
    rules_only: bool = typer.Option(False, "--rules-only"),
) -> None:
    """Score articles against hand gold: statements, sources, furniture, dateline."""
    from ..evaluate.example import score_directory, score_example

    def analyse_file(path: Path):
        (analysed,) = process_path(path, use_model=not rules_only)
        return analysed

    try:
        gold_data = json.loads(gold.read_text(encoding="utf-8"))
        if article.is_dir():
            score = score_directory(article, gold_data, analyse_file)
        else:
            score = score_example(analyse_file(article), gold_data)
    except (ValueError, KeyError, TypeError, AttributeError, OSError) as exc:  # IngestError is a ValueError
        fail(f"cannot score {article} against {gold}: {exc!r}")
        raise typer.Exit(1) from None
    out.print(score.report(), highlight=False, soft_wrap=True)
