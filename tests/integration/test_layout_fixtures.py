"""Attribution on documents of many layouts (tests/data/layouts): every expectation beside each document holds.

Each ``NAME.expect.json`` names the document's layout family and lists phrases with the speaker whose passage
must hold them (``speakers``), phrases that must not be given to someone (``not_speaker``), and furniture that no
passage may contain (``furniture``). The test prints a table per family.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from quoth import Quoth
from quoth.ingest import FolderLoader, LoadReport
from quoth.ingest.manifest import Manifest

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "layouts"


def norm(text: str) -> str:
    return " ".join(text.split()).lower()


def check(doc_file: Path, expect: dict, segmenter) -> dict:
    """Counts for one document: phrases checked, speakers right, furniture leaked; and what went wrong."""
    docs = list(FolderLoader(Quoth.open().settings.corpus).load_file(doc_file, FIXTURES, Manifest(), LoadReport()))
    segmented = [segmenter(d) for d in docs]
    passages = [p for seg in segmented for p in seg.passages]
    texts = [norm(p.text) for p in passages]
    out = {"phrases": 0, "right": 0, "leaks": 0, "problems": []}
    for key, want in expect.get("source", {}).items():
        got = getattr(segmented[0].source, key)
        if got != want:
            out["problems"].append(f"{doc_file.name}: source {key} {got!r}, expected {want!r}")
    for phrase, speaker in expect.get("speakers", []):
        out["phrases"] += 1
        found = [p for p, t in zip(passages, texts, strict=True) if norm(phrase) in t]
        got = found[0].speaker if found else "(no passage)"
        if got == speaker:
            out["right"] += 1
        else:
            out["problems"].append(f"{doc_file.name}: {phrase!r} → {got!r}, expected {speaker!r}")
    for phrase, wrong in expect.get("not_speaker", []):
        out["phrases"] += 1
        found = [p for p, t in zip(passages, texts, strict=True) if norm(phrase) in t and p.speaker == wrong]
        if found:
            out["problems"].append(f"{doc_file.name}: {phrase!r} given to {wrong!r}")
        else:
            out["right"] += 1
    for chrome in expect.get("furniture", []):
        if any(norm(chrome) in t for t in texts):
            out["leaks"] += 1
            out["problems"].append(f"{doc_file.name}: furniture {chrome!r} in a passage")
    return out


def test_every_layout_fixture_expectation_holds(capsys):
    segmenter = Quoth.open().segmenter
    families: dict[str, list[dict]] = defaultdict(list)
    for expect_file in sorted(FIXTURES.glob("*.expect.json")):
        stem = expect_file.name.removesuffix(".expect.json")
        expect = json.loads(expect_file.read_text())
        [doc_file] = [FIXTURES / expect["file"]] if "file" in expect else \
            [p for p in FIXTURES.glob(stem + ".*") if p != expect_file]
        families[expect["family"]].append(check(doc_file, expect, segmenter))
    rows = ["family       docs  phrases  right  furniture leaks"]
    problems = []
    for family, results in sorted(families.items()):
        total = {k: sum(r[k] for r in results) for k in ("phrases", "right", "leaks")}
        rows.append(f"{family:12s} {len(results):4d} {total['phrases']:8d} {total['right']:6d} {total['leaks']:16d}")
        problems += [p for r in results for p in r["problems"]]
    with capsys.disabled():
        print("\n" + "\n".join(rows))
    assert not problems, "\n".join(problems)


FAMILIES = ["transcript", "chat", "forum", "html", "email", "blog", "proceedings", "news", "docs", "page"]


@pytest.mark.parametrize("family", FAMILIES)
def test_each_family_has_three_differently_formatted_documents(family):
    names = [p.name for p in FIXTURES.glob("*.expect.json") if json.loads(p.read_text())["family"] == family]
    assert len(names) >= 3, names


def test_the_fixture_corpus_is_broad():
    expectations = list(FIXTURES.glob("*.expect.json"))
    assert len(expectations) >= 30
    assert len({json.loads(p.read_text())["family"] for p in expectations}) >= 8
