"""The Milvus layout, owned here alone: collection names, schemas, the alias, how BM25 terms are written.

Generation ``N`` of prefix ``P`` is four collections:

- ``P_gNNNNNN_passages``: one row per passage — its text and search text, speaker, role, offsets, document
  path, the dense vector, and ``lexical`` (its BM25 terms, see ``lexical_text``) with the sparse BM25 vector
  Milvus makes from it;
- ``P_gNNNNNN_windows``: the extra vectors of long passages (index/windows.py), one row per window: its
  passage's id (``owner``), and the passage's document path and speaker, so that the filters apply to it;
- ``P_gNNNNNN_terms``: each BM25 term and how many passages hold it (coverage and idf need the counts);
- ``P_gNNNNNN_records``: documents (metadata, key, text in parts), speakers, the build's and shards' notes, meta.

Serving processes follow ``P_serving`` (engine.py: an alias naming the serving generation's passages collection,
or a one-row collection holding its number where the server has no aliases); the others are found by name.

Format 3 runs on servers without nullable fields (a missing speaker, reply, locator or attribution is written
``""`` there and read back as None) and keeps NUL out of record keys (Milvus Lite refuses them in upserts and
deletes): a key is its kind, ``:``, then its parts (``doc:PATH``, ``text:000001:PATH``).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

FORMAT = 3  # bump when the collections' fields change: an index in another format is rebuilt (2: windows, 3: keys)
PARTS = ("passages", "windows", "terms", "records")
TEXT_MAX = 65535  # Milvus's longest VARCHAR, in bytes
PATH_MAX = 4096
NAME_MAX = 1024
ATTRIBUTION_MAX = 4096  # a passage's speaker evidence (JSON); longer is cut to what fits, evidence last
KEY_MAX = PATH_MAX + 64
# Milvus wants a vector field in every collection; terms and records have none of their own, so they carry
# this two-dimensional placeholder, always zero.
PLACEHOLDER = [0.0, 0.0]
_NAME_RE = re.compile(r"^(?P<prefix>[A-Za-z][A-Za-z0-9_]*)_g(?P<n>\d{6})_(?P<part>passages|windows|terms|records)$")
_PLAIN_TERM = re.compile(r"[a-z0-9]{1,40}")
_INDEX_PARAMS = {"FLAT": {}, "HNSW": {"M": 32, "efConstruction": 80}, "IVF_FLAT": {"nlist": 1024}}
_NAMED = {"flat": "FLAT", "hnsw": "HNSW", "ivf": "IVF_FLAT"}
SEARCH_PARAMS = {"FLAT": {}, "HNSW": {"ef": 128}, "IVF_FLAT": {"nprobe": 32}}


@dataclass(frozen=True, order=True)
class MilvusGeneration:
    number: int
    prefix: str

    @property
    def name(self) -> str:
        return f"g{self.number:06d}"

    def collection(self, part: str) -> str:
        return f"{self.prefix}_{self.name}_{part}"

    @property
    def passages(self) -> str:
        return self.collection("passages")

    @property
    def windows(self) -> str:
        return self.collection("windows")

    @property
    def terms(self) -> str:
        return self.collection("terms")

    @property
    def records(self) -> str:
        return self.collection("records")

    @classmethod
    def of_collection(cls, name: str, prefix: str) -> MilvusGeneration | None:
        m = _NAME_RE.match(name)
        return cls(int(m.group("n")), prefix) if m and m.group("prefix") == prefix else None


PREFIX_MAX = 31  # index.milvus_prefix's longest (settings.py's pattern): its collection names stay short


def tenant_prefix(base: str, guild_id: int) -> str:
    """The collection prefix of one Discord server's corpus beside the deployment's own ``base`` prefix: ``base``
    then ``_g`` and the server's id, so one Milvus holds every server's collections apart. Names parse back
    unambiguously (``_NAME_RE`` reads the generation from the end: ``base_g42_g000001_passages`` is prefix
    ``base_g42``, never ``base``'s). A base too long to fit with the id (a snowflake has up to 20 digits) is cut
    and marked with a hash of the whole base, so two long bases sharing their first letters stay apart."""
    tail = f"_g{guild_id}"
    if len(base) + len(tail) <= PREFIX_MAX:
        return base + tail
    mark = "x" + hashlib.blake2b(base.encode(), digest_size=3).hexdigest()
    return base[:PREFIX_MAX - len(tail) - len(mark)] + mark + tail


def alias(prefix: str) -> str:
    """The serving pointer's name: an alias, or a one-row collection where the server has none (engine.py)."""
    return f"{prefix}_serving"


def key(kind: str, *parts: str | int) -> str:
    """A record key: its kind, then its parts, each after a ``:`` (the last part is a path or name and may hold
    ``:`` itself: the parts before it have fixed forms, so keys never collide). A part holding NUL (refused in
    keys by Milvus Lite) is written as a hash, after ``#`` instead of ``:``."""
    out = kind
    for part in parts:
        text = f"{part:06d}" if isinstance(part, int) else part
        out += ":" + text if "\0" not in text else "#" + hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
    return out


def dense_index(requested: str, accepted: frozenset[str]) -> str:
    """The dense index type for ``requested`` (index.type) on a server building ``accepted`` ones: ``auto`` is
    HNSW where accepted, else FLAT. Not IVF_FLAT, even for a large generation: Milvus Lite 2.5's IVF_FLAT ignores
    ``nprobe`` (recall@10 0.856 at 100,000 passages with nprobe 1 and 1,024 alike; FLAT 1.000, see
    benchmarks/RESULTS.md), and answers must not change with the backend. A named type the server refuses is an
    error naming what it accepts."""
    if requested == "auto":
        return "HNSW" if "HNSW" in accepted else "FLAT"
    kind = _NAMED[requested]
    if kind not in accepted:
        names = ", ".join(k for k, v in _NAMED.items() if v in accepted)
        raise ValueError(f'index.type = "{requested}" needs a {kind} index, which this Milvus does not build (it '
                         f"builds {', '.join(sorted(accepted))}): set index.type to auto or one of {names}")
    return kind


def create_pointer(client, name: str) -> None:
    """The one-row collection naming the serving generation, for servers without aliases."""
    from pymilvus import DataType

    s = client.create_schema(auto_id=False)
    s.add_field("key", DataType.INT64, is_primary=True)
    s.add_field("generation", DataType.INT64)
    s.add_field("placeholder", DataType.FLOAT_VECTOR, dim=len(PLACEHOLDER))
    client.create_collection(name, schema=s, index_params=_placeholder_index(client), consistency_level="Strong")


def pointer_row(row_key: int, generation: int) -> dict:
    return {"key": row_key, "generation": generation, "placeholder": PLACEHOLDER}


def generations(collections: list[str], prefix: str) -> list[MilvusGeneration]:
    """The generations with at least one collection in ``collections``, oldest first."""
    return sorted({g for c in collections if (g := MilvusGeneration.of_collection(c, prefix))})


def term(token: str) -> str:
    """A BM25 token as written for Milvus. Milvus's standard tokenizer would split words it segments
    differently from Quoth's analyzer (CJK runs, long or non-ASCII words), so those are written as a hash:
    Milvus then counts exactly Quoth's tokens, and its BM25 ranks as bm25s does."""
    if _PLAIN_TERM.fullmatch(token):
        return token
    return "x" + hashlib.blake2b(token.encode("utf-8"), digest_size=8).hexdigest()


def lexical_text(tokens: list[str]) -> str:
    return " ".join(term(t) for t in tokens)


def passage_id(doc_key: str, ordinal: int) -> int:
    """A passage's id: stable while its document is unchanged (so copied passages keep theirs), the same
    whichever worker wrote it, and new when the document changes."""
    digest = hashlib.blake2b(f"{doc_key}\0{ordinal}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") & 0x7FFF_FFFF_FFFF_FFFF


def shard_of(path: str, shards: int) -> int:
    """The shard of a document, by a hash of its path that every worker computes alike."""
    return int.from_bytes(hashlib.sha256(path.encode()).digest()[:8], "big") % shards


def create_records(client, gen: MilvusGeneration) -> None:
    """The records collection of ``gen``: made first, so the build's note in it says whose generation it is
    before anything else exists (workers starting together join the one that made it)."""
    from pymilvus import DataType

    r = client.create_schema(auto_id=False)
    r.add_field("key", DataType.VARCHAR, max_length=KEY_MAX, is_primary=True)
    r.add_field("kind", DataType.VARCHAR, max_length=16)
    r.add_field("path", DataType.VARCHAR, max_length=PATH_MAX)
    r.add_field("shard", DataType.INT64)
    r.add_field("part", DataType.INT64)
    r.add_field("data", DataType.VARCHAR, max_length=TEXT_MAX)  # JSON
    r.add_field("text", DataType.VARCHAR, max_length=TEXT_MAX)
    r.add_field("placeholder", DataType.FLOAT_VECTOR, dim=len(PLACEHOLDER))
    ip = _placeholder_index(client)
    ip.add_index("path", index_type="INVERTED")
    client.create_collection(gen.records, schema=r, index_params=ip, consistency_level="Strong")


def create_data(client, gen: MilvusGeneration, dimension: int, dense: str, k1: float, b: float,
                nullable: bool = True) -> None:
    """The passages and terms collections of ``gen``, indexed (``dense``: a Milvus index type) and loaded (after
    ``create_records``). Without ``nullable`` (a server that has no nullable fields) missing values are ``""``."""
    from pymilvus import DataType, Function, FunctionType

    s = client.create_schema(auto_id=False)
    s.add_field("id", DataType.INT64, is_primary=True)
    s.add_field("doc_path", DataType.VARCHAR, max_length=PATH_MAX)
    s.add_field("shard", DataType.INT64)
    s.add_field("ord", DataType.INT64)
    s.add_field("start", DataType.INT64)
    s.add_field("stop", DataType.INT64)
    s.add_field("text", DataType.VARCHAR, max_length=TEXT_MAX)
    s.add_field("search_text", DataType.VARCHAR, max_length=TEXT_MAX)
    s.add_field("lexical", DataType.VARCHAR, max_length=TEXT_MAX, enable_analyzer=True,
                analyzer_params={"tokenizer": "standard"})
    s.add_field("speaker", DataType.VARCHAR, max_length=NAME_MAX, nullable=nullable)
    s.add_field("role", DataType.VARCHAR, max_length=32)
    s.add_field("reply_to", DataType.VARCHAR, max_length=NAME_MAX, nullable=nullable)
    s.add_field("locator", DataType.VARCHAR, max_length=NAME_MAX, nullable=nullable)
    s.add_field("attribution", DataType.VARCHAR, max_length=ATTRIBUTION_MAX, nullable=nullable)
    s.add_field("dense", DataType.FLOAT_VECTOR, dim=dimension)
    s.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    s.add_function(Function(name="bm25", function_type=FunctionType.BM25, input_field_names=["lexical"],
                            output_field_names=["sparse"]))
    ip = client.prepare_index_params()
    ip.add_index("dense", index_type=dense, metric_type="IP", params=_INDEX_PARAMS[dense])
    ip.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25",
                 params={"bm25_k1": k1, "bm25_b": b})
    ip.add_index("doc_path", index_type="INVERTED")
    ip.add_index("speaker", index_type="INVERTED")
    client.create_collection(gen.passages, schema=s, index_params=ip, consistency_level="Strong")
    _create_windows(client, gen, dimension, dense, nullable)

    t = client.create_schema(auto_id=False)
    t.add_field("term", DataType.VARCHAR, max_length=64, is_primary=True)
    t.add_field("df", DataType.INT64)
    t.add_field("placeholder", DataType.FLOAT_VECTOR, dim=len(PLACEHOLDER))
    client.create_collection(gen.terms, schema=t, index_params=_placeholder_index(client), consistency_level="Strong")


def _create_windows(client, gen: MilvusGeneration, dimension: int, dense: str, nullable: bool) -> None:
    from pymilvus import DataType

    w = client.create_schema(auto_id=False)
    w.add_field("id", DataType.INT64, is_primary=True)
    w.add_field("owner", DataType.INT64)
    w.add_field("doc_path", DataType.VARCHAR, max_length=PATH_MAX)
    w.add_field("shard", DataType.INT64)
    w.add_field("speaker", DataType.VARCHAR, max_length=NAME_MAX, nullable=nullable)
    w.add_field("dense", DataType.FLOAT_VECTOR, dim=dimension)
    ip = client.prepare_index_params()
    ip.add_index("dense", index_type=dense, metric_type="IP", params=_INDEX_PARAMS[dense])
    ip.add_index("owner", index_type="INVERTED")
    ip.add_index("doc_path", index_type="INVERTED")
    ip.add_index("speaker", index_type="INVERTED")
    client.create_collection(gen.windows, schema=w, index_params=ip, consistency_level="Strong")


def window_id(owner: int, ordinal: int) -> int:
    """A window's id: its passage's id and its place among the passage's windows, hashed like passage ids."""
    digest = hashlib.blake2b(f"{owner}\0{ordinal}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") & 0x7FFF_FFFF_FFFF_FFFF


def _placeholder_index(client):
    ip = client.prepare_index_params()
    ip.add_index("placeholder", index_type="FLAT", metric_type="L2")
    return ip


def dense_kind(client, collection: str) -> str:
    """The type of the dense index ``collection`` has."""
    for name in client.list_indexes(collection, field_name="dense"):
        return client.describe_index(collection, name).get("index_type", "FLAT")
    return "FLAT"


def dense_search_params(client, gen: MilvusGeneration) -> dict:
    """The search-time accuracy knobs for the dense index ``gen`` was built with (recall@10 ≥ 0.95)."""
    return {"metric_type": "IP", "params": SEARCH_PARAMS.get(dense_kind(client, gen.passages), {})}


def drop(client, gen: MilvusGeneration) -> None:
    existing = set(client.list_collections())
    for part in PARTS:
        if gen.collection(part) in existing:
            client.drop_collection(gen.collection(part))


NULLABLE = ("speaker", "reply_to", "locator", "attribution")  # None where the server has nullable fields, else ""


def blank_nulls(row: dict) -> dict:
    """``row`` for a server without nullable fields: its missing values ``""`` (read back as None)."""
    return {k: ("" if v is None and k in NULLABLE else v) for k, v in row.items()}


def record(kind: str, key: str, data: str = "{}", path: str = "", shard: int = 0, part: int = 0,
           text: str = "") -> dict:
    return {"key": key, "kind": kind, "path": path, "shard": shard, "part": part, "data": data, "text": text,
            "placeholder": PLACEHOLDER}


def literal(value) -> str:
    """A value written into a Milvus filter expression: strings double-quoted with JSON's escapes (which the
    expression grammar shares), lists bracketed. Values are never pasted in raw: a path holding a quote must
    not change what a filter means."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple, set)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"no Milvus literal for {value!r}")
    return str(value)


def render(expr: str, params: dict | None = None) -> str:
    """``expr`` with each ``{name}`` replaced by ``params[name]`` as a literal."""
    return expr.format(**{k: literal(v) for k, v in (params or {}).items()}) if params else expr


def text_parts(text: str, limit: int = TEXT_MAX) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` UTF-8 bytes (a document may be longer than one VARCHAR),
    never inside a character: joined again they are the text exactly."""
    data = text.encode("utf-8")
    parts, start = [], 0
    while start < len(data):
        end = min(len(data), start + limit)
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # a continuation byte: back to the character
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start = end
    return parts or [""]


def clip(attribution: str | None) -> str | None:
    """Evidence that fits the field: the last clues dropped until the JSON fits (the first named the speaker)."""
    if attribution is None or len(attribution.encode("utf-8")) <= ATTRIBUTION_MAX:
        return attribution
    data = json.loads(attribution)
    while data["evidence"] and len(json.dumps(data).encode("utf-8")) > ATTRIBUTION_MAX:
        data["evidence"].pop()
    return json.dumps(data)
