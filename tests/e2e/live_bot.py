"""What the live-channel tests share: two servers with corpora of their own, the real bot (in this process or
as ``quoth serve``) against the fake Discord, asking through /ask, and polling the servers' message stores."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import sys
import time
from pathlib import Path

from quoth import Quoth
from quoth.bot.config import AppConfig
from quoth.bot.discord.app import QuothBot
from quoth.channels import MessageStore
from tests.helpers import write_corpus

from .fake_discord import ADMIN_ROLE_ID, GUILD_ID, ChannelRef, FakeDiscord, connected, user
from .test_bot import ErrorLogs, callback_of, edited

ROOT = Path(__file__).resolve().parents[2]
GUILD_B = 910000000000000100
CHANNEL_B = GUILD_B + 1  # the fake's #general of a second server
ALICE = user(800000000000000011, "alice")
BOB = user(800000000000000012, "bob")
ADMIN = user(800000000000000013, "admin")
HOOKBOT = user(800000000000000014, "hookbot", bot=True)
NICKS = {ALICE["id"]: "Alice Ng", BOB["id"]: "Bob Stone"}
CORPUS_A = {"minutes.txt": "Club minutes\n\nby Ann Lee\n\nThe club met in the village hall and agreed to repaint "
                           "the notice board before the spring fair.\n"}
CORPUS_B = {"rota.txt": "Kitchen rota\n\nby Carl Marsh\n\nThe kitchen rota changes every Sunday; whoever cooks does "
                        "not wash up afterwards.\n"}


def live_config(tmp: Path, live_a: list[int] = (), live_b: list[int] = (), **bot) -> dict:
    """Two listed servers, each with its own small corpus (and live channels, when given)."""
    write_corpus(tmp / "corpus-a", CORPUS_A)
    write_corpus(tmp / "corpus-b", CORPUS_B)
    write_corpus(tmp / "corpus", CORPUS_A)
    return {
        "corpus": {"path": str(tmp / "corpus")}, "data": {"dir": str(tmp / "data")},
        "bot": {"admin_role_ids": [ADMIN_ROLE_ID], "cooldown_questions": 1000, "live_channels": True,
                "live_batch_seconds": 0.3, **bot},
        "guilds": {str(GUILD_ID): {"name": "A", "corpus": str(tmp / "corpus-a"), "live_channel_ids": list(live_a)},
                   str(GUILD_B): {"name": "B", "corpus": str(tmp / "corpus-b"), "live_channel_ids": list(live_b)}},
    }


def community(fake: FakeDiscord) -> None:
    """Both servers with their members (shown under their server nicknames)."""
    fake.add_guild(GUILD_B, "B")
    for g in (GUILD_ID, GUILD_B):
        for who in (ALICE, BOB, ADMIN, HOOKBOT):
            fake.add_member(g, who, nick=NICKS.get(who["id"]))


def store_path(cfg: dict, guild_id: int) -> Path:
    return Path(cfg["data"]["dir"]) / "guilds" / str(guild_id) / "live" / "messages.sqlite"


def store_of(cfg: dict, guild_id: int) -> MessageStore:
    return MessageStore(store_path(cfg, guild_id))


@contextlib.asynccontextmanager
async def live_bot(cfg: dict, fake: FakeDiscord, encoder):
    """The real bot, in this process, against ``fake`` (already populated); fails on any ERROR logged."""
    errors = ErrorLogs()
    for name in ("discord", "quoth"):
        logging.getLogger(name).addHandler(errors)
    settings = AppConfig.from_dict(cfg)
    rt = Quoth(settings, encoder=encoder)
    bot = QuothBot(rt, settings)
    try:
        async with connected(fake, bot):
            yield bot
    finally:
        for name in ("discord", "quoth"):
            logging.getLogger(name).removeHandler(errors)
    assert not errors.records, [r.getMessage() for r in errors.records]


async def until(check, what: str, timeout: float = 30.0, every: float = 0.1):
    """Poll ``check`` (run in a thread: it may read SQLite) until it returns something true."""
    deadline = time.monotonic() + timeout
    while True:
        got = await asyncio.to_thread(check)
        if got:
            return got
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(every)


async def ask(fake: FakeDiscord, question: str, guild_id: int = GUILD_ID) -> dict:
    token = await fake.slash("ask", {"question": question}, ALICE, guild_id=guild_id)
    return (await fake.wait_for(edited(token), timeout=60)).body


def said(body: dict) -> str:
    """What an answer quotes and shows of its sources: every embed (not the header, which repeats the question)."""
    parts = []
    for e in body.get("embeds") or []:
        parts += [e.get("title") or "", e.get("description") or "", (e.get("author") or {}).get("name") or "",
                  (e.get("footer") or {}).get("text") or "", e.get("url") or ""]
    return "\n".join(parts)


async def answered(fake: FakeDiscord, question: str, word: str, guild_id: int = GUILD_ID,
                   timeout: float = 30.0) -> dict:
    """Ask until an embed quotes ``word`` (the batcher builds every few tenths of a second); that embed."""
    deadline = time.monotonic() + timeout
    while True:
        body = await ask(fake, question, guild_id)
        hit = next((e for e in body.get("embeds") or [] if word in (e.get("description") or "")), None)
        if hit is not None:
            return hit
        assert time.monotonic() < deadline, f"{word!r} never answerable: {said(body)[:500]}"
        await asyncio.sleep(0.3)


async def command(fake: FakeDiscord, sub: str, guild_id: int = GUILD_ID, **options) -> str:
    """``/index-channel <sub>`` by an admin; the text of its (ephemeral) reply."""
    opts = {k: ChannelRef(v) for k, v in options.items()}
    token = await fake.slash("index-channel", opts, ADMIN, sub=sub, admin=True, guild_id=guild_id)
    return (await fake.wait_for(callback_of(token), timeout=30)).body["data"]["content"]


def jump(guild_id: int, channel_id: int, message_id: int | str) -> str:
    return f"https://discord.com/channels/{guild_id}/{channel_id}/{message_id}"


SERVE = """
import sys, yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route
from quoth.bot.cli import main
Route.BASE = sys.argv[1]
DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(sys.argv[2])
sys.exit(main(["--config", sys.argv[3], "serve"]))
"""


async def serve(fake: FakeDiscord, cfg: dict, tmp: Path, log: Path) -> asyncio.subprocess.Process:
    """``quoth serve`` as a real process against ``fake``; its stderr appended to ``log``."""
    path = tmp / "config.toml"
    path.write_text(toml_of(cfg))
    env = {**os.environ, "DISCORD_TOKEN": "fake-token"}
    with log.open("ab") as out:
        return await asyncio.create_subprocess_exec(sys.executable, "-c", SERVE, fake.api_base, fake.gateway_url,
                                                    str(path), cwd=ROOT, env=env, stdout=out, stderr=out)


def toml_of(cfg: dict) -> str:
    """``cfg`` as a TOML file (the values here are strings, numbers, booleans and lists: JSON spells them alike)."""
    lines = []
    for section, values in cfg.items():
        tables = values.items() if section == "guilds" else [(None, values)]
        for key, table in tables:
            lines.append(f"[{section}{'' if key is None else '.' + key}]")
            lines += [f"{k} = {json.dumps(v)}" for k, v in table.items() if v is not None]
    return "\n".join(lines) + "\n"
