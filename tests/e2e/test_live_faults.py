"""``quoth serve`` killed (SIGKILL) during a backfill and during a live batch, then restarted: the server's store
and index hold every message of the channel exactly once, none deleted (one was deleted while the bot was down:
the restart's reconcile catches it), the edit made while it was down, and the index agrees with the store."""

from __future__ import annotations

import asyncio
import re
import signal
import time
from pathlib import Path

import numpy as np

from quoth import Quoth
from quoth.bot.config import AppConfig

from .fake_discord import CHANNEL_ID, GUILD_ID, HISTORY_ROUTE, FakeDiscord, thread_payload
from .fake_ratelimits import Limit
from .live_bot import ALICE, BOB, community, live_config, serve, store_of
from .test_bot import run

MARKER = re.compile(r"m\d{4}q")
THREAD = 905000000000000000
EVERYTHING = (1 << 63) - 1


def note(i: int) -> str:
    return f"Logbook entry {i}: marker m{i:04d}q, the tide was {i % 7 + 1} feet at the harbour mouth."


async def poll(check, what: str, proc: asyncio.subprocess.Process | None, log: Path, timeout: float = 90.0):
    """Wait for ``check()`` (run in a thread); fail with the bot's log if it dies or time runs out."""
    deadline = time.monotonic() + timeout
    while not (got := await asyncio.to_thread(check)):
        if proc is not None and proc.returncode is not None:
            raise AssertionError(f"quoth serve exited ({proc.returncode}):\n{log.read_text()[-4000:]}")
        assert time.monotonic() < deadline, f"timed out waiting for {what}:\n{log.read_text()[-4000:]}"
        await asyncio.sleep(0.1)
    return got


async def kill(proc: asyncio.subprocess.Process, fake: FakeDiscord, log: Path) -> None:
    proc.send_signal(signal.SIGKILL)
    await proc.wait()
    await poll(lambda: not fake.sockets, "the gateway to notice the dead bot", None, log, 30)


def people(fake: FakeDiscord, channel_id: int = CHANNEL_ID) -> set[int]:
    return {int(m["id"]) for m in fake.history(channel_id)}


def test_killed_during_backfill_and_batch_every_message_once_none_deleted(tmp_path, encoder):
    # A batch a second: a kill right after the live messages are stored lands before their batch is published.
    cfg = live_config(tmp_path, live_a=[CHANNEL_ID], live_batch_seconds=1.0)
    store = store_of(cfg, GUILD_ID)
    log = tmp_path / "serve.log"
    fake = FakeDiscord()
    community(fake)
    start = time.time() - 3 * 86400
    old = [int(fake.message(CHANNEL_ID, note(i), BOB if i % 2 else ALICE, at=start + i * 30)["id"])
           for i in range(600)]
    # An active thread under the channel, with three messages (one is deleted while the bot is down).
    fake.guilds[GUILD_ID].threads[THREAD] = thread_payload(GUILD_ID, THREAD, CHANNEL_ID, "tides", int(ALICE["id"]))
    in_thread = [int(fake.message(THREAD, note(7000 + i), ALICE if i % 2 else BOB)["id"]) for i in range(3)]
    fake.limiter.limits[HISTORY_ROUTE] = Limit(1, 0.6)  # six pages over several seconds: time to kill mid-way

    async def scenario():
        await fake.start()
        procs: list[asyncio.subprocess.Process] = []
        try:
            proc = await backfill_killed(fake, store, cfg, tmp_path, log, old + in_thread, procs)
            await batch_killed(fake, store, cfg, tmp_path, log, proc, procs)
        finally:
            for p in procs:  # a failed assertion leaves no bot running
                if p.returncode is None:
                    p.kill()
                    await p.wait()
            await fake.stop()

    run(scenario(), timeout=400)
    check_index(cfg, store, fake, encoder)


def pages(fake: FakeDiscord) -> list:
    return [r for r in fake.requests if r.path == f"/channels/{CHANNEL_ID}/messages" and r.status == 200]


def cursor(store) -> int | None:
    channel = store.channel(CHANNEL_ID)
    return channel.backfill_before if channel is not None else None


async def backfill_killed(fake, store, cfg, tmp, log, old, procs) -> asyncio.subprocess.Process:
    proc = await serve(fake, cfg, tmp, log)
    procs.append(proc)
    await poll(lambda: len(pages(fake)) >= 2 and cursor(store), "two pages saved", proc, log)
    await kill(proc, fake, log)
    cut = store.channel(CHANNEL_ID)
    assert not cut.backfill_done and 0 < cut.messages < 600, cut
    # While the bot is down: a stored message is deleted, another edited, a new one posted (no event reaches it).
    await fake.delete(old[590])
    await fake.delete(old[-2])  # the thread's second message
    edited = fake.messages[old[580]]
    edited.update(content=note(580).replace("m0580q", "m9580q"), edited_timestamp="2026-01-02T00:00:00+00:00")
    fake.message(CHANNEL_ID, note(600), ALICE)

    proc = await serve(fake, cfg, tmp, log)
    procs.append(proc)
    await poll(lambda: store.channel(CHANNEL_ID).backfill_done and not store.pending(), "the resumed backfill",
               proc, log, 120)
    # Resumed from the saved cursor, not from the newest message again.
    assert any(r.query.get("before") == str(cut.backfill_before) for r in pages(fake))
    assert old[590] not in store.ids_between(CHANNEL_ID, 0, EVERYTHING)
    assert store.ids_between(CHANNEL_ID, 0, EVERYTHING) == people(fake)
    return proc


async def batch_killed(fake, store, cfg, tmp, log, proc, procs) -> None:
    posted = [await fake.post(CHANNEL_ID, note(601 + i), BOB if i % 2 else ALICE) for i in range(20)]
    await poll(lambda: store.pending(), "a live batch pending", proc, log)
    await kill(proc, fake, log)
    assert store.pending()  # killed with the batch unbuilt (and maybe some posts not yet stored)
    stored = store.version()
    await fake.delete(int(posted[3]["id"]))  # and one of the batch deleted while the bot is down

    identified = fake.identifies
    proc = await serve(fake, cfg, tmp, log)
    procs.append(proc)
    try:
        # What the killed batch left pending is built at start, before the gateway connects.
        await poll(lambda: fake.identifies > identified, "the restarted bot to connect", proc, log)
        assert store.built_version() >= stored
        await poll(lambda: store.ids_between(CHANNEL_ID, 0, EVERYTHING) == people(fake) and not store.pending(),
                   "the restarted bot to catch up and build", proc, log, 120)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            await asyncio.wait_for(proc.wait(), 30)
        except TimeoutError:
            proc.kill()
            await proc.wait()


def check_index(cfg: dict, store, fake: FakeDiscord, encoder) -> None:
    """The store holds each of the channel's messages once, and the index built from it agrees."""
    expected = {MARKER.search(m["content"]).group() for m in fake.history(CHANNEL_ID) + fake.history(THREAD)}
    assert len(expected) == 621 and not {"m0590q", "m0604q", "m7001q"} & expected
    assert store.ids_between(THREAD, 0, EVERYTHING) == people(fake, THREAD) and len(people(fake, THREAD)) == 2
    assert store.count(GUILD_ID) == len(expected) == len(store.ids_between(CHANNEL_ID, 0, EVERYTHING)) + 2
    app = Quoth(AppConfig.from_dict(cfg).for_guild(GUILD_ID), encoder=encoder)
    idx = app.current()
    paths = [d.source.path for d in idx.documents() if d.source.path.startswith("discord/")]
    texts = [idx.document_text(p) or "" for p in paths]
    found = [m for t in texts for m in MARKER.findall(t)]
    assert sorted(found) == sorted(expected), set(found) ^ expected  # each once: none lost, doubled or deleted
    passages = idx.passages(np.arange(len(idx)))
    quoted = {m for p, _ in passages for m in MARKER.findall(p.text)}
    assert quoted == expected and "m0580q" not in quoted and "m9580q" in quoted
