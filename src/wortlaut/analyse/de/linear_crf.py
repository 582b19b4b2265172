"""The two attribution CRFs applied from their CRFsuite files, the same labels for less work.

pycrfsuite copies every feature string of every token into C++ and looks it up
in the model's string database, once per layer, though the role layer's
features are the quote layer's and seven more: with the feature strings, that
was a third of the analysis. Here both models' attributes are one dict and
their state weights one matrix (the quote labels' columns, then the roles'), so
a token's features are looked up once and summed for both layers at once.
Scores and best paths are computed as CRFsuite computes them: a token's state
score adds its attributes' weights one after the other in their order
(crf1dt_state_score), and Viterbi keeps the first best predecessor and the
first best last label (crf1dc_viterbi), so the labels are CRFsuite's, tie for tie.

The file layout (crf1d_model.c, cqdb.c): a header of little-endian uint32s, a
"FEAT" chunk of (type, source, destination, float64 weight) records (type 0 an
attribute's weight for a label, type 1 a label-to-label transition), and the
label and attribute names each in a CQDB chunk whose backward array gives the
offset of the record (id, size, NUL-terminated name) of every id.
"""

from __future__ import annotations

import struct
from itertools import chain
from pathlib import Path

import numpy as np

FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
STATE, TRANSITION = 0, 1


class CRFModel:
    """One CRFsuite model: its labels and attribute names by id, its state weights
    (attribute × label) and its transition weights (label × label)."""

    def __init__(self, path: Path):
        data = Path(path).read_bytes()
        if data[:4] != b"lCRF" or data[8:12] != b"FOMC":
            raise ValueError(f"{path}: not a CRFsuite CRF model")
        _, _, num_labels, num_attrs, off_features, off_labels, off_attrs = struct.unpack_from("<7I", data, 12)
        self.labels = _names(data, off_labels)
        self.attributes = _names(data, off_attrs)
        if len(self.labels) != num_labels or len(self.attributes) != num_attrs:
            raise ValueError(f"{path}: label or attribute count does not match its header")
        (count,) = struct.unpack_from("<I", data, off_features + 8)
        feats = np.frombuffer(data, FEATURE, count, off_features + 12)
        state, trans = feats[feats["type"] == STATE], feats[feats["type"] == TRANSITION]
        self.state = np.zeros((num_attrs, num_labels))
        self.state[state["src"], state["dst"]] = state["weight"]
        self.transitions = np.zeros((num_labels, num_labels))
        self.transitions[trans["src"], trans["dst"]] = trans["weight"]


class LayeredCRF:
    """The quote CRF and the role CRF that reads each token's quote features plus
    the extra features made from the quote labels."""

    def __init__(self, quotes: CRFModel, roles: CRFModel):
        self.quotes, self.roles = quotes, roles
        self.rows = {name: i for i, name in enumerate(quotes.attributes)}
        for name in roles.attributes:
            self.rows.setdefault(name, len(self.rows))
        nq = len(quotes.labels)
        # one row per attribute of either model, and a last row of zeros for unseen names
        self.weights = np.zeros((len(self.rows) + 1, nq + len(roles.labels)))
        self.weights[: len(quotes.attributes), :nq] = quotes.state
        self.weights[[self.rows[a] for a in roles.attributes], nq:] = roles.state
        self.role_rows = {name: i for i, name in enumerate(roles.attributes)}
        self.role_weights = np.vstack([roles.state, np.zeros(len(roles.labels))])

    def quote_labels(self, feats: list[list[str]]) -> tuple[list[str], np.ndarray]:
        """The quote layer's labels, and the role layer's scores so far (from the same features)."""
        unseen = len(self.weights) - 1
        get = self.rows.get
        rows = [get(name, unseen) for name in chain.from_iterable(feats)]
        starts = np.zeros(len(feats), dtype=np.intp)
        np.cumsum([len(f) for f in feats[:-1]], out=starts[1:])
        # summed row after row, as CRFsuite adds them (summing along axis 0 keeps that order)
        scores = np.add.reduceat(self.weights.take(rows, axis=0), starts, axis=0)
        nq = len(self.quotes.labels)
        labels = viterbi(scores[:, :nq], self.quotes.transitions)
        return [self.quotes.labels[y] for y in labels], scores[:, nq:]

    def role_labels(self, scores: np.ndarray, extras: list[tuple[str, ...]]) -> list[str]:
        """The role layer's labels: ``scores`` from the quote features, then each token's
        ``extras`` added in their order."""
        unseen = len(self.role_weights) - 1
        get = self.role_rows.get
        rows = [get(name, unseen) for name in chain.from_iterable(extras)]
        added = self.role_weights.take(rows, axis=0).reshape(len(extras), -1, scores.shape[1])
        scores = scores.copy()
        for e in range(added.shape[1]):
            scores += added[:, e]
        return [self.roles.labels[y] for y in viterbi(scores, self.roles.transitions)]


def viterbi(state: np.ndarray, trans: np.ndarray) -> list[int]:
    """The best label path through ``state`` (token × label) and ``trans`` (from × to)."""
    n, num_labels = state.shape
    if n == 0:
        return []
    back = np.empty((n, num_labels), dtype=np.intp)
    paths = np.empty((num_labels, num_labels))
    labels = np.arange(num_labels)
    score = state[0]
    for t in range(1, n):
        np.add(score[:, None], trans, out=paths)  # paths[i, j]: label i, then j
        best = paths.argmax(axis=0)  # the first best, as CRFsuite's strict comparison keeps
        back[t] = best
        score = paths[best, labels] + state[t]
    y = int(score.argmax())
    path = [y]
    links = back.tolist()
    for t in range(n - 1, 0, -1):
        y = links[t][y]
        path.append(y)
    return path[::-1]


def _names(data: bytes, offset: int) -> list[str]:
    """The names of the CQDB chunk at ``offset``, by id."""
    if data[offset : offset + 4] != b"CQDB":
        raise ValueError("not a CQDB chunk")
    bwd_size, bwd_offset = struct.unpack_from("<2I", data, offset + 16)
    out = []
    for at in struct.unpack_from(f"<{bwd_size}I", data, offset + bwd_offset):
        _, size = struct.unpack_from("<2I", data, offset + at)
        start = offset + at + 8
        out.append(data[start : start + size - 1].decode("utf-8"))
    return out
