"""Live channels end to end: the real bot against the fake Discord, two servers with corpora of their own.

Backfill (paged, paced by rate-limit headers and a 429, progress in /index-channel list), then live events:
create, edit, delete, bulk delete, thread and channel deletion, bots skipped, and no server's messages ever
answered in the other.
"""

from __future__ import annotations

import asyncio
import itertools
import re
import time

from .fake_discord import CHANNEL_ID, GUILD_ID, HISTORY_ROUTE, THREAD_CREATED, ChannelRef, FakeDiscord, custom_ids
from .fake_ratelimits import Limit
from .live_bot import (
    ALICE,
    BOB,
    CHANNEL_B,
    GUILD_B,
    HOOKBOT,
    answered,
    ask,
    command,
    community,
    jump,
    live_bot,
    live_config,
    said,
    serve,
    store_of,
    until,
)
from .test_bot import callback_of, edited, run

TOPICS = ("bunting", "raffle", "marquee", "tombola", "cake stall", "car park", "brass band", "face painting")
GUILD_C = 920000000000000100
PARROT = "The lighthouse keeper's parrot speaks fluent Portuguese and whistles sea shanties at dawn."
SECRET_B = "Our treasurer keeps the float in a biscuit tin marked flumpnitz behind the boiler."


def history_of(fake: FakeDiscord, channel_id: int) -> list:
    path = f"/channels/{channel_id}/messages"
    return [r for r in fake.requests if r.method == "GET" and r.path == path]


def old_messages(fake: FakeDiscord) -> int:
    """250 people's messages in server A's #general over the past days (the parrot among the oldest page), a few
    bots' and a system message between them; server B's #general has its own. Returns the parrot's id."""
    start = time.time() - 5 * 86400
    parrot = 0
    for i in range(250):
        author = BOB if i % 3 else ALICE
        text = PARROT if i == 7 else f"Fair note {i}: the {TOPICS[i % len(TOPICS)]} needs {i % 9 + 2} volunteers."
        msg = fake.message(CHANNEL_ID, text, author, at=start + i * 60)
        parrot = int(msg["id"]) if i == 7 else parrot
        if i % 50 == 25:
            fake.message(CHANNEL_ID, f"Automated reminder {i}: grelbinox widgets restocked.", HOOKBOT,
                         at=start + i * 60 + 1)
    fake.message(CHANNEL_ID, "fair planning", ALICE, at=start + 99 * 60 + 30, kind=THREAD_CREATED)
    fake.message(CHANNEL_B, SECRET_B, BOB, at=start)
    return parrot


def test_backfill_is_paged_paced_resumable_and_shown(tmp_path, encoder):
    cfg = live_config(tmp_path)
    fake = FakeDiscord()
    community(fake)
    fake.add_guild(GUILD_C, "C")  # not listed under [guilds]: answered from the default corpus
    parrot = old_messages(fake)
    # One history request a second (the headers say so after each), and one 429 the bot must wait out.
    fake.limiter.limits[HISTORY_ROUTE] = Limit(1, 1.0)

    async def scenario():
        async with live_bot(cfg, fake, encoder) as bot:
            # Nothing is read or stored before an admin asks for it.
            assert "Portuguese" not in said(await ask(fake, "What language does the lighthouse parrot speak?"))
            store = store_of(cfg, GUILD_ID)
            assert not history_of(fake, CHANNEL_ID) and store.count() == 0 and not store.channels()
            assert "No channel is indexed" in await command(fake, "list")
            # Only admins choose what is indexed.
            token = await fake.slash("index-channel", {"channel": ChannelRef(CHANNEL_ID)}, ALICE, sub="add")
            refused = (await fake.wait_for(callback_of(token))).body["data"]
            assert refused["content"].startswith("Sorry, only server admins") and refused["flags"] & 64
            assert not store.channels()

            reply = await command(fake, "add", channel=CHANNEL_ID)
            assert "reading its history" in reply
            await fake.wait_for(lambda r: r in history_of(fake, CHANNEL_ID))
            fake.throttle(1.5, path=f"/channels/{CHANNEL_ID}/messages")
            await until(lambda: store.channels(GUILD_ID)[0].backfill_before, "the first page saved")
            shown = await command(fake, "list")
            assert re.search(r"history read back to \d{4}-\d\d-\d\d \(reading: \d+ messages in \d+ pages", shown), shown

            await until(lambda: store.channels(GUILD_ID)[0].backfill_done, "the backfill", timeout=60)
            pages = history_of(fake, CHANNEL_ID)
            # 256 messages (250 people's, 5 bots', 1 system): three pages, the second refused once.
            assert [r.status for r in pages] == [200, 429, 200, 200], [(r.status, r.query) for r in pages]
            assert all(int(r.query["limit"]) == 100 for r in pages)
            # It waited out the 429's retry_after, and each window the headers announced: no other 429.
            assert pages[2].at - pages[1].at >= 1.4
            assert all(b.at - a.at >= 0.8 for a, b in itertools.pairwise(pages))

            people = {int(m["id"]) for m in fake.history(CHANNEL_ID)}
            assert len(people) == 250
            assert store.ids_between(CHANNEL_ID, 0, (1 << 63) - 1) == people and store.count(GUILD_ID) == 250
            assert re.search(r"250 messages · history read to the start; live", await command(fake, "list"))

            hit = await answered(fake, "What language does the lighthouse parrot speak?", "Portuguese")
            assert hit["author"]["name"].startswith("1. Bob Stone") and hit["url"] == jump(GUILD_ID, CHANNEL_ID,
                                                                                            parrot)
            # Server B never added its channel, and A's messages are A's alone.
            assert "flumpnitz" not in said(await ask(fake, "Where is the biscuit tin flumpnitz?"))
            assert "Portuguese" not in said(await ask(fake, "What language does the lighthouse parrot speak?",
                                                      GUILD_B))
            assert "No channel is indexed" in await command(fake, "list", GUILD_B)
            # A server on the shared default corpus cannot index channels (its messages would reach the others).
            refused = await command(fake, "add", GUILD_C, channel=GUILD_C + 1)
            assert "no corpus of its own" in refused and not bot.tenants.default.quoth.messages.channels()

            removed = await command(fake, "remove", channel=CHANNEL_ID)
            assert "deleted its 250 stored messages" in removed
            assert "Portuguese" not in said(await ask(fake, "What language does the lighthouse parrot speak?"))
            assert store.count(GUILD_ID) == 0 and "No channel is indexed" in await command(fake, "list")
            assert bot.intents.message_content

    run(scenario(), timeout=240)


def test_live_events_reach_answers_within_seconds_and_deletions_never_do(tmp_path, encoder):
    cfg = live_config(tmp_path, live_a=[CHANNEL_ID], live_b=[CHANNEL_B])
    fake = FakeDiscord()
    community(fake)
    store, store_b = store_of(cfg, GUILD_ID), store_of(cfg, GUILD_B)

    async def changed(since: int) -> int:
        """Wait until the bot has written an event to server A's store; its new version."""
        return await until(lambda: store.version() > since and store.version(), "the event stored")

    async def gone(question: str, word: str) -> None:
        assert word not in said(await ask(fake, question)), f"{word!r} still served"

    async def scenario():
        async with live_bot(cfg, fake, encoder) as bot:
            await until(lambda: store.enabled(CHANNEL_ID) and store_b.enabled(CHANNEL_B), "config channels enabled")
            posted = await fake.post(CHANNEL_ID, "The zebra crossing by the bakery gets painted quokkablue on "
                                                 "Monday.", ALICE)
            started = time.monotonic()
            hit = await answered(fake, "What colour will the zebra crossing be painted?", "quokkablue")
            assert time.monotonic() - started < 10
            assert hit["author"]["name"].startswith("1. Alice Ng")
            assert hit["url"] == jump(GUILD_ID, CHANNEL_ID, posted["id"])
            cited = await cite_first(fake, "What colour will the zebra crossing be painted?")
            assert f"]({jump(GUILD_ID, CHANNEL_ID, posted['id'])})" in cited and "— Alice Ng" in cited

            # Two servers' live channels never leak into each other.
            await fake.post(CHANNEL_B, SECRET_B, BOB)
            await answered(fake, "Where does the treasurer keep the float?", "flumpnitz", GUILD_B)
            assert "flumpnitz" not in said(await ask(fake, "Where does the treasurer keep the float?"))
            assert "quokkablue" not in said(await ask(fake, "What colour is the zebra crossing?", GUILD_B))

            # A bot's message is never stored.
            robot = await fake.post(CHANNEL_ID, "Automated notice: grelbinox widgets restocked.", HOOKBOT)
            await fake.post(CHANNEL_ID, "Please bring the wuzzleplank for the stage on Saturday.", BOB)
            await answered(fake, "What should be brought for the stage?", "wuzzleplank")
            await gone("Which widgets were restocked?", "grelbinox")
            assert int(robot["id"]) not in store.ids_between(CHANNEL_ID, 0, (1 << 63) - 1)

            # Edit: the new words answerable, the old ones not, from the moment the edit is stored.
            version = store.version()
            await fake.edit(int(posted["id"]), "The zebra crossing by the bakery gets painted marmaladeorange.")
            await changed(version)
            await gone("What colour will the zebra crossing be painted?", "quokkablue")
            await answered(fake, "What colour will the zebra crossing be painted?", "marmaladeorange")
            await gone("What colour will the zebra crossing be painted?", "quokkablue")
            await deletions(fake, store, changed, gone)
            await threads_and_channels(fake, bot, store, changed, gone)
            removed = await command(fake, "remove", channel=CHANNEL_ID)
            assert "listed in my config" in removed and not store.enabled(CHANNEL_ID)
            await gone("What colour will the zebra crossing be painted?", "marmaladeorange")

    run(scenario(), timeout=300)


async def deletions(fake: FakeDiscord, store, changed, gone) -> None:
    """A delete and a bulk delete: never served once stored, nor after the rebuild."""
    said_by = {"pindleshaft": ("Who fixed the pindleshaft on the gate?", "I fixed the pindleshaft on the gate.", BOB),
               "crumblewick": ("Who baked the crumblewick pie?", "I baked the crumblewick pie for the fair.", ALICE),
               "snorvalent": ("Who found the snorvalent in the shed?", "I found the snorvalent in the shed.", BOB)}
    words = {w: q for w, (q, _, _) in said_by.items()}
    # Different people in turn: three passages, not one person's consecutive messages under one header.
    posted = {w: await fake.post(CHANNEL_ID, text, who) for w, (_, text, who) in said_by.items()}
    for w, q in words.items():
        await answered(fake, q, w)
    version = store.version()
    await fake.delete(int(posted["pindleshaft"]["id"]))
    version = await changed(version)
    await gone(words["pindleshaft"], "pindleshaft")
    await fake.bulk_delete(CHANNEL_ID, [int(posted[w]["id"]) for w in ("crumblewick", "snorvalent")])
    await changed(version)
    for w in ("crumblewick", "snorvalent"):
        await gone(words[w], w)
    await until(lambda: not store.pending(), "the rebuild after the deletions")
    for w, q in words.items():
        await gone(q, w)


async def threads_and_channels(fake: FakeDiscord, bot, store, changed, gone) -> None:
    """A thread's messages count under its channel; deleting the thread, or a channel, removes them."""
    thread = await fake.create_thread(CHANNEL_ID, "fair planning", ALICE)
    tid = int(thread["id"])
    await fake.post(tid, "In the thread: the yodelbrack banner hangs over the gate.", ALICE)
    await answered(fake, "Where does the yodelbrack banner hang?", "yodelbrack")
    version = store.version()
    await fake.delete_thread(tid)
    await changed(version)
    await gone("Where does the yodelbrack banner hang?", "yodelbrack")

    other = await fake.create_channel(GUILD_ID, "random")
    cid = int(other["id"])
    await until(lambda: bot.get_channel(cid), "the new channel in the bot's cache")
    assert "Indexing" in await command(fake, "add", channel=cid)
    await fake.post(cid, "Random thought: the dramplefoo is the best ride at the fair.", BOB)
    await answered(fake, "Which is the best ride at the fair?", "dramplefoo")
    await fake.delete_channel(cid)
    await until(lambda: not store.enabled(cid), "the deleted channel disabled")
    await gone("Which is the best ride at the fair?", "dramplefoo")


async def cite_first(fake: FakeDiscord, question: str) -> str:
    """The Cite button of an answer's first quote, clicked: the citation shown."""
    token = await fake.slash("ask", {"question": question, "k": 1}, ALICE, guild_id=GUILD_ID)
    body = (await fake.wait_for(edited(token), timeout=60)).body
    cite_id = next(i for i in custom_ids(body) if i.startswith("quoth:cite:"))
    clicked = await fake.click(fake.originals[token], cite_id, BOB, guild_id=GUILD_ID)
    return (await fake.wait_for(callback_of(clicked), timeout=30)).body["data"]["content"]


def test_without_the_portal_intent_serve_says_how_to_turn_it_on(tmp_path):
    cfg = live_config(tmp_path, live_a=[CHANNEL_ID])
    fake = FakeDiscord(portal_intents=0)  # Message Content not enabled for the application
    log = tmp_path / "serve.log"

    async def scenario():
        await fake.start()
        try:
            proc = await serve(fake, cfg, tmp_path, log)
            try:
                return await asyncio.wait_for(proc.wait(), 120)
            finally:
                if proc.returncode is None:  # it kept running: stopped, and the test fails on its exit code
                    proc.kill()
                    await proc.wait()
        finally:
            await fake.stop()

    assert run(scenario(), timeout=150) == 2
    lines = [ln for ln in log.read_text().splitlines() if ln.startswith("quoth: error:")]
    assert len(lines) == 1 and "turn on Message Content Intent in the developer portal" in lines[0], \
        log.read_text()[-3000:]
    assert "Traceback" not in log.read_text()
