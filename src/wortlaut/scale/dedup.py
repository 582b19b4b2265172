"""Exact and near duplicates decided across the whole input before analysis,
with the outcome the batch runner reaches reading the same items in order.

Exact: the same article id (text after furniture) again is another location
of the first. Near: the first occurrences emit one (band, bucket) key per LSH
band of their MinHash (``ingest.dedup.BANDS``, the bands datasketch's index
uses), buckets give candidate pairs, each pair's Jaccard estimate is checked
against ``THRESHOLD``. Which article of a pair is the original depends on
reading order (a copy of a copy is compared with originals only), so the
checked pairs are split into connected groups and each group is walked in
input order, as ``Admission.triage`` walks the whole input; as there, a
candidate that quotes or names someone its original does not
(``ingest.dedup.says_more``) is an original of its own.
"""

from __future__ import annotations

from ..ingest.dedup import BANDS, THRESHOLD, from_bytes, says_more
from .graph import components

_BAND_BYTES = BANDS[1] * 4  # rows per band, uint32 each


def fates(keyed):
    """(order, (fate, article id)) for every article that is not analysed:
    ("location", the id it repeats) or ("copy", its original's id). ``keyed``
    holds (order, (article, signature)) with the article's furniture out."""
    ids = keyed.map(lambda r: (r[1][0].id, r[0]))
    locations = ids.groupByKey().flatMap(_repeats).cache()
    firsts = keyed.map(lambda r: (r[0], (r[1][0].id, r[1][1], r[1][0].text))).subtractByKey(locations).cache()
    copies = _near_copies(firsts)
    return locations.union(copies)


def _repeats(group):
    article_id, orders = group
    return [(order, ("location", article_id)) for order in sorted(orders)[1:]]


def _near_copies(firsts):
    buckets = firsts.flatMap(_bands).groupByKey()
    pairs = buckets.flatMap(_pairs).distinct()
    signatures = firsts.mapValues(lambda v: v[1])
    ids = firsts.mapValues(lambda v: v[0])
    texts = firsts.mapValues(lambda v: v[2])
    checked = (pairs.join(signatures)  # (later, (earlier, sig))
               .map(lambda x: (x[1][0], (x[0], x[1][1])))
               .join(signatures)  # (earlier, ((later, later sig), earlier sig))
               .map(lambda x: (x[1][0][0], x[0], from_bytes(x[1][0][1]).jaccard(from_bytes(x[1][1]))))
               .filter(lambda e: e[2] >= THRESHOLD)
               .map(lambda e: (e[1], e))  # keyed by earlier, for its id
               .join(ids)
               .map(lambda x: (*x[1][0], x[1][1]))  # (later, earlier, jaccard, earlier id)
               .map(lambda e: (e[0], e)).join(texts)
               .map(lambda x: (x[1][0][1], (x[1][0], x[1][1]))).join(texts)
               .map(lambda x: (*x[1][0][0], x[1][0][1], x[1][1]))  # ... later text, earlier text
               .cache())
    groups = components(checked.map(lambda e: (e[0], e[1])))
    return (checked.map(lambda e: (e[0], e)).join(groups, groups.getNumPartitions())
            .map(lambda x: (x[1][1], x[1][0])).groupByKey()
            .flatMap(lambda g: _walk(list(g[1]))))


def _bands(row):
    order, (_, sig, _) = row
    return [((b, sig[b * _BAND_BYTES:(b + 1) * _BAND_BYTES]), order) for b in range(BANDS[0])]


def _pairs(bucket):
    orders = sorted(set(bucket[1]))
    return [(later, earlier) for k, later in enumerate(orders) for earlier in orders[:k]]


def _walk(edges):
    """One group's checked pairs in input order: an article is a copy of the most
    similar earlier article that is itself an original (ties: the larger id, as
    ``NearDuplicates.original_of`` breaks them)."""
    by_later: dict = {}
    for later, earlier, jaccard, earlier_id, later_text, earlier_text in edges:
        by_later.setdefault(later, []).append((earlier, jaccard, earlier_id, later_text, earlier_text))
    copy_of: dict = {}
    for later in sorted(by_later):
        known = [(j, eid, texts) for earlier, j, eid, *texts in by_later[later] if earlier not in copy_of]
        if known:
            _, original, (later_text, original_text) = max(known, key=lambda k: k[:2])
            if not says_more(original_text, later_text):
                copy_of[later] = original
    return [(later, ("copy", original)) for later, original in copy_of.items()]
