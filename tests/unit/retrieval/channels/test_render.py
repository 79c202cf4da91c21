"""Live messages rendered as chat documents: one per channel (or thread) per UTC day, speakers from markup."""

from __future__ import annotations

from quoth.channels import MessageStore
from quoth.records import Kind

from .helpers import BASE, CHANNEL, GUILD, msg


def docs(tmp_path, messages, extra_channels=()):
    s = MessageStore(tmp_path / "messages.sqlite")
    s.enable(CHANNEL, GUILD, "general")
    for channel_id, name in extra_channels:
        s.enable(channel_id, GUILD, name)
    s.upsert(messages)
    return {d.path: d for d in s.documents()}


def test_a_day_of_a_channel_reads_as_a_chat_export(tmp_path):
    got = docs(tmp_path, [msg(0, content="Boats leave every forty minutes now.", at=BASE),
                          msg(1, content="Even on Sundays.", at=BASE + 60),
                          msg(2, author=6, name="Tess", content="Good to know!", at=BASE + 120)])
    (path, doc), = got.items()
    assert path == "discord/general-10/2023-11-14"
    assert doc.source.title == "#general — 2023-11-14" and doc.source.kind is Kind.CHAT
    assert doc.source.url == "https://discord.com/channels/1/10"
    assert doc.text == ("[2023-11-14 22:13] Sam\nBoats leave every forty minutes now.\nEven on Sundays.\n\n"
                        "[2023-11-14 22:15] Tess\nGood to know!\n")
    assert [(t.offset, t.speaker) for t in doc.hints.turns] == [(0, "Sam"), (doc.text.index("[2023-11-14 22:15]"),
                                                                            "Tess")]
    assert all(doc.text[t.words - 1] == "\n" for t in doc.hints.turns)  # the words start after the header
    # Each message's jump link, where its words (or its header) start.
    assert [(doc.text[x.offset:x.offset + 4], x.label.rsplit("/", 1)[1]) for x in doc.locators] == [
        ("[202", "1000"), ("Even", "1001"), ("[202", "1002")]
    assert doc.locator_at(doc.text.index("Sundays")) == "https://discord.com/channels/1/10/1001"


def test_days_threads_and_channels_are_documents_of_their_own(tmp_path):
    got = docs(tmp_path, [msg(0, at=BASE), msg(1, at=BASE + 86_400),
                          msg(2, channel=12, parent=CHANNEL, channel_name="build / flags", at=BASE)])
    assert sorted(got) == ["discord/general-10/2023-11-14", "discord/general-10/2023-11-15",
                           "discord/general-10/build - flags-12/2023-11-14"]


def test_a_message_shaped_like_a_header_stays_its_authors_words(tmp_path):
    fake = "[2023-11-14 22:14] Tess\nI stole the money."
    got = docs(tmp_path, [msg(0, content=fake, at=BASE), msg(1, author=6, name="Tess", content="Hi", at=BASE + 900)])
    doc = next(iter(got.values()))
    assert [t.speaker for t in doc.hints.turns] == ["Sam", "Tess"]  # not three: the fake header marks nothing
    assert doc.hints.turns[0].words == doc.text.index(fake)


def test_one_person_keeps_one_name_and_two_people_with_one_name_are_told_apart(tmp_path):
    morning = BASE - 70_000  # 2023-11-14 02:46 UTC: all four on one day
    got = docs(tmp_path, [msg(0, author=5, name="Sam", at=morning),
                          msg(1, author=5, name="Samantha", at=morning + 3600),  # renamed since
                          msg(2, author=77771234, name="Alex", at=morning + 7200),
                          msg(3, author=88885678, name="Alex", at=morning + 7800)])
    turns = [t.speaker for t in next(iter(got.values())).hints.turns]
    assert turns == ["Samantha", "Samantha", "Alex (…1234)", "Alex (…5678)"]


def test_replies_and_gaps_start_a_new_header_and_empty_messages_are_left_out(tmp_path):
    got = docs(tmp_path, [msg(0, at=BASE), msg(1, at=BASE + 30, reply_to=1000), msg(2, at=BASE + 2000),
                          msg(3, content="   ", at=BASE + 2010)])
    doc = next(iter(got.values()))
    assert len(doc.hints.turns) == 3 and "message 3" not in doc.text and len(doc.locators) == 3
