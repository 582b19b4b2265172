"""English news patterns the rules must read: quote-mark styles, inverted and naming cues,
colon quotes, interrupted quotes, relative clauses."""

import pytest

from wortlaut.analyse.tokens import tokenize
from wortlaut.ingest.text import parse_text
from wortlaut.pipeline import process

from .test_rules import one, run


@pytest.mark.parametrize(
    "text, quote",
    [
        ("''I love depreciation,'' he said.", "''I love depreciation,''"),
        ("``Nobody should ration insulin,'' said Senator Joan Whitley.", "``Nobody should ration insulin,''"),
        ("'I feel better than I have in years,' she told the Beacon.", "'I feel better than I have in years,'"),
        ("“Tonight, I want to hear you roar,” a smiling Clinton said as she took the stage.",
         "“Tonight, I want to hear you roar,”"),
    ],
)
def test_quotation_mark_styles(text, quote):
    att = one(text)
    assert att["kind"] == "direct"
    assert att["quote"] == [quote]


def test_ascii_quotes_are_read_as_marks_but_text_stays_as_written():
    doc = tokenize("''We are sold out,'' he said. The Smiths' dog barked.", "en")
    assert [t.text for t in doc.tokens][:1] == ["“"]
    assert doc.text.startswith("''We are sold out,''")
    assert "'" in [t.text for t in doc.tokens]  # the possessive stays an apostrophe


def test_backticks_become_one_token():
    doc = tokenize("``Yes,'' she said.", "en")
    assert doc.tokens[0].text == "“" and doc.span_text(0, 1) == "``"


def test_inverted_cue_after_quote_with_role_noun():
    att = one("“Get outside in the morning,” advises psychologist Karen Alvord.")
    assert att["speaker"] == "psychologist Karen Alvord"
    assert att["cue"] == "advises"


def test_age_noun_is_a_speaker():
    att = one("'I'm not going to hide away,' the 34-year-old told the Beacon.")
    assert att["speaker"] == "the 34-year-old"
    assert att["addressee"] == "the Beacon"


def test_interrupted_quote_with_apposition_is_one_statement():
    atts = run("“Kids cannot learn,” the bill's author, Assemblyman Luis Ortega, told the committee, “and teachers cannot teach.”")
    assert len(atts) == 1
    assert atts[0]["quote"] == ["“Kids cannot learn,”", "“and teachers cannot teach.”"]
    assert atts[0]["speaker"] == "Assemblyman Luis Ortega"


def test_quote_after_cue_sentence_with_speaker_apposition_joins():
    atts = run("“Go outside,” advises psychologist Karen Alvord, who runs a clinic in Bellevue. “Light is cheap.”")
    assert len(atts) == 1 and len(atts[0]["quote"]) == 2


def test_colon_quote_takes_the_clause_subject():
    att = one("Governor Elise Moreau was blunt about the reason: “The economy is weaker than we expected.”")
    assert att["speaker"] == "Governor Elise Moreau"
    assert att["kind"] == "direct"


def test_naming_cue_with_quote():
    att = one("Commissioner Paul Agyeman, who represents Westwood, called the closure “overdue but painful.”")
    assert att["quote"] == ["“overdue but painful.”"]
    assert att["speaker"] == "Commissioner Paul Agyeman"


def test_relative_clause_said_does_not_swallow_main_clause():
    att = one("Council member Rosa Villalobos, who said last year that she would never support the project, "
              "voted in favour after the developer agreed.")
    assert att["quote"] == ["she would never support the project"]


def test_relative_clause_subject_is_before_who():
    att = one("Neighbours who opposed the plan said they were considering a lawsuit.")
    assert att["speaker"] == "Neighbours"


def test_time_phrase_between_subject_and_verb():
    att = one("Microsoft Corp. on Thursday announced that it would expand its data centres.")
    assert att["speaker"] == "Microsoft Corp."


def test_coordinated_verb_shares_the_subject():
    atts = run("His agent, Steve Harte, said there had been offers but insisted talks had never got far.")
    assert [a["speaker"] for a in atts] == ["Steve Harte", "Steve Harte"]


def test_back_reference_and_pronouns_follow_the_named_person():
    art = process(parse_text(
        "Soap star Jenna Marlowe has hit back at trolls.\n\n"
        "'I'm not going to hide away,' the 34-year-old told the Beacon.\n\n"
        "Chief Executive Satya Nadella told investors that capacity was short. \"We are sold out,\" he said."))
    assert [q.source.name for q in art.quotes] == ["Jenna Marlowe", "Satya Nadella", "Satya Nadella"]


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        ("Smith has argued for years that the tax code rewards the wrong people.",
         "the tax code rewards the wrong people", "Smith"),
        ("The senator believes the bill will pass before the recess.", "the bill will pass before the recess", "The senator"),
        ("Republicans in the House, meanwhile, have long maintained the program is too costly.",
         "the program is too costly", "Republicans in the House"),
    ],
)
def test_reporting_verb_with_clausal_complement(text, quote, speaker):
    att = one(text)
    assert (att["quote"], att["speaker"]) == ([quote], speaker)


def test_participial_phrase_after_the_clause_is_not_content():
    att = one("Speaker Mike Johnson said Tuesday that Republicans would not bring the bill to a vote, "
              "dealing a blow to the deal.")
    assert att["quote"] == ["Republicans would not bring the bill to a vote"]


def test_party_tag_apposition_is_not_the_speaker():
    att = one("Rep. Pramila Jayapal, D-Wash., who chairs the Progressive Caucus, said she had concerns about the bill.")
    assert att["speaker"] == "Rep. Pramila Jayapal"


def test_interview_answers_are_the_interviewees():
    atts = run("Maria Delgado runs the food bank.\nQ: How many families do you serve?\nA: About 4,000 a month.\n"
               "Q: What changed?\nA: Rent went up.")
    assert [(a["quote"], a["speaker"]) for a in atts] == [
        (["About 4,000 a month."], "Maria Delgado"), (["Rent went up."], "Maria Delgado")]


def test_people_familiar_with_the_matter_is_one_speaker():
    att = one("The administration is preparing to replace him, according to three people familiar with the matter.")
    assert att["speaker"] == "three people familiar with the matter"
