"""HanTa's German tagger with its three searches made cheaper: the same tags and lemmas.

HanTa (``HanTa==1.2.1``, LGPL) spends its time in three pure-Python Viterbi
searches: over the morphemes of a word its lexicon lacks (``analyze_forward``:
which tags the word can have), over the morphemes of a word under its chosen
tag (``analyze_viterbi``: the lemma), and over the tags of a sentence
(``tag_sent_viterbi``). Each tries every (state, segment, next tag) and scores
the segment afresh, although almost every combination is impossible.

``ExactHanoverTagger`` runs the same searches over only the combinations that
can score: each segment of a word is scored once (the known morphemes' tags by
one lookup, the open classes' guess from a table keyed by the segment's suffix
and length), a state whose next tags are all closed classes visits only the
segments that are known morphemes, and a sentence position tries only the tags
its word can have. Sums are taken in HanTa's order and states are visited and
inserted in HanTa's order, so ties, prunings and floating-point results are
HanTa's own, bit for bit; ``tests/analyse/de/test_hanover.py`` and
``benchmarks/tagger.py`` check the tags and lemmas against HanTa's.

A word table (``models/de-tagger/hanta-words.json.gz``, written by ``make
train-tagger``) holds what those searches give for the words of the corpus's
train text outside HanTa's lexicon, and the lemmas of HanTa's lexicon and of
those words under the tags they took: a fresh process looks them up instead of
searching. It is read only when it was computed from the installed HanTa model.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
from functools import lru_cache
from pathlib import Path

from HanTa import HanoverTagger as hanta_module
from HanTa.HanoverTagger import EMPTY, END, END_UNKNOWN, START, UNKNOWN, HanoverTagger
from numpy import logaddexp

from .tagger import shipped_dir

MODEL_FILE = "morphmodel_ger.pgz"
WORDS_FILE = "hanta-words.json.gz"
LOWER_BOUND = -1e6  # HanTa's floor for a path's log probability
CACHE_SIZE = 200_000
NO_SCORES: dict[int, float] = {}
NO_LEMMAS: dict[str, str] = {}


def model_digest() -> str:
    """SHA-256 of HanTa's German model file: what a word table was computed from."""
    path = Path(hanta_module.__file__).parent / MODEL_FILE
    return hashlib.sha256(path.read_bytes()).hexdigest()


class ExactHanoverTagger(HanoverTagger):
    """HanTa's ``HanoverTagger`` on its German model, with the searches above."""

    def __init__(self, words: Path | None = None):
        super().__init__(MODEL_FILE)
        self._known_analyses: dict[str, list] = {}
        self._known_lemmas: dict[int, dict[str, str]] = {}
        if words is not None and words.is_file():
            self._read_words(words)
        self._morpheme_tags: dict[str, dict[int, float]] = {}
        for tag, scores in self.LP_m_t.items():
            for morpheme, lp in scores.items():
                self._morpheme_tags.setdefault(morpheme, {})[tag] = lp
        self._open_tags = [t for t in self.LP_m_t if t in self.LP_hapax_t and t in self.LP_s_t]
        suffix_sets = {frozenset(self.LP_s_t[t]) for t in self._open_tags}
        if len(suffix_sets) != 1:
            raise ValueError("the open classes' suffix tables differ: the shared suffix lookup does not apply")
        self._suffixes = suffix_sets.pop()
        tag_orders = {tuple(scores) for scores in self.LP_trans_word.values()}
        if len(tag_orders) != 1:
            raise ValueError("the tag transitions list their tags in different orders")
        self._tag_order = {tag: k for k, tag in enumerate(tag_orders.pop()) if tag != END}
        # a state (tag before last, last tag) is the int ``before << 8 | last`` in the searches:
        # ints cost less to make and hash than tuples (final tags, negative, stay in tuples)
        if not all(0 <= t < 256 for state in self.LP_trans_word for t in state):
            raise ValueError("a sentence tag outside 0-255: states do not fit the int codes")
        self._transitions_by_code = {a << 8 | b: scores for (a, b), scores in self.LP_trans_word.items()}
        if not all(0 <= t < 256 for state in self.LP_trans for t in state):
            raise ValueError("a morpheme tag outside 0-255: states do not fit the int codes")
        self._nonfinal = {a << 8 | b: followers for (a, b), followers in self.LP_trans_nonfinal.items()}
        self._final = {a << 8 | b: followers for (a, b), followers in self.LP_trans_final.items()}
        self._open_followers = {state: self._open_only(followers) for state, followers in self._nonfinal.items()}
        # news repeats its words: each word's analyses are worth keeping
        self.analyze_forward = lru_cache(maxsize=CACHE_SIZE)(self.analyze_forward)
        self._analyze = lru_cache(maxsize=CACHE_SIZE)(self._analyze)
        self._candidates = lru_cache(maxsize=CACHE_SIZE)(self._candidates)
        self._segments = lru_cache(maxsize=256)(self._segments)  # a word's lemma search follows its tag search
        self._guesses = lru_cache(maxsize=None)(self._guesses)  # keys: a suffix, a length, a flag
        self._guesses_by_length = lru_cache(maxsize=None)(self._guesses_by_length)
        self._followers_towards = lru_cache(maxsize=None)(self._followers_towards)

    def _read_words(self, path: Path) -> None:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            table = json.load(f)
        if table.get("hanta_model_sha256") != model_digest():
            return  # computed from another HanTa model: its answers are not this model's
        # JSON keeps a float's shortest repr, which reads back to the same double
        self._known_analyses = {w: [tuple(tp) for tp in tags] for w, tags in table["analyses"].items()}
        self._known_lemmas = {int(tag): lemmas for tag, lemmas in table["lemmas"].items()}

    def word_table(self, words: set[str], pairs: set[tuple[str, int]]) -> dict:
        """The table ``_read_words`` reads: the analyses of ``words`` (lower-cased, those
        outside HanTa's lexicon) and the lemmas of (lower-cased word, tag) ``pairs``."""
        analyses = {w: [[tag, lp] for tag, lp in self.analyze_forward(w)] for w in sorted(words) if w not in self.cache}
        lemmas: dict[str, dict[str, str]] = {}
        for word, tag in sorted(pairs):
            lemma, postag = self._analyze(word, tag, taglevel=1)
            if postag == self.int2tag[tag]:  # else (no analysis under the tag) computed afresh
                lemmas.setdefault(str(tag), {})[word] = lemma
        return {"hanta_model_sha256": model_digest(), "analyses": analyses, "lemmas": lemmas}

    def _analyze(self, word, pos, taglevel=1):
        """HanTa's ``_analyze``; the lemma from the word table when it has it."""
        if taglevel == 1:
            lemma = self._known_lemmas.get(pos, NO_LEMMAS).get(word.lower())
            if lemma is not None:
                return lemma, self.int2tag[pos]
        return super()._analyze(word, pos, taglevel)

    # --- the morphemes of one word -------------------------------------------------

    def _open_only(self, followers: list) -> list:
        """The followers an unknown segment can be: the open classes, in the same order."""
        return [(t, p) for t, p in followers if t in self.LP_hapax_t]

    def _guesses(self, suffix: str, length: int, whole: bool) -> dict[int, float]:
        """``lp_m_t`` of an unknown segment for every open class that can take it."""
        out = {}
        for t in self._open_tags:
            lp = self.Int_t + self.LP_hapax_t[t] + self.LP_len_t[t][length] + self.LP_s_t[t][suffix]
            if whole:  # HanTa's penalty for reading the whole word as one unknown morpheme
                lp -= 4.6
            if lp > -math.inf:
                out[t] = lp
        return out

    def _guesses_by_length(self, endings: tuple[str, ...], short_word: bool) -> list[dict[int, float]]:
        """The open classes' guesses for a segment ending in ``endings`` (the suffixes the
        model knows among its last four, three, two, one characters), by its length
        (from 0 to 24: HanTa counts longer segments as 24), unless it is the whole word."""
        by_length = []
        for mlen in range(25):
            if not (short_word or mlen > 2):
                by_length.append(NO_SCORES)
                continue
            suffix = next((e for e in endings if len(e) < mlen), "")
            by_length.append(self._guesses(suffix, mlen, False))
        return by_length

    def _segments(self, word: str, strict: bool) -> tuple[list, list]:
        """Per start position, the (end, {tag: lp_m_t}, known) of every segment that can
        score for some tag (``known``: it is a known morpheme, so closed classes may
        score too); and the same restricted to known morphemes."""
        wlen = len(word)
        scored: list[list] = [[] for _ in range(wlen + 1)]
        known_only: list[list] = [[] for _ in range(wlen + 1)]
        morpheme_tags, suffixes = self._morpheme_tags, self._suffixes
        for j in range(1, wlen + 1):
            if not strict:
                endings = tuple(word[j - k : j] for k in (4, 3, 2, 1) if k <= j and word[j - k : j] in suffixes)
                by_length = self._guesses_by_length(endings, wlen < 4)
            for i in range(j):
                known = morpheme_tags.get(word[i:j])
                if known:
                    known_only[i].append((j, known, True))
                if strict:
                    guesses = NO_SCORES
                elif i == 0 and j == wlen:
                    whole = next((e for e in endings if len(e) < wlen), "")
                    guesses = self._guesses(whole, min(wlen, 24), True)
                else:
                    guesses = by_length[min(24, j - i)]
                if known:  # a known morpheme's own score wins over the guess
                    scored[i].append((j, {**guesses, **known} if guesses else known, True))
                elif guesses:
                    scored[i].append((j, guesses, False))
        return scored, known_only

    def _search_morphemes(self, word: str, strict: bool, followers_of, backpointer: list | None) -> list[dict]:
        """HanTa's table over the morpheme states of ``word`` up to its last character."""
        wlen = len(word)
        scored, known_only = self._segments(word, strict)
        table = [{EMPTY << 8 | START: 0}] + [{} for _ in range(wlen + 1)]
        for i in range(wlen + 1):
            row = table[i]
            rowbound = sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else LOWER_BOUND
            for state, lp in row.items():
                if lp < rowbound:
                    continue
                followup, open_followup = followers_of(state)
                if not followup:
                    continue
                shifted = (state & 255) << 8
                for j, scores, known in (scored[i] if open_followup else known_only[i]):
                    cell = table[j]
                    back = backpointer[j] if backpointer is not None else None
                    # only open classes score an unknown segment: skip the other followers
                    for tag1, lpt in (followup if known else open_followup):
                        lm = scores.get(tag1)
                        if lm is None:
                            continue
                        lp1 = lp + lpt + lm
                        if lp1 > LOWER_BOUND:
                            newstate = shifted | tag1
                            old = cell.get(newstate)
                            if old is None or lp1 > old:
                                cell[newstate] = lp1
                                if back is not None:
                                    back[newstate] = (state, i)
        return table

    def _all_followers(self, state):
        return self._nonfinal.get(state, ()), self._open_followers.get(state, ())

    def analyze_forward(self, word):
        """HanTa's ``analyze_forward``: [(tag, log probability)], likeliest first."""
        known = self._known_analyses.get(word)
        if known is not None:
            return known
        table = self._search_morphemes(word, self.strict, self._all_followers, None)
        last = table[-1]
        for state, lp in table[-2].items():
            for tag1, lpt in self._final.get(state, []):
                lp1 = lp + lpt
                if lp1 > LOWER_BOUND:
                    newstate = (state & 255, tag1)
                    if newstate not in last or lp1 > last[newstate]:
                        last[newstate] = lp1
        results: dict = {}
        for state, lp in last.items():
            if lp == -math.inf:
                continue
            pos = -state[1]
            results[pos] = logaddexp(results[pos], lp) if pos in results else lp
        result_list = sorted(results.items(), key=lambda item: item[1], reverse=True)
        return result_list or [(UNKNOWN, 0)]

    def _followers_towards(self, targetpos: int):
        """The followers of each state that can still reach the final tag ``targetpos``."""
        reachable = self.reachability.get(targetpos, frozenset())
        cache: dict = {}

        def followers_of(state):
            found = cache.get(state)
            if found is None:
                followup = [(t, p) for t, p in self._nonfinal.get(state, []) if t in reachable]
                found = cache[state] = (followup, self._open_only(followup))
            return found

        return followers_of

    def analyze_viterbi(self, word, targetpos):
        """HanTa's ``analyze_viterbi``: the likeliest morphemes of ``word`` ending in ``targetpos``."""
        wlen = len(word)
        followers_of = self._followers_towards(targetpos)
        for localstrict in (True, False):
            backpointer: list[dict] = [{} for _ in range(wlen + 2)]
            table = self._search_morphemes(word, localstrict, followers_of, backpointer)
            last = table[-1]
            for state, lp in table[-2].items():
                for tag1, lpt in self._final.get(state, []):
                    if tag1 == targetpos:
                        lp1 = lp + lpt
                        if lp1 > LOWER_BOUND:
                            newstate = (state & 255, tag1)
                            if newstate not in last or lp1 > last[newstate]:
                                last[newstate] = lp1
                                backpointer[-1][newstate] = (state, wlen)
                        break
            if last:
                break
        pmax = -math.inf
        beststate = (EMPTY, EMPTY)
        for state, lp in last.items():
            if lp > pmax:
                pmax, beststate = lp, state
        i = len(backpointer) - 1
        if beststate == (EMPTY, EMPTY):
            return [(UNKNOWN, i - 1), (END_UNKNOWN, i)]  # HanTa's path for a word it cannot analyse
        path = [(beststate[1], i)]
        state, i = backpointer[i][beststate]
        while i > 0:  # i == 0: the start state, which HanTa leaves out
            path.append((state & 255, i))
            state, i = backpointer[i][state]
        return path[::-1]

    # --- the tags of one sentence -----------------------------------------------------

    def _candidates(self, word: str, casesensitive: bool) -> list[tuple[int, float]]:
        """(tag, log p(word | tag)) of the tags ``word`` can have, in the transitions' tag order;
        every tag at no cost for a word HanTa cannot analyse."""
        wprobs = dict(self._tag_word(word, cutoff=5, casesensitive=casesensitive, conditional=True))
        if len(wprobs) == 1 and UNKNOWN in wprobs:
            wprobs = {}
        if not wprobs:
            return [(tag, 0) for tag in self._tag_order]
        order = self._tag_order
        return sorted(((t, p) for t, p in wprobs.items() if t in order), key=lambda tp: order[tp[0]])

    def tag_sent_viterbi(self, sent, casesensitive=True):
        """HanTa's ``tag_sent_viterbi``: the likeliest tag of every word of ``sent``."""
        transitions = self._transitions_by_code
        backpointer = []
        prevrow: dict = {EMPTY << 8 | START: 0.0}
        for i, w in enumerate(sent):
            candidates = self._candidates(w, casesensitive and i > 0)
            rowbound = sorted(prevrow.values(), reverse=True)[5] - 1 if len(prevrow) > 5 else LOWER_BOUND
            row: dict = {}
            back: dict = {}
            for state, lp0 in prevrow.items():
                if lp0 < rowbound:
                    continue
                lp_t = transitions[state]
                shifted = (state & 255) << 8
                for c, lpwc in candidates:
                    lp = lp0 + lp_t[c] + lpwc
                    if lp > LOWER_BOUND:
                        newstate = shifted | c
                        old = row.get(newstate)
                        if old is None or lp > old:
                            row[newstate] = lp
                            back[newstate] = state
            backpointer.append(back)
            prevrow = row
        best = -math.inf
        for state, lp0 in prevrow.items():
            lp = lp0 + transitions[state].get(END, -math.inf)
            if lp > best:
                best = lp
                state_before_end = state
        tags = [state_before_end & 255]
        state = state_before_end
        for back in backpointer[:0:-1]:
            state = back[state]
            tags.append(state & 255)
        return tags[::-1]


@lru_cache(maxsize=1)
def exact_hanta() -> ExactHanoverTagger:
    """The process's one ``ExactHanoverTagger``, with the shipped word table."""
    return ExactHanoverTagger(shipped_dir() / WORDS_FILE)
