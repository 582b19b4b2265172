"""Time words, German and English: a time phrase is no speaker and no role."""

DE_WEEKDAYS = frozenset({"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"})
DE_MONTHS = frozenset({"januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
                       "september", "oktober", "november", "dezember"})
DE_PERIODS = frozenset({"jahr", "woche", "monat", "tag", "abend", "morgen", "nachmittag", "vormittag", "wochenende"})
EN_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})

# German time words that end a noun phrase after a cue ("schrieb diese Woche …")
DE_TEMPORAL = DE_WEEKDAYS | DE_PERIODS | {"zeit", "mal"}
# English time words that sit between a cue and its clause ("said Tuesday the plan ...")
EN_TEMPORAL = EN_WEEKDAYS | frozenset(
    """
    yesterday today tonight tomorrow earlier later recently week month year weekend morning
    afternoon evening night day last this next
    """.split()
)
# both languages, for noun phrases in either: a time phrase is not a mention
TIME_WORDS = (
    DE_WEEKDAYS | DE_MONTHS | DE_PERIODS | EN_WEEKDAYS
    | {"jahres", "uhr", "anfang", "ende", "mitte", "samstagabend", "sonntagabend", "wahlabend"}
    | {"january", "february", "march", "june", "july", "october", "december", "year", "week", "month", "day",
       "morning", "evening", "night"}
)
