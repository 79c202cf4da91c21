"""The index in Milvus (``[index] backend = "milvus"``): the same passages, vectors and BM25 as the embedded
backend, in collections any number of processes and machines share.

A generation is three collections (layout.py); serving processes follow an alias that a build switches when the
generation is complete (build.py), so they all move to it together. Needs the optional ``quoth[milvus]``.
"""

from .backend import MilvusBackend

__all__ = ["MilvusBackend"]
