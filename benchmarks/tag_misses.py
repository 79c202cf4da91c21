"""Why tagged quotations in fiction go unnamed or wrong: each explicit or anaphoric quotation the sieve does not
name rightly at the bar, sorted by cause (what the sieve did, and what the words beside the quotation look like).

    python benchmarks/tag_misses.py [--tag explicit|anaphoric] [--show CAUSE] [--n 20]
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution as A

BAR = 0.7
PRONOUN_TAG = re.compile(r"\b(?:he|she|I)\b")


def _context(text: str, g: A.Gold) -> tuple[str, str]:
    a = text.rfind("\n\n", 0, g.start)
    b = text.find("\n\n", g.end)
    lead = " ".join(text[max(a, g.start - 160):g.start].split())
    trail = " ".join(text[g.end:b if 0 <= b < g.end + 160 else g.end + 160].split())
    return lead, trail


def cause(text: str, g: A.Gold, p, names: dict) -> str:
    """A short label for what went wrong with one quotation."""
    if p is None:
        return "no passage"
    sp, conf = p.speaker, p.speaker_confidence or 0
    clue = str(p.speaker_evidence[0].clue) if p.speaker_evidence else "-"
    if sp and conf >= BAR:
        return f"wrong by {clue}"
    if sp:
        ok = "right" if A.right(sp, g.speaker, names) else "wrong"
        detail = p.speaker_evidence[0].detail if p.speaker_evidence else ""
        why = "also fits" if "also fits" in detail else "named just before" if "just before" in detail else \
            "other"
        return f"under bar, guess {ok} ({clue}: {why})"
    lead, trail = _context(text, g)
    forms = [f for f, who in names.items() if g.speaker in who]
    near = trail[:60] + " | " + lead[-60:]
    if not any(re.search(rf"\b{re.escape(f)}\b", near, re.I) for f in forms):
        has_pron = PRONOUN_TAG.search(near) is not None
        return "no guess, no cast name near" + (" (pronoun near)" if has_pron else "")
    return "no guess, name near"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tag", default=None)
    ap.add_argument("--show", default=None)
    ap.add_argument("--n", type=int, default=20)
    args = ap.parse_args()
    fam = A.fiction_family()["fiction"]
    counts: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for slug, ps, gold, cast in fam:
        text = (A.SETS / "fiction" / f"{slug}.txt").read_text(encoding="utf-8")
        names = A.aliases(cast)
        ps = sorted(ps, key=lambda p: p.start)
        starts = [p.start for p in ps]
        for g in gold:
            if not g.speaker or g.tag not in ("explicit", "anaphoric") or (args.tag and g.tag != args.tag):
                continue
            mid = (g.start + min(g.end, g.start + 400)) // 2
            i = bisect.bisect_right(starts, mid) - 1
            p = ps[i] if i >= 0 and ps[i].end > mid else None
            if p is not None and p.speaker and (p.speaker_confidence or 0) >= BAR and A.right(p.speaker, g.speaker,
                                                                                              names):
                continue
            c = f"{g.tag}: {cause(text, g, p, names)}"
            counts[c] += 1
            lead, trail = _context(text, g)
            ev = p.speaker_evidence[0] if p is not None and p.speaker_evidence else ""
            examples[c].append(f"  {slug} gold={g.speaker!r} got={p.speaker if p else None!r}"
                               f"@{(p.speaker_confidence or 0) if p else 0:.2f} {ev}\n"
                               f"     …{lead[-110:]} ⟦{' '.join(text[g.start:g.end].split())[:70]}⟧ {trail[:110]}…")
    for c, n in counts.most_common():
        print(f"{n:5d}  {c}")
        if args.show and args.show in c:
            for e in examples[c][:args.n]:
                print(e)


if __name__ == "__main__":
    main()
