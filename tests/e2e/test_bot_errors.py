"""What the bot says and logs when something goes wrong: members are pointed to what they can do in Discord
(never to a `quoth` command they cannot run), and the logs keep no question's text (forgetting cannot reach
a log file)."""

from __future__ import annotations

import asyncio
import logging

from quoth.bot.config import BotSettings
from quoth.bot.discord.journal import Journal
from quoth.bot.discord.service import AskService
from tests.helpers import HARBOUR_AND_GARDEN, indexed_corpus

# A lone surrogate (JSON can carry one: "\ud800") makes the tokenizer raise a TypeError: a real failing search.
FAILING = "where does the mayor live, walrus-secret-4471 \ud800"


def test_a_failed_search_or_check_logs_no_question_text(tmp_path, encoder, caplog):
    q = indexed_corpus(tmp_path, HARBOUR_AND_GARDEN, encoder)
    service = AskService(q, Journal(tmp_path / "bot.sqlite"), BotSettings())
    caplog.set_level(logging.DEBUG)
    asked = asyncio.run(service.answer(FAILING, 3, 11, 2, 3))
    checked = asyncio.run(service.verify(f'"{FAILING}"', 11, 2, 3))
    assert "went wrong" in asked.content and "went wrong" in checked.content
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(failures) == 2 and all(r.exc_info or "Traceback" in r.getMessage() for r in failures)
    logged = caplog.text
    assert "TypeError" in logged  # what went wrong is still there for whoever reads the log
    assert "walrus-secret-4471" not in logged and "mayor" not in logged
