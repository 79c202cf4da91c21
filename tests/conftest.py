from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from pathlib import Path

import pytest

from tests.milvus import LINES

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
def milvus_lines(tmp_path_factory):
    """``milvus_lines(line)``: the session's one Milvus server of that milvus-lite line (tests/milvus.py's LINES),
    started when first asked for, on a free loopback port; the test is skipped, with the reason, when the line
    is not installed."""
    from tests.milvus import missing, running

    started: dict[str, object] = {}
    with contextlib.ExitStack() as stack:
        def server(line: str):
            if line not in started:
                if reason := missing(line):
                    pytest.skip(reason)
                started[line] = stack.enter_context(running(tmp_path_factory.mktemp(f"milvus-{line}"), line))
            return started[line]
        yield server


@pytest.fixture(scope="session")
def milvus_server(milvus_lines):
    """A Milvus server on Milvus's own C++ engine (milvus-lite 2.5): every test of the Milvus backend runs on it."""
    return milvus_lines("cpp")


@pytest.fixture(scope="session", params=LINES)
def milvus_line_server(request, milvus_lines):
    """A Milvus server of each milvus-lite line in turn (ids ``cpp``, ``lite3``), for the tests that must hold on
    both: the Milvus contract, split builds and publishing, the sharded bot. Only those run twice (CI stays
    lean); the C++ one is the same server as ``milvus_server``."""
    return milvus_lines(request.param)
