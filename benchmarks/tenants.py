"""Several servers on one bot: what a server's full /reindex costs the other servers' answers, and what each
served corpus costs in memory with the one shared model. Against the fake Discord on loopback
(tests/e2e/fake_discord.py) with the real discord.py client.

    python benchmarks/tenants.py [--servers 3] [--docs 300] [--questions 30]

Each server gets a corpus of --docs harbour reports (bot_load.write_corpus) of its own. Prints the process's
RSS after the default corpus alone and after every server's index is open and warm; then server A's full
/reindex runs while --questions /ask arrive in the other servers, one after another: the time from each to its
acknowledgement and to its answer (p50 / p95 / max), whether each came before A's build finished, and the same
questions with no build running, for comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import tempfile
import time
from pathlib import Path

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bot_load import QUESTIONS, pct, write_corpus  # noqa: E402

from quoth import Quoth  # noqa: E402
from quoth.bot.config import AppConfig  # noqa: E402
from quoth.bot.discord.app import QuothBot  # noqa: E402
from tests.e2e.fake_discord import BOT_ID, GUILD_ID, FakeDiscord, user  # noqa: E402


def rss_mib() -> float:
    """The process's resident memory now (Linux /proc), else its peak."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize() / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def asked(fake: FakeDiscord, question: str, guild_id: int, n: int) -> tuple[float, float, float]:
    """(seconds to acknowledgement, seconds to answer, when answered) for one /ask in ``guild_id``."""
    at = time.monotonic()
    token = await fake.slash("ask", {"question": question}, user(3000 + n, f"u{n}"), guild_id=guild_id)
    ack = await fake.wait_for(lambda r: r.method == "POST" and r.path.endswith(f"/{token}/callback"), 120)
    done = await fake.wait_for(lambda r: r.method == "PATCH" and f"/{BOT_ID}/{token}/messages/@original" in r.path
                               and bool(r.body and (r.body.get("embeds") or r.body.get("content"))), 300)
    return ack.at - at, done.at - at, done.at


def line(name: str, xs: list[float], unit: str = "ms") -> str:
    scale = 1000 if unit == "ms" else 1
    return (f"  {name}: p50 {pct(xs, 50) * scale:.0f} {unit}, p95 {pct(xs, 95) * scale:.0f} {unit}, "
            f"max {max(xs) * scale:.0f} {unit}")


async def questions(fake: FakeDiscord, guilds: list[int], n: int) -> list[tuple[float, float, float]]:
    return [await asked(fake, QUESTIONS[i % len(QUESTIONS)], guilds[i % len(guilds)], i) for i in range(n)]


async def measure(servers: int, docs: int, n: int, data: Path) -> None:
    guilds = [GUILD_ID + 1000 * i for i in range(servers)]
    cfg = AppConfig.from_dict({
        "data": {"dir": str(data)}, "corpus": {"path": str(write_corpus(data / "default", 5))},
        "bot": {"cooldown_questions": 10 * n, "unlisted_guilds": "none"},
        "guilds": {str(g): {"corpus": str(write_corpus(data / f"server-{i}", docs))} for i, g in enumerate(guilds)}})
    app = Quoth(cfg)
    app.warm()
    alone = rss_mib()
    fake = FakeDiscord(guild_ids=guilds)
    await fake.start()
    Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = fake.api_base, yarl.URL(fake.gateway_url)
    bot = QuothBot(app, cfg)
    started = time.monotonic()
    task = asyncio.create_task(bot.start("fake-token"))
    while not bot.is_ready():
        await asyncio.sleep(0.05)
    ready = time.monotonic() - started
    passages = [bot.tenants.for_guild(g).quoth.current().meta.passages for g in guilds]
    print(f"{servers} servers × {docs} documents ({passages[0]} passages each): ready in {ready:.1f} s (their "
          f"indexes built at start); RSS {alone:.0f} MiB with the default corpus alone, {rss_mib():.0f} MiB with "
          f"every server's open and warm (one model)")
    quiet = await questions(fake, guilds[1:], n)
    admin = await fake.slash("reindex", {"full": True}, user(1, "admin"), guild_id=guilds[0], admin=True)
    await asyncio.sleep(0.5)
    busy = await questions(fake, guilds[1:], n)
    rebuilt = await fake.wait_for(lambda r: r.method == "PATCH" and f"/{admin}/messages" in r.path and "Index "
                                  in str((r.body or {}).get("content")), 900)
    await bot.close()
    await asyncio.wait_for(task, 10)
    await fake.stop()
    during = sum(at <= rebuilt.at for _, _, at in busy)
    print(f"{n} questions in the other servers, one after another, with no build running:")
    print(line("acknowledged", [a for a, _, _ in quiet]) + "\n" + line("answered", [d for _, d, _ in quiet]))
    first_asked = busy[0][2] - busy[0][1]
    print(f"{n} questions in the other servers while server A's full /reindex ran (it finished "
          f"{rebuilt.at - first_asked:.1f} s after the first was asked; {during} were answered before that):")
    print(line("acknowledged", [a for a, _, _ in busy]) + "\n" + line("answered", [d for _, d, _ in busy]))
    print(f"  all {sum(a <= 3 for a, _, _ in busy)}/{n} acknowledged within 3 s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--servers", type=int, default=3)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--questions", type=int, default=30)
    ap.add_argument("--data", type=Path, help="the data directory (default: a new temporary one)")
    args = ap.parse_args(argv)
    if args.servers < 2:
        ap.error("--servers: at least 2 (one rebuilds, the others answer)")
    data = args.data or Path(tempfile.mkdtemp(prefix="quoth-tenants-"))
    asyncio.run(measure(args.servers, args.docs, args.questions, data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
