"""A corpus per Discord server: which Quoth answers a server, a DM, a click.

Each server listed under ``[guilds.<id>]`` has its own tenant: a Quoth over its own corpus folder whose data
directory is ``<data dir>/guilds/<id>`` (its index generations and live message store, never another server's,
even when two servers list one folder) and, on Milvus, a prefix of its own (config.guild_prefix). Servers not
listed and DMs get the default tenant (the top-level ``[corpus]``) or none, as ``bot.unlisted_guilds`` and
``bot.dm_corpus`` say; a listed server's tenant is never reached from a DM. Every tenant shares the default
Quoth's encoder: one model in memory (Encoder serialises its forward passes with a lock of its own, so two
tenants' threads may call it at once).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quoth import Quoth

from ..config import AppConfig, GuildSettings
from .translator import _

log = logging.getLogger("quoth.bot")
DEFAULT_KEY = "default"
# Said where no corpus serves: an unlisted server with bot.unlisted_guilds = "none", a DM with bot.dm_corpus = "none".
NOT_SERVED_GUILD = "Quoth has no documents for this server."
NOT_SERVED_DM = "Quoth answers in the servers it is in, not in direct messages."


def guild_key(guild_id: int) -> str:
    return f"guild-{guild_id}"


@dataclass
class Tenant:
    """One corpus the bot serves: the default one, or a listed server's."""

    key: str  # "default" or "guild-<id>"
    guild_id: int | None
    quoth: Quoth
    build_lock: asyncio.Lock  # one build of this corpus at a time (/reindex, watching, schedule, live batches)
    settings: GuildSettings | None
    data_dir: Path

    @property
    def own_corpus(self) -> bool:
        """Whether this is a listed server's own corpus (a live channel may only feed such a tenant: the default
        corpus is shared by every unlisted server and by DMs)."""
        return self.guild_id is not None


class Tenants:
    """The bot's tenants, opened on first use (``open_all`` opens every listed one, as the bot's warm start does)."""

    def __init__(self, cfg: AppConfig, default: Quoth) -> None:
        self.cfg = cfg
        self.default = Tenant(DEFAULT_KEY, None, default, asyncio.Lock(), None, default.settings.data_dir())
        self._guilds: dict[int, Tenant] = {}
        self._lock = threading.Lock()  # tenants open from worker threads and the event loop alike

    def for_guild(self, guild_id: int | None) -> Tenant | None:
        """The tenant answering in ``guild_id`` (None: a DM or user-installed context); None when none does."""
        served = self.cfg.served_by(guild_id)
        if served == "guild":
            return self._guild(guild_id)
        return self.default if served == "default" else None

    def for_interaction(self, interaction: Any) -> Tenant | None:
        """The tenant of the server an interaction (or message) came from."""
        return self.for_guild(served_guild(interaction))

    @staticmethod
    def not_served(guild_id: int | None) -> str:
        """The one-line reply where no corpus serves."""
        return NOT_SERVED_DM if guild_id is None else NOT_SERVED_GUILD

    def get(self, key: str) -> Tenant | None:
        if key == DEFAULT_KEY:
            return self.default
        gid = next((g for g in self.cfg.guilds if guild_key(g) == key), None)
        return None if gid is None else self._guild(gid)

    def all(self) -> list[Tenant]:
        """The default tenant and every listed server's (opened if not yet)."""
        return [self.default, *(self._guild(g) for g in self.cfg.guilds)]

    def opened(self) -> list[Tenant]:
        """The tenants opened so far (nothing is opened to list them)."""
        with self._lock:
            return [self.default, *self._guilds.values()]

    def _guild(self, guild_id: int) -> Tenant:
        with self._lock:
            tenant = self._guilds.get(guild_id)
            if tenant is None:
                settings = self.cfg.for_guild(guild_id)
                quoth = Quoth(settings, encoder=self.default.quoth.encoder)  # one model for every server
                tenant = Tenant(guild_key(guild_id), guild_id, quoth, asyncio.Lock(), self.cfg.guilds[guild_id],
                                settings.data_dir())
                self._guilds[guild_id] = tenant
                log.info("server %s%s: corpus %s, data in %s", guild_id,
                         f" ({tenant.settings.name})" if tenant.settings.name else "", quoth.corpus_dir,
                         tenant.data_dir)
            return tenant


def served_guild(interaction: Any) -> int | None:
    """The server whose corpus may answer an interaction (or message); None for a DM. A command of the app
    installed by a user, run in a server that has not installed the bot, is a user-installed context: it is
    answered as a DM is (``bot.dm_corpus``), never from that server's corpus, which its members did not add the bot
    to serve."""
    guild_id = getattr(interaction, "guild_id", None)
    if guild_id is None and getattr(interaction, "guild", None) is not None:
        guild_id = interaction.guild.id
    guild_installed = getattr(interaction, "is_guild_integration", None)
    if guild_id is not None and guild_installed is not None and not guild_installed():
        return None
    return guild_id


async def tenant_or_reply(tenants: Tenants, interaction: Any) -> Tenant | None:
    """The interaction's tenant; None once the one-line "not served here" reply has been sent (privately)."""
    tenant = tenants.for_interaction(interaction)
    if tenant is None:
        await interaction.response.send_message(_(tenants.not_served(served_guild(interaction))), ephemeral=True)
    return tenant
