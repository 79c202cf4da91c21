"""Writes tests/data/verify/claims.jsonl: claims about the bundled sample corpus in every class a quote checker
meets, each with the verdict and speaker it should get. Run it again after the sample corpus changes:

    python tests/data/verify/make_claims.py

Machine-made classes come from real sentences of the segmented corpus (seeded, so the file is reproducible);
paraphrases and fabrications are hand-written in handwritten.jsonl.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from quoth import Quoth

HERE = Path(__file__).resolve().parent
EXPECT = {"verbatim": "exact", "typography": "exact", "ellipsis": "exact", "truncated": "exact",
          "one_word": "close", "merged": "close", "negation": "altered", "number": "altered",
          "misattributed": "exact", "paraphrase": "paraphrase", "fabricated": "not_found"}
SWAPS = {"great": "good", "big": "large", "people": "folk", "today": "now", "always": "often", "real": "true",
         "support": "back", "together": "jointly", "excellent": "superb", "party": "movement", "politics": "policy",
         "members": "supporters", "change": "shift", "hard": "tough", "country": "nation", "think": "believe",
         "pleasure": "joy", "money": "cash", "clear": "plain", "new": "fresh", "good": "fine", "work": "labour"}
AUX_RE = re.compile(r"\b(is|are|was|were|will|can|have|has|should|must|would|could|do|does)\b")
NUM_RE = re.compile(r"\b\d[\d,.]*\b")


def sentences() -> list[tuple[str, str, str]]:
    """(sentence, speaker, document path) of attributed sentences of 10 to 35 words, each once."""
    out, seen = [], set()
    for doc, seg in Quoth.open().passages():
        for p in seg.passages:
            for s in re.split(r"(?<=[.!?])\s+", " ".join(p.text.split())):
                s = s.strip("“”\"‘’ ")
                if p.speaker and 10 <= len(s.split()) <= 35 and s not in seen:
                    seen.add(s)
                    out.append((s, p.speaker, doc.path))
    return out


def typography(s: str, rng: random.Random) -> str:
    s = s.replace("’", "'").replace("“", '"').replace("”", '"').replace(" — ", " - ")
    return (s[0].lower() + s[1:]).replace(" ", "  ", 1) if rng.random() < 0.5 else s.upper()


def ellipsis(s: str) -> str | None:
    w = s.split()
    return " ".join(w[:3]) + " … " + " ".join(w[7:]) if len(w) >= 12 else None


def one_word(s: str, rng: random.Random) -> str | None:
    w = s.split()
    spots = [i for i, x in enumerate(w) if x.strip(".,!?") in SWAPS]  # lower case only: "Party" is a name
    if not spots:
        return None
    i = rng.choice(spots)
    core = w[i].lower().strip(".,!?")
    w[i] = w[i].lower().replace(core, SWAPS[core])
    return " ".join(w)


def negation(s: str) -> str | None:
    m = AUX_RE.search(s)
    if m is None or re.search(r"\b(not|never|n't)\b", s[m.end():m.end() + 8]):
        return None
    return s[:m.end()] + " not" + s[m.end():]


NUMBER_WORDS = {"one": "two", "two": "three", "three": "four", "six": "seven", "nine": "eight", "ten": "twelve",
                "first": "second", "hundreds": "dozens", "thousands": "hundreds", "millions": "thousands",
                "million": "thousand", "billion": "million", "all": "some", "many": "few", "more": "less"}
NUMWORD_RE = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b")


def number(s: str) -> str | None:
    m = NUM_RE.search(s)
    if m is not None:
        digits = re.sub(r"\d", lambda d: str((int(d.group()) + 3) % 10), m.group(), count=1)
        return s[:m.start()] + digits + s[m.end():]
    m = NUMWORD_RE.search(s)
    return s[:m.start()] + NUMBER_WORDS[m.group()] + s[m.end():] if m else None


def main() -> None:
    rng = random.Random(20261123)
    sents = sentences()
    speakers = sorted({sp for _, sp, _ in sents})
    by_doc: dict[str, list[tuple[str, str]]] = {}
    for s, sp, path in sents:
        by_doc.setdefault(path, []).append((s, sp))
    claims = []

    def add(cls: str, text: str | None, speaker: str, claimed: str | None = None) -> None:
        if text:
            claims.append({"class": cls, "text": text, "expect": EXPECT[cls], "speaker": speaker,
                           "claimed_speaker": claimed, "misattributed": (claimed != speaker) if claimed else None})

    picked = rng.sample(sents, min(40, len(sents)))
    for i, (s, sp, path) in enumerate(picked):
        add("verbatim", s, sp, sp if i % 3 == 0 else None)
        add("typography", typography(s, rng), sp)
        add("ellipsis", ellipsis(s), sp)
        add("truncated", " ".join(s.split()[: max(6, len(s.split()) * 3 // 5)]), sp)
        add("one_word", one_word(s, rng), sp)
        add("negation", negation(s), sp)
        add("number", number(s), sp)
        add("misattributed", s, sp, rng.choice([x for x in speakers if x != sp]))
        order = [t for t, _ in by_doc[path]]
        later = [t for t, tsp in by_doc[path][order.index(s) + 2:] if tsp == sp]  # not the next: a real gap
        if later:
            add("merged", f"{s} {rng.choice(later)}", sp)
    for s, sp, _ in [x for x in sents if x not in picked and number(x[0])][:20]:
        add("number", number(s), sp)
    for line in (HERE / "handwritten.jsonl").read_text().splitlines():
        rec = json.loads(line)
        add(rec["class"], rec["text"], rec.get("speaker"))
    with open(HERE / "claims.jsonl", "w", encoding="utf-8") as fh:
        for c in claims:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for c in claims:
        counts[c["class"]] = counts.get(c["class"], 0) + 1
    print(f"{len(claims)} claims: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
