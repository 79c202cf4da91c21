"""ONNX exports of a sentence-transformers model, made offline from the model itself and cached.

``onnx`` is the fp32 export; ``onnx-int8`` adds a dynamically quantised copy tuned for this processor's
instruction set (AVX-512 VNNI, AVX-512, AVX2 or ARM64). Both are made once, under the data directory.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import platform
import re
import shutil
import warnings
from pathlib import Path

from .models import ModelError

log = logging.getLogger("quoth.embeddings")


def quantization_target() -> str:
    """The int8 configuration: ARM64's on ARM, AVX2's (quint8) on every x86 CPU. The AVX-512 configurations
    (qint8) give other vectors: on an AVX-512 VNNI machine, "Who was knocking on doors?" fell from cosine 0.160
    to 0.13 against its passage, under the abstention floor, and answers changed with the machine. Every
    x86 CPU Quoth runs on has AVX2, and the gate and the published figures were calibrated with it."""
    if platform.machine().lower() in ("arm64", "aarch64"):
        return "arm64"
    return "avx2"


def export_folder(cache_root: Path, name: str) -> Path:
    """Where the ONNX exports of model ``name`` are kept."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")[-60:]
    return cache_root / f"{slug}-{hashlib.sha256(name.encode()).hexdigest()[:8]}-onnx"


def prepare(location: str, name: str, cache_root: Path, quantized: bool) -> tuple[str, dict]:
    """(folder to load, model_kwargs) for an ONNX backend, exporting and quantising on first use, and again
    when a file of the export is damaged on disk.

    A complete, sound export is opened without the lock or any write: the files appear by rename only when
    complete, so a read-only cache (an image's model folder owned by root, a shared one) serves as it is."""
    folder = export_folder(cache_root, name)
    if (ready := _cached(folder, name, quantized)) is not None:
        return ready
    try:
        cache_root.mkdir(parents=True, exist_ok=True)
        lock = open(cache_root / ".onnx.lock", "w")  # noqa: SIM115 - the with below holds it
    except OSError as exc:
        raise ModelError(
            f"the model cache {cache_root} holds no complete ONNX export of {name} and Quoth cannot write there "
            f"({exc.strerror or exc}): make it writable by this user, or fill it once where it is (load the "
            "model once as the folder's owner, with the full install: building an index does)") from exc
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two processes starting together export once
        if (folder / "onnx" / "model.onnx").is_file() and (bad := damaged_file(folder)) is not None:
            _forget_damaged(folder, name, *bad)
        elif (ready := _cached(folder, name, quantized)) is not None:
            return ready
        if not (folder / "onnx" / "model.onnx").is_file():
            _export(location, name, folder)
        if not quantized:
            return str(folder), {"file_name": "onnx/model.onnx"}
        if (ready := _cached(folder, name, quantized)) is not None:
            return ready
        target = quantization_target()
        try:
            made = _quantise(folder, name, target)
        except DamagedExport as exc:  # the fp32 file it is made from: export both again
            _forget_damaged(folder, name, exc.path, exc.reason)
            _export(location, name, folder)
            made = _quantise(folder, name, target)
        return str(folder), {"file_name": f"onnx/{made.name}"}


def _cached(folder: Path, name: str, quantized: bool) -> tuple[str, dict] | None:
    """The export in ``folder`` when it holds what the backend loads and its files read, else None (only
    reads: a read-only cache answers here)."""
    if not (folder / "onnx" / "model.onnx").is_file() or damaged_file(folder) is not None:
        return None
    if not quantized:
        return str(folder), {"file_name": "onnx/model.onnx"}
    target = quantization_target()
    # The exporter names the file by its int8 flavour: qint8 (AVX-512, ARM) or quint8 (AVX2).
    found = sorted((folder / "onnx").glob(f"model_q*int8_{target}.onnx"))
    if not found and (other := _other_int8(folder)) is not None and not _can_export():
        # An export carried from a machine with another instruction set still runs here, a little slower.
        log.warning("no int8 export of %s for %s; using %s (install quoth[full] to make one)", name, target,
                    other.name)
        found = [other]
    return (str(folder), {"file_name": f"onnx/{found[0].name}"}) if found else None


class DamagedExport(Exception):
    """A file of a cached export that does not read."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def damaged_file(folder: Path) -> tuple[Path, str] | None:
    """The first file of an export that does not read, and why (None: all read). Its JSON files (modules.json,
    each module's config.json, the tokenizer's) are what every load parses first; a damaged one otherwise
    surfaces as a raw decoding error, or as a model stack the fast path does not know, on every command."""
    from tokenizers import Tokenizer

    for path in sorted(folder.rglob("*.json")):
        try:
            if path.name == "tokenizer.json":
                Tokenizer.from_file(str(path))  # parses it too, and checks what json.loads would not
                continue
            data = json.loads(path.read_text(encoding="utf-8"))
        except Exception as exc:  # tokenizers raises its own Exception type on a bad file
            return path, _reason(exc)
        if not isinstance(data, list if path.name == "modules.json" else dict):
            return path, f"not a JSON {'list' if path.name == 'modules.json' else 'object'}"
    return None


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


def _forget_damaged(folder: Path, name: str, path: Path, reason: str) -> None:
    """Remove an export with a damaged file so that it is made again, saying which file; on the base install,
    which cannot export, say what to do instead."""
    from .models import ModelError

    if not _can_export():
        raise ModelError(f"the cached model file {path} is damaged ({reason}): install quoth[full] to export "
                         "the model again, or copy the models/ folder of a data directory where a full install "
                         "has run")
    log.warning("the cached model file %s is damaged (%s); exporting %s again", path, reason, name)
    shutil.rmtree(folder, ignore_errors=True)


def _export(location: str, name: str, folder: Path) -> None:
    """The fp32 export, written beside ``folder`` and renamed into place when complete."""
    from .models import sentence_transformers

    st = sentence_transformers(f"exporting {name} to ONNX (once, into {folder})")
    log.info("exporting %s to ONNX (once) in %s", name, folder)
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    st_log = logging.getLogger("sentence_transformers")
    level = st_log.level
    # "No 'model.onnx' found ... Exporting", and tracer and dtype notices: what this function is for
    st_log.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            st.SentenceTransformer(location, backend="onnx", device="cpu").save_pretrained(str(tmp))
    finally:
        st_log.setLevel(level)
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(tmp, folder)


def _quantise(folder: Path, name: str, target: str) -> Path:
    """The int8 copy of ``folder``'s export, written beside it and renamed into place when complete: a process
    killed midway leaves no half-written model that looks finished."""
    from .models import sentence_transformers

    st = sentence_transformers(f"quantising {name} to int8 (once)")
    log.info("quantising %s to int8 for %s (once)", name, target)
    try:
        model = st.SentenceTransformer(str(folder), backend="onnx", device="cpu",
                                       model_kwargs={"file_name": "onnx/model.onnx"})
    except Exception as exc:  # onnxruntime raises its own types for an unreadable model
        raise DamagedExport(folder / "onnx" / "model.onnx", _reason(exc)) from exc
    tmp = folder.with_name(folder.name + ".int8.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.WARNING)  # onnxruntime's quantiser logs every tensor at INFO on the root logger
    try:
        st.export_dynamic_quantized_onnx_model(model, target, str(tmp))
    finally:
        root.setLevel(level)
    [made] = sorted((tmp / "onnx").glob(f"model_q*int8_{target}.onnx"))
    with open(made, "rb") as fh:
        os.fsync(fh.fileno())
    final = folder / "onnx" / made.name
    os.replace(made, final)
    shutil.rmtree(tmp, ignore_errors=True)
    return final


def discard(location: str, file_name: str) -> None:
    """Remove a cached export that does not load, so that ``prepare`` makes it again: the int8 file alone, or
    the whole fp32 export (the int8 copy is made from it)."""
    path = Path(location) / file_name
    if path.name == "model.onnx":
        shutil.rmtree(location, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _other_int8(folder: Path) -> Path | None:
    found = sorted((folder / "onnx").glob("model_q*int8_*.onnx"))
    return found[0] if found else None


def _can_export() -> bool:
    import importlib.util

    return importlib.util.find_spec("sentence_transformers") is not None
