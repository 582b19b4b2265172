"""fold: casefold and no diacritics, the same over every character as dropping
each combining mark one by one."""

import unicodedata

from wortlaut.model import fold


def _fold_by_character(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def test_fold_examples() -> None:
    assert fold("Straße") == "strasse"
    assert fold("Südkorea") == "sudkorea"
    assert fold("ＡＢＣ ﬁ Ǆ Çağ naïve") == "abc fi dz cag naive"


def test_fold_matches_character_by_character_over_all_of_unicode() -> None:
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    for start in range(0, len(chars), 500):  # long texts: the uncached path
        text = " ".join(chars[start:start + 500])
        assert fold(text) == _fold_by_character(text), hex(ord(chars[start]))
