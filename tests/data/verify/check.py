"""Checks a claim set against the documents it quotes, and prints its counts per class, verdict and family:

    python tests/data/verify/check.py SET [CLAIMS.jsonl]      # SET: real, heldout, heldout2, heldout3 or a folder

One checker for every set; what differs between sets is in the set's `set.json`: `quoted_people` (people whose
words a document quotes but who are not in its cast, under the name the document gives them) and `earlier_sets`
(sets written before it, whose documents a held-out claim must never quote). Checked: every field holds one of its
allowed values; every `source` (and `source2`, the second piece of a glued claim) is a verbatim slice of its document
as Quoth loads it, and for marked-up files (.xml, .htm, .vtt, .srt) also occurs in the raw file's text once its
markup and caption cue lines are stripped; every `speaker` and every `claimed_speaker` with a non-null `misattributed`
is a name of the document's cast or a quoted person. Exits 1 when anything is wrong, after listing every problem.
"""

from __future__ import annotations

import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

from quoth.ingest import FolderLoader, LoadReport
from quoth.ingest.manifest import load_manifest
from quoth.settings import CorpusSettings

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
VERDICTS = {"exact", "close", "altered", "paraphrase", "not_found"}
CLASSES = {"verbatim", "typography", "fragment", "elision", "spelling", "swap", "negation_number", "added_dropped",
           "paraphrase", "invented", "glued", "misattributed", "third_party", "long", "short", "chatter"}
KEYS = {"doc", "class", "text", "expect", "speaker", "claimed_speaker", "misattributed", "source", "note"}
# The family of a document is the first word of its file name (briefing_, irc_, nasa_…); fiction and PEPs by folder.
FOLDER_FAMILY = {"fiction": "fiction", "retrieval": "pep"}
# Documents whose raw file is markup: the source must also be in the file's text with the markup stripped.
MARKUP_SUFFIXES = (".xml", ".htm", ".html", ".vtt", ".srt")
# A caption file's header, cue number and timing line ("12" / "00:00:31,400 --> 00:00:33,799") are no words.
CUE_MARKUP = re.compile(r"^(?:WEBVTT.*|\d+|\d[\d:.,]* --> [\d:.,]+.*)$", re.MULTILINE)


def family(doc: str) -> str:
    path = Path(doc)
    return FOLDER_FAMILY.get(path.parent.name) or path.name.split("_")[0]


def read_claims(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def document_text(rel: str) -> str:
    """The document's text exactly as Quoth's loader gives it (every `source` is a slice of this)."""
    path = ROOT / rel
    loader = FolderLoader(CorpusSettings())
    docs = list(loader.load_file(path, path.parent, load_manifest(path.parent), LoadReport()))
    if len(docs) != 1:
        raise SystemExit(f"{rel}: loaded {len(docs)} documents, expected 1")
    return docs[0].text


def _words(text: str) -> str:
    return " ".join(text.split())


def raw_markup_text(rel: str) -> str:
    """The raw file's text, markup (tags, caption cue lines) stripped and whitespace joined: a second witness."""
    raw = (ROOT / rel).read_text(encoding="utf-8-sig")
    if rel.endswith((".vtt", ".srt")):
        raw = CUE_MARKUP.sub(" ", raw)
    return _words(html.unescape(re.sub(r"<[^>]+>", " ", raw)))


def cast_names(rel: str) -> set[str] | None:
    """Every name the document's cast file gives its people (canonical and aliases); None without a cast file."""
    path = ROOT / rel
    cast = path.with_name(path.name.split(".")[0] + ".cast.json")
    if not cast.exists():
        return None
    people = json.loads(cast.read_text(encoding="utf-8"))
    return set(people) | {alias for person in people.values() for alias in person["aliases"]}


def field_problems(n: int, row: dict) -> list[str]:
    out = []
    if row["expect"] not in VERDICTS or row["misattributed"] not in (True, False, None):
        out.append(f"line {n}: bad expect or misattributed")
    if row["class"] not in CLASSES:
        out.append(f"line {n}: bad class {row['class']!r}")
    for verdict in row.get("accept", []):
        if verdict not in VERDICTS:
            out.append(f"line {n}: bad accept {verdict!r}")
    if (row["source"] is None) != (row["class"] == "invented"):
        out.append(f"line {n}: only invented claims have no source")
    return out


def speaker_problems(n: int, row: dict, quoted: set[str]) -> list[str]:
    names = cast_names(row["doc"])
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
        elif row["doc"].endswith(MARKUP_SUFFIXES) and _words(row[key]) not in raw_markup_text(row["doc"]):
            out.append(f"line {n}: {key} is not in the raw file's text: {row[key][:60]!r}")
    return out


def problems(rows: list[dict], earlier_docs: set[str], quoted: set[str]) -> list[str]:
    out, texts = [], {}
    for n, row in enumerate(rows, 1):
        if not row.keys() >= KEYS:
            out.append(f"line {n}: missing {sorted(KEYS - row.keys())}")
            continue
        if row["doc"] in earlier_docs:
            out.append(f"line {n}: {row['doc']} is a document of an earlier claim set")
        out += field_problems(n, row) + speaker_problems(n, row, quoted)
        text = texts.setdefault(row["doc"], document_text(row["doc"]))
        out += source_problems(n, row, text)
    return out


def main(argv: list[str]) -> int:
    if not argv:
        raise SystemExit(__doc__)
    folder = Path(argv[0]) if "/" in argv[0] else HERE / argv[0]
    config = json.loads((folder / "set.json").read_text(encoding="utf-8"))
    rows = read_claims(Path(argv[1]) if len(argv) > 1 else folder / "claims.jsonl")
    earlier = {row["doc"] for name in config["earlier_sets"] for row in read_claims(HERE / name / "claims.jsonl")}
    bad = problems(rows, earlier, set(config["quoted_people"]))
    for line in bad:
        print(line)
    print(f"{len(rows)} claims over {len({r['doc'] for r in rows})} documents, "
          f"{len({family(r['doc']) for r in rows})} families; {len(bad)} problems")
    for title, key in (("class", lambda r: r["class"]), ("expect", lambda r: r["expect"]),
                       ("family", lambda r: family(r["doc"])), ("misattributed", lambda r: str(r["misattributed"])),
                       ("doc", lambda r: Path(r["doc"]).name)):
        print(f"{title}: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(map(key, rows)).items())))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
