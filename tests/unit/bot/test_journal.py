"""The bot's journal: private file, retention, counts and forgetting, on a real SQLite file."""

import logging
import sqlite3
import stat
import time

import pytest

from quoth.bot.discord.journal import BUTTON_SECONDS, SCHEMA, Journal
from quoth.records import Hit, Passage, Role, SourceInfo

HIT = Hit(Passage("a.txt", 0, 5, "Hello", "Ann", Role.BODY, "Hello", id=1), SourceInfo("a.txt", "A"), 0.9)


def test_the_file_is_private_even_if_it_was_not(tmp_path):
    path = tmp_path / "bot.sqlite"
    path.touch(mode=0o644)
    path.chmod(0o644)
    Journal(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_old_questions_and_votes_go_and_counts_stay(tmp_path):
    j = Journal(tmp_path / "bot.sqlite", keep_days=30)
    old = j.record_question("old question", 3, None, None, 1, 2, 3, [HIT])
    new = j.record_question("new question", 3, None, None, 1, 2, 3, [])
    j.vote(old, 7, 1)
    j.vote(old, 7, -1)  # a changed vote moves the count, it does not add one
    j._con.execute("UPDATE questions SET created = ? WHERE id = ?", (time.time() - 31 * 86400, old))
    assert j.prune() == 1
    assert j.get(old) is None and j.get(new) is not None and j.feedback() == []
    assert j.counts() == {"questions": 2, "answered": 1, "abstained": 1, "up": 0, "down": 1}


def test_zero_days_keeps_a_question_only_while_its_buttons_need_it(tmp_path):
    j = Journal(tmp_path / "bot.sqlite", keep_days=0)
    qid = j.record_question("q", 3, None, None, 1, 2, 3, [HIT])
    assert j.prune() == 0 and j.get(qid) is not None
    assert j.prune(time.time() + BUTTON_SECONDS + 1) == 1 and j.get(qid) is None
    assert j.counts()["questions"] == 1


def test_forgetting_one_person_leaves_the_others(tmp_path):
    j = Journal(tmp_path / "bot.sqlite")
    mine = j.record_question("mine", 3, None, None, 11, 2, 3, [HIT])
    theirs = j.record_question("theirs", 3, None, None, 22, 2, 3, [HIT])
    j.vote(theirs, 11, 1)
    j.vote(mine, 22, 1)
    assert j.forget(11) == (1, 1)
    assert j.get(mine) is None and j.get(theirs) is not None
    assert j.feedback() == []  # my vote went, and so did the vote on my question


SECRET = "zanzibar-quokka-7731 what did the mayor promise about the harbour"


def upstream_sqlite(monkeypatch, journal_mode: str) -> None:
    """Journal connections as SQLite's upstream build makes them: ``secure_delete`` off (this machine's build has
    it on). Still a real SQLite connection on a real file; only the pragma differs."""
    from quoth.bot.discord import journal as journal_module

    real = sqlite3.connect

    def connect(*args, **kwargs):
        con = real(*args, **kwargs)
        con.execute("PRAGMA secure_delete=OFF")
        con.execute(f"PRAGMA journal_mode={journal_mode}")
        return con
    monkeypatch.setattr(journal_module.sqlite3, "connect", connect)


def found_in_files(folder, text: str) -> list[str]:
    """The files of a SQLite database (the db, its WAL, its journal) whose raw bytes hold ``text``."""
    return [p.name for p in sorted(folder.glob("bot.sqlite*")) if text.encode() in p.read_bytes()]


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_forgetting_erases_the_bytes_even_where_sqlite_keeps_them_by_default(tmp_path, monkeypatch, journal_mode):
    upstream_sqlite(monkeypatch, journal_mode)
    j = Journal(tmp_path / "bot.sqlite")
    assert j._con.execute("PRAGMA journal_mode").fetchone()[0] == journal_mode
    mine = j.record_question(SECRET, 3, None, None, 11, 2, 3, [HIT])
    j.vote(mine, 11, 1)  # the vote keeps its own copy of the question
    j.record_question("someone else's question", 3, None, None, 22, 2, 3, [])
    assert found_in_files(tmp_path, SECRET)  # the test can see the bytes when they are there
    assert j.forget(11) == (1, 1)
    assert found_in_files(tmp_path, SECRET) == []
    assert found_in_files(tmp_path, "someone else's question")  # the others' questions are kept


def test_questions_forgotten_before_the_fix_leave_no_bytes_once_the_journal_is_opened(tmp_path):
    path = tmp_path / "bot.sqlite"
    old = sqlite3.connect(path)  # an older Quoth on an upstream SQLite: deleted rows stay in the file's free space
    old.execute("PRAGMA secure_delete=OFF")
    old.executescript(SCHEMA)
    with old:
        old.execute("INSERT INTO questions (question, k, user_id, created) VALUES (?, 3, 11, ?)", (SECRET, time.time()))
    with old:
        old.execute("DELETE FROM questions WHERE user_id = 11")
    old.close()
    assert found_in_files(tmp_path, SECRET)
    Journal(path)
    assert found_in_files(tmp_path, SECRET) == []


def _journal_with_questions(path, n: int = 300) -> None:
    j = Journal(path)
    for i in range(n):  # enough pages that half the file loses some of them
        j.record_question(f"question number {i} " * 10, 3, None, None, i, 2, 3, [HIT])
    j._con.close()


DAMAGES = {
    "truncated": lambda data: data[: len(data) // 2],
    "garbled": lambda data: b"\x00garbled" * 16 + data[128:],  # the header: "file is not a database"
    "garbled-inside": lambda data: data[:8192] + b"\xffgarbled" * 512 + data[12288:],  # opens, then malformed
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_journal_is_moved_aside_and_a_fresh_one_started(tmp_path, caplog, damage):
    path = tmp_path / "bot.sqlite"
    _journal_with_questions(path)
    path.write_bytes(DAMAGES[damage](path.read_bytes()))
    bad = path.read_bytes()
    with caplog.at_level(logging.WARNING, logger="quoth"):
        j = Journal(path)
        qid = j.record_question("still answering", 3, None, None, 1, 2, 3, [HIT])
    assert j.get(qid).question == "still answering" and j.counts()["questions"] == 1
    [aside] = tmp_path.glob("bot.sqlite.damaged-*")
    assert aside.read_bytes() == bad  # kept as it was, for whoever wants to rescue it
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    [warning] = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert str(path) in warning and aside.name in warning and "fresh" in warning


def test_no_side_file_of_a_damaged_journal_is_left_beside_the_fresh_one(tmp_path):
    """A stale -journal or -wal next to the fresh file would be played into it: SQLite drops the ones it finds
    invalid, and whatever is left goes aside with the damaged file."""
    path = tmp_path / "bot.sqlite"
    _journal_with_questions(path)
    path.write_bytes(DAMAGES["garbled"](path.read_bytes()))
    for suffix in ("-journal", "-wal"):
        (tmp_path / f"bot.sqlite{suffix}").write_bytes(b"garbled" * 100)
    j = Journal(path)
    qid = j.record_question("q", 3, None, None, 1, 2, 3, [])
    j._con.close()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("bot.sqlite.damaged-")) == \
        ["bot.sqlite"]
    assert len(list(tmp_path.glob("bot.sqlite.damaged-*"))) >= 1
    assert Journal(path).get(qid).question == "q"


def test_a_journal_damaged_while_the_bot_runs_is_set_aside_and_answering_goes_on(tmp_path, caplog):
    path = tmp_path / "bot.sqlite"
    j = Journal(path)
    for i in range(300):
        j.record_question(f"question number {i} " * 10, 3, None, None, i, 2, 3, [HIT])
    path.write_bytes(DAMAGES["garbled"](path.read_bytes()))  # under the open connection
    with caplog.at_level(logging.WARNING, logger="quoth"):
        qid = j.record_question("still answering", 3, None, None, 1, 2, 3, [HIT])
        assert j.get(qid).question == "still answering" and j.counts()["questions"] == 1
    [aside] = tmp_path.glob("bot.sqlite.damaged-*")
    assert [r for r in caplog.records if aside.name in r.getMessage() and str(path) in r.getMessage()]
