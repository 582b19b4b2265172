import pytest

from wortlaut.analyse.attribution import to_quotes
from wortlaut.analyse.en.rules import attribute
from wortlaut.analyse.tokens import tokenize


def run(text: str) -> list[dict]:
    doc = tokenize(text, "en")
    out = []
    for att in attribute(doc):
        out.append({
            "kind": att.kind,
            "quote": [doc.span_text(a, b) for a, b in att.quote],
            "cue": " ".join(doc.span_text(a, b) for a, b in att.cue),
            "speaker": doc.span_text(*att.speaker) if att.speaker else None,
            "addressee": doc.span_text(*att.addressee) if att.addressee else None,
        })
    return out


def one(text: str) -> dict:
    atts = run(text)
    assert len(atts) == 1, atts
    return atts[0]


def test_tagging_gives_penn_tags_and_lemmas():
    doc = tokenize("She told reporters that rates were rising.", "en")
    tags = {t.text: (t.pos, t.lemma) for t in doc.tokens}
    assert tags["She"] == ("PRP", "she")
    assert tags["told"] == ("VBD", "tell")
    assert tags["reporters"] == ("NNS", "reporter")


def test_direct_inverted_cue_with_apposition():
    a = one("“The economy is slowing,” said Jane Doe, a professor of economics at Harbour University.")
    assert a == {"kind": "direct", "quote": ["“The economy is slowing,”"], "cue": "said", "speaker": "Jane Doe", "addressee": None}


def test_direct_pronoun_speaker_straight_marks():
    a = one('"We will not back down," she said.')
    assert (a["quote"], a["cue"], a["speaker"]) == (['"We will not back down,"'], "said", "she")


def test_direct_told_reporters():
    a = one('"This is a mistake," Doe told reporters.')
    assert (a["kind"], a["cue"], a["speaker"], a["addressee"]) == ("direct", "told", "Doe", "reporters")


def test_direct_after_colon_multi_sentence():
    a = one('Doe said: "The plan is dead. We start again."')
    assert (a["kind"], a["quote"], a["speaker"]) == ("direct", ['"The plan is dead. We start again."'], "Doe")


def test_multi_sentence_quote_before_cue():
    a = one("“We are ready. We have the votes. We will win,” the minister said on Tuesday.")
    assert a["quote"] == ["“We are ready. We have the votes. We will win,”"]
    assert a["speaker"] == "the minister"


def test_interrupted_quote_is_one_attribution():
    a = one("“The plan,” she said, “was never going to work.”")
    assert a["kind"] == "direct"
    assert a["quote"] == ["“The plan,”", "“was never going to work.”"]
    assert (a["cue"], a["speaker"]) == ("said", "she")
    b = one("‘Prices will rise,’ said Doe, ‘and nobody can stop it.’")
    assert b["quote"] == ["‘Prices will rise,’", "‘and nobody can stop it.’"]
    assert b["speaker"] == "Doe"


def test_quote_right_after_its_cue_sentence_joins_that_statement():
    atts = run("“I have no regrets,” said Doe. “None at all. I would do it again.”\nHe then left the building.")
    assert [a["quote"] for a in atts] == [["“I have no regrets,”", "“None at all. I would do it again.”"]]
    assert atts[0]["speaker"] == "Doe" and atts[0]["cue"] == "said"


def test_quote_without_cue_inherits_from_paragraph():
    atts = run("“I have no regrets,” said Doe. The crowd cheered. “None at all. I would do it again.”")
    assert [a["quote"] for a in atts] == [["“I have no regrets,”"], ["“None at all. I would do it again.”"]]
    assert all(a["speaker"] == "Doe" and a["cue"] == "said" for a in atts)


def test_quote_running_on_into_next_paragraph():
    atts = run("Doe said: “We will win.\n“We will win again.”")
    assert [a["quote"] for a in atts] == [["“We will win."], ["“We will win again.”"]]
    assert atts[1]["speaker"] == "Doe"


@pytest.mark.parametrize(
    "text, quote, cue, speaker",
    [
        ("The ministry said the deficit would narrow next year.", "the deficit would narrow next year", "said", "The ministry"),
        ("Doe said that the bank had made a mistake.", "the bank had made a mistake", "said", "Doe"),
        ("Prices will rise, the central bank said.", "Prices will rise", "said", "the central bank"),
        ("Growth will slow, said Jane Doe, a professor at Harbour University.", "Growth will slow", "said", "Jane Doe"),
        ("Analysts say the company is overvalued.", "the company is overvalued", "say", "Analysts"),
        ("The minister said in a statement on Tuesday that the talks had failed.", "the talks had failed", "said", "The minister"),
        ("Doe, who chairs the committee, said the vote would go ahead.", "the vote would go ahead", "said", "Doe"),
        ("The head of the central bank warned that inflation could return.", "inflation could return", "warned", "The head of the central bank"),
        ("Doe pointed out that the law had not changed.", "the law had not changed", "pointed out", "Doe"),
    ],
)
def test_indirect(text, quote, cue, speaker):
    a = one(text)
    assert (a["kind"], a["quote"], a["cue"], a["speaker"]) == ("indirect", [quote], cue, speaker)


def test_indirect_told_reporters_that():
    a = one("Doe told reporters that she would resign.")
    assert (a["quote"], a["speaker"], a["addressee"]) == (["she would resign"], "Doe", "reporters")


def test_cue_inside_the_clause():
    a = one("The plan, she said, was flawed.")
    assert (a["kind"], a["quote"], a["speaker"]) == ("indirect", ["The plan", "was flawed"], "she")


def test_two_coordinated_statements():
    atts = run("Doe said the economy would grow, but Smith said it would shrink.")
    assert [(a["quote"], a["speaker"]) for a in atts] == [(["the economy would grow"], "Doe"), (["it would shrink"], "Smith")]


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        ("According to the ministry, the deficit will narrow.", ["the deficit will narrow"], "the ministry"),
        ("The deficit will narrow, according to a report by the Finance Ministry.", ["The deficit will narrow"], "a report by the Finance Ministry"),
        ("The economy, according to Jane Doe, is slowing.", ["The economy", "is slowing"], "Jane Doe"),
    ],
)
def test_according_to_is_reported(text, quote, speaker):
    a = one(text)
    assert (a["kind"], a["quote"], a["cue"].lower(), a["speaker"]) == ("reported", quote, "according to", speaker)


def test_mixed_quote():
    a = one("She said the plan was “dead on arrival” and would be withdrawn.")
    assert (a["kind"], a["quote"], a["speaker"]) == ("mixed", ["the plan was “dead on arrival” and would be withdrawn"], "She")
    doc = tokenize("The plan is “dead,” Doe said.", "en")
    (q,) = to_quotes(doc, attribute(doc))
    assert (q.type, q.text, q.speaker.text) == ("mixed", "The plan is “dead,”", "Doe")


def test_participle_cue_takes_the_subject():
    atts = run("“A strike is possible,” the union said, adding that talks would resume on Monday.")
    assert atts[1] == {"kind": "indirect", "quote": ["talks would resume on Monday"], "cue": "adding", "speaker": "the union", "addressee": None}


def test_titles_in_quotes_are_not_speech():
    assert run("The interview appeared in “The Harbour Times” last week.") == []
    assert run('The film "Quiet Bay" won a prize at the festival.') == []
    a = one("Writing in “The Harbour Times,” Doe argued that the law was unfair.")
    assert (a["kind"], a["quote"], a["speaker"]) == ("indirect", ["the law was unfair"], "Doe")


@pytest.mark.parametrize(
    "text",
    [
        "The so-called “peace plan” was rejected by parliament.",
        "“Nothing happened.” The room was silent.",
        "It is said that the king never slept.",
        "He declined to say whether the deal was off.",
        "She told the story of her father.",
        "The company expects revenue to grow.",
    ],
)
def test_no_attribution(text):
    assert run(text) == []
