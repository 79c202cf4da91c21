"""Count a model's word pieces without loading the model (segmentation needs lengths, not vectors)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from .models import resolve_model


@functools.lru_cache(maxsize=8)
def token_counter(model: str) -> Callable[[str], int]:
    """A function giving the number of word pieces in a text, special tokens included."""
    resolved = resolve_model(model)
    tok_file = Path(resolved.location) / "tokenizer.json"
    if resolved.local and tok_file.is_file():
        from tokenizers import Tokenizer

        tok = Tokenizer.from_file(str(tok_file))
        tok.no_truncation()
        tok.no_padding()
        return lambda text: len(tok.encode(text).ids)
    from transformers import AutoTokenizer

    hf = AutoTokenizer.from_pretrained(resolved.location)
    return lambda text: len(hf(text, add_special_tokens=True, truncation=False)["input_ids"])
