"""Live channels under load: three servers, one live channel receiving --rate messages a second for --seconds
while --asks /ask interactions arrive, against the fake Discord on loopback (tests/e2e/fake_discord.py) with the
real discord.py client and the real bot, model and store, all in this process.

    python benchmarks/live_load.py [--rate 20] [--seconds 60] [--asks 50] [--history 300] [--change-every 50]

Server A has a small corpus and the live channel #fair-planning (its --history older messages are backfilled
while the new ones arrive); servers B and C have corpora of their own. Half the asks go to A and look for the
oldest "probe" message not yet quoted (one is posted every --probe-every seconds among the chatter, each with a
made-up word of its own); the rest go to B and C alternately. It prints:

- ack: the time from each /ask to its acknowledgement (Discord wants one within 3 s), p50 / p95 / max;
- answer: the time to the answer itself;
- freshness: a probe's age when an answer first quoted it (an upper bound on when it became answerable), and
  its age when the last /ask whose answer did not quote it was sent (a lower bound);
- lost / duplicated: after the run, the channel's messages in the fake against A's message store (ids) and the
  documents it renders (each message's jump link once), both must be 0;
- changes: of every --change-every messages one is deleted and one edited a second after posting; none deleted
  may stay in the store or its documents, none edited may keep its old words there;
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quoth import Quoth  # noqa: E402
from quoth.bot.config import AppConfig  # noqa: E402
from quoth.bot.discord.app import QuothBot  # noqa: E402
from tests.e2e.fake_discord import ADMIN_ROLE_ID, BOT_ID, GUILD_ID, FakeDiscord, connected, user  # noqa: E402

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
    # Bounds on its age when it became answerable: at the first answer quoting it (the search ran before that),
    # and at the sending of the last /ask whose answer did not (the search ran after that).
    found_age: float | None = None
    missed_age: float | None = None
    asked: int = 0


@dataclass
class Ask:
    token: str
    guild_id: int
    sent: float
    probe: Probe | None = None
    acked: float | None = None
    answered: float | None = None
    quoted: str = ""  # the answer's quotes (embed descriptions), never its header, which repeats the question
    shown: str = ""  # the quotes with their titles, speakers and links


@dataclass
class Run:
    """Everything one run measured."""

    channel: int = 0  # A's live channel
    posted: int = 0
    probes: list[Probe] = field(default_factory=list)
    asks: list[Ask] = field(default_factory=list)
    rss: list[tuple[float, int]] = field(default_factory=list)  # (seconds since start, bytes)
    builds: list[float] = field(default_factory=list)  # when A's store was seen built at a newer version
    deleted: set[int] = field(default_factory=set)  # chatter numbers deleted during the run
    edited: set[int] = field(default_factory=set)  # chatter numbers edited during the run
    lost: int = -1
    extra: int = -1
    duplicated: int = -1
    deleted_left: int = -1  # deleted messages still in the store or its documents
    stale: int = -1  # edited messages whose documents lack the new words or keep the old
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


async def poster(fake: FakeDiscord, channel: int, args: argparse.Namespace, run: Run) -> None:
    """``args.rate`` messages a second for ``args.seconds``, on a fixed schedule (a late one is sent at once, not
    skipped); every ``args.probe_every`` seconds one of them is a probe; of every ``args.change_every`` others,
    one is deleted and one edited a second after it was posted."""
    rate, seconds, probe_every = args.rate, args.seconds, args.probe_every
    changes: list[asyncio.Task] = []
    t0 = time.monotonic()
    next_probe = probe_every / 2
    for i in itertools.count():
        at = t0 + i / rate
        if at - t0 >= seconds:
            await asyncio.gather(*changes)
            return
        await asyncio.sleep(max(0.0, at - time.monotonic()))
        who = PEOPLE[i % len(PEOPLE)]
        if at - t0 >= next_probe:
            probe = Probe(made_up(len(run.probes)), time.monotonic())
            await fake.post(channel, f"Remember: the {probe.word} key hangs behind the tea urn.", who)
            run.probes.append(probe)
            next_probe += probe_every
        else:
            msg = await fake.post(channel, chatter(i), who)
            if args.change_every and i % args.change_every in (1, 2):
                changes.append(asyncio.create_task(change(fake, int(msg["id"]), i, run)))
        run.posted += 1


async def change(fake: FakeDiscord, message_id: int, i: int, run: Run) -> None:
    """A second after it was posted, chatter ``i`` is deleted (odd) or edited (even) by its author."""
    await asyncio.sleep(1.0)
    if i % 2:
        await fake.delete(message_id)
        run.deleted.add(i)
    else:
        await fake.edit(message_id, chatter(i).replace(f"note {i}:", f"note {i} (edited):"))
        run.edited.add(i)


async def asker(fake: FakeDiscord, n: int, seconds: float, run: Run) -> None:
    """``n`` asks spread evenly over ``seconds``: even ones to A (the oldest probe not yet quoted, asked again
    until an answer quotes it, else A's corpus), odd ones to B and C in turn. Each is followed in a task of its
    own: none waits for another."""
    t0 = time.monotonic()
    following = []
    for i in range(n):
        await asyncio.sleep(max(0.0, t0 + i * seconds / n - time.monotonic()))
        guild = GUILD_ID if i % 2 == 0 else (GUILD_B, GUILD_C)[(i // 2) % 2]
        probe = next((p for p in run.probes if p.found_age is None), None) if guild == GUILD_ID else None
        question = f"Where does the {probe.word} key hang?" if probe else QUESTIONS[guild]
        sent = time.monotonic()  # before the dispatch: the ack and answer times include the gateway's leg
        token = await fake.slash("ask", {"question": question}, user(3000 + i, f"asker{i}"), guild_id=guild)
        ask = Ask(token, guild, sent, probe)
        if probe is not None:
            probe.asked += 1
        run.asks.append(ask)
        following.append(asyncio.create_task(follow(fake, ask)))
    await asyncio.gather(*following)


async def follow(fake: FakeDiscord, ask: Ask) -> None:
    ack = await fake.wait_for(lambda r: r.method == "POST" and r.path.endswith(f"/{ask.token}/callback"), 120)
    ask.acked = ack.at - ask.sent
    done = await fake.wait_for(lambda r: r.method == "PATCH" and f"/{BOT_ID}/{ask.token}/messages/@original"
                               in r.path and bool(r.body and (r.body.get("embeds") or r.body.get("content"))), 300)
    ask.answered = done.at - ask.sent
    embeds = done.body.get("embeds") or []
    ask.quoted = "\n".join(e.get("description") or "" for e in embeds)
    ask.shown = "\n".join(f"{e.get('title')}\n{e.get('description')}\n{(e.get('author') or {}).get('name')}\n"
                          f"{e.get('url')}" for e in embeds)
    if ask.probe is not None:
        if ask.probe.word in ask.quoted:
            age = done.at - ask.probe.posted
            ask.probe.found_age = age if ask.probe.found_age is None else min(ask.probe.found_age, age)
        else:
            ask.probe.missed_age = max(ask.probe.missed_age or 0.0, ask.sent - ask.probe.posted)


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


async def watch_builds(run: Run, bot: QuothBot, stop: asyncio.Event, every: float = 0.25) -> None:
    """When each build of A's live messages lands (its store's built version moves on)."""
    store = bot.tenants.for_guild(GUILD_ID).quoth.messages
    seen = await asyncio.to_thread(store.built_version)
    while not stop.is_set():
        built = await asyncio.to_thread(store.built_version)
        if built != seen:
            seen = built
            run.builds.append(time.monotonic())
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every)


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
    documents = await asyncio.to_thread(lambda: list(store.documents()))
    links = Counter(loc.label for doc in documents for loc in doc.locators)
    run.duplicated = sum(n - 1 for n in links.values() if n > 1)
    text = "\n".join(doc.text for doc in documents)
    run.deleted_left = sum(f"Fair note {i}: " in text for i in run.deleted)
    run.stale = sum(f"Fair note {i} (edited): " not in text or f"Fair note {i}: " in text for i in run.edited)


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))] if xs else float("nan")


def leaks(run: Run) -> int:
    """Answers in B or C that show anything of A's channel: its chatter, a probe's word, its name or a link."""
    marks = ["Fair note", "fair-planning", f"/{GUILD_ID}/{run.channel}", *(p.word for p in run.probes)]
    return sum(1 for a in run.asks if a.guild_id != GUILD_ID and any(m in a.shown for m in marks))


@contextlib.asynccontextmanager
async def running_bot(cfg: AppConfig, fake: FakeDiscord):
    """The real bot against ``fake``: every server's index built first (as a warm start would), then connected."""
    app = Quoth(cfg)
    bot = QuothBot(app, cfg)
    for tenant in bot.tenants.all():
        await asyncio.to_thread(tenant.quoth.ensure_index, show_progress=False)
    async with connected(fake, bot, timeout=600):
        yield bot


async def measure(args: argparse.Namespace) -> Run:
    data = args.data or Path(tempfile.mkdtemp(prefix="quoth-live-load-"))
    fake = FakeDiscord(heartbeat_ms=1000)
    channel = populate(fake, args.history)
    cfg = AppConfig.from_dict(config(data, channel, args.batch_seconds))
    run = Run(channel=channel)
    async with running_bot(cfg, fake) as bot:
        t0, stop = time.monotonic(), asyncio.Event()
        watchers = [asyncio.create_task(w) for w in (sample_rss(run, t0, 2.0, stop), progress(run, bot, t0, stop),
                                                     watch_builds(run, bot, stop))]
        await asyncio.gather(poster(fake, channel, args, run),
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
    print(f"  {'freshness':<11} {len(found)} of {sum(p.asked > 0 for p in run.probes)} probes asked for quoted "
          f"({len(run.probes)} posted); age at the first answer quoting "
          f"it p50 {pct(found, 50):.1f} s, max {max(found, default=float('nan')):.1f} s; {len(missed)} misses, "
          f"age at the last one's ask p50 {pct(missed, 50):.1f} s, max {max(missed, default=float('nan')):.1f} s")
    gaps = [b - a for a, b in itertools.pairwise(run.builds)]
    print(f"  {'builds':<11} {len(run.builds)} of A's index (store version moved on), every p50 {pct(gaps, 50):.1f} s, "
          f"max {max(gaps, default=float('nan')):.1f} s")
    print(f"  {'messages':<11} {run.posted} posted + {args.history} backfilled: lost {run.lost}, extra "
          f"{run.extra}, duplicated {run.duplicated} (store settled {run.settle_s:.1f} s after the last post)")
    print(f"  {'changes':<11} {len(run.deleted)} deleted, {run.deleted_left} of them still rendered; "
          f"{len(run.edited)} edited, {run.stale} of them stale")
    print(f"  {'isolation':<11} {leaks(run)} of {len(others)} answers in B and C quote A's channel")
    if mib:
        mid = mib[len(mib) // 2]
        print(f"  {'RSS':<11} start {mib[0]:.0f} MiB, middle {mid:.0f} MiB, peak {max(mib):.0f} MiB, "
              f"end {mib[-1]:.0f} MiB ({len(mib)} samples)")
    return (run.lost == run.extra == run.duplicated == run.deleted_left == run.stale == 0 and leaks(run) == 0
            and len(answers) == len(run.asks))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rate", type=float, default=20.0, help="messages a second in the live channel")
    ap.add_argument("--seconds", type=float, default=60.0, help="how long the messages and asks go on")
    ap.add_argument("--asks", type=int, default=50, help="/ask interactions, spread over the run")
    ap.add_argument("--history", type=int, default=300, help="older messages in the channel, backfilled")
    ap.add_argument("--probe-every", type=float, default=8.0, help="seconds between probe messages")
    ap.add_argument("--change-every", type=int, default=50,
                    help="of every N messages one is deleted and one edited a second later (0: none)")
    ap.add_argument("--batch-seconds", type=float, help="bot.live_batch_seconds (default: the setting's)")
    ap.add_argument("--data", type=Path, help="the data directory (default: a new temporary one)")
    args = ap.parse_args(argv)
    return 0 if report(asyncio.run(measure(args)), args) else 1


if __name__ == "__main__":
    raise SystemExit(main())
