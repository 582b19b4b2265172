"""Cross-article source identity as a distributed step, deciding what a store
decides one article at a time (``resolve.identity.update_profiles``).

Mention records meet under their blocking keys; the records joined by shared
keys (transitively) form one group, and ``cluster`` runs per group on an
executor. Profiles are built per source id with ``build_profile``. Both depend
only on the records and the order of their ids, so the ids given here (input
order) yield the ids and profiles a store reaches.
"""

from __future__ import annotations

from ..resolve.identity import ProfileMention, build_profile, cluster
from .graph import components
from .rows import record_of


def number(mentions):
    """Mention rows, keyed by (input order, position in article), numbered from 1
    in that order, as a store numbers them when it writes in reading order."""
    return mentions.sortByKey().zipWithIndex().map(lambda x: (x[1] + 1, *x[0][1][1:]))


def assign(mentions):
    """Mention rows with their (source id, canonical name, reason); those without
    a blocking key stay unassigned, as in a store."""
    edges = mentions.flatMap(lambda m: [(("m", m[0]), ("k", key)) for key in m[9]])
    groups = components(edges).filter(lambda x: x[0][0] == "m").map(lambda x: (x[0][1], x[1]))
    assignments = (mentions.map(lambda m: (m[0], m)).join(groups)
                   .map(lambda x: (x[1][1], x[1][0])).groupByKey()
                   .flatMap(_cluster_group))
    return (mentions.map(lambda m: (m[0], m)).leftOuterJoin(assignments, mentions.context.defaultParallelism)
            .map(lambda x: (*x[1][0][:10], *(x[1][1] or (None, None, None)))))


def _cluster_group(group):
    records = [record_of(m) for m in group[1]]
    return [(mention, (a.source_id, a.name, a.reason)) for mention, a in cluster(records, []).items()]


def profiles(assigned):
    """(source id, name, kind, roles, affiliations, aliases) per profile."""
    return (assigned.filter(lambda m: m[10] is not None)
            .map(lambda m: (m[10], ProfileMention(m[0], m[3], m[4], m[11], m[12], list(m[5]), list(m[6]),
                                                  list(m[7]), m[8] or "", "")))
            .groupByKey()
            .map(lambda g: (g[0], build_profile(list(g[1]))))
            .map(lambda p: (p[0], p[1].name, p[1].kind, p[1].roles, p[1].affiliations, p[1].aliases)))
