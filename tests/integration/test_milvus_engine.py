"""The library on each Milvus engine: what it learns the server can do (engine.py), the serving pointer, and
layout format 3 (NUL-free record keys, missing values on servers without nullable fields, the dense index type
chosen from what the server builds). Run on Milvus's C++ engine (milvus-lite 2.5) and on milvus-lite 3."""

from __future__ import annotations

import json

import pytest

from quoth import Quoth
from quoth.errors import IndexUnusable
from quoth.index.milvus import engine, layout
from quoth.index.milvus.connection import Milvus
from quoth.index.milvus.layout import MilvusGeneration
from quoth.index.milvus.reader import read_meta
from quoth.settings import SAMPLE_CORPUS
from tests.integration.test_milvus import milvus_settings


@pytest.fixture
def engine_server(milvus_line_server):
    """The session's server of each milvus-lite line (tests/milvus.py: ids cpp, lite3)."""
    return milvus_line_server


def test_capabilities_are_learnt_from_the_server_and_kept(engine_server):
    milvus = Milvus(engine_server.uri)
    before = set(milvus.list_collections())
    caps = engine.capabilities(milvus)
    assert set(milvus.list_collections()) == before  # the scratch collections are gone again
    assert engine.capabilities(milvus) is caps  # once per connection
    assert "FLAT" in caps.dense_indexes
    if engine_server.line == "cpp":  # what the C++ engine's Lite build refuses (issue 26)
        assert caps == engine.Capabilities(aliases=False, nullable=False, dense_indexes=frozenset({"FLAT", "IVF_FLAT"}))
    # what was learnt is what the server does
    if caps.aliases:
        milvus.list_aliases()
    else:
        with pytest.raises(Exception, match="UNIMPLEMENTED"):
            milvus.list_aliases()


def test_the_serving_pointer_switches_in_one_step_and_clears(engine_server):
    milvus = Milvus(engine_server.uri)
    base = "tpointer_" + engine_server.line
    pointer = engine.ServingPointer(milvus, base)
    assert pointer.get() is None
    gens = [MilvusGeneration(n, base) for n in (1, 2)]
    for gen in gens:  # an alias needs a collection to name
        layout.create_records(milvus, gen)
        layout.create_data(milvus, gen, 4, "FLAT", 1.2, 0.75, nullable=engine.capabilities(milvus).nullable)
    pointer.set(gens[0])
    assert pointer.get() == gens[0]
    pointer.set(gens[1])
    assert engine.ServingPointer(Milvus(engine_server.uri), base).get() == gens[1]  # another connection sees it
    pointer.clear()
    assert pointer.get() is None
    for gen in gens:
        layout.drop(milvus, gen)  # refused while an alias named it: clear() went first
    assert not [c for c in milvus.list_collections() if c.startswith(base)]


def test_a_build_reads_back_what_it_wrote_without_nul_keys_or_nulls(engine_server, tmp_path, encoder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in SAMPLE_CORPUS.iterdir():  # quotes with speakers
        (corpus / f.name).write_bytes(f.read_bytes())
    (corpus / "note:1.txt").write_text("A plain note about the lighthouse keepers and their annual meeting.\n")
    q = Quoth(milvus_settings(engine_server, f"rw-{engine_server.line}", corpus, tmp_path / "d"), encoder=encoder)
    q.index()
    milvus, gen = q.backend.milvus, q.backend.live.serving()
    keys = [r["key"] for r in milvus.scan(gen.records, 'kind != ""', ["key"])]
    assert "doc:note:1.txt" in keys and "text:000000:note:1.txt" in keys
    assert not [k for k in keys if "\0" in k]
    idx = q.current()
    found = idx.get(list(idx.passage_paths()))
    plain = [p for p, _ in found.values() if p.doc_path == "note:1.txt"]
    assert plain and all(p.speaker is None and p.reply_to is None and p.locator is None for p in plain)
    assert [p for p, _ in found.values() if p.speaker]  # and the speakers that are there, kept
    assert q.ask("the lighthouse keepers' annual meeting", k=1)[0].source.path == "note:1.txt"
    q.index(full=True)  # a rebuild replaces the keys it wrote (upserts and deletes of NUL keys failed on Lite)
    newer = q.backend.live.serving()
    assert newer.number == gen.number + 1
    assert q.backend.outdated() is None
    meta = read_meta(milvus, newer)
    milvus.upsert(newer.records, [layout.record("meta", "meta", json.dumps({**meta, "format": 2}))])
    assert "in format 2" in q.backend.outdated()  # an index of the previous format is rebuilt
    assert q.backend.drop_all() >= 1 and q.backend.live.serving() is None


def test_auto_is_exact_where_there_is_no_hnsw_and_ivf_is_built_when_asked(engine_server, tmp_path, encoder):
    milvus = Milvus(engine_server.uri)
    built = engine.capabilities(milvus).dense_indexes
    if "HNSW" in built or "IVF_FLAT" not in built:
        pytest.skip("auto is HNSW on this server, or it has no IVF")
    contexts = {}
    for kind, want in (("auto", "FLAT"), ("ivf", "IVF_FLAT")):
        q = Quoth(milvus_settings(engine_server, f"{kind}-{engine_server.line}", data=tmp_path / kind, type=kind),
                  encoder=encoder)
        q.index()
        gen = q.backend.live.serving()
        idx = q.current()
        assert layout.dense_kind(milvus, gen.passages) == want == idx.meta["dense_index"]
        assert idx._exact(gen.passages) == (want == "FLAT")
        hits = q.ask("Who won the Labour leadership election?", k=3)
        assert hits
        p = hits[0].passage
        around, at = idx.context(p.doc_path, p.start, p.end, before=2, after=2)
        within = idx.passages_within(p.doc_path, 0, p.end)
        contexts[kind] = ([(c.doc_path, c.start) for c, _ in around], [(c.doc_path, c.start) for c, _ in within])
        assert at == p.id and len(around) >= 2 and within[-1][0].start == p.start
        q.backend.drop_all()
    # Found by a search the place filters on the exact index, by a query on IVF: the same passages.
    assert contexts["auto"] == contexts["ivf"]


def test_an_index_type_the_server_refuses_is_a_clear_error_and_leaves_nothing(engine_server, tmp_path, encoder):
    milvus = Milvus(engine_server.uri)
    if "HNSW" in engine.capabilities(milvus).dense_indexes:
        pytest.skip("this server builds HNSW")
    s = milvus_settings(engine_server, f"hnsw-{engine_server.line}", data=tmp_path / "d", type="hnsw")
    with pytest.raises(IndexUnusable, match=r'index.type = "hnsw".*builds FLAT, IVF_FLAT.*auto or one of flat, ivf'):
        Quoth(s, encoder=encoder).index()
    assert not layout.generations(milvus.list_collections(), s.index.milvus_prefix)
