"""One bad record loses only itself (issue 23): the good records and messages around it are indexed, and the
warning names the record, by line or message number. Real files through the real loader."""

from __future__ import annotations

import json

from quoth.ingest import LoadReport, load_folder
from quoth.settings import CorpusSettings

DEEP = "[" * 100_000 + "]" * 100_000  # the C decoder recurses once per level: RecursionError, not a parse error
HUGE = "9" * 5_000  # over Python's 4,300-digit limit for int(): ValueError, not a JSONDecodeError


def load(root):
    report = LoadReport()
    return {d.path: d for d in load_folder(root, CorpusSettings(), report)}, report.warnings


def test_a_jsonl_line_nested_100000_deep_or_holding_a_5000_digit_number_loses_only_itself(tmp_path):
    lines = [json.dumps({"_id": "a", "text": "The first good record."}), DEEP,
             '{"_id": "big", "text": "A record with a long number.", "views": ' + HUGE + "}",
             '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}",
             json.dumps({"_id": "b", "text": "The last good record."})]
    (tmp_path / "r.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, warnings = load(tmp_path)
    assert docs["r.jsonl#a"].text == "The first good record." and docs["r.jsonl#b"].text == "The last good record."
    # A number too long for int() is kept as its digits: the record's text is whole, so it is not lost.
    assert docs["r.jsonl#big"].text == "A record with a long number."
    assert warnings == ["r.jsonl: 2 line(s) skipped (lines 2, 4): JSON nested too deep to read"]


def test_an_empty_html_only_message_loses_only_itself_and_is_named_by_number(tmp_path):
    def message(who: str, head: str, body: str) -> str:
        return f"From {who}@example.org Mon Jan  1 00:00:00 2024\nFrom: {who} <{who}@example.org>\n{head}\n{body}\n"

    box = (message("ann", "Subject: one\n", "The first message's words.\n")
           + message("bob", "Subject: two\nContent-Type: text/html; charset=utf-8\n", "")
           + message("cal", "Subject: three\n", "The third message's words.\n"))
    (tmp_path / "list.mbox").write_text(box, encoding="utf-8")
    docs, warnings = load(tmp_path)
    assert sorted(docs) == ["list.mbox#1", "list.mbox#3"]
    assert docs["list.mbox#3"].text == "The third message's words."
    assert warnings == ["list.mbox#2: skipped: no text"]


def test_a_chat_export_with_no_usable_message_is_named(tmp_path):
    (tmp_path / "empty.json").write_text('{"messages": []}', encoding="utf-8")
    (tmp_path / "joins.json").write_text(json.dumps({"channel": {"name": "general"}, "messages": [
        {"id": "1", "type": "GuildMemberJoin", "content": "", "author": {"name": "ann"}}]}), encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Words to keep the folder from being empty.", encoding="utf-8")
    docs, warnings = load(tmp_path)
    assert sorted(docs) == ["ok.txt"]
    assert sorted(warnings) == ["empty.json: skipped: a chat export with no message to read",
                                "joins.json: skipped: a chat export with no message to read"]


def test_a_json_file_nested_too_deep_is_skipped_with_the_reason(tmp_path):
    (tmp_path / "deep.json").write_text('{"messages": ' + DEEP + "}", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Words to keep the folder from being empty.", encoding="utf-8")
    docs, warnings = load(tmp_path)
    assert sorted(docs) == ["ok.txt"] and warnings == ["deep.json: skipped: JSON nested too deep to read"]
