"""The bot keeps its index current by itself: an edit in the corpus folder changes its answer, with no
/reindex, while it goes on answering from the previous generation until the switch."""

from __future__ import annotations

import asyncio
import time

from quoth import Quoth
from quoth.bot.config import AppConfig

from .fake_discord import ADMIN_ROLE_ID
from .test_bot import CORPUS, run, running
from .test_scaled_bot import ask, said


def test_the_bot_answers_from_an_edited_folder_without_reindex(tmp_path, encoder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in CORPUS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    cfg = AppConfig.from_dict({"corpus": {"path": str(corpus), "watch": True, "watch_quiet": 0.5},
                               "data": {"dir": str(tmp_path / "data")},
                               "bot": {"admin_role_ids": [ADMIN_ROLE_ID], "cooldown_questions": 50}})
    app = Quoth(cfg, encoder=encoder)
    app.index()

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
