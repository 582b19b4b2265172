"""Roles tidied after the taggers: the spans the corpus draws, on real tagged text."""

from spans import find, words

from wortlaut.analyse.attribution import Attribution
from wortlaut.analyse.de.sentences import add_uncued, sentence_labels, sentence_subject
from wortlaut.analyse.de.speakers import (
    cued_free,
    drop_unsupported,
    split_run,
    tidy_speakers,
)
from wortlaut.analyse.tokens import tokenize


def test_speaker_after_nach_starts_at_the_governed_noun_and_cue_is_the_preposition():
    doc = tokenize("Nach Einschätzung des Umweltbundesamtes wird die Luft schlechter.")
    att = Attribution([find(doc, "wird die Luft schlechter")], "indirect", [find(doc, "Nach")], find(doc, "des Umweltbundesamtes"))
    tidy_speakers(doc, [att])
    assert words(doc, att.speaker) == "Einschätzung des Umweltbundesamtes"

    doc = tokenize("Nach Angaben der Polizei wurden drei Menschen verletzt.")
    att = Attribution([find(doc, "wurden drei Menschen verletzt")], "indirect", [find(doc, "Nach Angaben")], find(doc, "der Polizei"))
    tidy_speakers(doc, [att])
    assert [words(doc, c) for c in att.cue] == ["Nach"]
    assert words(doc, att.speaker) == "Angaben der Polizei"


def test_speaker_run_ends_where_a_new_object_begins():
    doc = tokenize("Das sagte die Anwältin der Frau dem Richter am Montag.")
    assert words(doc, split_run(doc, find(doc, "die Anwältin der Frau dem Richter"))) == "die Anwältin der Frau"


def test_wie_clause_gives_its_wie_to_the_cue():
    doc = tokenize("Wie der Sprecher mitteilte, wurde niemand verletzt.")
    att = Attribution([find(doc, "wurde niemand verletzt")], "indirect", [find(doc, "mitteilte")], find(doc, "der Sprecher"))
    tidy_speakers(doc, [att])
    assert [words(doc, c) for c in att.cue] == ["Wie", "mitteilte"]


def test_free_indirect_with_a_cue_in_its_sentence_becomes_indirect_and_returns_its_frame():
    doc = tokenize("Er lobte die Feuerwehr. Der Sprecher sagte, die Lage sei ernst.")
    a, b = doc.sentences[1]
    att = Attribution([(a, b - 1)], "free", speaker=find(doc, "Er"))
    cued_free(doc, [att], [find(doc, "sagte")], [find(doc, "Der Sprecher")])
    assert att.kind == "indirect"
    assert words(doc, att.speaker) == "Der Sprecher"
    assert words(doc, att.quote[0]) == "die Lage sei ernst"


def test_statement_with_neither_cue_nor_speaker_is_dropped():
    bare = Attribution([(0, 4)], "indirect")
    kept = Attribution([(0, 4)], "free")
    assert drop_unsupported([bare, kept]) == [kept]


def test_reported_sentence_takes_its_subject_and_free_one_the_last_speaker():
    doc = tokenize("In der Begründung weisen die Richter auf eine Lücke hin. Es soll mehr Geld fließen.")
    assert words(doc, sentence_subject(doc, *doc.sentences[0])) == "die Richter"
    atts = add_uncued(doc, [], ["R", "F"], [])
    assert [a.kind for a in atts] == ["reported", "free"]
    assert words(doc, atts[0].quote[0]).endswith("hin.")
    assert atts[1].speaker == atts[0].speaker


def test_sentence_labels_follow_the_kind_covering_most_of_a_sentence():
    doc = tokenize("Er sagte, es regne. Die Sonne schien.")
    n1 = doc.sentences[0][1]
    qlabels = ["O"] * len(doc.tokens)
    for k in range(3, n1):
        qlabels[k] = "I-I"
    assert sentence_labels(doc, qlabels) == ["I", "O"]


def test_prepositional_frame_makes_the_rest_of_the_sentence_a_statement():
    from wortlaut.analyse.de.prepositional import prepositional_statements

    doc = tokenize("Nach Angaben der Polizei habe der Mann die Tür aufgebrochen. Nach dem Spiel gingen alle heim.")
    atts = prepositional_statements(doc, [])
    assert len(atts) == 1  # "nach dem Spiel" names no source
    att = atts[0]
    assert words(doc, att.cue[0]) == "Nach"
    assert words(doc, att.speaker) == "Angaben der Polizei"
    assert words(doc, att.quote[0]) == "habe der Mann die Tür aufgebrochen"

    doc = tokenize("Ein Tatverdacht bestehe, laut der Bundesanwaltschaft, nicht mehr.")
    (att,) = prepositional_statements(doc, [])
    assert [words(doc, q) for q in att.quote] == ["Ein Tatverdacht bestehe", "nicht mehr"]
    assert words(doc, att.speaker) == "der Bundesanwaltschaft"


def test_wie_and_so_clauses_frame_the_rest_of_the_sentence():
    from wortlaut.analyse.de.prepositional import prepositional_statements

    doc = tokenize("Der Flug wurde verschoben, wie die Fluggesellschaft mitteilte.")
    (att,) = prepositional_statements(doc, [])
    assert words(doc, att.quote[0]) == "Der Flug wurde verschoben"
    assert words(doc, att.speaker) == "die Fluggesellschaft"
    assert [words(doc, c) for c in att.cue] == ["wie", "mitteilte"]

    doc = tokenize("Die Lage sei ernst, so der Sprecher.")
    (att,) = prepositional_statements(doc, [])
    assert words(doc, att.quote[0]) == "Die Lage sei ernst"
    assert words(doc, att.speaker) == "der Sprecher"


def test_free_indirect_without_speaker_carries_on_the_last_one():
    from wortlaut.analyse.de.speakers import carried_speakers

    first = Attribution([(0, 3)], "indirect", [(3, 4)], (4, 6))
    free = Attribution([(8, 12)], "free")
    carried_speakers([free, first])
    assert free.speaker == (4, 6)


def test_a_speaker_without_any_noun_or_pronoun_is_none():
    from wortlaut.analyse.de.speakers import nominal

    doc = tokenize("Einerseits wird der Aufwand bemängelt, sagte man. Demnach sei er ernst, sagte der Sprecher. Frei sagte, es reiche.")
    assert not nominal(doc, find(doc, "Einerseits"))
    assert not nominal(doc, find(doc, "man"))
    assert nominal(doc, find(doc, "Demnach"))
    assert nominal(doc, find(doc, "der Sprecher"))
    assert nominal(doc, find(doc, "Frei"))  # a name the tagger may read as an adjective


def test_a_phrase_after_a_preposition_of_time_or_place_names_no_source():
    from wortlaut.analyse.de.speakers import source_phrase

    doc = tokenize("Seit dem Jahr 2015 gab es Hinweise. In einem Bericht des Ministeriums heißt es, die Lage sei ernst.")
    assert not source_phrase(doc, find(doc, "dem Jahr 2015"))
    assert source_phrase(doc, find(doc, "einem Bericht des Ministeriums"))
