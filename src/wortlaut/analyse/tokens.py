"""Tokens, sentences, part-of-speech and lemmas: the layer every analyser reads.

spaCy's blank tokenizers split the text (fast, with German abbreviation and
ordinal rules); each language pack then adds part-of-speech tags and lemmas
(HanTa's STTS tags for German, spaCy's Penn tags for English).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon.marks import CLOSERS
from .registry import check_language, pos_tagger


@dataclass(slots=True)
class Token:
    i: int
    text: str
    start: int
    end: int
    sent: int
    pos: str = ""
    lemma: str = ""
    space_after: str = ""  # the whitespace that follows, to see line breaks


@dataclass
class Doc:
    text: str
    language: str
    tokens: list[Token] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # token index ranges
    # named entities as (start, end, label) token ranges, where the language pack finds them (English)
    entities: list[tuple[int, int, str]] = field(default_factory=list)
    # dependency parse as (head index, relation) per token, where the language pack parses (English)
    deps: list[tuple[int, str]] = field(default_factory=list)
    # what later stages work out once per finished document and read many times
    # (resolution's class of each token), by name
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def token_at(self, char: int) -> int | None:
        """Index of the token covering or following character ``char``."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].end <= char:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(self.tokens) else None

    def paragraphs(self) -> list[int]:
        """Paragraph number of each token (a line break ends a paragraph)."""
        out, p = [], 0
        for t in self.tokens:
            out.append(p)
            if "\n" in t.space_after:
                p += 1
        return out

    def span_text(self, a: int, b: int) -> str:
        """Text of tokens a..b-1 as written."""
        return self.text[self.tokens[a].start : self.tokens[b - 1].end]


# chunks between spaces whose split the tokenizer remembers: a worker's whole vocabulary
# (spaCy's default of 10,000 is full after a few dozen articles, and every later new
# word is split by its prefix, suffix and infix rules)
TOKENIZER_CACHE = 1 << 19


@lru_cache(maxsize=2)
def _tokenizer(language: str):
    import spacy

    tokenizer = spacy.blank(language).tokenizer
    tokenizer.max_cache_size = TOKENIZER_CACHE
    # a token is read for its text, offset and trailing space only, so new words need
    # none of the lexical attributes (shape, norm, flags …) spaCy would compute for them
    tokenizer.vocab.lex_attr_getters = {}
    return tokenizer


SENTENCE_END = {".", "!", "?", "…"}


def tokenize(text: str, language: str = "de", tag: bool = True) -> Doc:
    """Split ``text`` into tokens and sentences, and tag POS and lemma unless ``tag`` is
    false; ``UnsupportedLanguage`` for a language without a pack."""
    doc = Doc(text=text, language=check_language(language))
    for st in _tokenizer(language)(text):
        word = st.text
        if word.isspace():
            if doc.tokens:
                doc.tokens[-1].space_after += word
            continue
        doc.tokens.append(Token(len(doc.tokens), word, st.idx, st.idx + len(word), 0, space_after=st.whitespace_))
    _split_sentences(doc)
    if tag:
        pos_tagger(language)(doc)
    return doc


def _split_sentences(doc: Doc) -> None:
    """End a sentence at . ! ? (with any closing marks after it) unless a comma or a
    lower-case word follows ("„Wirklich?“, fragte er"); always end one at a line break."""
    toks = doc.tokens
    starts = [0] if toks else []
    k = 0
    while k < len(toks):
        t = toks[k]
        end = None
        if "\n" in t.space_after:
            end = k + 1
        elif t.text in SENTENCE_END:
            j = k + 1
            # a closing mark is glued to what it closes; one after a space opens the next sentence
            while j < len(toks) and toks[j].text in CLOSERS and toks[j].start == toks[j - 1].end:
                j += 1
            nxt = toks[j] if j < len(toks) else None
            if j < len(toks) and "\n" in toks[j - 1].space_after:
                end = j
            elif nxt is not None and not (nxt.text[0] in ",;:" or nxt.text[0].islower()):
                end = j
            k = j - 1
        if end is not None and end < len(toks):
            starts.append(end)
        k += 1
    bounds = starts + [len(toks)]
    doc.sentences = [(a, b) for a, b in zip(bounds, bounds[1:]) if a < b]
    for s, (a, b) in enumerate(doc.sentences):
        for t in toks[a:b]:
            t.sent = s
