"""Segmentation of synthetic documents in each layout: boundaries, speakers, boilerplate."""

from __future__ import annotations

from quoth.segment import segment
from quoth.settings import SegmentSettings
from tests.helpers import make_doc

POST_LIST = """Ada Lovelace

Ada Lovelace

Mathematician ?

120345 followers  •  210 follow  •    •

The engine might compose elaborate pieces of music of any degree of complexity.

tweet picture

I never am really satisfied that I understand anything; because, understand it well as I may.

Today we launch the analytical society. Join us at the hall on Friday evening.
"""


def spans(seg):
    return [(p.speaker, p.role, p.text) for p in seg.passages]


def test_post_list_one_passage_per_post_owner_speaks():
    seg = segment(make_doc(POST_LIST))
    assert seg.source.kind == "post_list"
    assert seg.source.author == "Ada Lovelace"
    texts = [p.text for p in seg.passages]
    assert texts == [
        "The engine might compose elaborate pieces of music of any degree of complexity.",
        "I never am really satisfied that I understand anything; because, understand it well as I may.",
        "Today we launch the analytical society. Join us at the hall on Friday evening.",
    ]
    assert {p.speaker for p in seg.passages} == {"Ada Lovelace"}
    assert all(p.role == "post" for p in seg.passages)


ARTICLE = """The Daily Bugle

City council votes to keep the old library open

by Jane Roe

Hundreds of residents packed the council chamber on Tuesday night for the vote.

Maria Lopez, a retired teacher, told the Bugle, “This library taught my children to read.

“Closing it would have been a disgrace to the whole borough.”

“We simply ran the numbers again,” council leader Tom Baker said.

The vote passed by nine votes to four after a long debate.

Sam Okafor added, “I am delighted that common sense prevailed tonight in the chamber.”

Councillor Baker spoke to reporters afterwards. He said, “We will review the opening hours next year.”
"""


def test_article_narration_and_quotes():
    seg = segment(make_doc(ARTICLE))
    assert seg.source.author == "Jane Roe"
    assert seg.source.kind == "article"
    assert seg.source.title == "City council votes to keep the old library open"
    got = [(p.speaker, p.text.split()[0]) for p in seg.passages]
    assert got == [
        ("Jane Roe", "Hundreds"),
        ("Maria Lopez", "Maria"),
        ("Maria Lopez", "“Closing"),  # continuation keeps the speaker
        ("Tom Baker", "“We"),  # “…,” X said
        ("Jane Roe", "The"),
        ("Sam Okafor", "Sam"),
        ("Jane Roe", "Councillor"),  # the narration is the journalist's, the quotation his
        ("Tom Baker", "He"),  # pronoun resolved to the person named just before
    ]
    assert [p.role for p in seg.passages][:2] == ["narration", "quote"]


SAYS_THREAD = """A fine day for a walk

We walked the whole ridge today and the views were wonderful all the way along.

Comments (3)

  • Alice Smith says:

    What a lovely write-up of the ridge walk, thank you for sharing it.

    • Bob Jones says:

      I agree with Alice, the photos from the summit were particularly good.

  • carol says:

    Next time try the northern route instead.
    It is quieter in the morning.

Leave a Reply

You are commenting using your WordPress.com account. Log Out /  Change )

Comments are now closed.
"""


def test_says_thread_with_nested_reply():
    seg = segment(make_doc(SAYS_THREAD, author="Walker Blog"))
    comments = [(p.speaker, p.role, p.reply_to) for p in seg.passages if p.role in ("comment", "reply")]
    assert comments == [
        ("Alice Smith", "comment", None),
        ("Bob Jones", "reply", "Alice Smith"),
        ("carol", "comment", None),
    ]
    body = [p for p in seg.passages if p.role == "body"]
    assert [p.speaker for p in body] == ["Walker Blog"]
    carol = seg.passages[-1]
    assert carol.text == "Next time try the northern route instead.\n    It is quieter in the morning."
    joined = "\n".join(p.text for p in seg.passages)
    for chrome in ("Leave a Reply", "You are commenting", "Comments are now closed", "Comments (3)"):
        assert chrome not in joined


NUMBERED_THREAD = """Ann Lee issued the following statement after the meeting.

“We have heard the concerns of members and we will act on every one of them this month.”



  1. This is the right decision and it has been a long time coming for all of the members here.

  2. I do not agree at all. The committee should have consulted the wider membership far earlier.

    • You are quite wrong about the consultation, it ran for six weeks last spring and many took part.

  3. Well done to everyone who campaigned for this, a long road but worth it in the end for us all.
"""


def test_numbered_thread_anonymous_with_bullet_reply():
    seg = segment(make_doc(NUMBERED_THREAD, author="Ann Lee"))
    got = [(p.speaker, p.role) for p in seg.passages]
    assert got == [
        (None, "narration"),  # the introduction is the publisher's words (unknown here), not Ann Lee's
        ("Ann Lee", "quote"),
        ("Anonymous commenter (#1)", "comment"),
        ("Anonymous commenter (#2)", "comment"),
        ("Anonymous commenter (reply to #2)", "reply"),
        ("Anonymous commenter (#3)", "comment"),
    ]
    assert seg.passages[2].text.startswith("This is the right decision")
    assert seg.passages[4].text.startswith("You are quite wrong")
    assert seg.passages[4].reply_to == "Anonymous commenter (#2)"


def test_numbered_list_in_article_is_not_a_thread():
    text = "How to bake\n\nby Sam Cook\n\nFollow these steps.\n\n1. Mix flour\n\n2. Add water\n\n3. Bake it\n"
    seg = segment(make_doc(text))
    assert not any(p.role == "comment" for p in seg.passages)


def test_boilerplate_and_configured_patterns_removed():
    text = ("Real words about the harbour and its boats, written by the author himself.\n\n"
            "Click here to subscribe to our daily morning email newsletter\n\n"
            "Sponsored by Acme Widgets, the finest widgets in town.\n\n"
            "More real words about the fishing fleet and the people who sail it every day.\n")
    plain = segment(make_doc(text, author="A"))
    assert all("subscribe" not in p.text for p in plain.passages)
    assert any("Acme" in p.text for p in plain.passages)
    custom = segment(make_doc(text, author="A"), boilerplate=[r"^sponsored by\b"])
    assert all("ACME" not in p.text for p in custom.passages)


def test_long_passage_splits_at_sentences_within_limit():
    sentence = "The quick brown fox jumps over the lazy dog near the riverbank today. "
    text = sentence * 60
    count = lambda s: len(s.split())  # noqa: E731
    seg = segment(make_doc(text, author="Writer"), SegmentSettings(max_tokens=60), count_tokens=count)
    assert len(seg.passages) > 5
    for p in seg.passages:
        assert count(p.search_text) <= 60
        assert p.text.endswith("today.")
        assert text[p.start:p.end] == p.text


def test_short_fragment_merges_with_same_speaker_only():
    text = ("The first paragraph has more than enough words to stand on its own here.\n\n"
            "Short one.\n\n"
            "Another paragraph that has plenty of words to stand alone as a passage.\n")
    seg = segment(make_doc(text, author="W"))
    assert len(seg.passages) == 2
    assert seg.passages[0].text.endswith("Short one.")


def test_search_text_adds_speaker_and_title_but_text_stays_verbatim():
    seg = segment(make_doc(POST_LIST, title="Ada's posts"))
    p = seg.passages[0]
    assert "Ada Lovelace" in p.search_text and "Ada's posts" in p.search_text
    assert "Ada Lovelace" not in p.text


def test_byline_needs_a_capitalised_name():
    body = "We walked along the front and ate chips on the pier all day.\n"
    assert segment(make_doc("A day out\n\nBy the sea\n\n" + body)).source.author is None
    assert segment(make_doc("A day out\n\nby Jane Roe\n\n" + body)).source.author == "Jane Roe"


def test_a_failing_reader_falls_back_to_the_plain_page_with_one_log_line(monkeypatch, caplog):
    from quoth.segment.threads.says import SaysThread

    def broken(self, page, hints):
        raise IndexError("a reader's bug")

    monkeypatch.setattr(SaysThread, "find", broken)
    seg = segment(make_doc(SAYS_THREAD, path="odd.txt", author="Walker Blog"))
    assert seg.source.kind == "page" and seg.passages
    assert seg.passages[0].text in SAYS_THREAD
    [line] = [r.getMessage() for r in caplog.records if r.name == "quoth.segment"]
    assert line.startswith("odd.txt: layout reading failed (IndexError")


def test_a_plays_front_matter_is_nobodys_and_its_introduction_the_authors():
    text = ("The Lost Key\n\nby Ann Lee\n\nHARBOUR PRESS LTD.\n12 QUAY STREET LONDON\n\n"
            "This little comedy was first played by friends of mine in a village hall one rainy winter.\n\n"
            "JOHN.  Have you seen the key?\n\nMARY.  Which key?\n\nJOHN.  The one to the boathouse.\n\n"
            "MARY.  It is where you left it.\n\nJOHN.  I never left it anywhere.\n\nMARY.  Then it is lost.\n")
    seg = segment(make_doc(text))
    said = {p.text.split()[0]: p.speaker for p in seg.passages}
    assert said["HARBOUR"] is None  # a publisher's imprint: no one's words, not the author's
    assert said["This"] == "Ann Lee"  # a sentence above the first turn introduces the play: its author's
    assert [p.speaker for p in seg.passages if p.role == "turn"][:2] == ["John", "Mary"]


def test_a_sentence_on_its_own_line_above_the_first_turn_is_kept():
    text = ("Notes of the call\n\nwe moved the release to Friday, so the docs can be finished first.\n\n"
            "ANN:  Is the build green?\n\nBEN:  It is.\n\nANN:  Then we ship.\n\nBEN:  Friday it is.\n")
    seg = segment(make_doc(text))
    assert any("moved the release to Friday" in p.text for p in seg.passages)
