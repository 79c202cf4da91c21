"""The live feed: which channels of which server are indexed, their history read in the background, and
Discord's message events applied to the server's own message store (then built by the batcher).

Store writes run in ONE worker thread, in the order the events came: an edit can never be overtaken by the
create it edits, nor a delete by a backfill page (the store's tombstones make the latter safe anyway).
A server is served live channels only when it has a tenant of its own (``[guilds.<id>]``): the default corpus
is shared by every unlisted server, and one server's messages must never be quoted in another.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

import discord

from quoth.channels import LiveChannel

from ...privacy import retention_cutoff
from .batcher import Batcher
from .history import ChannelSync, Progress
from .messages import chat_message, indexed_channel

if TYPE_CHECKING:
    from ...config import AppConfig
    from ..app import QuothBot
    from ..tenants import Tenant

log = logging.getLogger("quoth.bot")
T = TypeVar("T")


def live_wanted(cfg: AppConfig) -> bool:
    """Whether the bot needs the message-content intent for live channels."""
    return cfg.bot.live_channels or any(g.live_channel_ids for g in cfg.guilds.values())


class LiveFeed:
    def __init__(self, bot: QuothBot) -> None:
        self.bot = bot
        self.settings = bot.cfg.bot
        self.writer = ThreadPoolExecutor(1, thread_name_prefix="quoth-live")
        self.batcher = Batcher(self.settings.live_batch_seconds)
        self.jobs: dict[int, asyncio.Task] = {}
        self.progress: dict[int, Progress] = {}

    async def call(self, fn: Callable[..., T], *args) -> T:
        """A store method in the writer thread, after every write queued before it."""
        return await asyncio.get_running_loop().run_in_executor(self.writer, fn, *args)

    def tenant(self, guild_id: int | None) -> Tenant | None:
        """The server's own tenant, or None (a DM, or a server on the shared default corpus)."""
        if guild_id is None:
            return None
        tenant = self.bot.tenants.for_guild(guild_id)
        return tenant if tenant is not None and tenant.guild_id == guild_id else None

    # --- starting and stopping ---------------------------------------------------------------------------
    async def build_pending(self) -> None:
        """Before the gateway connects: a store left pending (a kill mid-batch) is built first."""
        for tenant in self.bot.tenants.all():
            if await asyncio.to_thread(tenant.quoth.messages.pending):
                self.batcher.watch(tenant)
                await self.batcher.build_if_pending(tenant)
        self.batcher.start()

    async def close(self) -> None:
        for task in self.jobs.values():
            task.cancel()
        for task in self.jobs.values():
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await self.batcher.stop()
        self.writer.shutdown(wait=True)

    async def start_guild(self, guild: discord.Guild) -> None:
        """A server became available: its configured channels enabled, each enabled channel caught up."""
        tenant = self.tenant(guild.id)
        if tenant is None:
            return
        store = tenant.quoth.messages
        for cid in (tenant.settings.live_channel_ids if tenant.settings else []):
            channel = guild.get_channel(cid)
            if not isinstance(channel, discord.TextChannel):
                log.warning("live_channel_ids of server %s: %s is not a text channel there; skipped", guild.id, cid)
            elif not await self.call(store.enabled, cid):
                await self.call(store.enable, cid, guild.id, channel.name)
        for state in await self.call(store.channels, guild.id):
            channel = guild.get_channel(state.channel_id)
            if not state.enabled:
                continue
            if not isinstance(channel, discord.TextChannel):  # deleted (or hidden from the bot) while down
                removed = await self.call(store.disable, state.channel_id)
                log.info("live channel %s is gone from server %s: %d messages removed", state.channel_id,
                         guild.id, removed)
                continue
            self.batcher.watch(tenant)
            self.schedule(tenant, channel, restart=True)

    def schedule(self, tenant: Tenant, channel: discord.TextChannel, restart: bool) -> None:
        """Start the channel's history job unless one is running."""
        job = self.jobs.get(channel.id)
        if job is not None and not job.done():
            return
        self.progress[channel.id] = Progress()
        self.jobs[channel.id] = asyncio.create_task(self._sync(tenant, channel, restart),
                                                    name=f"quoth-live-{channel.id}")

    async def stop_channel(self, channel_id: int) -> None:
        job = self.jobs.pop(channel_id, None)
        if job is not None:
            job.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await job
        self.progress.pop(channel_id, None)

    # --- history -----------------------------------------------------------------------------------------
    async def state(self, tenant: Tenant, channel_id: int) -> LiveChannel | None:
        return await self.call(tenant.quoth.messages.channel, channel_id)

    async def _sync(self, tenant: Tenant, channel: discord.TextChannel, restart: bool) -> None:
        progress = self.progress[channel.id]
        store, bots = tenant.quoth.messages, self.settings.live_include_bots
        since = retention_cutoff(self.settings.live_retention_days)  # what retention deletes is not read back
        sync = ChannelSync(channel, store, self.call, bots, progress, since=since)
        try:
            state = await self.state(tenant, channel.id)
            if state is None:
                return
            if restart and (state.messages or state.backfill_before is not None):
                await sync.catch_up()
                checked, deleted = await sync.reconcile(self.settings.live_reconcile_messages)
                log.info("#%s reconciled: %d recent messages checked, %d deleted while away", channel.name,
                         checked, deleted)
            if not state.backfill_done:
                await sync.backfill(state.backfill_before)
            for thread in channel.threads:  # active threads (archived ones are not read)
                await ChannelSync(thread, store, self.call, bots, progress, since=since).mirror()
            await self._drop_deleted_threads(store, channel)
            progress.step("live")
        except discord.Forbidden:
            progress.step("failed")
            progress.problem = "no permission to read its history (View Channel, Read Message History)"
            log.warning("live channel #%s: %s", channel.name, progress.problem)
        except discord.HTTPException as exc:
            progress.step("failed")
            progress.problem = f"Discord answered {exc.status}; `/index-channel add` tries again"
            log.warning("live channel #%s: history failed: %s", channel.name, exc)
        except Exception as exc:  # a full disk, a damaged store: said in the list and the log, the bot goes on
            progress.step("failed")
            progress.problem = f"{type(exc).__name__}; see the bot's log"
            log.exception("live channel #%s: reading its history failed", channel.name)

    async def _drop_deleted_threads(self, store, channel: discord.TextChannel) -> None:
        """Stored threads that are not active any more: those Discord no longer has (deleted while the bot was
        down, so no THREAD_DELETE will come) leave the store; archived ones stay."""
        active = {t.id for t in channel.threads}
        for tid in sorted(await self.call(store.threads, channel.id) - active):
            try:
                await self.bot.fetch_channel(tid)
            except discord.NotFound:
                removed = await self.call(store.delete_channel, tid)
                log.info("thread %s of #%s was deleted while away: %d messages removed", tid, channel.name, removed)
            except discord.HTTPException:  # unreadable now (a private thread): not known to be deleted
                continue

    # --- events ------------------------------------------------------------------------------------------
    async def indexed(self, tenant: Tenant, guild: discord.Guild | None, channel_id: int) -> bool:
        """Whether messages of this channel (or thread, by its parent) are indexed in the tenant."""
        channel = guild.get_channel_or_thread(channel_id) if guild is not None else None
        key = indexed_channel(channel) if channel is not None else channel_id
        return await self.call(tenant.quoth.messages.enabled, key)

    async def message(self, message: discord.Message) -> None:
        tenant = self.tenant(message.guild.id if message.guild else None)
        if tenant is None or not await self.indexed(tenant, message.guild, message.channel.id):
            return
        found = chat_message(message, self.settings.live_include_bots)
        if found is not None:
            await self.call(tenant.quoth.messages.upsert, [found])
            self.batcher.watch(tenant)

    async def edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        tenant = self.tenant(payload.guild_id)
        # An update without content is an embed unfurl or a pin: the words did not change.
        if tenant is None or "content" not in payload.data:
            return
        message = payload.message
        if not await self.indexed(tenant, message.guild, payload.channel_id):
            return
        found = chat_message(message, self.settings.live_include_bots)
        if found is not None:
            await self.call(tenant.quoth.messages.upsert, [found])
        elif not message.content.strip():  # edited down to nothing (an attachment left): nothing to quote
            await self.call(tenant.quoth.messages.delete, [message.id])
        self.batcher.watch(tenant)

    async def delete(self, guild_id: int | None, channel_id: int, ids: list[int]) -> None:
        tenant = self.tenant(guild_id)
        guild = self.bot.get_guild(guild_id) if guild_id else None
        # A channel or thread the bot no longer caches (an archived thread, or one archived while it was down)
        # cannot say whether it is indexed: its messages may be stored, so the delete is applied anyway.
        unknown = guild is None or guild.get_channel_or_thread(channel_id) is None
        if tenant is not None and (unknown or await self.indexed(tenant, guild, channel_id)):
            await self.call(tenant.quoth.messages.delete, ids)
            self.batcher.watch(tenant)

    async def channel_deleted(self, guild_id: int, channel_id: int) -> None:
        tenant = self.tenant(guild_id)
        if tenant is not None and await self.call(tenant.quoth.messages.enabled, channel_id):
            await self.stop_channel(channel_id)
            removed = await self.call(tenant.quoth.messages.delete_channel, channel_id)
            log.info("live channel %s deleted in server %s: %d messages removed", channel_id, guild_id, removed)
            self.batcher.watch(tenant)

    async def thread_deleted(self, guild_id: int, parent_id: int, thread_id: int) -> None:
        tenant = self.tenant(guild_id)
        if tenant is not None and await self.call(tenant.quoth.messages.enabled, parent_id):
            await self.call(tenant.quoth.messages.delete_channel, thread_id)
            self.batcher.watch(tenant)
