"""English names after their titles: the title is split into role and affiliation."""

import pytest

from wortlaut.ingest.text import parse_text
from wortlaut.pipeline import process


def source_of(text: str):
    art = process(parse_text(text))
    assert art.quotes, text
    s = art.quotes[0].source
    return s.name, s.kind, s.roles, s.affiliations


@pytest.mark.parametrize(
    "speaker, name, roles, affiliations",
    [
        ("Microsoft President Brad Smith", "Brad Smith", ["President"], ["Microsoft"]),
        ("ISD spokesman Tahir Della", "Tahir Della", ["spokesman"], ["ISD"]),
        ("White House press secretary Dana Whitfield", "Dana Whitfield", ["press secretary"], ["White House"]),
        ("Labour MP for Newcastle Central Chi Onwurah", "Chi Onwurah", ["MP"], ["Labour"]),
        ("Interior Minister Kemal Aydin", "Kemal Aydin", ["Interior Minister"], []),
        ("Everton manager Graham Keyes", "Graham Keyes", ["manager"], ["Everton"]),
        ("Councillor Aoife Brennan", "Aoife Brennan", ["Councillor"], []),
    ],
)
def test_title_before_name(speaker, name, roles, affiliations):
    assert source_of(f"{speaker} said the plan would work.") == (name, "person", roles, affiliations)


def test_hyphenated_surname_is_kept():
    assert source_of("Phoebe Waller-Bridge said she had missed the stage.")[0] == "Phoebe Waller-Bridge"


def test_he_goes_to_the_person_not_the_company():
    art = process(parse_text(
        "Microsoft Corp. announced a plan on Thursday. Chief Executive Satya Nadella told investors that "
        "the company was short of capacity. He said the shortage would last. He added that prices would not rise."))
    assert {q.source.name for q in art.quotes if q.speaker.text.lower() == "he"} == {"Satya Nadella"}


def test_he_never_goes_to_an_organisation():
    art = process(parse_text('Microsoft Corp. announced a plan on Thursday. Analysts were surprised. "We are sold out," he said.'))
    assert all(q.source is None or q.source.kind != "organisation" for q in art.quotes)
