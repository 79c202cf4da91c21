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


BASES = ["quoth", "q", "production_community_bot", "production_community_bot2", "a" * 31, "Quoth_g12", "x_g000001"]
SNOWFLAKES = st.one_of(st.integers(0, 2**64 - 1), st.sampled_from([0, 1, 12, 123456, 10**17, 2**63 - 1, 2**64 - 1]))


@given(st.lists(SNOWFLAKES, min_size=2, max_size=60, unique=True), st.sampled_from(BASES))
def test_tenant_prefixes_are_valid_and_never_collide(guilds, base):
    from quoth.settings import IndexSettings

    prefixes = {g: layout.tenant_prefix(base, g) for g in guilds}
    assert len(set(prefixes.values())) == len(guilds)  # one prefix per server
    for g, p in prefixes.items():
        assert len(p) <= layout.PREFIX_MAX and IndexSettings(milvus_prefix=p).milvus_prefix == p
        assert p.endswith(f"_g{g}")  # the server stays readable in the collection names
    # Every collection of one tenant is its own and no other's (nor the base's own default tenant's).
    owners = [base, *prefixes.values()]
    for p in owners:
        gens = [layout.MilvusGeneration(n, p) for n in (1, 999999)]
        names = [g.collection(part) for g in gens for part in layout.PARTS]
        for other in owners:
            assert layout.generations(names, other) == (gens if other == p else [])


def test_long_bases_sharing_their_start_get_different_tenant_prefixes():
    one, two = (layout.tenant_prefix(b, 2**64 - 1) for b in ("production_community_bot", "production_community_bot2"))
    assert one != two and len(one) == len(two) == layout.PREFIX_MAX
    assert layout.tenant_prefix("quoth", 42) == "quoth_g42"  # a base that fits is kept whole
