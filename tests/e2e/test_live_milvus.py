"""Live channels end to end on the Milvus backend (issue 24, "on the embedded backend and on Milvus"): the real
bot against the fake Discord, two servers whose indexes are collections of their own on one milvus-lite
server. A posted message becomes answerable with its jump link, neither server's messages reach the other,
deletions are never served once processed, and after the batcher's rebuild and purge no collection of the
server's prefix holds the deleted words."""

from __future__ import annotations

import time

from quoth.bot.config import AppConfig
from quoth.index.milvus import layout
from quoth.index.milvus.connection import Milvus
from tests.milvus import prefix

from .fake_discord import CHANNEL_ID, GUILD_ID, FakeDiscord
from .live_bot import (
    ALICE,
    BOB,
    CHANNEL_B,
    GUILD_B,
    answered,
    ask,
    community,
    jump,
    live_bot,
    live_config,
    said,
    store_of,
    until,
)
from .test_bot import run
from .test_live_channels import SECRET_B, deletions

DELETED = ("pindleshaft", "crumblewick", "snorvalent")  # what test_live_channels.deletions posts and deletes


def traces(milvus: Milvus, base: str, words: tuple[str, ...]) -> list[str]:
    """Where any of ``words`` is still written in a collection of prefix ``base`` (any text field)."""
    found = []
    for name in milvus.list_collections():
        if layout.MilvusGeneration.of_collection(name, base) is None:
            continue
        for f in milvus.describe_collection(name)["fields"]:
            if f["type"].name == "VARCHAR":
                found += [f"{name}.{f['name']}: {w}" for w in words if milvus.query(
                    name, filter=f"{f['name']} like {layout.literal('%' + w + '%')}", limit=1)]
    return found


def test_live_channels_on_milvus_answer_isolate_and_forget_deletions(milvus_server, tmp_path, encoder):
    cfg = live_config(tmp_path, live_a=[CHANNEL_ID], live_b=[CHANNEL_B])
    cfg["index"] = {"backend": "milvus", "milvus_uri": milvus_server.uri, "milvus_prefix": prefix("live-bot"),
                    "milvus_grace": 0}
    base_a = AppConfig.from_dict(cfg).for_guild(GUILD_ID).index.milvus_prefix
    milvus = Milvus(milvus_server.uri)
    fake = FakeDiscord()
    community(fake)
    store, store_b = store_of(cfg, GUILD_ID), store_of(cfg, GUILD_B)

    async def changed(since: int) -> int:
        return await until(lambda: store.version() > since and store.version(), "the event stored")

    async def gone(question: str, word: str) -> None:
        assert word not in said(await ask(fake, question)), f"{word!r} still served"

    async def scenario():
        async with live_bot(cfg, fake, encoder):
            await until(lambda: store.enabled(CHANNEL_ID) and store_b.enabled(CHANNEL_B), "config channels enabled")
            posted = await fake.post(CHANNEL_ID, "The zebra crossing by the bakery gets painted quokkablue on "
                                                 "Monday.", ALICE)
            started = time.monotonic()
            hit = await answered(fake, "What colour will the zebra crossing be painted?", "quokkablue", timeout=60)
            assert time.monotonic() - started < 30  # batched builds into Milvus: within seconds
            assert hit["author"]["name"].startswith("1. Alice Ng")
            assert hit["url"] == jump(GUILD_ID, CHANNEL_ID, posted["id"])
            await fake.post(CHANNEL_B, SECRET_B, BOB)
            await answered(fake, "Where does the treasurer keep the float?", "flumpnitz", GUILD_B, timeout=60)
            assert "flumpnitz" not in said(await ask(fake, "Where does the treasurer keep the float?"))
            assert "quokkablue" not in said(await ask(fake, "What colour is the zebra crossing?", GUILD_B))
            assert traces(milvus, base_a, ("flumpnitz",)) == [] and traces(milvus, base_a, ("quokkablue",))

            await deletions(fake, store, changed, gone)  # never served once processed, nor after the rebuild
            await until(lambda: not store.pending() and not store.purge_due(), "the rebuild and its purge",
                        timeout=60)
            assert traces(milvus, base_a, DELETED) == []
            # The purge left the serving generation alone: none before it holds the deleted messages.
            assert len(layout.generations(milvus.list_collections(), base_a)) == 1
            await answered(fake, "What colour will the zebra crossing be painted?", "quokkablue")

    run(scenario(), timeout=400)
