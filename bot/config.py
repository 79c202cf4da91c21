"""The config file of Quoth's front ends: the library's settings plus the ``[bot]`` section.

Looked up in order: ``--config FILE``, ``$QUOTH_CONFIG``, ``./config.toml``; with none, the defaults run the
bundled sample corpus with the bundled model. The Discord token is never read from a file: only from
``$DISCORD_TOKEN``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from quoth.errors import ConfigError, QuothError
from quoth.settings import Section, Settings

TOKEN_ENV = "DISCORD_TOKEN"
WEB_ADMIN_TOKEN_ENV = "QUOTH_WEB_ADMIN_TOKEN"  # the web API's reindex token; never read from a file or logged
DAILY_TIME = r"^([01]\d|2[0-3]):[0-5]\d$"  # HH:MM, UTC
GUILDS_DIR = "guilds"  # <data dir>/guilds/<id>: each listed server's index generations and live messages


class TokenMissing(QuothError):
    """No usable Discord token in the environment."""


class BotSettings(Section):
    answer_in_thread: bool = False
    admin_user_ids: list[int] = Field(default_factory=list)
    admin_role_ids: list[int] = Field(default_factory=list)
    dev_guild_ids: list[int] = Field(default_factory=list)
    cooldown_questions: int = Field(5, ge=1)
    cooldown_seconds: float = Field(30.0, gt=0)
    max_question_chars: int = Field(300, ge=10, le=4000)
    # Days a question (its text and the asker's ids) and its votes are kept; then only daily counts remain.
    # 0: keep nothing but the counts (a question lives only the hour its buttons need it).
    journal_days: int = Field(90, ge=0)
    # Days a live channel's message (its text, author id and name, times) is kept in the index; older ones are
    # deleted at start and daily, and leave the vectors at the next build. 0: kept while the channel is indexed.
    live_retention_days: int = Field(0, ge=0)
    # Channels where mentions are answered (empty: everywhere); slash commands work wherever the app is.
    channel_ids: list[int] = Field(default_factory=list)
    # Quote of the day: a random passage posted to this channel at daily_time (UTC, HH:MM); none: off.
    daily_channel_id: int | None = None
    daily_time: str = Field("09:00", pattern=DAILY_TIME)
    daily_fresh_days: int = Field(90, ge=0)  # a passage posted once is not posted again for this many days
    # Sharding, for a bot in thousands of servers: 0 runs one gateway connection; N (or "auto": Discord's
    # recommendation) runs discord.py's AutoShardedBot. shard_ids: the shards this process runs (empty: all),
    # so several `quoth serve` processes, each with its own ids, serve one application from one Milvus index.
    shard_count: int | Literal["auto"] = 0
    shard_ids: list[int] = Field(default_factory=list)
    # A small HTTP endpoint for orchestrators and Prometheus (/healthz, /metrics); 0: off.
    http_port: int = Field(0, ge=0, le=65535)
    http_host: str = "127.0.0.1"
    # Servers not listed under [guilds]: answered from the default corpus ([corpus]), or not at all ("none": a
    # one-line explanation instead). DMs and user-installed contexts: the default corpus, or none. A listed server's
    # corpus is never reachable from DMs, whatever these say.
    unlisted_guilds: Literal["default", "none"] = "default"
    dm_corpus: Literal["default", "none"] = "default"
    # Live channels (/index-channel): the privileged message-content intent is requested when this is on or any
    # server lists live_channel_ids; Discord refuses to connect until it is enabled in the developer portal.
    live_channels: bool = False
    live_batch_seconds: float = Field(2.0, gt=0)  # how often pending live messages are built into the index
    # After a restart: the most recent stored messages of each channel checked against Discord's history, so
    # messages deleted or edited while the bot was down are deleted or updated.
    live_reconcile_messages: int = Field(500, ge=0)
    live_include_bots: bool = False  # bots' messages are skipped unless this is on (system messages always are)

    @model_validator(mode="after")
    def _shards(self) -> BotSettings:
        if isinstance(self.shard_count, int) and self.shard_count < 0:
            raise ValueError("bot.shard_count must be 0 (no sharding), a number of shards, or \"auto\"")
        if self.shard_ids:
            if self.shard_count == 0 or self.shard_count == "auto":
                raise ValueError("bot.shard_ids needs bot.shard_count set to the total number of shards")
            bad = [i for i in self.shard_ids if not 0 <= i < self.shard_count]
            if bad or len(set(self.shard_ids)) != len(self.shard_ids):
                raise ValueError(f"bot.shard_ids must be distinct shards of 0..{self.shard_count - 1} (got "
                                 f"{self.shard_ids})")
        return self


class GuildSettings(Section):
    """One Discord server's own corpus and settings (a ``[guilds.<id>]`` table)."""

    name: str | None = None  # for people reading the config and the logs
    corpus: str | None = None  # a folder (relative to the config file); none: the server's live channels only
    live_channel_ids: list[int] = Field(default_factory=list)  # indexed live, besides those added by /index-channel
    daily_channel_id: int | None = None  # quote of the day from this server's corpus, in this server's channel
    daily_time: str = Field("09:00", pattern=DAILY_TIME)
    admin_role_ids: list[int] = Field(default_factory=list)  # may /reindex here, besides bot.admin_role_ids


class WebSettings(Section):
    """``quoth web``: the HTTP API under ``/api/v1`` and the page (``pip install 'quoth[web]'``)."""

    host: str = "127.0.0.1"  # loopback: put a reverse proxy (TLS) in front to publish it
    port: int = Field(8000, ge=0, le=65535)
    # `quoth serve` also serves the page and the API, from the default corpus, on host:port.
    in_serve: bool = False
    max_body_bytes: int = Field(64 * 1024, ge=1024, le=16 * 1024 * 1024)  # a request body over this: 413
    # Per client (its address; see trust_forwarded): a bucket of rate_burst requests refilled at rate_per_minute.
    rate_per_minute: int = Field(120, ge=1)
    rate_burst: int = Field(30, ge=1)
    timeout_seconds: float = Field(30.0, gt=0)  # a call that takes longer: 504 (its thread runs on to its end)
    workers: int = Field(4, ge=1, le=64)  # library calls at once (threads); more wait their turn
    # Behind a reverse proxy: the client is the last address of X-Forwarded-For (else every client is the proxy).
    trust_forwarded: bool = False
    # The address readers reach the page at (https://quotes.example.org), for citations and permalinks that leave
    # the page; none: the request's own.
    public_url: str | None = None


class AppConfig(Settings):
    """Everything a config file holds: the library's sections and the bot's."""

    front_end_sections = ()

    bot: BotSettings = BotSettings()
    web: WebSettings = WebSettings()
    guilds: dict[int, GuildSettings] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _guild_ids(self) -> AppConfig:
        bad = [g for g in self.guilds if not 0 < g < 1 << 63]
        if bad:
            raise ValueError(f"guilds: {bad[0]} is not a Discord server id (a positive number of up to 19 digits)")
        return self

    def served_by(self, guild_id: int | None) -> Literal["guild", "default", "none"]:
        """Which corpus answers in server ``guild_id`` (None: a DM or user-installed context): the server's own
        (listed), the default one, or none. The bot's Tenants and the CLI's --guild both decide here."""
        if guild_id is None:
            return "default" if self.bot.dm_corpus == "default" else "none"
        if guild_id in self.guilds:
            return "guild"
        return "default" if self.bot.unlisted_guilds == "default" else "none"

    def guild_data_dir(self, guild_id: int) -> Path:
        """A listed server's own data directory: its index generations and live message store, never shared
        with another server's, even when two list the same corpus folder."""
        return self.data_dir() / GUILDS_DIR / str(guild_id)

    def for_guild(self, guild_id: int) -> AppConfig:
        """The settings a listed server's Quoth runs with: its corpus (or the empty ``corpus`` folder of its data
        directory, created), its data directory and, on Milvus, a prefix of its own."""
        guild = self.guilds[guild_id]
        data_dir = self.guild_data_dir(guild_id)
        if guild.corpus:
            corpus = self._relative(guild.corpus)
        else:
            corpus = data_dir / "corpus"
            corpus.mkdir(parents=True, exist_ok=True)
        index = {"milvus_prefix": guild_prefix(self.index.milvus_prefix, guild_id)} \
            if self.index.backend == "milvus" else {}
        return self.with_(corpus={"path": str(corpus)}, data={"dir": str(data_dir)}, index=index)

    @classmethod
    def from_dict(cls, data: dict, source: Path | None = None,
                  variables: dict[tuple[str, str], str] | None = None) -> AppConfig:
        bot = data.get("bot", {})
        if isinstance(bot, dict) and ("token" in bot or "discord_token" in bot):
            raise ConfigError(f"{source or 'config'}: bot.token: the Discord token is read from ${TOKEN_ENV} only, "
                              "never from a file; remove it from the config")
        cfg = super().from_dict(data, source, variables)
        cfg._no_server_corpus_inside_the_default(source)
        return cfg

    def _no_server_corpus_inside_the_default(self, source: Path | None) -> None:
        """A server's folder inside the default corpus's would be quoted in DMs and unlisted servers, through the
        default corpus: refused while either is answered from it. (The very same folder is no secret: it is the
        default corpus itself, listed for a server on purpose.)"""
        if self.bot.dm_corpus == "none" and self.bot.unlisted_guilds == "none":
            return
        default = self.corpus_dir().expanduser().resolve()
        for gid, guild in self.guilds.items():
            if guild.corpus and default in self._relative(guild.corpus).expanduser().resolve().parents:
                raise ConfigError(
                    f"{source or 'config'}: guilds.{gid}.corpus ({guild.corpus}) is inside the default corpus folder "
                    f"({default}): its documents would be quoted in DMs and in servers not listed; move it out, or "
                    'set bot.dm_corpus and bot.unlisted_guilds to "none"')


def guild_prefix(prefix: str, guild_id: int) -> str:
    """A server's Milvus prefix, distinct from the default corpus's and every other server's: the collections are
    named ``<prefix>_gNNNNNN_<part>`` and matched on the whole prefix, so ``quoth`` never claims ``quoth_g123…``'s.
    The Milvus layout derives it (``tenant_prefix``): ``<prefix>_g<id>``, a prefix too long for that cut and
    marked with its hash, so two deployments whose prefixes share their first letters (``quoth_prod_eu``,
    ``quoth_prod_us``) sharing one Milvus never name one server's collections alike."""
    from quoth.index.milvus.layout import tenant_prefix  # pure names: nothing of pymilvus is imported

    return tenant_prefix(prefix, guild_id)


def find_config(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    if os.environ.get("QUOTH_CONFIG"):
        return Path(os.environ["QUOTH_CONFIG"])
    local = Path("config.toml")
    return local if local.is_file() else None


def load_config(explicit: str | None = None) -> AppConfig:
    path = find_config(explicit)
    if path is None:
        return AppConfig.from_environment()
    return AppConfig.load(path)


def read_token() -> str:
    token = os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        raise TokenMissing(f"set the {TOKEN_ENV} environment variable to your bot's token "
                           "(Discord developer portal → your application → Bot → Reset Token)")
    return token
