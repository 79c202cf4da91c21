"""An encoder giving normalised float32 vectors for passages and queries.

ONNX backends run through onnxruntime alone (``onnx_model``) for the common Transformer → Pooling stack;
sentence-transformers (and torch) are imported only to export a model once, for the torch backend, or for
stacks the ONNX runner does not cover.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from .models import ModelError, ResolvedModel, configured_max_length, resolve_model, sentence_transformers
from .settings import ModelSettings

log = logging.getLogger("quoth.embeddings")


def pick_device(device: str) -> str:
    if device != "auto":
        return device
    try:
        import torch
    except ImportError:
        return "cpu"
    return "cuda" if torch.cuda.is_available() else "cpu"


ENCODE_CHUNK = 32  # texts encoded per turn of the encode lock


class Encoder:
    """Loads the model once; ``encode_*`` may be called from several threads."""

    def __init__(self, settings: ModelSettings | None = None, cache_dir: Path | None = None) -> None:
        self.settings = settings or ModelSettings()
        self.cache_dir = cache_dir or Path.home() / ".cache" / "quoth" / "models"  # where ONNX exports live
        self.resolved: ResolvedModel = resolve_model(self.settings.name, self.cache_dir)
        self._model = None
        self._load_lock = threading.Lock()
        # Torch modules are not documented as thread-safe for concurrent forward passes; queries are
        # short, so serialising them costs little and keeps results deterministic.
        self._encode_lock = threading.Lock()
        self._count_lock = threading.Lock()
        self._questions_waiting = 0

    @property
    def name(self) -> str:
        return self.resolved.name

    @functools.cached_property
    def device(self) -> str:
        # ONNX runs on onnxruntime's CPU provider; only torch needs (and imports) a device choice.
        return "cpu" if self.settings.backend.startswith("onnx") else pick_device(self.settings.device)

    @property
    def model(self):
        if self._model is None:
            with self._load_lock:
                if self._model is None:
                    self._model = self._load()
        return self._model

    def _load(self):
        backend = self.settings.backend
        log.info("loading model %s (%s) on %s", self.resolved.name, backend, self.device)
        location, kwargs = self.resolved.location, {}
        if backend in ("onnx", "onnx-int8"):
            from .onnx import prepare
            from .onnx_model import pooling_mode

            location, model_kwargs = prepare(location, self.resolved.name, self.cache_dir,
                                             quantized=backend == "onnx-int8")
            if pooling_mode(Path(location)) is not None:
                return self._onnx(location, model_kwargs["file_name"], backend)
            kwargs = {"backend": "onnx", "model_kwargs": model_kwargs}
        elif backend != "torch":
            raise ModelError(f"unknown backend {backend!r}: use torch, onnx or onnx-int8")
        st = sentence_transformers(f"the {backend} backend for {self.resolved.name}")
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # "Loading weights" bars are noise on every start
        try:
            return st.SentenceTransformer(location, device=self.device, **kwargs)
        except OSError as exc:
            raise ModelError(
                f"cannot load model {self.resolved.location!r}: {exc}. Without a network, use the bundled "
                "default model or a local folder."
            ) from exc

    def _onnx(self, location: str, file_name: str, backend: str):
        """The cached export, made again (once, with a warning) when it does not load: a file damaged on disk
        or left by an older, interrupted Quoth must not stop every later command."""
        from .onnx import discard, prepare
        from .onnx_model import OnnxSentenceModel

        try:
            return OnnxSentenceModel(Path(location), file_name)
        except Exception as exc:  # onnxruntime raises its own types for an unreadable model
            log.warning("the cached model %s does not load (%s); making it again", Path(location) / file_name,
                        str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__)
        discard(location, file_name)
        location, model_kwargs = prepare(self.resolved.location, self.resolved.name, self.cache_dir,
                                         quantized=backend == "onnx-int8")
        try:
            return OnnxSentenceModel(Path(location), model_kwargs["file_name"])
        except Exception as exc:
            raise ModelError(f"cannot load the model export {Path(location) / model_kwargs['file_name']}: {exc}") \
                from exc

    @property
    def dimension(self) -> int:
        dim = self.model.get_sentence_embedding_dimension()
        if dim is None:
            dim = int(self._encode(["x"], "", False).shape[1])
        return int(dim)

    @functools.cached_property
    def max_tokens(self) -> int:
        """The model's input limit in word pieces; read from its folder when it says, so segmenting a corpus
        does not load (or export) the model."""
        if self.resolved.local and (n := configured_max_length(self.resolved.location)):
            return n
        return int(self.model.max_seq_length or 512)

    def batch_size(self) -> int:
        """Texts per forward pass.

        Dynamic int8 quantisation scales each run's activations by their largest value, padding and
        batch-mates included, so a text's vector would depend on what it was batched with (a full build and
        an update would disagree): int8 encodes one text per run, which is also closer to fp32 (cosine 0.9909
        against 0.9902). On a CPU one text per run is fastest for every backend (benchmarks/encoders.py,
        2 cores: torch 25.8 against 18.5 passages/s at 64, onnx 33.0 against 19.1): a batch's activations
        outgrow the caches and padding is wasted work. A GPU needs batches.
        """
        if self.settings.backend == "onnx-int8":
            return 1
        if self.settings.batch_size:
            return self.settings.batch_size
        return 1 if self.device == "cpu" else 64

    @contextlib.contextmanager
    def _turn(self, urgent: bool) -> Iterator[None]:
        """The encode lock; an ``urgent`` caller (a question) is counted while it waits, so that builds yield."""
        if not urgent:
            with self._encode_lock:
                yield
            return
        with self._count_lock:
            self._questions_waiting += 1
        try:
            self._encode_lock.acquire()
        finally:
            with self._count_lock:
                self._questions_waiting -= 1
        try:
            yield
        finally:
            self._encode_lock.release()

    def _encode(self, texts: list[str], prompt: str, progress: bool, urgent: bool = False) -> np.ndarray:
        """Vectors of ``texts``, encoded a chunk at a time: the lock is taken per chunk, so a question asked
        during a build waits for one chunk of it, not for the whole build (benchmarks/bot_load.py)."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        batch = self.batch_size()
        step = max(ENCODE_CHUNK, batch)
        bar = None
        if progress and len(texts) > step:
            from tqdm import tqdm

            bar = tqdm(total=len(texts), desc="Embedding", unit="passage")
        parts = []
        for i in range(0, len(texts), step):
            chunk = texts[i:i + step]
            # A lock is not fair: a build that releases it takes it straight back. Questions go first.
            while not urgent and self._questions_waiting:
                time.sleep(0.002)
            with self._turn(urgent):
                vecs = self.model.encode([prompt + t for t in chunk] if prompt else chunk, batch_size=batch,
                                         normalize_embeddings=True, convert_to_numpy=True,
                                         show_progress_bar=progress and bar is None)
            parts.append(np.ascontiguousarray(vecs, dtype=np.float32))
            if bar is not None:
                bar.update(len(chunk))
        if bar is not None:
            bar.close()
        return parts[0] if len(parts) == 1 else np.concatenate(parts)

    def encode_passages(self, texts: list[str], progress: bool = False) -> np.ndarray:
        return self._encode(texts, self.settings.passage_prompt, progress)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self.settings.query_prompt, False, urgent=True)
