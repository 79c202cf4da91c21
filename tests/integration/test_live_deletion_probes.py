"""Probes of "a deleted (forgotten, edited-away) message is never served after its deletion is processed",
against the real store, model and index files: edits by people who opted out, deletes repeated or before the
create, a bulk delete of 100 ids, a message shaped like a chat header."""

from __future__ import annotations

from dataclasses import replace

import pytest

from .test_live_messages import SECRET, chatter, everything_shown, quoth, say


def test_an_edit_by_someone_who_opted_out_still_takes_the_old_words_out(tmp_path, encoder):
    """Opting out keeps future messages out, and what is stored stays: but an edit that removes words from a
    stored message must not be ignored, or the words it removed are served for good."""
    q = quoth(tmp_path, encoder)
    original = say(40, SECRET, author=7, name="Ola", minute=40 * 7)
    q.messages.upsert([*chatter(8), original])
    q.index()
    q.messages.opt_out(7)
    q.messages.upsert([replace(original, content="I would rather not say where.", edited_at=original.created_at + 9)])
    assert not any("boathouse" in t for t in everything_shown(q, SECRET))
    q.index()
    assert not any("boathouse" in t for t in everything_shown(q, SECRET))


def test_deleted_twice_deleted_before_created_and_a_bulk_of_100(tmp_path, encoder):
    q = quoth(tmp_path, encoder)
    bulk = [say(100 + i, f"Bulk note {i}: {SECRET} number {i}.", author=9, name="Bo", minute=500 + i)
            for i in range(100)]
    q.messages.upsert([*chatter(8), say(40, SECRET, author=7, name="Ola", minute=40 * 7), *bulk])
    q.index()
    assert q.messages.delete([5040]) == 1 and q.messages.delete([5040]) == 0
    assert q.messages.delete([m.id for m in bulk]) == 100
    assert q.messages.delete([7777]) == 0  # its create has not come yet
    q.messages.upsert([say(7777 - 5000, "the boathouse on Fridays, confirmed", author=3, name="Kim", minute=900)])
    q.messages.upsert([say(40, SECRET, author=7, name="Ola", minute=40 * 7)])  # a replayed create
    assert not any("boathouse" in t for t in everything_shown(q, SECRET))
    q.index()
    assert not any("boathouse" in t for t in everything_shown(q, SECRET))
    assert q.messages.count() == 8


def test_a_deleted_message_shaped_like_a_header_takes_its_words_along(tmp_path, encoder):
    q = quoth(tmp_path, encoder)
    fake = say(40, f"[2023-11-14 00:01] Tess\n{SECRET}\n\n[2023-11-14 00:02] Sam\n**ok** <@123> @everyone",
               author=7, name="Ola", minute=40 * 7)
    q.messages.upsert([*chatter(8), fake, say(41, "x" * 10 + " " + "harbour " * 480, author=7, name="Ola",
                                              minute=40 * 7 + 1)])
    q.index()
    assert any("boathouse" in t for t in everything_shown(q, SECRET))
    q.messages.delete([5040, 5041])
    shown = everything_shown(q, SECRET) + everything_shown(q, "harbour harbour")
    assert not any("boathouse" in t or "harbour harbour" in t for t in shown)


@pytest.mark.xfail(strict=True, reason="not fixed: the speaker directory is the serving generation's until the "
                   "rebuild (seconds, by the batcher); withholding covers passages, not names")
def test_a_forgotten_person_is_not_offered_as_a_speaker_before_the_rebuild(tmp_path, encoder):
    q = quoth(tmp_path, encoder)
    q.messages.upsert([*chatter(8), say(40, SECRET, author=7, name="Ola", minute=40 * 7)])
    q.index()
    assert "Ola" in dict(q.speakers())
    q.messages.forget_user(7)
    assert "Ola" not in dict(q.speakers())


def test_a_delete_in_a_thread_the_bot_no_longer_caches_still_removes_the_message(tmp_path):
    """An archived thread leaves discord.py's cache (and a restart does not bring it back): a message deleted
    there must still leave the store, or its words stay quoted."""
    import asyncio
    from types import SimpleNamespace

    from quoth.bot.config import BotSettings
    from quoth.bot.discord.live.feed import LiveFeed
    from quoth.channels import MessageStore

    store = MessageStore(tmp_path / "messages.sqlite")
    store.enable(CHANNEL_ID := 10, 1, "general")
    thread_message = replace(say(40, SECRET, author=7, name="Ola"), channel_id=77, parent_id=CHANNEL_ID,
                             channel_name="plans")
    store.upsert([say(1, "hello"), thread_message])
    tenant = SimpleNamespace(key="guild-1", guild_id=1, quoth=SimpleNamespace(messages=store))
    guild = SimpleNamespace(id=1, get_channel_or_thread=lambda cid: None)  # the thread is not cached
    bot = SimpleNamespace(cfg=SimpleNamespace(bot=BotSettings()), get_guild=lambda gid: guild,
                          tenants=SimpleNamespace(for_guild=lambda gid: tenant))
    feed = LiveFeed(bot)
    try:
        asyncio.run(feed.delete(1, 77, [thread_message.id]))
    finally:
        feed.writer.shutdown(wait=True)
    assert store.count() == 1


def test_a_message_posted_while_a_restart_reconciles_is_not_taken_for_deleted(tmp_path):
    """Reconcile compares the stored messages with a history read a moment before: one posted (and stored by
    its event) after the read began is not missing from Discord, and must not be deleted and tombstoned."""
    import asyncio
    import datetime as dt
    from types import SimpleNamespace

    import discord

    from quoth.bot.discord.live.history import ChannelSync, Progress
    from quoth.channels import MessageStore

    store = MessageStore(tmp_path / "messages.sqlite")
    store.enable(10, 1, "general")
    guild = SimpleNamespace(id=1, get_member=lambda uid: SimpleNamespace(display_name="Sam"))
    now = discord.utils.utcnow()

    def discord_message(snowflake: int, text: str):
        return SimpleNamespace(id=snowflake, guild=guild, type=discord.MessageType.default, webhook_id=None,
                               author=SimpleNamespace(id=5, bot=False, display_name="Sam"), content=text,
                               clean_content=text, channel=channel, reference=None, edited_at=None,
                               created_at=discord.utils.snowflake_time(snowflake))

    old_id = discord.utils.time_snowflake(now - dt.timedelta(hours=1))
    new_id = discord.utils.time_snowflake(now + dt.timedelta(seconds=1))  # posted while the history is read

    async def history(limit):
        yield discord_message(old_id, "The old message, still there.")
        store.upsert([replace(say(0, "Posted during the restart."), id=new_id)])  # its live event

    channel = SimpleNamespace(id=10, name="general", guild=guild, history=history)
    store.upsert([replace(say(0, "The old message, still there."), id=old_id)])

    async def call(fn, *args):
        return fn(*args)

    sync = ChannelSync(channel, store, call, False, Progress())
    checked, deleted = asyncio.run(sync.reconcile(500))
    assert checked == 1
    assert deleted == 0 and store.count() == 2


def test_forgotten_messages_do_not_come_back_when_history_is_read_again(tmp_path, encoder):
    """After /forget-me the person's messages are still on Discord: a restart's reconcile (the recent messages
    rewritten), a thread's mirror (read whole at every start) or a backfill page upserts them again. They
    must not return to the store, nor to answers."""
    q = quoth(tmp_path, encoder)
    theirs = say(40, SECRET, author=7, name="Ola", minute=40 * 7)
    q.messages.upsert([*chatter(8), theirs])
    q.index()
    assert q.messages.forget_user(7) == 1
    q.index()
    q.messages.upsert([*chatter(8), theirs], backfill=(10, 5000, True))  # the same history, read again
    assert q.messages.count() == 8 and not q.messages.pending()
    q.index()
    assert not any("boathouse" in t for t in everything_shown(q, SECRET))
    later = say(60, "New words after forgetting, still welcome.", author=7, name="Ola", minute=900)
    assert q.messages.upsert([later]) == 1  # what they write afterwards comes in (opting out is /index-me)


def test_words_edited_away_leave_the_replaced_generation_too(tmp_path, encoder):
    """An edit that takes words out (a door code posted by mistake) is a removal like a delete: after the
    rebuild, the generation it replaced goes too, not only at some later build."""
    from .test_live_messages import generation_bytes

    q = quoth(tmp_path, encoder)
    original = say(40, "zebra-quartz-4417 is my door code", author=7, name="Ola")
    q.messages.upsert([*chatter(6), original])
    q.index()
    q.messages.upsert([replace(original, content="(removed)", edited_at=original.created_at + 9)])
    q.index()
    assert q.purge_old(grace=0)
    assert [f for f, data in generation_bytes(q) if b"zebra-quartz" in data] == []


def test_a_thread_page_read_before_the_thread_was_deleted_does_not_bring_it_back(tmp_path):
    """A thread's mirror (at every start) reads its pages while THREAD_DELETE may arrive: the page written after
    the deletion must not put the deleted thread's messages back."""
    from quoth.channels import MessageStore

    store = MessageStore(tmp_path / "messages.sqlite")
    store.enable(10, 1, "general")
    page = [replace(say(i, f"thread words {i}"), channel_id=77, parent_id=10, channel_name="plans")
            for i in range(3)]
    store.upsert(page)
    assert store.delete_channel(77) == 3
    store.upsert(page)  # the mirror's page, read before the deletion
    assert store.count() == 0
