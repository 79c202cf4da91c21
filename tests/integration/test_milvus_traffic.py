"""What a question costs the Milvus reader, counted by ``Milvus.traffic`` (round trips, not times): the searches of
each candidate set and one read of the head's vectors, itself a search; no read by id (the term counts of a
vocabulary that fits the cache are held whole)."""

from __future__ import annotations

import pytest

from quoth import Quoth
from quoth.index.milvus import reader
from quoth.index.milvus.connection import Milvus
from quoth.search.named import people_named
from quoth.search.searcher import Searcher
from tests.integration.test_benchmarks_smoke import bench
from tests.integration.test_milvus import QUESTIONS, milvus_settings

# Per candidate set (the question's, and one per person it names): the dense, windows and BM25 searches, the
# dense search filtered to the rows only BM25 found, and the windows search filtered to every candidate.
SEARCHES_PER_SET = 5
HEAD_READS = 1  # the head of the ranking's vectors (de-duplication), by a search filtered to its rows


@pytest.fixture(scope="module")
def indexed(milvus_server, tmp_path_factory) -> Quoth:
    q = Quoth(milvus_settings(milvus_server, "traffic", data=tmp_path_factory.mktemp("traffic"), type="flat"))
    q.index()
    return q


def test_traffic_counts_each_call_its_requests_and_their_bytes(milvus_server):
    milvus = Milvus(milvus_server.uri)
    try:
        milvus.has_collection("no_such_collection")
        milvus.list_collections()
        seen = milvus.traffic.snapshot()
        assert seen["calls"] == 2 and seen["by_method"] == {"has_collection": 1, "list_collections": 1}
        assert seen["rpcs"].get("ShowCollections", 0) >= 1 and sum(seen["rpcs"].values()) == 2
        assert seen["sent"] > 0 and seen["received"] > 0
        milvus.traffic.reset()
        assert milvus.traffic.snapshot() == {"calls": 0, "by_method": {}, "rpcs": {}, "sent": 0, "received": 0}
    finally:
        milvus.close()


def sets_of(idx, question: str, speaker: str | None) -> int:
    """Candidate sets a question searches: its own, and one per person it names (unless a speaker is chosen)."""
    if speaker:
        return 1
    lang = idx.analyzer.language
    return 1 + len(people_named(question, idx.directory(), lang.markers or lang.stopwords))


def test_a_question_costs_its_searches_and_reads_nothing_by_id(indexed):
    idx = indexed.current()  # held: the serving generation is not looked up again between questions
    searcher = Searcher(idx, indexed.encoder, indexed.settings.search)
    person = idx.speakers()[0][0]
    source = idx.documents()[0].source.title
    searcher.search("warm the documents, the speakers and the term counts")
    assert idx._terms, "the sample corpus's vocabulary is held whole"
    for question in QUESTIONS:
        for filters in ({}, {"speaker": person}, {"source": source}):
            idx.forget_rows()
            idx.milvus.traffic.reset()
            searcher.search(question, k=5, **filters)
            seen = idx.milvus.traffic.snapshot()
            sets = sets_of(idx, question, filters.get("speaker"))
            assert set(seen["by_method"]) == {"search"}, (question, filters, seen)
            searches = seen["by_method"]["search"]
            assert 2 * sets <= searches <= SEARCHES_PER_SET * sets + HEAD_READS, (question, filters, seen)
            assert sum(seen["rpcs"].values()) == seen["calls"], "one gRPC request per client call"


def test_a_vocabulary_larger_than_the_cache_costs_one_term_read_a_question(indexed, monkeypatch):
    monkeypatch.setattr(reader, "CACHE_TERMS", 1000)  # fewer than the sample corpus has
    fresh = Quoth(indexed.settings, encoder=indexed.encoder)
    idx = fresh.current()
    searcher = Searcher(idx, fresh.encoder, fresh.settings.search)
    searcher.search("warm the documents and the speakers")
    assert idx._terms is False
    for question in QUESTIONS:
        idx.forget_rows()
        idx.milvus.traffic.reset()
        searcher.search(question, k=5)
        assert idx.milvus.traffic.snapshot()["by_method"].get("get") == 1, question


def test_a_question_ships_no_vector_of_a_row_it_does_not_show(indexed):
    """The head of the ranking comes with its vectors (de-duplication reads them); every other candidate's cosine
    comes from a search and its fields without its vector."""
    idx = indexed.current()
    searcher = Searcher(idx, indexed.encoder, indexed.settings.search)
    k, heads = 5, []
    for question in QUESTIONS:
        idx.forget_rows()
        idx.milvus.traffic.reset()
        searcher.search(question, k=k)
        rows = list(idx._rows.values())
        with_vectors = [r for r in rows if "dense" in r]
        assert len(with_vectors) <= 2 * (k + 1) * 4 < len(rows), question  # the head (and a refill's) of many
        assert sum(r["dense"].nbytes for r in with_vectors) < idx.milvus.traffic.snapshot()["received"]
        heads.append(len(with_vectors))
    assert max(heads) > k, "questions with more relevant passages than shown read their head's vectors"


def test_the_reader_benchmark_runs(milvus_server, capsys):
    args = ["--uri", milvus_server.uri, "--prefix", "reader_smoke", "--rounds", "1", "--questions", "2"]
    result = bench("milvus_reader").main(args)
    assert result["asked"] == 2 and result["calls"] > 0 and result["p50_ms"] > 0
    assert "calls/question" in capsys.readouterr().out
