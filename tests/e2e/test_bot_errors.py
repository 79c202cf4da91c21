"""What the bot says and logs when something goes wrong: members are pointed to what they can do in Discord
(never to a `quoth` command they cannot run), and the logs keep no question's text (forgetting cannot reach
a log file)."""

from __future__ import annotations

import asyncio
import json
import logging
import re

from quoth.bot.config import BotSettings
from quoth.bot.discord import translator
from quoth.bot.discord.journal import Journal
from quoth.bot.discord.service import AskService
from tests.helpers import HARBOUR_AND_GARDEN, indexed_corpus

from .fake_discord import ADMIN_ROLE_ID
from .test_bot import ALICE, BOB, callback_of, edited, make_app, run, running

SECRET = "where does the mayor live, walrus-secret-4471"


class Unforeseen(RuntimeError):
    """A failure nobody foresaw, worded as libraries word theirs: with the input that made it."""


def test_a_failed_search_or_check_logs_no_question_text(tmp_path, encoder, caplog, monkeypatch):
    q = indexed_corpus(tmp_path, HARBOUR_AND_GARDEN, encoder)

    def tokenizer_fails(texts: list[str]):
        raise Unforeseen(f"cannot tokenize {texts!r}")

    # The one injected fault: the encoder fails on this question as a tokenizer would, repeating its input (a
    # lone surrogate did, until questions were checked for one); the search, verifier and bot around it are real.
    monkeypatch.setattr(q.searcher.encoder, "encode_queries", tokenizer_fails)
    service = AskService(q, Journal(tmp_path / "bot.sqlite"), BotSettings())
    caplog.set_level(logging.DEBUG)
    asked = asyncio.run(service.answer(SECRET, 3, 11, 2, 3))
    checked = asyncio.run(service.verify(f'"{SECRET}"', 11, 2, 3))
    assert "went wrong" in asked.content and "went wrong" in checked.content
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(failures) == 2 and all(r.exc_info or "Traceback" in r.getMessage() for r in failures)
    logged = caplog.text
    assert "Unforeseen" in logged  # what went wrong is still there for whoever reads the log
    assert "walrus-secret-4471" not in logged and "mayor" not in logged


def test_a_question_that_is_not_valid_text_gets_a_clear_reply(tmp_path, encoder):
    """JSON can carry a lone surrogate ("\\ud800"): once it reached the tokenizer and failed as "went wrong"."""
    q = indexed_corpus(tmp_path, HARBOUR_AND_GARDEN, encoder)
    service = AskService(q, Journal(tmp_path / "bot.sqlite"), BotSettings())
    asked = asyncio.run(service.answer(SECRET + " \ud800", 3, 11, 2, 3))
    checked = asyncio.run(service.verify(f'"{SECRET} \ud800"', 11, 2, 3))
    for reply in (asked.content, checked.content):
        assert "went wrong" not in reply and "not valid text" in reply


# A `quoth` command named to a Discord member, who has no shell to run it in.
SHELL_COMMAND = re.compile(r"\bquoth (?:index|ask|search|speakers|sources|passages|verify|unanswered|feedback|"
                           r"forget|serve|sync|eval)\b")


def replies(fake) -> list[str]:
    """Everything the bot sent to Discord (messages, edits, interaction callbacks, follow-ups), as text."""
    return [json.dumps(r.body, ensure_ascii=False) for r in fake.requests
            if r.method in ("POST", "PATCH") and isinstance(r.body, dict) and r.body]


def test_errors_in_discord_point_to_discord_commands_in_every_locale(tmp_path, encoder):
    rt = make_app(tmp_path / "bot", encoder)
    locales = ["en-US", *translator.catalogs()]

    async def each_mistake(fake, locale: str) -> None:
        for command, options in (("ask", {"question": "storms?", "speaker": "Zebulon Quark"}),
                                 ("ask", {"question": "storms?", "source": "zzz-no-such-file.pdf"}),
                                 ("ask", {"question": "   "}),
                                 ("random", {"speaker": "Zebulon Quark"})):
            token = await fake.slash(command, options, ALICE, locale=locale)
            await fake.wait_for(lambda r, t=token: r.method == "POST" and r.path.endswith(f"/{t}") and bool(r.body))
        token = await fake.slash("insights", {}, ALICE, roles=[ADMIN_ROLE_ID], locale=locale)
        await fake.wait_for(callback_of(token))

    async def damaged_index(fake, locale: str) -> None:
        for command, options in (("ask", {"question": "Who rebuilt the harbour wall?"}),
                                 ("verify", {"quote": "the harbour wall was rebuilt"})):
            token = await fake.slash(command, options, BOB, locale=locale)
            said = await fake.wait_for(edited(token))
            assert "damaged" in said.body["content"], said.body  # the problem itself is still said

    async def scenario():
        async with running(rt, errors_expected=True) as (fake, _):
            for locale in locales:
                await each_mistake(fake, locale)
            # The served generation's passages are damaged on disk under the running bot (half the file gone).
            store = rt.folder.current().path / "store.sqlite"
            store.write_bytes(store.read_bytes()[: store.stat().st_size // 2])
            for locale in locales:
                await damaged_index(fake, locale)
            rt.corpus_dir.rename(tmp_path / "moved")  # an admin's rebuild that cannot read the corpus folder
            token = await fake.slash("reindex", {"full": True}, ALICE, roles=[ADMIN_ROLE_ID])
            await fake.wait_for(lambda r: edited(token)(r) and "Could not rebuild" in r.body.get("content", ""))
            said = replies(fake)
            assert len(said) >= 7 * len(locales) + 1
            named = [s for s in said if SHELL_COMMAND.search(s)]
            assert named == [], named
    run(scenario(), timeout=240)
