"""A real Milvus protocol endpoint for tests: ``milvus-lite server`` on a free loopback port, started and
stopped around the tests that need it (the same pymilvus client code talks to it as to a cluster)."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def milvus_lite() -> str:
    found = Path(sys.executable).with_name("milvus-lite")
    return str(found) if found.exists() else (shutil.which("milvus-lite") or "")


class MilvusServer:
    """One ``milvus-lite server`` process; ``stop()`` and ``start()`` again keep its data and port."""

    def __init__(self, data_dir: Path, port: int | None = None) -> None:
        self.data_dir, self.port = data_dir, port or free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def uri(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, wait: float = 60.0) -> None:
        self.proc = subprocess.Popen(
            [milvus_lite(), "server", "--data-dir", str(self.data_dir), "--host", "127.0.0.1", "--port",
             str(self.port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"milvus-lite server exited with {self.proc.returncode}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("milvus-lite server did not start listening in time")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


@contextlib.contextmanager
def running(data_dir: Path) -> Iterator[MilvusServer]:
    if not milvus_lite():
        pytest.skip("milvus-lite is not installed (pip install 'quoth[milvus]')")
    server = MilvusServer(data_dir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def prefix(name: str) -> str:
    """A collection prefix of its own for one test (tests share one server)."""
    return "t" + "".join(c if c.isalnum() else "_" for c in name)[-24:] + f"_{os.getpid() % 1000}"


@contextlib.contextmanager
def refusing_server() -> Iterator[str]:
    """A gRPC server on loopback that answers every Milvus call as a Milvus with authentication on answers a
    wrong token (UNAUTHENTICATED): Milvus Lite has no authentication to refuse with. Yields its URI."""
    from concurrent import futures

    import grpc

    def refuse(request, context):
        context.abort(grpc.StatusCode.UNAUTHENTICATED,
                      "auth check failure, please check username and password are correct")

    class Refuse(grpc.GenericRpcHandler):
        def service(self, handler_call_details):
            return grpc.unary_unary_rpc_method_handler(refuse, request_deserializer=lambda b: b,
                                                       response_serializer=lambda b: b)

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2), handlers=[Refuse()])
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop(0)


def finished(proc: subprocess.Popen, timeout: float) -> int:
    """``proc``'s exit status; killed (and the test failed) when it runs past ``timeout`` seconds, so a hung
    process never outlives its test."""
    try:
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        pytest.fail(f"{proc.args[-3:]} ran past {timeout} s")


ROOT = Path(__file__).resolve().parents[1]
CLI = "import sys\nfrom quoth.bot.cli import main\nsys.exit(main(sys.argv[1:]))"


def config_file(path: Path, s) -> Path:
    """``s`` (Settings) as a config file a ``quoth`` process reads: corpus, data and the index's backend keys."""
    i = s.index
    path.write_text(f'[corpus]\npath = "{s.corpus.path}"\n[data]\ndir = "{s.data.dir}"\n[index]\n'
                    f'backend = "{i.backend}"\nmilvus_uri = "{i.milvus_uri}"\nmilvus_prefix = "{i.milvus_prefix}"\n'
                    f"milvus_grace = {i.milvus_grace}\nmilvus_timeout = {i.milvus_timeout}\n")
    return path


def cli(config: Path, *args: str, env: dict | None = None, prelude: str = "") -> subprocess.Popen:
    """``quoth --config CONFIG ARGS…`` as a process of its own, its output captured; ``prelude``: Python run in
    that process first (a fault to inject at one step: a real kill of the real process there)."""
    code = textwrap.dedent(prelude) + "\n" + CLI
    return subprocess.Popen([sys.executable, "-c", code, "--config", str(config), *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
