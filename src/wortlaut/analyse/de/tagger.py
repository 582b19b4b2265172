"""A greedy averaged-perceptron tagger for German: HanTa's STTS tags and lemmas, fast.

HanTa (a pure-Python HMM with a morphological analyser) was most of the analysis
time. This tagger learnt to reproduce its tags from its output over news text
(see ``models/de-tagger/MODEL_CARD.md`` and ``make train-tagger``); lemmas
come from a (word, tag) lexicon learnt the same way, and for pairs it has not
seen from the commonest rewrite of words with the same ending and tag (HanTa's
own lemmatiser costs milliseconds per new word). HanTa's word lexicon, loaded
with HanTa, is one of the features: it tells known nouns from names.

Every feature belongs to one word at one offset from the tagged token (the word
itself, one or two before, one or two after), so a word's contribution at each
offset is summed once and cached: a sentence's scores before the tag history
are five cached rows per token.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

MODEL_NAME = "de-tagger"
# the word's own features, then those it contributes one/two tokens before or after
OFFSETS = ("w", "p", "n", "pp", "nn")
START, START2, END, END2 = "<S>", "<S2>", "</S>", "</S2>"


def shape(word: str) -> str:
    """Character classes with runs collapsed, e.g. "Merkel" -> "Xx", "G8-Gipfel" -> "Xd-Xx"."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out[:6])


@lru_cache(maxsize=200_000)
def lexical_class(low: str) -> str:
    """The tags HanTa's own lexicon holds likely for a word ("" for a word it lacks):
    what tells a known noun (NN) from a name (NE) the suffixes cannot."""
    h = hanta()
    known = h.cache.get(low)
    if not known:
        return ""
    best = max(p for _, p in known)
    return "|".join(sorted(h.int2tag[t] for t, p in known if p >= best - 5 and t in h.int2tag))


@lru_cache(maxsize=200_000)
def head_class(low: str) -> str:
    """The lexical class of the longest known word a word ends in ("bundeskanzlerin"
    ends in "kanzlerin"): a compound is tagged as its head, and HanTa knows heads."""
    h = hanta()
    for k in range(2, len(low) - 2):
        if low[k:] in h.cache:
            return lexical_class(low[k:])
    return ""


def word_features(word: str) -> tuple[list[str], ...]:
    """The features ``word`` contributes at each of ``OFFSETS`` from the tagged token."""
    low = word.lower()
    lex = lexical_class(low)
    sh = shape(word)
    cap = word[:1].isupper()
    own = ["b", "w=" + word, "l=" + low, "sh=" + sh, "a=" + lex, f"a={lex}|{cap}"]
    if not lex:
        own.append(f"ha={head_class(low)}|{cap}")
    own += [f"s{k}={low[-k:]}" for k in range(1, 8) if len(low) > k]
    own += [f"f{k}={low[:k]}" for k in range(1, 4) if len(low) > k]
    if "-" in word[1:]:
        own.append("h=" + low.rsplit("-", 1)[1][-4:])
    near = [[f"{o}l={low}", f"{o}s3={low[-3:]}", f"{o}sh={sh}", f"{o}a={lex}"] for o in ("p", "n")]
    far = [[f"{o}l={low}", f"{o}sh={sh}"] for o in ("pp", "nn")]
    return own, near[0], near[1], far[0], far[1]


def offset_features(word: str, offset: str) -> list[str]:
    """The features ``word`` contributes when it stands at ``offset`` from the tagged token."""
    return word_features(word)[OFFSETS.index(offset)]


def first_features(word: str) -> list[str]:
    """Extra features of a sentence's first word, whose capital says little."""
    return ["F", "Fl=" + word.lower()]


def padded(words: list[str]) -> list[str]:
    return [START2, START, *words, END, END2]


def token_features(words: list[str], i: int) -> list[str]:
    """All static features of ``words[i]`` (training view; tagging sums the same per offset)."""
    pad = padded(words)
    j = i + 2
    feats = offset_features(pad[j], "w")
    feats += offset_features(pad[j - 1], "p") + offset_features(pad[j + 1], "n")
    feats += offset_features(pad[j - 2], "pp") + offset_features(pad[j + 2], "nn")
    if i == 0:
        feats += first_features(words[0])
    return feats


class PerceptronTagger:
    """Tags and lemmas of a model directory written by ``make train-tagger``."""

    def __init__(self, model_dir: Path):
        model_dir = Path(model_dir)
        meta = json.loads((model_dir / "tagger.json").read_text(encoding="utf-8"))
        self.tags: list[str] = meta["tags"]
        arrays = np.load(model_dir / "weights.npz")
        weights = arrays["weights"].astype(np.float32)
        self.index = {f: k for k, f in enumerate(meta["features"])}
        n_tags = len(self.tags)
        history = arrays["history"].astype(np.float32)  # rows: t-1, then (t-2, t-1) pairs
        k = n_tags + 1
        # one row per (t-2, t-1): both history features summed ahead of time
        self.history = (history[:k][None, :, :] + history[k:].reshape(k, k, n_tags)).reshape(k * k, n_tags)
        self.weights = np.vstack([weights, np.zeros((1, n_tags), np.float32)])
        self.zero = len(self.weights) - 1
        with (model_dir / "lemmas.json").open(encoding="utf-8") as f:
            self.lemmas: dict[str, dict[str, str]] = json.load(f)
        with (model_dir / "lemma_rules.json").open(encoding="utf-8") as f:
            self.lemma_rules: dict[str, dict[str, str]] = json.load(f)
        self._rows: dict[str, np.ndarray] = {}
        self._first: dict[str, np.ndarray] = {}

    def _sum(self, feats: list[str]) -> np.ndarray:
        ids = [self.index.get(f, self.zero) for f in feats]
        return self.weights[ids].sum(axis=0)

    def _word_rows(self, word: str) -> np.ndarray:
        rows = self._rows.get(word)
        if rows is None:
            ids: list[int] = []
            starts: list[int] = []
            index, zero = self.index, self.zero
            for feats in word_features(word):
                starts.append(len(ids))
                ids += [index.get(f, zero) for f in feats]
            rows = np.add.reduceat(self.weights[ids], starts, axis=0)
            if len(self._rows) < 300_000:
                self._rows[word] = rows
        return rows

    def _first_row(self, word: str) -> np.ndarray:
        row = self._first.get(word)
        if row is None:
            row = self._first[word] = self._sum(first_features(word))
        return row

    def scores(self, words: list[str]) -> np.ndarray:
        """Per-token tag scores from the words alone (before the tag history)."""
        n = len(words)
        v = np.stack([self._word_rows(w) for w in padded(words)])
        s = v[2 : n + 2, 0] + v[1 : n + 1, 1] + v[3 : n + 3, 2] + v[0:n, 3] + v[4 : n + 4, 4]
        s[0] += self._first_row(words[0])
        return s

    def tag_ids(self, words: list[str]) -> tuple[list[int], float]:
        """Tag ids, and the smallest margin between a token's best and second-best tag."""
        if not words:
            return [], float("inf")
        s = self.scores(words)
        k = len(self.tags) + 1
        start = k - 1
        p2 = p1 = start
        out = []
        history = self.history
        margin = float("inf")
        for row in s:
            sc = row + history[p2 * k + p1]
            t = int(sc.argmax())
            best = sc[t]
            sc[t] = -np.inf
            margin = min(margin, float(best - sc.max()))
            out.append(t)
            p2, p1 = p1, t
        return out, margin

    def tag(self, words: list[str], sure_above: float = float("-inf")) -> list[tuple[str, str]] | None:
        """(tag, lemma) per word; None when some token's best tag leads by ``sure_above``
        or less (the caller then asks HanTa)."""
        ids, margin = self.tag_ids(words)
        if words and margin <= sure_above:
            return None
        out = []
        for w, t in zip(words, ids):
            tag = self.tags[t]
            out.append((tag, self.lemma(w, tag)))
        return out

    def lemma(self, word: str, tag: str) -> str:
        """HanTa's lemma where the lexicon knows the (word, tag); else the rewrite of the
        longest known ending (HanTa's own lemmatiser would cost milliseconds a word)."""
        low = word.lower()
        known = self.lemmas.get(tag)
        if known is not None:
            lemma = known.get(low)
            if lemma is not None:
                return lemma
        rules = self.lemma_rules.get(tag)
        if rules is None:
            return word
        for k in range(min(6, len(low)), -1, -1):
            rewrite = rules.get(low[len(low) - k :])
            if rewrite is not None:
                return apply_rewrite(word, rewrite)
        return word


def lemma_rewrite(low: str, lemma: str) -> str:
    """"<cut>:<ending>:<case>": drop ``cut`` characters of the lower-cased word, add
    ``ending``, then case: "u" capitalised (nouns, names), "l" as is, "o" other (kept whole)."""
    if lemma.lower() != lemma and lemma[:1].upper() + lemma[1:].lower() != lemma:
        return f"0:{lemma}:o"  # "USA", "iPod": nothing general to learn
    case = "u" if lemma[:1].isupper() else "l"
    low_lemma = lemma.lower()
    common = 0
    while common < min(len(low), len(low_lemma)) and low[common] == low_lemma[common]:
        common += 1
    return f"{len(low) - common}:{low_lemma[common:]}:{case}"


def apply_rewrite(word: str, rewrite: str) -> str:
    cut, rest = rewrite.split(":", 1)
    ending, case = rest.rsplit(":", 1)
    if case == "o":  # an irregular case pattern says nothing of another word
        return word
    low = word.lower()
    stem = low[: len(low) - int(cut)] + ending
    return stem[:1].upper() + stem[1:] if case == "u" else stem


@lru_cache(maxsize=1)
def hanta():
    from HanTa import HanoverTagger

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    # HanTa analyses every occurrence of a word afresh; news repeats its words, so
    # memoising the two per-word analyses more than doubles its speed
    tagger._analyze = lru_cache(maxsize=200_000)(tagger._analyze)
    tagger.analyze_forward = lru_cache(maxsize=200_000)(tagger.analyze_forward)
    return tagger


def shipped_dir() -> Path:
    """``models/de-tagger``: package data of ``wortlaut.models`` when installed with
    it, else the source checkout's ``models/``."""
    try:
        path = Path(str(resources.files("wortlaut.models") / MODEL_NAME))
        if (path / "tagger.json").is_file():
            return path
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parents[4] / "models" / MODEL_NAME


@lru_cache(maxsize=2)
def load(model_dir: str) -> PerceptronTagger | None:
    """The tagger in ``model_dir``, or None when it has not been trained there."""
    if not (Path(model_dir) / "tagger.json").is_file():
        return None
    return PerceptronTagger(Path(model_dir))
