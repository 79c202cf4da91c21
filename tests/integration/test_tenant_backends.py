"""A corpus per server on both backends: two servers listing one folder, and the default corpus, each get an index
of their own (embedded: a data directory; Milvus: a prefix), and rebuilding one touches no other's."""

from __future__ import annotations

import os

import pytest

from quoth import Quoth
from quoth.bot.config import AppConfig
from quoth.bot.discord.tenants import Tenant, Tenants
from quoth.index.milvus import layout
from quoth.index.milvus.engine import ServingPointer
from tests.helpers import write_corpus

LIGHTHOUSE = {"log.txt": "Lighthouse log\n\nby Marguerite Ollivander\n\nThe annual meeting of the keepers was moved to "
                         "Friday because the foghorn needed repairs before the storm season.\n"}
APIARY = {"apiary.txt": "Apiary notes\n\nby Thaddeus Quimby\n\nThe annual meeting of the beekeepers was moved to "
                        "Friday because the honeybees swarmed from the hive behind the orchard.\n"}
QUESTION = "Why was the annual meeting of the keepers moved to Friday?"


def snapshot(tenant: Tenant) -> object:
    """What a rebuild elsewhere must leave as it is: the tenant's index files, or its Milvus collections and serving
    generation."""
    if tenant.quoth.settings.index.backend == "milvus":
        milvus, prefix = tenant.quoth.backend.milvus, tenant.quoth.settings.index.milvus_prefix
        mine = [g.name for g in layout.generations(milvus.list_collections(), prefix)]
        return mine, ServingPointer(milvus, prefix).get()
    folder = tenant.quoth.folder.path
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("backend", ["embedded", "milvus"])
def test_servers_never_share_an_index_and_one_rebuild_touches_no_other(request, backend, tmp_path, encoder):
    shared, own = write_corpus(tmp_path / "shared", LIGHTHOUSE), write_corpus(tmp_path / "own", APIARY)
    data = {"corpus": {"path": str(own)}, "data": {"dir": str(tmp_path / "data")},
            "guilds": {"101": {"corpus": str(shared)}, "202": {"corpus": str(shared)}}}
    if backend == "milvus":
        server = request.getfixturevalue("milvus_server")
        data["index"] = {"backend": "milvus", "milvus_uri": server.uri, "milvus_prefix": f"tn{os.getpid() % 10**6}",
                         "milvus_grace": 0}
    cfg = AppConfig.from_dict(data)
    tenants = Tenants(cfg, Quoth(cfg, encoder=encoder))
    a, b, default = tenants.for_guild(101), tenants.for_guild(202), tenants.default
    for t in (a, b, default):
        t.quoth.ensure_index(show_progress=False)
    where = {t.key: t.quoth.backend.where() for t in (a, b, default)}
    assert len(set(where.values())) == 3, where  # three indexes, though two servers list one folder
    assert all(snapshot(t) for t in (a, b, default))
    assert "foghorn" in a.quoth.ask(QUESTION).hits[0].passage.text
    assert [h.passage.speaker for h in default.quoth.ask(QUESTION).hits] == ["Thaddeus Quimby"]
    assert {s.source.path for s in default.quoth.sources()} == {"apiary.txt"}

    # On Milvus the default corpus's prefix is the start of each server's: its generations are still its own.
    before = {t.key: (t.quoth.live.current().generation, snapshot(t)) for t in (b, default)}
    generation = a.quoth.live.current().generation
    assert a.quoth.index(full=True).full
    assert a.quoth.live.current().generation != generation
    assert {t.key: (t.quoth.live.current().generation, snapshot(t)) for t in (b, default)} == before
    assert "foghorn" in b.quoth.ask(QUESTION).hits[0].passage.text
