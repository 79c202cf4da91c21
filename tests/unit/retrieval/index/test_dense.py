import numpy as np
import pytest

from quoth.index import dense


def unit_vectors(n, dim=16, seed=0):
    v = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_type_by_size():
    assert [dense.choose_type("auto", n) for n in (10, 50_000, 600_000)] == ["flat", "hnsw", "ivf"]
    assert dense.choose_type("hnsw", 10) == "hnsw"


@pytest.mark.parametrize("kind", ["flat", "hnsw", "ivf"])
def test_each_type_finds_a_vector_itself(kind):
    vecs = unit_vectors(2000)
    index = dense.build(vecs, kind)
    dense.tune_for_search(index)
    assert dense.describe(index) == kind
    _, found = index.search(vecs[:20], 1)
    assert (found[:, 0] == np.arange(20)).mean() >= 0.95


def test_stored_vectors_are_the_inserted_ones_read_only():
    vecs = unit_vectors(50)
    index = dense.build(vecs, "flat")  # the view reads the index's memory: it lives as long as the index
    view = dense.stored_vectors(index)
    assert np.array_equal(view, vecs) and not view.flags.writeable
    assert dense.stored_vectors(dense.build(unit_vectors(2000), "ivf")) is None
    with pytest.raises(ValueError, match="unknown index type"):
        dense.build(unit_vectors(2000), "lsh")
