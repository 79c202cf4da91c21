"""What only the Milvus backend has: results equal to the embedded backend's, builds split across worker
processes, publishing, and its faults (an unreachable server, a refused token)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoth import Quoth, Settings
from quoth.errors import IndexUnavailable, IndexUnusable
from quoth.settings import SAMPLE_CORPUS
from tests.milvus import cli, config_file, finished, free_port, prefix

QUESTIONS = ["What does Corbyn say about the right to strike?", "nuclear weapons and Trident",
             "Who won the Labour leadership election?", "austerity and public spending cuts",
             "railways back into public ownership", "What happened in Islington North?",
             "antisemitism in the Labour Party", "tuition fees for students", "Mc Donnell", "Brexit referendum"]


def milvus_settings(server, name: str, corpus: Path = SAMPLE_CORPUS, data: Path | None = None, **index) -> Settings:
    s = Settings().with_(corpus={"path": str(corpus)})
    if data is not None:
        s = s.with_(data={"dir": str(data)})
    return s.with_(index={"backend": "milvus", "milvus_uri": server.uri, "milvus_prefix": prefix(name),
                          "milvus_grace": 0, **index})


def described(q: Quoth, ranked: list[tuple[int, float]]) -> list[tuple[str, int, float]]:
    """(path, start, score) best first, passages of equal score in document order (passage ids differ between
    backends, and with them the order of ties)."""
    found = q.current().get([pid for pid, _ in ranked])
    out = [(found[pid][0].doc_path, found[pid][0].start, round(score, 3)) for pid, score in ranked]
    return sorted(out, key=lambda x: (-x[2], x[0], x[1]))


def test_milvus_ranks_as_the_embedded_backend_does(milvus_line_server, tmp_path, encoder):
    embedded = Quoth(Settings().with_(data={"dir": str(tmp_path / "data")}), encoder=encoder)
    milvus = Quoth(milvus_settings(milvus_line_server, "same-ranks", data=tmp_path / "m", type="flat"), encoder=encoder)
    embedded.index()
    milvus.index()
    for question in QUESTIONS:
        for mode in ("dense", "bm25", "hybrid"):
            want = described(embedded, embedded.rank(question, mode, depth=10))
            got = described(milvus, milvus.rank(question, mode, depth=10))
            assert got == want, (question, mode)
        assert [(h.source.path, h.passage.start) for h in milvus.ask(question, k=5)] == \
            [(h.source.path, h.passage.start) for h in embedded.ask(question, k=5)]


def split_spelling_corpus(root: Path) -> Path:
    """The sample corpus plus two documents, in different shards of three, that write one name in two ways:
    the BM25 join of "Mc Donnell" is attested only by the other shard's "McDonnell"."""
    from quoth.index.milvus.layout import shard_of

    root.mkdir()
    for f in SAMPLE_CORPUS.iterdir():
        (root / f.name).write_bytes(f.read_bytes())
    names = [f"note-{i}.txt" for i in range(20)]
    joined = next(n for n in names if shard_of(n, 3) == 0)
    split = next(n for n in names if shard_of(n, 3) == 1)
    (root / joined).write_text("Shadow cabinet\n\nby Ed Vale\n\nJohn McDonnell drafted the fiscal credibility rule "
                               "with a group of economists over one summer.\n")
    (root / split).write_text("Conference diary\n\nby Flo Marsh\n\nMc Donnell spoke last, promising the hall a "
                              "national investment bank and regional lending boards.\n")
    return root


def every_passage(q: Quoth) -> set[tuple]:
    idx = q.current()
    found = idx.get(list(idx.passage_paths()))
    return {(p.doc_path, p.start, p.end, p.text, p.speaker, p.role, p.search_text) for p, _ in found.values()}


def test_three_workers_build_what_one_build_does(milvus_line_server, tmp_path, encoder):
    corpus = split_spelling_corpus(tmp_path / "corpus")
    one = Quoth(milvus_settings(milvus_line_server, "one-build", corpus, tmp_path / "d1"), encoder=encoder)
    one.index()
    split = milvus_settings(milvus_line_server, "three-workers", corpus, tmp_path / "d3")
    config = config_file(tmp_path / "three.toml", split)
    early = cli(config, "index", "--publish")
    assert finished(early, 120) == 2 and "nothing to publish" in early.stderr.read()
    workers = [cli(config, "index", "--shard", f"{i}/3") for i in (0, 1)]
    assert [finished(w, 300) for w in workers] == [0, 0], [w.stderr.read() for w in workers]
    waiting = cli(config, "index", "--publish")
    assert finished(waiting, 120) == 2 and "shard(s) 2/3 have not finished" in waiting.stderr.read()
    last = cli(config, "index", "--shard", "2/3")
    assert finished(last, 300) == 0, last.stderr.read()
    published = cli(config, "index", "--publish")
    assert finished(published, 120) == 0, published.stderr.read()
    assert "Published generation" in published.stdout.read()
    three = Quoth(split, encoder=encoder)
    assert every_passage(three) == every_passage(one)
    assert dict(three.speakers()) == dict(one.speakers())
    for question in [*QUESTIONS, "What did McDonnell promise the conference?"]:
        for mode in ("bm25", "hybrid"):
            assert described(three, three.rank(question, mode, 10)) == described(one, one.rank(question, mode, 10))
    # The split spelling finds the joined one across shards, as in one build.
    found = three.current().get([pid for pid, _ in three.rank("McDonnell", "bm25", 20)])
    assert {p.speaker for p, _ in found.values()} >= {"Ed Vale", "Flo Marsh"}


def test_a_shard_run_again_replaces_what_it_wrote(milvus_line_server, tmp_path, encoder):
    corpus = split_spelling_corpus(tmp_path / "corpus")
    s = milvus_settings(milvus_line_server, "rerun-shard", corpus, tmp_path / "d")
    q = Quoth(s, encoder=encoder)
    for shard in ((0, 2), (1, 2), (1, 2)):
        q.index(shard=shard)
    notes: list[tuple[str, int, int]] = []
    report = q.publish(progress=lambda stage, done, total: notes.append((stage, done, total)))
    assert report.passages == len(every_passage(q)) == sum(d.passages for d in q.sources())
    # Publish reads every passage twice, and says so: each read ends at the passages the shards wrote.
    for stage in ("reading the corpus's words", "settling BM25 terms"):
        assert (stage, report.passages, report.passages) in notes, notes


def test_an_unreachable_milvus_is_one_line_and_a_failure(tmp_path):
    port = free_port()  # nothing listens there
    s = Settings().with_(data={"dir": str(tmp_path / "d")}, index={
        "backend": "milvus", "milvus_uri": f"http://127.0.0.1:{port}", "milvus_timeout": 2})
    proc = cli(config_file(tmp_path / "c.toml", s), "ask", "What about strikes?")
    assert finished(proc, 120) == 2
    err = [line for line in proc.stderr.read().splitlines() if line.strip()]
    assert len(err) == 1 and f"cannot reach Milvus at http://127.0.0.1:{port}" in err[0], err
    with pytest.raises(IndexUnavailable, match=str(port)):
        Quoth(s).ask("What about strikes?")


def test_a_refused_token_is_said_without_the_token(tmp_path):
    from tests.milvus import refusing_server

    secret = "root:Sup3rSecretPassw0rd"
    with refusing_server() as uri:
        s = Settings().with_(data={"dir": str(tmp_path / "d")}, index={
            "backend": "milvus", "milvus_uri": uri, "milvus_timeout": 5})
        proc = cli(config_file(tmp_path / "c.toml", s), "ask", "What about strikes?",
                   env={"QUOTH_MILVUS_TOKEN": secret})
        assert finished(proc, 120) == 2
        out = proc.stdout.read() + proc.stderr.read()
    assert "refused the credentials in $QUOTH_MILVUS_TOKEN" in out and uri in out, out
    assert "Sup3rSecretPassw0rd" not in out and secret not in out


def test_the_embedded_backend_has_no_shards(tmp_path, encoder):
    q = Quoth(Settings().with_(data={"dir": str(tmp_path / "d")}), encoder=encoder)
    with pytest.raises(IndexUnusable, match=r"need index\.backend"):
        q.index(shard=(0, 2))
    with pytest.raises(IndexUnusable, match="--publish is for builds split"):
        q.publish()
