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
from pathlib import Path

from ...lexicon.time_words import DE_TEMPORAL
from ..attribution import Attribution, Range
from .cues import PARTICLE_VERBS
from .rules import attribute as rule_attribute
from .features import FEATURES_VERSION, token_features
from .prepositional import prepositional_statements
from .sentences import SENTENCE_MODEL, SentenceTagger, add_uncued, sentence_features
from .speakers import carried_speakers, cue_subjects, cued_free, drop_unsupported, tidy_speakers
from ..tokens import Doc

SELF_SOURCED_CUES = {"demnach", "danach", "wonach"}
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
    out = []
    for k, f in enumerate(quote_feats):
        extra = ["q=" + quote_labels[k], "qL=" + left[k], "qR=" + right[k]]
        for off in (-2, -1, 1, 2):
            j = k + off
            extra.append(f"{off}q=" + (quote_labels[j] if 0 <= j < n else "BOUND"))
        out.append(f + extra)
    return out


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
        # provenance for every quote it finds: the model by name, features and weights
        digest = hashlib.sha256()
        for name in (*MODEL_FILES, SENTENCE_MODEL):
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
        if not doc.tokens:
            return [], []
        feats = token_features(doc, self.cue_lemmas, rule_atts)
        qlabels = self.quote_tagger.tag(feats)
        rlabels = self.role_tagger.tag(role_features(feats, qlabels))
        return qlabels, rlabels

    def __call__(self, doc: Doc) -> list[Attribution]:
        rule_atts = rule_attribute(doc)
        qlabels, rlabels = self.tag(doc, rule_atts)
        roles = runs(rlabels)
        cues = [(a, b) for tag, a, b in roles if tag == "C"]
        speakers = [(a, b) for tag, a, b in roles if tag == "S"]
        atts = cued_free(doc, assemble(doc, qlabels, rlabels), cues, speakers)
        atts = prepositional_statements(doc, add_missed(fill_speakers(doc, atts, rule_atts), rule_atts))
        atts = tidy_speakers(doc, cue_subjects(doc, atts))
        if self.sentence_tagger is not None and doc.sentences:
            labels = self.sentence_tagger.confident(sentence_features(doc, rule_atts, self.cue_lemmas))
            atts = add_uncued(doc, atts, labels, speakers)
        return carried_speakers(drop_unsupported(atts))


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
    """The cue, speaker and addressee runs the role layer found, and the quotes."""

    def __init__(self, doc: Doc, qlabels: list[str], rlabels: list[str]):
        self.doc = doc
        self.quotes = [(KIND_OF_LABEL.get(tag, "indirect"), r) for tag, a, b in runs(qlabels) for r in _by_paragraph(doc, a, b)]
        roles = runs(rlabels)
        self.cues = [(a, b) for tag, a, b in roles if tag == "C"]
        self.speakers = [(a, b) for tag, a, b in roles if tag == "S"]
        self.addressees = [(a, b) for tag, a, b in roles if tag == "A"]

    def nearest(self, cands: list[Range], to: Range, sents: set[int], avoid: Range | None = None) -> Range | None:
        """The candidate in one of ``sents`` nearest to ``to``, preferring one outside ``avoid``."""
        pool = [c for c in cands if _sentences(self.doc, c) & sents]
        if avoid is not None:  # prefer roles outside the quote itself
            pool = [c for c in pool if _dist(c, avoid) > 0] or pool
        return min(pool, key=lambda c: _dist(c, to), default=None)


def assemble(doc: Doc, qlabels: list[str], rlabels: list[str]) -> list[Attribution]:
    """Attributions from the two layers' labels: each quote linked to its cue and speaker."""
    roles = _Roles(doc, qlabels, rlabels)
    out: list[Attribution] = []
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
            _link_cue(roles, att, q, qsents, out)
        _default_speaker(doc, att, last_speaker)
        if att.speaker is not None:
            last_speaker = att.speaker
        if _continues(doc, out[-1] if out else None, att, qsents):
            out[-1].quote.append(q)
        else:
            out.append(att)
    return out


def _link_cue(roles: _Roles, att: Attribution, q: Range, qsents: set[int], out: list[Attribution]) -> None:
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
    if particle is not None and all(particle not in o.cue for o in out):
        att.cue = sorted(att.cue + [particle])


def _particle_for(roles: _Roles, cue: Range, csents: set[int]) -> Range | None:
    """A separable verb's particle ("teilte … mit"): the first other cue run in the same
    clause, close after or before the verb and outside every quote."""
    doc = roles.doc
    for other in roles.cues:
        if other != cue and _is_particle(doc, other) and _sentences(doc, other) & csents \
                and 0 < _dist(cue, other) <= 8 and not _overlaps_any(other, roles.quotes):
            return other
    return None


def _default_speaker(doc: Doc, att: Attribution, last_speaker: Range | None) -> None:
    """A quote the roles left without a speaker: "demnach" names its source by pointing
    back; a direct quote continues the last speaker."""
    if att.speaker is None and att.cue and doc.span_text(*att.cue[0]).lower() in SELF_SOURCED_CUES:
        att.speaker = att.cue[0]
    elif att.speaker is None and att.kind == "direct":
        att.speaker = last_speaker


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
    for att in atts:
        if att.kind == "free":
            continue
        local = _sentences(doc, *att.quote, *att.cue)
        if att.speaker is not None and doc.tokens[att.speaker[0]].sent in local and not _temporal(doc, att.speaker):
            continue
        qtoks = att.quote_tokens()
        for r in rule_atts:
            if r.speaker and qtoks & r.quote_tokens() and doc.tokens[r.speaker[0]].sent in local | _sentences(doc, *r.cue):
                att.speaker = r.speaker
                att.cue = att.cue or r.cue
                break
    return atts


def _temporal(doc: Doc, r: Range) -> bool:
    """"diese Woche (in …)", "am Montag": a time, not a speaker."""
    return any(t.text.lower() in DE_TEMPORAL for t in doc.tokens[r[0] : min(r[1], r[0] + 3)])


def add_missed(atts: list[Attribution], rule_atts: list[Attribution]) -> list[Attribution]:
    """Indirect and mixed statements the rules found where the model found nothing."""
    taken = set().union(*(att.quote_tokens() for att in atts))
    extra = [r for r in rule_atts if r.kind in ("indirect", "mixed") and not taken & r.quote_tokens()]
    return sorted(atts + extra, key=lambda att: att.start)


def _overlaps_any(r: Range, quotes: list[tuple[str, Range]]) -> bool:
    return any(_dist(r, q) == 0 for _, q in quotes)
