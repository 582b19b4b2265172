"""The command-line application, its global options and the store it opens."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import typer

from ..store import Store, StoreError, is_server_url, open_store
from .output import (
    fail,
)

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Who said what, in what role: quotes from news articles.")
evaluate_app = typer.Typer(no_args_is_help=True, help="Score the analysis against annotated corpora.")
app.add_typer(evaluate_app, name="evaluate")
sources_app = typer.Typer(help="Source profiles, and corrections to who is who.")
app.add_typer(sources_app, name="sources")


@app.callback()
def main(
    ctx: typer.Context,
    db: str = typer.Option("wortlaut.db", "--db", envvar="WORTLAUT_DB", show_envvar=True,
                           help="SQLite database file, or a postgresql:// URL."),
) -> None:
    ctx.obj = {"db": db}


def db_label(db: str) -> str:
    """The database as shown to the user: a server URL without its password."""
    if not is_server_url(db):
        return db
    parts = urlsplit(db)
    if parts.password is None:
        return db
    netloc = parts.netloc.rsplit("@", 1)
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{netloc[-1]}"))


def store_of(ctx: typer.Context) -> Store:
    try:
        return open_store(ctx.obj["db"])
    except StoreError as exc:
        fail(f"{exc}")
        raise typer.Exit(2) from None



def correct(action):
    try:
        return action()
    except StoreError as exc:
        fail(f"{exc}")
        raise typer.Exit(1) from None

