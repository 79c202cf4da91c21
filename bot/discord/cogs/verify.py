"""Checking quotes: ``/verify quote:<text> [speaker]`` and the message command "Find the source"
(right-click a message → Apps), which checks each quoted stretch of the message, or all of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from ..tenants import tenant_or_reply

FOUND_LABEL = "(another person's message, checked with Find the source)"

if TYPE_CHECKING:
    from ..app import QuothBot


class Verify(commands.Cog):
    def __init__(self, bot: QuothBot) -> None:
        self.bot = bot
        self.asker = bot.asker
        self.menu = app_commands.ContextMenu(name="Find the source", callback=self.find_the_source)
        self.menu.allowed_contexts = app_commands.AppCommandContext(guild=True, dm_channel=True, private_channel=True)
        bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    @app_commands.command(name="verify", description="Is this quote real? Find its source and how it differs")
    @app_commands.describe(quote="The quote, or a message with the quote in quotation marks",
                           speaker="Who it is said to be by", private="Show the answer to you alone")
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    @app_commands.allowed_installs(guilds=True, users=True)
    async def verify(self, interaction: discord.Interaction, quote: str, speaker: str | None = None,
                     private: bool = False) -> None:
        await self._check(interaction, quote, speaker, private)

    async def find_the_source(self, interaction: discord.Interaction, message: discord.Message) -> None:
        if not message.content.strip():
            what = "an attachment" if message.attachments or message.embeds else "no text"
            await interaction.response.send_message(f"That message has {what}: I can only check words.",
                                                    ephemeral=True)
            return
        # Another person's message is theirs to delete: the journal keeps a label, not their words, which it would
        # otherwise hold (and /insights show) for bot.journal_days after they deleted it or asked to be forgotten.
        own = message.author.id == interaction.user.id
        await self._check(interaction, message.content, None, True, record=None if own else FOUND_LABEL)

    async def _check(self, interaction: discord.Interaction, text: str, speaker: str | None, private: bool,
                     record: str | None = None) -> None:
        refusal = self.asker.cooldown_refusal(interaction.user.id)
        if refusal:
            await interaction.response.send_message(refusal, ephemeral=True)
            return
        tenant = await tenant_or_reply(self.bot.tenants, interaction)
        if tenant is None:
            return
        await interaction.response.defer(ephemeral=private, thinking=True)
        reply = await self.bot.asker_for(tenant).verify(text, interaction.user.id, interaction.guild_id,
                                                        interaction.channel_id, speaker, record)
        if reply.mistake and not private:
            await interaction.delete_original_response()
            await interaction.followup.send(ephemeral=True, **reply.kwargs())
            return
        await interaction.edit_original_response(**reply.kwargs())


async def setup(bot: QuothBot) -> None:
    await bot.add_cog(Verify(bot))
