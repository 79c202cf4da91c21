"""The bot on the scale-out path: Milvus going away and coming back under a running bot, /healthz and
/metrics, and two `quoth serve` processes with two shards each serving one application from one Milvus index."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import sys
import time
from pathlib import Path

import aiohttp

from quoth import Quoth
from quoth.bot.config import AppConfig
from tests.milvus import MilvusServer, free_port, missing, prefix

from .fake_discord import ADMIN_ROLE_ID, FakeDiscord, custom_ids
from .test_bot import ALICE, CORPUS, callback_of, edited, run, running

ROOT = Path(__file__).resolve().parents[2]
UNAVAILABLE = "The index is unavailable right now, try again in a minute."


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in CORPUS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def milvus_config(tmp: Path, uri: str, name: str, data: str = "data", **bot) -> dict:
    return {"corpus": {"path": str(write_corpus(tmp / "corpus"))}, "data": {"dir": str(tmp / data)},
            "index": {"backend": "milvus", "milvus_uri": uri, "milvus_prefix": prefix(name), "milvus_timeout": 3},
            "bot": {"admin_role_ids": [ADMIN_ROLE_ID], "cooldown_questions": 50, **bot}}


async def ask(fake: FakeDiscord, question: str, **kw) -> dict:
    token = await fake.slash("ask", {"question": question}, ALICE, **kw)
    return (await fake.wait_for(edited(token), timeout=60)).body


def said(body: dict) -> str:
    return (body.get("content") or "") + " ".join(e.get("description") or "" for e in body.get("embeds") or [])


async def health(port: int) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as s, s.get(f"http://127.0.0.1:{port}/healthz") as r:
        return r.status, await r.json()


def test_milvus_lost_and_back_under_a_running_bot(tmp_path, encoder):
    if reason := missing("cpp"):
        import pytest
        pytest.skip(reason)
    server = MilvusServer(tmp_path / "milvus")
    server.start()
    port = free_port()
    try:
        cfg = AppConfig.from_dict(milvus_config(tmp_path, server.uri, "lost", http_port=port))
        app = Quoth(cfg, encoder=encoder)
        app.index()

        async def scenario():
            async with running(app) as (fake, _):
                assert "granite" in said(await ask(fake, "Who rebuilt the harbour wall?"))
                status, body = await health(port)
                assert status == 200 and body["gateway"] and body["backend"] == "milvus" and body["index_generation"]
                server.stop()
                await asyncio.sleep(1.5)  # past the index's look at the alias
                assert said(await ask(fake, "Who rebuilt the harbour wall?")) == UNAVAILABLE
                status, body = await health(port)
                assert status == 503 and not body["backend_reachable"], body
                server.start()
                deadline = time.monotonic() + 60
                while "granite" not in said(await ask(fake, "Who rebuilt the harbour wall?")):
                    assert time.monotonic() < deadline, "the bot never reconnected to Milvus"
                    await asyncio.sleep(1)
                assert (await health(port))[0] == 200
                async with aiohttp.ClientSession() as s, s.get(f"http://127.0.0.1:{port}/metrics") as r:
                    metrics = await r.text()
                assert "quoth_questions_total" in metrics and "quoth_question_seconds_bucket" in metrics
                asked = _metric(metrics, "quoth_questions_total")
                assert asked >= 3 and _metric(metrics, "quoth_failed_total") >= 1
                assert _metric(metrics, "quoth_answered_total") >= 2
        run(scenario(), timeout=240)
    finally:
        server.stop()


def _metric(text: str, name: str) -> float:
    return next(float(line.split()[-1]) for line in text.splitlines() if line.startswith(name + " "))


SERVE = """
import sys, yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route
from quoth.bot.cli import main
Route.BASE = sys.argv[1]
DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(sys.argv[2])
sys.exit(main(["--config", sys.argv[3], "serve"]))
"""


def guild_on_shard(shard: int, count: int) -> int:
    return (4000 + shard) << 22 | 7  # (id >> 22) % count == shard, as Discord assigns guilds


def test_two_processes_with_two_shards_each(milvus_line_server, tmp_path, encoder):
    guilds = [guild_on_shard(i, 4) for i in range(4)]
    configs = []
    for name, ids in (("a", [0, 1]), ("b", [2, 3])):
        cfg = milvus_config(tmp_path, milvus_line_server.uri, "shards", data=f"data-{name}", shard_count=4,
                            shard_ids=ids)
        path = tmp_path / f"{name}.json"
        configs.append((path, cfg))
    app = Quoth(AppConfig.from_dict(configs[0][1]), encoder=encoder)
    app.index()

    async def scenario():
        fake = FakeDiscord(guild_ids=guilds, shard_count=4)
        await fake.start()
        procs = [await _serve(fake, tmp_path, path, cfg) for path, cfg in configs]
        try:
            deadline = time.monotonic() + 120
            while sorted(fake.shards_identified) != [0, 1, 2, 3]:
                for p in procs:
                    assert p.returncode is None, (await p.stderr.read()).decode()[-3000:]
                assert time.monotonic() < deadline, f"shards identified: {fake.shards_identified}"
                await asyncio.sleep(0.2)
            for g in guilds:
                body = await ask(fake, "Who rebuilt the harbour wall?", guild_id=g)
                assert "granite" in said(body) and custom_ids(body)
            # /reindex on a shard of the first process switches the index that the second serves.
            (tmp_path / "corpus" / "mill.txt").write_text(
                "Mill diary\n\nby Cara Stone\n\nThe water mill ground oats every Tuesday until the millpond froze "
                "solid in January.\n")
            token = await fake.slash("reindex", {}, ALICE, admin=True, guild_id=guilds[0])
            await fake.wait_for(callback_of(token), timeout=60)
            done = await fake.wait_for(lambda r: edited(token)(r) and "Index" in (r.body.get("content") or ""),
                                       timeout=180)
            assert "1 added" in done.body["content"], done.body
            deadline = time.monotonic() + 30
            while "millpond" not in said(await ask(fake, "When did the millpond freeze?", guild_id=guilds[3])):
                assert time.monotonic() < deadline, "the other process never moved to the new generation"
                await asyncio.sleep(0.5)
        finally:
            for p in procs:
                if p.returncode is None:
                    p.send_signal(signal.SIGINT)
            for p in procs:
                try:
                    await asyncio.wait_for(p.wait(), 30)
                except TimeoutError:
                    p.kill()
                    await p.wait()
            await fake.stop()

    run(scenario(), timeout=420)
    # Each process answered its own shards' guilds, and kept its own journal of them.
    for (_, cfg), mine in zip(configs, (guilds[:2], guilds[2:]), strict=True):
        with sqlite3.connect(Path(cfg["data"]["dir"]) / "bot.sqlite") as con:
            seen = {g for (g,) in con.execute("SELECT DISTINCT guild_id FROM questions")}
        assert seen and seen <= set(mine), (seen, mine)


async def _serve(fake: FakeDiscord, tmp: Path, path: Path, cfg: dict) -> asyncio.subprocess.Process:
    toml = path.with_suffix(".toml")
    toml.write_text(_toml(cfg))
    env = {**os.environ, "DISCORD_TOKEN": "fake-token"}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-c", SERVE, fake.api_base, fake.gateway_url, str(toml), cwd=ROOT, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)


def _toml(cfg: dict) -> str:
    lines = []
    for section, values in cfg.items():
        lines.append(f"[{section}]")
        lines += [f"{k} = {json.dumps(v)}" for k, v in values.items()]
    return "\n".join(lines) + "\n"
