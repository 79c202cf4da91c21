"""JSON in a schema Quoth does not know, read through a ``[[json]]`` mapping in sources.toml (issue 23): which
list holds the records, and where each record keeps its text, speaker, date, title and id."""

from __future__ import annotations

import json

import pytest

from quoth.errors import ManifestError
from quoth.ingest import LoadReport, load_folder
from quoth.ingest.manifest import load_manifest
from quoth.segment import Segmenter
from quoth.settings import CorpusSettings

MAPPING = """
[[json]]
glob = "exports/*.json"
records = "data.items"
text = "body"
speaker = "author.name"
date = "created_at"
title = "subject"
id = "id"

[[json]]
glob = "feeds/**/*.jsonl"
text = "content.paragraphs"
speaker = "$.user.names[1]"
"""
FERRIES = ("The ferries will run all night from May. The council voted for it on Tuesday, after a long debate "
           "about what the crews and the fuel will cost the town.")


def load(root):
    report = LoadReport()
    return {d.path: d for d in load_folder(root, CorpusSettings(), report)}, report.warnings


def corpus(tmp_path):
    (tmp_path / "exports").mkdir()
    (tmp_path / "feeds" / "2024").mkdir(parents=True)
    items = [{"id": 17, "body": FERRIES, "author": {"name": "Ada Reyes"},
              "created_at": "2024-03-01", "subject": "Ferries"},
             {"id": 18, "body": "", "author": {"name": "Nobody"}},
             {"id": 19, "body": "Buses too, said the council.", "author": {}}]
    (tmp_path / "exports" / "posts.json").write_text(json.dumps({"data": {"items": items}}), encoding="utf-8")
    lines = [{"user": {"names": ["tess", "Tess Okoye"]}, "content": {"paragraphs": ["First thought.", "Second."]}},
             {"user": {"names": ["cal"]}, "content": {}}]
    (tmp_path / "feeds" / "2024" / "a.jsonl").write_text("\n".join(map(json.dumps, lines)), encoding="utf-8")
    (tmp_path / "other.json").write_text(json.dumps({"rows": [{"body": "Unmapped."}]}), encoding="utf-8")
    return tmp_path


def test_a_json_mapping_reads_a_schema_quoth_does_not_know(tmp_path):
    root = corpus(tmp_path)
    (root / "sources.toml").write_text(MAPPING, encoding="utf-8")
    docs, warnings = load(root)
    post = docs["exports/posts.json#17"]
    assert post.text == FERRIES
    assert (post.source.author, post.source.date, post.source.title) == ("Ada Reyes", "2024-03-01", "Ferries")
    assert docs["exports/posts.json#19"].source.author is None
    feed = docs["feeds/2024/a.jsonl#1"]
    assert feed.text == "First thought.\n\nSecond." and feed.source.author == "Tess Okoye"
    assert sorted(docs) == ["exports/posts.json#17", "exports/posts.json#19", "feeds/2024/a.jsonl#1"]
    assert sorted(warnings) == [
        "exports/posts.json: 1 record(s) skipped (record 2): no text at 'body'",
        "feeds/2024/a.jsonl: 1 line(s) skipped (line 2): no text at 'content.paragraphs'",
        "other.json: skipped: a JSON file that is not a known chat export (map its fields with [[json]] in "
        "sources.toml)"]
    # The mapped speaker is who said the record's words.
    [passage] = Segmenter(max_tokens=64)(post).passages
    assert passage.speaker == "Ada Reyes"


def test_without_a_mapping_unknown_json_keeps_its_refusal_pointing_to_the_mapping(tmp_path):
    docs, warnings = load(corpus(tmp_path))
    assert "exports/posts.json" not in docs and not any(k.startswith("exports/") for k in docs)
    assert not any(k.startswith("feeds/") for k in docs)
    refused = [w for w in warnings if w.startswith(("exports/", "other.json", "feeds/"))]
    assert len(refused) == 3 and all("[[json]] in sources.toml" in w for w in refused)


def test_a_mapping_whose_records_path_finds_no_list_says_so(tmp_path):
    root = corpus(tmp_path)
    (root / "sources.toml").write_text(MAPPING.replace('records = "data.items"', 'records = "data.rows"'))
    docs, warnings = load(root)
    assert not any(k.startswith("exports/") for k in docs)
    assert "exports/posts.json: skipped: no list of records at 'data.rows'" in warnings


@pytest.mark.parametrize("table, where", [('glob = "*.json"\ntext = "a..b"', "json.0.text"),
                                          ('glob = "*.json"\ntext = ""', "json.0.text"),
                                          ('glob = "*.json"\ntext = "x"\nspeaker = "a[b]"', "json.0.speaker"),
                                          ('glob = "*.json"\ntxt = "body"', "json.0"),
                                          ('glob = ""\ntext = "x"', "json.0.glob")])
def test_a_bad_mapping_is_a_manifest_error_naming_the_key(tmp_path, table, where):
    (tmp_path / "sources.toml").write_text(f"[[json]]\n{table}\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=where):
        load_manifest(tmp_path)


def test_the_readme_mapping_reads_what_it_says(tmp_path):
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[4] / "README.md").read_text(encoding="utf-8")
    [example] = [b for b in re.findall(r"```toml\n(.*?)```", readme, re.S) if "[[json]]" in b]
    (tmp_path / "sources.toml").write_text(example, encoding="utf-8")
    (tmp_path / "exports").mkdir()
    items = [{"body": FERRIES, "author": {"name": "Ada Reyes"}, "created_at": "2024-03-01"}]
    (tmp_path / "exports" / "cms.json").write_text(json.dumps({"data": {"items": items}}), encoding="utf-8")
    docs, warnings = load(tmp_path)
    doc = docs["exports/cms.json#1"]
    assert (doc.text, doc.source.author, doc.source.date) == (FERRIES, "Ada Reyes", "2024-03-01") and not warnings


def test_records_are_named_apart_when_a_line_holds_several(tmp_path):
    (tmp_path / "sources.toml").write_text('[[json]]\nglob = "*.jsonl"\ntext = "t"\n', encoding="utf-8")
    (tmp_path / "day.jsonl").write_text('[{"t": "Dawn."}, {"t": "Noon."}]\n{"t": "Dusk."}\n', encoding="utf-8")
    docs, warnings = load(tmp_path)
    assert {k: d.text for k, d in docs.items()} == {"day.jsonl#1.1": "Dawn.", "day.jsonl#1.2": "Noon.",
                                                   "day.jsonl#2": "Dusk."} and not warnings
