"""Privacy: ``/forget-me`` deletes the caller's questions and votes from the journal."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

if TYPE_CHECKING:
    from ..app import QuothBot


class Privacy(commands.Cog):
    def __init__(self, bot: QuothBot) -> None:
        self.journal = bot.asker.journal

    @app_commands.command(name="forget-me", description="Delete every question you asked me and every vote you gave")
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    @app_commands.allowed_installs(guilds=True, users=True)
    async def forget_me(self, interaction: discord.Interaction) -> None:
        asked, votes = await asyncio.to_thread(self.journal.forget, interaction.user.id)
        await interaction.response.send_message(
            f"Done: I deleted {asked} question{'s' if asked != 1 else ''} and {votes} vote{'s' if votes != 1 else ''}"
            " of yours. Only anonymous daily counts remain.", ephemeral=True)


async def setup(bot: QuothBot) -> None:
    await bot.add_cog(Privacy(bot))
