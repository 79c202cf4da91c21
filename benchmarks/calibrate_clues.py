"""Calibrate the pronoun and alternation clues by what a reader sees in each instance (segment/attribution/
confidence.py), and measure the calibration on works the fit never saw.

Every guess of the two clues on the annotated fiction, at the bar 0, carries its instance's cell (the features
confidence.py buckets) in its evidence. The table gives each cell its precision, smoothed toward the clue's
(SMOOTHING guesses' worth of it). Leave-one-work-out: each work's guesses are read with a table fitted on the
other works only; the clue's precision and right names at the bar, before (the sieve's own confidence) and after
(the lower of it and the cell's), are printed per work and pooled. ``--write`` fits the table on every work and
writes it into confidence.py. The segmentation runs with the table emptied, so that the fit sees the sieve's own
confidence.

    python benchmarks/calibrate_clues.py [--write] [--cells] [--only SLUG ...]
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution as A

from quoth.segment.attribution import confidence as _confidence

TABLE_FILE = A.ROOT / "retrieval" / "segment" / "attribution" / "confidence.py"
BAR = 0.7
SMOOTHING = 3  # guesses' worth of the clue's own precision a cell starts from
LEAST = 4  # guesses a cell needs before the table holds it
KEEP = 0.9  # cells measured surer than this are left out of the written table: they would lower no decision much
NEW = ("man_who_was_thursday", "middlemarch", "red_badge", "thirty_nine_steps")  # round 10's development works
CONTRADICTED = _confidence.CONTRADICTED  # read before guesses() lifts it
CELL = re.compile(r"instance \[([^\]]+)\]")


@dataclass(frozen=True)
class Guess:
    work: str
    clue: str
    features: dict[str, str]  # every feature of the instance, bucketed (confidence.Instance.features)
    prior: float  # the sieve's own confidence
    right: bool

    @property
    def cell(self) -> str:
        from quoth.segment.attribution.confidence import cell_of
        return cell_of(self.clue, self.features)


def guesses(only: tuple[str, ...] = ()) -> list[Guess]:
    """Every pronoun or alternation guess on a quotation that has a speaker, with its cell, confidence and rightness
    (on the works ``only`` names, where it names any)."""
    from quoth.segment.attribution import confidence
    confidence.TABLE.clear()
    confidence.CONTRADICTED = 1.0  # the sieve's own confidence: named() applies the rule, as the reader does
    out = []
    works = [w for slug in only for w in A.fiction_family(slug)["fiction"]] if only else A.fiction_family()["fiction"]
    for slug, ps, gold, cast in works:
        names = A.aliases(cast)
        ps = sorted(ps, key=lambda p: p.start)
        starts = [p.start for p in ps]
        for g in gold:
            i = bisect.bisect_right(starts, (g.start + g.end) // 2) - 1
            p = ps[i] if i >= 0 and g.speaker else None
            if p is None or not p.speaker or p.end <= (g.start + g.end) // 2:
                continue
            cell = next((m.group(1) for e in p.speaker_evidence if (m := CELL.search(e.detail))), None)
            if cell:
                features = dict(kv.split("=", 1) for kv in cell.split("|"))
                out.append(Guess(slug, str(p.speaker_evidence[0].clue), features, p.speaker_confidence or 0.0,
                                 A.right(p.speaker, g.speaker, names)))
    return out


def fit(gs: list[Guess]) -> dict[str, float]:
    """Each cell's precision, smoothed toward its clue's; cells seen fewer than LEAST times are left out."""
    clue_n, clue_ok, n, ok = Counter(), Counter(), Counter(), Counter()
    for g in (g for g in gs if g.prior >= BAR):  # calibration only lowers: a guess under the bar stays there
        clue_n[g.clue] += 1
        clue_ok[g.clue] += g.right
        n[g.cell] += 1
        ok[g.cell] += g.right
    out = {}
    for cell, k in n.items():
        clue = cell.split("|")[0]
        if k >= LEAST:
            out[cell] = round((ok[cell] + SMOOTHING * clue_ok[clue] / clue_n[clue]) / (k + SMOOTHING), 3)
    return out


def selected(gs: list[Guess]) -> dict[str, float]:
    """The fitted table, less the cells that do not earn their place on works the fit never saw: a cell is kept
    only where, each work read by a table fitted without it, it withholds more wrong names than right ones (a
    cell measured low on some books but costing right names on the others is no sign a reader could trust)."""
    works = {g.work for g in gs}
    wrong, lost = Counter(), Counter()
    for work in works:
        table = fit([g for g in gs if g.work != work])
        for g in (g for g in gs if g.work == work and named(g, None) and not named(g, table)):
            (lost if g.right else wrong)[g.cell] += 1
    return {cell: v for cell, v in fit(gs).items() if wrong[cell] > lost[cell]}


def named(g: Guess, table: dict[str, float] | None) -> bool:
    """Whether ``g`` is named at the bar: by the sieve's own confidence (``table`` None), or calibrated."""
    if table is None:
        return g.prior >= BAR
    conf = min(g.prior, table.get(g.cell, g.prior))
    if g.features.get("fits") == "no":
        conf = min(conf, CONTRADICTED)
    return conf >= BAR


def held_out(gs: list[Guess]) -> dict[str, dict[str, list[int]]]:
    """work -> clue -> [named before, right before, named after, right after], each work read by a table fitted
    on the others."""
    by_work: dict[str, list[Guess]] = defaultdict(list)
    for g in gs:
        by_work[g.work].append(g)
    out: dict[str, dict[str, list[int]]] = {}
    for work, mine in by_work.items():
        table = selected([g for g in gs if g.work != work])
        row: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for g in mine:
            for k, t in ((0, None), (2, table)):
                if named(g, t):
                    row[g.clue][k] += 1
                    row[g.clue][k + 1] += g.right
        out[work] = dict(row)
    return out


def report(rows: dict[str, dict[str, list[int]]]) -> None:
    clues = sorted({c for r in rows.values() for c in r})
    print("clue precision at the bar, each work read by a table fitted without it: named/right before -> after")
    for work in sorted(rows):
        print(f"  {work:24s} " + "  ".join(_cell(c, rows[work].get(c, [0, 0, 0, 0])) for c in clues))
    for label, works in (("older", [w for w in rows if w not in NEW]), ("new", [w for w in rows if w in NEW]),
                         ("all", list(rows))):
        label = f"{len(works)} {label}"
        tot = {c: [sum(rows[w].get(c, [0] * 4)[k] for w in works) for k in range(4)] for c in clues}
        print(f"  {'pooled ' + label:24s} " + "  ".join(_cell(c, tot[c]) for c in clues))


def _cell(clue: str, v: list[int]) -> str:
    p = lambda n, r: f"{r / n:.3f}" if n else "  -  "  # noqa: E731
    return f"{clue[:5]} {v[1]:4d}/{v[0]:<4d} {p(v[0], v[1])} -> {v[3]:4d}/{v[2]:<4d} {p(v[2], v[3])}"


def write(table: dict[str, float], gs: list[Guess]) -> None:
    n = Counter(g.cell for g in gs if g.prior >= BAR)
    ok = Counter(g.cell for g in gs if g.prior >= BAR and g.right)
    kept = sorted((c for c in table if table[c] < KEEP), key=lambda c: table[c])
    lines = ["TABLE: dict[str, float] = {"]
    lines += [f'    "{cell}": {table[cell]},  # {ok[cell]} right of {n[cell]}' for cell in kept]
    lines.append("}")
    text = TABLE_FILE.read_text(encoding="utf-8")
    head, rest = text.split("# BEGIN TABLE\n")
    _, tail = rest.split("# END TABLE\n")
    TABLE_FILE.write_text(head + "# BEGIN TABLE\n" + "\n".join(lines) + "\n# END TABLE\n" + tail, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the table fitted on every work into confidence.py")
    ap.add_argument("--cells", action="store_true", help="each cell's guesses and precision, older and new works")
    ap.add_argument("--keys", help="CLUE=FEATURE,FEATURE;… the features each clue's cells key on (default: "
                                   "confidence.KEYS)")
    ap.add_argument("--only", nargs="*", default=(), help="these works only (a quick look; the table is fitted on all)")
    args = ap.parse_args(argv)
    from quoth.segment.attribution import confidence
    if args.keys:
        confidence.KEYS = {c: tuple(f.split(",")) for c, f in (kv.split("=") for kv in args.keys.split(";"))}
    gs = guesses(tuple(args.only))
    report(held_out(gs))
    if args.cells:
        n, ok = Counter(), Counter()
        for g in gs:
            key = (g.cell, g.work in NEW)
            n[key] += 1
            ok[key] += g.right
        for cell in sorted({c for c, _ in n}):
            old, new = (cell, False), (cell, True)
            print(f"  {cell:60s} old {ok[old]:4d}/{n[old]:<4d} new {ok[new]:4d}/{n[new]:<4d}")
    if args.write:
        write(selected(gs), gs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
