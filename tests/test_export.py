"""Exports through the CLI into real files, read back with csv, json and pyarrow;
and the database opened by Datasette with search and foreign keys working."""

from __future__ import annotations

import asyncio
import csv
import json
import random
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import DEMO, run_cli
from newspages import SITES, demo_articles, news_page, story, write_warc
from wortlaut.export import COLUMNS, LISTS

KINDS = ("quotes", "sources", "articles")


def ingest(db: Path, *inputs: Path) -> Path:
    result = run_cli("ingest", "--workers", "1", *map(str, inputs), db=db)
    assert result.returncode == 0, result.stderr
    return db


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """Three stories recombined from the demo articles, as a crawl would bring them."""
    path = tmp_path_factory.mktemp("warc") / "crawl.warc.gz"
    rng, articles = random.Random(7), demo_articles()
    pages = []
    for k in range(3):
        title, body = story(articles, rng)
        page = news_page(title, body, SITES[k % 5], url=f"https://e.de/{k}", author="Lena Sommer",
                         date="2024-05-02", variant=k)
        pages.append((f"https://e.de/{k}", page.encode(), "2024-05-02"))
    write_warc(path, pages)
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory, archive) -> Path:
    return ingest(tmp_path_factory.mktemp("export") / "wortlaut.db", DEMO, archive)


@pytest.fixture(scope="module")
def exported(db, tmp_path_factory) -> dict[tuple[str, str], list[dict]]:
    """Every kind in every format, read back into rows."""
    out = tmp_path_factory.mktemp("files")
    tables = {}
    for kind in KINDS:
        for fmt in ("jsonl", "csv", "parquet"):
            path = out / f"{kind}.{fmt}"
            result = run_cli("export", kind, "--format", fmt, "--out", str(path), db=db)
            assert result.returncode == 0, result.stderr
            tables[kind, fmt] = read(path, fmt)
    return tables


def read(path: Path, fmt: str) -> list[dict]:
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as f:
            return [{k: json.loads(v) if k in LISTS else v for k, v in row.items()} for row in csv.DictReader(f)]
    return pq.read_table(path).to_pylist()


def comparable(row: dict) -> dict:
    # CSV has no types: compare every value as text, lists as decoded JSON
    return {k: v if k in LISTS else ("" if v is None else str(v)) for k, v in row.items()}


@pytest.mark.parametrize("kind", KINDS)
def test_the_three_formats_hold_the_same_rows(exported, kind):
    jsonl, csv_rows, parquet = (exported[kind, f] for f in ("jsonl", "csv", "parquet"))
    assert jsonl and list(jsonl[0]) == list(COLUMNS[kind])
    assert [comparable(r) for r in jsonl] == [comparable(r) for r in csv_rows] == [comparable(r) for r in parquet]
    assert parquet == jsonl  # typed formats agree exactly


def test_quote_offsets_point_into_the_article_text(exported):
    texts = {a["id"]: a["text"] for a in exported["articles", "jsonl"]}
    quotes = exported["quotes", "jsonl"]
    assert len(quotes) > 100 and len({q["id"] for q in quotes}) == len(quotes)
    for q in quotes:
        text = texts[q["article_id"]]
        assert text[q["start"]:q["end"]] == q["text"]
        if q["speaker"] is not None:
            assert text[q["speaker_start"]:q["speaker_end"]] == q["speaker"]
        if q["cue"] is not None:
            first_piece = q["cue"].split(" … ")[0]
            assert text[q["cue_start"]:q["cue_end"]].startswith(first_piece)


def test_every_quote_carries_its_provenance(exported, archive):
    quotes = exported["quotes", "jsonl"]
    assert {q["analysed_by"].split()[0] for q in quotes} == {"crf", "rules"}  # German by the model, English by rules
    assert all(q["analysed_by"].startswith("crf de-attribution features ") for q in quotes if q["language"] == "de")
    from_warc = [q for q in quotes if q["archive"]]
    assert from_warc and {q["archive"] for q in from_warc} == {str(archive)}
    assert all(q["record_id"].startswith("<urn:uuid:") and q["article_url"].startswith("https://e.de/") for q in from_warc)
    named = [q for q in quotes if q["source_id"]]
    assert {q["source_id"] for q in named} <= {s["id"] for s in exported["sources", "jsonl"]}


def test_ids_are_stable_across_databases(exported, tmp_path, archive):
    # another database, the inputs in the other order
    again = ingest(tmp_path / "again.db", archive, DEMO)
    path = tmp_path / "quotes.jsonl"
    assert run_cli("export", "quotes", "--out", str(path), db=again).returncode == 0
    def key(q):
        return q["id"], q["article_id"], q["source_id"], q["text"]
    assert sorted(map(key, read(path, "jsonl"))) == sorted(map(key, exported["quotes", "jsonl"]))


def test_a_failed_export_leaves_no_file(db, tmp_path):
    result = run_cli("export", "quotes", "--format", "parquet", db=db)
    assert result.returncode == 2 and "--out" in result.stderr
    result = run_cli("export", "quotes", "--out", str(tmp_path / "missing" / "q.jsonl"), db=db)
    assert result.returncode == 2
    assert not list(tmp_path.rglob("*q.jsonl*"))


def test_datasette_searches_and_follows_foreign_keys(db, tmp_path):
    datasette = pytest.importorskip("datasette.app")
    metadata = tmp_path / "metadata.json"
    assert run_cli("export", "datasette", "--out", str(metadata), db=db).returncode == 0

    async def get(ds, path):
        response = await ds.client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        return response.json()

    async def check():
        ds = datasette.Datasette([str(db)], metadata=json.loads(metadata.read_text(encoding="utf-8")))
        name = db.stem
        found = await get(ds, f"/{name}/quotes.json?_search=Südkorea&_shape=objects&_labels=on")
        assert found["rows"] and all("korea" in r["text"].lower() for r in found["rows"])
        labelled = [r for r in found["rows"] if r["source_id"]]
        assert labelled and all(set(r["source_id"]) == {"value", "label"} for r in labelled)
        articles = await get(ds, f"/{name}/articles.json?_search=Hafen&_shape=objects")
        assert articles["rows"]
        table = await get(ds, f"/{name}.json")
        quotes_table = next(t for t in table["tables"] if t["name"] == "quotes")
        assert {fk["other_table"] for fk in quotes_table["foreign_keys"]["outgoing"]} >= {"articles", "sources"}

    asyncio.run(check())
