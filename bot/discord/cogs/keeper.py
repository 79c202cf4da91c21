"""Keeping every served corpus current without anyone running /reindex: a build after each group of changes in a
corpus folder (``corpus.watch``) and/or on a schedule (``corpus.reindex_every``), for the default corpus and each
listed server's. Questions are answered from the serving generation until each build switches; a corpus's builds
never overlap with its /reindex (its tenant's lock), and one server's build never holds up another's."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from discord.ext import commands, tasks

from quoth.errors import QuothError
from quoth.watch import corpus_changes_async

from ..tenants import Tenant

if TYPE_CHECKING:
    from ..app import QuothBot

log = logging.getLogger("quoth.bot")


class Keeper(commands.Cog):
    def __init__(self, bot: QuothBot) -> None:
        self.bot = bot
        self.stop = asyncio.Event()
        self.watchers: list[asyncio.Task] = []
        corpus = bot.cfg.corpus
        if corpus.watch:
            loop = asyncio.get_running_loop()
            self.watchers = [loop.create_task(self._watch(t), name=f"quoth corpus watch {t.key}")
                             for t in self._with_folders()]
        if corpus.reindex_every:
            self.scheduled.change_interval(seconds=corpus.reindex_every)
            self.scheduled.start()

    def _with_folders(self) -> list[Tenant]:
        """The tenants with a corpus folder to keep: a server with live channels only has an empty folder of its
        own (its messages are built by the live batcher)."""
        return [t for t in self.bot.tenants.all() if t.settings is None or t.settings.corpus]

    @property
    def watcher(self) -> asyncio.Task | None:
        """The default corpus's watcher (None when not watching)."""
        return self.watchers[0] if self.watchers else None

    async def cog_unload(self) -> None:
        self.stop.set()
        self.scheduled.cancel()
        for watcher in self.watchers:
            watcher.cancel()

    async def _watch(self, tenant: Tenant) -> None:
        folder = tenant.quoth.corpus_dir
        log.info("watching %s for changes (%s)", folder, tenant.key)
        try:  # the watcher outlives whatever the folder holds (quoth.watch); should it end anyway, it says so
            async for changes in corpus_changes_async(folder, self.bot.cfg.corpus.watch_quiet, self.stop):
                await self.rebuild(f"{len(changes)} change(s) in the corpus folder", tenant)
        except Exception:
            log.exception("stopped watching %s: the index follows the folder again after a restart", folder)
            return
        log.info("stopped watching %s", folder)

    @tasks.loop(seconds=3600)
    async def scheduled(self) -> None:
        for tenant in self._with_folders():
            await self.rebuild("the schedule (corpus.reindex_every)", tenant)

    @scheduled.before_loop
    async def _first_after_interval(self) -> None:
        await self.bot.wait_until_ready()
        await asyncio.sleep(self.bot.cfg.corpus.reindex_every)

    async def rebuild(self, why: str, tenant: Tenant | None = None) -> None:
        """An incremental build of ``tenant``'s corpus (default: the default corpus); a failure is logged and the
        previous index keeps serving."""
        tenant = tenant or self.bot.tenants.default
        async with tenant.build_lock:
            try:
                with self.bot.metrics.reindex_run():
                    report = await asyncio.to_thread(tenant.quoth.index)
            except QuothError as exc:
                log.error("index update of %s after %s failed: %s; the previous index still serves", tenant.key,
                          why, exc)
                return
            except Exception:
                log.exception("index update of %s after %s failed; the previous index still serves", tenant.key, why)
                return
        log.info("index of %s updated after %s: %s", tenant.key, why, report.summary())


async def setup(bot: QuothBot) -> None:
    await bot.add_cog(Keeper(bot))
