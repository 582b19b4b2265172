from pathlib import Path

import pytest

from wortlaut.analyse.furniture import strip_furniture
from wortlaut.ingest import IngestError, read_path
from wortlaut.ingest.text import MAX_BYTES, parse_text

HEADER = """ date 2024-03 Hamburg, Deutschland

Elbe Echo

—

Der Hafen wächst. Das sagte die Senatorin am Montag.

Streit um Windpark vor Rügen: Gemeinde klagt gegen Genehmigung

„Wir bauen weiter“, sagte Anna Berger.
"""


def test_dateline_header_gives_date_place_country_outlet():
    a = parse_text(HEADER)
    assert (a.date, a.place, a.country, a.outlet) == ("2024-03", "Hamburg", "DE", "Elbe Echo")
    assert a.text.startswith("Der Hafen wächst.")
    assert "Elbe Echo" not in a.text and "date 2024" not in a.text


def test_english_country_names_and_headerless_text():
    a = parse_text(" date 2024-05 Leeds, United Kingdom\n\nNorthern Ledger\n\n—\n\nNurses walked out.")
    assert (a.country, a.outlet) == ("GB", "Northern Ledger")
    b = parse_text("Nur ein Absatz ohne Kopf.\n\nUnd noch einer.")
    assert (b.date, b.place, b.country, b.outlet) == ("", "", "", "")
    assert b.text.startswith("Nur ein Absatz")


def test_furniture_line_is_moved_out_of_the_text():
    a = strip_furniture(parse_text(HEADER))
    assert a.furniture == ["Streit um Windpark vor Rügen: Gemeinde klagt gegen Genehmigung"]
    assert "Windpark" not in a.text
    assert "Der Hafen wächst." in a.text and "„Wir bauen weiter“" in a.text


def test_sentences_and_final_paragraphs_are_not_furniture():
    text = "Erster Absatz.\n\nEin Satz mit Punkt.\n\nLetzte Zeile ohne Punkt am Ende"
    assert strip_furniture(parse_text(text)).furniture == []


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"   \n\n ", "empty file"),
        (b"\x00\x01\x02binary\x00stuff", "binary file"),
        ("Ein Satz, der lang genug ist. ".encode() * 400 + b"\x00kaputt", r"NUL bytes, the first at byte 12,000"),
        ("Stra\u00dfe".encode("latin-1") + b" ist kaputt.", "not valid UTF-8"),
        (b" date 2024-03 Hamburg, Deutschland\n\nOutlet\n\n\xe2\x80\x94\n\n", "no article text"),
    ],
)
def test_bad_input_gets_a_clear_reason(tmp_path: Path, data: bytes, reason: str):
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    with pytest.raises(IngestError, match=reason):
        read_path(f)


def test_huge_file_is_refused(tmp_path: Path):
    f = tmp_path / "huge.txt"
    f.write_bytes(b"Ein Satz. " * (MAX_BYTES // 10 + 1))
    with pytest.raises(IngestError, match="too large"):
        read_path(f)


def test_missing_file_is_an_ingest_error(tmp_path: Path):
    with pytest.raises(IngestError, match="cannot read"):
        read_path(tmp_path / "nope.txt")
