"""Statements across articles: quotes of one source that say the same thing.

Independent of any store, like identity: ``group_quotes`` is the one function
that applies the grouping to what a store holds, inside the store's write
transaction, through the small ``StatementLedger`` interface it implements.
Only the new quotes' sources are looked at (their quotes within the time
window), so the work per article does not grow with the corpus.

Two quotes are one statement when their normalised content words align: few
left unmatched, none replaced by another content word (a different object is
a different statement), while negations, modals and numbers may differ. Those
differences are what ``flags`` reports: the changes that alter meaning.
"""

from __future__ import annotations

import calendar
import difflib
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

from ..model import fold

WINDOW_DAYS = 30  # a quote repeated later than this is news again, not the same report
MIN_SHARED = 3  # content words two variants must share: short phrases say too little
MIN_CONTAINED = 0.8  # share of the shorter variant's content words found in the other
MAX_REPLACED = 0.1  # content words replaced by others, as a share of the shorter variant's

# -- word classes ---------------------------------------------------------------


def _words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


NEGATIONS = _words_of(
    "nicht kein keine keinen keinem keiner keines nie niemals nichts niemand nirgends weder "
    "not no never nothing nobody none neither nor"
)
# Modal and hedge forms, folded, to the lemma that decides whether meaning changed
# ("werde" and "werden" are one; "könnte" and "wird" are not).
_MODAL_GROUPS = {
    "werden": "werde werden wird wirst werdet",
    "wuerde": "wurde wurden wurdest",  # folded "würde": conditional
    "koennen": "kann kannst konnen konnt konne",
    "koennte": "konnte konnten",
    "muessen": "muss musst mussen musse",
    "muesste": "musste mussten",
    "sollen": "soll sollst sollen sollt solle",
    "sollte": "sollte sollten",
    "duerfen": "darf darfst durfen durfe",
    "duerfte": "durfte durften",
    "wollen": "will willst wollen wollt wolle",
    "moegen": "mag moge mogen mochte mochten",
    "vielleicht": "vielleicht moglicherweise eventuell womoglich",
    "wahrscheinlich": "wahrscheinlich vermutlich voraussichtlich",
    "sicher": "sicher bestimmt gewiss definitiv",
    "may": "may",
    "might": "might",
    "can": "can",
    "could": "could",
    "will": "will shall",
    "would": "would",
    "should": "should",
    "must": "must",
    "perhaps": "perhaps possibly maybe",
    "probably": "probably likely",
    "certainly": "certainly definitely surely",
}
MODALS = {form: lemma for lemma, forms in _MODAL_GROUPS.items() for form in forms.split()}
# Konjunktiv I forms that mark reported speech; in quotation marks they show a
# paraphrase printed as if it were the speaker's words.
KONJUNKTIV_I = _words_of(
    "sei seien seiest habe werde konne musse solle wolle durfe moge wisse gebe komme liege stehe gehe "
    "bleibe brauche lasse"
)
STOPWORDS = _words_of(
    "der die das den dem des ein eine einen einem einer eines und oder aber auch auf aus bei bis "
    "durch fur gegen in im ins mit nach von vom vor zu zum zur uber unter um an am als wie so "
    "dass da wenn weil ob es er sie wir ihr ich du man sich uns euch ihm ihn ihnen mir mich dir "
    "dich sein seine seiner seinen ist sind war waren bin bist hat haben hatte hatten hat "
    "wird noch schon nur sehr mehr diese dieser diesem diesen dieses jetzt dann denn doch "
    "the a an and or but also on of to in into at by for from with as like so that this these "
    "those it its he she we they i you us them him her our their my is are was were be been "
    "being has have had do does did just very more now then than there here which who what"
)
REPORTED = ("indirect", "reported")  # quote types that paraphrase
_CONTRACTIONS = {"won't": ("will", "not"), "can't": ("can", "not"), "shan't": ("shall", "not")}
_WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['’]\w+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")
_NUMBER_WORDS = _words_of(
    "null eins zwei drei vier funf sechs sieben acht neun zehn elf zwolf zwanzig hundert tausend "
    "million millionen milliarde milliarden zero one two three four five six seven eight nine ten "
    "eleven twelve twenty hundred thousand million billion"
)


@dataclass(frozen=True)
class Token:
    text: str  # as written ("" for the second half of a contraction)
    norm: str  # folded, numbers without thousands separators, contractions split


def tokens(text: str) -> list[Token]:
    """The words of ``text``, normalised for comparison; punctuation is not a word."""
    out: list[Token] = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        norm = fold(word).replace("’", "'")
        if norm[:1].isdigit():
            out.append(Token(word, _number(norm)))
        elif norm in _CONTRACTIONS:
            first, second = _CONTRACTIONS[norm]
            out += [Token(word, first), Token("", second)]
        elif norm.endswith("n't"):
            out += [Token(word, norm[:-3]), Token("", "not")]
        else:
            out.append(Token(word, norm.split("'")[0] if norm.endswith("'s") else norm))
    return out


def _number(norm: str) -> str:
    if _THOUSANDS.fullmatch(norm):
        return re.sub(r"[.,]", "", norm)
    return norm.replace(",", ".")


def is_number(norm: str) -> bool:
    return norm[:1].isdigit() or norm in _NUMBER_WORDS


def word_class(norm: str) -> str:
    """"negation", "modal", "number", "stop" or "content"."""
    if norm in NEGATIONS:
        return "negation"
    if norm in MODALS:
        return "modal"
    if is_number(norm):
        return "number"
    if norm in STOPWORDS or len(norm) < 2:
        return "stop"
    return "content"


# -- same statement? ------------------------------------------------------------


def same_statement(a: list[str], b: list[str]) -> bool:
    """Whether normalised token lists ``a`` and ``b`` say the same thing."""
    ca = [t for t in a if word_class(t) == "content"]
    cb = [t for t in b if word_class(t) == "content"]
    shorter = min(len(ca), len(cb))
    if shorter < MIN_SHARED:
        return ca == cb and bool(ca) and a == b
    matcher = difflib.SequenceMatcher(None, ca, cb, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    replaced = sum(
        min(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op == "replace"
    )
    return (
        shared >= MIN_SHARED
        and shared >= MIN_CONTAINED * shorter
        and replaced <= MAX_REPLACED * shorter
    )


# -- differences and what they change ------------------------------------------------


def diff(earliest: list[Token], variant: list[Token]) -> list[dict]:
    """The variant against the earliest, word by word: [{"op": "equal" | "delete"
    | "insert", "text"}], deletions before insertions at a change; words as written
    (the variant's for equal ones)."""
    ops: list[dict] = []
    a = [t.norm for t in earliest]
    b = [t.norm for t in variant]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            _append(ops, "equal", variant[j1:j2])
            continue
        if op in ("delete", "replace"):
            _append(ops, "delete", earliest[i1:i2])
        if op in ("insert", "replace"):
            _append(ops, "insert", variant[j1:j2])
    return ops


def _append(ops: list[dict], op: str, words: list[Token]) -> None:
    text = " ".join(t.text for t in words if t.text)
    if text:
        ops.append({"op": op, "text": text})


def flags(earliest: Variant, variant: Variant, reported: Variant | None = None) -> list[dict]:
    """The meaning changes of ``variant`` against ``earliest``:
    [{"kind": "negation" | "modal" | "number" | "indirect_as_direct", "detail"}].
    ``reported`` is the statement's first variant in indirect or reported speech
    (the earliest, if it is one, when not given): a direct variant still in its
    Konjunktiv I is that paraphrase in quotation marks.

    A stretch of more than two words cut or added at either end is a shortening
    or a longer excerpt, not an edit, and is not looked into."""
    if variant.quote_id == earliest.quote_id:
        return []
    ta, tb = tokens(earliest.text), tokens(variant.text)
    a, b = [t.norm for t in ta], [t.norm for t in tb]
    found: list[dict] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        at_edge = (i1 == 0 and j1 == 0) or (i2 == len(a) and j2 == len(b))
        if op != "replace" and at_edge and max(i2 - i1, j2 - j1) > 2:
            continue
        gone, added = ta[i1:i2], tb[j1:j2]
        found += _negation_changes(gone, added)
        found += _modal_changes(gone, added)
        found += _number_changes(gone, added)
    if reported is None and earliest.type in REPORTED:
        reported = earliest
    if variant.type == "direct" and reported is not None and reported.quote_id != variant.quote_id:
        forms = [t.text for t in tb if t.norm in KONJUNKTIV_I]
        if forms:
            found.append({
                "kind": "indirect_as_direct",
                "detail": f"reported as {reported.type} speech elsewhere; here in quotation marks, "
                          f"still in Konjunktiv I ({', '.join(dict.fromkeys(forms))})",
            })
    return _unique(found)


def _words(found: list[Token]) -> str:
    return " ".join(t.text or t.norm for t in found)


def _negation_changes(gone: list[Token], added: list[Token]) -> list[dict]:
    lost = [t for t in gone if t.norm in NEGATIONS]
    new = [t for t in added if t.norm in NEGATIONS]
    if len(lost) > len(new):
        return [{"kind": "negation", "detail": f"negation dropped: {_words(lost)}"}]
    if len(new) > len(lost):
        return [{"kind": "negation", "detail": f"negation added: {_words(new)}"}]
    return []


def _modal_changes(gone: list[Token], added: list[Token]) -> list[dict]:
    lost = [t for t in gone if t.norm in MODALS]
    new = [t for t in added if t.norm in MODALS]
    if sorted(MODALS[t.norm] for t in lost) == sorted(MODALS[t.norm] for t in new):
        return []
    return _change("modal", lost, new)


def _number_changes(gone: list[Token], added: list[Token]) -> list[dict]:
    lost = [t for t in gone if is_number(t.norm)]
    new = [t for t in added if is_number(t.norm)]
    if sorted(t.norm for t in lost) == sorted(t.norm for t in new):
        return []
    return _change("number", lost, new)


def _change(kind: str, lost: list[Token], new: list[Token]) -> list[dict]:
    if lost and new:
        detail = f"{kind} changed: {_words(lost)} → {_words(new)}"
    elif lost:
        detail = f"{kind} dropped: {_words(lost)}"
    else:
        detail = f"{kind} added: {_words(new)}"
    return [{"kind": kind, "detail": detail}]


def _unique(found: list[dict]) -> list[dict]:
    seen: set[tuple[str, str]] = set()
    out = []
    for f in found:
        if (f["kind"], f["detail"]) not in seen:
            seen.add((f["kind"], f["detail"]))
            out.append(f)
    return out


# -- the store's side ---------------------------------------------------------------


@dataclass
class Variant:
    """One quote as a variant of a statement, with what orders and groups it."""

    quote_id: int
    article_id: str
    source_id: str | None
    text: str
    type: str
    date: str  # the article's: "", "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    ingested_at: str
    outlet: str = ""
    language: str = ""
    statement_id: str | None = None
    tokens: list[str] = field(default_factory=list)  # normalised; filled when grouped
    statement_date: str = ""  # a candidate's: the date its statement was first seen

    @property
    def order(self) -> tuple:
        # undated last, then by date, then as ingested
        return (self.date == "", self.date, self.ingested_at, self.quote_id)


@dataclass
class Summary:
    """A statement's row: what listings filter and sort by."""

    id: str
    source_id: str | None
    language: str
    first_quote_id: int
    first_article_id: str
    first_date: str
    last_date: str
    variants: int
    articles: int
    outlets: int
    flags: list[dict]


class StatementLedger(Protocol):
    """What grouping needs from a store, within one open write transaction."""

    def new_variants(self, quote_ids: list[int]) -> list[Variant]:
        """The quotes ``quote_ids`` with their source, article date and outlet."""

    def candidates(self, source_id: str, date_from: str, date_to: str) -> list[Variant]:
        """Grouped quotes of ``source_id`` whose article date may fall between the
        ISO days ``date_from`` and ``date_to`` (undated ones too), with their
        statement, its first date and their tokens; more may come back, never fewer."""

    def variants(self, statement_id: str) -> list[Variant]: ...

    def assign(self, variant: Variant, statement_id: str) -> None:
        """Make ``variant`` (with its tokens) part of ``statement_id``."""

    def move(self, from_statement: str, to_statement: str) -> None:
        """Every variant of ``from_statement`` into ``to_statement``; the first is gone after."""

    def save(self, summary: Summary) -> None:
        """Insert or update the statement row."""

    def ungroup(self, quote_ids: list[int]) -> set[str]:
        """Take the quotes out of their statements; the ids of those statements."""

    def drop(self, statement_id: str) -> None:
        """Remove a statement left without variants."""


def statement_id(variant: Variant) -> str:
    """Stable id of a statement founded by ``variant``."""
    return hashlib.sha256(f"{variant.article_id}:{variant.quote_id}".encode()).hexdigest()[:12]


def window(day: str, days: int = WINDOW_DAYS) -> tuple[str, str]:
    """The ISO days ``days`` before the start and after the end of the period ``day``
    names; the whole calendar for an undated article."""
    try:
        start, end = _period(day)
    except ValueError:  # undated, or a date no calendar has
        return "0000-01-01", "9999-12-31"
    return _shifted(start, -days), _shifted(end, days)


def _shifted(day: date, days: int) -> str:
    """``day`` moved by ``days``, held inside the calendar (dates 0001 and 9999 occur in the wild)."""
    try:
        return (day + timedelta(days=days)).isoformat()
    except OverflowError:
        return (date.min if days < 0 else date.max).isoformat()


def _period(day: str) -> tuple[date, date]:
    parts = [int(p) for p in day.split("-")]
    if len(parts) == 3:
        d = date(*parts)
        return d, d
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def overlaps(day: str, date_from: str, date_to: str) -> bool:
    """Whether the article date ``day`` may fall between two ISO days (undated: yes)."""
    if not day:
        return True
    try:
        start, end = _period(day)
    except ValueError:
        return True
    return start.isoformat() <= date_to and end.isoformat() >= date_from


def group_quotes(ledger: StatementLedger, quote_ids: Iterable[int], days: int = WINDOW_DAYS) -> set[str]:
    """Put each new attributed quote into the statement it repeats, founding one
    when it repeats none and joining statements it shows to be one. Returns the
    ids of the statements changed."""
    touched: set[str] = set()
    gone: set[str] = set()
    for new in ledger.new_variants(sorted(quote_ids)):
        if new.source_id is None:
            continue  # a statement is someone's: unattributed quotes stay out
        new.tokens = [t.norm for t in tokens(new.text)]
        try:
            lo, hi = window(new.date, days)
        except ValueError:
            lo, hi = window("", days)
        matches = {
            c.statement_id
            for c in ledger.candidates(new.source_id, lo, hi)
            # the window runs from a statement's first appearance, so a line repeated
            # for months is a new statement each month, not one ever-growing chain
            if c.statement_id and c.statement_id not in gone and overlaps(c.date, lo, hi)
            and overlaps(c.statement_date, lo, hi) and same_statement(new.tokens, c.tokens)
        }
        target = min(matches) if matches else statement_id(new)
        ledger.assign(new, target)
        for other in sorted(matches - {target}):
            ledger.move(other, target)
            gone.add(other)
        touched.add(target)
    for sid in sorted(touched - gone):
        ledger.save(summarise(sid, ledger.variants(sid)))
    return touched - gone


def regroup(ledger: StatementLedger, quote_ids: list[int], days: int = WINDOW_DAYS) -> None:
    """Group ``quote_ids`` again, after their source changed (a user's merge or
    split): out of the statements they were in, which are summarised again or
    removed when left empty, then grouped like new quotes."""
    for sid in sorted(ledger.ungroup(quote_ids)):
        rest = ledger.variants(sid)
        if rest:
            ledger.save(summarise(sid, rest))
        else:
            ledger.drop(sid)
    group_quotes(ledger, quote_ids, days)


def ordered(variants: list[Variant]) -> list[Variant]:
    return sorted(variants, key=lambda v: v.order)


def summarise(sid: str, variants: list[Variant]) -> Summary:
    """The row of statement ``sid`` from its variants; its flags are every variant's
    meaning changes against the earliest."""
    variants = ordered(variants)
    first = variants[0]
    reported = next((v for v in variants if v.type in REPORTED), None)
    found: list[dict] = []
    for v in variants[1:]:
        found += [{**f, "quote_id": v.quote_id} for f in flags(first, v, reported)]
    dates = [v.date for v in variants if v.date]
    return Summary(
        id=sid,
        source_id=first.source_id,
        language=first.language,
        first_quote_id=first.quote_id,
        first_article_id=first.article_id,
        first_date=first.date,
        last_date=max(dates) if dates else "",
        variants=len(variants),
        articles=len({v.article_id for v in variants}),
        outlets=len({v.outlet for v in variants if v.outlet}),
        flags=found,
    )


def explain(variants: list[Variant]) -> list[dict]:
    """Every variant, earliest first, with its word diff and meaning changes against
    the earliest: [{"quote_id", "earliest", "diff", "flags"}]."""
    variants = ordered(variants)
    first = variants[0]
    reported = next((v for v in variants if v.type in REPORTED), None)
    first_tokens = tokens(first.text)
    out = []
    for v in variants:
        if not v.tokens:
            v.tokens = [t.norm for t in tokens(v.text)]
        out.append({
            "quote_id": v.quote_id,
            "earliest": v is first,
            "diff": [{"op": "equal", "text": first.text}] if v is first else diff(first_tokens, tokens(v.text)),
            "flags": flags(first, v, reported),
        })
    return out
