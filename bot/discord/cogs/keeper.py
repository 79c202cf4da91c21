"""Keeping the index current without anyone running /reindex: a build after each group of changes in the
corpus folder (``corpus.watch``) and/or on a schedule (``corpus.reindex_every``). Questions are answered from
the serving generation until each build switches; builds never overlap with /reindex (one lock)."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from discord.ext import commands, tasks

from quoth.errors import QuothError
from quoth.watch import corpus_changes_async

if TYPE_CHECKING:
    from ..app import QuothBot

log = logging.getLogger("quoth.bot")


class Keeper(commands.Cog):
    def __init__(self, bot: QuothBot) -> None:
        self.bot = bot
        self.stop = asyncio.Event()
        self.watcher: asyncio.Task | None = None
        corpus = bot.cfg.corpus
        if corpus.watch:
            self.watcher = asyncio.get_running_loop().create_task(self._watch(), name="quoth corpus watch")
        if corpus.reindex_every:
            self.scheduled.change_interval(seconds=corpus.reindex_every)
            self.scheduled.start()

    async def cog_unload(self) -> None:
        self.stop.set()
        self.scheduled.cancel()
        if self.watcher is not None:
            self.watcher.cancel()

    async def _watch(self) -> None:
        quoth = self.bot.quoth
        log.info("watching %s for changes", quoth.corpus_dir)
        try:  # the watcher outlives whatever the folder holds (quoth.watch); should it end anyway, it says so
            async for changes in corpus_changes_async(quoth.corpus_dir, self.bot.cfg.corpus.watch_quiet, self.stop):
                await self.rebuild(f"{len(changes)} change(s) in the corpus folder")
        except Exception:
            log.exception("stopped watching %s: the index follows the folder again after a restart",
                          quoth.corpus_dir)
            return
        log.info("stopped watching %s", quoth.corpus_dir)

    @tasks.loop(seconds=3600)
    async def scheduled(self) -> None:
        await self.rebuild("the schedule (corpus.reindex_every)")

    @scheduled.before_loop
    async def _first_after_interval(self) -> None:
        await self.bot.wait_until_ready()
        await asyncio.sleep(self.bot.cfg.corpus.reindex_every)

    async def rebuild(self, why: str) -> None:
        """An incremental build; a failure is logged and the previous index keeps serving."""
        async with self.bot.build_lock:
            try:
                with self.bot.metrics.reindex_run():
                    report = await asyncio.to_thread(self.bot.quoth.index)
            except QuothError as exc:
                log.error("index update after %s failed: %s; the previous index still serves", why, exc)
                return
            except Exception:
                log.exception("index update after %s failed; the previous index still serves", why)
                return
        log.info("index updated after %s: %s", why, report.summary())


async def setup(bot: QuothBot) -> None:
    await bot.add_cog(Keeper(bot))
