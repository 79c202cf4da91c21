"""Forgetting, opting out and retention in the real bot against the fake Discord, two servers each indexing its
#general live: a forgotten author is never served again in any server from the command's reply on, and after
the batcher's rebuild no byte of her words is left on disk; an opted-out author's new messages are never stored
in any server; expired messages go at start, are never read back from history, and go when the day comes (the
cog's clock turned forward, not slept through)."""

from __future__ import annotations

import logging
import re
import time

from quoth.channels import ChatMessage
from tests.forgetting import ALICE_SAYS, BOB_SAYS, SECRET, files_holding, secret_vectors

from .fake_discord import CHANNEL_ID, GUILD_ID, FakeDiscord
from .live_bot import ALICE, BOB, CHANNEL_B, GUILD_B, community, live_bot, live_config, store_of, until
from .test_bot import callback_of, edited, run

DAY = 86400.0
QUESTION = "who moved the meetup to Fridays, and what is the password of the allotment shed?"
SERVERS = {GUILD_ID: CHANNEL_ID, GUILD_B: CHANNEL_B}


async def shown(fake: FakeDiscord, guild_id: int, question: str = QUESTION) -> str:
    """Every word the bot shows for ``question`` in that server, asked by Bob (k=10: everything near is shown)."""
    token = await fake.slash("ask", {"question": question, "k": 10}, BOB, guild_id=guild_id)
    body = (await fake.wait_for(edited(token), timeout=60)).body
    return " ".join([body.get("content") or ""] + [e.get("description") or "" for e in body.get("embeds") or []])


async def reply(fake: FakeDiscord, name: str, author: dict, guild_id: int, **options) -> str:
    """The command's reply: acknowledged at once (deferred, shown to the caller alone), then written."""
    token = await fake.slash(name, options, author, guild_id=guild_id)
    ack = (await fake.wait_for(callback_of(token), timeout=30)).body
    assert ack["type"] == 5 and ack["data"]["flags"] & 64
    return (await fake.wait_for(edited(token), timeout=30)).body["content"]


def history(fake: FakeDiscord, at: dict[int, float]) -> None:
    """Alice's two messages and Bob's one in each server's #general, posted at ``at[guild]``."""
    for gid, channel in SERVERS.items():
        for i, text in enumerate([*ALICE_SAYS, *BOB_SAYS]):
            fake.message(channel, text, BOB if text in BOB_SAYS else ALICE, at=at[gid] + i)


def caught_up(bot, channel_id: int):
    return lambda: getattr(bot.get_cog("Channels").feed.progress.get(channel_id), "state", None) == "live"


def settled(cfg: dict, gid: int, count: int):
    return lambda: (s := store_of(cfg, gid)).count() == count and not s.pending()


def test_a_forgotten_author_is_never_served_again_in_any_server_nor_left_on_disk(tmp_path, encoder):
    cfg = live_config(tmp_path, live_a=[CHANNEL_ID], live_b=[CHANNEL_B])
    fake = FakeDiscord()
    community(fake)
    history(fake, {gid: time.time() - 3600 for gid in SERVERS})

    async def scenario():
        async with live_bot(cfg, fake, encoder):
            for gid in SERVERS:
                await until(settled(cfg, gid, 3), f"server {gid}'s history backfilled and built", 60)
                assert SECRET in await shown(fake, gid)  # the test can fail: her words are served, everywhere
            vectors = secret_vectors(tmp_path / "data")
            assert len(vectors) >= 2  # hers, in both servers' index generations
            said = await reply(fake, "forget-me", ALICE, GUILD_B)
            assert re.search(r"deleted 0 questions and 0 votes of yours, and 4 messages you wrote", said), said
            for gid in SERVERS:  # at once, before any rebuild: withheld
                assert SECRET not in await shown(fake, gid)
            await until(lambda: not files_holding(tmp_path / "data"), "her words gone from every file", 60)
            assert [f for v in vectors for f in files_holding(tmp_path / "data", v)] == []  # and her vectors
            for gid in SERVERS:
                assert store_of(cfg, gid).count() == 1 and SECRET not in await shown(fake, gid)
            bus = await shown(fake, GUILD_ID, "when does the bus timetable change, and what should I bring?")
            assert BOB_SAYS[0][:40] in bus  # the others' words are still answered
    run(scenario(), timeout=240)


def test_an_opted_out_author_is_never_stored_in_any_server_until_they_opt_in(tmp_path, encoder):
    cfg = live_config(tmp_path, live_a=[CHANNEL_ID], live_b=[CHANNEL_B])
    fake = FakeDiscord()
    community(fake)

    async def scenario():
        async with live_bot(cfg, fake, encoder):
            said = await reply(fake, "index-me", ALICE, GUILD_ID, state="off")
            assert "none of your new messages will be indexed, in any server" in said
            for gid, channel in SERVERS.items():
                await fake.post(channel, f"{ALICE_SAYS[0]} ({gid})", ALICE)
                await fake.post(channel, BOB_SAYS[0], BOB)
            for gid in SERVERS:
                await until(settled(cfg, gid, 1), f"Bob's message stored and built in {gid}", 30)
                assert store_of(cfg, gid).opted_out(int(ALICE["id"]))
            assert files_holding(tmp_path / "data") == []  # hers never written anywhere, not even to a WAL
            assert "indexed again" in await reply(fake, "index-me", ALICE, GUILD_B, state="on")
            await fake.post(CHANNEL_ID, "back in the index: the fete moves to the green", ALICE)
            await until(settled(cfg, GUILD_ID, 2), "her message after opting in stored", 30)
    run(scenario(), timeout=180)


def test_expired_messages_go_at_start_are_not_read_back_and_go_when_the_day_comes(tmp_path, encoder):
    cfg = live_config(tmp_path, live_a=[CHANNEL_ID], live_b=[CHANNEL_B], live_retention_days=7)
    fake = FakeDiscord()
    community(fake)
    history(fake, {GUILD_ID: time.time() - 10 * DAY, GUILD_B: time.time() - 1 * DAY})  # A's are past 7 days

    async def scenario():
        async with live_bot(cfg, fake, encoder) as bot:
            await until(settled(cfg, GUILD_B, 3), "B's recent history stored and built", 60)
            await until(caught_up(bot, CHANNEL_ID), "A's backfill finished", 30)
            assert store_of(cfg, GUILD_ID).count() == 0  # past retention: never read into the store
            assert SECRET not in await shown(fake, GUILD_ID) and SECRET in await shown(fake, GUILD_B)
            privacy = bot.get_cog("Privacy")
            privacy.clock = lambda: time.time() + 7 * DAY  # a week on
            removed = await privacy.prune()
            assert removed.messages[f"guild-{GUILD_B}"] == 3
            assert SECRET not in await shown(fake, GUILD_B)  # withheld at once, then rebuilt without them
            await until(lambda: not files_holding(tmp_path / "data"), "expired words gone from every file", 60)
    run(scenario(), timeout=240)


def test_the_prune_at_start_deletes_what_expired_while_the_bot_was_down(tmp_path, encoder, caplog):
    """A store written by an earlier run holds a message now past retention (still in the channel's history, so
    no reconcile takes it out): the prune at start deletes it, and the batcher's rebuild leaves no byte of it."""
    cfg = live_config(tmp_path, live_b=[CHANNEL_B], live_retention_days=7)
    fake = FakeDiscord()
    community(fake)
    when = time.time() - 8 * DAY
    msg = fake.message(CHANNEL_B, ALICE_SAYS[0], ALICE, at=when)
    earlier = store_of(cfg, GUILD_B)
    earlier.enable(CHANNEL_B, GUILD_B, "general")
    earlier.upsert([ChatMessage(id=int(msg["id"]), guild_id=GUILD_B, channel_id=CHANNEL_B, parent_id=None,
                                channel_name="general", author_id=int(ALICE["id"]), author_name="Alice Ng",
                                content=ALICE_SAYS[0], created_at=when)], backfill=(CHANNEL_B, int(msg["id"]), True))
    earlier.close()

    caplog.set_level(logging.INFO, "quoth.bot")

    async def scenario():
        async with live_bot(cfg, fake, encoder) as bot:
            assert store_of(cfg, GUILD_B).count() == 0
            # By the prune in setup_hook, before the gateway connected (the reconcile would take it out too, later).
            said = [r.getMessage() for r in caplog.records]
            pruned = next(i for i, m in enumerate(said) if m.startswith("retention: deleted"))
            assert f"1 live message(s) older than 7 day(s) in guild-{GUILD_B}" in said[pruned]
            assert pruned < next(i for i, m in enumerate(said) if m.startswith("ready as"))
            await until(caught_up(bot, CHANNEL_B), "B's catch-up finished", 30)
            assert store_of(cfg, GUILD_B).count() == 0 and SECRET not in await shown(fake, GUILD_B)
            await until(lambda: not files_holding(tmp_path / "data"), "expired words gone from every file", 60)
    run(scenario(), timeout=120)
