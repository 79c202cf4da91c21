import numpy as np
import pytest

from quoth.search.fusion import fuse, linear, minmax, ranks, rrf


def test_ranks_are_one_based_best_first():
    assert list(ranks(np.array([0.2, 0.9, 0.5]))) == [3, 1, 2]


def test_minmax_edges():
    assert list(minmax(np.array([2.0, 4.0, 3.0]))) == [0.0, 1.0, 0.5]
    assert list(minmax(np.array([0.0, 0.0]))) == [0.0, 0.0] and list(minmax(np.array([3.0, 3.0]))) == [1.0, 1.0]


def test_linear_weights_normalised_scores():
    dense, lex = np.array([0.2, 0.8, 0.5]), np.array([10.0, 0.0, 5.0])
    assert list(linear(dense, lex, 0.5)) == pytest.approx([0.5, 0.5, 0.5])
    assert int(np.argmax(linear(dense, lex, 0.9))) == 1 and int(np.argmax(linear(dense, lex, 0.1))) == 0


def test_rrf_gives_no_lexical_share_without_a_lexical_match():
    out = rrf(np.array([0.9, 0.1]), np.array([0.0, 3.0]), k=60, dense_weight=0.5)
    assert out[0] == pytest.approx(0.5 / 61) and out[1] == pytest.approx(0.5 / 62 + 0.5 / 61)


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="unknown fusion"):
        fuse("max", np.zeros(1), np.zeros(1), 0.5, 60)
