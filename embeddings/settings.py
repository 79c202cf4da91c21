"""The ``[model]`` section of Quoth's settings: which model encodes text, where and how."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class ModelSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = "default"
    device: str = "auto"  # auto: CUDA when present, else CPU
    query_prompt: str = ""  # e.g. "query: " for e5, "Represent this sentence for searching…: " for bge
    passage_prompt: str = ""  # e.g. "passage: " for e5
    batch_size: int = Field(0, ge=0)  # 0: one text per forward pass on a CPU, 64 on a GPU (Encoder.batch_size)
    # int8 ONNX: 29.5 passages/s and 5.1 ms a question against torch's 23.4 and 15.4 ms, at 99.4 % of torch's
    # SciFact nDCG@10 (benchmarks/RESULTS.md).
    backend: Literal["torch", "onnx", "onnx-int8"] = "onnx-int8"

    @property
    def index_suffix(self) -> str:
        """Part of an index folder's name: backends' vectors differ slightly and must not be mixed."""
        return "" if self.backend == "torch" else f"+{self.backend}"
