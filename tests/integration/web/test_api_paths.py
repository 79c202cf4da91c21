"""No path from a request reaches the file system: ``doc`` is looked up among the index's documents only.

A tiny corpus holds a symlink to a secret file outside it, and a secret file sits beside the corpus folder; no
request — traversal, encoded dots, absolute paths, backslashes, NUL bytes, very long values, dots in the route
path itself sent as raw bytes to a real server — gets any of their words, unless the loader indexed the link as a
document of the corpus (then it is a listed source like any other)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from tests.helpers import HARBOUR_AND_GARDEN, write_corpus
from tests.web import serving

SECRET = "Zanzibar quokka marmalade treaty"  # words no document of the corpus has
PASSWD = "root:x:0:0"
HOSTILE = [
    "../secret.txt", "..%2fsecret.txt", "%2e%2e/secret.txt", "%2e%2e%2fsecret.txt", "....//secret.txt",
    "..\\secret.txt", "..%5csecret.txt", "/etc/passwd", "//etc/passwd", "file:///etc/passwd", "../../../../etc/passwd",
    "./harbour.txt", "harbour.txt/", "harbour.txt\x00.pdf", "harbour.txt%00", "HARBOUR.TXT", " harbour.txt",
    "link.txt/../harbour.txt", "\\etc\\passwd", "C:\\Windows\\win.ini", "~/.ssh/id_rsa", "a" * 999,
]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory, encoder):
    from quoth import Quoth, Settings
    from quoth.bot.config import WebSettings
    from quoth.bot.web import WebService, create_app

    root = tmp_path_factory.mktemp("paths")
    corpus = write_corpus(root / "corpus", HARBOUR_AND_GARDEN)
    (root / "secret.txt").write_text(f"Top secret.\n\nThe {SECRET} was signed at midnight by the envoys.\n")
    (root / "outside.txt").write_text(f"Also secret.\n\nThe envoys said the {SECRET} binds nobody.\n")
    (corpus / "link.txt").symlink_to(root / "outside.txt")
    quoth = Quoth(Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(root / "data")}), encoder=encoder)
    quoth.index()
    service = WebService(quoth, WebSettings(rate_per_minute=1_000_000, rate_burst=1_000_000))
    with TestClient(create_app(service), raise_server_exceptions=False) as client:
        yield client, quoth, service
    service.close()


def indexed_paths(quoth) -> set[str]:
    return {d.source.path for d in quoth.sources()}


def leaks(text: str, quoth) -> bool:
    """Whether ``text`` holds words of a file that is not an indexed document."""
    linked = "link.txt" in indexed_paths(quoth)  # the loader may have indexed the link as a document: then fine
    return PASSWD in text or "signed at midnight" in text or (not linked and "binds nobody" in text)


def test_the_tiny_corpus_is_what_was_written(tiny):
    client, quoth, _ = tiny
    assert {"harbour.txt", "garden.txt"} <= indexed_paths(quoth)
    assert indexed_paths(quoth) <= {"harbour.txt", "garden.txt", "link.txt"}
    assert client.get("/api/v1/document", params={"doc": "harbour.txt"}).status_code == 200


@pytest.mark.parametrize("doc", HOSTILE)
def test_hostile_doc_values_are_not_found(tiny, doc):
    client, quoth, _ = tiny
    for path, extra in (("/api/v1/document", {}), ("/api/v1/context", {"start": 0, "end": 10})):
        got = client.get(path, params={"doc": doc, **extra})
        assert got.status_code in (400, 404), (doc, got.status_code)
        assert not leaks(got.text, quoth)
        if got.status_code == 404:
            err = got.json()["error"]
            assert err["message"].startswith("no indexed document is")
            assert set(err["suggestions"]) <= indexed_paths(quoth) | {"Harbour news", "Garden notes"}


def test_near_misses_suggest_the_indexed_document(tiny):
    client, _, _ = tiny
    err = client.get("/api/v1/document", params={"doc": "../harbour.txt"}).json()["error"]
    assert err["suggestions"][0] == "harbour.txt"
    assert err["message"].startswith("no indexed document is '../harbour.txt'; did you mean 'harbour.txt'")


def test_the_symlink_is_shown_only_if_it_was_indexed_as_a_document(tiny):
    client, quoth, _ = tiny
    got = client.get("/api/v1/document", params={"doc": "link.txt"})
    if "link.txt" in indexed_paths(quoth):
        assert got.status_code == 200 and "binds nobody" in got.json()["text"]
    else:
        assert got.status_code == 404 and "binds nobody" not in got.text
    for q in (SECRET, "What was signed at midnight by the envoys?"):
        # What comes back beside the question itself (echoed in "query" and "claim").
        found = client.get("/api/v1/ask", params={"q": q}).json()["results"]
        assert not leaks(json.dumps(found), quoth)
        verdicts = client.get("/api/v1/verify", params={"text": f'"the {SECRET} was signed"'}).json()["verdicts"]
        assert not leaks(json.dumps([{**v, "claim": ""} for v in verdicts]), quoth)


def raw_get(base: str, target: bytes) -> tuple[int, bytes]:
    """One request line sent as these exact bytes (no client normalises the dots away): its status and body."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


RAW_TARGETS = [
    b"/api/v1/../../etc/passwd", b"/api/v1/%2e%2e/%2e%2e/etc/passwd", b"/api/v1/..%2f..%2fetc%2fpasswd",
    b"/static/../../secret.txt", b"/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", b"/static/..%2f..%2fapi.py",
    b"/static/%2e%2e%2f%2e%2e%2fsecret.txt", b"/api/v1/document/..%2f..%2fsecret.txt",
    b"/api/v1/document?doc=..%2F..%2Fsecret.txt", b"/api/v1/document?doc=%2Fetc%2Fpasswd",
    b"/api/v1/document?doc=%2e%2e%2fsecret.txt", b"/api/v1/document?doc=harbour.txt%00",
    b"/static/quoth.css/../../../secret.txt", b"/static//etc/passwd", b"/%2e%2e/%2e%2e/etc/passwd",
]


def test_dots_in_the_route_path_reach_nothing_on_a_real_server(tiny):
    _, quoth, service = tiny
    with serving(service) as base:
        assert raw_get(base, b"/api/v1/document?doc=harbour.txt")[0] == 200
        for target in RAW_TARGETS:
            status, body = raw_get(base, target)
            assert status in (400, 404), (target, status)
            text = body.decode("utf-8", "replace")
            assert not leaks(text, quoth), target
            assert "import " not in text and "def " not in text  # no source file of the app either


def test_no_response_names_a_server_side_folder(tiny):
    client, quoth, _ = tiny
    folders = [str(quoth.corpus_dir), str(quoth.settings.data_dir()), str(Path.home()), str(Path(__file__).parent)]
    for url, params in (("/api/v1/document", {"doc": "../secret.txt"}), ("/api/v1/sources", {}),
                        ("/api/v1/ask", {"q": "harbour wall"}), ("/api/v1/health", {}),
                        ("/api/v1/context", {"doc": "/etc/passwd", "start": 0, "end": 1})):
        text = client.get(url, params=params).text
        assert not any(folder in text for folder in folders), url
