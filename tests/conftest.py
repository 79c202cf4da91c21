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


@pytest.fixture(scope="session")
def encoder():
    """The real default encoder (int8 ONNX), loaded once for the session."""
    from quoth.embeddings import Encoder, ModelSettings

    return Encoder(ModelSettings(), Path(os.environ["QUOTH_MODEL_CACHE"]))


@pytest.fixture
def quiet_logs(caplog):
    caplog.set_level(logging.WARNING)
    return caplog


@pytest.fixture(scope="session")
def milvus_server(tmp_path_factory):
    """A milvus-lite server on a free loopback port, for the tests of the Milvus backend."""
    from tests.milvus import running

    with running(tmp_path_factory.mktemp("milvus")) as server:
        yield server
