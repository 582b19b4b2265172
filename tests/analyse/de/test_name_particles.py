"""A surname the article writes with a particle keeps it as a speaker: "Von der Leyen"."""

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
