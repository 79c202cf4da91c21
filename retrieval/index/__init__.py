"""The index: SQLite store + FAISS vectors + BM25, written as atomic generations (generation.py), built in named
steps (build.py) and served through ``LoadedIndex`` (live.py), the interface search and the front ends use."""

from .build import BuildReport, IndexBuilder, ProgressFn
from .generation import Generation, IndexFolder, Meta, index_folder
from .live import LiveIndex, LoadedIndex

__all__ = ["BuildReport", "Generation", "IndexBuilder", "IndexFolder", "LiveIndex", "LoadedIndex", "Meta",
           "ProgressFn", "index_folder"]
