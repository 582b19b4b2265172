"""A profile from its mentions: the name most mentions give, evidence in date order."""

from __future__ import annotations

from wortlaut.resolve.identity import ProfileMention, build_profile


def mention(id: int, name: str, date: str, *, canonical: str = "Carl Schuster", reason: str = "same name",
            roles=(), affiliations=(), aliases=(), ingested_at: str = "2025-01-01T00:00:00") -> ProfileMention:
    return ProfileMention(id, "person", name, canonical, reason, list(roles), list(affiliations), list(aliases),
                          date, ingested_at)


def test_no_mentions_no_profile():
    assert build_profile([]) is None


def test_roles_and_affiliations_in_the_order_the_evidence_gave_them():
    profile = build_profile([
        mention(3, "Schuster", "2024-05", roles=["Direktor"], affiliations=["Institut Nord"]),
        mention(1, "Carl Schuster", "2023", roles=["Professor", "Direktor"], affiliations=["Universität Kiel"]),
        mention(2, "Carl Schuster", "", roles=["Berater"]),  # undated evidence comes last
        mention(4, "Carl Schuster", "2024-05", roles=["professor"], affiliations=["universität kiel"]),
    ])
    assert profile.name == "Carl Schuster" and profile.kind == "person"
    # first given together: in code-point order; "professor" folds into "Professor"
    assert profile.roles == ["Direktor", "Professor", "Berater"]
    assert profile.affiliations == ["Universität Kiel", "Institut Nord"]
    assert profile.aliases == ["Schuster"]


def test_earlier_articles_first_then_ingestion_order():
    profile = build_profile([
        mention(3, "Carl Schuster", "2024-03", roles=["Direktor"]),
        mention(2, "Carl Schuster", "2023-11-30", roles=["Professor"], ingested_at="2025-02-01T00:00:00"),
        mention(1, "Carl Schuster", "2023-11-30", roles=["Dekan"], ingested_at="2025-03-01T00:00:00"),
    ])
    assert profile.roles == ["Professor", "Dekan", "Direktor"]


def test_the_profile_keeps_its_name_when_a_user_merges_another_in():
    profile = build_profile([
        mention(1, "C. Schuster", "2024", canonical="C. Schuster"),
        mention(2, "Carl Schuster", "2024", canonical="Carl Schuster", reason="merged by a user (same name)"),
        mention(3, "Carl Schuster", "2024", canonical="Carl Schuster", reason="merged by a user (same name)"),
    ])
    assert profile.name == "C. Schuster"
    assert profile.aliases == ["Carl Schuster"]


def test_most_mentions_name_the_profile_longest_on_a_tie():
    profile = build_profile([
        mention(1, "Carl Schuster", "2024", canonical="Carl Schuster"),
        mention(2, "Carl A. Schuster", "2024", canonical="Carl A. Schuster"),
    ])
    assert profile.name == "Carl A. Schuster"
    assert profile.aliases == ["Carl Schuster"]


def test_a_role_restating_another_with_a_listed_affiliation_is_dropped():
    profile = build_profile([
        mention(1, "Carl Schuster", "2023", roles=["Deutschland-Chef"], affiliations=["Flixbus"]),
        mention(2, "Carl Schuster", "2024", roles=["Deutschland-Chef von Flixbus", "Flixbus-Manager"]),
        mention(3, "Carl Schuster", "2024", roles=["Sprecher der Polizei"]),  # no plain "Sprecher": kept
    ])
    assert profile.roles == ["Deutschland-Chef", "Flixbus-Manager", "Sprecher der Polizei"]
