"""Connected components of a graph held as an RDD of edges, by label
propagation: every node takes the smallest label among itself and its
neighbours until none changes. Rounds grow with a component's diameter,
which is small for the graphs here (blocking keys, near-copy candidates)."""

from __future__ import annotations


def components(edges):
    """(node, label) for every node of the undirected ``edges`` (an RDD of
    pairs); the label is the component's smallest node. Nodes must be orderable."""
    parts = edges.context.defaultParallelism  # a union doubles partitions: each round fixes them again
    adjacent = edges.flatMap(lambda e: [(e[0], e[1]), (e[1], e[0])]).distinct(parts).cache()
    labels = adjacent.keys().distinct(parts).map(lambda n: (n, n)).cache()
    while True:
        offered = adjacent.join(labels, parts).map(lambda x: (x[1][0], x[1][1]))
        updated = labels.union(offered).reduceByKey(min, parts).cache()
        changed = updated.join(labels, parts).filter(lambda x: x[1][0] != x[1][1]).count()
        labels.unpersist()
        labels = updated
        if not changed:
            adjacent.unpersist()
            return labels
