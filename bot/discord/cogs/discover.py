"""Discovery: ``/random [speaker] [source]`` and the quote of the day, posted to ``bot.daily_channel_id`` at
``bot.daily_time`` (UTC) and never the same passage twice within ``bot.daily_fresh_days``."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands, tasks

if TYPE_CHECKING:
    from ..app import QuothBot

log = logging.getLogger("quoth.bot")
DAILY_TITLE = "Quote of the day"


class Discover(commands.Cog):
    def __init__(self, bot: QuothBot) -> None:
        self.bot = bot
        self.asker = bot.asker
        settings = bot.cfg.bot
        if settings.daily_channel_id is not None:
            hour, minute = map(int, settings.daily_time.split(":"))
            self.daily.change_interval(time=dt.time(hour, minute, tzinfo=dt.UTC))
            self.daily.start()

    async def cog_unload(self) -> None:
        self.daily.cancel()

    @app_commands.command(name="random", description="A random quote, with who said it and where")
    @app_commands.describe(speaker="Only this person", source="Only this document", private="Show it to you alone")
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    @app_commands.allowed_installs(guilds=True, users=True)
    async def random(self, interaction: discord.Interaction, speaker: str | None = None, source: str | None = None,
                     private: bool = False) -> None:
        refusal = self.asker.cooldown_refusal(interaction.user.id)
        if refusal:
            await interaction.response.send_message(refusal, ephemeral=True)
            return
        await interaction.response.defer(ephemeral=private, thinking=True)
        reply, _ = await self.asker.random(interaction.user.id, interaction.guild_id, interaction.channel_id,
                                           speaker, source)
        if reply.mistake and not private:
            await interaction.delete_original_response()
            await interaction.followup.send(ephemeral=True, **reply.kwargs())
            return
        await interaction.edit_original_response(**reply.kwargs())

    @tasks.loop(time=dt.time(9, 0, tzinfo=dt.UTC))
    async def daily(self) -> None:
        await self.post_quote_of_the_day()

    async def post_quote_of_the_day(self) -> discord.Message | None:
        """Post one quote not posted within the fresh window; logs and returns None when it cannot."""
        settings = self.bot.cfg.bot
        channel = self.bot.get_channel(settings.daily_channel_id) if settings.daily_channel_id else None
        if channel is None:
            if settings.shard_ids:  # its guild is on another process's shards: that process posts it
                log.debug("quote of the day: channel %s is on another process's shards", settings.daily_channel_id)
            else:
                log.warning("quote of the day: channel %s is not one the bot can see", settings.daily_channel_id)
            return None
        since = time.time() - settings.daily_fresh_days * 86400
        avoid = await asyncio.to_thread(self.asker.journal.posted_since, since)
        guild = getattr(channel, "guild", None)
        reply, hit = await self.asker.random(None, guild.id if guild else None, channel.id, avoid=avoid,
                                             title=DAILY_TITLE)
        if hit is None:
            log.warning("quote of the day: %s", reply.content)
            return None
        message = await channel.send(**reply.kwargs())
        await asyncio.to_thread(self.asker.journal.add_posted, hit.passage.id)
        return message

    @daily.before_loop
    async def before_daily(self) -> None:
        await self.bot.wait_until_ready()


async def setup(bot: QuothBot) -> None:
    await bot.add_cog(Discover(bot))
