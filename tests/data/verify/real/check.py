"""Checks claims.jsonl against the documents it quotes, and prints its counts per class, verdict and family:

    python tests/data/verify/real/check.py

Every `source` (and `source2`, the second piece of a glued claim) must be a verbatim slice of its document as
Quoth loads it (for .xml, the text of the spoken words' nodes), every field must hold one of its allowed values.
Exits 1 when anything is wrong, after listing every problem.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from quoth.ingest import FolderLoader, LoadReport
from quoth.ingest.manifest import load_manifest
from quoth.settings import CorpusSettings

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
VERDICTS = {"exact", "close", "altered", "paraphrase", "not_found"}
KEYS = {"doc", "class", "text", "expect", "speaker", "claimed_speaker", "misattributed", "source", "note"}
# The family of a document is the first word of its file name (debate_, mail_, wikinews_…); fiction and PEPs by folder.
FOLDER_FAMILY = {"fiction": "fiction", "retrieval": "pep"}


def family(doc: str) -> str:
    path = Path(doc)
    return FOLDER_FAMILY.get(path.parent.name) or path.name.split("_")[0]


def document_text(rel: str) -> str:
    """The document's text exactly as Quoth's loader gives it (offsets in `source` refer to this)."""
    path = ROOT / rel
    loader = FolderLoader(CorpusSettings())
    docs = list(loader.load_file(path, path.parent, load_manifest(path.parent), LoadReport()))
    if len(docs) != 1:
        raise SystemExit(f"{rel}: loaded {len(docs)} documents, expected 1")
    return docs[0].text


def cast_names(rel: str) -> set[str] | None:
    """Every name the document's cast file gives its people (canonical and aliases); None without a cast file."""
    path = ROOT / rel
    cast = path.with_name(path.name.split(".")[0] + ".cast.json")
    if not cast.exists():
        return None
    people = json.loads(cast.read_text(encoding="utf-8"))
    return set(people) | {alias for person in people.values() for alias in person["aliases"]}


def problems(rows: list[dict]) -> list[str]:
    out, texts = [], {}
    for n, row in enumerate(rows, 1):
        if not row.keys() >= KEYS:
            out.append(f"line {n}: missing {sorted(KEYS - row.keys())}")
            continue
        if row["expect"] not in VERDICTS or row["misattributed"] not in (True, False, None):
            out.append(f"line {n}: bad expect or misattributed")
        for verdict in row.get("accept", []):
            if verdict not in VERDICTS:
                out.append(f"line {n}: bad accept {verdict!r}")
        names = cast_names(row["doc"])
        claimed = row["claimed_speaker"]
        # A verdict on whose words they are needs a claimed name the document knows (or the quoted person's own).
        if row["misattributed"] is not None and names is not None and claimed not in names | {row["speaker"]}:
            out.append(f"line {n}: claimed speaker {claimed!r} is no name of {row['doc']}'s cast")
        text = texts.setdefault(row["doc"], document_text(row["doc"]))
        for key in ("source", "source2"):
            if row.get(key) is not None and row[key] not in text:
                out.append(f"line {n}: {key} is not a slice of {row['doc']}: {row[key][:60]!r}")
    return out


def main() -> int:
    rows = [json.loads(line) for line in (HERE / "claims.jsonl").read_text(encoding="utf-8").splitlines() if line]
    bad = problems(rows)
    for line in bad:
        print(line)
    print(f"{len(rows)} claims over {len({r['doc'] for r in rows})} documents, "
          f"{len({family(r['doc']) for r in rows})} families; {len(bad)} problems")
    for title, key in (("class", lambda r: r["class"]), ("expect", lambda r: r["expect"]),
                       ("family", lambda r: family(r["doc"])), ("misattributed", lambda r: str(r["misattributed"]))):
        print(f"{title}: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(map(key, rows)).items())))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
