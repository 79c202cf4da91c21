"""The bot keeps its index current by itself: an edit in the corpus folder changes its answer, with no
/reindex, while it goes on answering from the previous generation until the switch."""

from __future__ import annotations

import asyncio
import json
import time

from quoth import Quoth
from quoth.bot.config import AppConfig

from .fake_discord import ADMIN_ROLE_ID
from .test_bot import CORPUS, run, running
from .test_scaled_bot import ask, said


def watched_bot(tmp_path, encoder) -> tuple:
    """(corpus folder, app) of an indexed bot that follows its folder."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in CORPUS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    cfg = AppConfig.from_dict({"corpus": {"path": str(corpus), "watch": True, "watch_quiet": 0.5},
                               "data": {"dir": str(tmp_path / "data")},
                               "bot": {"admin_role_ids": [ADMIN_ROLE_ID], "cooldown_questions": 50}})
    app = Quoth(cfg, encoder=encoder)
    app.index()
    return corpus, app


def test_the_bot_answers_from_an_edited_folder_without_reindex(tmp_path, encoder):
    corpus, app = watched_bot(tmp_path, encoder)

    async def scenario():
        async with running(app) as (fake, _):
            assert "granite" in said(await ask(fake, "What was the harbour wall rebuilt with?"))
            await asyncio.sleep(0.5)  # the watcher is set up once the bot is ready
            (corpus / "harbour.txt").write_text(CORPUS["harbour.txt"].replace("granite from the local quarry",
                                                                              "basalt shipped from Norway"))
            started = time.monotonic()
            while "basalt" not in said(await ask(fake, "What was the harbour wall rebuilt with?")):
                assert time.monotonic() - started < 60, "the edit never reached the answers"
                await asyncio.sleep(0.5)
    run(scenario(), timeout=180)


def test_insights_for_admins_and_the_journal_commands(tmp_path, encoder, capsys):
    from quoth.bot.cli import main

    from .test_bot import ALICE, BOB, callback_of, edited, make_app

    app = make_app(tmp_path, encoder)

    async def scenario():
        async with running(app) as (fake, _):
            for _ in range(2):
                await ask(fake, "How do I reset my router password?")
            token = await fake.slash("ask", {"question": "Who rebuilt the harbour wall?"}, ALICE)
            await fake.wait_for(edited(token))
            down = next(i for i in custom_ids_of(fake, token) if i.endswith(":down"))
            vote = await fake.click(fake.originals[token], down, BOB)
            await fake.wait_for(callback_of(vote))
            refused = await fake.slash("insights", {}, BOB)
            assert "only server admins" in (await fake.wait_for(callback_of(refused))).body["data"]["content"]
            shown = await fake.slash("insights", {}, ALICE, admin=True)
            body = (await fake.wait_for(callback_of(shown))).body["data"]
            assert body["flags"] & 64  # for the admin alone
            fields = {f["name"]: f["value"] for f in body["embeds"][0]["fields"]}
            assert "3 questions" in fields["Last 7 days"] and "👎 1" in fields["Last 7 days"]
            assert "2 × How do I reset my router password?" in fields["Found nothing for (30 days)"]
            assert "Who rebuilt the harbour wall?" in fields["Voted down (30 days)"]
    run(scenario())
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[data]\ndir = "{tmp_path / "data"}"\n')
    assert main(["--config", str(cfg), "unanswered", "--export", str(tmp_path / "gaps.jsonl")]) == 0
    assert "2 × How do I reset my router password?" in capsys.readouterr().out
    assert main(["--config", str(cfg), "feedback", "--json"]) == 0
    [row] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert row["question"] == "Who rebuilt the harbour wall?" and row["down"] == 1 and row["hits"]
    # The export is a question file `quoth eval --questions` reads: today's behaviour as the baseline.
    assert main(["--config", str(cfg), "eval", "--questions", str(tmp_path / "gaps.jsonl"), "--json",
                 "--corpus", str(tmp_path / "corpus")]) == 0
    assert json.loads(capsys.readouterr().out)["abstain"] == "1/1"


def custom_ids_of(fake, token: str) -> list[str]:
    from .fake_discord import custom_ids

    return custom_ids(fake.originals[token])


def test_the_bot_keeps_following_a_folder_that_gets_a_name_that_is_not_utf8(tmp_path, encoder, caplog):
    """watchfiles cannot report a name that is not UTF-8 and raises: the keeper says so and goes on following
    the folder (it used to end without a word, and the bot stopped following the folder until restarted)."""
    import logging
    import os

    caplog.set_level(logging.WARNING, logger="quoth")
    corpus, app = watched_bot(tmp_path, encoder)
    question = "What did the miller grind every Tuesday?"

    async def until(words: str, fake) -> None:
        started = time.monotonic()
        while words not in said(await ask(fake, question)):
            assert time.monotonic() - started < 60, f"{words!r} never reached the answers"
            await asyncio.sleep(0.5)

    async def scenario():
        async with running(app) as (fake, _):
            await asyncio.sleep(0.5)  # the watcher is set up once the bot is ready
            with open(os.path.join(os.fsencode(corpus), b"mill_\xff.txt"), "wb") as fh:
                fh.write(b"Mill diary\n\nThe miller ground barley every Tuesday until the pond froze.\n")
            await until("barley", fake)
            (corpus / "mill2.txt").write_text("Mill diary, later\n\nThe miller ground rye every Tuesday "
                                              "once the pond had thawed.\n")
            await until("rye", fake)
    run(scenario(), timeout=180)
    assert any("watching" in r.getMessage() and "\\xFF" in r.getMessage() for r in caplog.records)
