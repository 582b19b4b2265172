"""Page furniture: related-article headlines dropped into the body.

A furniture line is a paragraph of one line, between two body paragraphs,
with no final punctuation: a headline, not a sentence. It is taken out of
the article text and kept on ``Article.furniture``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon.marks import LINE_CLOSERS
from ..model import Article, article_id

FINAL_PUNCT = tuple(".!?:;…")


def is_headline(line: str) -> bool:
    line = line.strip()
    if len(line.split()) < 3 or "\n" in line:
        return False
    core = line.rstrip(LINE_CLOSERS)
    return not core.endswith(FINAL_PUNCT)


def strip_furniture(article: Article) -> Article:
    """The article without its furniture lines; offsets of quotes refer to the new text."""
    paragraphs = re.split(r"\n\s*\n", article.text)
    body, furniture = [], list(article.furniture)
    for k, para in enumerate(paragraphs):
        inner = 0 < k < len(paragraphs) - 1
        if inner and is_headline(para):
            furniture.append(para.strip())
        else:
            body.append(para.strip("\n"))
    text = "\n\n".join(p for p in body if p.strip())
    if text == article.text and furniture == article.furniture:
        return article
    return replace(article, text=text, furniture=furniture, id=article_id(text))
