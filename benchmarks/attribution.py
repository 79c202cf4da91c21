"""Who said it, measured on the annotated sets in tests/data/attribution (read them: README.md there).

For each family: precision (of the quotations or turns Quoth names a speaker for, the share named rightly),
coverage (of all that have a speaker, the share named rightly) and mixed passages (passages that hold the words
of two annotated speakers). ``--curve`` sweeps the speaker threshold; ``--clues`` gives each clue's precision;
``--words`` the share of each labelled document's sentences that are in passages (segment/coverage.py).

    python benchmarks/attribution.py [--curve] [--clues] [--works] [--words] [--only SLUG] [--misses N]
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ROOT / "tests" / "data" / "attribution"
THRESHOLDS = (0.0, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


@dataclass
class Gold:
    start: int
    end: int
    speaker: str | None  # None: nobody's words (furniture, a stage direction)
    tag: str = ""
    line_end: int | None = None  # end of the anchor's line: a one-line chat message ends there, not at the next label


@dataclass
class Score:
    gold: int = 0  # items that have a speaker
    named: int = 0
    right: int = 0
    passages: int = 0
    mixed: int = 0
    by_clue: Counter = field(default_factory=Counter)
    clue_right: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k in ("gold", "named", "right", "passages", "mixed"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.by_clue.update(other.by_clue)
        self.clue_right.update(other.clue_right)
        self.misses += other.misses

    @property
    def precision(self) -> float:
        return self.right / self.named if self.named else 1.0

    @property
    def coverage(self) -> float:
        return self.right / self.gold if self.gold else 0.0


# A man's title before his own first name and surname: "Mr. Bobby Jaffers" is Bobby Jaffers, as Quoth names him
# (not "Mrs.", whose first name may be her husband's: "Mrs. Lemuel Struthers" is not Lemuel Struthers).
OWN_NAME_TITLE = re.compile(r"^(?:mr|dr|mister|master)\.?\s+(?=\S+\s+\S)", re.IGNORECASE)


def aliases(cast: dict) -> dict[str, set[str]]:
    """Every name form, lower-cased, to the canonical names it may stand for."""
    out: dict[str, set[str]] = defaultdict(set)
    for name, info in cast.items():
        forms = info.get("aliases", []) if isinstance(info, dict) else info
        for form in [name, *forms]:
            key = " ".join(form.split()).lower()
            out[key].add(name)
            out[OWN_NAME_TITLE.sub("", key)].add(name)
    return out


def right(named: str, gold: str, names: dict[str, set[str]]) -> bool:
    if gold in names.get(" ".join(named.split()).lower(), set()) or named.lower() == gold.lower():
        return True
    return any(same_but_styled(named, form) for form, who in names.items() if gold in who)


GENERATIONS = frozenset(("jr", "sr", "ii", "iii", "iv"))  # "Amos Rojas Jr.", "Arthur M. Cummings, II"


def same_but_styled(a: str, b: str) -> bool:
    """Whether two forms of a full name differ only by a generational suffix, an initial or punctuation: "Amos
    Rojas" and "Amos Rojas Jr.", "Yvonne Evans" and "M. Yvonne Evans", "Arthur M. Cummings" and "Arthur M.
    Cummings, II" are one person; "John A. Smith" and "John B. Smith" are two, "J. Smith" and "K. Smith" too
    (a surname alone is no full name)."""
    (words_a, initials_a), (words_b, initials_b) = _styled(a), _styled(b)
    return len(words_a) > 1 and words_a == words_b and (initials_a <= initials_b or initials_b <= initials_a)


def _styled(name: str) -> tuple[list[str], set[str]]:
    """A name's words (lower case, no suffix, no initial) and its initials."""
    words = [w for w in re.findall(r"\w[\w'’-]*", name.lower()) if w not in GENERATIONS]
    return [w for w in words if len(w) > 1], {w for w in words if len(w) == 1}


def fiction_gold(slug: str, family: str = "fiction") -> tuple[str, list[Gold], dict]:
    """A quotation-by-quotation set (fiction/, news/): the text, its speech quotations and the cast."""
    d = SETS / family
    text = (d / f"{slug}.txt").read_text(encoding="utf-8")
    rows = [json.loads(x) for x in (d / f"{slug}.quotes.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    gold = [Gold(r["start"], r["end"], r["speaker"], r.get("tag", "")) for r in rows if r.get("speech", True)]
    return text, gold, json.loads((d / f"{slug}.cast.json").read_text(encoding="utf-8"))


def _collapse(text: str) -> tuple[str, list[int]]:
    """Whitespace collapsed, with each character's offset in the original."""
    out, where = [], []
    for m in re.finditer(r"\S+", text):
        if out:
            out.append(" ")
            where.append(m.start())
        out.append(m.group())
        where.extend(range(m.start(), m.end()))
    return "".join(out), where


def labelled_gold(path: Path, doc_text: str) -> tuple[list[Gold], dict]:
    """Turns from their anchors: a turn runs from its anchor to the next anchor."""
    stem = path.name.split(".")[0]
    rows = [json.loads(x) for x in (path.parent / f"{stem}.turns.jsonl").read_text(encoding="utf-8").splitlines()
            if x.strip()]
    flat, where = _collapse(doc_text)
    starts: list[tuple[int, dict]] = []
    pos = 0
    for r in rows:
        anchor = " ".join(r["anchor"].split())
        i = flat.find(anchor, pos) if anchor else -1
        if i < 0:
            continue
        starts.append((where[i], r))
        pos = i + len(anchor)
    gold = [Gold(a, starts[k + 1][0] if k + 1 < len(starts) else len(doc_text), r.get("speaker"),
                 line_end=_line_end(doc_text, a)) for k, (a, r) in enumerate(starts)]
    return gold, json.loads((path.parent / f"{stem}.cast.json").read_text(encoding="utf-8"))


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def score(passages: list, gold: list[Gold], cast: dict, label: str, bar: float) -> Score:
    """Each gold item against the passage holding its middle; each passage against the items it holds."""
    names = aliases(cast)
    ps = sorted(passages, key=lambda p: p.start)
    starts = [p.start for p in ps]
    s = Score(passages=len(ps))
    for g in gold:
        if not g.speaker:
            continue
        s.gold += 1
        # The middle of the turn's first line (of its first 400 characters at most): the span to the next anchor
        # also holds the next turn's time stamp and label, which are nobody's words and in no passage.
        mid = (g.start + min(g.end, g.line_end or g.end, g.start + 400)) // 2
        i = bisect.bisect_right(starts, mid) - 1
        p = ps[i] if i >= 0 and ps[i].end > mid else None
        speaker = p.speaker if p is not None and (p.speaker_confidence or 0) >= bar else None
        if not speaker:
            continue
        s.named += 1
        ok = right(speaker, g.speaker, names)
        s.right += ok
        clue = str(p.speaker_evidence[0].clue) if p.speaker_evidence else "?"
        s.by_clue[clue] += 1
        s.clue_right[clue] += ok
        if not ok:
            s.misses.append(f"{label} [{g.tag}] {g.speaker!r} named {speaker!r}: {p.text[:60]!r} "
                            f"({p.speaker_evidence[0] if p.speaker_evidence else ''})")
    s.mixed = _mixed(ps, gold)
    return s


def _mixed(ps: list, gold: list[Gold]) -> int:
    """Passages that hold the words of two different annotated speakers."""
    spans = sorted((g.start, g.end, g.speaker) for g in gold if g.speaker)
    firsts = [a for a, _, _ in spans]
    n = 0
    for p in ps:
        i = max(0, bisect.bisect_right(firsts, p.start) - 1)
        who = set()
        while i < len(spans) and spans[i][0] < p.end:
            a, b, sp = spans[i]
            if min(b, p.end) - max(a, p.start) > 3:  # more than a mark's overlap
                who.add(sp)
            i += 1
        n += len(who) > 1
    return n


def fiction_family(only: str | None = None, family: str = "fiction") -> dict[str, list]:
    """(slug, passages, gold, cast) for each document of a quotation-set folder, segmented with the threshold at 0."""
    from quoth import Quoth
    from quoth.records import Document, SourceInfo
    seg = _segmenter(Quoth)
    out = []
    for f in sorted((SETS / family).glob("*.quotes.jsonl")):
        slug = f.name.removesuffix(".quotes.jsonl")
        if only and only != slug:
            continue
        text, gold, cast = fiction_gold(slug, family)
        doc = Document(SourceInfo(path=f"{slug}.txt", title=slug), text, slug)
        out.append((slug, seg(doc).passages, gold, cast))
    return {family: out}


def labelled_families(only: str | None = None, words: dict | None = None) -> dict[str, list]:
    """Each labelled document by family (its slug's first word), segmented as ``quoth index`` would; ``words``,
    when given, gets each document's coverage (the share of its sentences in passages) by slug."""
    from quoth import Quoth
    from quoth.ingest import FolderLoader, LoadReport
    from quoth.ingest.manifest import Manifest
    q = Quoth.open()
    seg = _segmenter(Quoth)
    d = SETS / "labelled"
    out: dict[str, list] = defaultdict(list)
    for turns in sorted(d.glob("*.turns.jsonl")):
        stem = turns.name.removesuffix(".turns.jsonl")
        if only and only != stem:
            continue
        doc_file = next((p for p in d.glob(stem + ".*") if p.suffix not in (".jsonl", ".json", ".md")), None)
        if doc_file is None:
            continue
        docs = list(FolderLoader(q.settings.corpus).load_file(doc_file, d, Manifest(), LoadReport()))
        if not docs:
            continue
        gold, cast = labelled_gold(doc_file, docs[0].text)
        done = seg(docs[0])
        if words is not None:
            words[stem] = done.coverage
        out[stem.split("_")[0]].append((stem, done.passages, gold, cast))
    return out


def _segmenter(quoth_cls):
    """The configured segmenter with the bar at 0: every guess is kept, with its confidence, for the sweep."""
    q = quoth_cls.open()
    settings = q.settings.segment.model_copy(update={"speaker_threshold": 0.0})
    from quoth.segment import Segmenter
    return Segmenter(settings, count_tokens=q.segmenter.count_tokens)


def table(families: dict[str, list], bar: float) -> dict[str, Score]:
    return {fam: _total([score(ps, g, c, slug, bar) for slug, ps, g, c in docs]) for fam, docs in families.items()}


def _by_source(families: dict[str, list], bar: float) -> list[tuple[str, str, Score]]:
    """A quotation family's documents by source (the slug's first word: wikinews, nasa), so that a held-out
    source is reported apart from the set the sieve was developed on."""
    out = []
    for fam in ("news",):
        groups: dict[str, list] = defaultdict(list)
        for doc in families.get(fam, []):
            groups[doc[0].split("_")[0]].append(doc)
        if len(groups) > 1:
            out += [(fam, src, _total([score(ps, g, c, slug, bar) for slug, ps, g, c in docs]))
                    for src, docs in sorted(groups.items())]
    return out


def _total(scores: list[Score]) -> Score:
    t = Score()
    for s in scores:
        t.add(s)
    return t


def works(families: dict[str, list], bar: float) -> None:
    print("by work (quotation sets): items named precision coverage mixed")
    for fam in ("fiction", "news"):
        for slug, ps, gold, cast in families.get(fam, []):
            s = score(ps, gold, cast, slug, bar)
            print(f"  {fam:8s} {slug:34s} {s.gold:5d} {s.named:5d} {s.precision:6.3f} {s.coverage:6.3f} "
                  f"{s.mixed:3d}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--curve", action="store_true", help="precision and coverage at each threshold")
    ap.add_argument("--clues", action="store_true", help="each clue's precision (at the configured bar)")
    ap.add_argument("--only", help="one slug")
    ap.add_argument("--misses", type=int, default=0, help="print this many wrong names")
    ap.add_argument("--works", action="store_true", help="each work of fiction and each news article on its own")
    ap.add_argument("--words", action="store_true", help="each labelled document's share of sentences in passages")
    args = ap.parse_args(argv)
    from quoth import Quoth
    bar = Quoth.open().settings.segment.speaker_threshold
    words: dict = {}
    families = {**fiction_family(args.only), **fiction_family(args.only, "news"),
                **labelled_families(args.only, words)}
    families = {k: v for k, v in families.items() if v}
    print(f"speaker threshold {bar}")
    print(f"{'family':12s} {'docs':>4s} {'items':>6s} {'named':>6s} {'prec':>6s} {'cover':>6s} {'passages':>8s} "
          f"{'mixed':>5s}")
    total = Score()
    for fam, s in table(families, bar).items():
        total.add(s)
        print(f"{fam:12s} {len(families[fam]):4d} {s.gold:6d} {s.named:6d} {s.precision:6.3f} {s.coverage:6.3f} "
              f"{s.passages:8d} {s.mixed:5d}")
    for fam, slug_prefix, s in _by_source(families, bar):
        print(f"  {fam}:{slug_prefix:9s} {s.gold:6d} {s.named:6d} {s.precision:6.3f} {s.coverage:6.3f} "
              f"{s.passages:8d} {s.mixed:5d}")
    print(f"{'all':12s} {sum(map(len, families.values())):4d} {total.gold:6d} {total.named:6d} "
          f"{total.precision:6.3f} {total.coverage:6.3f} {total.passages:8d} {total.mixed:5d}")
    if args.clues:
        for clue, n in total.by_clue.most_common():
            print(f"  clue {clue:22s} {n:5d} named, precision {total.clue_right[clue] / n:.3f}")
    if args.curve:
        print("threshold curve (all families): threshold precision coverage")
        for t in THRESHOLDS:
            s = _total(list(table(families, t).values()))
            print(f"  {t:4.2f} {s.precision:6.3f} {s.coverage:6.3f}")
    if args.works:
        works(families, bar)
    if args.words:
        print("sentences in passages (labelled documents): share covered/sentences, then the first lost")
        for stem, cov in words.items():
            print(f"  {stem:40s} {cov.share:6.3f} {cov.covered:5d}/{cov.sentences:<5d} {' | '.join(cov.lost[:1])[:60]}")
    for line in total.misses[:args.misses]:
        print("  miss:", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
