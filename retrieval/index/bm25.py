"""BM25 over passages' searchable text with bm25s: the corpus language's stop words and Snowball stemming,
symbols read as words, Chinese, Japanese and Korean as character pairs, and split spellings ("Mc Donnell")
joined where the corpus also writes them as one word."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from pathlib import Path

import bm25s
import numpy as np
import Stemmer

from ..language import Language
from ..language import get as get_language
from ..settings import IndexSettings

# Bump when tokenisation changes: an index whose BM25 was made by another version is rebuilt (BM25 only,
# no re-embedding) before it answers, since queries must be tokenised the way the passages were.
# 4: the corpus's language decides stemmer and stop words; Chinese, Japanese and Korean read as character pairs.
ANALYZER_VERSION = 4
# Symbols that stand for words: "60%" answers "what percentage", "£7bn" answers "how many pounds". The
# token pattern would drop them, so each becomes the word a question uses; "per cent" and "percentage" the same.
_SYMBOL = re.compile(r"[%£$€]|\bper ?cent(?:age)?s?\b")
_SYMBOL_WORD = {"£": " pound ", "$": " dollar ", "€": " euro "}
# Han, kana and hangul: scripts written without spaces between words. Each run becomes its overlapping pairs
# of characters, as Lucene's CJK analyzer does: without a dictionary, pairs find words where whole runs
# (a sentence each) never would.
_CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CJK = re.compile(f"[{_CJK_CHARS}]+")
_WORD = re.compile(rf"(?u)\b\w\w+\b|[{_CJK_CHARS}]")  # bm25s' default token pattern, and lone CJK characters


def _cjk_pairs(m: re.Match) -> str:
    run = m.group()
    return " " + (" ".join(run[i:i + 2] for i in range(len(run) - 1)) if len(run) > 1 else run) + " "


def _words(text: str) -> list[str]:
    text = _SYMBOL.sub(lambda m: _SYMBOL_WORD.get(m.group(), " percent "), text.lower())
    return _WORD.findall(_CJK.sub(_cjk_pairs, text))


class Analyzer:
    """How one language's text becomes BM25 terms: lowercase words of 2+ characters (symbols as words), its
    stop words dropped, Snowball stems. Done here for corpus and queries alike: bm25s.tokenize costs ~0.4 ms
    a call in set-up alone, a tenth of a question's budget."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._stemmer = Stemmer.Stemmer(language.stemmer) if language.stemmer else None
        self._stop = language.stopwords

    @property
    def code(self) -> str:
        return self.language.code

    def stems(self, words: list[str]) -> list[str]:
        kept = [w for w in words if w not in self._stop]
        return self._stemmer.stemWords(kept) if self._stemmer else kept

    def pairs(self, words: list[str]) -> list[str]:
        """Adjacent words written as one, stop words apart."""
        stop = self._stop
        return [a + b for a, b in itertools.pairwise(words) if a not in stop and b not in stop]

    def tokenize(self, texts: list[str]) -> list[list[str]]:
        return [self.stems(_words(text)) for text in texts]

    def passage_tokens(self, text_words: list[str], seen: set[str] | frozenset[str]) -> list[str]:
        """A passage's BM25 tokens: its stemmed words, plus each pair of adjacent words joined where ``seen``
        (the corpus's words) writes them as one (see ``build``). Every backend tokenises passages with this."""
        joined = [w for w in self.pairs(text_words) if w in seen]
        return self.stems(text_words) + (self.stems(joined) if joined else [])

    def query_terms(self, query: str, known: Callable[[list[str]], set[str]]) -> list[str]:
        """The query's stemmed words, stop words removed (unknown words kept: coverage counts them), plus
        adjacent words joined where ``known`` (the index's vocabulary) has the joined word."""
        text_words = _words(query)
        pairs = self.stems(self.pairs(text_words))
        found = known(pairs) if pairs else set()
        return list(dict.fromkeys(self.stems(text_words) + [t for t in pairs if t in found]))


_ANALYZERS: dict[str, Analyzer] = {}


def analyzer(language: str = "en") -> Analyzer:
    """The analyzer for a language code (one per language, kept: a stemmer keeps a cache of its words)."""
    lang = get_language(language)
    if lang.code not in _ANALYZERS:
        _ANALYZERS[lang.code] = Analyzer(lang)
    return _ANALYZERS[lang.code]


ENGLISH = analyzer("en")


def tokenize(texts: list[str], analyzer: Analyzer = ENGLISH) -> list[list[str]]:
    return analyzer.tokenize(texts)


# A word no text yields (words are \w runs), so no question matches it.
UNMATCHABLE = "\x00"
DEFAULT_K1 = IndexSettings.model_fields["bm25_k1"].default
DEFAULT_B = IndexSettings.model_fields["bm25_b"].default


def words(text: str) -> list[str]:
    """A text's words as BM25 reads them, before stop words and stemming."""
    return _words(text)


def build(texts: list[str], k1: float = DEFAULT_K1, b: float = DEFAULT_B, analyzer: Analyzer = ENGLISH) -> bm25s.BM25:
    """BM25 over ``texts``, where two adjacent words that the corpus also writes as one word ("Mc Donnell"
    and "McDonnell", "health care" and "healthcare") also count as that word, so either spelling finds both.
    Only joins the corpus itself attests are added: joining every pair would blur length normalisation and
    cost SciFact 0.016 nDCG@10, the attested ones gain 0.003 on train and 0.004 on test (hybrid)."""
    seen: set[str] = set()
    for text in texts:
        seen.update(_words(text))
    # Words are read twice rather than kept: at a million passages the lists would take gigabytes.
    tokens = [analyzer.passage_tokens(_words(text), seen) for text in texts]
    if texts and not any(tokens):
        # Only stop words in the whole corpus ("Hello there."): bm25s cannot index an empty vocabulary. One word
        # no text can yield (words are \w runs) lets it, and no question ever matches it: search is dense alone.
        tokens[0] = [UNMATCHABLE]
    retriever = bm25s.BM25(k1=k1, b=b)
    retriever.index(tokens, show_progress=False)
    return retriever


def save(retriever: bm25s.BM25, folder: Path) -> None:
    retriever.save(str(folder))


MAX_WEIGHT = 1e3


def load(folder: Path) -> bm25s.BM25:
    """The saved index, memory-mapped; ``ValueError`` when its arrays do not fit together (a damaged file)."""
    retriever = bm25s.BM25.load(str(folder), mmap=True, show_progress=False)
    sc = retriever.scores
    data, indices, indptr = sc["data"], sc["indices"], sc["indptr"]
    if data.shape != indices.shape or indptr.ndim != 1 or len(indptr) > len(retriever.vocab_dict) + 1 \
            or (len(indptr) and int(indptr[-1]) != len(data)):
        raise ValueError("its score arrays do not fit together")
    if len(indices) and (int(indices.min()) < 0 or int(indices.max()) >= int(sc["num_docs"])):
        raise ValueError("it scores passages that do not exist")
    # A word's BM25 weight is positive and bounded by idf · (k1 + 1): garbled floats are neither.
    if len(data) and not (np.all(np.isfinite(data)) and float(data.min()) >= 0 and float(data.max()) < MAX_WEIGHT):
        raise ValueError("its word weights are not BM25 weights")
    return retriever


def size(retriever: bm25s.BM25) -> int:
    """How many passages the index scores."""
    return int(retriever.scores["num_docs"])


def query_tokens(retriever: bm25s.BM25, query: str, analyzer: Analyzer = ENGLISH) -> list[str]:
    """The query's terms (``Analyzer.query_terms``) for this index's vocabulary."""
    vocab = retriever.vocab_dict
    return analyzer.query_terms(query, lambda terms: {t for t in terms if t in vocab})


def scores(retriever: bm25s.BM25, query: str | list[str], mask: np.ndarray | None = None,
           analyzer: Analyzer = ENGLISH) -> np.ndarray:
    """BM25 score of every passage for ``query`` (zeros when no query word is in the vocabulary)."""
    words = query_tokens(retriever, query, analyzer) if isinstance(query, str) else query
    tokens = [t for t in words if t in retriever.vocab_dict]
    n = int(retriever.scores["num_docs"])
    if not tokens:
        return np.zeros(n, dtype=np.float32)
    out = retriever.get_scores(tokens, weight_mask=mask)
    return np.asarray(out, dtype=np.float32)


def idf(df: int, n: int) -> float:
    """A word's inverse document frequency as bm25s's Lucene method scores it (df 0: the highest there is)."""
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def term_weights(retriever: bm25s.BM25, tokens: list[str]) -> np.ndarray:
    """Each query term's IDF; a term the corpus has never seen gets the highest (as ``coverage`` counts it)."""
    indptr = retriever.scores["indptr"]
    n = int(retriever.scores["num_docs"])
    ids = [retriever.vocab_dict.get(t) for t in tokens]
    return np.array([idf(0 if i is None else int(indptr[i + 1] - indptr[i]), n) for i in ids], dtype=np.float32)


def coverage(retriever: bm25s.BM25, query: str | list[str], rows: np.ndarray,
             analyzer: Analyzer = ENGLISH) -> np.ndarray:
    """IDF-weighted share of the query's words that occur in each passage of ``rows`` (0..1).

    A word the corpus has never seen counts with the highest IDF: a question about something absent
    from the corpus ("Tesco", "Python") is mostly uncovered, whatever else it shares.
    """
    tokens = query_tokens(retriever, query, analyzer) if isinstance(query, str) else query
    if not tokens or not len(rows):
        return np.zeros(len(rows), dtype=np.float32)
    indptr = retriever.scores["indptr"]
    indices = retriever.scores["indices"]
    n = int(retriever.scores["num_docs"])
    max_idf = idf(0, n)
    total = 0.0
    got = np.zeros(len(rows), dtype=np.float64)
    for t in tokens:
        tid = retriever.vocab_dict.get(t)
        if tid is None:
            total += max_idf
            continue
        docs = np.asarray(indices[indptr[tid]:indptr[tid + 1]])  # sorted: a CSC column
        weight = idf(len(docs), n)
        total += weight
        if len(docs):
            pos = np.minimum(np.searchsorted(docs, rows), len(docs) - 1)
            got += weight * (docs[pos] == rows)
    return (got / total).astype(np.float32) if total > 0 else np.zeros(len(rows), dtype=np.float32)
