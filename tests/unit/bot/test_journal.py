"""The bot's journal: private file, retention, counts and forgetting, on a real SQLite file."""

import stat
import time

from quoth.bot.discord.journal import BUTTON_SECONDS, Journal
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
