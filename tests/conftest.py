from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# One ONNX export per test session instead of one per temporary data directory.
os.environ.setdefault("QUOTH_MODEL_CACHE", str(Path(tempfile.gettempdir()) / f"quoth-test-models-{os.getuid()}"))

from retrieval.corpus import SAMPLE_CORPUS
from retrieval.loaders import content_hash
from retrieval.records import Document, SourceInfo


def make_doc(text: str, path: str = "doc.txt", **meta) -> Document:
    return Document(SourceInfo(path=path, title=meta.pop("title", ""), **meta), text, content_hash(text))


@pytest.fixture
def sample_corpus() -> Path:
    return SAMPLE_CORPUS


@pytest.fixture
def quiet_logs(caplog):
    caplog.set_level(logging.WARNING)
    return caplog
