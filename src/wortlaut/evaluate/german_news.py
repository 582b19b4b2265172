"""Run the analysis over the German news quotation corpus and score it.

Each document's ``originalText`` goes through the same ``analyse`` call as any
article; predicted character spans are mapped onto the document's own tokens.
Two corpus conventions the pipeline does not store are derived here: the
*frame* (the reporting phrase, "laut X", ", so X,", or else the cue's sentence
without its quotes and final punctuation), and nested direct quotes for the
quoted fragments inside indirect statements.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..analyse import analyse
from ..analyse.attribution import Attribution
from ..analyse.de.cues import PREPOSITION_CUES
from ..analyse.de.rules import is_title
from ..analyse.quotes import MarkSpan, find_mark_spans
from ..analyse.tokens import Doc
from ..corpus import CorpusAnnotation, CorpusDocument, CorpusError, iter_documents, tokens_in_spans, write_prediction
from .scorer import Counts, score_document, summarise

FRAME_IS_PHRASE = PREPOSITION_CUES | {"so"}
CORPUS_TYPE = {"direct": "Direct", "indirect": "Indirect", "mixed": "Indirect", "reported": "Reported", "free": "IndirectFreeIndirect"}
# the corpus's medium by the cue's first word, as it is most often annotated in train
WRITING_CUES = ("schreib", "schrieb", "berichtet", "heißt")
SPEECH_OR_WRITING_CUES = ("nach", "laut", "zufolge", "demnach", "wurde", "wird", "bestätigte", "meldete", "gab")


def _spans(doc: Doc, ranges) -> list[tuple[int, int]]:
    return [(doc.tokens[a].start, doc.tokens[b - 1].end) for a, b in ranges]


def _lowercase(doc: Doc, m: MarkSpan) -> bool:
    """"ein „stolzer Moment“": a quoted phrase starting lowercase names nothing; it is quoted."""
    a, b = m.inner
    return a < b and doc.tokens[a].text[:1].islower()


def with_nested(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """The corpus also annotates each quoted fragment inside an indirect or reported
    statement as a direct quote of its own, with the host's cue and speaker."""
    spans = [m for m in find_mark_spans(doc) if not m.recovered and (_lowercase(doc, m) or not is_title(doc, m))]
    nested = []
    for att in atts:
        if att.kind == "direct":
            continue
        for a, b in att.quote:
            for m in spans:
                if a <= m.start and m.end <= b and (m.start, m.end) != (a, b):
                    nested.append(Attribution([(m.start, m.end)], "direct", att.cue, att.speaker, att.addressee))
    return atts + nested


def to_corpus(cdoc: CorpusDocument, doc: Doc, atts: list[Attribution]) -> list[CorpusAnnotation]:
    atts = with_nested(doc, atts)
    sentence_of = {t.id: t.sentence for t in cdoc.tokens}
    text_of = {t.id: t.text for t in cdoc.tokens}
    members: dict[int, list[int]] = {}
    for t in cdoc.tokens:
        members.setdefault(t.sentence, []).append(t.id)
    quotes = [tokens_in_spans(cdoc, _spans(doc, att.quote)) for att in atts]
    in_quotes = {i for q in quotes for i in q}
    out = []
    for att, quote in zip(atts, quotes):
        # the corpus gives a reported statement its speaker inside it and no cue or frame
        cue = tokens_in_spans(cdoc, _spans(doc, att.cue)) if att.cue and att.kind != "reported" else []
        speaker = tokens_in_spans(cdoc, _spans(doc, [att.speaker])) if att.speaker else []
        addressee = tokens_in_spans(cdoc, _spans(doc, [att.addressee])) if att.addressee else []
        frame: list[int] = []
        if {text_of[i].lower() for i in cue} & FRAME_IS_PHRASE:
            # "laut X", "X zufolge", ", so X,": the frame is the reporting phrase with its commas
            ids = cue + speaker
            a, b = min(ids), max(ids)
            a -= text_of.get(a - 1) == ","
            b += text_of.get(b + 1) == ","
            frame = list(range(a, b + 1))
        elif cue:
            # the cue's sentence without any quote in it
            sents = sorted({sentence_of[i] for i in cue})
            frame = [i for s in sents for i in members[s] if i not in in_quotes]
            while frame and text_of[frame[-1]] in {".", "!", "?", "“", "”", "„", '"'}:
                frame.pop()
        first = text_of[cue[0]].lower() if cue else ""
        medium = "Writing" if first.startswith(WRITING_CUES) else "SW" if first in SPEECH_OR_WRITING_CUES or not cue else "Speech"
        out.append(CorpusAnnotation(quote, cue, speaker, frame, addressee, CORPUS_TYPE[att.kind], medium))
    return out


def evaluate(
    gold_dir: Path,
    out_dir: Path,
    use_model: bool = True,
    progress: Callable[[int], None] | None = None,
) -> tuple[dict, list[CorpusError]]:
    """Predict every document in ``gold_dir`` into ``out_dir`` and score the predictions."""
    counts = Counts()
    errors: list[CorpusError] = []
    for item in iter_documents(gold_dir):
        if isinstance(item, CorpusError):
            errors.append(item)
        else:
            try:
                doc, atts = analyse(item.text, "de", use_model)
                pred = to_corpus(item, doc, atts)
            except Exception as exc:  # one document's failure must not end the run
                errors.append(CorpusError(item.path or item.name, f"analysis failed: {exc!r}"))
                pred = []
            write_prediction(item.name, pred, out_dir)
            counts = counts + score_document(item.annotations, pred)
        if progress:
            progress(1)
    return summarise(counts), errors
