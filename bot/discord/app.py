"""The Discord bot: ``quoth serve`` runs it, ``quoth sync`` publishes its slash commands.

Mentions and DMs work without the privileged message-content intent (Discord delivers the content of
messages that mention the bot and of DMs); only follow-ups in answer threads (``bot.answer_in_thread``)
and live channels (``bot.live_channels`` or a server's ``live_channel_ids``) need it, and it is requested
only then.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import discord
from discord.ext import commands

from quoth import Quoth
from quoth.errors import QuothError

from ..config import TOKEN_ENV, AppConfig, TokenMissing, read_token
from .answers import NO_PINGS
from .components import DYNAMIC_ITEMS
from .health import HealthServer, Metrics
from .journal import Journal
from .live.feed import live_wanted
from .service import AskService
from .tenants import Tenant, Tenants
from .translator import QuothTranslator, QuothTree

log = logging.getLogger("quoth.bot")
COGS = ("quoth.bot.discord.cogs.ask", "quoth.bot.discord.cogs.admin", "quoth.bot.discord.cogs.privacy",
        "quoth.bot.discord.cogs.verify", "quoth.bot.discord.cogs.discover", "quoth.bot.discord.cogs.keeper",
        "quoth.bot.discord.cogs.channels")


class QuothBot(commands.Bot):
    """The bot, handed everything it uses: the default Quoth app, the config, and the ask service built on them.

    Every entry point resolves its tenant first (``tenants.for_interaction``) and answers from ``tenant.quoth``
    alone, through ``asker_for(tenant)``: the question journal, cooldowns and metrics are shared, the corpus is not.
    """

    def __init__(self, quoth: Quoth, cfg: AppConfig, sync: bool = False, warm: bool = True, **client) -> None:
        intents = discord.Intents.default()
        # Privileged: requested only when something needs other messages' words (answer threads, live channels).
        intents.message_content = cfg.bot.answer_in_thread or live_wanted(cfg)
        super().__init__(command_prefix=commands.when_mentioned, intents=intents, allowed_mentions=NO_PINGS,
                         help_command=None, tree_cls=QuothTree, **client)
        self.quoth = quoth  # the default tenant's (the top-level [corpus]); a server's is tenants.for_guild(id).quoth
        self.cfg = cfg
        self.sync_on_start = sync
        self.warm = warm
        self.tenants = Tenants(cfg, quoth)
        self.build_lock = self.tenants.default.build_lock  # the default corpus's; each tenant has its own
        self.metrics = Metrics()
        self.asker = AskService(quoth, Journal(journal_path(cfg), cfg.bot.journal_days), cfg.bot, self.metrics)
        self._askers: dict[str, AskService] = {}
        self.health = HealthServer(self, cfg.bot.http_host, cfg.bot.http_port) if cfg.bot.http_port else None
        self.web = mounted_web(quoth, cfg) if cfg.web.in_serve else None  # the page and API beside the bot

    async def setup_hook(self) -> None:
        if self.health is not None:  # first: an orchestrator sees "not ready" while the index loads
            await self.health.start()
        if self.warm:
            # Index and model load before the gateway connects, so the first question is answered quickly.
            await asyncio.to_thread(self._warm_tenants)
        if self.web is not None:  # after warming: its first visitor does not wait for the model
            await self.web.start()  # it logs "Quoth on http://…" once listening
        await self.tree.set_translator(QuothTranslator())
        for cog in COGS:
            await self.load_extension(cog)
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        if self.sync_on_start:
            await sync_tree(self, self.cfg.bot.dev_guild_ids)

    def _warm_tenants(self) -> None:
        """The default corpus warmed as before (its failure stops the start, as it always did); each listed server's
        opened and warmed, a server with nothing to index yet (live channels only, no message so far) said once."""
        self.quoth.warm()
        for tenant in self.tenants.all()[1:]:
            try:
                tenant.quoth.warm()
            except QuothError as exc:
                log.warning("server %s: nothing indexed yet (%s)", tenant.guild_id, exc)

    def asker_for(self, tenant: Tenant) -> AskService:
        """The ask service answering from ``tenant``'s corpus (journal, cooldowns and metrics shared)."""
        asker = self._askers.get(tenant.key)
        if asker is None:
            asker = self._askers[tenant.key] = self.asker.serving(tenant.quoth)
        return asker

    async def close(self) -> None:
        if self.web is not None:
            await self.web.stop()
        if self.health is not None:
            await self.health.stop()
        await super().close()

    async def on_message(self, message: discord.Message) -> None:
        # No prefix commands: the Ask cog's listener handles mentions and DMs.
        return

    async def on_ready(self) -> None:
        log.info("ready as %s (%s) in %d guild(s)", self.user, getattr(self.user, "id", "?"), len(self.guilds))


class ShardedQuothBot(QuothBot, commands.AutoShardedBot):
    """The bot on several gateway connections (``bot.shard_count``), those of ``bot.shard_ids`` in this process.

    What each process keeps for itself, and why that is enough: the question journal and votes (bot.sqlite
    in its data directory) hold the answers its own shards gave, and Discord sends a button click to the shard
    of the guild it was clicked in, the one that answered; cooldowns protect each process's own encoder. The
    index, the state every shard must agree on, is the shared Milvus one: `/reindex` on any shard switches
    every process.
    """

    def __init__(self, quoth: Quoth, cfg: AppConfig, sync: bool = False, warm: bool = True) -> None:
        count = None if cfg.bot.shard_count == "auto" else cfg.bot.shard_count
        super().__init__(quoth, cfg, sync, warm, shard_count=count, shard_ids=cfg.bot.shard_ids or None)

    async def on_shard_ready(self, shard_id: int) -> None:
        log.info("shard %d of %s ready", shard_id, self.shard_count)


class WebExtraMissing(QuothError):
    """web.in_serve is on but the [web] extra is not installed."""


def mounted_web(quoth: Quoth, cfg: AppConfig):
    """The web app (bot/web) served in the bot's own event loop from the default tenant's Quoth — one process, one
    model; never a server's corpus (their live messages are not for a public page). Imported only when asked
    for, so a bot without the [web] extra never needs it."""
    try:
        from ..web.server import MountedWeb
    except ImportError as exc:
        raise WebExtraMissing("web.in_serve needs the web extra: pip install 'quoth[web]'") from exc
    return MountedWeb(quoth, cfg.web)


def make_bot(quoth: Quoth, cfg: AppConfig, sync: bool = False, warm: bool = True) -> QuothBot:
    """The bot the config asks for: one connection, or shards."""
    cls = ShardedQuothBot if cfg.bot.shard_count else QuothBot
    return cls(quoth, cfg, sync=sync, warm=warm)


def journal_path(cfg: AppConfig) -> Path:
    return cfg.data_dir() / "bot.sqlite"


async def sync_tree(bot: commands.Bot, guild_ids: list[int] | None) -> list:
    """Publish slash commands: to the given guilds at once, or globally when none are given."""
    if guild_ids:
        synced = []
        for gid in guild_ids:
            guild = discord.Object(id=gid)
            bot.tree.copy_global_to(guild=guild)
            synced = await bot.tree.sync(guild=guild)
            log.info("synced %d command(s) to guild %s", len(synced), gid)
        return synced
    synced = await bot.tree.sync()
    log.info("synced %d command(s) globally (may take up to an hour to appear everywhere)", len(synced))
    return synced


async def _serve(bot: QuothBot, token: str) -> None:
    async with bot:
        await bot.start(token)


def serve(cfg: AppConfig, quoth: Quoth, sync: bool) -> None:
    """Run the bot until interrupted. Logging is the process's own (``bot.start`` adds no handler)."""
    token = read_token()
    bot = make_bot(quoth, cfg, sync=sync)
    try:
        asyncio.run(_serve(bot, token))
    except discord.LoginFailure as exc:
        raise TokenMissing(f"Discord rejected the token in {TOKEN_ENV}: {exc}") from exc
    except discord.PrivilegedIntentsRequired as exc:
        raise IntentRefused("Discord refused the Message Content intent, which live channels (bot.live_channels, "
                            "live_channel_ids) and bot.answer_in_thread need: turn on Message Content Intent in "
                            "the developer portal (your application -> Bot), or turn those off") from exc


class IntentRefused(QuothError):
    """The config needs a privileged intent the application does not have in the developer portal."""


async def _sync(bot: QuothBot, token: str, guild_ids: list[int] | None) -> list:
    async with bot:
        await bot.login(token)
        return await sync_tree(bot, guild_ids)


def sync(cfg: AppConfig, quoth: Quoth, guild_id: int | None) -> list:
    token = read_token()
    bot = QuothBot(quoth, cfg, warm=False)
    try:
        return asyncio.run(_sync(bot, token, [guild_id] if guild_id else None))
    except discord.LoginFailure as exc:
        raise TokenMissing(f"Discord rejected the token in {TOKEN_ENV}: {exc}") from exc
