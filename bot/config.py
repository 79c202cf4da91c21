"""Configuration: one TOML file, validated; every key is documented in config.example.toml.

Looked up in order: ``--config FILE``, ``$QUOTH_CONFIG``, ``./config.toml``; with none, the defaults run the
bundled sample corpus with the bundled model. The Discord token is never read from here: only from
``$DISCORD_TOKEN``.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from retrieval.boilerplate import compile_patterns
from retrieval.corpus import SAMPLE_CORPUS, CorpusOptions
from retrieval.loaders import LoadOptions
from retrieval.segment import SegmentOptions


class ConfigError(ValueError):
    """The config cannot be used; the message names the file, the key and the problem."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CorpusConfig(_Section):
    path: str = ""
    boilerplate: list[str] = []
    max_file_bytes: int = Field(20_000_000, gt=0)
    jsonl_text_field: str = "text"
    jsonl_title_field: str = "title"

    @field_validator("boilerplate")
    @classmethod
    def _valid_patterns(cls, v: list[str]) -> list[str]:
        return compile_patterns(v)


class DataConfig(_Section):
    dir: str = ""


class ModelConfig(_Section):
    name: str = "default"
    device: str = "auto"
    query_prompt: str = ""
    passage_prompt: str = ""
    batch_size: int = Field(0, ge=0)  # 0: 1 on a CPU, 64 on a GPU
    # int8 ONNX: 29.5 passages/s and 5.1 ms a question against torch's 23.4 and 15.4 ms, at 99.4 % of torch's
    # SciFact nDCG@10 (benchmarks/RESULTS.md).
    backend: Literal["torch", "onnx", "onnx-int8"] = "onnx-int8"


class SegmentConfig(_Section):
    max_tokens: int = Field(0, ge=0)  # 0: the model's own limit
    min_words: int = Field(8, ge=0)


class IndexConfig(_Section):
    type: Literal["auto", "flat", "hnsw", "ivf"] = "auto"
    bm25_k1: float = Field(0.9, gt=0.0)
    bm25_b: float = Field(0.4, ge=0.0, le=1.0)


class SearchConfig(_Section):
    k: int = Field(3, ge=1, le=50)
    fusion: Literal["linear", "rrf"] = "linear"
    rrf_k: int = Field(60, ge=1)
    dense_weight: float = Field(0.5, ge=0.0, le=1.0)
    candidates: int = Field(100, ge=1)
    min_relevance: float | None = Field(None, ge=-1.0, le=1.0)  # None: the calibrated default for the model
    min_coverage: float | None = Field(None, ge=0.0, le=1.0)
    lexical_floor: float | None = Field(None, ge=-1.0, le=1.0)
    dedup_similarity: float = Field(0.9, gt=0.0, le=1.0)
    rerank_model: str = ""


class BotConfig(_Section):
    answer_in_thread: bool = False
    admin_user_ids: list[int] = []
    admin_role_ids: list[int] = []
    dev_guild_ids: list[int] = []
    cooldown_questions: int = Field(5, ge=1)
    cooldown_seconds: float = Field(30.0, gt=0)
    max_question_chars: int = Field(300, ge=10, le=4000)


class Config(_Section):
    corpus: CorpusConfig = CorpusConfig()
    data: DataConfig = DataConfig()
    model: ModelConfig = ModelConfig()
    segment: SegmentConfig = SegmentConfig()
    index: IndexConfig = IndexConfig()
    search: SearchConfig = SearchConfig()
    bot: BotConfig = BotConfig()
    source: Path | None = Field(None, exclude=True)  # the file it came from

    def corpus_dir(self) -> Path:
        if not self.corpus.path:
            return SAMPLE_CORPUS
        return self._relative(self.corpus.path)

    def model_cache_dir(self) -> Path:
        """Where ONNX exports of the model are kept: $QUOTH_MODEL_CACHE, else the data directory's models/."""
        env = os.environ.get("QUOTH_MODEL_CACHE")
        return Path(env).expanduser() if env else self.data_dir() / "models"

    def data_dir(self) -> Path:
        if self.data.dir:
            return self._relative(self.data.dir)
        if os.environ.get("QUOTH_DATA_DIR"):
            return Path(os.environ["QUOTH_DATA_DIR"]).expanduser()
        return Path(platformdirs.user_data_dir("quoth", appauthor=False))

    def _relative(self, value: str) -> Path:
        p = Path(value).expanduser()
        if not p.is_absolute() and self.source is not None:
            p = self.source.parent / p
        return p


def find_config(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    if os.environ.get("QUOTH_CONFIG"):
        return Path(os.environ["QUOTH_CONFIG"])
    local = Path("config.toml")
    return local if local.is_file() else None


def load_config(explicit: str | None = None) -> Config:
    path = find_config(explicit)
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"config file {path} does not exist") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    if "token" in data.get("bot", {}) or "discord_token" in data.get("bot", {}):
        raise ConfigError(f"{path}: bot.token: the Discord token is read from $DISCORD_TOKEN only, "
                          "never from a file; remove it from the config")
    try:
        cfg = Config.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"{path}: invalid config: {problems}") from exc
    return cfg.model_copy(update={"source": path.resolve()})


def corpus_options(cfg: Config, max_tokens: int) -> CorpusOptions:
    """What the loaders and the segmenter need from the config."""
    return CorpusOptions(
        load=LoadOptions(max_bytes=cfg.corpus.max_file_bytes, jsonl_text_field=cfg.corpus.jsonl_text_field,
                         jsonl_title_field=cfg.corpus.jsonl_title_field),
        segment=SegmentOptions(max_tokens=cfg.segment.max_tokens or max_tokens, min_words=cfg.segment.min_words,
                               boilerplate=tuple(cfg.corpus.boilerplate)),
    )
