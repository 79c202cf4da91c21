"""The bot under load: N questions at once from N users while a full reindex runs, against the fake Discord
on loopback (tests/e2e/fake_discord.py) with the real discord.py client.

    python benchmarks/bot_load.py [--questions 50] [--docs 300] [--corpus DIR]

Without --corpus it writes a corpus of --docs harbour reports (five paragraphs each), so that the full
reindex lasts long enough for every question to land during it.

Prints the time from each slash command to its acknowledgement (Discord wants one within 3 s) and to its
answer, p50 / p99 / max, and whether the gateway heartbeats kept coming during the rebuild.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sys
import tempfile
import time
from pathlib import Path

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quoth import Quoth  # noqa: E402
from quoth.bot.config import AppConfig  # noqa: E402
from quoth.bot.discord.app import QuothBot  # noqa: E402
from tests.e2e.fake_discord import ADMIN_ROLE_ID, BOT_ID, FakeDiscord, user  # noqa: E402

QUESTIONS = ["Who repaired the lighthouse lamp?", "When does the ferry leave?", "What happened at the fish market?",
             "What did the council agree about the harbour wall?", "Who wrote about the gull colony?"]
TOPICS = ["harbour wall", "ferry timetable", "fish market", "lighthouse lamp", "tide tables", "lifeboat crew",
          "net mending", "salt trade", "gull colony", "pier lights"]


def write_corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        paras = [f"Report {i} on the {topic}", f"by Writer {i % 13}"] + [
            f"The {topic} came up again on day {d}: the council agreed to look at the {TOPICS[(i + d) % 10]} "
            f"and the {TOPICS[(i * d) % 10]} before the next season, and Writer {i % 13} took notes." for d in range(5)]
        (folder / f"report-{i:04d}.txt").write_text("\n\n".join(paras) + "\n")
    return folder


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def first(fake: FakeDiscord, pred):
    return next((r for r in fake.requests if pred(r)), None)


async def measure(n: int, corpus: Path | None, docs: int, data: Path | None = None) -> None:
    data = data or Path(tempfile.mkdtemp(prefix="quoth-load-"))
    corpus = corpus or write_corpus(data / "corpus", docs)
    cfg = AppConfig.from_dict({"data": {"dir": str(data)}, "corpus": {"path": str(corpus)},
                               "bot": {"admin_role_ids": [ADMIN_ROLE_ID], "cooldown_questions": 50}})
    app = Quoth(cfg)
    app.ensure_index(show_progress=False)
    fake = FakeDiscord(heartbeat_ms=1000)
    await fake.start()
    Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = fake.api_base, yarl.URL(fake.gateway_url)
    bot = QuothBot(app, cfg)
    task = asyncio.create_task(bot.start("fake-token"))
    while not bot.is_ready():
        await asyncio.sleep(0.05)
    admin = await fake.slash("reindex", {"full": True}, user(1, "admin"), roles=[ADMIN_ROLE_ID])
    await asyncio.sleep(0.5)
    t_start = time.monotonic()
    sent = {}
    for i in range(n):
        sent[await fake.slash("ask", {"question": QUESTIONS[i % len(QUESTIONS)]}, user(2000 + i, f"u{i}"))] = \
            time.monotonic()
    acks, answers = [], []
    for token, at in sent.items():
        ack = await fake.wait_for(lambda r, t=token: r.method == "POST" and r.path.endswith(f"/{t}/callback"), 120)
        done = await fake.wait_for(lambda r, t=token: r.method == "PATCH" and f"/{BOT_ID}/{t}/messages/@original"
                                   in r.path and bool(r.body and r.body.get("embeds")), 300)
        acks.append(ack.at - at)
        answers.append(done.at - at)
    rebuilt = await fake.wait_for(lambda r: r.method == "PATCH" and f"/{admin}/messages" in r.path and "Index "
                                  in str((r.body or {}).get("content")), 600)
    beats = [b for b in fake.heartbeats if t_start <= b <= rebuilt.at]
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    await bot.close()
    await asyncio.wait_for(task, 10)
    await fake.stop()
    print(f"{n} questions at once during a full reindex ({app.current().meta.passages} passages), "
          f"reindex done {rebuilt.at - t_start:.1f} s after the first question")
    print(f"  acknowledged: p50 {pct(acks, 50) * 1000:.0f} ms, p99 {pct(acks, 99) * 1000:.0f} ms, "
          f"max {max(acks) * 1000:.0f} ms; {sum(a <= 3 for a in acks)}/{n} within 3 s")
    print(f"  answered:     p50 {pct(answers, 50):.2f} s, p99 {pct(answers, 99):.2f} s, max {max(answers):.2f} s; "
          f"{len(answers)}/{n} delivered")
    print(f"  heartbeats (asked every 1 s) during the load: {len(beats)}, longest gap "
          f"{max(gaps, default=0):.2f} s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", type=int, default=50)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--data", type=Path, help="the data directory (default: a new temporary one)")
    args = ap.parse_args(argv)
    asyncio.run(measure(args.questions, args.corpus, args.docs, args.data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
