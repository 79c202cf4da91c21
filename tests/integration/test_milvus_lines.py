"""The two milvus-lite lines the Milvus tests run on (tests/milvus.py): the default one is Milvus's own C++
engine, and tests/ensure-milvus-lite, the set-up step the README and CI run, installs the other once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.milvus import ENSURE, LITE3, ROOT, cpp_lib, missing, prefix


def test_the_default_line_is_the_cpp_engine_binary(milvus_server):
    # The server process is the `milvus` executable of milvus-lite 2.5 itself (an ELF/Mach-O program, not a
    # Python interpreter running a re-implementation).
    assert milvus_server.line == "cpp"
    exe = Path(os.readlink(f"/proc/{milvus_server.proc.pid}/exe")) if Path("/proc").is_dir() else None
    binary = cpp_lib() / "milvus"
    if exe is not None:
        assert exe.resolve() == binary.resolve(), exe
    assert binary.read_bytes()[:4] in (b"\x7fELF", b"\xcf\xfa\xed\xfe"), "not a native executable"
    # And it answers as the C++ build of Milvus Lite does: an HNSW index refused (3.x accepts one).
    from pymilvus import DataType, MilvusClient, MilvusException

    client = MilvusClient(milvus_server.uri)
    name = prefix("cpp-engine")
    try:
        schema = client.create_schema()
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field("v", DataType.FLOAT_VECTOR, dim=4)
        client.create_collection(name, schema=schema)
        params = client.prepare_index_params()
        params.add_index("v", index_type="HNSW", metric_type="IP", params={"M": 8, "efConstruction": 64})
        with pytest.raises(MilvusException, match=r"(?i)hnsw|index type"):
            client.create_index(name, params)
    finally:
        client.drop_collection(name)
        client.close()


def test_a_missing_line_is_a_skip_that_says_how_to_get_it():
    assert missing("cpp") == "" and missing("lite3") == ""  # both are installed where the tests run
    with pytest.raises(ValueError, match="cpp, lite3"):
        missing("lite4")


def test_ensure_milvus_lite_installs_once_and_then_does_nothing(tmp_path):
    # A checkout of its own whose .venv is this one: the first run installs the lite3 line with the venv's pip
    # (from the package index), the second finds it and changes nothing.
    (tmp_path / "tests").mkdir()
    shutil.copy2(ENSURE, tmp_path / "tests" / ENSURE.name)
    (tmp_path / ".venv").symlink_to(ROOT / ".venv")
    script, target = tmp_path / "tests" / ENSURE.name, tmp_path / ".milvus-lite3"
    first = subprocess.run([str(script)], capture_output=True, text=True, timeout=300)
    assert (first.returncode, first.stdout, first.stderr) == (0, "", "")
    installed = {p.name for p in target.iterdir()}
    assert "milvus_lite" in installed and any(n.startswith("milvus_lite-3.") for n in installed), installed
    before = (target.stat().st_ino, target.stat().st_mtime_ns, sorted(installed))
    second = subprocess.run([str(script)], capture_output=True, text=True, timeout=60)
    assert (second.returncode, second.stdout, second.stderr) == (0, "", "")
    assert (target.stat().st_ino, target.stat().st_mtime_ns, sorted(p.name for p in target.iterdir())) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".milvus-lite3", ".venv", "tests"]  # nothing left over


def test_ensure_milvus_lite_in_the_repository_is_a_no_op():
    # The README's and CI's command ran it before the tests: the lite3 line is there, and a run says nothing.
    before = sorted(p.name for p in LITE3.iterdir())
    res = subprocess.run([str(ENSURE)], capture_output=True, text=True, timeout=60)
    assert (res.returncode, res.stdout, res.stderr) == (0, "", "")
    assert sorted(p.name for p in LITE3.iterdir()) == before


def test_ensure_milvus_lite_without_a_venv_is_one_line_and_a_failure(tmp_path):
    (tmp_path / "tests").mkdir()
    shutil.copy2(ENSURE, tmp_path / "tests" / ENSURE.name)
    res = subprocess.run([str(tmp_path / "tests" / ENSURE.name)], capture_output=True, text=True, timeout=60)
    assert res.returncode == 1 and res.stdout == ""
    [line] = res.stderr.splitlines()
    assert "no virtual environment" in line and "set-up" in line, line


def test_the_milvus_extra_brings_a_cpp_engine_that_imports():
    # What pyproject's [milvus] extra asks for on this platform is what is installed, and milvus-lite 2.5 imports
    # with it (its __init__ needs pkg_resources: setuptools < 81), in a process of its own.
    import tomllib
    from importlib.metadata import version

    from packaging.requirements import Requirement

    extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["milvus"]
    wanted = [r for r in map(Requirement, extra) if r.marker is None or r.marker.evaluate()]
    assert {r.name for r in wanted} >= {"pymilvus", "milvus-lite"}
    for req in wanted:
        assert req.specifier.contains(version(req.name), prereleases=True), (req, version(req.name))
    if sys.platform != "win32":
        assert {r.name for r in wanted} >= {"setuptools"} and version("milvus-lite").startswith("2.5.")
    res = subprocess.run([sys.executable, "-W", "error::ImportWarning", "-c", "import milvus_lite"],
                         capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": ""})
    assert res.returncode == 0, res.stderr[-2000:]
