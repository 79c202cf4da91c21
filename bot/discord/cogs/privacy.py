"""Privacy: ``/forget-me`` deletes the caller's questions, votes and indexed messages in every server;
``/index-me off|on`` keeps the caller's future messages out of every server's index (or lets them in again);
live messages older than ``bot.live_retention_days`` are deleted at start and daily.

Each act writes the message stores only; every touched server's batcher rebuilds its index within seconds, and
until then the library withholds every passage that covers a removed message (nothing is served after the reply).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands, tasks

from ...privacy import Removed, Store, every_store, forget_user, prune_expired, set_indexing, spread_opt_outs
from ..translator import _

if TYPE_CHECKING:
    from ..app import QuothBot

log = logging.getLogger("quoth.bot")
STATES = [app_commands.Choice(name="off", value="off"), app_commands.Choice(name="on", value="on")]


def removed_reply(r: Removed) -> str:
    # Each count's noun is translated whole, singular and plural apart: languages make plurals their own way
    # (the literals stay literal so that the catalog test finds every one).
    n = r.message_count
    return _("Done: I deleted {questions} and {votes} of yours, and {messages} you wrote in indexed channels, "
             "in every server. Only anonymous daily counts remain.",
             questions=_("1 question") if r.questions == 1 else _("{n} questions", n=r.questions),
             votes=_("1 vote") if r.votes == 1 else _("{n} votes", n=r.votes),
             messages=_("1 message") if n == 1 else _("{n} messages", n=n))


class Privacy(commands.Cog):
    def __init__(self, bot: QuothBot) -> None:
        self.bot = bot
        self.journal = bot.asker.journal
        self.clock: Callable[[], float] = time.time  # the retention's "now": a test turns it forward

    def stores(self) -> list[Store]:
        return every_store(self.bot.cfg, self.bot.tenants.all())

    async def cog_load(self) -> None:
        # Before the gateway connects: a server listed since someone opted out learns it before its first message.
        added = await asyncio.to_thread(lambda: spread_opt_outs(self.stores()))
        if added:
            log.info("opt-outs of live indexing carried to %d server store(s) that lacked them", added)
        if self.bot.cfg.bot.live_retention_days:
            await self.prune()  # at start, before the gateway connects: nothing expired is served
            self.daily_prune.start()

    async def cog_unload(self) -> None:
        self.daily_prune.cancel()

    async def prune(self) -> Removed:
        """Delete expired live messages in every store; each touched server's batcher then rebuilds."""
        days = self.bot.cfg.bot.live_retention_days
        removed = await asyncio.to_thread(lambda: prune_expired(self.stores(), days, self.clock()))
        if removed.message_count:
            log.info("retention: deleted %d live message(s) older than %d day(s) in %s", removed.message_count,
                     days, ", ".join(removed.touched()))
        return removed

    @tasks.loop(hours=24)
    async def daily_prune(self) -> None:
        try:
            await self.prune()
        except Exception:  # a store that cannot be written today is tried again tomorrow; the bot goes on
            log.exception("retention of live messages failed; tried again in a day")

    @daily_prune.before_loop
    async def _a_day_after_start(self) -> None:
        await asyncio.sleep(24 * 3600)  # the start's own prune ran in cog_load

    @app_commands.command(name="forget-me",
                          description="Delete every question you asked me, every vote you gave and your indexed "
                                      "messages")
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    @app_commands.allowed_installs(guilds=True, users=True)
    async def forget_me(self, interaction: discord.Interaction) -> None:
        # Deferred first: a bot in thousands of servers writes thousands of stores (about 1 ms each), and Discord
        # drops an interaction not acknowledged within 3 s.
        await interaction.response.defer(ephemeral=True, thinking=True)
        user_id = interaction.user.id
        removed = await asyncio.to_thread(lambda: forget_user(self.journal, self.stores(), user_id))
        await interaction.edit_original_response(content=removed_reply(removed))

    @app_commands.command(name="index-me",
                          description="Keep your future messages out of every server's index (off), or let them "
                                      "in again (on)")
    @app_commands.describe(state="off: none of your new messages is indexed in any server; on: they are again")
    @app_commands.choices(state=STATES)
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    @app_commands.allowed_installs(guilds=True, users=True)
    async def index_me(self, interaction: discord.Interaction, state: app_commands.Choice[str]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)  # every server's store: as /forget-me
        on, user_id = state.value == "on", interaction.user.id
        await asyncio.to_thread(lambda: set_indexing(self.stores(), user_id, on))
        text = (_("Done: your new messages in indexed channels are indexed again, in every server.") if on else
                _("Done: none of your new messages will be indexed, in any server. What is already indexed "
                  "stays until you use `/forget-me`."))
        await interaction.edit_original_response(content=text)


async def setup(bot: QuothBot) -> None:
    await bot.add_cog(Privacy(bot))
