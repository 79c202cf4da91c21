"""The keeper per server: with corpus.watch on, each served corpus folder is watched for itself (on a bot start of
its own: the module-wide one in test_tenancy.py must not share Discord's URL with another)."""

from __future__ import annotations

import asyncio
import time

from quoth import Quoth
from quoth.bot.config import AppConfig
from tests.helpers import write_corpus

from .test_bot import run, running
from .test_tenancy import APIARY, CHESS, GB, _doc


def test_the_keeper_follows_each_servers_folder_alone(tmp_path, encoder):
    """With corpus.watch on, a file added to a server's folder reaches that server's index, and no other's."""
    write_corpus(tmp_path / APIARY.folder, APIARY.docs)
    write_corpus(tmp_path / CHESS.folder, CHESS.docs)
    cfg = AppConfig.from_dict({
        "corpus": {"path": str(tmp_path / CHESS.folder), "watch": True, "watch_quiet": 0.5},
        "data": {"dir": str(tmp_path / "data")}, "guilds": {str(GB): {"corpus": str(tmp_path / APIARY.folder)}}})
    app = Quoth(cfg, encoder=encoder)
    app.ensure_index(show_progress=False)

    async def scenario():
        async with running(app) as (_, bot):
            b = bot.tenants.for_guild(GB)
            default = bot.tenants.default.quoth.live.current().generation
            assert len(bot.get_cog("Keeper").watchers) == 2
            await asyncio.sleep(0.5)  # the watchers are set up once the bot is ready
            (tmp_path / APIARY.folder / "apiary-wax.txt").write_text(_doc(
                "Wax", APIARY.speaker, "Beeswax from the cappings was melted and strained into blocks for the "
                "candle makers of the village fair."), encoding="utf-8")
            started = time.monotonic()
            while "apiary-wax.txt" not in {s.source.path for s in await asyncio.to_thread(b.quoth.sources)}:
                assert time.monotonic() - started < 60, "the new file never reached the server's index"
                await asyncio.sleep(0.3)
            assert bot.tenants.default.quoth.live.current().generation == default
    run(scenario(), timeout=180)
