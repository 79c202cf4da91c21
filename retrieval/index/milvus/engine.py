"""What the Milvus server at hand can do, and the serving pointer built on it.

Milvus standalone/cluster has nullable fields, HNSW and aliases; Milvus Lite's C++ engine (milvus-lite 2.5) has
none of them, and milvus-lite 3.x has its own set. Which one a URI reaches is learnt from the server's own
answers (an UNIMPLEMENTED alias call, a refused nullable field or index type), never from a version string: a
version says little about a build's options. Learnt once per connection.

The serving pointer names the generation readers use: the alias ``P_serving`` where the server has aliases,
else a one-row collection ``P_serving`` switched by one upsert (a row is replaced whole: a reader sees the old
generation or the new one, never half of a publish).
"""

from __future__ import annotations

import logging
import threading
import uuid
import weakref
from dataclasses import dataclass

from ...errors import IndexUnavailable
from . import layout
from .connection import Milvus
from .layout import MilvusGeneration

log = logging.getLogger("quoth.index")
DENSE_KINDS = ("HNSW", "IVF_FLAT")  # FLAT is not asked about: every Milvus has exact search
_POINTER_KEY = 0  # the one row of a pointer collection


@dataclass(frozen=True)
class Capabilities:
    aliases: bool
    nullable: bool
    dense_indexes: frozenset[str]


_learnt: weakref.WeakKeyDictionary[Milvus, Capabilities] = weakref.WeakKeyDictionary()
_aliases: weakref.WeakKeyDictionary[Milvus, bool] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def has_aliases(milvus: Milvus) -> bool:
    """Whether the server has aliases: a read (list_aliases), so a read-only reader can learn it too."""
    with _lock:
        if milvus in _aliases:
            return _aliases[milvus]
    try:
        milvus.list_aliases()
        found = True
    except IndexUnavailable as exc:
        if "UNIMPLEMENTED" not in str(exc):  # gRPC's word for a call the server does not have
            raise
        found = False
    with _lock:
        _aliases[milvus] = found
    return found


def capabilities(milvus: Milvus) -> Capabilities:
    """All the server can do, learnt by trying on a scratch collection (dropped again): for builds."""
    with _lock:
        if milvus in _learnt:
            return _learnt[milvus]
    caps = Capabilities(has_aliases(milvus), _try_nullable(milvus), frozenset({"FLAT", *_try_indexes(milvus)}))
    log.info("Milvus at %s: aliases %s, nullable fields %s, dense indexes %s", milvus.uri, caps.aliases,
             caps.nullable, ", ".join(sorted(caps.dense_indexes)))
    with _lock:
        _learnt[milvus] = caps
    return caps


def _scratch(milvus: Milvus, nullable: bool):
    from pymilvus import DataType

    s = milvus.client.create_schema(auto_id=False)
    s.add_field("id", DataType.INT64, is_primary=True)
    s.add_field("v", DataType.FLOAT_VECTOR, dim=2)
    if nullable:
        s.add_field("n", DataType.VARCHAR, max_length=8, nullable=True)
    return s


def _scratch_name() -> str:
    return f"quoth_probe_{uuid.uuid4().hex[:12]}"


def _drop(milvus: Milvus, name: str) -> None:
    if name in milvus.list_collections():  # a refused index can leave its collection behind
        milvus.drop_collection(name)


def _try_nullable(milvus: Milvus) -> bool:
    name = _scratch_name()
    try:
        milvus.create_collection(name, schema=_scratch(milvus, nullable=True))
        return True
    except IndexUnavailable as exc:
        if "nullable" not in str(exc).lower():
            raise
        return False
    finally:
        _drop(milvus, name)


def _try_indexes(milvus: Milvus) -> set[str]:
    """The dense index types of ``DENSE_KINDS`` the server builds, each tried on a scratch collection of its own
    (an index once made is loaded, and some servers refuse to drop a loaded one)."""
    accepted = set()
    for kind, params in (("HNSW", {"M": 8, "efConstruction": 16}), ("IVF_FLAT", {"nlist": 1})):
        name = _scratch_name()
        ip = milvus.client.prepare_index_params()
        ip.add_index("v", index_type=kind, metric_type="IP", params=params)
        try:
            milvus.create_collection(name, schema=_scratch(milvus, nullable=False), index_params=ip)
            accepted.add(kind)
        except IndexUnavailable as exc:  # refused: the message names the type, or what the server does accept
            if str(exc).startswith("cannot reach"):
                raise
            log.debug("Milvus at %s refused a %s index: %s", milvus.uri, kind, exc)
        finally:
            _drop(milvus, name)
    return accepted


class ServingPointer:
    """Which generation of ``prefix`` serves: the one helper every reader, publish and drop goes through."""

    def __init__(self, milvus: Milvus, prefix: str) -> None:
        self.milvus, self.prefix, self.name = milvus, prefix, layout.alias(prefix)

    def get(self) -> MilvusGeneration | None:
        if has_aliases(self.milvus):
            if self.name not in self.milvus.list_aliases().get("aliases", []):
                return None
            return MilvusGeneration.of_collection(self.milvus.describe_alias(self.name)["collection_name"],
                                                  self.prefix)
        if self.name not in self.milvus.list_collections():
            return None
        found = self.milvus.get(self.name, ids=[_POINTER_KEY], output_fields=["generation"])
        return MilvusGeneration(int(found[0]["generation"]), self.prefix) if found else None

    def set(self, gen: MilvusGeneration) -> None:
        """Point at ``gen``: for every reader at once."""
        if has_aliases(self.milvus):
            if self.name in self.milvus.list_aliases().get("aliases", []):
                self.milvus.alter_alias(gen.passages, self.name)
            else:
                self.milvus.create_alias(gen.passages, self.name)
            return
        if self.name not in self.milvus.list_collections():
            layout.create_pointer(self.milvus, self.name)
        self.milvus.upsert(self.name, [layout.pointer_row(_POINTER_KEY, gen.number)])

    def clear(self) -> None:
        """No generation serves (Milvus refuses to drop a collection an alias names: this goes first)."""
        if has_aliases(self.milvus):
            if self.name in self.milvus.list_aliases().get("aliases", []):
                self.milvus.drop_alias(self.name)
        elif self.name in self.milvus.list_collections():
            self.milvus.drop_collection(self.name)
