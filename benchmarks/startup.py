"""Time from starting the bot process to "ready" with an existing index, and its resident memory.

    python benchmarks/startup.py [--corpus DIR] [--backend torch|onnx-int8]

Runs what `quoth serve` runs (config → runtime → QuothBot → setup_hook loads index and model → gateway)
in a fresh process, against the fake Discord of the test suite on 127.0.0.1 (Discord is unreachable here).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from quoth import Quoth, Settings

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import asyncio, os, re, sys, time
sys.path.insert(0, {root!r})  # for the test suite's fake Discord
os.environ.setdefault("HF_HUB_OFFLINE", "1")
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route
from quoth import Quoth
from quoth.bot.config import AppConfig
from quoth.bot.discord.app import QuothBot
from tests.e2e.fake_discord import FakeDiscord

async def main():
    fake = FakeDiscord()
    await fake.start()
    Route.BASE = fake.api_base
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    cfg = AppConfig.from_dict({{"corpus": {{"path": {corpus!r}}}, "data": {{"dir": {data!r}}},
                                "model": {{"backend": {backend!r}}}}})
    bot = QuothBot(Quoth(cfg), cfg)
    task = asyncio.create_task(bot.start("fake-token"))
    while not bot.is_ready():
        await asyncio.sleep(0.01)
    print("READY", flush=True)
    rss = int(re.search(r"VmRSS:\s+(\d+)", open("/proc/self/status").read()).group(1)) // 1024
    print("RSS", rss, flush=True)
    await bot.close()
    await fake.stop()

asyncio.run(main())
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT / "corpus" / "sample"))
    ap.add_argument("--data", default=str(ROOT / ".data" / "bench"))
    ap.add_argument("--backend", default="onnx-int8")
    args = ap.parse_args(argv)
    code = CHILD.format(root=str(ROOT), corpus=args.corpus, data=args.data, backend=args.backend)
    # A first run builds the index if there is none (its start is no measure); the measured run finds it.
    if not Quoth(Settings().with_(corpus={"path": args.corpus}, data={"dir": args.data})).backend.exists():
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    ready = None
    rss = None
    for line in proc.stdout:
        if line.startswith("READY"):
            ready = time.perf_counter() - t
        elif line.startswith("RSS"):
            rss = int(line.split()[1])
    proc.wait()
    print(f"start → ready: {ready:.1f} s (backend {args.backend}, existing index, resident memory {rss} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
