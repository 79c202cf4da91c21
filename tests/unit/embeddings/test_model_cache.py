"""The model cache survives what a killed process or a bad disk leaves in it."""

import json
import logging
import shutil
from pathlib import Path

import numpy as np
import pytest

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
    said = [r.message for r in caplog.records if "does not load" in r.message]
    assert len(said) == 1 and int8.name in said[0]  # one warning, naming the file
    assert not list(cache.glob("*.tmp"))


def test_a_garbled_export_is_made_again_from_the_model(encoder, tmp_path):
    cache, onnx = cache_copy(encoder, tmp_path)
    (onnx / "model.onnx").write_bytes(b"\x00garbage" * 100)
    for f in onnx.glob("model_q*int8_*.onnx"):
        f.write_bytes(b"\x00garbage" * 100)
    vec = Encoder(ModelSettings(backend="onnx"), cache).encode_queries(["lighthouse keeper"])
    assert vec.shape == (1, 384) and abs(float(np.linalg.norm(vec)) - 1) < 1e-3


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]  # what a full disk or a killed copy leaves


def _garbled(data: bytes) -> bytes:
    return b"\x00\xffgarbled" * 8 + data[80:]  # a bad sector over the file's start


@pytest.mark.parametrize("damage", [_truncated, _garbled], ids=["truncated", "garbled"])
@pytest.mark.parametrize("name", ["modules.json", "1_Pooling/config.json", "tokenizer.json", "onnx/model.onnx"])
def test_a_damaged_export_file_is_named_and_exported_again(encoder, tmp_path, caplog, name, damage):
    """Each file the export needs, damaged on disk: one warning naming it, the export made again, and the same
    vectors as before, instead of a traceback on every command."""
    cache, onnx = cache_copy(encoder, tmp_path)
    path = onnx.parent / name
    path.write_bytes(damage(path.read_bytes()))
    if name == "onnx/model.onnx":
        for f in onnx.glob("model_q*int8_*.onnx"):
            f.write_bytes(b"")  # so the int8 file must be made again from the damaged fp32 one
    texts = ["a harbour in a storm", "who kept the lighthouse?"]
    with caplog.at_level(logging.WARNING, logger="quoth.embeddings"):
        vec = Encoder(ModelSettings(), cache).encode_queries(texts)
    assert np.allclose(vec, encoder.encode_queries(texts), atol=1e-4)
    warned = [r.getMessage() for r in caplog.records if " is damaged (" in r.getMessage()]
    assert len(warned) == 1 and str(path) in warned[0], [r.getMessage() for r in caplog.records]
    if name.endswith(".json"):
        json.loads(path.read_text())  # sound again
    assert not list(cache.glob("*.tmp"))
