"""Tenancy on Milvus (issue 24): several Discord servers' corpora on ONE Milvus server, each under its own
collection prefix (``layout.tenant_prefix``), next to the deployment's default corpus. Builds, answers and
listings stay apart, and a rebuild of one server's corpus leaves every other's collections as they were."""

from __future__ import annotations

from pathlib import Path

from quoth import Quoth, Settings
from quoth.index.milvus.connection import Milvus
from quoth.index.milvus.layout import MilvusGeneration, generations, tenant_prefix
from tests.helpers import write_corpus
from tests.milvus import prefix

GUILDS = {
    101: {"ferry.txt": "Ferry timetable\n\nby Ivo Marsh\n\nThe island ferry sails at seven and returns at noon, "
                       "weather permitting, with bicycles carried free of charge.\n"},
    202: {"choir.txt": "Choir minutes\n\nby Petra Lund\n\nRehearsals move to the chapel on Thursdays; sopranos "
                       "should bring the new hymn books and a pencil.\n"},
    303: {"chess.txt": "Chess club\n\nby Omar Reyes\n\nThe spring tournament uses a Swiss system over five "
                       "rounds with ninety minutes per player per game.\n"},
}
DEFAULT = {"bakery.txt": "Bakery news\n\nby Dana Holt\n\nSourdough loaves are baked before dawn and sold out "
                         "by nine on market days.\n"}
QUESTIONS = {101: "When does the island ferry sail?", 202: "Where do choir rehearsals move?",
             303: "How many rounds has the chess tournament?"}


def collections(milvus: Milvus, base: str) -> dict[str, int]:
    """Every collection whose name starts with ``base`` and its row count (what a rebuild could touch)."""
    return {name: milvus.query(name, filter="", output_fields=["count(*)"])[0]["count(*)"]
            for name in sorted(milvus.list_collections()) if name.startswith(base)}


def tenant(server, base: str, root: Path, guild: int | None, docs: dict[str, str], encoder) -> Quoth:
    """A server's Quoth as a tenant gets it: its own corpus and data folder, ``tenant_prefix`` on Milvus, and
    the ONE encoder every tenant shares."""
    data = root / "data" / ("guilds" if guild else "") / str(guild or "")
    corpus = write_corpus(root / f"corpus-{guild or 'default'}", docs)
    s = Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(data)}, index={
        "backend": "milvus", "milvus_uri": server.uri, "milvus_grace": 0,
        "milvus_prefix": tenant_prefix(base, guild) if guild else base})
    return Quoth(s, encoder=encoder)


def test_three_servers_on_one_milvus_build_answer_and_rebuild_apart(milvus_server, tmp_path, encoder):
    base = prefix("tenants")
    milvus = Milvus(milvus_server.uri)
    default = tenant(milvus_server, base, tmp_path, None, DEFAULT, encoder)
    servers = {g: tenant(milvus_server, base, tmp_path, g, docs, encoder) for g, docs in GUILDS.items()}
    for q in (default, *servers.values()):
        q.index()
    assert len({q.settings.index.milvus_prefix for q in servers.values()} | {base}) == 4
    speakers = {101: "Ivo Marsh", 202: "Petra Lund", 303: "Omar Reyes"}
    for g, q in servers.items():
        # Its own question is answered from its own corpus; the others' questions find nothing of theirs.
        assert q.ask(QUESTIONS[g])[0].passage.speaker == speakers[g]
        for other, question in QUESTIONS.items():
            assert {h.source.path for h in q.search(question, k=10)} <= set(GUILDS[g]), (g, other)
        assert [d.source.path for d in q.sources()] == list(GUILDS[g])
        assert dict(q.speakers()) == {speakers[g]: 1}
        pick = q.random(seed=7)
        assert pick is not None and pick.source.path in GUILDS[g]
    assert [d.source.path for d in default.sources()] == list(DEFAULT)

    before = collections(milvus, base)
    assert len(before) == 4 * 4  # four tenants, one generation of four collections each
    # Server 202 and the default corpus (whose prefix starts every server's) change and rebuild twice each:
    # the second switch drops their first generation, and nothing of anyone else's.
    choir = servers[202]
    for q, name in ((choir, "concert.txt"), (default, "bread.txt")):
        for where in ("in the market square", "in the town hall instead"):
            (Path(q.settings.corpus.path) / name).write_text(
                f"Concert plan\n\nby Petra Lund\n\nThe winter concert ends with carols {where}.\n")
            q.index()
    after = collections(milvus, base)
    rebuilt = (choir.settings.index.milvus_prefix, base)
    untouched = {n: c for n, c in before.items() if not any(MilvusGeneration.of_collection(n, p) for p in rebuilt)}
    assert len(untouched) == 8
    assert {n: after.get(n) for n in untouched} == untouched  # the same collections, the same rows
    assert all(n in untouched or any(MilvusGeneration.of_collection(n, p) for p in rebuilt) for n in after)
    # The rebuilt ones hold their newest generation and the one just replaced, and nothing older.
    for p in rebuilt:
        assert [g.number for g in generations(list(after), p)] == [2, 3]
    assert "town hall" in choir.ask("Where does the winter concert end?")[0].passage.text
    for g in (101, 303):
        assert servers[g].ask(QUESTIONS[g])[0].passage.speaker == speakers[g]
        assert all(h.source.path in GUILDS[g] for h in servers[g].search("winter concert carols", k=10))
