"""Index builds, incremental updates, atomic switching and hybrid search, with the real model."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from quoth import Quoth, Settings
from quoth.errors import ModelMismatch
from quoth.index import LoadedIndex, index_folder
from quoth.index import build as build_mod
from quoth.search import Searcher
from quoth.segment.chunking import windows
from quoth.settings import SearchSettings
from tests.helpers import HARBOUR_AND_GARDEN, write_corpus

DOCS = HARBOUR_AND_GARDEN


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus", DOCS)


@pytest.fixture
def rt(tmp_path, corpus, encoder):
    settings = Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(tmp_path / "data")})
    return Quoth(settings, encoder=encoder)  # the session's loaded model, shared between tests


def test_build_search_and_attribution(rt):
    report = rt.index()
    assert (report.added, report.changed, report.removed, report.passages) == (2, 0, 0, 4)
    res = rt.searcher.search("What happened to the lettuces?", k=3, best_sentence=True)
    top = res.hits[0]
    assert "Slugs ate every lettuce" in top.passage.text
    assert top.passage.speaker == "Bob Green"
    assert top.source.title == "Garden notes"
    a, b = top.best_sentence
    assert "lettuce" in top.passage.text[a:b]


def test_abstains_when_nothing_is_relevant(rt):
    rt.index()
    assert rt.searcher.search("How do I configure a Kubernetes ingress controller?").hits == []


def test_filters_by_speaker_and_source(rt):
    rt.index()
    hits = rt.searcher.search("boats and gardens", k=5, speaker="ann lee").hits
    assert hits and {h.passage.speaker for h in hits} == {"Ann Lee"}
    hits = rt.searcher.search("tomatoes sun compost", k=5, source="harbour.txt").hits
    assert all(h.source.path == "harbour.txt" for h in hits)


def test_speaker_filter_takes_the_forms_people_search_by(rt):
    rt.index()
    for form in ("@bobgreen", "Green", "bob green", "Bob"):
        hits = rt.search("garden slugs tomatoes", k=5, speaker=form).hits
        assert hits and {h.speaker for h in hits} == {"Bob Green"}, form


def test_incremental_update_embeds_only_changes(rt, corpus):
    first = rt.index()
    gen1 = rt.folder.current()
    again = rt.index()
    assert (again.unchanged, again.embedded) == (2, 0)
    (corpus / "garden.txt").write_text(DOCS["garden.txt"].replace("Tomatoes", "Peppers"), encoding="utf-8")
    (corpus / "new.txt").write_text("Bees visit the lavender every morning in the warm weather of July.\n")
    (corpus / "harbour.txt").unlink()
    upd = rt.index()
    assert (upd.added, upd.changed, upd.removed, upd.unchanged) == (1, 1, 1, 0)
    # The changed document's passage whose search text is unchanged keeps its vector: only the changed passage
    # and the new document's are embedded.
    assert upd.embedded == 2 and upd.passages == 3
    idx = LoadedIndex(rt.folder.current())
    assert {d.source.path for d in idx.store.documents()} == {"garden.txt", "new.txt"}
    # vectors kept for the unchanged passage are identical to a fresh embedding of it
    texts = idx.store.search_texts_of(idx.ids.tolist())
    fresh = rt.encoder.encode_passages(texts)
    assert np.allclose(np.asarray(idx.vectors), fresh, atol=1e-5)
    assert first.passages == 4 and gen1 != rt.folder.current()


def test_crash_midway_leaves_previous_index_serving(rt, corpus, monkeypatch):
    rt.index()
    before = rt.folder.current()
    (corpus / "new.txt").write_text("Owls hunt mice in the barn at night when the moon is full and bright.\n")

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(build_mod.bm25, "save", boom)
    with pytest.raises(KeyboardInterrupt):
        rt.index()
    assert rt.folder.current() == before
    assert not list(rt.folder.path.glob("*.tmp"))
    res = rt.searcher.search("owls hunting mice")
    assert all("Owls" not in h.passage.text for h in res.hits)
    monkeypatch.undo()
    rt.index()
    assert "Owls" in rt.searcher.search("owls hunting mice").hits[0].passage.text


def test_query_with_another_model_is_refused(rt):
    rt.index()

    class Other:
        name = "some/other-model"

        def encode_queries(self, texts):
            raise AssertionError("must not be called")

    with pytest.raises(ModelMismatch, match="quoth index --full"):
        Searcher(rt.live, Other()).search("harbour")


def test_searcher_is_safe_across_threads(rt):
    from concurrent.futures import ThreadPoolExecutor

    rt.index()
    qs = ["harbour wall granite", "slugs and lettuce", "fish market quay", "tomatoes in the sun"] * 4
    single = [rt.searcher.search(q).hits[0].passage.id for q in qs]
    with ThreadPoolExecutor(4) as pool:
        threaded = [r.hits[0].passage.id for r in pool.map(rt.searcher.search, qs)]
    assert threaded == single


def test_near_duplicates_removed(tmp_path, encoder):
    root = tmp_path / "c"
    root.mkdir()
    body = "The council approved the new cycle lanes on the high street after a long public consultation."
    (root / "a.txt").write_text(body + "\n")
    (root / "b.txt").write_text(body + "\n")
    r = Quoth(Settings().with_(corpus={"path": str(root)}, data={"dir": str(tmp_path / "d")}), encoder=encoder)
    r.index()
    assert len(r.searcher.search("cycle lanes high street", k=3).hits) == 1


def test_cross_encoder_reranking_path(rt, tmp_path):
    """A tiny randomly initialised cross-encoder, built here: its scores must decide the order."""
    from sentence_transformers import CrossEncoder
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    from quoth.embeddings.models import bundled_model_path

    path = tmp_path / "tiny-ce"
    tok = BertTokenizerFast.from_pretrained(str(bundled_model_path()))
    model = BertForSequenceClassification(BertConfig(
        vocab_size=tok.vocab_size, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, num_labels=1))
    model.save_pretrained(path)
    tok.save_pretrained(path)
    ce = CrossEncoder(str(path), device="cpu")
    rt.index()
    plain = Searcher(rt.live, rt.encoder)
    reranked = Searcher(rt.live, rt.encoder, reranker=ce)
    q = "harbour boats garden vegetables"
    ranked = reranked.rank(q, "rerank", 10)
    idx = rt.live.current()
    texts = idx.store.search_texts_of([pid for pid, _ in ranked])
    expected = ce.predict([(q, t) for t in texts])
    assert [s for _, s in ranked] == pytest.approx(sorted(expected, reverse=True), rel=1e-4)
    assert {pid for pid, _ in ranked} == {pid for pid, _ in plain.rank(q, "hybrid", 10)}
    # Past the re-ranked head (pages never reach it: the head is at least twice the page), candidates keep
    # their fused order and score below every re-ranked one.
    class NegativeLogits:  # real cross-encoders (MS MARCO) score mostly below zero
        def predict(self, pairs):
            return ce.predict(pairs) - 10.0

    shallow = Searcher(rt.live, rt.encoder, SearchSettings(rerank_depth=2), reranker=NegativeLogits())
    rows = np.arange(len(idx))
    fused = np.linspace(1.0, 0.0, len(rows)).astype(np.float32)
    out_rows, _, out_scores = shallow._rerank(idx, q, rows, np.zeros(len(rows)), fused, need=1)
    assert list(out_scores) == sorted(out_scores, reverse=True)
    assert list(out_rows[2:]) == list(rows[2:]) and set(out_rows[:2]) == {0, 1}


def test_index_folder_differs_per_corpus_and_model(tmp_path):
    a = index_folder(tmp_path, tmp_path / "one", "m1")
    assert a != index_folder(tmp_path, tmp_path / "two", "m1")
    assert a != index_folder(tmp_path, tmp_path / "one", "m2")
    shutil.rmtree(tmp_path / "indexes", ignore_errors=True)


def test_index_from_an_older_analyzer_is_updated_before_answering(rt):
    rt.index()
    assert rt.folder.outdated() is None
    gen = rt.folder.current()
    meta = json.loads(gen.meta_file.read_text())
    meta["bm25_analyzer"] = 1
    gen.meta_file.write_text(json.dumps(meta))
    assert "another version" in rt.folder.outdated()
    report = rt.ensure_index(show_progress=False)
    assert report is not None and report.embedded == 0 and report.unchanged == 2
    assert rt.folder.outdated() is None
    assert rt.ensure_index(show_progress=False) is None


LONG = ("The committee met on a wet Tuesday in the old boathouse by the river. " * 6
        + "The treasurer reported that the roof repairs had cost four hundred pounds. "
        + "Finally everyone agreed that the lighthouse keeper would paint the jetty blue before the regatta.")


def test_a_long_passage_is_matched_by_its_windows(tmp_path, encoder):
    corpus = write_corpus(tmp_path / "corpus", {"minutes.txt": LONG + "\n", **DOCS})
    settings = Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(tmp_path / "data")},
                                segment={"window_tokens": 40})
    q = Quoth(settings, encoder=encoder)
    report = q.index()
    idx = q.current()
    assert report.windows > 1 and idx.meta.windows == report.windows == len(idx.windows)
    row = next(r for r in range(len(idx)) if "lighthouse keeper" in idx.passages(np.array([r]))[0][0].text)
    passage = idx.passages(np.array([row]))[0][0]
    cut = windows(passage.search_text, passage.text, 40, q.segmenter.count_tokens)
    assert len(cut) > 1
    qvec = encoder.encode_queries(["Who will paint the jetty blue?"])[0]
    expected = max(float(encoder.encode_passages([passage.search_text])[0] @ qvec),
                   *(float(v @ qvec) for v in encoder.encode_passages(cut)))
    assert idx.similarities(qvec, np.array([row]))[0] == pytest.approx(expected, abs=1e-3)
    top, _ = idx.dense_top(qvec, 3)
    assert len(set(top.tolist())) == len(top)  # a passage once, whatever rows of it were hit
    # An update keeps the windows of unchanged passages and counts them again.
    gulls = "The gulls came back to the harbour wall this week, noisier than ever before.\n"
    (corpus / "more.txt").write_text(gulls, encoding="utf-8")
    again = q.index()
    assert again.windows == report.windows and again.embedded == 1
    assert q.current().similarities(qvec, np.array([row]))[0] == pytest.approx(expected, abs=1e-3)


def test_no_windows_when_the_setting_is_0(tmp_path, corpus, encoder):
    settings = Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(tmp_path / "data")},
                                segment={"window_tokens": 0})
    q = Quoth(settings, encoder=encoder)
    assert q.index().windows == 0 and len(q.current().windows) == 0
