"""Checks the third held-out claims against the documents they quote, and prints their counts per class, verdict and
family:

    python tests/data/verify/heldout3/check.py [CLAIMS.jsonl]

The checks are those of `../heldout2/check.py`, whose helpers this script loads and calls rather than copies (same
fields, verdicts, classes and families; every `source` a verbatim slice of the document as Quoth loads it; every
`speaker` and every `claimed_speaker` with a non-null `misattributed` a name of the document's cast or a person it
quotes), with what this set needs passed in as arguments: its own quoted people, all three earlier sets as documents a
claim must not quote, and `.srt` captions among the marked-up files, whose cue numbers and timing lines are stripped
before a source is looked for in the raw file's text. Exits 1 when anything is wrong, after listing every problem.
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
EARLIER_SETS = tuple(HERE.parent / name / "claims.jsonl" for name in ("real", "heldout", "heldout2"))
# People (and writings) whose words a document quotes but who are not in its cast: the name the document gives them.
QUOTED_PEOPLE = frozenset({"the group's letter", "The Children's Book of American Birds",
                           "the Johnnies at the Pennsylvania Station", "the Scripture", "the Devon County Chronicle"})
# Documents whose raw file is markup: the source must also be in the file's text with the markup stripped.
MARKUP_SUFFIXES = (".xml", ".htm", ".html", ".vtt", ".srt")
# A caption file's cue number and timing line ("12" / "00:00:31,400 --> 00:00:33,799") are markup, not words.
CUE_MARKUP = re.compile(r"^(?:WEBVTT.*|\d+|\d[\d:.,]* --> [\d:.,]+.*)$", re.MULTILINE)


def _load_heldout2_check():
    """The second held-out set's checker, as a module (tests/data/verify is no package)."""
    spec = importlib.util.spec_from_file_location("heldout2_check", HERE.parent / "heldout2" / "check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BASE = _load_heldout2_check()


def raw_markup_text(rel: str) -> str:
    """The raw file's text, markup (tags, caption cue lines) stripped and whitespace joined: a second witness."""
    raw = (ROOT / rel).read_text(encoding="utf-8-sig")
    if rel.endswith((".vtt", ".srt")):
        raw = CUE_MARKUP.sub(" ", raw)
    return BASE._words(html.unescape(re.sub(r"<[^>]+>", " ", raw)))


def speaker_problems(n: int, row: dict, quoted: frozenset[str]) -> list[str]:
    names = BASE.cast_names(row["doc"])
    if names is None:
        return []
    out = []
    known = names | quoted
    if row["speaker"] is not None and row["speaker"] not in known:
        out.append(f"line {n}: speaker {row['speaker']!r} is no name of {row['doc']}'s cast")
    # A verdict on whose words they are needs a claimed name the document knows (or the quoted person's own).
    if row["misattributed"] is not None and row["claimed_speaker"] not in known | {row["speaker"]}:
        out.append(f"line {n}: claimed speaker {row['claimed_speaker']!r} is no name of {row['doc']}'s cast")
    return out


def source_problems(n: int, row: dict, text: str) -> list[str]:
    out = []
    for key in ("source", "source2"):
        if row.get(key) is None:
            continue
        if row[key] not in text:
            out.append(f"line {n}: {key} is not a slice of {row['doc']}: {row[key][:60]!r}")
        elif row["doc"].endswith(MARKUP_SUFFIXES) and BASE._words(row[key]) not in raw_markup_text(row["doc"]):
            out.append(f"line {n}: {key} is not in the raw file's text: {row[key][:60]!r}")
    return out


def problems(rows: list[dict], earlier_docs: set[str], quoted: frozenset[str] = QUOTED_PEOPLE) -> list[str]:
    out, texts = [], {}
    for n, row in enumerate(rows, 1):
        if not row.keys() >= BASE.KEYS:
            out.append(f"line {n}: missing {sorted(BASE.KEYS - row.keys())}")
            continue
        if row["doc"] in earlier_docs:
            out.append(f"line {n}: {row['doc']} is a document of an earlier claim set")
        out += BASE.field_problems(n, row) + speaker_problems(n, row, quoted)
        text = texts.setdefault(row["doc"], BASE.document_text(row["doc"]))
        out += source_problems(n, row, text)
    return out


def earlier_documents(paths: tuple[Path, ...] = EARLIER_SETS) -> set[str]:
    return {json.loads(line)["doc"] for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line}


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "claims.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    bad = problems(rows, earlier_documents())
    for line in bad:
        print(line)
    print(f"{len(rows)} claims over {len({r['doc'] for r in rows})} documents, "
          f"{len({BASE.family(r['doc']) for r in rows})} families; {len(bad)} problems")
    for title, key in (("class", lambda r: r["class"]), ("expect", lambda r: r["expect"]),
                       ("family", lambda r: BASE.family(r["doc"])),
                       ("misattributed", lambda r: str(r["misattributed"])), ("doc", lambda r: Path(r["doc"]).name)):
        print(f"{title}: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(map(key, rows)).items())))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
