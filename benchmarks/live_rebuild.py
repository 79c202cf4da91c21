"""A live tenant's rebuild after new messages, and what withholding costs a search.

    python benchmarks/live_rebuild.py [--messages 2000] [--new 20] [--rounds 3] [--queries 50]

The bundled sample corpus plus ``--messages`` messages in one live channel (100 a day, four people, varied
words), built once; then, ``--rounds`` times, ``--new`` messages arrive in the latest day and ``Quoth.index()``
rebuilds (the time a batcher's build takes, and how many passages it embeds). Last, ``--queries`` searches are
timed with withholding on (some messages deleted since the build: their spans are looked up for every hit) and
off (the generation opened with no withholder), one after the other on the same index.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from quoth import Quoth, Settings
from quoth.channels import ChatMessage

os.environ.setdefault("HF_HUB_OFFLINE", "1")
GUILD, CHANNEL, PER_DAY = 1, 10, 100
DAY0 = 1_700_006_400.0  # 2023-11-15 00:00 UTC
PEOPLE = [(11, "Ana"), (12, "Ben"), (13, "Chidi"), (14, "Dana")]
WORDS = ["ferry", "harbour", "timetable", "sourdough", "starter", "chess", "ladder", "bike", "lane", "library",
         "hours", "compost", "winter", "choir", "concert", "solar", "panel", "meetup", "boathouse", "snacks",
         "budget", "grant", "volunteers", "rota", "kitchen", "printer", "minutes", "vote", "agenda", "venue",
         "parking", "rain", "festival", "stall", "raffle", "newsletter", "website", "password", "backup", "server"]
QUESTIONS = ["when does the ferry leave?", "who booked the venue?", "what about the budget?",
             "where is the meetup now?", "who runs the raffle?", "is the website down?"]


def message(i: int, rng: random.Random, at: float | None = None) -> ChatMessage:
    who, name = PEOPLE[rng.randrange(len(PEOPLE))]
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 18)))
    return ChatMessage(id=10_000 + i, guild_id=GUILD, channel_id=CHANNEL, parent_id=None, channel_name="general",
                       author_id=who, author_name=name, content=f"I think the {words}.",
                       created_at=at if at is not None else DAY0 + (i // PER_DAY) * 86_400 + (i % PER_DAY) * 600)


def search_ms(q: Quoth, i: int) -> float:
    t = time.perf_counter()
    q.search(QUESTIONS[i % len(QUESTIONS)] + f" {WORDS[i % len(WORDS)]}", k=5)
    return 1000 * (time.perf_counter() - t)


def rebuilds(q: Quoth, args, rng: random.Random) -> list:
    """``args.rounds`` rebuilds of ``args.new`` messages each, appended to the latest day (from 20:00 UTC)."""
    reports, n = [], args.messages
    last_day = DAY0 + (args.messages - 1) // PER_DAY * 86_400
    for _ in range(args.rounds):  # each later in the day than the last, a minute apart
        q.messages.upsert(message(i, rng, at=last_day + 72_000 + 60 * (i - args.messages))
                          for i in range(n, n + args.new))
        n += args.new
        reports.append(q.index())
        print(f"  +{args.new} messages: {reports[-1].seconds:.2f} s, {reports[-1].embedded} passages embedded, "
              f"{reports[-1].changed} document changed", flush=True)
    return reports


def withholding(q: Quoth, args) -> tuple[list[float], list[float]]:
    """Search times with withholding on (a few messages deleted since the build) and off: each question asked
    both ways, in turn first, so that a busy machine weighs on both alike."""
    q.messages.delete(range(10_000, 10_000 + args.messages, max(1, args.messages // 40)))
    idx = q.current()
    for i in range(6):  # warm: the first searches load labels and caches
        search_ms(q, i)
    on, off = [], []
    for i in range(args.queries):
        for withholder in ((q.messages, None) if i % 2 else (None, q.messages)):
            idx.withholder = withholder
            (on if withholder is not None else off).append(search_ms(q, i))
    idx.withholder = q.messages
    return on, off


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--messages", type=int, default=2000)
    ap.add_argument("--new", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--queries", type=int, default=50)
    ap.add_argument("--data", type=Path, default=None, help="a data folder (default: a temporary one)")
    args = ap.parse_args(argv)
    data = args.data or Path(tempfile.mkdtemp(prefix="quoth-live-rebuild-"))
    q = Quoth(Settings().with_(data={"dir": str(data)}))
    q.encoder.encode_passages(["warm up"])  # the model's load is no build's work
    rng = random.Random(7)
    q.messages.enable(CHANNEL, GUILD, "general")
    q.messages.upsert(message(i, rng) for i in range(args.messages))
    first = q.index(full=True)
    print(f"sample corpus + {args.messages} messages: {first.documents} documents, {first.passages} passages; "
          f"full build {first.seconds:.1f} s ({first.embedded} embedded)", flush=True)
    reports = rebuilds(q, args, rng)
    secs = statistics.median(r.seconds for r in reports)
    print(f"rebuild for +{args.new} messages: median {secs:.2f} s ({100 * secs / first.seconds:.1f} % of the "
          f"full build), median {statistics.median(r.embedded for r in reports):.0f} passages embedded")
    on, off = withholding(q, args)
    p50_on, p50_off = statistics.median(on), statistics.median(off)
    paired = statistics.median(a - b for a, b in zip(on, off, strict=True))
    print(f"search p50 with withholding {p50_on:.2f} ms, without {p50_off:.2f} ms: overhead {paired:+.2f} ms "
          f"(median of {len(on)} paired searches, {q.messages.count()} messages stored)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
