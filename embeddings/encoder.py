"""A sentence-transformers encoder giving normalised float32 vectors for passages and queries."""

from __future__ import annotations

import functools
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .models import ResolvedModel, resolve_model

log = logging.getLogger("quoth.embeddings")


@dataclass(frozen=True)
class EncoderSettings:
    model: str = "default"
    device: str = "auto"  # auto: CUDA when present, else CPU
    query_prompt: str = ""  # e.g. "query: " for e5, "Represent this sentence for searching…: " for bge
    passage_prompt: str = ""  # e.g. "passage: " for e5
    batch_size: int = 0  # 0: one text per forward pass on a CPU, 64 on a GPU (see batch_size())
    max_seq_length: int | None = None  # None: the model's own
    backend: str = "torch"  # torch | onnx | onnx-int8
    cache_dir: Path | None = None  # where ONNX exports are kept (the data directory's models/)


def pick_device(device: str) -> str:
    if device != "auto":
        return device
    try:
        import torch

        return "cuda" if torch.cuda.is_available() else "cpu"
    except ImportError:
        return "cpu"


class Encoder:
    """Loads the model once; ``encode_*`` may be called from several threads."""

    def __init__(self, settings: EncoderSettings | None = None) -> None:
        self.settings = settings or EncoderSettings()
        self.resolved: ResolvedModel = resolve_model(self.settings.model)
        self._model = None
        self._load_lock = threading.Lock()
        # Torch modules are not documented as thread-safe for concurrent forward passes; queries are
        # short, so serialising them costs little and keeps results deterministic.
        self._encode_lock = threading.Lock()

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
        device = self.device
        log.info("loading model %s (%s) on %s", self.resolved.name, backend, device)
        location, kwargs = self.resolved.location, {}
        if backend in ("onnx", "onnx-int8"):
            from .onnx import prepare
            from .onnx_model import OnnxSentenceModel, pooling_mode

            cache = self.settings.cache_dir or Path.home() / ".cache" / "quoth" / "models"
            location, model_kwargs = prepare(location, self.resolved.name, cache, quantized=backend == "onnx-int8")
            if pooling_mode(Path(location)) is not None:
                return OnnxSentenceModel(Path(location), model_kwargs["file_name"], self.settings.max_seq_length)
            kwargs = {"backend": "onnx", "model_kwargs": model_kwargs}
        elif backend != "torch":
            raise ValueError(f"unknown backend {backend!r}: use torch, onnx or onnx-int8")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # "Loading weights" bars are noise on every start
        try:
            model = SentenceTransformer(location, device=device, **kwargs)
        except OSError as exc:
            raise RuntimeError(
                f"cannot load model {self.resolved.location!r}: {exc}. Without a network, use the bundled "
                "default model or a local folder."
            ) from exc
        if self.settings.max_seq_length:
            model.max_seq_length = self.settings.max_seq_length
        return model

    @property
    def dimension(self) -> int:
        dim = self.model.get_sentence_embedding_dimension()
        if dim is None:
            dim = int(self._encode(["x"], "", False).shape[1])
        return int(dim)

    @property
    def max_tokens(self) -> int:
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

    def _encode(self, texts: list[str], prompt: str, progress: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        batch = self.batch_size()
        with self._encode_lock:
            vecs = self.model.encode(
                [prompt + t for t in texts] if prompt else texts,
                batch_size=batch,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=progress,
            )
        return np.ascontiguousarray(vecs, dtype=np.float32)

    def encode_passages(self, texts: list[str], progress: bool = False) -> np.ndarray:
        return self._encode(texts, self.settings.passage_prompt, progress)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self.settings.query_prompt, False)
