"""`quoth eval` on a small BEIR folder and a question file; the ONNX encoder backends."""

from __future__ import annotations

import json

import numpy as np
import pytest

from quoth.bot.cli import main

DOCS = [
    ("d1", "Vitamin D and bones",
     "Vitamin D deficiency weakens bones and raises the risk of fractures in the elderly."),
    ("d2", "Coffee and sleep", "Drinking coffee late in the evening delays sleep onset and shortens deep sleep."),
    ("d3", "Exercise and mood", "Regular aerobic exercise reduces symptoms of depression in adults."),
    ("d4", "Salt and blood pressure", "High salt intake raises blood pressure in salt-sensitive people."),
]
QUERIES = [("q1", "Lack of vitamin D causes fractures"), ("q2", "Caffeine in the evening disturbs sleep"),
           ("q3", "Running improves depression"), ("q9", "unjudged query")]
QRELS = [("q1", "d1", 1), ("q2", "d2", 1), ("q3", "d3", 1)]


@pytest.fixture
def beir(tmp_path):
    root = tmp_path / "tiny-beir"
    (root / "qrels").mkdir(parents=True)
    (root / "corpus.jsonl").write_text(
        "".join(json.dumps({"_id": i, "title": t, "text": x}) + "\n" for i, t, x in DOCS))
    (root / "queries.jsonl").write_text("".join(json.dumps({"_id": i, "text": t}) + "\n" for i, t in QUERIES))
    (root / "qrels" / "test.tsv").write_text("query-id\tcorpus-id\tscore\n"
                                             + "".join(f"{q}\t{d}\t{s}\n" for q, d, s in QRELS))
    return root


def test_eval_beir_json(beir, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("QUOTH_DATA_DIR", str(tmp_path / "data"))
    assert main(["eval", "--beir", str(beir), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["dataset"] == "tiny-beir" and out["split"] == "test" and out["queries"] == 3
    assert set(out["results"]) == {"dense", "bm25", "hybrid"}
    for metrics in out["results"].values():
        assert set(metrics) == {"ndcg@10", "recall@100", "mrr@10"}
    # Each query's relevant document is the obvious one: the hybrid puts all of them first.
    assert out["results"]["hybrid"]["mrr@10"] == 1.0
    assert out["results"]["dense"]["recall@100"] == 1.0
    # The index lives in its own data directory and is reused on a second run.
    assert list((tmp_path / "data" / "eval" / "indexes").iterdir())
    assert main(["eval", "--beir", str(beir)]) == 0
    table = capsys.readouterr().out
    assert "nDCG@10" in table and "hybrid" in table


def test_eval_beir_rejects_a_folder_that_is_not_beir(tmp_path, capsys):
    assert main(["eval", "--beir", str(tmp_path)]) == 2
    assert "not a BEIR folder" in capsys.readouterr().err


def test_eval_questions_on_the_sample_corpus(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("QUOTH_DATA_DIR", str(tmp_path / "data"))
    qfile = tmp_path / "q.jsonl"
    qfile.write_text("\n".join(json.dumps(q) for q in [
        {"id": "a", "q": "Who thanked JVL for keeping the Red Flag flying?", "gold": ["Red Flag flying"],
         "speaker": ["david stretton"]},
        {"id": "b", "q": "What is the boiling point of water on Mars?", "abstain": True},
        {"id": "c", "q": "Who was knocking on doors?", "gold": ["knocking on doors"], "speaker_not": ["corbyn"]},
    ]))
    assert main(["eval", "--questions", str(qfile), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["hit@1"] == 1.0 and out["speaker"] == 1.0 and out["abstain"] == "1/1"
    assert out["failures"] == []


def test_onnx_backends_agree_with_torch(tmp_path):
    from quoth.embeddings import Encoder, ModelSettings
    from quoth.embeddings.onnx import quantization_target

    texts = ["The harbour wall was rebuilt with granite.", "Slugs ate every lettuce in the garden."]
    ref = Encoder(ModelSettings(backend="torch")).encode_passages(texts)
    fp32 = Encoder(ModelSettings(backend="onnx"), tmp_path).encode_passages(texts)
    int8 = Encoder(ModelSettings(backend="onnx-int8"), tmp_path).encode_passages(texts)
    assert np.min(np.sum(ref * fp32, axis=1)) > 0.999
    assert np.min(np.sum(ref * int8, axis=1)) > 0.95
    assert np.allclose(np.linalg.norm(int8, axis=1), 1.0, atol=1e-4)
    exported = list(tmp_path.glob("*-onnx/onnx/*.onnx"))
    names = {p.name for p in exported}
    assert "model.onnx" in names and len(names) == 2
    assert any(n.endswith(f"int8_{quantization_target()}.onnx") for n in names)
    # A text's int8 vector does not depend on what it is encoded with (quantisation is per run).
    enc = Encoder(ModelSettings(backend="onnx-int8"), tmp_path)
    crowd = ["A much longer text about quarries, storms, the pier and the fish market. " * 6, *texts]
    assert np.array_equal(enc.encode_passages(crowd)[1:], int8)


def test_batch_size_follows_backend_and_device(tmp_path):
    from quoth.embeddings import Encoder, ModelSettings

    assert Encoder(ModelSettings(device="cpu", backend="torch")).batch_size() == 1
    assert Encoder(ModelSettings(device="cpu", backend="torch", batch_size=8)).batch_size() == 8
    assert Encoder(ModelSettings(backend="onnx-int8", batch_size=8), tmp_path).batch_size() == 1


def test_unknown_backend_is_refused():
    from pydantic import ValidationError

    from quoth.embeddings import ModelSettings

    with pytest.raises(ValidationError, match="backend"):
        ModelSettings(backend="tpu")
