"""Cross-article source identity: the clustering rules, and profiles in a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wortlaut.model import Article, Mention, Quote, Source, Span
from wortlaut.resolve.identity import Correction, MentionRecord, blocking_keys, cluster, same_organisation
from wortlaut.store import SQLiteStore, StoreError


def rec(i: int, name: str, kind: str = "person", date: str = "2023-05", affs=(), roles=(), aliases=(), article=None):
    return MentionRecord(i, article or f"a{i}", kind, name, list(roles), list(affs), list(aliases), date)


def groups(records, corrections=()) -> list[set[int]]:
    by_id: dict[str, set[int]] = {}
    for rid, a in cluster(records, list(corrections)).items():
        by_id.setdefault(a.source_id, set()).add(rid)
    return sorted(by_id.values(), key=min)


# -- rules -----------------------------------------------------------------------------


def test_same_full_name_merges_and_role_change_over_time_is_fine() -> None:
    records = [
        rec(1, "Jonas Albrecht", date="2022-03", roles=["Staatssekretär"], affs=["Wirtschaftsministerium"]),
        rec(2, "Jonas Albrecht", date="2024-06", roles=["Minister"], affs=["Wirtschaftsministerium"]),
        rec(3, "Jonas Albrecht", date="2024-09", roles=["Minister"]),
    ]
    assert groups(records) == [{1, 2, 3}]
    reason = cluster(records)[2].reason
    assert "same name" in reason and "Wirtschaftsministerium" in reason


def test_different_first_names_never_merge() -> None:
    records = [rec(1, "Anna Weber", affs=["Grüne"]), rec(2, "Thomas Weber", affs=["Grüne"])]
    assert groups(records) == [{1}, {2}]


def test_conflicting_affiliations_at_the_same_time_split_one_name() -> None:
    records = [
        rec(1, "Peter Krause", date="2023-04", affs=["Siemens"]),
        rec(2, "Peter Krause", date="2023-06", affs=["FC St. Pauli"]),
        rec(3, "Peter Krause", date="2023-08", affs=["Siemens"]),
    ]
    assert groups(records) == [{1, 3}, {2}]
    assignment = cluster(records)
    assert assignment[1].source_id != assignment[2].source_id
    assert "conflicts" in assignment[2].reason


def test_an_affiliation_years_later_is_a_career_move() -> None:
    records = [rec(1, "Peter Krause", date="2019-04", affs=["Siemens"]), rec(2, "Peter Krause", date="2024-06", affs=["Bosch"])]
    assert groups(records) == [{1, 2}]


def test_bare_surname_joins_only_the_person_sharing_its_evidence() -> None:
    records = [
        rec(1, "Maren Lindqvist", roles=["Professorin"], affs=["Universität Kiel"]),
        rec(2, "Lindqvist", roles=["Professorin"], affs=["der Universität Kiel"]),
        rec(3, "Lindqvist", roles=["Sprecherin"], affs=["Reederei Nordlicht"]),
    ]
    assert groups(records) == [{1, 2}, {3}]
    assert "shared affiliation" in cluster(records)[2].reason


def test_ambiguous_bare_surname_stays_apart() -> None:
    records = [
        rec(1, "Anna Weber", affs=["Universität Hamburg"]),
        rec(2, "Thomas Weber", affs=["Universität Hamburg"]),
        rec(3, "Weber", affs=["Universität Hamburg"]),
    ]
    assert groups(records) == [{1}, {2}, {3}]
    assert "ambiguous" in cluster(records)[3].reason


def test_organisation_long_and_short_forms() -> None:
    records = [
        rec(1, "Deutscher Gewerkschaftsbund", "organisation", aliases=["DGB"]),
        rec(2, "DGB", "organisation"),
        rec(3, "International Institute for Strategic Studies", "organisation"),
        rec(4, "IISS", "organisation"),
        rec(5, "Deutsche Bahn", "organisation"),
    ]
    assert groups(records) == [{1, 2}, {3, 4}, {5}]
    assert cluster(records)[4].name == "International Institute for Strategic Studies"
    assert same_organisation("der Universität Kiel", "Universität Kiel")


def test_unnamed_groups_stay_in_their_article() -> None:
    assert groups([rec(1, "Analysten", "unnamed"), rec(2, "Analysten", "unnamed")]) == [{1}, {2}]


def test_ids_do_not_depend_on_order() -> None:
    records = [
        rec(1, "Peter Krause", date="2023-04", affs=["Siemens"]),
        rec(2, "Peter Krause", date="2023-06", affs=["FC St. Pauli"]),
        rec(3, "Krause", date="2023-07", affs=["Siemens"]),
    ]
    forward = cluster(records)
    backward = cluster(list(reversed(records)))
    assert {k: v.source_id for k, v in forward.items()} == {k: v.source_id for k, v in backward.items()}


def test_corrections_apply_after_the_rules() -> None:
    records = [rec(1, "Anna Weber"), rec(2, "A. Weber-Lorenz")]
    a, b = (cluster(records)[i].source_id for i in (1, 2))
    merged = cluster(records, [Correction("merge", a, b)])
    assert merged[2].source_id == a and "by a user" in merged[2].reason
    split = cluster([rec(1, "Anna Weber"), rec(2, "Anna Weber")], [Correction("split", a, "a2")])
    assert split[1].source_id == a and split[2].source_id != a


def test_blocking_keys() -> None:
    assert blocking_keys("person", "Carl Schuster", [], "x") == {"person:schuster"}
    assert "org:iiss" in blocking_keys("organisation", "International Institute for Strategic Studies", [], "x")
    assert "org:dgb" in blocking_keys("organisation", "Deutscher Gewerkschaftsbund", ["DGB"], "x")


# -- in the store ----------------------------------------------------------------------


def article(text: str, speaker: str, source: Source, date: str, outlet: str = "Kieler Blatt") -> Article:
    start = text.index("„")
    end = text.index("“") + 1
    cue_at = text.index("sagte")
    sp = text.index(speaker)
    quote = Quote(
        start, end, text[start:end], "direct", cue=Span(cue_at, cue_at + 5, "sagte"),
        speaker=Mention(sp, sp + len(speaker), speaker, source.id), source=source,
    )
    return Article(text=text, date=date, outlet=outlet, quotes=[quote], sources=[source])


def lindqvist_articles() -> list[Article]:
    full = Source("Maren Lindqvist", roles=["Professorin"], affiliations=["Universität Kiel"])
    bare = Source("Lindqvist", roles=["Professorin"], affiliations=["Universität Kiel"])
    other = Source("Lindqvist", roles=["Kapitän"], affiliations=["Reederei Nordlicht"])
    return [
        article("„Die Ostsee erwärmt sich“, sagte Professorin Lindqvist von der Universität Kiel.", "Lindqvist", bare, "2023-02"),
        article("„Das Eis geht zurück“, sagte Maren Lindqvist, Professorin an der Universität Kiel.", "Maren Lindqvist", full, "2023-05"),
        article("„Wir fahren trotzdem“, sagte Kapitän Lindqvist von der Reederei Nordlicht.", "Lindqvist", other, "2023-06", "Hafenzeitung"),
    ]


@pytest.fixture
def store(tmp_path: Path):
    with SQLiteStore(tmp_path / "identity.db") as s:
        yield s


def test_bare_surname_stored_before_the_full_name_joins_it_later(store: SQLiteStore) -> None:
    for a in lindqvist_articles():
        store.add_article(a)
    [maren] = [s for s in store.sources() if s["name"] == "Maren Lindqvist"]
    assert maren["quote_count"] == 2 and maren["article_count"] == 2
    assert maren["first_seen"] == "2023-02" and maren["last_seen"] == "2023-05"
    assert maren["aliases"] == ["Lindqvist"]
    captain = [s for s in store.sources() if s["name"] == "Lindqvist"]
    assert len(captain) == 1 and captain[0]["affiliations"] == ["Reederei Nordlicht"]
    profile = store.source_profile(maren["id"])
    assert [e["reason"] for e in profile["evidence"]] == [
        "surname “Lindqvist” resolved by shared affiliation “Universität Kiel”", "first named mention"]
    assert [q["date"] for q in profile["quotes"]] == ["2023-02", "2023-05"]
    assert profile["roles"] == [{"text": "Professorin", "first_seen": "2023-02", "last_seen": "2023-05"}]


def test_reingesting_in_another_order_gives_the_same_ids(tmp_path: Path) -> None:
    def ids(order):
        with SQLiteStore(tmp_path / f"{order}.db") as s:
            for a in (lindqvist_articles() if order == "fwd" else lindqvist_articles()[::-1]):
                s.add_article(a)
            return {(r["name"], r["id"]) for r in s.sources()}

    assert ids("fwd") == ids("rev")


def test_merge_and_split_survive_later_ingests(store: SQLiteStore) -> None:
    arts = lindqvist_articles()
    for a in arts[:2]:
        store.add_article(a)
    maren = store.find_sources("Maren Lindqvist")[0]["id"]
    store.split_source(maren, arts[0].id)
    assert store.source_profile(maren)["quote_count"] == 1
    store.add_article(arts[2])  # re-decides the Lindqvist group
    assert store.source_profile(maren)["quote_count"] == 1
    captain = next(s["id"] for s in store.sources() if s["name"] == "Lindqvist" and s["affiliations"] == ["Reederei Nordlicht"])
    store.merge_sources(maren, captain)
    assert store.source_profile(captain) is None
    merged = store.source_profile(maren)
    assert merged["name"] == "Maren Lindqvist" and merged["quote_count"] == 2
    assert store.add_article(arts[2]) is False  # re-ingesting the same article changes nothing
    assert store.source_profile(maren)["quote_count"] == 2
    with pytest.raises(StoreError):
        store.merge_sources(maren, "no-such-id")


# -- on the command line ---------------------------------------------------------------


def test_cli_profiles_merge_and_split(tmp_path: Path) -> None:
    from conftest import run_cli

    db = tmp_path / "cli.db"
    files = tmp_path / "articles"
    files.mkdir()
    (files / "a.txt").write_text(
        " date 2023-02-01 Kiel, Deutschland\n\nFördeblatt\n\n—\n\nOstsee\n\n"
        "Maren Lindqvist, Professorin an der Universität Kiel, warnte vor der Erwärmung. "
        "„Die Ostsee erwärmt sich schneller als gedacht“, sagte Lindqvist.\n", encoding="utf-8")
    (files / "b.txt").write_text(
        " date 2024-05-02 Hamburg, Deutschland\n\nHanseatischer Morgen\n\n—\n\nSchlick\n\n"
        "„Der Schlick gehört nicht ins Meer“, sagte Professorin Lindqvist von der Universität Kiel.\n",
        encoding="utf-8")
    assert run_cli("ingest", str(files), db=db).returncode == 0

    listed = run_cli("sources", "--format", "json", db=db)
    [maren] = [s for s in json.loads(listed.stdout) if s["kind"] == "person"]
    assert set(maren) == {"id", "name", "kind", "aliases", "roles", "affiliations", "quote_count",
                          "article_count", "outlets", "first_seen", "last_seen"}
    assert (maren["name"], maren["quote_count"], maren["article_count"]) == ("Maren Lindqvist", 2, 2)
    assert maren["outlets"] == ["Fördeblatt", "Hanseatischer Morgen"]
    assert (maren["first_seen"], maren["last_seen"]) == ("2023-02-01", "2024-05-02")
    since = json.loads(run_cli("sources", "--format", "json", "--since", "2024-01-01", db=db).stdout)
    assert [s["quote_count"] for s in since if s["id"] == maren["id"]] == [1]
    assert json.loads(run_cli("sources", "--format", "json", "--outlet", "Nowhere", db=db).stdout) == []

    shown = run_cli("source", "lindqvist", db=db)
    assert shown.returncode == 0
    assert "Maren Lindqvist" in shown.stdout and "why this profile" in shown.stdout
    profile = json.loads(run_cli("source", maren["id"], "--format", "json", db=db).stdout)
    assert [q["date"] for q in profile["quotes"]] == ["2023-02-01", "2024-05-02"]
    assert profile["evidence"][1]["reason"].startswith("surname “Lindqvist” resolved by shared")

    article_b = next(e["article_id"] for e in profile["evidence"] if e["date"] == "2024-05-02")
    split = run_cli("sources", "split", maren["id"], "--article", article_b, db=db)
    assert split.returncode == 0, split.stderr
    new_id = split.stdout.split()[-1]
    assert json.loads(run_cli("source", maren["id"], "--format", "json", db=db).stdout)["quote_count"] == 1
    # the correction holds when the same files are ingested again
    assert run_cli("ingest", str(files), db=db).returncode == 0
    assert json.loads(run_cli("source", maren["id"], "--format", "json", db=db).stdout)["quote_count"] == 1

    merged = run_cli("sources", "merge", maren["id"], new_id, db=db)
    assert merged.returncode == 0 and "2 quote(s)" in merged.stdout
    bad = run_cli("sources", "merge", maren["id"], "nope", db=db)
    assert bad.returncode == 1 and "no source with id nope" in bad.stderr
    assert run_cli("source", "Niemand", db=db).returncode == 1
