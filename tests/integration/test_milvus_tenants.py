"""Tenancy on Milvus (issue 24): several Discord servers' corpora on ONE Milvus server, each under its own
collection prefix (``layout.tenant_prefix``, given by the bot's own Tenants), next to the deployment's default
corpus. Builds, answers and listings stay apart, and a rebuild of one server's corpus leaves every other's
collections as they were."""

from __future__ import annotations

from pathlib import Path

from quoth import Quoth
from quoth.bot.config import AppConfig
from quoth.bot.discord.tenants import Tenants
from quoth.index.milvus.connection import Milvus
from quoth.index.milvus.layout import MilvusGeneration, generations
from tests.helpers import write_corpus
from tests.milvus import prefix

FERRY, CHOIR, CHESS = 1101, 987654321098765432, 1234567890123456789  # real snowflakes have 17 to 19 digits
GUILDS = {
    FERRY: {"ferry.txt": "Ferry timetable\n\nby Ivo Marsh\n\nThe island ferry sails at seven and returns at noon, "
                         "weather permitting, with bicycles carried free of charge.\n"},
    CHOIR: {"choir.txt": "Choir minutes\n\nby Petra Lund\n\nRehearsals move to the chapel on Thursdays; sopranos "
                         "should bring the new hymn books and a pencil.\n"},
    CHESS: {"chess.txt": "Chess club\n\nby Omar Reyes\n\nThe spring tournament uses a Swiss system over five "
                         "rounds with ninety minutes per player per game.\n"},
}
DEFAULT = {"bakery.txt": "Bakery news\n\nby Dana Holt\n\nSourdough loaves are baked before dawn and sold out "
                         "by nine on market days.\n"}
QUESTIONS = {FERRY: "When does the island ferry sail?", CHOIR: "Where do choir rehearsals move?",
             CHESS: "How many rounds has the chess tournament?"}
SPEAKERS = {FERRY: "Ivo Marsh", CHOIR: "Petra Lund", CHESS: "Omar Reyes"}


def collections(milvus: Milvus, prefixes: set[str]) -> dict[str, int]:
    """Every collection of the tenants' ``prefixes`` and its row count (what a rebuild could touch)."""
    return {name: milvus.query(name, filter="", output_fields=["count(*)"])[0]["count(*)"]
            for name in sorted(milvus.list_collections())
            if any(MilvusGeneration.of_collection(name, p) for p in prefixes)}


def tenants(server, base: str, root: Path, encoder) -> Tenants:
    """The bot's tenants for a config listing the three servers, on Milvus under ``base`` (the bot's own code:
    each server's Quoth gets its data folder and prefix from ``AppConfig.for_guild``, and the shared encoder)."""
    guilds = {str(g): {"corpus": str(write_corpus(root / f"corpus-{g}", docs))} for g, docs in GUILDS.items()}
    cfg = AppConfig.from_dict({
        "corpus": {"path": str(write_corpus(root / "corpus-default", DEFAULT))}, "data": {"dir": str(root / "data")},
        "index": {"backend": "milvus", "milvus_uri": server.uri, "milvus_grace": 0, "milvus_prefix": base},
        "guilds": guilds})
    return Tenants(cfg, Quoth(cfg, encoder=encoder))


def test_three_servers_on_one_milvus_build_answer_and_rebuild_apart(milvus_server, tmp_path, encoder):
    base = prefix("tenants")
    milvus = Milvus(milvus_server.uri)
    bot = tenants(milvus_server, base, tmp_path, encoder)
    default = bot.default.quoth
    servers = {g: bot.for_guild(g).quoth for g in GUILDS}
    for q in (default, *servers.values()):
        q.index()
    prefixes = {q.settings.index.milvus_prefix for q in servers.values()}
    assert len(prefixes | {base}) == 4 and all(len(p) <= 31 for p in prefixes)
    assert servers[FERRY].settings.index.milvus_prefix == f"{base}_g{FERRY}"  # one that fits is kept whole
    assert servers[FERRY].encoder is servers[CHESS].encoder is default.encoder  # one model in memory
    for g, q in servers.items():
        # Its own question is answered from its own corpus; the others' questions find nothing of theirs.
        assert q.ask(QUESTIONS[g])[0].passage.speaker == SPEAKERS[g]
        for other, question in QUESTIONS.items():
            assert {h.source.path for h in q.search(question, k=10)} <= set(GUILDS[g]), (g, other)
        assert [d.source.path for d in q.sources()] == list(GUILDS[g])
        assert dict(q.speakers()) == {SPEAKERS[g]: 1}
        pick = q.random(seed=7)
        assert pick is not None and pick.source.path in GUILDS[g]
    assert [d.source.path for d in default.sources()] == list(DEFAULT)

    before = collections(milvus, prefixes | {base})
    assert len(before) == 4 * 4  # four tenants, one generation of four collections each
    # One server and the default corpus (whose prefix starts every server's) change and rebuild twice each:
    # the second switch drops their first generation, and nothing of anyone else's.
    choir = servers[CHOIR]
    for q, name in ((choir, "concert.txt"), (default, "bread.txt")):
        for where in ("in the market square", "in the town hall instead"):
            (Path(q.settings.corpus.path) / name).write_text(
                f"Concert plan\n\nby Petra Lund\n\nThe winter concert ends with carols {where}.\n")
            q.index()
    after = collections(milvus, prefixes | {base})
    rebuilt = (choir.settings.index.milvus_prefix, base)
    untouched = {n: c for n, c in before.items() if not any(MilvusGeneration.of_collection(n, p) for p in rebuilt)}
    assert len(untouched) == 8
    assert {n: after.get(n) for n in untouched} == untouched  # the same collections, the same rows
    assert all(n in untouched or any(MilvusGeneration.of_collection(n, p) for p in rebuilt) for n in after)
    # The rebuilt ones hold their newest generation and the one just replaced, and nothing older.
    for p in rebuilt:
        assert [g.number for g in generations(list(after), p)] == [2, 3]
    assert "town hall" in choir.ask("Where does the winter concert end?")[0].passage.text
    for g in (FERRY, CHESS):
        assert servers[g].ask(QUESTIONS[g])[0].passage.speaker == SPEAKERS[g]
        assert all(h.source.path in GUILDS[g] for h in servers[g].search("winter concert carols", k=10))
