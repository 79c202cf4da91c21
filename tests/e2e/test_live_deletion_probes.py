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


def test_buttons_of_an_answer_given_before_a_deletion_never_show_the_deleted_words(tmp_path, encoder):
    """Context, Cite and More on an answer that quoted a message, clicked after the message was deleted (before
    the rebuild, and after it): none shows its words."""
    import json

    from .fake_discord import custom_ids
    from .live_bot import BOB
    from .test_bot import callback_of, edited

    cfg = live_config(tmp_path, live_a=[CHANNEL_ID])
    fake = FakeDiscord()
    community(fake)
    store = store_of(cfg, GUILD_ID)
    question = "What did someone find in the shed behind the marquee?"  # the word is in no question

    async def click(original: dict, custom_id: str) -> str:
        clicked = await fake.click(original, custom_id, BOB, guild_id=GUILD_ID)
        body = (await fake.wait_for(callback_of(clicked), timeout=60)).body
        if body["type"] in (5, 6):  # deferred: the reply comes as an edit or a follow-up of the click
            reply = await fake.wait_for(lambda r: r.method in ("PATCH", "POST") and f"/{clicked}" in r.path
                                        and not r.path.endswith("/callback") and r.body, timeout=60)
            body = reply.body
        return json.dumps(body)

    async def scenario():
        async with live_bot(cfg, fake, encoder):
            await until(lambda: store.enabled(CHANNEL_ID), "the config channel enabled")
            posted = await fake.post(CHANNEL_ID, "I found the snorvalent in the shed behind the marquee.", ALICE)
            for i in range(6):
                await fake.post(CHANNEL_ID, f"Shed note {i}: the shed needs a new padlock and {i} shelves.",
                                BOB if i % 2 else ALICE)
            await answered(fake, question, "snorvalent")
            token = await fake.slash("ask", {"question": question, "k": 1}, ALICE, guild_id=GUILD_ID)
            body = (await fake.wait_for(edited(token), timeout=60)).body
            assert "snorvalent" in json.dumps(body)
            original, ids = fake.originals[token], custom_ids(body)
            assert {i.split(":")[1] for i in ids} >= {"ctx", "cite", "more"}, ids
            for cid in ids:  # while the message stands, the buttons do show it
                if cid.startswith(("quoth:ctx:", "quoth:cite:")):
                    assert "snorvalent" in await click(original, cid), cid
            version = store.version()
            await fake.delete(int(posted["id"]))
            await until(lambda: store.version() > version, "the deletion stored")
            for round_ in ("before the rebuild", "after the rebuild"):
                for cid in ids:
                    if cid.startswith(("quoth:ctx:", "quoth:cite:", "quoth:more:")):
                        assert "snorvalent" not in await click(original, cid), (cid, round_)
                await until(lambda: not store.pending(), "the rebuild")

    run(scenario(), timeout=300)
