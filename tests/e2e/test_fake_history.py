"""The fake Discord's history, rate limits and community events, driven by the real discord.py client.

These prove the fake behaves as Discord does where the live-channel code depends on it: ``channel.history()``
pages return every message once in Discord's order, discord.py waits as the rate-limit headers and 429s tell it,
and each community change arrives as the raw event discord.py builds from Discord's payload.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time

import discord
import pytest

from .fake_discord import (
    BOT_USER,
    GUILD_ID,
    HISTORY_ROUTE,
    THREAD_CREATED,
    FakeDiscord,
    snowflake_time,
    user,
)
from .fake_discord import connected as client_connected
from .fake_ratelimits import Limit

ALICE = user(800000000000000001, "alice")
BOB = user(800000000000000002, "bob")
DAY = 86400.0


class Recorder(discord.Client):
    """A plain discord.py client that keeps every event the live-channel code listens to."""

    def __init__(self, intents: discord.Intents) -> None:
        super().__init__(intents=intents)
        self.events: list[tuple[str, object]] = []
        self.arrived = asyncio.Event()

    def _keep(self, name: str, payload: object) -> None:
        self.events.append((name, payload))
        self.arrived.set()

    async def on_message(self, message: discord.Message) -> None:
        self._keep("message", message)

    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        self._keep("raw_message_edit", payload)

    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        self._keep("raw_message_delete", payload)

    async def on_raw_bulk_message_delete(self, payload: discord.RawBulkMessageDeleteEvent) -> None:
        self._keep("raw_bulk_message_delete", payload)

    async def on_thread_create(self, thread: discord.Thread) -> None:
        self._keep("thread_create", thread)

    async def on_raw_thread_delete(self, payload: discord.RawThreadDeleteEvent) -> None:
        self._keep("raw_thread_delete", payload)

    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        self._keep("guild_channel_delete", channel)

    async def next(self, name: str, timeout: float = 10.0):
        """The next recorded ``name`` event (consumed), waiting for it."""
        deadline = time.monotonic() + timeout
        while True:
            for i, (kind, payload) in enumerate(self.events):
                if kind == name:
                    del self.events[i]
                    return payload
            self.arrived.clear()
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no {name} event; got {[k for k, _ in self.events]}"
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.arrived.wait(), remaining)


def intents(content: bool = True) -> discord.Intents:
    chosen = discord.Intents.default()
    chosen.message_content = content
    return chosen


@contextlib.asynccontextmanager
async def connected(fake: FakeDiscord, wanted: discord.Intents | None = None):
    """A ``Recorder`` connected to ``fake`` (the fake's own start-up and teardown)."""
    async with client_connected(fake, Recorder(wanted or intents()), timeout=30) as client:
        yield client


def run(coro, timeout: float = 60):
    return asyncio.run(asyncio.wait_for(coro, timeout))


def seed(fake: FakeDiscord, channel_id: int, n: int, start: float) -> list[int]:
    """``n`` messages by two people, one a minute from ``start``, stored before the client connects."""
    people = itertools.cycle([ALICE, BOB])
    return [int(fake.message(channel_id, f"message {i}", next(people), at=start + 60 * i)["id"]) for i in range(n)]


def history_gets(fake: FakeDiscord, channel_id: int) -> list:
    return [r for r in fake.requests if r.method == "GET" and r.path == f"/channels/{channel_id}/messages"]


def test_history_pages_return_every_message_once_in_discords_order():
    fake = FakeDiscord()
    chat = fake.add_channel(GUILD_ID, "chat")
    cid = int(chat["id"])
    start = time.time() - 30 * DAY
    ids = seed(fake, cid, 250, start)
    fake.message(cid, "only you can see this", BOT_USER)["flags"] = 64  # ephemeral: never in history

    async def scenario():
        async with connected(fake) as client:
            channel = client.get_channel(cid)
            newest_first = [m async for m in channel.history(limit=None)]
            assert [m.id for m in newest_first] == ids[::-1]
            # Three pages of 100, 100, 50: each asks before the oldest id of the page it got.
            gets = history_gets(fake, cid)
            assert [g.query.get("limit") for g in gets] == ["100", "100", "100"]
            assert [g.query.get("before") for g in gets[1:]] == [str(ids[150]), str(ids[50])]
            first = newest_first[-1]
            assert first.content == "message 0" and first.author.name == "alice"
            assert abs(first.created_at.timestamp() - start) < 0.001  # the id is the posting time's snowflake
            # after= pages run oldest to newest; before= and after= together bound both ends.
            after = [m.id async for m in channel.history(limit=None, after=discord.Object(ids[199]))]
            assert after == ids[200:]
            between = [m.id async for m in channel.history(limit=None, after=discord.Object(ids[9]),
                                                           before=discord.Object(ids[20]))]
            assert between == ids[10:20]  # oldest first, as discord.py pages after=
            around = [m.id async for m in channel.history(limit=11, around=discord.Object(ids[100]))]
            assert sorted(around) == ids[95:106]
            # A message deleted or posted since is reflected in the next read, exactly once.
            await fake.delete(ids[5])
            late = await fake.post(cid, "a late one", ALICE)
            again = [m.id async for m in channel.history(limit=None, oldest_first=True)]
            assert again == [i for i in ids if i != ids[5]] + [int(late["id"])]
    run(scenario())


def test_history_asks_that_break_discords_rules_are_refused():
    fake = FakeDiscord()
    cid = int(fake.add_channel(GUILD_ID, "chat")["id"])
    seed(fake, cid, 3, time.time() - DAY)

    async def scenario():
        async with connected(fake) as client:
            for query in ({"limit": 101}, {"limit": 0}, {"before": 1, "after": 2}):
                with pytest.raises(discord.HTTPException) as refused:
                    await client.http.request(discord.http.Route("GET", "/channels/{channel_id}/messages",
                                                                 channel_id=cid), params=query)
                assert refused.value.status == 400 and refused.value.code == 50035
            with pytest.raises(discord.NotFound) as unknown:
                await client.http.logs_from(123456789, 10)
            assert unknown.value.code == 10003
    run(scenario())


def test_discordpy_waits_as_the_rate_limit_headers_say():
    fake = FakeDiscord()
    fake.limiter.limits[HISTORY_ROUTE] = Limit(2, 1.0)  # two pages a second
    cid = int(fake.add_channel(GUILD_ID, "chat")["id"])
    ids = seed(fake, cid, 450, time.time() - 30 * DAY)

    async def scenario():
        async with connected(fake) as client:
            got = [m.id async for m in client.get_channel(cid).history(limit=None)]
            assert got == ids[::-1]
    run(scenario())
    gets = history_gets(fake, cid)
    assert len(gets) == 5 and all(g.status == 200 for g in gets), [g.status for g in gets]  # never refused
    # The third page waited for the window the first opened to reset, the fifth for the second window.
    assert gets[2].at - gets[0].at >= 0.99, gets[2].at - gets[0].at
    assert gets[4].at - gets[2].at >= 0.99, gets[4].at - gets[2].at
    assert gets[1].at - gets[0].at < 0.5  # and did not wait while the bucket had requests left


@pytest.mark.parametrize(("scope", "is_global"), [("user", False), ("shared", False), ("global", True)])
def test_discordpy_waits_out_a_429_as_told(scope, is_global):
    fake = FakeDiscord()
    cid = int(fake.add_channel(GUILD_ID, "chat")["id"])
    ids = seed(fake, cid, 30, time.time() - DAY)
    fake.throttle(0.6, path=f"/channels/{cid}/messages", scope=scope, is_global=is_global)

    async def scenario():
        async with connected(fake) as client:
            got = [m.id async for m in client.get_channel(cid).history(limit=None)]
            assert got == ids[::-1]
    run(scenario())
    gets = history_gets(fake, cid)
    assert [g.status for g in gets] == [429, 200]
    gap = gets[1].at - gets[0].at
    assert 0.6 <= gap < 3, gap


def test_community_changes_arrive_as_discordpys_raw_events():
    fake = FakeDiscord()
    fake.add_member(GUILD_ID, ALICE, nick="Ally")
    cid = int(fake.add_channel(GUILD_ID, "chat")["id"])
    other = int(fake.add_channel(GUILD_ID, "doomed")["id"])

    async def scenario():
        async with connected(fake) as client:
            posted = await fake.post(cid, "we meet on Fridays now", ALICE)
            message = await client.next("message")
            assert (message.id, message.content, message.guild.id, message.channel.id) == (
                int(posted["id"]), "we meet on Fridays now", GUILD_ID, cid)
            assert message.author.id == int(ALICE["id"]) and message.author.display_name == "Ally"
            reply = await fake.post(cid, "agreed", BOB, reply_to=int(posted["id"]))
            answer = await client.next("message")
            assert answer.reference.message_id == int(posted["id"]) and answer.author.display_name == "bob"

            await fake.edit(int(posted["id"]), "we meet on Saturdays now")
            edit = await client.next("raw_message_edit")
            assert (edit.message_id, edit.channel_id, edit.guild_id) == (int(posted["id"]), cid, GUILD_ID)
            assert edit.message.content == "we meet on Saturdays now" and edit.message.edited_at is not None
            assert edit.data["content"] == "we meet on Saturdays now"

            await fake.delete(int(reply["id"]))
            gone = await client.next("raw_message_delete")
            assert (gone.message_id, gone.channel_id, gone.guild_id) == (int(reply["id"]), cid, GUILD_ID)

            batch = [int((await fake.post(cid, f"spam {i}", BOB))["id"]) for i in range(3)]
            assert [(await client.next("message")).id for _ in batch] == batch
            await fake.bulk_delete(cid, batch)
            bulk = await client.next("raw_bulk_message_delete")
            assert bulk.message_ids == set(batch) and (bulk.channel_id, bulk.guild_id) == (cid, GUILD_ID)

            thread = await fake.create_thread(cid, "build flags", ALICE)
            made = await client.next("thread_create")
            assert (made.id, made.parent_id, made.name) == (int(thread["id"]), cid, "build flags")
            system = await client.next("message")  # Discord's "started a thread" notice, a system message
            assert system.type is discord.MessageType.thread_created and system.is_system()
            assert fake.messages[system.id]["type"] == THREAD_CREATED
            await fake.post(int(thread["id"]), "use -O2", ALICE)
            inside = await client.next("message")
            assert isinstance(inside.channel, discord.Thread) and inside.channel.parent_id == cid
            await fake.delete_thread(int(thread["id"]))
            dropped = await client.next("raw_thread_delete")
            assert (dropped.thread_id, dropped.parent_id, dropped.guild_id) == (int(thread["id"]), cid, GUILD_ID)
            assert fake.history(int(thread["id"])) == []

            doomed_thread = await fake.create_thread(other, "side talk", BOB)
            await client.next("thread_create")
            await fake.delete_channel(other)
            deleted = await client.next("guild_channel_delete")
            under = await client.next("raw_thread_delete")  # discord.py derives it from its cache
            assert deleted.id == other and under.thread_id == int(doomed_thread["id"])
            assert client.get_channel(other) is None
            with pytest.raises(discord.NotFound):
                await client.http.logs_from(other, 10)
    run(scenario())
    assert [m["content"] for m in fake.history(cid)] == ["we meet on Saturdays now"]


def test_message_content_follows_the_intent():
    fake = FakeDiscord()
    cid = int(fake.add_channel(GUILD_ID, "chat")["id"])

    async def scenario():
        async with connected(fake, intents(content=False)) as client:
            await fake.post(cid, "a plain remark", ALICE)
            assert (await client.next("message")).content == ""  # not for an app without the intent
            await fake.post(cid, f"<@{BOT_USER['id']}> hello", ALICE, mentions=[BOT_USER])
            assert (await client.next("message")).content.endswith("hello")  # a mention is always readable
            # REST follows the portal setting, which this app has on.
            assert [m.content async for m in client.get_channel(cid).history(limit=5)][-1] == "a plain remark"
    run(scenario())

    refused = FakeDiscord(portal_intents=0)

    async def privileged():
        async with connected(refused):
            pass
    with pytest.raises(discord.PrivilegedIntentsRequired):
        run(privileged())


def test_snowflakes_carry_the_posting_time():
    fake = FakeDiscord()
    cid = int(fake.add_channel(GUILD_ID, "chat")["id"])
    old = fake.message(cid, "long ago", ALICE, at=1_700_000_000.0)
    again = fake.message(cid, "same moment", BOB, at=1_700_000_000.0)
    assert snowflake_time(int(old["id"])) == 1_700_000_000.0 and int(again["id"]) == int(old["id"]) + 1
    assert old["timestamp"].startswith("2023-11-14T22:13:20")
    now = [fake.next_id() for _ in range(3)]
    assert now == sorted(set(now)) and abs(snowflake_time(now[0]) - time.time()) < 5
