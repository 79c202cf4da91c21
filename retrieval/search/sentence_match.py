"""How well a passage's best sentence holds the question's words: a cheap lexical pass over the head's own
sentences, so that of two passages sharing the question's words, the one where they come together in one
sentence (the answer) is preferred over one that spreads them over a long turn."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..segment.sentences import sentence_spans

Tokenize = Callable[[list[str]], list[list[str]]]


def best_sentence_coverage(texts: list[str], words: list[str], weights: np.ndarray, tokenize: Tokenize
                           ) -> np.ndarray:
    """For each text, the IDF-weighted share (0..1) of the question's ``words`` (BM25 terms, each with its
    weight in ``weights``) that its best sentence holds; 0 for a text with none of them."""
    out = np.zeros(len(texts), dtype=np.float32)
    total = float(weights.sum())
    if not words or total <= 0:
        return out
    weight = dict(zip(words, weights.tolist(), strict=True))
    for i, text in enumerate(texts):
        sentences = [text[a:b] for a, b in sentence_spans(text)]
        if sentences:
            out[i] = max(sum(weight.get(t, 0.0) for t in set(terms)) for terms in tokenize(sentences)) / total
    return out
