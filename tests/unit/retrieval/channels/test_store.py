"""MessageStore: idempotent writes, tombstones, opt-outs, retention, the backfill cursor, the file's privacy."""

from __future__ import annotations

import os
import stat
from dataclasses import replace

import pytest

from quoth.channels import MessageStore

from .helpers import CHANNEL, GUILD, msg


def store(tmp_path) -> MessageStore:
    s = MessageStore(tmp_path / "live" / "messages.sqlite")
    s.enable(CHANNEL, GUILD, "general")
    return s


def ids(s: MessageStore) -> set[int]:
    return s.ids_between(CHANNEL, 0, 10**18)


def test_the_file_is_made_on_the_first_write_only_and_private(tmp_path):
    s = MessageStore(tmp_path / "live" / "messages.sqlite")
    assert s.channels() == [] and s.count() == 0 and s.version() == 0 and not s.pending()
    assert not s.path.exists()  # reading made nothing
    s.enable(CHANNEL, GUILD, "general")
    s.upsert([msg(1)])
    for f in (s.path, s.path.with_name(s.path.name + "-wal")):
        assert stat.S_IMODE(os.stat(f).st_mode) == 0o600, f


def test_upserts_are_idempotent_and_count_only_changes(tmp_path):
    s = store(tmp_path)
    page = [msg(i) for i in range(5)]
    assert s.upsert(page) == 5
    v = s.version()
    assert s.upsert(page) == 0 and s.upsert(reversed(page)) == 0  # replayed, in any order
    assert s.version() == v and s.count() == 5 and s.count(GUILD) == 5 and s.count(GUILD + 1) == 0
    assert s.upsert([replace(page[0], content="edited", edited_at=page[0].created_at + 5)]) == 1
    assert s.version() == v + 1 and s.pending()


def test_an_older_copy_never_undoes_an_edit(tmp_path):
    s = store(tmp_path)
    original = msg(1, content="first words")
    s.upsert([replace(original, content="second words", edited_at=original.created_at + 60)])
    assert s.upsert([original]) == 0  # a backfill page read before the edit, or a replayed create
    assert "second words" in "".join(d.text for d in s.documents())
    assert "first words" not in "".join(d.text for d in s.documents())


def test_deletes_leave_tombstones_that_stop_resurrection(tmp_path):
    s = store(tmp_path)
    s.upsert([msg(i) for i in range(4)])
    assert s.delete([1001, 1002, 99999]) == 2  # 99999: deleted before its create arrived
    assert s.delete([1001]) == 0
    assert s.upsert([msg(1), msg(2)]) == 0  # a late backfill page or a replayed create
    s.enable(CHANNEL, GUILD, "general")
    assert s.upsert([msg(99999 - 1000)]) == 0  # the create that came after its delete
    assert ids(s) == {1000, 1003}


def test_out_of_order_backfill_pages_store_each_message_exactly_once(tmp_path):
    s = store(tmp_path)
    messages = [msg(i) for i in range(250)]
    pages = [messages[150:250], messages[50:150], messages[0:50]]  # newest first, as history() reads
    live = messages[240:250]  # live creates that raced the first page
    s.upsert(live)
    for page in (pages[1], pages[0], pages[2], pages[1]):  # out of order, one page replayed
        s.upsert(page, backfill=(CHANNEL, page[0].id, page is pages[2]))
    assert ids(s) == {m.id for m in messages} and s.count() == 250
    ch = s.channel(CHANNEL)
    assert ch.messages == 250 and ch.backfill_before == pages[1][0].id and not ch.backfill_done


def test_the_cursor_moves_with_its_page_in_one_transaction(tmp_path):
    s = store(tmp_path)
    page = [msg(i) for i in range(3)] + [object()]  # the last one breaks the write midway
    with pytest.raises(AttributeError):
        s.upsert(page, backfill=(CHANNEL, 1000, True))
    assert s.count() == 0 and s.channel(CHANNEL).backfill_before is None  # neither the page nor its cursor


def test_channels_not_enabled_and_opted_out_authors_stay_out(tmp_path):
    s = store(tmp_path)
    s.opt_out(7)
    assert s.opted_out(7) and not s.opted_out(5)
    assert s.upsert([msg(1, channel=11), msg(2, author=7), msg(3, channel=12, parent=CHANNEL)]) == 1
    assert {1003} == s.ids_between(12, 0, 10**18) | ids(s)  # a thread under the channel counts
    s.opt_in(7)
    assert s.upsert([msg(2, author=7)]) == 1


def test_disable_and_delete_channel_remove_the_channel_and_its_threads(tmp_path):
    s = store(tmp_path)
    s.enable(20, GUILD, "other")
    s.upsert([msg(1), msg(2, channel=12, parent=CHANNEL), msg(3, channel=20)])
    assert s.disable(CHANNEL) == 2 and not s.enabled(CHANNEL) and s.enabled(20)
    assert s.upsert([msg(4)]) == 0  # disabled: a late page stays out
    assert [c.name for c in s.channels(GUILD)] == ["general", "other"]
    assert s.delete_channel(20) == 1 and s.count() == 0 and [c.channel_id for c in s.channels()] == [CHANNEL]


def test_forget_and_prune(tmp_path):
    s = store(tmp_path)
    s.upsert([msg(1, author=5), msg(2, author=6), msg(3, author=5)])
    assert s.forget_user(5) == 2 and ids(s) == {1002}
    assert s.upsert([msg(4, author=5)]) == 1  # forgetting is not opting out
    assert s.prune(before=msg(3).created_at) == 1 and ids(s) == {1004}


def test_newest_id_and_ids_between_reconcile_one_channel(tmp_path):
    s = store(tmp_path)
    assert s.newest_id(CHANNEL) is None
    s.upsert([msg(i) for i in range(5)] + [msg(9, channel=12, parent=CHANNEL)])
    assert s.newest_id(CHANNEL) == 1004 and s.newest_id(12) == 1009
    assert s.ids_between(CHANNEL, 1000, 1004) == {1001, 1002, 1003}


def test_a_build_that_read_a_version_settles_only_that_version(tmp_path):
    s = store(tmp_path)
    s.upsert([msg(1)])
    read = s.render()
    s.upsert([msg(2)])  # written while the build ran
    s.mark_built(read)
    assert s.built_version() == read.version < s.version() and s.pending()
    s.mark_built(s.render())
    assert not s.pending()


def test_deleted_bytes_leave_the_file_and_its_log(tmp_path):
    s = store(tmp_path)
    secret = "zebra-quartz-4417 my home address"
    s.upsert([msg(1, content=secret), msg(2)])
    s.render()
    s.forget_user(5)
    s.close()
    for f in s.path.parent.iterdir():
        assert b"zebra-quartz" not in f.read_bytes(), f


def test_threads_writing_and_reading_at_once_lose_nothing(tmp_path):
    import threading

    s = store(tmp_path)
    errors: list[BaseException] = []

    def write(first: int) -> None:
        try:
            for page in range(20):
                s.upsert([msg(first + page * 10 + i) for i in range(10)])
                s.delete([1000 + first + page * 10])  # one of each page, again and again
        except BaseException as exc:  # any error fails the test below
            errors.append(exc)

    def read() -> None:
        try:
            for _ in range(100):
                s.version(), s.pending(), s.count(), s.channels()
        except BaseException as exc:  # any error fails the test below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(k * 1000,)) for k in range(4)] + [threading.Thread(target=read)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert s.count() == 4 * 20 * 9 and s.version() == 4 * 20 * 2
