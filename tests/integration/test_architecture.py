"""The house rules, checked on the code itself: what installs, and which package may import which."""

from __future__ import annotations

import ast
import importlib.metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIBRARY, ENCODER, FRONT_ENDS = ROOT / "retrieval", ROOT / "embeddings", ROOT / "bot"


def imports(folder: Path) -> dict[str, set[str]]:
    """Absolute module names each file under ``folder`` imports (relative imports resolved)."""
    package = {LIBRARY: "quoth", ENCODER: "quoth.embeddings", FRONT_ENDS: "quoth.bot"}[folder]
    out = {}
    for path in folder.rglob("*.py"):
        rel = path.relative_to(folder).with_suffix("").parts
        here = [*package.split("."), *rel]
        if rel[-1] != "__init__":
            here = here[:-1]
        found = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = here[: len(here) - node.level + 1] if node.level else []
                found.add(".".join([*base, *(node.module or "").split(".")]).strip("."))
        out[str(path.relative_to(ROOT))] = found
    return out


def test_the_distribution_installs_only_the_quoth_package():
    top = importlib.metadata.distribution("quoth").read_text("top_level.txt").split()
    assert top == ["quoth"]


def test_nothing_imports_the_folders_by_their_generic_names():
    for folder in (LIBRARY, ENCODER, FRONT_ENDS):
        for path, names in imports(folder).items():
            bad = {n for n in names if n.split(".")[0] in ("bot", "retrieval", "embeddings")}
            assert not bad, (path, bad)


def test_arrows_go_front_ends_to_library_to_encoder_never_back():
    for path, names in imports(LIBRARY).items():
        assert not any(n.startswith("quoth.bot") for n in names), path
        encoder = {n for n in names if n.startswith("quoth.embeddings")}
        # The composition root builds the encoder; settings and the model section are the only other users.
        assert not encoder or path in ("retrieval/app.py", "retrieval/settings.py"), (path, encoder)
    for path, names in imports(ENCODER).items():
        assert all(not n.startswith("quoth") or n.startswith("quoth.embeddings") for n in names), path


def test_functions_stay_short():
    for folder in (LIBRARY, ENCODER, FRONT_ENDS):
        for path in folder.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    length = node.end_lineno - node.lineno + 1
                    assert length <= 60, (path, node.name, length)


def test_every_package_folder_is_in_the_distribution():
    """pyproject lists packages by hand (the folders install under other names): a folder left off installs
    from a checkout but is missing from a wheel."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    for folder, package in ((LIBRARY, "quoth"), (ENCODER, "quoth.embeddings"), (FRONT_ENDS, "quoth.bot")):
        for init in folder.rglob("__init__.py"):
            name = ".".join([package, *init.parent.relative_to(folder).parts])
            assert name in listed, f"{name} ({init.parent.relative_to(ROOT)}) is not in pyproject's packages"


def test_the_milvus_client_is_imported_only_by_the_milvus_backend():
    """The default install has no pymilvus: nothing outside index/milvus may need it."""
    for path, names in imports(LIBRARY).items():
        if any(n.startswith("pymilvus") for n in names):
            assert path.startswith("retrieval/index/milvus/"), path
