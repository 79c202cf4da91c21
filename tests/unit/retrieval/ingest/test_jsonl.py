import json

from quoth.ingest import LoadReport
from quoth.ingest.jsonl import JsonlReader
from quoth.settings import CorpusSettings


def lines(*records) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records).encode()


def test_one_document_per_record_with_its_id_and_metadata():
    data = lines({"_id": "a", "title": "First", "text": "One.", "author": "Ann", "date": ""},
                 {"id": 7, "text": "Two."}, {"text": "Three."})
    got = list(JsonlReader(CorpusSettings()).read(data, "c.jsonl", LoadReport()))
    assert [g.rel for g in got] == ["c.jsonl#a", "c.jsonl#7", "c.jsonl#3"]
    assert got[0].found == {"author": "Ann", "site": None, "url": None, "date": None, "title": "First"}


def test_configured_fields_and_bad_lines_counted_once():
    settings = CorpusSettings(jsonl_text_field="body", jsonl_title_field="headline", jsonl_id_field="key")
    report = LoadReport()
    data = lines({"key": "k1", "headline": "H", "body": "Words."}, "not json", {"body": ""}, [1, 2])
    got = list(JsonlReader(settings).read(data, "d.jsonl", report))
    assert [(g.rel, g.text, g.found["title"]) for g in got] == [("d.jsonl#k1", "Words.", "H")]
    assert report.warnings == ["d.jsonl: 3 line(s) skipped (lines 2, 3, 4): not JSON objects with a non-empty 'body'"]


def test_a_record_with_a_nul_byte_loses_that_record_only():
    report = LoadReport()
    data = lines({"text": "Good one."}) + b'\n{"text": "bro\x00ken"}\n' + lines({"text": "Good two."})
    got = list(JsonlReader(CorpusSettings()).read(data, "e.jsonl", report))
    assert [g.text for g in got] == ["Good one.", "Good two."]
    assert report.warnings == ["e.jsonl: 1 line(s) skipped (line 2): not JSON objects with a non-empty 'text'"]
