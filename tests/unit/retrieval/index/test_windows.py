import numpy as np
import pytest

from quoth.index.windows import WindowRows, best_of, top_passages


def test_a_rows_windows_are_found_with_the_position_of_their_passage():
    rows = WindowRows.of(np.array([1, 1, 3, 3, 3]), passages=5)
    at, which = rows.of_rows(np.array([3, 0, 1]))
    assert at.tolist() == [2, 3, 4, 0, 1] and which.tolist() == [0, 0, 0, 2, 2]
    at, which = rows.of_rows(np.array([0, 2, 4]))
    assert len(at) == len(which) == 0


def test_window_rows_must_point_at_passages_in_order():
    with pytest.raises(ValueError):
        WindowRows.of(np.array([2, 1]), passages=3)
    with pytest.raises(ValueError):
        WindowRows.of(np.array([0, 3]), passages=3)
    assert len(WindowRows.of(np.zeros(0, dtype=np.int64), passages=3)) == 0


def test_a_passage_scores_the_best_of_its_own_and_its_windows():
    own = np.array([0.2, 0.5, 0.1], dtype=np.float32)
    said = best_of(own, np.array([0, 0, 2]), np.array([0.6, 0.1, 0.05]))
    assert said.tolist() == pytest.approx([0.6, 0.5, 0.1])
    assert own.tolist() == pytest.approx([0.2, 0.5, 0.1])  # the passage's own scores are left as they were


def test_dense_hits_give_each_passage_once_at_its_best():
    owners, sims = top_passages(np.array([7, 4, 7, 9, 4]), np.array([0.3, 0.9, 0.8, 0.5, 0.1]), k=2)
    assert owners.tolist() == [4, 7] and sims.tolist() == pytest.approx([0.9, 0.8])
