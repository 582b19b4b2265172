"""Statements across articles, store-independent: when two quotes are one
statement, the word diff, and which changes are flagged as changing meaning."""

from __future__ import annotations

import pytest

from wortlaut.resolve.statements import (
    Variant,
    diff,
    flags,
    group_quotes,
    overlaps,
    same_statement,
    statement_id,
    tokens,
    window,
)


def norms(text: str) -> list[str]:
    return [t.norm for t in tokens(text)]


def variant(n: int, text: str, type_: str = "direct", date: str = "2025-03-03") -> Variant:
    return Variant(n, f"a{n}", "src", text, type_, date, f"t{n}", tokens=norms(text))


GRUND = "Wir werden die Grundsteuer in diesem Jahr nicht erhöhen, auch wenn die Kassen der Stadt leer sind"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (GRUND, "Wir werden die Grundsteuer in diesem Jahr nicht erhöhen.", True),  # shortened
        (GRUND, GRUND.replace("nicht ", ""), True),  # negation dropped: same statement, flagged
        (GRUND, "Wir werden die Gewerbesteuer in diesem Jahr nicht senken, auch wenn die Betriebe der Stadt klagen",
         False),
        ("Das Land wird 40 Millionen Euro in neue Radwege investieren",
         "Das Land wird 14 Millionen Euro in neue Radwege investieren", True),
        ("Das Land wird 40 Millionen Euro in neue Radwege investieren",
         "Das Land wird 40 Millionen Euro in neue Schulbusse investieren", False),  # another object
        ("Ja, natürlich", "Ja, natürlich", True),  # too short to align, but identical
        ("Ja, natürlich", "Nein, natürlich nicht", False),
    ],
)
def test_same_statement(a: str, b: str, same: bool) -> None:
    assert same_statement(norms(a), norms(b)) is same
    assert same_statement(norms(b), norms(a)) is same


def test_tokens_fold_numbers_and_split_contractions() -> None:
    assert norms("We won't hire 3,000 workers") == ["we", "will", "not", "hire", "3000", "workers"]
    assert norms("Es sind 3.000 oder 1,5 Prozent") == ["es", "sind", "3000", "oder", "1.5", "prozent"]
    assert [t.text for t in tokens("We won't")] == ["We", "won't", ""]


def test_diff_marks_deleted_and_inserted_words_as_written() -> None:
    ops = diff(tokens("Die Notaufnahme könnte im Winter schließen."), tokens("„Die Notaufnahme wird im Winter schließen“"))
    assert ops == [
        {"op": "equal", "text": "Die Notaufnahme"},
        {"op": "delete", "text": "könnte"},
        {"op": "insert", "text": "wird"},
        {"op": "equal", "text": "im Winter schließen"},
    ]


@pytest.mark.parametrize(
    ("first", "later", "kinds"),
    [
        (GRUND, GRUND.replace("nicht ", ""), ["negation"]),
        (GRUND.replace("nicht ", ""), GRUND, ["negation"]),  # added
        ("The council will not sell the library", "The council won't sell the library", []),
        ("The council will not sell the library", "The council will sell the library", ["negation"]),
        ("Die Notaufnahme könnte im Winter schließen", "Die Notaufnahme wird im Winter schließen", ["modal"]),
        ("Das soll bis Mai fertig sein", "Das wird bis Mai fertig sein", ["modal"]),
        ("We may have to close the pier", "We will have to close the pier", ["modal"]),
        ("Wir werden das prüfen", "Wir werden das prüfen", []),
        ("Das Land wird 40 Millionen Euro geben", "Das Land wird 14 Millionen Euro geben", ["number"]),
        ("We hire 300 people", "We hire 3,000 people", ["number"]),
        # a shortening is not an edit: the cut clause's negation and number stay unflagged
        ("Die Notaufnahme könnte schließen, wenn wir nicht 20 Pflegekräfte finden", "Die Notaufnahme könnte schließen",
         []),
        # … but one word cut at the end is
        ("Das machen wir nicht", "Das machen wir", ["negation"]),
    ],
)
def test_flags(first: str, later: str, kinds: list[str]) -> None:
    found = flags(variant(1, first), variant(2, later))
    assert [f["kind"] for f in found] == kinds
    assert all(f["detail"] for f in found)


def test_konjunktiv_paraphrase_in_quotation_marks_is_flagged() -> None:
    reported = variant(1, "die Polizei werde die Kontrollen verstärken und sei vorbereitet", "indirect")
    quoted = variant(2, "„Die Polizei werde die Kontrollen verstärken und sei vorbereitet“")
    genuine = variant(3, "„Wir werden die Kontrollen verstärken und sind vorbereitet“")
    found = flags(reported, quoted)
    assert [f["kind"] for f in found] == ["indirect_as_direct"]
    assert "werde" in found[0]["detail"] and "sei" in found[0]["detail"]
    assert flags(reported, genuine) == []
    # the genuine words first, the paraphrase second, the paraphrase quoted third
    later = variant(4, "„Die Polizei werde die Kontrollen verstärken und sei vorbereitet“")
    assert flags(genuine, later, reported)[0]["kind"] == "indirect_as_direct"
    assert flags(genuine, later) == []


def test_windows_and_overlap_at_any_date_precision() -> None:
    assert window("2025-03-03", 30) == ("2025-02-01", "2025-04-02")
    assert window("2025-02", 0) == ("2025-02-01", "2025-02-28")
    assert window("") == ("0000-01-01", "9999-12-31")
    assert overlaps("2025-03", "2025-03-20", "2025-04-30")
    assert not overlaps("2025-01", "2025-03-01", "2025-04-30")
    assert overlaps("", "2025-03-01", "2025-04-30")


class MemoryLedger:
    """The ledger over plain lists: what a store does in SQL."""

    def __init__(self, quotes: list[Variant]) -> None:
        self.quotes = {q.quote_id: q for q in quotes}
        self.saved: dict[str, object] = {}

    def new_variants(self, quote_ids):
        return [self.quotes[i] for i in quote_ids]

    def candidates(self, source_id, date_from, date_to):
        found = [q for q in self.quotes.values() if q.statement_id and q.source_id == source_id]
        for q in found:
            q.statement_date = min(v.date for v in self.variants(q.statement_id))
        return found

    def variants(self, sid):
        return [q for q in self.quotes.values() if q.statement_id == sid]

    def assign(self, v, sid):
        v.statement_id = sid

    def move(self, old, new):
        for q in self.quotes.values():
            if q.statement_id == old:
                q.statement_id = new
        self.saved.pop(old, None)

    def save(self, summary):
        self.saved[summary.id] = summary


def test_grouping_is_incremental_joins_statements_and_respects_the_window() -> None:
    full = variant(1, GRUND, date="2025-03-03")
    part_a = variant(2, "Wir werden die Grundsteuer in diesem Jahr nicht erhöhen", date="2025-03-01")
    part_b = variant(3, "auch wenn die Kassen der Stadt leer sind", date="2025-03-02")
    late = variant(4, GRUND, date="2025-09-01")
    other = variant(5, GRUND, date="2025-03-03")
    other.source_id = "someone-else"
    ledger = MemoryLedger([full, part_a, part_b, late, other])
    group_quotes(ledger, [2])
    group_quotes(ledger, [3])
    assert part_a.statement_id != part_b.statement_id  # the two halves share too little
    group_quotes(ledger, [1])  # the full quote shows they are one statement
    assert full.statement_id == part_a.statement_id == part_b.statement_id
    assert set(ledger.saved) == {full.statement_id}
    summary = ledger.saved[full.statement_id]
    assert summary.first_quote_id == 2 and summary.variants == 3 and summary.first_date == "2025-03-01"
    group_quotes(ledger, [4, 5])
    assert late.statement_id not in (None, full.statement_id)  # half a year later: news again
    assert other.statement_id not in (None, full.statement_id, late.statement_id)
    assert statement_id(part_a) == full.statement_id or statement_id(part_b) == full.statement_id


def test_the_window_runs_from_a_statements_first_appearance() -> None:
    # the same line every twenty days: each quote is near the one before, but a
    # statement does not grow into a chain longer than the window
    said = [variant(n + 1, GRUND, date=f"2025-{m}") for n, m in enumerate(["01-01", "01-21", "02-10", "03-02"])]
    ledger = MemoryLedger(said)
    for q in said:
        group_quotes(ledger, [q.quote_id])
    first, second, third, fourth = (q.statement_id for q in said)
    assert first == second and third == fourth and first != third


def test_windows_stay_inside_the_calendar() -> None:
    assert window("9999-12") == ("9999-11-01", "9999-12-31")
    assert window("0001-01") == ("0001-01-01", "0001-03-02")
    assert window("2024-02") == ("2024-01-02", "2024-03-30")
    assert window("") == window("2024-13") == ("0000-01-01", "9999-12-31")
