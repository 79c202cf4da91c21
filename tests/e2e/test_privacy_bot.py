"""Forgetting, opting out and retention in the real bot against the fake Discord, with two servers that each
index a live channel: a forgotten author is never served again in any server, from the command's reply on; after
the batcher's rebuild no byte of her words is left on disk; an opted-out author's new messages are never stored;
expired messages go at start and when the day comes (the cog's clock, turned forward, not slept through)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from quoth import Quoth
from quoth.bot.discord.app import QuothBot
from quoth.bot.discord.tenants import Tenants
from tests.forgetting import ALICE_ID, BOB_ID, CHANNEL, GUILD_A, GUILD_B, SECRET, config, files_holding, seed

from .fake_discord import TIMESTAMP, FakeDiscord, user
from .test_bot import ErrorLogs, callback_of, edited, run

ALICE, BOB = user(ALICE_ID, "alice"), user(BOB_ID, "bob")
DAY = 86400.0
QUESTION = "who moved the meetup to Fridays, and what is the password of the allotment shed?"


@contextlib.asynccontextmanager
async def serving(rt: Quoth):
    """The fake Discord with both servers, and the real bot pointed at it; no ERROR may be logged."""
    errors = ErrorLogs()
    for name in ("discord", "quoth"):
        logging.getLogger(name).addHandler(errors)
    fake = FakeDiscord(guild_ids=[GUILD_A, GUILD_B])
    await fake.start()
    saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = fake.api_base, yarl.URL(fake.gateway_url)
    bot = QuothBot(rt, rt.settings)
    task = asyncio.create_task(bot.start("fake-token"))
    try:
        await until(lambda: bot.is_ready() or task.done(), "the bot never became ready")
        if task.done():
            task.result()
        yield fake, bot
    finally:
        await bot.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, 10)
        await fake.stop()
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved
        for name in ("discord", "quoth"):
            logging.getLogger(name).removeHandler(errors)
    assert not errors.records, [r.getMessage() for r in errors.records]


async def until(done, why: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, why
        await asyncio.sleep(0.05)


async def answer(fake: FakeDiscord, guild_id: int, author: dict = BOB) -> str:
    """Every word the bot shows for QUESTION in that server (k=10: everything near is shown)."""
    token = await fake.slash("ask", {"question": QUESTION, "k": 10}, author, guild_id=guild_id)
    body = (await fake.wait_for(edited(token))).body
    return " ".join([body.get("content") or ""] + [e.get("description", "") for e in body.get("embeds", [])])


def seeded_app(tmp_path, encoder, created_at: float, **bot) -> Quoth:
    """Alice's and Bob's messages in both servers' stores, indexed, as the live feed would have left them."""
    cfg = config(tmp_path, **bot)
    rt = Quoth(cfg, encoder=encoder)
    tenants = Tenants(cfg, rt)
    for gid, when in zip((GUILD_A, GUILD_B), (created_at, time.time() - 60), strict=True):
        seed(tenants.for_guild(gid).quoth.messages, gid, when)
        tenants.for_guild(gid).quoth.index()
    return rt


def test_a_forgotten_author_is_never_served_again_in_any_server_nor_left_on_disk(tmp_path, encoder):
    rt = seeded_app(tmp_path, encoder, time.time() - 60)

    async def scenario():
        async with serving(rt) as (fake, bot):
            for gid in (GUILD_A, GUILD_B):
                assert SECRET in await answer(fake, gid)  # the test can fail: her words are served, everywhere
            token = await fake.slash("forget-me", {}, ALICE, guild_id=GUILD_A)
            said = (await fake.wait_for(callback_of(token))).body["data"]
            assert said["flags"] & 64
            assert "deleted 0 questions and 0 votes of yours, and 4 messages you wrote" in said["content"]
            for gid in (GUILD_A, GUILD_B):  # at once, before any rebuild: withheld
                assert SECRET not in await answer(fake, gid)
            stores = [t.quoth.messages for t in bot.tenants.all()]
            await until(lambda: not any(s.pending() for s in stores), "the batcher never rebuilt", 60)
            for gid in (GUILD_A, GUILD_B):
                assert SECRET not in await answer(fake, gid)
            assert files_holding(tmp_path / "data") == []  # no store, WAL or index generation holds her words
    run(scenario(), timeout=240)


def live_message(fake: FakeDiscord, author: dict, guild_id: int, text: str) -> dict:
    """A MESSAGE_CREATE as Discord sends it for a member's message in the server's indexed channel."""
    return {"id": str(fake.next_id()), "channel_id": str(CHANNEL[guild_id]), "guild_id": str(guild_id),
            "author": author, "content": text, "timestamp": TIMESTAMP, "edited_timestamp": None, "tts": False,
            "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
            "pinned": False, "type": 0, "flags": 0, "components": [],
            "member": {"roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False, "flags": 0}}


def test_an_opted_out_author_is_never_stored_in_any_server_until_they_opt_in(tmp_path, encoder):
    cfg = config(tmp_path, live=True)
    rt = Quoth(cfg, encoder=encoder)

    async def scenario():
        async with serving(rt) as (fake, bot):
            token = await fake.slash("index-me", {"state": "off"}, ALICE, guild_id=GUILD_B)
            said = (await fake.wait_for(callback_of(token))).body["data"]
            assert "none of your new messages will be indexed, in any server" in said["content"]
            stores = {gid: bot.tenants.for_guild(gid).quoth.messages for gid in (GUILD_A, GUILD_B)}
            for gid, store in stores.items():
                await fake.dispatch("MESSAGE_CREATE", live_message(fake, ALICE, gid, f"my {SECRET} secret, {gid}"))
                await fake.dispatch("MESSAGE_CREATE", live_message(fake, BOB, gid, "Bob was here"))
                await until(lambda s=store: s.count() >= 1, "Bob's message was never stored", 30)
                assert store.count() == 1 and store.opted_out(ALICE_ID)
            assert files_holding(tmp_path / "data") == []  # never written, not even to a WAL
            token = await fake.slash("index-me", {"state": "on"}, ALICE, guild_id=GUILD_A)
            assert "indexed again" in (await fake.wait_for(callback_of(token))).body["data"]["content"]
            await fake.dispatch("MESSAGE_CREATE", live_message(fake, ALICE, GUILD_A, "back in the index"))
            await until(lambda: stores[GUILD_A].count() == 2, "her message after opting in was not stored", 30)
    run(scenario(), timeout=180)


def test_expired_messages_go_at_start_and_when_the_day_comes(tmp_path, encoder):
    rt = seeded_app(tmp_path, encoder, time.time() - 10 * DAY, live_retention_days=7)  # A's are 10 days old

    async def scenario():
        async with serving(rt) as (fake, bot):
            a, b = (bot.tenants.for_guild(g).quoth.messages for g in (GUILD_A, GUILD_B))
            assert (a.count(), b.count()) == (0, 3)  # pruned at start, before the gateway connected
            assert SECRET not in await answer(fake, GUILD_A) and SECRET in await answer(fake, GUILD_B)
            privacy = bot.get_cog("Privacy")
            privacy.clock = lambda: time.time() + 7 * DAY  # a week on
            removed = await privacy.prune()
            assert removed.messages[f"guild-{GUILD_B}"] == 3 and b.count() == 0
            assert SECRET not in await answer(fake, GUILD_B)
    run(scenario(), timeout=180)
