"""The lean Milvus reader answers as the embedded backend does: the same top 10 with scores equal to 1e-5 in every
mode, with source and speaker filters, with long passages read through their windows, and after an incremental
rebuild (a generation that copied the unchanged documents' rows and wrote the edited one's anew)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quoth import Quoth, Settings
from quoth.index.milvus import reader
from quoth.search.searcher import Searcher
from quoth.settings import SAMPLE_CORPUS
from tests.integration.test_milvus import QUESTIONS, milvus_settings

TOLERANCE = 1e-5
MODES = ("dense", "bm25", "hybrid")


def corpus_copy(root: Path) -> Path:
    shutil.copytree(SAMPLE_CORPUS, root)
    return root


def pair(server, tmp: Path, name: str, corpus: Path) -> tuple[Quoth, Quoth]:
    """The embedded and the Milvus backend over ``corpus``, both indexed (Milvus: an exact FLAT index)."""
    embedded = Quoth(Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(tmp / "e")}))
    milvus = Quoth(milvus_settings(server, name, corpus, tmp / "m", type="flat"), encoder=embedded.encoder)
    embedded.index()
    milvus.index()
    return embedded, milvus


def placed(q: Quoth, ranked: list[tuple[int, float]]) -> list[tuple[str, int, float]]:
    """(path, start, score) best first; passages of equal score (to the tolerance) in document order, since
    passage ids, and with them the order of ties, differ between backends."""
    found = q.current().get([pid for pid, _ in ranked])
    out = [(found[pid][0].doc_path, found[pid][0].start, score) for pid, score in ranked]
    return sorted(out, key=lambda x: (-round(x[2], 4), x[0], x[1]))


def assert_same(got: list[tuple[str, int, float]], want: list[tuple[str, int, float]], what) -> None:
    assert [(p, s) for p, s, _ in got] == [(p, s) for p, s, _ in want], what
    for (_, _, a), (_, _, b) in zip(got, want, strict=True):
        assert a == pytest.approx(b, abs=TOLERANCE), what


def hits(q: Quoth, question: str, **filters) -> list[tuple[str, int, float]]:
    return [(h.source.path, h.passage.start, h.score) for h in q.ask(question, k=10, **filters)]


def assert_ranks_alike(embedded: Quoth, milvus: Quoth, questions: list[str]) -> None:
    for question in questions:
        for mode in MODES:
            assert_same(placed(milvus, milvus.rank(question, mode, depth=10)),
                        placed(embedded, embedded.rank(question, mode, depth=10)), (question, mode))
        assert_same(hits(milvus, question), hits(embedded, question), question)


@pytest.fixture(scope="module")
def backends(milvus_line_server, tmp_path_factory) -> tuple[Quoth, Quoth]:
    tmp = tmp_path_factory.mktemp("reader")
    return pair(milvus_line_server, tmp, "lean-reader", corpus_copy(tmp / "corpus"))


def test_every_mode_ranks_as_the_embedded_backend(backends):
    embedded, milvus = backends
    assert milvus.current().meta.get("windows"), "the sample corpus has long passages read through windows"
    assert_ranks_alike(embedded, milvus, QUESTIONS)


def test_filtered_questions_rank_as_the_embedded_backend(backends):
    embedded, milvus = backends
    person = embedded.current().speakers()[0][0]
    source = embedded.current().documents()[0].source.title
    for question in QUESTIONS:
        assert_same(hits(milvus, question, speaker=person), hits(embedded, question, speaker=person), question)
        assert_same(hits(milvus, question, source=source), hits(embedded, question, source=source), question)


def test_term_counts_read_per_question_rank_alike(backends, monkeypatch):
    """A vocabulary larger than the term cache is read a question at a time, not held whole: the same answers."""
    embedded, milvus = backends
    monkeypatch.setattr(reader, "CACHE_TERMS", 1000)  # fewer than the sample corpus has
    fresh = Quoth(milvus.settings, encoder=embedded.encoder)
    assert_ranks_alike(embedded, fresh, QUESTIONS)
    assert fresh.current()._terms is False


def test_after_an_incremental_rebuild_ranks_stay_alike(milvus_server, tmp_path):
    corpus = corpus_copy(tmp_path / "corpus")
    embedded, milvus = pair(milvus_server, tmp_path, "lean-rebuild", corpus)
    first = milvus.current().generation
    edited = sorted(corpus.glob("*.txt"))[1]
    edited.write_text(edited.read_text().replace("the", "the the", 3) + "\n\nA closing word on strikes and Trident.\n")
    embedded.index()
    milvus.index()
    assert milvus.current().generation != first
    assert_ranks_alike(embedded, milvus, QUESTIONS)


def long_corpus(root: Path) -> Path:
    """The sample corpus with its paragraphs joined in threes: long passages, many of them read through windows."""
    corpus_copy(root)
    for f in root.glob("*.txt"):
        paras = f.read_text().split("\n\n")
        body = [" ".join(paras[i:i + 3]) for i in range(3, len(paras), 3)]
        f.write_text("\n\n".join(paras[:3] + body))
    return root


def test_few_candidates_among_many_windows_rank_as_the_embedded_backend(milvus_server, tmp_path):
    """Passages with many windows: one passage's windows must not crowd others out of the dense top k, and with
    few candidates a candidate's best window may lie beyond the windows found: those are searched for, the
    others settled by the windows already found."""
    embedded, milvus = pair(milvus_server, tmp_path, "lean-windows", long_corpus(tmp_path / "corpus"))
    few = embedded.settings.search.model_copy(update={"candidates": 6})
    ours, theirs = Searcher(milvus.live, milvus.encoder, few), Searcher(embedded.live, embedded.encoder, few)
    for question in QUESTIONS:
        for mode in MODES:
            assert_same(placed(milvus, ours.rank(question, mode, depth=6)),
                        placed(embedded, theirs.rank(question, mode, depth=6)), (question, mode))
    assert_ranks_alike(embedded, milvus, QUESTIONS)
