"""Discovery: ``/random [speaker] [source]`` and the quote of the day, posted to ``bot.daily_channel_id`` at
``bot.daily_time`` (UTC) and never the same passage twice within ``bot.daily_fresh_days``; and to each listed
server's own ``daily_channel_id`` at its ``daily_time``, from that server's corpus alone."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands, tasks

from ..tenants import tenant_or_reply

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
            self.daily.change_interval(time=_at(settings.daily_time))
            self.daily.start()
        # One loop per server with a quote of the day of its own (each at its own time).
        self.guild_daily: dict[int, tasks.Loop] = {}
        for gid, guild in bot.cfg.guilds.items():
            if guild.daily_channel_id is not None:
                self.guild_daily[gid] = loop = tasks.loop(time=_at(guild.daily_time))(self._poster(gid))
                loop.before_loop(self.before_daily)
                loop.start()

    def _poster(self, guild_id: int):
        async def post() -> None:
            await self.post_quote_of_the_day(guild_id)
        return post

    async def cog_unload(self) -> None:
        self.daily.cancel()
        for loop in self.guild_daily.values():
            loop.cancel()

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
        tenant = await tenant_or_reply(self.bot.tenants, interaction)
        if tenant is None:
            return
        await interaction.response.defer(ephemeral=private, thinking=True)
        reply, _ = await self.bot.asker_for(tenant).random(interaction.user.id, interaction.guild_id,
                                                           interaction.channel_id, speaker, source)
        if reply.mistake and not private:
            await interaction.delete_original_response()
            await interaction.followup.send(ephemeral=True, **reply.kwargs())
            return
        await interaction.edit_original_response(**reply.kwargs())

    @tasks.loop(time=dt.time(9, 0, tzinfo=dt.UTC))
    async def daily(self) -> None:
        await self.post_quote_of_the_day()

    async def post_quote_of_the_day(self, guild_id: int | None = None) -> discord.Message | None:
        """Post one quote not posted within the fresh window, to ``bot.daily_channel_id`` (from the corpus of the
        server that channel is in) or to server ``guild_id``'s own channel (from its corpus); logs and returns None
        when it cannot."""
        settings = self.bot.cfg.bot
        channel_id = settings.daily_channel_id if guild_id is None else self.bot.cfg.guilds[guild_id].daily_channel_id
        channel = self.bot.get_channel(channel_id) if channel_id else None
        if channel is None:
            if settings.shard_ids:  # its guild is on another process's shards: that process posts it
                log.debug("quote of the day: channel %s is on another process's shards", channel_id)
            else:
                log.warning("quote of the day: channel %s is not one the bot can see", channel_id)
            return None
        guild = getattr(channel, "guild", None)
        where = guild.id if guild else None
        if guild_id is not None and where != guild_id:  # a server's quotes are posted in that server only
            log.warning("quote of the day of server %s: channel %s is not in that server", guild_id, channel_id)
            return None
        tenant = self.bot.tenants.for_guild(where)
        if tenant is None:
            log.warning("quote of the day: no corpus serves the server of channel %s", channel_id)
            return None
        since = time.time() - settings.daily_fresh_days * 86400
        avoid = await asyncio.to_thread(self.asker.journal.posted_since, since, tenant.key)
        reply, hit = await self.bot.asker_for(tenant).random(None, where, channel.id, avoid=avoid, title=DAILY_TITLE)
        if hit is None:
            log.warning("quote of the day: %s", reply.content)
            return None
        message = await channel.send(**reply.kwargs())
        await asyncio.to_thread(self.asker.journal.add_posted, hit.passage.id, tenant.key)
        return message

    @daily.before_loop
    async def before_daily(self) -> None:
        await self.bot.wait_until_ready()


async def setup(bot: QuothBot) -> None:
    await bot.add_cog(Discover(bot))


def _at(hhmm: str) -> dt.time:
    hour, minute = map(int, hhmm.split(":"))
    return dt.time(hour, minute, tzinfo=dt.UTC)
