"""Reading token spans in tests: a span's words, and the span of given words."""


def words(doc, r):
    """The text of token span ``r`` (None for no span)."""
    return doc.span_text(*r) if r else None


def find(doc, text):
    """The token span of the first run of tokens spelling ``text`` (words split on spaces)."""
    toks = [t.text for t in doc.tokens]
    parts = text.split()
    for k in range(len(toks)):
        if toks[k : k + len(parts)] == parts:
            return (k, k + len(parts))
    raise AssertionError(text)
