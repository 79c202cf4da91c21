"""``quoth serve`` with ``web.in_serve``: the page and the API answer from the bot's process (the default
tenant's Quoth, its one model) while the bot is connected to (the fake) Discord, and stop with the bot."""

from __future__ import annotations

import asyncio
import socket

import httpx
import pytest

from quoth import Quoth
from quoth.bot.config import AppConfig
from quoth.bot.discord.app import QuothBot
from quoth.bot.web.server import ListenFailed
from tests.helpers import HARBOUR_AND_GARDEN, write_corpus

from .fake_discord import FakeDiscord, connected


def config(tmp_path, port: int = 0) -> AppConfig:
    corpus = write_corpus(tmp_path / "corpus", HARBOUR_AND_GARDEN)
    return AppConfig.from_dict({"corpus": {"path": str(corpus)}, "data": {"dir": str(tmp_path / "data")},
                                "web": {"in_serve": True, "port": port}})


def test_the_web_app_runs_beside_the_bot_and_stops_with_it(tmp_path, encoder):
    cfg = config(tmp_path)
    quoth = Quoth(cfg, encoder=encoder)

    async def scenario() -> str:
        bot = QuothBot(quoth, cfg)
        async with connected(FakeDiscord(), bot, timeout=60):
            assert bot.is_ready()
            base = bot.web.url
            async with httpx.AsyncClient(base_url=base, timeout=30) as http:
                health = await http.get("/api/v1/health")
                assert health.status_code == 200 and health.json()["documents"] == len(HARBOUR_AND_GARDEN)
                page = await http.get("/", params={"q": "What was the harbour wall rebuilt with?"})
                assert page.status_code == 200 and "granite" in page.text
                assert page.headers["content-security-policy"].startswith("default-src 'none'")
            assert bot.web.service.quoth is quoth  # the default tenant's: one index, one model
        assert bot.web.task is None  # stopped with the bot
        return base

    base = asyncio.run(asyncio.wait_for(scenario(), 120))
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{base}/api/v1/health", timeout=2)


def test_a_taken_port_stops_the_start_with_one_line(tmp_path, encoder):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        cfg = config(tmp_path, port=taken.getsockname()[1])
        bot = QuothBot(Quoth(cfg, encoder=encoder), cfg, warm=False)

        async def start() -> None:
            try:
                await bot.web.start()
            finally:
                await bot.web.stop()

        with pytest.raises(ListenFailed, match=f"could not listen on 127.0.0.1:{taken.getsockname()[1]}"):
            asyncio.run(start())
