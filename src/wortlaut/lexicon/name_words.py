"""Small words inside names and speaker phrases."""

# linking words inside multi-word names ("Council on Foreign Relations", "Ursula von der Leyen")
NAME_LINKS = frozenset({"of", "on", "for", "and", "the", "de", "du", "la", "le", "del", "della", "van", "von", "der",
                        "den", "&", "y", "da", "di", "dos"})
# the linking words a quoted title of several capitalised words may hold („Council on Foreign Relations“)
TITLE_LINKS = frozenset({"of", "for", "on", "and", "the", "de", "von", "van", "der", "la", "du", "&"})
# English words that may link parts of a speaker's noun phrase
EN_NP_LINKS = frozenset({"of", "for", "at", "from", "in", "with", "on", "by", "and", "&"})
# particles before a surname ("de Maizière", "von Weizsäcker")
NAME_PARTICLES = frozenset({"von", "van", "de", "del", "della", "di", "da", "du", "le", "la", "zu", "ten", "ter", "vom"})
