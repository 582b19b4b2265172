"""The trained attribution tagger: two CRFs over a whole document, then assembly.

The first CRF labels quotation tokens with their kind (BIO over D/I/R/F); the
second labels cue, speaker and addressee tokens (BIO over C/S/A), reading the
first one's labels as features. Two layers because roles overlap: a reported
statement contains its own speaker ("In der Begründung weisen die Richter …").
``assemble`` links each quote to the nearest cue and speaker.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ...lexicon.time_words import DE_TEMPORAL
from ..attribution import Attribution, Range
from .anaphoric import anaphoric_statements
from .boundaries import indirect_boundaries
from .complements import complement_statements
from .cues import PARTICLE_VERBS
from .rules import attribute as rule_attribute
from .features import FEATURES_VERSION, token_features
from .narration import drop_narration
from .prepositional import prepositional_statements
from .ranker import SPEAKER_MODEL, SpeakerRanker
from .sentences import SENTENCE_MODEL, SentenceTagger, add_uncued, sentence_features
from .speakers import SELF_SOURCED_CUES, carried_speakers, cue_subjects, cued_free, drop_unsupported, tidy_speakers
from ..tokens import Doc

KIND_OF_LABEL = {"D": "direct", "I": "indirect", "R": "reported", "F": "free"}
LABEL_OF_KIND = {v: k for k, v in KIND_OF_LABEL.items()}


def runs(labels: list[str]) -> list[tuple[str, int, int]]:
    """BIO labels -> (tag, start, end) runs."""
    out: list[tuple[str, int, int]] = []
    for k, lab in enumerate(labels):
        if lab == "O":
            continue
        bio, tag = lab.split("-", 1)
        if bio == "I" and out and out[-1][0] == tag and out[-1][2] == k:
            out[-1] = (tag, out[-1][1], k + 1)
        else:
            out.append((tag, k, k + 1))
    return out


def role_features(quote_feats: list[list[str]], quote_labels: list[str]) -> list[list[str]]:
    """Second-layer features: the first layer's features, its labels around each token,
    and how far the nearest quote is on either side (cues and speakers hug quotes)."""
    n = len(quote_labels)
    left = _nearest_quote(quote_labels, range(n))
    right = _nearest_quote(quote_labels, range(n - 1, -1, -1))
    bound = _label_seen("BOUND")
    seen = [bound, bound, *map(_label_seen, quote_labels), bound, bound]  # seen[k + 2] is token k's
    return [
        [*f, seen[k + 2][0], _nearest_feature("qL=", left[k]), _nearest_feature("qR=", right[k]),
         seen[k][1], seen[k + 1][2], seen[k + 3][3], seen[k + 4][4]]
        for k, f in enumerate(quote_feats)
    ]


@lru_cache(maxsize=64)
def _label_seen(label: str) -> tuple[str, ...]:
    """A first-layer label as its own token shows it ("q=…"), then as the tokens it is
    at offset -2, -1, 1, 2 from do ("-2q=…" …)."""
    return ("q=" + label, *(f"{off}q=" + label for off in (-2, -1, 1, 2)))


@lru_cache(maxsize=256)
def _nearest_feature(side: str, nearest: str) -> str:
    return side + nearest


def _nearest_quote(labels: list[str], order: range, reach: int = 12) -> list[str]:
    """For each token, the kind and distance bucket of the nearest quote token seen
    before it in ``order`` (within ``reach`` tokens), or "-"."""
    out = ["-"] * len(labels)
    last = None
    for k in order:
        if last is not None and abs(k - last) <= reach:
            d = abs(k - last)
            out[k] = labels[last][2:] + ("1" if d == 1 else "2-3" if d <= 3 else "4-7" if d <= 7 else "8+")
        if labels[k] != "O":
            last = k
    return out


MODEL_FILES = ("quotes.crfsuite", "roles.crfsuite", "cues.json", "training.json")


def trained_features_version(model_dir: Path) -> int | None:
    """The ``FEATURES_VERSION`` a model was trained on, as its ``training.json`` records it."""
    return json.loads((Path(model_dir) / "training.json").read_text(encoding="utf-8")).get("features_version")


class CRFTagger:
    """Loads ``quotes.crfsuite``, ``roles.crfsuite`` and ``cues.json`` from a model directory."""

    def __init__(self, model_dir: Path):
        import pycrfsuite

        self.model_dir = Path(model_dir)
        self.cue_lemmas = frozenset(json.loads((self.model_dir / "cues.json").read_text(encoding="utf-8")))
        self.quote_tagger = pycrfsuite.Tagger()
        self.quote_tagger.open(str(self.model_dir / "quotes.crfsuite"))
        self.role_tagger = pycrfsuite.Tagger()
        self.role_tagger.open(str(self.model_dir / "roles.crfsuite"))
        # the sentence layer is optional: a model trained before it still tags
        sentence_model = self.model_dir / SENTENCE_MODEL
        self.sentence_tagger = SentenceTagger(sentence_model) if sentence_model.exists() else None
        speaker_model = self.model_dir / SPEAKER_MODEL  # optional too: without it free speakers carry on the last one
        self.speaker_ranker = SpeakerRanker(speaker_model) if speaker_model.exists() else None
        # provenance for every quote it finds: the model by name, features and weights
        digest = hashlib.sha256()
        for name in (*MODEL_FILES, SENTENCE_MODEL, SPEAKER_MODEL):
            if (self.model_dir / name).exists():
                digest.update((self.model_dir / name).read_bytes())
        self.version = f"{self.model_dir.name} features {FEATURES_VERSION} sha256 {digest.hexdigest()[:12]}"

    @staticmethod
    def unusable(model_dir: Path) -> str | None:
        """Why the model in ``model_dir`` cannot tag, or None if it can: files missing, or
        trained on other features than ``token_features`` computes now."""
        model_dir = Path(model_dir)
        if not all((model_dir / f).exists() for f in MODEL_FILES):
            return f"no trained model in {model_dir}"
        trained = trained_features_version(model_dir)
        if trained != FEATURES_VERSION:
            return f"the model in {model_dir} was trained on features version {trained}, these are version {FEATURES_VERSION}"
        return None

    def tag(self, doc: Doc, rule_atts: list[Attribution]) -> tuple[list[str], list[str]]:
        """Both layers' labels. A long text is tagged in pieces of whole paragraphs, so its
        feature lists (about a kilobyte a token) never all exist at once."""
        qlabels: list[str] = []
        rlabels: list[str] = []
        for piece, piece_atts in _pieces(doc, rule_atts):
            feats = token_features(piece, self.cue_lemmas, piece_atts)
            q = self.quote_tagger.tag(feats)
            qlabels += q
            rlabels += self.role_tagger.tag(role_features(feats, q))
        return qlabels, rlabels

    def __call__(self, doc: Doc) -> list[Attribution]:
        atts = self.statements(doc)
        return self.speaker_ranker(doc, atts) if self.speaker_ranker is not None else atts

    def statements(self, doc: Doc) -> list[Attribution]:
        """The statements, before the speaker ranker chooses free indirect speakers."""
        rule_atts = rule_attribute(doc)
        qlabels, rlabels = self.tag(doc, rule_atts)
        roles = runs(rlabels)
        cues = [(a, b) for tag, a, b in roles if tag == "C"]
        speakers = [(a, b) for tag, a, b in roles if tag == "S"]
        atts = cued_free(doc, assemble(doc, qlabels, rlabels), cues, speakers)
        atts = prepositional_statements(doc, add_missed(fill_speakers(doc, atts, rule_atts), rule_atts))
        atts = complement_statements(doc, anaphoric_statements(doc, atts))
        atts = tidy_speakers(doc, cue_subjects(doc, atts))
        if self.sentence_tagger is not None and doc.sentences:
            labels = self.sentence_tagger.confident(sentence_features(doc, rule_atts, self.cue_lemmas))
            atts = add_uncued(doc, atts, labels, speakers)
        atts = indirect_boundaries(doc, carried_speakers(drop_unsupported(atts)))
        return drop_narration(doc, atts, self.cue_lemmas)


PIECE_TOKENS = 4000  # a long article's worth; anything shorter is tagged whole


def _pieces(doc: Doc, rule_atts: list[Attribution]) -> list[tuple[Doc, list[Attribution]]]:
    """``doc`` cut after the first paragraph end past every ``PIECE_TOKENS`` tokens, each
    piece a Doc of its own with the rule attributions inside it (``doc`` itself when short)."""
    toks = doc.tokens
    if len(toks) <= 2 * PIECE_TOKENS:
        return [(doc, rule_atts)] if toks else []
    cuts = [0]
    while len(toks) - cuts[-1] > 2 * PIECE_TOKENS:
        cuts.append(_cut_after(doc, cuts[-1] + PIECE_TOKENS))
    cuts.append(len(toks))
    by_start: dict[int, list[Attribution]] = {}
    for att in rule_atts:
        by_start.setdefault(min(r[0] for r in att.quote), []).append(att)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        s0 = toks[a].sent
        piece = Doc(text=doc.text, language=doc.language,
                    tokens=[replace(t, i=t.i - a, sent=t.sent - s0) for t in toks[a:b]],
                    sentences=[(max(x - a, 0), min(y, b) - a) for x, y in doc.sentences[s0 : toks[b - 1].sent + 1]])
        inside = [_shifted(att, -a) for k in range(a, b) for att in by_start.get(k, ()) if _within(att, a, b)]
        out.append((piece, inside))
    return out


def _cut_after(doc: Doc, k: int) -> int:
    """The first paragraph start at or after token ``k`` (a sentence start if no paragraph
    ends within another ``PIECE_TOKENS`` tokens)."""
    toks = doc.tokens
    for j in range(k, min(k + PIECE_TOKENS, len(toks))):
        if "\n" in toks[j - 1].space_after:
            return j
    return doc.sentences[toks[k].sent + 1][0] if toks[k].sent + 1 < len(doc.sentences) else k


def _ranges(att: Attribution) -> list[Range]:
    return att.quote + att.cue + [r for r in (att.speaker, att.addressee) if r is not None]


def _within(att: Attribution, a: int, b: int) -> bool:
    return all(a <= x and y <= b for x, y in _ranges(att))


def _shifted(att: Attribution, d: int) -> Attribution:
    def move(r: Range | None) -> Range | None:
        return None if r is None else (r[0] + d, r[1] + d)

    return Attribution([move(r) for r in att.quote], att.kind, [move(r) for r in att.cue], move(att.speaker), move(att.addressee))


def _is_particle(doc: Doc, run: Range) -> bool:
    """"mit" in "teilte … mit"; not "bei" opening "bei der Vorstellung"."""
    a, b = run
    return not (b - a == 1 and doc.tokens[a].pos in ("APPR", "APPRART") and doc.tokens[a].text.lower() not in PARTICLE_VERBS)


def _by_paragraph(doc: Doc, a: int, b: int) -> list[Range]:
    """A quote ends with its paragraph: a run across a paragraph break is two quotes."""
    out, start = [], a
    for k in range(a, b - 1):
        if "\n" in doc.tokens[k].space_after:
            out.append((start, k + 1))
            start = k + 1
    return out + [(start, b)]


def _dist(a: Range, b: Range) -> int:
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


def _sentences(doc: Doc, *ranges: Range) -> set[int]:
    return {doc.tokens[k].sent for a, b in ranges for k in range(a, b)}


class _Roles:
    """The cue, speaker and addressee runs the role layer found, and the quotes, each
    role indexed by the sentences it touches so that linking looks only nearby:
    assembly stays linear in the article's length."""

    def __init__(self, doc: Doc, qlabels: list[str], rlabels: list[str]):
        self.doc = doc
        self.quotes = [(KIND_OF_LABEL.get(tag, "indirect"), r) for tag, a, b in runs(qlabels) for r in _by_paragraph(doc, a, b)]
        roles = runs(rlabels)
        self.cues = [(a, b) for tag, a, b in roles if tag == "C"]
        self.speakers = [(a, b) for tag, a, b in roles if tag == "S"]
        self.addressees = [(a, b) for tag, a, b in roles if tag == "A"]
        self._by_sent = {id(c): _index_by_sentence(doc, c) for c in (self.cues, self.speakers, self.addressees)}
        self.in_quote = bytearray(len(doc.tokens))
        for _, (a, b) in self.quotes:
            self.in_quote[a:b] = b"\x01" * (b - a)

    def in_sentences(self, cands: list[Range], sents: set[int]) -> list[Range]:
        """The candidates touching one of ``sents``, in their order in ``cands``."""
        index = self._by_sent[id(cands)]
        found = {k for s in sents for k in index.get(s, ())}
        return [cands[k] for k in sorted(found)]

    def nearest(self, cands: list[Range], to: Range, sents: set[int], avoid: Range | None = None) -> Range | None:
        """The candidate in one of ``sents`` nearest to ``to``, preferring one outside ``avoid``."""
        pool = self.in_sentences(cands, sents)
        if avoid is not None:  # prefer roles outside the quote itself
            pool = [c for c in pool if _dist(c, avoid) > 0] or pool
        return min(pool, key=lambda c: _dist(c, to), default=None)


def _index_by_sentence(doc: Doc, cands: list[Range]) -> dict[int, list[int]]:
    index: dict[int, list[int]] = {}
    for k, c in enumerate(cands):
        for s in _sentences(doc, c):
            index.setdefault(s, []).append(k)
    return index


def assemble(doc: Doc, qlabels: list[str], rlabels: list[str]) -> list[Attribution]:
    """Attributions from the two layers' labels: each quote linked to its cue and speaker."""
    roles = _Roles(doc, qlabels, rlabels)
    out: list[Attribution] = []
    used_cues: set[Range] = set()  # the cue runs of the attributions in ``out``
    last_speaker: Range | None = None
    for kind, q in roles.quotes:
        qsents = _sentences(doc, q)
        att = Attribution([q], kind)
        if kind == "free":
            att.speaker = last_speaker
        elif kind == "reported":
            att.speaker = roles.nearest(roles.speakers, q, qsents)
            att.addressee = roles.nearest(roles.addressees, q, qsents)
        else:
            _link_cue(roles, att, q, qsents, used_cues)
        _self_sourced(doc, att)
        if att.speaker is not None:
            last_speaker = att.speaker
        if _continues(doc, out[-1] if out else None, att, qsents):
            out[-1].quote.append(q)
        else:
            out.append(att)
            used_cues.update(att.cue)
    return out


def _link_cue(roles: _Roles, att: Attribution, q: Range, qsents: set[int], used_cues: set[Range]) -> None:
    """Cue, speaker and addressee of a direct or indirect quote."""
    doc = roles.doc
    cue = roles.nearest(roles.cues, q, qsents, avoid=q)
    if cue is None and att.kind == "direct":
        # "… teilte mit: „Satz eins. Satz zwei.“" – the cue sits in the sentence before
        cue = roles.nearest(roles.cues, q, {min(qsents) - 1, max(qsents) + 1})
    if cue is None:
        att.speaker = roles.nearest(roles.speakers, q, qsents)
        return
    att.cue = [cue]
    csents = _sentences(doc, cue)
    att.speaker = roles.nearest(roles.speakers, cue, csents, avoid=q) or roles.nearest(roles.speakers, q, qsents)
    att.addressee = roles.nearest(roles.addressees, cue, csents)
    particle = _particle_for(roles, cue, csents)
    if particle is not None and particle not in used_cues:
        att.cue = sorted(att.cue + [particle])


def _particle_for(roles: _Roles, cue: Range, csents: set[int]) -> Range | None:
    """A separable verb's particle ("teilte … mit"): the first other cue run in the same
    clause, close after or before the verb and outside every quote."""
    doc = roles.doc
    for other in roles.in_sentences(roles.cues, csents):
        if other != cue and _is_particle(doc, other) and 0 < _dist(cue, other) <= 8 \
                and not any(roles.in_quote[max(other[0] - 1, 0) : other[1] + 1]):  # inside or touching
            return other
    return None


def _self_sourced(doc: Doc, att: Attribution) -> None:
    """A quote the roles left without a speaker: "demnach" names its source by pointing
    back (a direct quote without one continues the last speaker: ``carried_speakers``)."""
    if att.speaker is None and att.cue and doc.span_text(*att.cue[0]).lower() in SELF_SOURCED_CUES:
        att.speaker = att.cue[0]


def _continues(doc: Doc, prev: Attribution | None, att: Attribution, qsents: set[int]) -> bool:
    """"„A“, sagte er, „B“": one statement interrupted by its own frame."""
    return (
        prev is not None
        and prev.kind == att.kind == "direct"
        and bool(prev.cue)
        and prev.cue == att.cue
        and bool(_sentences(doc, prev.quote[-1]) & qsents)
    )


def fill_speakers(doc: Doc, atts: list[Attribution], rule_atts: list[Attribution]) -> list[Attribution]:
    """Where the model found a quote but no speaker near it, take the rules' speaker for it."""
    by_token: dict[int, list[int]] = {}  # token -> the rule attributions quoting it
    for n, r in enumerate(rule_atts):
        for k in r.quote_tokens():
            by_token.setdefault(k, []).append(n)
    for att in atts:
        if att.kind == "free":
            continue
        local = _sentences(doc, *att.quote, *att.cue)
        if att.speaker is not None and doc.tokens[att.speaker[0]].sent in local and not _temporal(doc, att.speaker):
            continue
        for r in _rules_overlapping(att, by_token, rule_atts):
            if r.speaker and doc.tokens[r.speaker[0]].sent in local | _sentences(doc, *r.cue):
                att.speaker = r.speaker
                att.cue = att.cue or r.cue
                break
    return atts


def _rules_overlapping(att: Attribution, by_token: dict[int, list[int]], rule_atts: list[Attribution]) -> list[Attribution]:
    """The rule attributions sharing a quote token with ``att``, in their order."""
    found = {n for k in att.quote_tokens() for n in by_token.get(k, ())}
    return [rule_atts[n] for n in sorted(found)]


def _temporal(doc: Doc, r: Range) -> bool:
    """"diese Woche (in …)", "am Montag": a time, not a speaker."""
    return any(t.text.lower() in DE_TEMPORAL for t in doc.tokens[r[0] : min(r[1], r[0] + 3)])


def add_missed(atts: list[Attribution], rule_atts: list[Attribution]) -> list[Attribution]:
    """Indirect and mixed statements the rules found where the model found nothing."""
    taken = set().union(*(att.quote_tokens() for att in atts))
    extra = [r for r in rule_atts if r.kind in ("indirect", "mixed") and not taken & r.quote_tokens()]
    return sorted(atts + extra, key=lambda att: att.start)

