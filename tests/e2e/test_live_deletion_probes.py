"""Probes of "a deleted message is never served after its deletion is processed" against the real bot and the
fake Discord: a thread deleted while the bot is down."""

from __future__ import annotations

from .fake_discord import CHANNEL_ID, GUILD_ID, FakeDiscord
from .live_bot import ALICE, answered, ask, community, live_bot, live_config, said, store_of, until
from .test_bot import run

QUESTION = "Where does the yodelbrack banner hang?"


def test_a_thread_deleted_while_the_bot_is_down_leaves_the_store_at_restart(tmp_path, encoder):
    cfg = live_config(tmp_path, live_a=[CHANNEL_ID])
    fake = FakeDiscord()
    community(fake)
    store = store_of(cfg, GUILD_ID)

    async def scenario():
        async with live_bot(cfg, fake, encoder):
            await until(lambda: store.enabled(CHANNEL_ID), "the config channel enabled")
            thread = await fake.create_thread(CHANNEL_ID, "fair planning", ALICE)
            tid = int(thread["id"])
            await fake.post(tid, "In the thread: the yodelbrack banner hangs over the gate.", ALICE)
            await answered(fake, QUESTION, "yodelbrack")
        # Deleted while the bot is down: no THREAD_DELETE will ever come for it.
        guild = fake.guild_of(tid)
        del guild.threads[tid]
        fake._drop_messages({tid})
        async with live_bot(cfg, fake, encoder) as bot:
            feed = bot.get_cog("Channels").feed
            await until(lambda: feed.progress and all(p.state in ("live", "failed") for p in feed.progress.values()),
                        "the restart's sync")
            await until(lambda: not store.pending(), "the rebuild")
            assert not store.ids_between(tid, 0, (1 << 63) - 1)
            assert "yodelbrack" not in said(await ask(fake, QUESTION))

    run(scenario(), timeout=300)
