"""Community detection: deterministic labels, numbered by first appearance."""

from __future__ import annotations

import numpy as np

from ringtrace.queries.communities import communities, first_appearance_labels


def _two_triangles() -> tuple[np.ndarray, np.ndarray]:
    """Nodes 0-2 and 3-5 form triangles joined by the single edge 2-3."""
    src = np.array([0, 1, 2, 3, 4, 5, 2])
    dst = np.array([1, 2, 0, 4, 5, 3, 3])
    return src, dst


def test_labels_are_numbered_by_first_appearance() -> None:
    raw = np.array([5, 5, 2, 9, 2, 5])
    assert first_appearance_labels(raw).tolist() == [0, 0, 1, 2, 1, 0]
    assert first_appearance_labels(raw).dtype == np.int64


def test_two_triangles_are_two_communities_on_every_run() -> None:
    src, dst = _two_triangles()
    first = communities(6, src, dst, seed=7)
    assert first.tolist() == [0, 0, 0, 1, 1, 1]
    assert communities(6, src, dst, seed=7).tolist() == first.tolist()


def test_unit_weights_give_the_same_partition_as_no_weights() -> None:
    src, dst = _two_triangles()
    assert communities(6, src, dst, np.ones(len(src)), seed=3).tolist() == \
        communities(6, src, dst, seed=3).tolist()


def test_an_empty_graph_has_no_labels() -> None:
    assert communities(0, [], []).tolist() == []
