"""Index administration: ``/reindex`` for server admins and the users/roles listed in the config. Each rebuilds
and reports on the caller's own server only: its corpus (under its tenant's build lock, in a worker thread, so
other servers keep answering), its questions."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from quoth.errors import QuothError

from ..answers import NO_PINGS
from ..insights import insights_embed
from ..remedies import next_step, reason
from ..tenants import Tenant, tenant_or_reply

if TYPE_CHECKING:
    from ..app import QuothBot

log = logging.getLogger("quoth.bot")
STAGES = {"reading documents": "reading documents", "segmenting": "segmenting documents",
          "embedding": "embedding passages", "indexing": "indexing"}


class Admin(commands.Cog):
    def __init__(self, bot: QuothBot) -> None:
        self.bot = bot

    def may_reindex(self, interaction: discord.Interaction) -> bool:
        cfg = self.bot.cfg.bot
        if interaction.user.id in cfg.admin_user_ids:
            return True
        if interaction.guild_id is None:
            return False
        if interaction.permissions.manage_guild:
            return True
        guild = self.bot.cfg.guilds.get(interaction.guild_id)
        admin_roles = {*cfg.admin_role_ids, *(guild.admin_role_ids if guild else ())}
        roles = getattr(interaction.user, "roles", [])
        return any(r.id in admin_roles for r in roles)

    @app_commands.command(name="reindex", description="Rebuild the index from the corpus folder (admins)")
    @app_commands.describe(full="Rebuild everything instead of only what changed")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    async def reindex(self, interaction: discord.Interaction, full: bool = False) -> None:
        if not self.may_reindex(interaction):
            await interaction.response.send_message(
                "Sorry, only server admins (Manage Server) and the people listed in Quoth's config may rebuild "
                "the index.", ephemeral=True)
            return
        tenant = await tenant_or_reply(self.bot.tenants, interaction)
        if tenant is None:
            return
        if tenant.build_lock.locked():
            await interaction.response.send_message("A rebuild is already running; I will post its result.",
                                                    ephemeral=True)
            return
        await interaction.response.defer(thinking=True)
        async with tenant.build_lock:
            await self._rebuild(interaction, tenant, full)

    @app_commands.command(name="insights", description="What people asked lately: counts, questions nothing "
                                                       "answered, downvotes (admins)")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    async def insights(self, interaction: discord.Interaction) -> None:
        if not self.may_reindex(interaction):
            await interaction.response.send_message(
                "Sorry, only server admins (Manage Server) and the people listed in Quoth's config may see insights.",
                ephemeral=True)
            return
        # This server's questions alone (in a DM: the DM questions), whichever corpus answered them.
        embed = await asyncio.to_thread(insights_embed, self.bot.asker.journal, None, interaction.guild_id)
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NO_PINGS)

    async def _rebuild(self, interaction: discord.Interaction, tenant: Tenant, full: bool) -> None:
        loop = asyncio.get_running_loop()
        pending: list[asyncio.Future] = []
        last = [0.0]

        def progress(stage: str, done: int, total: int) -> None:
            # Called from the worker thread; edits are throttled to stay far from rate limits.
            now = time.monotonic()
            if stage == "done" or now - last[0] < 2.0:
                return
            last[0] = now
            count = f" {done}/{total}" if total else ""
            text = f"Rebuilding the index{' from scratch' if full else ''}… {STAGES.get(stage, stage)}{count}"
            fut = asyncio.run_coroutine_threadsafe(interaction.edit_original_response(content=text), loop)
            pending.append(asyncio.wrap_future(fut, loop=loop))

        await interaction.edit_original_response(content="Rebuilding the index…")
        try:
            with self.bot.metrics.reindex_run():
                report = await asyncio.to_thread(tenant.quoth.index, full, progress)
        except QuothError as exc:
            text = f"Could not rebuild: {reason(exc).rstrip('.')}. {next_step(exc, default=None)}".rstrip()
        except Exception as exc:
            log.exception("reindex failed")
            text = f"The rebuild failed ({type(exc).__name__}); the previous index is still serving."
        else:
            log.info("reindex of %s by %s: %s", tenant.key, interaction.user.id, report.summary())
            text = f"Index {'rebuilt' if report.full else 'updated'}: {report.summary()}."
            if report.warnings:
                text += f"\n{len(report.warnings)} file(s) had problems: " + "; ".join(report.warnings[:5])
        await asyncio.gather(*pending, return_exceptions=True)  # no late progress edit may overwrite the result
        await interaction.edit_original_response(content=text[:2000], allowed_mentions=NO_PINGS)


async def setup(bot: QuothBot) -> None:
    await bot.add_cog(Admin(bot))
