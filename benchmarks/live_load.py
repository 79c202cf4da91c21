"""Live channels under load: three servers, one live channel receiving --rate messages a second for --seconds
while --asks /ask interactions arrive, against the fake Discord on loopback (tests/e2e/fake_discord.py) with the
real discord.py client and the real bot, model and store, all in this process.

    python benchmarks/live_load.py [--rate 20] [--seconds 60] [--asks 50] [--history 300] [--data DIR]

Server A has a small corpus and the live channel #fair-planning (its --history older messages are backfilled
while the new ones arrive); servers B and C have corpora of their own. Half the asks go to A and look for the
newest "probe" message not yet found (one is posted every --probe-every seconds among the chatter, each with a
made-up word of its own); the rest go to B and C alternately. It prints:

- ack: the time from each /ask to its acknowledgement (Discord wants one within 3 s), p50 / p95 / max;
- answer: the time to the answer itself;
- freshness: a probe's age when the first /ask that quoted it was sent (the previous miss bounds it from below);
- lost / duplicated: after the run, the channel's messages in the fake against A's message store (ids) and the
  documents it renders (each message's jump link once), both must be 0;
- leaks: answers in B and C quoting anything of A's channel (must be 0);
- RSS of this process (the fake, the poster and the bot together) every few seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quoth import Quoth  # noqa: E402
from quoth.bot.config import AppConfig  # noqa: E402
from quoth.bot.discord.app import QuothBot  # noqa: E402
from tests.e2e.fake_discord import ADMIN_ROLE_ID, BOT_ID, GUILD_ID, FakeDiscord, user  # noqa: E402

GUILD_B, GUILD_C = 920000000000000100, 930000000000000100
PEOPLE = [user(700000000000000001 + i, name) for i, name in enumerate(("ann", "bo", "cy", "dee", "eli"))]
NICKS = ["Ann Lee", "Bo Marsh", "Cy Stone", "Dee Park", "Eli Ford"]
TOPICS = ["bunting", "raffle", "marquee", "tombola", "cake stall", "car park", "brass band", "face painting"]
SYLLABLES = ["bru", "vik", "tal", "oq", "zem", "fli", "dor", "quax", "mib", "rost", "yul", "pen", "gad", "sno"]
CORPORA = {
    GUILD_ID: {"minutes.txt": "Fair committee minutes\n\nby Ann Lee\n\nThe committee agreed to hold the summer "
                              "fair on the village green and to hire a marquee in case of rain.\n"},
    GUILD_B: {"rota.txt": "Kitchen rota\n\nby Carl Marsh\n\nThe kitchen rota changes every Sunday; whoever cooks "
                          "does not wash up afterwards.\n"},
    GUILD_C: {"tides.txt": "Tide tables\n\nby Nora Quay\n\nSpring tides reach the harbour steps twice a month, and "
                           "the ferry waits for the flood before it leaves the slipway.\n"},
}
QUESTIONS = {GUILD_ID: "Where will the summer fair be held?", GUILD_B: "Who washes up after cooking?",
             GUILD_C: "When does the ferry leave the slipway?"}


@dataclass
class Probe:
    """A message with a made-up word, posted among the chatter, and when an /ask first quoted it."""

    word: str
    posted: float  # time.monotonic()
    found_age: float | None = None  # its age when the first /ask that quoted it was sent
    missed_age: float | None = None  # its age when the last /ask that did not quote it was sent


@dataclass
class Ask:
    token: str
    guild_id: int
    sent: float
    probe: Probe | None = None
    acked: float | None = None
    answered: float | None = None
    text: str = ""


@dataclass
class Run:
    """Everything one run measured."""

    posted: int = 0
    probes: list[Probe] = field(default_factory=list)
    asks: list[Ask] = field(default_factory=list)
    rss: list[tuple[float, int]] = field(default_factory=list)  # (seconds since start, bytes)
    lost: int = -1
    extra: int = -1
    duplicated: int = -1
    settle_s: float = 0.0


def made_up(k: int) -> str:
    """The k-th made-up word: three syllables, unlike anything the chatter or corpora say."""
    n = len(SYLLABLES)
    return SYLLABLES[k % n] + SYLLABLES[(k // n + 3) % n] + SYLLABLES[(k * 7 + 5) % n] + f"{k:02d}"[-1]


def write_corpus(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def config(data: Path, live_channel: int, batch_seconds: float | None) -> dict:
    guilds = {str(g): {"name": name, "corpus": str(write_corpus(data / f"corpus-{name}", CORPORA[g])),
                       "live_channel_ids": [live_channel] if g == GUILD_ID else []}
              for g, name in ((GUILD_ID, "A"), (GUILD_B, "B"), (GUILD_C, "C"))}
    return {"corpus": {"path": str(write_corpus(data / "corpus", CORPORA[GUILD_ID]))}, "data": {"dir": str(data)},
            "bot": {"admin_role_ids": [ADMIN_ROLE_ID], "cooldown_questions": 1000, "live_channels": True,
                    "unlisted_guilds": "none", "dm_corpus": "none",
                    **({} if batch_seconds is None else {"live_batch_seconds": batch_seconds})},
            "guilds": guilds}


def chatter(i: int) -> str:
    return f"Fair note {i}: the {TOPICS[i % len(TOPICS)]} needs {i % 9 + 2} volunteers by {TOPICS[(i * 3) % 8]} time."


def populate(fake: FakeDiscord, history: int) -> int:
    """Three servers with their members; A's live channel with ``history`` messages over the past days."""
    for g, name in ((GUILD_B, "B"), (GUILD_C, "C")):
        fake.add_guild(g, name)
    for g in (GUILD_ID, GUILD_B, GUILD_C):
        for who, nick in zip(PEOPLE, NICKS, strict=True):
            fake.add_member(g, who, nick=nick)
    channel = int(fake.add_channel(GUILD_ID, "fair-planning")["id"])
    start = time.time() - 3 * 86400
    for i in range(history):
        fake.message(channel, chatter(-1 - i), PEOPLE[i % len(PEOPLE)], at=start + 60 * i)
    return channel


async def poster(fake: FakeDiscord, channel: int, rate: float, seconds: float, probe_every: float, run: Run) -> None:
    """``rate`` messages a second for ``seconds``, on a fixed schedule (a late one is sent at once, not skipped);
    every ``probe_every`` seconds one of them is a probe."""
    t0 = time.monotonic()
    next_probe = probe_every / 2
    for i in itertools.count():
        at = t0 + i / rate
        if at - t0 >= seconds:
            return
        await asyncio.sleep(max(0.0, at - time.monotonic()))
        who = PEOPLE[i % len(PEOPLE)]
        if at - t0 >= next_probe:
            probe = Probe(made_up(len(run.probes)), time.monotonic())
            await fake.post(channel, f"Remember: the {probe.word} key hangs behind the tea urn.", who)
            run.probes.append(probe)
            next_probe += probe_every
        else:
            await fake.post(channel, chatter(i), who)
        run.posted += 1


async def asker(fake: FakeDiscord, n: int, seconds: float, run: Run) -> None:
    """``n`` asks spread evenly over ``seconds``: even ones to A (the oldest probe not yet found, else A's
    corpus), odd ones to B and C in turn. Each is followed in a task of its own: none waits for another."""
    t0 = time.monotonic()
    following = []
    for i in range(n):
        await asyncio.sleep(max(0.0, t0 + i * seconds / n - time.monotonic()))
        guild = GUILD_ID if i % 2 == 0 else (GUILD_B, GUILD_C)[(i // 2) % 2]
        probe = next((p for p in run.probes if p.found_age is None), None) if guild == GUILD_ID else None
        question = f"Where does the {probe.word} key hang?" if probe else QUESTIONS[guild]
        token = await fake.slash("ask", {"question": question}, user(3000 + i, f"asker{i}"), guild_id=guild)
        ask = Ask(token, guild, time.monotonic(), probe)
        run.asks.append(ask)
        following.append(asyncio.create_task(follow(fake, ask)))
    await asyncio.gather(*following)


async def follow(fake: FakeDiscord, ask: Ask) -> None:
    ack = await fake.wait_for(lambda r: r.method == "POST" and r.path.endswith(f"/{ask.token}/callback"), 120)
    ask.acked = ack.at - ask.sent
    done = await fake.wait_for(lambda r: r.method == "PATCH" and f"/{BOT_ID}/{ask.token}/messages/@original"
                               in r.path and bool(r.body and (r.body.get("embeds") or r.body.get("content"))), 300)
    ask.answered = done.at - ask.sent
    ask.text = said(done.body)
    if ask.probe is not None:
        age = ask.sent - ask.probe.posted
        if ask.probe.word in ask.text:
            ask.probe.found_age = age if ask.probe.found_age is None else min(ask.probe.found_age, age)
        elif ask.probe.found_age is None:
            ask.probe.missed_age = max(ask.probe.missed_age or 0.0, age)


def said(body: dict) -> str:
    parts = [body.get("content") or ""]
    for e in body.get("embeds") or []:
        parts += [e.get("title") or "", e.get("description") or "", (e.get("author") or {}).get("name") or ""]
    return "\n".join(parts)


def rss_bytes() -> int:
    """This process's resident memory now (Linux /proc; 0 where there is none)."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


async def sample_rss(run: Run, t0: float, every: float, stop: asyncio.Event) -> None:
    while not stop.is_set():
        run.rss.append((time.monotonic() - t0, rss_bytes()))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every)
    run.rss.append((time.monotonic() - t0, rss_bytes()))


async def progress(run: Run, bot: QuothBot, t0: float, stop: asyncio.Event) -> None:
    """A line every 10 s: long work shows progress."""
    store = bot.tenants.for_guild(GUILD_ID).quoth.messages
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 10)
        stored = await asyncio.to_thread(store.count)
        print(f"  {time.monotonic() - t0:5.1f} s: {run.posted} posted, {stored} stored, {len(run.asks)} asked, "
              f"{sum(a.answered is not None for a in run.asks)} answered, RSS {rss_bytes() / 2**20:.0f} MiB",
              flush=True)


async def settle(fake: FakeDiscord, bot: QuothBot, channel: int, run: Run, timeout: float = 120) -> None:
    """Wait until A's store holds the channel's messages and is built, then count lost, extra, duplicated."""
    t0 = time.monotonic()
    store = bot.tenants.for_guild(GUILD_ID).quoth.messages
    want = {int(m["id"]) for m in fake.history(channel)}
    while time.monotonic() - t0 < timeout:
        have = await asyncio.to_thread(store.ids_between, channel, 0, 2**63 - 1)
        if have == want and not await asyncio.to_thread(store.pending):
            break
        await asyncio.sleep(0.5)
    run.settle_s = time.monotonic() - t0
    have = await asyncio.to_thread(store.ids_between, channel, 0, 2**63 - 1)
    run.lost, run.extra = len(want - have), len(have - want)
    links = Counter(loc.label for doc in await asyncio.to_thread(lambda: list(store.documents()))
                    for loc in doc.locators)
    run.duplicated = sum(n - 1 for n in links.values() if n > 1)


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))] if xs else float("nan")


def leaks(run: Run) -> int:
    """Answers in B or C that quote A's channel (its chatter or a probe's word)."""
    words = [p.word for p in run.probes]
    return sum(1 for a in run.asks if a.guild_id != GUILD_ID
               and ("Fair note" in a.text or any(w in a.text for w in words)))


@contextlib.asynccontextmanager
async def running_bot(cfg: AppConfig, fake: FakeDiscord):
    """The real bot against ``fake``: every server's index built first (as a warm start would), then connected."""
    app = Quoth(cfg)
    bot = QuothBot(app, cfg)
    for tenant in bot.tenants.all():
        await asyncio.to_thread(tenant.quoth.ensure_index, show_progress=False)
    await fake.start()
    saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY  # restored: the smoke test runs this in-process
    Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = fake.api_base, yarl.URL(fake.gateway_url)
    task = asyncio.create_task(bot.start("fake-token"))
    try:
        while not bot.is_ready():
            if task.done():
                task.result()
            await asyncio.sleep(0.05)
        yield bot
    finally:
        await bot.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, 10)
        await fake.stop()
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved


async def measure(args: argparse.Namespace) -> Run:
    data = args.data or Path(tempfile.mkdtemp(prefix="quoth-live-load-"))
    fake = FakeDiscord(heartbeat_ms=1000)
    channel = populate(fake, args.history)
    cfg = AppConfig.from_dict(config(data, channel, args.batch_seconds))
    run = Run()
    async with running_bot(cfg, fake) as bot:
        t0, stop = time.monotonic(), asyncio.Event()
        watchers = [asyncio.create_task(sample_rss(run, t0, 2.0, stop)),
                    asyncio.create_task(progress(run, bot, t0, stop))]
        await asyncio.gather(poster(fake, channel, args.rate, args.seconds, args.probe_every, run),
                             asker(fake, args.asks, args.seconds, run))
        await settle(fake, bot, channel, run)
        stop.set()
        await asyncio.gather(*watchers)
    return run


def report(run: Run, args: argparse.Namespace) -> bool:
    """Print the table; whether nothing was lost, doubled, leaked or left unanswered."""
    acks = [a.acked for a in run.asks if a.acked is not None]
    answers = [a.answered for a in run.asks if a.answered is not None]
    found = [p.found_age for p in run.probes if p.found_age is not None]
    missed = [p.missed_age for p in run.probes if p.missed_age is not None]
    others = [a for a in run.asks if a.guild_id != GUILD_ID]
    mib = [b / 2**20 for _, b in run.rss]
    print(f"live load: 3 servers; #fair-planning in A at {args.rate:g} msg/s for {args.seconds:g} s "
          f"({args.history} older messages backfilled meanwhile); {len(run.asks)} /ask over the run")
    print(f"  {'ack':<11} p50 {pct(acks, 50) * 1000:6.0f} ms  p95 {pct(acks, 95) * 1000:6.0f} ms  "
          f"max {max(acks, default=float('nan')) * 1000:6.0f} ms  {sum(a <= 3 for a in acks)}/{len(run.asks)} "
          f"within 3 s")
    print(f"  {'answer':<11} p50 {pct(answers, 50):6.2f} s   p95 {pct(answers, 95):6.2f} s   "
          f"max {max(answers, default=float('nan')):6.2f} s   {len(answers)}/{len(run.asks)} answered")
    print(f"  {'freshness':<11} {len(found)}/{len(run.probes)} probes quoted; age at the first /ask quoting "
          f"it p50 {pct(found, 50):.1f} s, max {max(found, default=float('nan')):.1f} s; age at the last miss "
          f"p50 {pct(missed, 50):.1f} s, max {max(missed, default=float('nan')):.1f} s")
    print(f"  {'messages':<11} {run.posted} posted + {args.history} backfilled: lost {run.lost}, extra "
          f"{run.extra}, duplicated {run.duplicated} (store settled {run.settle_s:.1f} s after the last post)")
    print(f"  {'isolation':<11} {leaks(run)} of {len(others)} answers in B and C quote A's channel")
    if mib:
        mid = mib[len(mib) // 2]
        print(f"  {'RSS':<11} start {mib[0]:.0f} MiB, middle {mid:.0f} MiB, peak {max(mib):.0f} MiB, "
              f"end {mib[-1]:.0f} MiB ({len(mib)} samples)")
    return run.lost == run.extra == run.duplicated == 0 and leaks(run) == 0 and len(answers) == len(run.asks)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rate", type=float, default=20.0, help="messages a second in the live channel")
    ap.add_argument("--seconds", type=float, default=60.0, help="how long the messages and asks go on")
    ap.add_argument("--asks", type=int, default=50, help="/ask interactions, spread over the run")
    ap.add_argument("--history", type=int, default=300, help="older messages in the channel, backfilled")
    ap.add_argument("--probe-every", type=float, default=6.0, help="seconds between probe messages")
    ap.add_argument("--batch-seconds", type=float, help="bot.live_batch_seconds (default: the setting's)")
    ap.add_argument("--data", type=Path, help="the data directory (default: a new temporary one)")
    args = ap.parse_args(argv)
    return 0 if report(asyncio.run(measure(args)), args) else 1


if __name__ == "__main__":
    raise SystemExit(main())
