"""Layout format 3's pure parts: record keys, the dense index chosen from what a server builds, missing values
on servers without nullable fields."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoth.index.milvus import layout
from quoth.index.milvus.reader import passage_of

LITE = frozenset({"FLAT", "IVF_FLAT"})
FULL = frozenset({"FLAT", "IVF_FLAT", "HNSW"})


@given(st.text(max_size=60), st.text(max_size=60))
def test_record_keys_hold_no_nul_and_never_collide(a, b):
    ka, kb = layout.key("doc", a), layout.key("doc", b)
    assert "\0" not in ka and (ka == kb) == (a == b)
    assert layout.key("text", 1, a) != layout.key("text", 10, a) != layout.key("doc", a)


def test_record_keys_read_as_kind_then_parts():
    assert layout.key("doc", "a/b:c.txt") == "doc:a/b:c.txt"
    assert layout.key("text", 3, "x.txt") == "text:000003:x.txt"
    assert layout.key("speaker", "O\0Neil").startswith("speaker#")


@pytest.mark.parametrize(("requested", "accepted", "want"), [
    ("auto", FULL, "HNSW"), ("auto", LITE, "FLAT"),  # never IVF_FLAT on Lite: it ignores nprobe (layout.py)
    ("flat", LITE, "FLAT"), ("ivf", LITE, "IVF_FLAT"), ("hnsw", FULL, "HNSW"),
])
def test_the_dense_index_is_chosen_from_what_the_server_builds(requested, accepted, want):
    assert layout.dense_index(requested, accepted) == want


def test_hnsw_where_the_server_refuses_it_names_what_it_builds():
    with pytest.raises(ValueError, match=r"builds FLAT, IVF_FLAT\): set index.type to auto or one of flat, ivf"):
        layout.dense_index("hnsw", LITE)


def test_missing_values_are_written_empty_and_read_back_as_none():
    row = {"id": 1, "doc_path": "a.txt", "start": 0, "stop": 3, "text": "abc", "search_text": "abc",
           "role": "narration", "speaker": None, "reply_to": None, "locator": None, "attribution": None}
    blank = layout.blank_nulls(row)
    assert [blank[f] for f in layout.NULLABLE] == ["", "", "", ""] and blank["text"] == "abc"
    assert passage_of(blank) == passage_of(row)
    assert passage_of(row).speaker is None
