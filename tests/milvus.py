"""Real Milvus protocol endpoints for tests, on either milvus-lite line, each on a free loopback port and
spoken to by the same pymilvus client code as a cluster:

- ``cpp``: milvus-lite 2.5's ``milvus`` binary, Milvus's own C++ engine (knowhere/segcore), started directly as
  ``milvus DB ADDRESS LOGLEVEL`` (as milvus_lite/server.py does for a gRPC address). The default line: it is
  what a local-file URI runs with the ``[milvus]`` extra on Linux and macOS.
- ``lite3``: milvus-lite 3.x, a Python re-implementation of the server, from ``.milvus-lite3/`` at the
  repository root (``tests/ensure-milvus-lite`` installs it there: it cannot share a venv with 2.5)."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINES = ("cpp", "lite3")
LITE3 = ROOT / ".milvus-lite3"
ENSURE = ROOT / "tests" / "ensure-milvus-lite"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpp_lib() -> Path | None:
    """milvus-lite 2.5's lib/ folder (the ``milvus`` binary and its shared libraries), found without importing
    the package (its __init__ imports pkg_resources, and a 3.x on sys.path would shadow it)."""
    spec = importlib.util.find_spec("milvus_lite")
    if spec is None or spec.origin is None:
        return None
    lib = Path(spec.origin).parent / "lib"
    return lib if (lib / "milvus").is_file() else None


def missing(line: str) -> str:
    """Why ``line`` cannot run here, or "" when it can."""
    if line == "cpp":
        return "" if cpp_lib() else ("milvus-lite 2.5 (the C++ engine, lib/milvus) is not installed: "
                                     "pip install 'quoth[milvus]'")
    if line == "lite3":
        return "" if (LITE3 / "milvus_lite" / "__main__.py").is_file() else (
            f"milvus-lite 3.x is not in {LITE3}: run tests/ensure-milvus-lite")
    raise ValueError(f"no milvus-lite line {line!r}: one of {', '.join(LINES)}")


class MilvusServer:
    """One server process of ``line``; ``stop()`` and ``start()`` again keep its data and port."""

    def __init__(self, data_dir: Path, port: int | None = None, line: str = "cpp") -> None:
        if line not in LINES:
            raise ValueError(f"no milvus-lite line {line!r}: one of {', '.join(LINES)}")
        self.data_dir, self.port, self.line = data_dir, port or free_port(), line
        self.proc: subprocess.Popen | None = None

    @property
    def uri(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _command(self) -> tuple[list[str], dict[str, str]]:
        if self.line == "cpp":
            lib = cpp_lib()
            if lib is None:
                raise RuntimeError(missing("cpp"))
            # The binary finds its own shared libraries (knowhere, openblas…) only through the loader's path.
            paths = {var: os.pathsep.join(p for p in (str(lib), os.environ.get(var, "")) if p)
                     for var in ("LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH")}
            return ([str(lib / "milvus"), str(self.data_dir / "milvus.db"), f"127.0.0.1:{self.port}", "ERROR"],
                    {**os.environ, **paths})
        if reason := missing("lite3"):
            raise RuntimeError(reason)
        path = os.pathsep.join(p for p in (str(LITE3), os.environ.get("PYTHONPATH", "")) if p)
        return ([sys.executable, "-m", "milvus_lite", "server", "--data-dir", str(self.data_dir), "--host",
                 "127.0.0.1", "--port", str(self.port)], {**os.environ, "PYTHONPATH": path})

    def start(self, wait: float = 60.0) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        args, env = self._command()
        self.proc = subprocess.Popen(args, env=env, cwd=self.data_dir, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the {self.line} Milvus server exited with {self.proc.returncode}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the {self.line} Milvus server did not start listening in time")

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
def running(data_dir: Path, line: str = "cpp") -> Iterator[MilvusServer]:
    """A server of ``line`` for the block; the test is skipped, with the reason, when the line is missing."""
    if reason := missing(line):
        pytest.skip(reason)
    server = MilvusServer(data_dir, line=line)
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


@contextlib.contextmanager
def lite_file(path: Path) -> Iterator[str]:
    """A local-file URI (``path``, a ``.db`` file): pymilvus starts milvus-lite 2.5's C++ server on it for this
    process; the server is released (its file lock and process go) when the test is done."""
    if reason := missing("cpp"):
        pytest.skip(reason)
    from milvus_lite.server_manager import server_manager_instance

    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        yield str(path)
    finally:
        server_manager_instance.release_server(str(path))
