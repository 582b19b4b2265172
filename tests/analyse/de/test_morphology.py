"""German noun gender from the word's ending."""

from wortlaut.analyse.de.morphology import gender_of_noun


def test_compounds_take_the_gender_of_their_last_part():
    assert gender_of_noun("Luftwaffe") == "f"  # "-waffe", not the weak masculine "Affe"
    assert gender_of_noun("Bundeswehr") == "f"
    assert gender_of_noun("Feuerwehr") == "f"
    assert gender_of_noun("Affe") == "m"
    assert gender_of_noun("Regierung") == "f"
    assert gender_of_noun("Experte") == "m"
