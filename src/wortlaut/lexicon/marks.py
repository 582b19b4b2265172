"""Quotation marks and the other characters that sit around quoted text."""

# closing mark(s) that each opening mark expects
PAIRS = {"„": "“”\"", "“": "”", "»": "«", "«": "»", "‚": "‘’", "‘": "’", '"': '"', "‹": "›", "›": "‹"}
# marks that can only close (when nothing matching is open they are strays)
CLOSE_ONLY = {"”"}
# every mark that opens or closes a quotation span
MARKS = frozenset(PAIRS) | CLOSE_ONLY
# quotation marks in a speaker phrase, apostrophes included ("the ‘Times’ said")
QUOTE_MARKS = MARKS | {"’", "'"}
# marks that may close a quotation just before a cue ("…,” he said)
CLOSING_MARKS = frozenset("”\"’'»«")
# characters that close a sentence's last word: marks and brackets (tokenizer suffixes)
CLOSERS = CLOSING_MARKS | frozenset("“‘)]")
# what may trail a headline-like line (furniture detection strips them)
LINE_CLOSERS = "“”\"«»'’)"
# marks stripped from both ends of a quote's text before it is compared
STRIP = "„“”\"»«‚‘’ "
