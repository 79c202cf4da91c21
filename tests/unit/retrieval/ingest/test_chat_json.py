import json

from quoth.ingest import LoadReport
from quoth.ingest.chat_json import ChatJsonReader
from quoth.records import Kind
from quoth.settings import CorpusSettings


def read(doc, rel="chat.json"):
    report = LoadReport()
    return list(ChatJsonReader(CorpusSettings()).read(json.dumps(doc).encode(), rel, report)), report.warnings


def test_discord_export_is_rendered_as_the_chat_text_the_chat_layout_reads():
    doc = {"channel": {"name": "general"}, "messages": [
        {"id": "1", "type": "Default", "timestamp": "2024-01-02T03:04:05", "content": "Hi", "author": {"name": "ann"}},
        {"id": "2", "type": "ChannelPinnedMessage", "content": "", "author": {"name": "bot"}},
        {"id": "3", "type": "Reply", "timestamp": "2024-01-02T03:05:00", "content": "Hello",
         "author": {"name": "bob", "nickname": "Bob Roe"}, "reference": {"messageId": "1"}}]}
    [got], _ = read(doc)
    assert got.text == "[2024-01-02 03:04] ann\nHi\n\n[2024-01-02 03:05] Bob Roe\n↳ replying to ann\nHello\n"
    assert got.found["title"] == "#general" and got.hints.kind is Kind.CHAT


def test_undated_messages_say_so_and_unknown_json_is_skipped_with_a_reason():
    [got], _ = read({"name": "Group", "messages": [{"type": "message", "from": "Ann", "text": "Hi"}]})
    assert got.text.startswith("[undated] Ann\nHi")
    got, warnings = read({"some": "data"}, "data.json")
    assert got == [] and warnings == ["data.json: skipped: a JSON file that is not a known chat export"
                                  " (map its fields with [[json]] in sources.toml)"]
    got, warnings = read([{"ts": "1", "text": "x", "user": "U1"}], "users.json")
    assert got == [] and warnings == []


def test_an_authors_run_of_messages_within_minutes_is_one_block_and_one_passage():
    from quoth.ingest.chat_json import render
    from quoth.records import Document, LayoutHints, SourceInfo
    from quoth.segment import Segmenter

    text = render([("2024-05-01 10:00", "Tess", "The ferry is late again", None),
                   ("2024-05-01 10:03", "Tess", "forty minutes this time, the whole queue is soaked", None),
                   ("2024-05-01 10:20", "Tess", "and now they have cancelled the next one", None),
                   ("2024-05-01 10:21", "Ivo", "Same on the north pier", None),
                   ("2024-05-01 10:22", "Ivo", "Which sailing?", "Tess"),
                   ("undated", "Ivo", "An undated note about the timetable", None)])
    assert text.startswith("[2024-05-01 10:00] Tess\nThe ferry is late again\nforty minutes this time")
    assert text.count("] Tess") == 2 and text.count("] Ivo") == 3
    passages = Segmenter()(Document(SourceInfo("c.json", "#pier"), text, "h", LayoutHints(Kind.CHAT))).passages
    first = passages[0]
    assert (first.speaker, first.text) == ("Tess", "The ferry is late again\nforty minutes this time, the whole "
                                                   "queue is soaked")
    assert [p.speaker for p in passages] == ["Tess", "Tess", "Ivo", "Ivo", "Ivo"]
    assert passages[3].reply_to == "Tess"


def test_a_reply_carrying_a_message_the_export_lacks_gives_its_words_to_their_writer():
    """The Discord API's own message list (newest first): a reply's ``referenced_message`` is not in the list."""
    from quoth.records import Document, LayoutHints, SourceInfo
    from quoth.segment import Segmenter

    api = [{"id": "3", "type": 19, "timestamp": "2024-06-01T10:09:00", "author": {"username": "perch",
            "global_name": "Ola Berg"}, "content": "> closed until Friday\nSo the race is on, then.",
            "message_reference": {"message_id": "1"}, "referenced_message": {
                "id": "1", "content": "The slipway is closed until Friday for resurfacing.",
                "author": {"username": "hm", "global_name": "Jo Lind"}}},
           {"id": "2", "type": 0, "timestamp": "2024-06-01T10:05:00", "author": {"username": "rosa"},
            "content": "Anyone launching this weekend?"},
           {"id": "0", "type": 0, "timestamp": "2024-06-01T10:01:00", "author": {"username": "cal"},
            "content": "Morning all."}]
    [got], _ = read(api)
    assert got.text.endswith("[2024-06-01 10:09] Ola Berg\n↳ replying to Jo Lind: The slipway is closed until "
                             "Friday for resurfacing.\n> closed until Friday\nSo the race is on, then.\n")
    passages = Segmenter()(Document(SourceInfo("c.json", "#x"), got.text, "h", LayoutHints(Kind.CHAT))).passages
    said = [(p.speaker, p.text) for p in passages]
    assert ("Jo Lind", "The slipway is closed until Friday for resurfacing.") in said
    assert (None, "closed until Friday") in said  # three words: too few to say whose they are
    assert ("Ola Berg", "So the race is on, then.") in said
    assert not any(p.speaker == "Ola Berg" and "slipway" in p.text for p in passages)


def test_slack_quotes_and_shares_and_telegram_blockquotes_are_quotations():
    slack = [{"ts": "1710403260.0", "user": "U1", "text": "&gt; the ledgers are back from the binder\nGreat news &amp; "
              "thanks."},
             {"ts": "1710403320.0", "user": "U2", "text": "", "attachments": [
                 {"is_share": True, "author_name": "Mara Quill", "text": "Herring payments are all there."}]}]
    [got], _ = read(slack, "export/harbour/2024-03-14.json")
    assert "\n> the ledgers are back from the binder\nGreat news & thanks." in got.text
    assert "↳ quoting Mara Quill: Herring payments are all there." in got.text
    rich = ["As the notice says:", {"type": "blockquote", "text": "Gates close at dusk."}, "So hurry."]
    telegram = {"name": "G", "messages": [{"id": 1, "type": "message", "from": "Ann", "date": "2024-05-01T18:00:00",
                                           "text": rich}]}
    [got], _ = read(telegram)
    assert got.text.endswith("As the notice says:\n> Gates close at dusk.\nSo hurry.\n")


def test_a_forward_is_the_forwarded_writers_words_never_the_forwarders():
    telegram = {"name": "G", "messages": [
        {"id": 1, "type": "message", "from": "Ann", "date": "2024-05-01T18:00:00", "forwarded_from": "Harbour Office",
         "text": "The slipway is closed until Friday."}]}
    [got], _ = read(telegram)
    assert got.text == "[2024-05-01 18:00] Ann\n↳ quoting Harbour Office: The slipway is closed until Friday.\n"
    api = [{"id": "2", "type": 0, "timestamp": "2024-06-01T10:09:00", "author": {"username": "ola"}, "content": "",
            "message_snapshots": [{"message": {"content": "Gates close at dusk."}}]},
           {"id": "1", "type": 0, "timestamp": "2024-06-01T10:00:00", "author": {"username": "cal"}, "content": "Hi"}]
    [got], _ = read(api)
    assert got.text.endswith("[2024-06-01 10:09] ola\n↳ quoting: Gates close at dusk.\n")
