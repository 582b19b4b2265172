"""English cue lexicon: reporting verbs and the words around them."""

from __future__ import annotations

# Lemmas of verbs that introduce speech, writing or belief.
SPEECH_VERBS = frozenset(
    """
    say tell add warn write argue state claim explain note insist announce declare
    report confirm deny admit acknowledge concede suggest predict estimate believe
    think fear hope expect caution stress emphasise emphasize assert maintain contend
    reply respond answer ask tweet post comment complain recall reveal disclose
    promise vow pledge threaten observe remark mention indicate signal testify allege
    reckon conclude joke quip shout exclaim whisper recount continue repeat reiterate
    underline underscore point agree counter retort forecast advise urge
    """.split()
)

# Verbs whose object right after them is the addressee ("told reporters").
TELL_VERBS = frozenset({"tell", "inform", "assure", "remind", "warn", "promise", "ask"})

# Verbs that are cues only with their particle ("pointed out").
NEEDS_PARTICLE = {"point": "out"}

# Verbs that often occur without a clause and only count with a quote or "that".
WEAK_VERBS = frozenset({"continue", "agree", "post", "signal", "point", "repeat", "indicate", "mention"})

# Nouns before a quoted name that make it a title, not speech.
MEDIA_NOUNS = frozenset(
    """
    newspaper paper magazine journal film movie book novel show series programme program
    album song single play podcast blog column report study documentary broadcast
    headline title operation project campaign app brand ship festival exhibition slogan
    motto website site channel station episode
    """.split()
)


FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
NP_TAGS = frozenset({"DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "PRP$", "POS", "HYPH", "VBN"})
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "CD"})
AUX = frozenset(
    """be am is are was were been being have has had having do does did will would shall
    should can could may might must not n't also later then still once""".split()
)
BE = frozenset({"be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m"})
