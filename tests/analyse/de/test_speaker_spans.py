"""Speaker spans: a surname keeps its particle ("Von der Leyen"), a phrase sheds a trailing adverb."""

from wortlaut.analyse import analyse


def speakers(text):
    doc, atts = analyse(text)
    return [doc.span_text(*att.speaker) for att in atts if att.speaker]


def test_von_der_leyen_keeps_her_particle_and_von_der_polizei_does_not_gain_one():
    found = speakers(
        "Bundesarbeitsministerin Ursula von der Leyen sagte , die Lage sei ernst . "
        "Von der Leyen betonte , es gebe viele Frauen . "
        "Von der Polizei wurde mitgeteilt , dass drei Personen verletzt seien ."
    )
    assert "Von der Leyen" in found
    assert "der Polizei" in found


def test_a_speaker_does_not_end_in_a_lowercase_adverb():
    from wortlaut.analyse.de.speakers import trimmed_tail
    from wortlaut.analyse.tokens import tokenize

    doc = tokenize("Laut Aussage des Angestellten intern immer habe man kassiert .")
    assert doc.span_text(*trimmed_tail(doc, (1, 6))) == "Aussage des Angestellten"
