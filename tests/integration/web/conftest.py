"""Shared fixtures of the web front end's tests: ONE indexed copy of the sample corpus for the session (building
it and loading the model costs seconds), and a TestClient over the app per module."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def web_quoth(tmp_path_factory, encoder):
    """A ``Quoth`` over a copy of ``corpus/sample`` in a tmp data dir, indexed once, with the session encoder."""
    from quoth import Quoth, Settings
    from quoth.settings import SAMPLE_CORPUS

    root = tmp_path_factory.mktemp("web-quoth")
    corpus = shutil.copytree(SAMPLE_CORPUS, root / "corpus")
    quoth = Quoth(Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(root / "data")}), encoder=encoder)
    quoth.index()
    return quoth


@pytest.fixture(scope="module")
def client(web_quoth):
    """A Starlette ``TestClient`` over ``create_app(WebService(web_quoth))`` with the default ``[web]`` settings."""
    from starlette.testclient import TestClient

    from quoth.bot.web import WebService, create_app

    service = WebService(web_quoth)
    with TestClient(create_app(service)) as test_client:
        yield test_client
    service.close()


@pytest.fixture(scope="module")
def api_client(web_quoth):
    """A TestClient like ``client`` whose rate limit no test of the API reaches (they send many requests from
    one address; the limit has tests of its own)."""
    from starlette.testclient import TestClient

    from quoth.bot.config import WebSettings
    from quoth.bot.web import WebService, create_app

    service = WebService(web_quoth, WebSettings(rate_per_minute=1_000_000, rate_burst=1_000_000))
    with TestClient(create_app(service), raise_server_exceptions=False) as test_client:
        yield test_client
    service.close()
