"""Tokenising by language pack: German tagged by HanTa, English by spaCy."""

from wortlaut.analyse.tokens import tokenize


def test_each_pack_tags_its_own_language():
    de = tokenize("Anna Berger sagte, sie komme.")
    assert de.language == "de" and [t.pos for t in de.tokens][:3] == ["NE", "NE", "VV(FIN)"]
    en = tokenize("Anna Berger said she would come.", "en")
    assert [t.pos for t in en.tokens][:3] == ["NNP", "NNP", "VBD"] and en.tokens[2].lemma == "say"


def test_untagged_tokens_keep_their_offsets():
    doc = tokenize("Dr. Roth kam am 5. Mai.", tag=False)
    assert [t.text for t in doc.tokens] == ["Dr.", "Roth", "kam", "am", "5.", "Mai", "."]
    assert all(t.pos == "" for t in doc.tokens) and len(doc.sentences) == 1
