"""The Milvus layout's pure parts: how values enter filter expressions, how long texts are cut, how BM25
terms are written, how generations are named."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoth.index.milvus import layout
from quoth.index.milvus.connection import describe_failure, public_uri


@given(st.text(max_size=3000))
def test_text_parts_join_back_exactly_and_fit(text):
    parts = layout.text_parts(text, limit=64)
    assert "".join(parts) == text
    assert all(len(p.encode("utf-8")) <= 64 for p in parts)


def test_a_long_document_is_cut_inside_milvus_limit():
    text = "é" * 40_000 + "abc"  # 80,003 bytes
    parts = layout.text_parts(text)
    assert len(parts) == 2 and "".join(parts) == text
    assert max(len(p.encode()) for p in parts) <= layout.TEXT_MAX


def test_filter_values_are_literals_never_raw():
    expr = layout.render("doc_path in {paths} and speaker == {s}", {"paths": ['a"b.txt', "c\\d"], "s": "O'Neil"})
    assert expr == 'doc_path in ["a\\"b.txt", "c\\\\d"] and speaker == "O\'Neil"'
    assert layout.render("id >= {n}", {"n": 7}) == "id >= 7"
    with pytest.raises(TypeError):
        layout.literal(1.5)


def test_terms_milvus_would_split_are_hashed_and_stable():
    assert layout.term("harbour") == "harbour"
    assert layout.term("café") == layout.term("café") != "café"
    assert layout.term("东京大学").startswith("x") and len(layout.term("a" * 200)) == 17
    assert layout.lexical_text(["boat", "ñu"]).split()[0] == "boat"


def test_generation_names_round_trip_and_ignore_other_prefixes():
    gen = layout.MilvusGeneration(12, "quoth")
    assert gen.passages == "quoth_g000012_passages"
    assert layout.MilvusGeneration.of_collection(gen.records, "quoth") == gen
    assert layout.MilvusGeneration.of_collection("quoth_eval_g000001_passages", "quoth") is None
    names = ["quoth_g000002_terms", "quoth_g000001_passages", "other_g000009_passages"]
    assert [g.number for g in layout.generations(names, "quoth")] == [1, 2]


def test_shards_and_passage_ids_are_the_same_in_every_worker():
    assert layout.shard_of("a/b.txt", 3) == layout.shard_of("a/b.txt", 3)
    assert sorted({layout.shard_of(f"doc-{i}", 3) for i in range(60)}) == [0, 1, 2]
    assert 0 <= layout.passage_id("key", 5) < 2 ** 63
    assert layout.passage_id("key", 5) != layout.passage_id("key", 6)


def test_a_failure_never_shows_the_token():
    token = "admin:s3cretpass"
    said = describe_failure(RuntimeError(f"auth failed for admin:s3cretpass at {token}"), "http://m:19530", token)
    assert "s3cretpass" not in said and "refused the credentials" in said and "http://m:19530" in said
    assert describe_failure(RuntimeError("connection refused"), "http://m:19530", "").startswith("cannot reach")


@pytest.mark.parametrize(("uri", "shown"), [
    ("http://root:Pa55-word@m:19530", "http://***@m:19530"),
    ("https://m:443/db?token=Pa55-word&db_name=x", "https://m:443/db?token=***&db_name=x"),
    ("http://m:19530", "http://m:19530"),
    ("/srv/quoth/milvus.db", "/srv/quoth/milvus.db"),
])
def test_a_uri_is_shown_without_its_credentials(uri, shown):
    assert public_uri(uri) == shown
    said = describe_failure(RuntimeError(f"connection refused by {uri}"), uri, "")
    assert "Pa55-word" not in said and shown in said, said
