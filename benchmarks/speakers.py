"""One person, one speaker, measured on the annotated casts in tests/data/attribution (``SLUG.cast.json``: each
person with every name their document uses for them).

Every name of every cast is given to the speaker directory (retrieval/index/speakers.py) as if all the sets were
one corpus, which is harder than one set at a time: names of different documents may collide. Scored over pairs
of names: merge precision (of the pairs the directory makes one person, the share the annotators made one) and
merge recall (of the pairs the annotators made one, the share the directory did). A wrong merge moves one
person's words to another, so precision comes first; a missed merge only splits a person's listing.

``--scale N`` times the directory on N made-up names of a large corpus (full names, surnames, titled surnames,
handles, capitals): grouping them at build, loading the directory, resolving queries.

    python benchmarks/speakers.py [--show N] [--scale N]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import string
import time
from collections import defaultdict
from pathlib import Path

from quoth.index.speakers import SpeakerDirectory, SpeakerName, group_names

ROOT = Path(__file__).resolve().parents[1]
SETS = ROOT / "tests" / "data" / "attribution"


def gold_people() -> dict[str, set[str]]:
    """Each written name and the annotated people it names (a name two casts use names both)."""
    people: dict[str, set[str]] = defaultdict(set)
    for cast in sorted(SETS.glob("*/*.cast.json")):
        for person, entry in json.loads(cast.read_text(encoding="utf-8")).items():
            for name in {person, *entry["aliases"]}:
                people[name].add(f"{cast.stem.removesuffix('.cast')}:{person}")
    return people


def scale(n: int) -> None:
    rng = random.Random(1)
    word = lambda k: "".join(rng.choices(string.ascii_lowercase, k=k)).capitalize()  # noqa: E731
    firsts, lasts = [word(6) for _ in range(n // 6)], [word(7) for _ in range(n // 2)]
    names: set[str] = set()
    while len(names) < n:
        f, last, r = rng.choice(firsts), rng.choice(lasts), rng.random()
        names.add(f"{f} {last}" if r < .5 else last if r < .7 else f"Mr. {last}" if r < .8
                  else f"@{f.lower()}{last.lower()}" if r < .9 else last.upper())
    t = time.perf_counter()
    people = group_names(dict.fromkeys(names, 1))
    grouped = time.perf_counter() - t
    t = time.perf_counter()
    directory = SpeakerDirectory([SpeakerName(x, "doc", 1) for x in names], people)
    loaded = time.perf_counter() - t
    def some(pool: list[str], k: int) -> list[str]:
        return rng.sample(pool, min(k, len(pool)))
    queries = [*some(sorted(names), 200), *some(lasts, 200), *some(firsts, 100)]
    t = time.perf_counter()
    for q in queries:
        directory.resolve(q)
    resolved = (time.perf_counter() - t) / len(queries)
    print(f"{n} names -> {len(set(people.values()))} people: grouped in {grouped:.2f} s, directory loaded in "
          f"{loaded:.2f} s, {resolved * 1e6:.0f} µs a query")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", type=int, default=20, help="list up to N wrong and N missed merges")
    ap.add_argument("--scale", type=int, help="time the directory on N made-up names")
    args = ap.parse_args(argv)
    if args.scale:
        scale(args.scale)
        return
    gold = gold_people()
    got = group_names(dict.fromkeys(gold, 1))
    merged = right = together = found = 0
    wrong, missed = [], []
    for a, b in itertools.combinations(sorted(gold), 2):
        same = bool(gold[a] & gold[b])
        joined = got[a] == got[b]
        together += same
        merged += joined
        right += same and joined
        found += same and joined
        if joined and not same:
            wrong.append((a, b, got[a]))
        if same and not joined:
            missed.append((a, b))
    people = len(set(got.values()))
    print(f"{len(gold)} names of {len({p for ps in gold.values() for p in ps})} annotated people -> {people} people")
    print(f"merged pairs {merged}: precision {right / merged if merged else 1:.3f}; "
          f"annotated pairs {together}: recall {found / together if together else 1:.3f}")
    for a, b, into in wrong[:args.show]:
        print(f"  wrong: {a!r} + {b!r} (as {into!r})")
    for a, b in missed[:args.show]:
        print(f"  missed: {a!r} + {b!r}")


if __name__ == "__main__":
    main()
