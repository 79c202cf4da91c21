"""Live channels: ``/index-channel add|remove|list`` for server admins, and the message events that keep
the indexed channels current (see ``..live``)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from quoth.channels import LiveChannel

from ..answers import NO_PINGS, escape
from ..live.feed import LiveFeed
from ..live.history import Progress

if TYPE_CHECKING:
    from ..app import QuothBot

NOT_ADMIN = ("Sorry, only server admins (Manage Server) and the people listed in Quoth's config may choose the "
             "channels I index.")
SHARED = ("This server has no corpus of its own in my config (a `[guilds.{id}]` section), so I cannot index its "
          "channels: the corpus it uses is shared with other servers, and its messages would be quoted there.")
# The channel option named a channel this server does not have: another server's (Discord resolves it against the
# command's server, so it arrives unresolved), or one not in my cache yet. Nothing is read from it.
NOT_HERE = "That is not one of this server's text channels that I can see; pick a channel of this server."
log = logging.getLogger("quoth.bot")
NO_INTENT = ("Live channels need the message-content intent: set `bot.live_channels = true` in my config, turn on "
             "*Message Content Intent* in the Discord developer portal (your application → Bot), and restart me.")


class Channels(commands.Cog):
    group = app_commands.Group(name="index-channel", description="Channels whose messages I index and quote "
                               "(admins)", guild_only=True, default_permissions=discord.Permissions(manage_guild=True))

    def __init__(self, bot: QuothBot) -> None:
        self.bot = bot
        self.feed = LiveFeed(bot)

    async def cog_load(self) -> None:
        await self.feed.build_pending()  # in setup_hook: before the gateway connects

    async def cog_unload(self) -> None:
        await self.feed.close()

    async def cog_app_command_error(self, interaction: discord.Interaction,
                                    error: app_commands.AppCommandError) -> None:
        """A channel option that is not this server's channel is said to the admin (privately); any other error is
        logged as discord.py logs it (this handler replaces its own)."""
        if isinstance(error, app_commands.TransformerError) and error.type == discord.AppCommandOptionType.channel:
            if not interaction.response.is_done():
                await interaction.response.send_message(NOT_HERE, ephemeral=True)
            return
        name = interaction.command.qualified_name if interaction.command else "?"
        log.error("Ignoring exception in command %r", name, exc_info=error)

    async def _refusal(self, interaction: discord.Interaction):
        """(tenant, None) when the caller may manage this server's live channels, else (None, why)."""
        admin = self.bot.get_cog("Admin")
        if admin is None or not admin.may_reindex(interaction):
            return None, NOT_ADMIN
        tenant = self.feed.tenant(interaction.guild_id)
        if tenant is None:
            return None, SHARED.format(id=interaction.guild_id)
        return tenant, None

    @group.command(name="add", description="Index this channel's messages: its history and what is posted from now")
    @app_commands.describe(channel="The channel to index")
    async def add(self, interaction: discord.Interaction, channel: discord.TextChannel) -> None:
        tenant, why = await self._refusal(interaction)
        if why is None and not self.bot.intents.message_content:
            why = NO_INTENT
        if why is not None:
            await interaction.response.send_message(why, ephemeral=True)
            return
        store = tenant.quoth.messages
        if await self.feed.call(store.enabled, channel.id):
            self.feed.schedule(tenant, channel, restart=True)  # a stopped history job runs again; a running one goes on
            text = f"{channel.mention} is already indexed; `/index-channel list` shows its progress."
        else:
            await self.feed.call(store.enable, channel.id, channel.guild.id, channel.name)
            self.feed.batcher.watch(tenant)
            self.feed.schedule(tenant, channel, restart=False)
            text = (f"Indexing {channel.mention}: I am reading its history now (`/index-channel list` shows how far). "
                    "New messages, edits and deletions are applied within seconds.")
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)

    @group.command(name="remove", description="Stop indexing a channel and delete what was indexed from it")
    @app_commands.describe(channel="The channel to stop indexing")
    async def remove(self, interaction: discord.Interaction, channel: discord.TextChannel) -> None:
        tenant, why = await self._refusal(interaction)
        if why is not None:
            await interaction.response.send_message(why, ephemeral=True)
            return
        store = tenant.quoth.messages
        if not await self.feed.call(store.enabled, channel.id):
            await interaction.response.send_message(f"{channel.mention} is not indexed.", ephemeral=True,
                                                    allowed_mentions=NO_PINGS)
            return
        await self.feed.stop_channel(channel.id)
        removed = await self.feed.call(store.disable, channel.id)
        self.feed.batcher.watch(tenant)
        text = (f"Stopped indexing {channel.mention} and deleted its {removed} stored message"
                f"{'s' if removed != 1 else ''}; from now on none of them is quoted.")
        if tenant.settings is not None and channel.id in tenant.settings.live_channel_ids:
            text += " It is listed in my config (`live_channel_ids`): take it out there, or it is indexed again " \
                    "at my next start."
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)

    @group.command(name="list", description="The channels I index here, with their progress")
    async def list_(self, interaction: discord.Interaction) -> None:
        tenant, why = await self._refusal(interaction)
        if why is not None:
            await interaction.response.send_message(why, ephemeral=True)
            return
        found = [c for c in await self.feed.call(tenant.quoth.messages.channels, tenant.guild_id) if c.enabled]
        if not found:
            text = "No channel is indexed here. `/index-channel add` starts one."
        else:
            text = "\n".join(self._line(c) for c in found)
        await interaction.response.send_message(text[:2000], ephemeral=True, allowed_mentions=NO_PINGS)

    def _line(self, c: LiveChannel) -> str:
        progress = self.feed.progress.get(c.channel_id)
        return f"<#{c.channel_id}> (#{escape(c.name)}): {c.messages} messages · {status(c, progress)}"

    # --- events ------------------------------------------------------------------------------------------
    @commands.Cog.listener()
    async def on_guild_available(self, guild: discord.Guild) -> None:
        await self.feed.start_guild(guild)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        await self.feed.message(message)

    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        await self.feed.edit(payload)

    @commands.Cog.listener()
    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        await self.feed.delete(payload.guild_id, payload.channel_id, [payload.message_id])

    @commands.Cog.listener()
    async def on_raw_bulk_message_delete(self, payload: discord.RawBulkMessageDeleteEvent) -> None:
        await self.feed.delete(payload.guild_id, payload.channel_id, sorted(payload.message_ids))

    @commands.Cog.listener()
    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        await self.feed.channel_deleted(channel.guild.id, channel.id)

    @commands.Cog.listener()
    async def on_raw_thread_delete(self, payload: discord.RawThreadDeleteEvent) -> None:
        await self.feed.thread_deleted(payload.guild_id, payload.parent_id, payload.thread_id)


def status(c: LiveChannel, progress: Progress | None) -> str:
    """Where a channel's history stands: read to the start, being read (back to which day), or stuck."""
    if progress is not None and progress.state == "failed":
        return f"history stopped: {progress.problem}"
    if c.backfill_done:
        return "history read to the start; live"
    if c.backfill_before is None:
        return "history not read yet" + (" (starting)" if progress is not None else "")
    day = discord.utils.snowflake_time(c.backfill_before).astimezone(dt.UTC).strftime("%Y-%m-%d")
    if progress is not None and progress.state == "backfilling":
        return f"history read back to {day} (reading: {progress.read} messages in {progress.pages} pages so far)"
    return f"history read back to {day} (the rest is read at my next start)"


async def setup(bot: QuothBot) -> None:
    await bot.add_cog(Channels(bot))
