"""Spark: the batch runner's work over a cluster, and its output into a store."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..analyse.language import ANALYSED
from .app import app, store_of
from .output import (
    fail,
    out,
)


@app.command()
def spark(
    warcs: str = typer.Argument(..., help="A WARC file or a glob of them (quote it), e.g. 'cc-news/*.warc.gz'."),
    out_dir: Path = typer.Option(..., "--out", help="Directory for the Parquet output."),
    master: str = typer.Option("local[*]", "--master", help="Spark master: local[N] or a cluster URL."),
    languages: str = typer.Option(",".join(ANALYSED), "--languages", help="Languages to analyse, comma-separated."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Rules instead of the trained tagger."),
) -> None:
    """Ingest WARC files on Spark (one task per file) into Parquet: articles, quotes, mentions, profiles."""
    from ..scale.job import input_files, run
    from ..scale.session import spark_session

    files = input_files(warcs)
    if not files:
        fail(f"no files match {warcs}")
        raise typer.Exit(1)
    session = spark_session(master)
    try:
        outcome = run(session, files, out_dir, languages=tuple(languages.split(",")), use_model=not rules_only)
    finally:
        session.stop()
    out.print(f"{outcome.files} files: {outcome.articles} articles, {outcome.copies} near copies, "
              f"{outcome.locations} repeated texts, {outcome.quotes} quotes, {outcome.profiles} profiles, "
              f"{outcome.failures} failures → {out_dir}", highlight=False)


@app.command()
def load(
    ctx: typer.Context,
    out_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="A `wortlaut spark` output directory."),
    db: Optional[str] = typer.Option(None, "--db", help="The database (file or postgresql:// URL) to load into (default: the global --db)."),
) -> None:
    """Put a Spark output into the store; its profiles are re-derived and checked against the job's."""
    from ..scale.load import check_profiles
    from ..scale.load import load as load_output

    if db is not None:
        ctx.obj["db"] = db
    with store_of(ctx) as store:
        loaded = load_output(out_dir, store)
        differ = check_profiles(out_dir, store)
    out.print(f"{loaded.articles} articles, {loaded.locations} more locations, {loaded.failures} failures loaded",
              highlight=False)
    if differ:
        fail(f"{len(differ)} profiles differ from the job's, first: {differ[0]}")
        raise typer.Exit(1)

