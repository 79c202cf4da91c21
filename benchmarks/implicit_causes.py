"""Why implicit quotations go unnamed or misnamed: each one in the annotated fiction sorted by cause.

An implicit quotation (no tag: alternation, context) is missed (no speaker at the bar) or wrong (another speaker).
Its cause is read from the annotation alone, never from the sieve, so that a change to the sieve moves
quotations between "right" and a cause, not between causes:

- continued   — it goes on from the paragraph before, whose quotation was left open (one speech, many paragraphs);
- narrator    — the first-person narrator ("said I") is one of the exchange's parties;
- third       — the run of dialogue it stands in holds three or more speakers;
- unanchored  — no quotation of its run is tagged (explicitly or by a pronoun);
- far         — the nearest tagged turn of its run is more than FAR turns away;
- narration   — narration longer than a beat stands between it and the nearest tagged turn;
- vocative    — it calls someone by name (a cast alias after a comma, or opening it before one);
- question    — it answers a question (the turn before ends with "?");
- other.

The first cause that holds is its cause; ``--all`` counts every cause that holds.

    python benchmarks/implicit_causes.py [--all] [--only SLUG] [--show CAUSE] [--wrong]
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution as A

BAR = 0.7
FAR = 4  # turns
BEAT = 8  # words of narration that still count as a beat
CAUSES = ("continued", "narrator", "third", "unanchored", "far", "narration", "vocative", "question", "other")
_I_TAG = re.compile(r"\s+(?:(?:said|says|answered|asked|cried|replied|remarked|returned)\s+I|"
                    r"I\s+(?:said|says|answered|asked|cried|replied|remarked|returned))\b")
_CLOSE = re.compile(r"[\"”’]\s*$")


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


def narrator(text: str, gold: list[A.Gold], paras: list[tuple[int, int]]) -> str | None:
    """The speaker of the quotations whose paragraphs say "said I": the first-person narrator."""
    starts = [a for a, _ in paras]
    votes: Counter = Counter()
    for g in gold:
        k = bisect.bisect_right(starts, g.start) - 1
        b = paras[k][1]
        if g.speaker and _I_TAG.match(text[g.end:min(b, g.end + 40)]):
            votes[g.speaker] += 1
    top = votes.most_common(1)
    return top[0][0] if top and top[0][1] >= 3 else None


def vocative(inner: str, cast: dict) -> bool:
    forms = {f for n, info in cast.items() for f in [n, *info.get("aliases", [])] if f[:1].isupper()}
    for f in forms:
        e = re.escape(f)
        if re.search(rf"(?:^|[,;]\s+|\b[Dd]ear\s+|\bOh,?\s+){e}(?=\s*(?:[,!?.;:]|--|—|$))", inner.strip()) or \
                re.match(rf"\s*{e}\s*,", inner):
            return True
    return False


def causes(text: str, gold: list[A.Gold], cast: dict) -> dict[int, list[str]]:
    """For each implicit gold quotation (by index), every cause that holds."""
    paras = paragraphs(text)
    starts = [a for a, _ in paras]
    me = narrator(text, gold, paras)
    speech = [g for g in gold if g.speaker]
    by_para: dict[int, list[A.Gold]] = {}
    for g in speech:
        by_para.setdefault(bisect.bisect_right(starts, g.start) - 1, []).append(g)
    # Runs of consecutive paragraphs with speech; turns within them (an open quotation carried on is no new turn).
    runs: list[list[int]] = []
    for k in sorted(by_para):
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    out: dict[int, list[str]] = {}
    index = {id(g): n for n, g in enumerate(gold)}
    for run in runs:
        turns: list[list[int]] = []
        for k in run:
            prev = by_para.get(k - 1)
            if turns and prev and not _CLOSE.search(text[prev[-1].start:prev[-1].end]):
                turns[-1].append(k)
            else:
                turns.append([k])
        speakers = {g.speaker for k in run for g in by_para[k]}
        tagged = [t for t, ks in enumerate(turns) if any(g.tag in ("explicit", "anaphoric") for k in ks
                                                          for g in by_para[k])]
        for t, ks in enumerate(turns):
            for k in ks:
                for g in by_para[k]:
                    if g.tag != "implicit":
                        continue
                    c = []
                    if k != ks[0]:
                        c.append("continued")
                    if me and me in speakers and len(speakers) >= 2:
                        c.append("narrator")
                    if len(speakers) >= 3:
                        c.append("third")
                    if not tagged:
                        c.append("unanchored")
                    elif min(abs(j - t) for j in tagged) > FAR:
                        c.append("far")
                    if tagged:
                        near = min(tagged, key=lambda j: abs(j - t))
                        lo, hi = sorted((near, t))
                        if any(_narration_words(text, paras[kk], by_para[kk]) > BEAT
                               for j in range(lo, hi + 1) for kk in turns[j]):
                            c.append("narration")
                    if vocative(text[g.start + 1:g.end - 1], cast):
                        c.append("vocative")
                    if t and text[by_para[turns[t - 1][-1]][-1].start:by_para[turns[t - 1][-1]][-1].end
                                  ].rstrip("”\"’' ").endswith("?"):
                        c.append("question")
                    out[index[id(g)]] = c or ["other"]
    return out


def _narration_words(text: str, para: tuple[int, int], quotes: list[A.Gold]) -> int:
    a, b = para
    pos, n = a, 0
    for g in sorted(quotes, key=lambda g: g.start):
        n += len(text[pos:g.start].split())
        pos = max(pos, g.end)
    return n + len(text[pos:b].split())


def named(ps: list, starts: list[int], g: A.Gold):
    mid = (g.start + min(g.end, g.start + 400)) // 2
    i = bisect.bisect_right(starts, mid) - 1
    p = ps[i] if i >= 0 and ps[i].end > mid else None
    if p is None or not p.speaker or (p.speaker_confidence or 0) < BAR:
        return None, None
    return p.speaker, (str(p.speaker_evidence[0].clue) if p.speaker_evidence else "?")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true", help="count every cause that holds, not only the first")
    ap.add_argument("--only", help="one slug")
    ap.add_argument("--show", help="print the quotations of this cause")
    ap.add_argument("--wrong", action="store_true", help="with --show: only the wrong names")
    args = ap.parse_args(argv)
    fam = A.fiction_family(args.only)["fiction"]
    rows: Counter = Counter()
    totals: Counter = Counter()
    for slug, ps, gold, cast in fam:
        text = (A.SETS / "fiction" / f"{slug}.txt").read_text(encoding="utf-8")
        names = A.aliases(cast)
        ps = sorted(ps, key=lambda p: p.start)
        starts = [p.start for p in ps]
        for n, cs in causes(text, gold, cast).items():
            g = gold[n]
            who, clue = named(ps, starts, g)
            state = "right" if who and A.right(who, g.speaker, names) else "wrong" if who else "missed"
            totals[state] += 1
            for c in (cs if args.all else cs[:1]):
                rows[c, state] += 1
            if args.show in cs[:1] + (cs if args.all else []) and state != "right" and (
                    state == "wrong" or not args.wrong):
                print(f"{slug} {state} {g.speaker!r} named {who!r} ({clue}) {cs}: "
                      f"{text[g.start:g.start + 70]!r}")
    print(f"implicit quotations: {sum(totals.values())}, right {totals['right']}, wrong {totals['wrong']}, "
          f"missed {totals['missed']}")
    print(f"{'cause':12s} {'right':>6s} {'wrong':>6s} {'missed':>6s}")
    for c in CAUSES:
        print(f"{c:12s} {rows[c, 'right']:6d} {rows[c, 'wrong']:6d} {rows[c, 'missed']:6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
