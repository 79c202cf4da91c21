"""The model cache survives what a killed process or a bad disk leaves in it."""

import logging
import shutil
from pathlib import Path

import numpy as np

from quoth.embeddings import Encoder, ModelSettings


def cache_copy(encoder, tmp_path: Path) -> tuple[Path, Path]:
    encoder.encode_queries(["make sure the export exists"])
    [folder] = [p for p in encoder.cache_dir.iterdir() if p.is_dir() and p.name.endswith("-onnx")]
    copy = tmp_path / "models"
    shutil.copytree(folder, copy / folder.name)
    return copy, copy / folder.name / "onnx"


def test_an_empty_int8_file_is_made_again_with_one_warning(encoder, tmp_path, caplog):
    cache, onnx = cache_copy(encoder, tmp_path)
    from quoth.embeddings.onnx import quantization_target

    [int8] = onnx.glob(f"model_q*int8_{quantization_target()}.onnx")
    int8.write_bytes(b"")  # what a process killed while writing it used to leave
    with caplog.at_level(logging.WARNING, logger="quoth.embeddings"):
        vec = Encoder(ModelSettings(), cache).encode_queries(["a harbour in a storm"])
    assert np.allclose(vec, encoder.encode_queries(["a harbour in a storm"]), atol=1e-4)
    assert int8.stat().st_size > 1_000_000
    assert next(r.message for r in caplog.records if "does not load" in r.message).count(int8.name) == 1
    assert not list(cache.glob("*.tmp"))


def test_a_garbled_export_is_made_again_from_the_model(encoder, tmp_path):
    cache, onnx = cache_copy(encoder, tmp_path)
    (onnx / "model.onnx").write_bytes(b"\x00garbage" * 100)
    for f in onnx.glob("model_q*int8_*.onnx"):
        f.write_bytes(b"\x00garbage" * 100)
    vec = Encoder(ModelSettings(backend="onnx"), cache).encode_queries(["lighthouse keeper"])
    assert vec.shape == (1, 384) and abs(float(np.linalg.norm(vec)) - 1) < 1e-3
