"""Why tagged quotations in fiction go unnamed or wrong: each explicit or anaphoric quotation the sieve does not
name rightly at the bar, sorted by cause (what the sieve did, and what the words beside the quotation look like).

    python benchmarks/tag_misses.py [--tag explicit|anaphoric] [--show CAUSE] [--n 20] [--mechanisms]

``--mechanisms``: the precision of each tag shape round 6 added, read from the decisions' evidence (all
quotations, whatever the annotators' tag).
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from quoth.segment import speech

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution as A

BAR = 0.7
# Round 6's tag shapes, as their evidence words them: (name, pattern over the evidence's detail).
MECHANISMS = (
    ("kin word as a name", re.compile(r'^"(?:said |says |asked |cried )?(?:Mother|Father|Grandfather|Grandmother|'
                                      r'Granny|Papa|Mamma|Uncle|Aunt)\b|what the text calls')),
    ("called by name just before", re.compile(r"calls by name")),
    ("an answer or a voice owned", re.compile(r'… (?:voice|answer|reply|cry|response|explanation|remark|question|'
                                              r'exclamation|conclusion|comment|retort|rejoinder)"')),
    ("a habit after a modal", re.compile(r'… (?:say|cry|ask|answer|reply|shout|whisper|exclaim|add)" after')),
    # round 8: a pronoun's doubted antecedent that the chain of sentence subjects before the tag confirms
    ("the subjects before confirm", re.compile(r"the subject the sentences before it go on about")),
)
ANY_VERB = re.compile(r"(?!)")  # a name and a verb no speech verb after a quotation ("Peter … gulped"): see below
MECHANISMS += (("a name and any verb after", ANY_VERB),)
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


def mechanisms(fam: list) -> None:
    """Each round 6 tag shape's quotations named at the bar, and how many rightly."""
    named: Counter = Counter()
    right: Counter = Counter()
    for _, ps, gold, cast in fam:
        names = A.aliases(cast)
        ps = sorted(ps, key=lambda p: p.start)
        starts = [p.start for p in ps]
        for g in gold:
            mid = (g.start + min(g.end, g.start + 400)) // 2
            i = bisect.bisect_right(starts, mid) - 1
            p = ps[i] if g.speaker and i >= 0 and ps[i].end > mid else None
            if p is None or not p.speaker or (p.speaker_confidence or 0) < BAR or not p.speaker_evidence:
                continue
            detail = p.speaker_evidence[0].detail
            verb = re.search(r'^"[^"]*? … (\w+)" after', detail)
            for label, rx in MECHANISMS:
                if rx.search(detail) or (rx is ANY_VERB and verb and verb.group(1) not in speech.DIALOGUE_VERBS):
                    named[label] += 1
                    right[label] += A.right(p.speaker, g.speaker, names)
    for label, _ in MECHANISMS:
        n = named[label]
        print(f"  {label:32s} {n:4d} named, precision {right[label] / n if n else 1.0:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tag", default=None)
    ap.add_argument("--show", default=None)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--mechanisms", action="store_true")
    ap.add_argument("--only", help="one slug")
    args = ap.parse_args(argv)
    fam = A.fiction_family(args.only)["fiction"]
    if args.mechanisms:
        mechanisms(fam)
        return 0
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
