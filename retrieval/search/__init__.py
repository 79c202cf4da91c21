"""Finding quotes for a question: hybrid candidates, fusion, the abstention gate, de-duplication."""

from .searcher import Searcher, SearchResult

__all__ = ["SearchResult", "Searcher"]
