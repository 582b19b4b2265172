"""Write ``models/de-tagger/hanta-words.json.gz``: HanTa's answers for words a fresh process would search for.

The corpus texts are tokenised as analysis tokenises them and tagged sentence by
sentence; the table keeps HanTa's tag analysis of every word outside HanTa's
lexicon, and the lemma of every (word, tag) pair the text showed and of every
pair HanTa's lexicon lists (see ``wortlaut.analyse.de.hanover``). Sorted keys
make the file reproducible.

    python -m wortlaut.training.hanta_words --train DIR --out models/de-tagger
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from ..analyse.de.hanover import WORDS_FILE, ExactHanoverTagger
from ..analyse.tokens import tokenize
from ..corpus import read_document


def build_word_table(corpus_dir: Path) -> dict:
    tagger = ExactHanoverTagger()  # no table of its own: every answer searched afresh
    words: set[str] = set()
    pairs = {(w, tag) for w, scored in tagger.cache.items() for tag, _ in scored}
    for path in sorted(Path(corpus_dir).glob("*.json")):
        doc = tokenize(read_document(path).text, "de", tag=False)
        for a, b in doc.sentences:
            sent = [t.text for t in doc.tokens[a:b]]
            words.update(tagger.normalize(w) for w in sent)
            pairs.update((w.lower(), tag) for w, tag in zip(sent, tagger.tag_sent_viterbi(sent)))
    # a tag HanTa's lexicon marks as unanalysable takes no search for its lemma
    pairs = {(w, tag) for w, tag in pairs if -tag not in tagger.atomic_class}
    return tagger.word_table(words, pairs)


def write_word_table(corpus_dir: Path, out_dir: Path) -> dict:
    table = build_word_table(corpus_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # mtime 0: the same text gives the same bytes
    with gzip.GzipFile(out_dir / WORDS_FILE, "wb", mtime=0) as f:
        f.write(text.encode("utf-8"))
    return {"analyses": len(table["analyses"]), "lemmas": sum(map(len, table["lemmas"].values()))}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m wortlaut.training.hanta_words", description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, required=True, help="directory of corpus JSON files whose words to look up")
    ap.add_argument("--out", type=Path, required=True, help="model directory to write into (models/de-tagger)")
    args = ap.parse_args(argv)
    print(json.dumps(write_word_table(args.train, args.out)))


if __name__ == "__main__":
    main()
