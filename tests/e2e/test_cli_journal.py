"""``quoth unanswered``, ``quoth feedback`` and ``quoth forget`` on the bot's journal: before anyone asked, and
what an export leaves readable."""

from __future__ import annotations

import json
import os
import stat

import pytest

from quoth.bot.cli import main
from quoth.bot.discord.journal import Journal


@pytest.fixture
def cfg(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(f'[corpus]\npath = "{tmp_path / "corpus"}"\n[data]\ndir = "{tmp_path / "data"}"\n')
    return path


@pytest.mark.parametrize("journal", ["none", "empty file", "no questions"])
@pytest.mark.parametrize("command", ["unanswered", "feedback"])
def test_before_anyone_asked_the_result_is_empty_and_not_an_error(tmp_path, cfg, capsys, command, journal):
    path = tmp_path / "data" / "bot.sqlite"
    if journal != "none":
        path.parent.mkdir(parents=True)
        path.touch()
        if journal == "no questions":
            Journal(path)
    assert main(["--config", str(cfg), command, "--json"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "error" not in err.lower()
    assert main(["--config", str(cfg), command]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "no " in err  # said on stderr, for people
    assert path.exists() == (journal != "none")  # a command that only reads creates no journal


@pytest.mark.parametrize("existing", [None, 0o644])
def test_an_export_of_questions_is_readable_by_its_owner_only(tmp_path, cfg, capsys, existing):
    journal = Journal(tmp_path / "data" / "bot.sqlite")
    journal.record_question("where does the mayor live?", 3, None, None, 11, 2, 3, [])
    export = tmp_path / "gaps.jsonl"
    if existing is not None:
        export.write_text("old content\n")
        export.chmod(existing)
    old_umask = os.umask(0)  # the most permissive umask: the mode must not depend on it
    try:
        assert main(["--config", str(cfg), "unanswered", "--export", str(export)]) == 0
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(export.stat().st_mode) == 0o600
    [row] = [json.loads(x) for x in export.read_text().splitlines()]
    assert row["q"] == "where does the mayor live?" and row["abstain"] is True
    assert "wrote 1 question(s)" in capsys.readouterr().err


def test_forgetting_before_the_bot_wrote_a_journal_creates_none(tmp_path, cfg, capsys):
    assert main(["--config", str(cfg), "forget", "--user", "11"]) == 0
    assert "Deleted 0 question(s) and 0 vote(s)" in capsys.readouterr().out
    assert not (tmp_path / "data" / "bot.sqlite").exists()
