"""The storage contract, run against both backends: the embedded files and Milvus (a real milvus-lite server
on loopback, spoken to by the same pymilvus code as a cluster). Search, the CLI and the bot must not be able
to tell which one serves them."""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

import pytest

from quoth import Quoth, Settings
from quoth.errors import BadQuery
from tests.helpers import HARBOUR_AND_GARDEN, write_corpus
from tests.milvus import LINES, cli, config_file, finished, prefix


@pytest.fixture(params=["embedded", *(f"milvus-{line}" for line in LINES)])
def backend(request):
    """The embedded files, or Milvus on one milvus-lite line (``milvus-cpp``, ``milvus-lite3``)."""
    return request.param


@pytest.fixture
def make(request, backend, tmp_path, encoder):
    """``make(corpus, name)``: Quoth over ``corpus`` on the backend under test (its own prefix per name)."""
    def make(corpus: Path, name: str = "main", **index) -> Quoth:
        return Quoth(settings_for(request, backend, corpus, tmp_path / f"data-{name}", name, **index), encoder=encoder)
    return make


def settings_for(request, backend: str, corpus: Path, data: Path, name: str = "main", **index) -> Settings:
    s = Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(data)})
    if backend.startswith("milvus-"):
        server = request.getfixturevalue("milvus_lines")(backend.removeprefix("milvus-"))
        index = {"backend": "milvus", "milvus_uri": server.uri, "milvus_prefix": prefix(request.node.name + name),
                 "milvus_grace": 0, **index}
    return s.with_(index=index) if index else s


def quotes(res) -> list[tuple[str, int, int, str | None]]:
    return [(h.source.path, h.passage.start, h.passage.end, h.passage.speaker) for h in res]


def test_build_search_filters_and_listings(make, tmp_path):
    corpus = write_corpus(tmp_path / "corpus", HARBOUR_AND_GARDEN)
    q = make(corpus)
    report = q.index()
    assert (report.added, report.passages, report.documents) == (2, 4, 2)
    top = q.ask("What happened to the lettuces?")[0]
    assert "Slugs ate every lettuce" in top.passage.text and top.passage.speaker == "Bob Green"
    doc = (corpus / top.source.path).read_text()
    assert doc[top.passage.start:top.passage.end] == top.passage.text
    assert {h.passage.speaker for h in q.search("boats and gardens", k=5, speaker="ann lee")} == {"Ann Lee"}
    assert {h.source.path for h in q.search("boats and gardens", k=5, source="harbour.txt")} == {"harbour.txt"}
    assert q.search("How do I configure a Kubernetes ingress controller?").hits == []
    with pytest.raises(BadQuery, match="Bob Green"):
        q.search("lettuce", speaker="Bob Gren")
    with pytest.raises(BadQuery, match="no source"):
        q.search("lettuce", source="orchard.txt")
    assert [(d.source.path, d.passages) for d in q.sources()] == [("garden.txt", 2), ("harbour.txt", 2)]
    assert dict(q.speakers()) == {"Ann Lee": 2, "Bob Green": 2}
    around, pid = q.context(top.source.path, top.passage.start, top.passage.end, before=1)
    assert pid == top.passage.id and [p.text for p, _ in around][-1] == top.passage.text
    assert q.current().get([pid])[pid][0].text == top.passage.text
    [verdict] = q.verify("Slugs ate every lettuce I planted this year")
    assert verdict.verdict.value == "exact" and verdict.speaker == "Bob Green"
    pick = q.random(speaker="Ann Lee", min_words=5, seed=1)
    assert pick is not None and pick.passage.speaker == "Ann Lee"


def test_incremental_update_embeds_only_what_changed(make, tmp_path):
    corpus = write_corpus(tmp_path / "corpus", HARBOUR_AND_GARDEN)
    q = make(corpus)
    q.index()
    garden_ids = {p.id for p, _ in q.current().passages_within("garden.txt", 0, 10_000)}
    assert q.index().embedded == 0  # nothing changed: nothing written
    (corpus / "harbour.txt").unlink()
    (corpus / "mill.txt").write_text("Mill diary\n\nby Cara Stone\n\nThe water mill ground oats every Tuesday "
                                     "until the millpond froze solid in January.\n")
    report = q.index()
    assert (report.added, report.changed, report.removed, report.unchanged) == (1, 0, 1, 1)
    assert report.embedded == 1 and report.passages == 3
    assert {d.source.path for d in q.sources()} == {"garden.txt", "mill.txt"}
    assert q.ask("When did the millpond freeze?")[0].passage.speaker == "Cara Stone"
    assert q.search("harbour wall granite quarry", k=5).hits == [] or \
        all(h.source.path != "harbour.txt" for h in q.search("harbour wall granite quarry", k=5))
    # An unchanged document keeps its passages' ids: votes and buttons that name them still work.
    assert {p.id for p, _ in q.current().passages_within("garden.txt", 0, 10_000)} == garden_ids
    (corpus / "garden.txt").write_text(HARBOUR_AND_GARDEN["garden.txt"].replace("copper rings", "crushed eggshell"))
    report = q.index()
    # A changed document's unchanged passages (its first paragraph here) keep their vectors, on both backends.
    assert (report.changed, report.embedded) == (1, 1)
    assert "eggshell" in q.ask("How will the beds be protected from slugs?")[0].passage.text


def test_the_switch_while_a_reader_searches(make, tmp_path):
    corpus = write_corpus(tmp_path / "corpus", HARBOUR_AND_GARDEN)
    q = make(corpus)
    q.index()
    reader = make(corpus)  # another process's view: it follows the switch by itself
    old = reader.current()
    errors: list[BaseException] = []
    seen: set[str] = set()
    stop = threading.Event()

    def ask() -> None:
        while not stop.is_set():
            try:
                res = reader.search("Who rebuilt the harbour wall?")
                seen.add(res.generation)
                assert res[0].passage.speaker == "Ann Lee"
            except BaseException as exc:  # collected: the test thread says what went wrong
                errors.append(exc)
                return

    t = threading.Thread(target=ask)
    t.start()
    try:
        (corpus / "mill.txt").write_text("Mill diary\n\nby Cara Stone\n\nThe mill wheel turned all winter.\n")
        new = q.index().generation
        deadline = time.monotonic() + 10
        while new not in seen and time.monotonic() < deadline and not errors:
            time.sleep(0.05)
    finally:
        stop.set()
        t.join(30)
    assert not errors, errors[0]
    assert {old.generation, new} <= seen
    # A question that still holds the replaced generation finishes on it.
    assert old.passages(old.candidates(["harbour"], q.encoder.encode_queries(["harbour"])[0], 5)[0])


def test_a_killed_build_leaves_the_previous_generation_serving(request, backend, tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {f"doc-{i}.txt": f"Report {i}\n\nby Writer {i % 3}\n\n"
                                                + " ".join(f"The pier lights were checked on day {d}." for d in
                                                           range(40)) + "\n" for i in range(30)})
    settings = settings_for(request, backend, corpus, tmp_path / "data")
    config = config_file(tmp_path / "config.toml", settings)
    assert finished(cli(config, "index"), 300) == 0
    q = Quoth(settings)
    before = q.current().generation
    proc = cli(config, "index", "--full")
    building = started(q, backend, before)
    deadline = time.monotonic() + 120
    while not building() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the build finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    finished(proc, 30)
    fresh = Quoth(settings)
    assert fresh.current().generation == before
    assert "pier lights" in fresh.ask("When were the pier lights checked?")[0].passage.text
    assert finished(cli(config, "index", "--full"), 300) == 0
    assert Quoth(settings).current().generation != before


def started(q: Quoth, backend: str, before: str):
    """A test of whether a build has begun writing its new generation (and not switched to it yet)."""
    if backend == "embedded":
        return lambda: any(q.folder.path.glob("gen-*.tmp/store.sqlite"))
    milvus = q.backend.milvus

    def writing() -> bool:
        names = [c for c in milvus.list_collections() if c.startswith(q.backend.prefix + "_g")]
        newest = max(names, default="")
        return bool(newest) and before not in newest and milvus.get_collection_stats(newest)["row_count"] > 0
    return writing


LANGUAGES = Path(__file__).resolve().parents[1] / "data" / "languages"


def test_the_corpus_language_decides_keyword_search(make, tmp_path):
    import shutil

    corpus = shutil.copytree(LANGUAGES / "fr", tmp_path / "corpus")
    q = make(corpus)
    report = q.index()
    assert (report.language, report.language_detected) == ("fr", True)
    idx = q.current()
    # French stems join "réclamer" and "réclamé": keyword search alone finds the parents' request.
    rows, _ = idx.lexical_top(idx.query_words("Qui a réclamé la piste ? Les parents voulaient la réclamer"), 3)
    found = idx.get([int(i) for i in idx.passage_ids(rows)])
    assert any("avaient réclamé la piste" in p.text for p, _src in found.values())
    assert idx.query_words("ils avaient réclamé") == ["réclam"]  # "ils avaient": French stop words

    english = Quoth(q.settings.with_(corpus={"language": "en"}), encoder=q.encoder)
    again = english.index()
    assert (again.language, again.language_detected, again.embedded) == ("en", False, 0)  # BM25 only, no re-embedding
    assert again.generation != report.generation
    assert english.current().query_words("ils avaient réclamé") == ["il", "avaient", "réclamé"]


MINUTES = ("Boathouse minutes\n\nby Dot Reed\n\n"
           + "The committee met on a wet Tuesday in the old boathouse by the river. " * 6
           + "The treasurer reported that the roof repairs had cost four hundred pounds. Finally everyone "
           "agreed that the lighthouse keeper would paint the jetty blue before the regatta.\n")


def test_a_long_passage_is_found_by_its_windows(make, tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {"minutes.txt": MINUTES, **HARBOUR_AND_GARDEN})
    plain = make(corpus)
    q = Quoth(plain.settings.with_(segment={"window_tokens": 40}), encoder=plain.encoder)
    report = q.index()
    assert report.windows > 1
    qvec = q.encoder.encode_queries(["Who will paint the jetty blue?"])[0]
    idx = q.current()
    rows, sims = idx.dense_top(qvec, 3)
    assert "lighthouse keeper" in idx.passages(rows[:1])[0][0].text
    assert sims[0] == pytest.approx(idx.similarities(qvec, rows[:1])[0], abs=1e-4)
    assert sims[0] > float(idx.vectors_of(rows[:1])[0] @ qvec) + 0.02  # a window matched it better than itself
    # An update copies the windows of unchanged documents with their passages.
    (corpus / "mill.txt").write_text("Mill diary\n\nby Cara Stone\n\nThe water mill ground oats every Tuesday "
                                     "until the millpond froze solid in January.\n")
    again = q.index()
    assert (again.embedded, again.windows) == (1, report.windows)
    assert q.current().dense_top(qvec, 1)[1][0] == pytest.approx(sims[0], abs=1e-4)
