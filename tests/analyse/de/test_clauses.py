"""Speaker and addressee by word order and case, on real tagged text."""

from spans import find, words

from wortlaut.analyse.attribution import Attribution
from wortlaut.analyse.de.clauses import addressee_by_case, by_word_order
from wortlaut.analyse.tokens import tokenize


def statement(text, quote, cue, speaker):
    doc = tokenize(text)
    cues = [find(doc, c) for c in cue.split(" / ")]
    att = Attribution([find(doc, quote)], "indirect", cues, find(doc, speaker) if speaker else None)
    return doc, att


def test_the_noun_phrase_before_the_cue_speaks_not_the_object_after_it():
    doc, att = statement(
        "Der venezolanische Staatschef kündigte einen alternativen Vorschlag an , der das Abkommen untergraben werde .",
        "der das Abkommen untergraben werde", "kündigte / an", "einen alternativen Vorschlag",
    )
    by_word_order(doc, att)
    assert words(doc, att.speaker) == "Der venezolanische Staatschef"

    doc, att = statement(
        "Die Polizisten forderten die Schüler auf , das Gebäude nicht zu verlassen .",
        "das Gebäude nicht zu verlassen", "forderten / auf", "die Schüler",
    )
    by_word_order(doc, att)
    assert words(doc, att.speaker) == "Die Polizisten"


def test_a_name_or_masculine_nominative_after_the_verb_keeps_the_speaker():
    # "Diese Einschätzung teilte der Minister": the phrase up front is the object
    doc, att = statement(
        "Diese Einschätzung teilte der Minister , die Lage sei ernst .",
        "die Lage sei ernst", "teilte", "der Minister",
    )
    by_word_order(doc, att)
    assert words(doc, att.speaker) == "der Minister"


def test_a_feminine_der_after_the_verb_is_the_addressee_not_the_speaker():
    # "der Feuerwehr" is a dative: the phrase up front speaks, to it
    doc, att = statement(
        "Die Bürgermeisterin erteilte der Feuerwehr den Auftrag , die Straße sofort zu sperren .",
        "die Straße sofort zu sperren", "erteilte / Auftrag", "der Feuerwehr",
    )
    by_word_order(doc, att)
    assert words(doc, att.speaker) == "Die Bürgermeisterin"
    assert words(doc, att.addressee) == "der Feuerwehr"


def test_a_cited_person_keeps_the_speaker():
    doc, att = statement(
        "Die Nachrichtenagentur zitiert einen Sprecher , die Lage sei ernst .",
        "die Lage sei ernst", "zitiert", "einen Sprecher",
    )
    by_word_order(doc, att)
    assert words(doc, att.speaker) == "einen Sprecher"


def test_a_dative_up_front_is_the_addressee_and_the_speaker_follows_the_verb():
    doc, att = statement(
        "Der englischsprachigen Zeitung sagte Filep Karma , er werde weiterkämpfen .",
        "er werde weiterkämpfen", "sagte", "Der englischsprachigen Zeitung",
    )
    by_word_order(doc, att)
    assert words(doc, att.speaker) == "Filep Karma"
    assert words(doc, att.addressee) == "Der englischsprachigen Zeitung"


def test_the_dative_after_a_speech_verb_is_the_addressee():
    doc, att = statement(
        "Die Ministerin sagte hierzu der Süddeutschen Zeitung , sie sei zufrieden .",
        "sie sei zufrieden", "sagte", "Die Ministerin",
    )
    addressee_by_case(doc, att)
    assert words(doc, att.addressee) == "der Süddeutschen Zeitung"

    doc, att = statement(
        "So berichtete der Journalist Dirk Lorenzen dem Deutschlandfunk , dass die ESA nicht baue .",
        "dass die ESA nicht baue", "berichtete", "der Journalist Dirk Lorenzen",
    )
    addressee_by_case(doc, att)
    assert words(doc, att.addressee) == "dem Deutschlandfunk"


def test_gegenueber_names_the_addressee_but_a_genitive_after_the_speaker_does_not():
    doc, att = statement(
        "Das sei unüblich , so Joachim Banke gegenüber der Onlineausgabe des Spiegels .",
        "Das sei unüblich", "so", "Joachim Banke",
    )
    addressee_by_case(doc, att)
    assert words(doc, att.addressee) == "der Onlineausgabe des Spiegels"

    doc, att = statement(
        "Das sei unüblich , sagte der Sprecher der Polizei .",
        "Das sei unüblich", "sagte", "der Sprecher",
    )
    addressee_by_case(doc, att)
    assert att.addressee is None


def test_a_masculine_der_after_the_verb_is_a_subject_not_an_addressee():
    doc, att = statement(
        "Laut BBC News sagte der Minister , dass investiert werde .",
        "dass investiert werde", "sagte", "BBC News",
    )
    addressee_by_case(doc, att)
    assert att.addressee is None


def test_speaker_takes_its_attached_phrases():
    from wortlaut.analyse.de.clauses import grown_speaker

    doc, att = statement(
        "Brian Baptie von der britischen Erdbebenwarte sagte , dass weitere Beben kämen .",
        "dass weitere Beben kämen", "sagte", "Brian Baptie",
    )
    grown_speaker(doc, att)
    assert words(doc, att.speaker) == "Brian Baptie von der britischen Erdbebenwarte"

    doc, att = statement(
        "Petra Pau , PDS-Bundestagsabgeordnete , sagte , das sei neu .",
        "das sei neu", "sagte", "Petra Pau",
    )
    grown_speaker(doc, att)
    assert words(doc, att.speaker) == "Petra Pau , PDS-Bundestagsabgeordnete"

    # a relative clause is not part of the speaker
    doc, att = statement(
        "Frank Sichau , der als Sprecher fungiert , erklärte , dass es Folgen habe .",
        "dass es Folgen habe", "erklärte", "Frank Sichau",
    )
    grown_speaker(doc, att)
    assert words(doc, att.speaker) == "Frank Sichau"


def test_a_prepositional_source_takes_back_the_words_the_quote_swallowed():
    from wortlaut.analyse.de.clauses import grown_speaker

    doc, att = statement(
        "Nach Angaben von Kristján Loftsson , einem Manager der Firma , wurde eine Besatzung zusammengestellt .",
        "von Kristján Loftsson , einem Manager der Firma , wurde eine Besatzung zusammengestellt", "Nach", "Angaben",
    )
    grown_speaker(doc, att)
    assert words(doc, att.speaker) == "Angaben von Kristján Loftsson , einem Manager der Firma"
    assert [words(doc, q) for q in att.quote] == ["wurde eine Besatzung zusammengestellt"]


def test_a_passive_cue_has_no_speaker_in_its_subject():
    from wortlaut.analyse.de.clauses import passive_roles

    doc, att = statement("Es wird angenommen , dass Anklage erhoben wird .", "dass Anklage erhoben wird", "Es wird angenommen", "Es")
    passive_roles(doc, att)
    assert att.speaker is None and att.addressee is None

    doc, att = statement(
        "Dem Niederländer wurde vorgeworfen , seine Frau zu belästigen .",
        "seine Frau zu belästigen", "wurde vorgeworfen", "Dem Niederländer",
    )
    passive_roles(doc, att)
    assert att.speaker is None
    assert words(doc, att.addressee) == "Dem Niederländer"

    # a source behind a preposition still speaks
    doc, att = statement(
        "In einer Erklärung des Ministeriums wird betont , dass alles gut sei .",
        "dass alles gut sei", "wird betont", "einer Erklärung des Ministeriums",
    )
    passive_roles(doc, att)
    assert words(doc, att.speaker) == "einer Erklärung des Ministeriums"


def test_spricht_von_keeps_the_verbs_object_out_of_the_speaker():
    from wortlaut.analyse.de.clauses import grown_speaker

    doc, att = statement(
        "Insgesamt spricht die Polizei von weniger Auseinandersetzungen , dennoch sei der Schaden hoch .",
        "dennoch sei der Schaden hoch", "spricht", "die Polizei",
    )
    grown_speaker(doc, att)
    assert words(doc, att.speaker) == "die Polizei"


def test_the_one_cited_in_a_passive_speaks():
    from wortlaut.analyse.de.clauses import passive_roles

    doc, att = statement(
        "Sie wird mit den Worten zitiert , sie wolle nicht im Wege stehen .",
        "sie wolle nicht im Wege stehen", "wird mit den Worten zitiert", "Sie",
    )
    passive_roles(doc, att)
    assert words(doc, att.speaker) == "Sie"


def test_an_indirect_quote_without_a_verb_is_dropped():
    from wortlaut.analyse.de.speakers import tidy_speakers

    doc, att = statement(
        "Der Innenminister Frankreichs , Nicolas Sarkozy , verteidigte die Bezeichnung .",
        "Der Innenminister Frankreichs , Nicolas Sarkozy", "verteidigte", "die Bezeichnung",
    )
    doc2, kept = statement(
        "Der Minister sagte , die Lage sei ernst .", "die Lage sei ernst", "sagte", "Der Minister",
    )
    assert tidy_speakers(doc, [att]) == []
    assert tidy_speakers(doc2, [kept]) == [kept]


def test_a_reported_statement_without_a_source_is_dropped():
    from wortlaut.analyse.de.speakers import tidy_speakers

    doc = tokenize("Bis zum Montag findet man auf dem Marktplatz viele Angebote .")
    att = Attribution([(0, len(doc.tokens))], "reported", [], find(doc, "man"))
    assert tidy_speakers(doc, [att]) == []
    doc = tokenize("Die Gewerkschaft fordert höhere Löhne .")
    att = Attribution([(0, len(doc.tokens))], "reported", [], find(doc, "Die Gewerkschaft"))
    assert tidy_speakers(doc, [att]) == [att]


def test_the_object_of_an_appeal_is_the_addressee():
    doc, att = statement(
        "Die Polizisten forderten die Schüler und Lehrer auf , das Gebäude nicht zu verlassen .",
        "das Gebäude nicht zu verlassen", "forderten / auf", "Die Polizisten",
    )
    addressee_by_case(doc, att)
    assert words(doc, att.addressee) == "die Schüler und Lehrer"


def test_what_a_passive_announces_is_no_addressee():
    from wortlaut.analyse.de.clauses import passive_roles

    doc, att = statement(
        "Von der Bewegung wurden Proteste angekündigt , die bald beginnen sollen .",
        "die bald beginnen sollen", "wurden / angekündigt", "Proteste",
    )
    passive_roles(doc, att)
    assert att.speaker is None and att.addressee is None
