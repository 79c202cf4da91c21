"""Count a model's word pieces without loading the model (segmentation needs lengths, not vectors)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from .models import resolve_model


class TokenCount:
    """``count(text)`` → word pieces, special tokens included; ``count.batch(texts)`` does many at once
    (the Rust tokenizer's batch call is far cheaper than one call per sentence)."""

    def __init__(self, one: Callable[[str], int], many: Callable[[list[str]], list[int]]) -> None:
        self._one = one
        self.batch = many

    def __call__(self, text: str) -> int:
        return self._one(text)


@functools.lru_cache(maxsize=8)
def token_counter(model: str, cache_dir: Path | None = None) -> TokenCount:
    """The model's word-piece counter (``cache_dir``: where its ONNX export may be, see resolve_model)."""
    resolved = resolve_model(model, cache_dir)
    tok_file = Path(resolved.location) / "tokenizer.json"
    if resolved.local and tok_file.is_file():
        from tokenizers import Tokenizer

        try:
            tok = Tokenizer.from_file(str(tok_file))
        except Exception as exc:  # tokenizers raises its own Exception type on a bad file
            from .models import ModelError

            raise ModelError(f"the model file {tok_file} is damaged ({str(exc)[:200] or type(exc).__name__}): "
                             "install quoth[full] to export the model again, or copy the models/ folder of a data "
                             "directory where a full install has run") \
                from exc
        tok.no_truncation()
        tok.no_padding()
        return TokenCount(lambda text: len(tok.encode(text).ids),
                          lambda texts: [len(e.ids) for e in tok.encode_batch(texts)] if texts else [])
    from .models import sentence_transformers

    sentence_transformers(f"counting the word pieces of {resolved.name}")  # transformers comes with it
    from transformers import AutoTokenizer

    hf = AutoTokenizer.from_pretrained(resolved.location)

    def one(text: str) -> int:
        return len(hf(text, add_special_tokens=True, truncation=False)["input_ids"])

    return TokenCount(one, lambda texts: [one(t) for t in texts])
