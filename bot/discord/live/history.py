"""A live channel's past, read through Discord's API: backfill (newest to oldest, resumable), catch-up after
a restart (what was posted while the bot was down) and reconcile (what was deleted or edited meanwhile).

Pacing is discord.py's: its HTTP client reads the ``X-RateLimit-*`` headers of every response and waits out
a 429's ``retry_after`` before retrying, per bucket, so a page here is simply the next request.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import discord

from quoth.channels import MessageStore

from .messages import chat_message, skipped

log = logging.getLogger("quoth.bot")
PAGE = 100  # Discord's largest page of history
StoreCall = Callable[..., Awaitable]  # runs a store method in the feed's writer thread, in event order


@dataclass
class Progress:
    """What a channel's sync is doing, for ``/index-channel list`` and the log."""

    state: str = "waiting"  # waiting | catching up | reconciling | backfilling | live | failed
    pages: int = 0
    read: int = 0
    problem: str | None = None
    since: float = field(default_factory=time.time)

    def step(self, state: str) -> None:
        self.state, self.since = state, time.time()


@dataclass
class ChannelSync:
    """Reads one channel's history into its tenant's store."""

    channel: discord.TextChannel
    store: MessageStore
    call: StoreCall
    include_bots: bool
    progress: Progress
    names: dict[int, str] = field(default_factory=dict)  # author id -> display name in the server
    # Messages posted before this (unix seconds) are past bot.live_retention_days: never stored, and a backfill
    # stops there. None: every message is kept.
    since: float | None = None

    async def _page(self, **where) -> list[discord.Message]:
        page = [m async for m in self.channel.history(limit=PAGE, **where)]
        self.progress.pages += 1
        self.progress.read += len(page)
        return page

    async def _convert(self, page: list[discord.Message]) -> list:
        out = []
        for m in page:
            if not skipped(m, self.include_bots) and not self._expired(m):
                out.append(chat_message(m, self.include_bots, await self._name(m)))
        return out

    def _expired(self, message: discord.Message) -> bool:
        return self.since is not None and message.created_at.timestamp() < self.since

    async def _name(self, message: discord.Message) -> str:
        """The author's display name in the server. A history page carries users, not members (and without
        the members intent discord.py caches none), so each author's member is fetched once per sync; one who
        left the server keeps their global name."""
        author = message.author
        if isinstance(author, discord.Member):
            return author.display_name
        if author.id not in self.names:
            guild = self.channel.guild
            try:
                member = guild.get_member(author.id) or await guild.fetch_member(author.id)
                self.names[author.id] = member.display_name
            except discord.HTTPException:  # gone from the server (or unreadable): the name Discord shows anywhere
                self.names[author.id] = author.display_name
        return self.names[author.id]

    async def backfill(self, before: int | None) -> None:
        """Newest to oldest from the saved cursor; each page and the cursor are saved in one transaction, so
        a kill between pages neither loses nor repeats one."""
        self.progress.step("backfilling")
        while True:
            page = await self._page(before=discord.Object(before) if before else None)
            done = len(page) < PAGE or any(self._expired(m) for m in page)  # older ones are past retention
            oldest = min((m.id for m in page), default=before)
            await self.call(self.store.upsert, await self._convert(page), (self.channel.id, oldest, done))
            log.info("backfill of #%s: %d messages read (%d pages)%s", self.channel.name, self.progress.read,
                     self.progress.pages, ", done" if done else "")
            if done:
                return
            before = oldest

    async def mirror(self) -> int:
        """A thread read whole (its messages are few, and it has no cursor of its own): every message stored,
        and the stored ones Discord no longer has deleted. Returns how many were deleted."""
        self.progress.step("backfilling")
        # Only what existed when the read began is compared: a message posted meanwhile is not "missing".
        began = discord.utils.time_snowflake(discord.utils.utcnow())
        seen: set[int] = set()
        before = None
        while True:
            page = await self._page(before=discord.Object(before) if before else None)
            seen |= {m.id for m in page}
            await self.call(self.store.upsert, await self._convert(page))
            if len(page) < PAGE:
                break
            before = min(m.id for m in page)
        gone = sorted(await self.call(self.store.ids_between, self.channel.id, 0, began) - seen)
        if gone:
            await self.call(self.store.delete, gone)
        return len(gone)

    async def catch_up(self) -> None:
        """What was posted after the newest stored message, oldest first."""
        self.progress.step("catching up")
        after = await self.call(self.store.newest_id, self.channel.id)
        while after is not None:
            page = await self._page(after=discord.Object(after), oldest_first=True)
            if page:
                await self.call(self.store.upsert, await self._convert(page))
            if len(page) < PAGE:
                return
            after = max(m.id for m in page)

    async def reconcile(self, limit: int) -> tuple[int, int]:
        """The most recent ``limit`` messages compared with the store: stored ones Discord no longer has are
        deleted, the others rewritten (an edit made while the bot was down). Returns (checked, deleted)."""
        if limit <= 0:
            return 0, 0
        self.progress.step("reconciling")
        # Only what existed when the read began is compared: a message posted (and stored by its event)
        # meanwhile is not "missing", and must not be deleted and tombstoned.
        began = discord.utils.time_snowflake(discord.utils.utcnow())
        live = [m async for m in self.channel.history(limit=limit)]
        newest = await self.call(self.store.newest_id, self.channel.id)
        if newest is None:
            return len(live), 0
        ids = {m.id for m in live}
        # Older than the window: not checked (it may hold deletions we cannot see without reading it all).
        lower = min(ids) if len(live) >= limit else 0
        stored = await self.call(self.store.ids_between, self.channel.id, lower - 1, max([began, *ids]) + 1)
        gone = sorted(stored - ids)
        if gone:
            await self.call(self.store.delete, gone)
        rewritten = await self._convert(live)
        # Messages that became skipped (emptied by an edit) leave too.
        emptied = sorted((stored & ids) - {c.id for c in rewritten})
        if emptied:
            await self.call(self.store.delete, emptied)
        if rewritten:
            await self.call(self.store.upsert, rewritten)
        return len(live), len(gone) + len(emptied)
