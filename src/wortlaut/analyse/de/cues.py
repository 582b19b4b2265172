"""German cue lexicon: verba dicendi and the phrases that attribute a statement."""

from __future__ import annotations

# Lemmas of verbs that introduce speech, writing or thought. Separable verbs are
# listed by their lemma as HanTa gives it for the finite form ("teilte … mit" -> "teilen"
# with the particle "mit"), so particle verbs appear in PARTICLE_VERBS as well.
SPEECH_VERBS = frozenset(
    """
    sagen erklären betonen behaupten berichten meinen schreiben mitteilen teilen
    sprechen äußern warnen kritisieren fordern bestätigen ankündigen kündigen
    bekräftigen versichern unterstreichen ergänzen hinzufügen fügen antworten
    entgegnen erwidern zitieren melden verkünden bekanntgeben geben dementieren
    bestreiten vorwerfen werfen klagen beklagen mahnen appellieren versprechen
    zugeben einräumen räumen gestehen argumentieren begründen vermuten glauben
    hoffen befürchten fürchten erwarten schätzen annehmen bezweifeln zweifeln
    meinen finden bezeichnen nennen rufen fragen anmerken merken hinweisen weisen
    verweisen feststellen stellen informieren erzählen schildern beschreiben
    ausführen führen darlegen legen präzisieren verlauten lauten heißen
    drohen empfehlen raten vorschlagen schlagen verlangen beteuern zusagen
    prognostizieren vorhersagen bilanzieren resümieren loben ankündigen twittern
    posten kommentieren protestieren bemängeln monieren anprangern verteidigen
    widersprechen bekennen offenbaren enthüllen signalisieren
    """.split()
)

# Verb lemmas that are cues only with their particle ("gab bekannt", not "gibt").
NEEDS_PARTICLE = frozenset(
    "geben stellen führen weisen legen teilen fügen werfen räumen kündigen schlagen merken".split()
)

# Particles that complete a separable speech verb at the end of the clause.
PARTICLE_VERBS = {
    "mit": "mitteilen",
    "an": "ankündigen",
    "bekannt": "bekanntgeben",
    "hinzu": "hinzufügen",
    "ein": "einräumen",
    "vor": "vorwerfen",
    "aus": "ausführen",
    "dar": "darlegen",
    "fest": "feststellen",
    "hin": "hinweisen",
}

# Prepositional cues of reported speech: "laut X", "X zufolge", "nach Angaben von X".
PREPOSITION_CUES = frozenset({"laut", "zufolge", "gemäß", "nach", "demnach", "wonach"})

# Nouns after "nach" that make it a cue ("nach Angaben der Polizei").
NACH_NOUNS = frozenset(
    """Angaben Angabe Ansicht Auffassung Meinung Einschätzung Aussage Aussagen Worten
    Informationen Berichten Bericht Darstellung Auskunft Schätzungen Schätzung Erkenntnissen
    Überzeugung Einschätzungen Mitteilung Medienberichten Presseberichten""".split()
)

# Impersonal cue phrases: "heißt es", "hieß es".
IMPERSONAL_CUES = frozenset({"heißt", "hieß", "hiess", "heisst"})

# Konjunktiv I forms that mark reported speech on their own.
KONJUNKTIV_I = frozenset(
    """sei seien seist seiest habe werde könne müsse dürfe solle wolle möge
    wisse gebe liege stehe gehe komme bleibe gelte brauche fehle plane""".split()
)

PRONOUNS = frozenset({"er", "sie", "es", "man", "wir", "ich", "ihr"})
