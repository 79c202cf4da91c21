"""Speaker labels learnt from the document: each shape on a short synthetic document, and pages that must not
become transcripts (articles, letters, lists with colons)."""

from __future__ import annotations

import random
import string

import pytest

from quoth.records import Clue, Kind, LayoutHints
from quoth.segment import segment
from quoth.segment.page import Page
from quoth.segment.threads.labels import LabelledTurns, read_labels
from quoth.segment.threads.labels.shapes import Family
from quoth.segment.turns import person_name
from tests.helpers import make_doc


def turns(text: str, family: Family = Family.SPEECH) -> list[tuple[str | None, str]] | None:
    page = Page.of(text)
    thread = LabelledTurns(family).find(page, LayoutHints())
    return None if thread is None else [(u.speaker, page.text[u.start:u.end]) for u in thread.units]


def test_irc_log_with_stamps_actions_joins_and_a_relay():
    log = ("[22:01:22] <jrand0m> agenda: three items\n[22:01:30] <@duck> hi all\n[22:02:09] * mihi has joined #i2p\n"
           "[22:02:13] <fidd> howdy there\n[22:02:20] * jrand0m waves at everyone\n"
           "[22:03:00] <ox> <duck> relayed from the other side\n[22:03:10] <jrand0m> ok, moving on\n"
           "[22:03:20] <fidd> sounds good\n[22:04:27] * fidd has quit IRC (reboot time)\n[22:05:00] <duck> bye now\n")
    assert turns(log, Family.CHAT) == [
        ("jrand0m", "agenda: three items"), ("duck", "hi all"), ("fidd", "howdy there"),
        ("jrand0m", "waves at everyone"), ("duck", "relayed from the other side"), ("jrand0m", "ok, moving on"),
        ("fidd", "sounds good"), ("duck", "bye now")]
    assert turns(log) is None  # a chat log is the chat layout's


def test_xchat_system_lines_are_nobodys_and_indented_lines_continue():
    log = ("-->\tYou are now talking on #dev\n<nop>\tok\n<mids>\tI have decided to\n\t  resign as developer.\n"
           "<--\twilde has quit (Ping timeout)\n<nop>\tthat is sad\n<mids>\tyes it is\n<hez>\tindeed\n<nop>\tnext\n")
    got = turns(log, Family.CHAT)
    assert ("mids", "I have decided to\n\t  resign as developer.") in got
    assert all("has quit" not in words and "now talking" not in words for _, words in got)


def test_minutes_with_lower_case_nicks_and_continuation_lines():
    doc = ("*Present:* Dan, Mark\n\nmnot: IETF is meeting in Prague next week.\n... Haven't had a call in a while.\n\n"
           "dan: WebRTC, anything there?\n\nmnot: Loath to get involved in that one.\n\n[Cheers]\n\n"
           "dan: Anything to review at this point?\n\nmnot: The protocol document could be reviewed.\n")
    got = turns(doc)
    assert got[0] == ("mnot", "IETF is meeting in Prague next week.\n... Haven't had a call in a while.")
    assert [s for s, _ in got] == ["mnot", "dan", "mnot", "dan", "mnot"]
    assert all("Cheers" not in words for _, words in got)


def test_markdown_bold_labels_in_bullets_and_paragraphs():
    doc = ("### Standup\n\n* **Bert**: reviewed the release plan for next week.\n* **Colin**: mostly triaged issues.\n"
           "* **Bert**: also looked at the build machines.\n* **Colin**: reviewed a few pull requests.\n")
    assert [s for s, _ in turns(doc)] == ["Bert", "Colin", "Bert", "Colin"]


def test_a_gutenberg_play_reads_turn_by_turn_without_its_directions():
    play = ("FIRST ACT\n\n[Lane is arranging afternoon tea on the table, and after the music has\nceased, Algernon "
            "enters.]\n\nAlgernon.  Did you hear what I was playing, Lane?\n\nLane.  I didn't think it polite to "
            "listen, sir.\n\nAlgernon.  [Takes one.]  I'm sorry for that, for your sake.\n\nLane.  Yes, sir.\n\n"
            "Algernon.  And speaking of the science of Life, have you got the cucumber sandwiches?\n")
    assert turns(play) == [
        ("Algernon", "Did you hear what I was playing, Lane?"), ("Lane", "I didn't think it polite to listen, sir."),
        ("Algernon", "I'm sorry for that, for your sake."), ("Lane", "Yes, sir."),
        ("Algernon", "And speaking of the science of Life, have you got the cucumber sandwiches?")]


def test_capital_names_alone_on_their_lines_and_a_scene_heading():
    script = ("INT. KITCHEN - NIGHT\n\nMARA\n(quietly)\nThe kettle is on.\n\nOWEN (V.O.)\nI can hear it from here.\n\n"
              "MARA\nThen come and get a cup.\n\nOWEN (V.O.)\nIn a minute.\n\nFADE OUT.\n")
    assert turns(script) == [("Mara", "The kettle is on."), ("Owen", "I can hear it from here."),
                             ("Mara", "Then come and get a cup."), ("Owen", "In a minute.")]


def test_a_full_label_and_later_surnames_are_one_person():
    debate = ("JAKE TAPPER, CNN MODERATOR: Good evening and welcome to the debate.\n\n"
              "DANA BASH, CNN MODERATOR: The first question goes to you.\n\n"
              "PRESIDENT JOE BIDEN: Thank you, I am glad to be here.\n\nTAPPER: Your time is up, sir.\n\n"
              "BIDEN: Let me finish this point please.\n\nBASH: We will come back to that.\n\n"
              "TAPPER: Next question is on the economy.\n\nBIDEN: The economy is growing again.\n")
    got = turns(debate)
    assert [s for s, _ in got] == ["Jake Tapper", "Dana Bash", "Joe Biden", "Jake Tapper", "Joe Biden", "Dana Bash",
                                   "Jake Tapper", "Joe Biden"]
    page = Page.of(debate)
    thread = LabelledTurns(Family.SPEECH).find(page, LayoutHints())
    short = thread.units[3]
    assert short.evidence[0].clue is Clue.TURN_LABEL and "Jake Tapper" in short.evidence[0].detail
    assert short.confidence < thread.units[0].confidence


def test_a_surname_label_is_tied_to_the_one_listed_speaker_of_that_surname():
    # The witness's husband shares her surname in the prose; the list of speakers names only her.
    hearing = ("HEARING ON THE NOMINATION\nSPEAKERS: SEN. WALTER B. OAKES, R-IOWA, CHAIRMAN\n"
               "WITNESSES: MARGARET ANN HOLLIS, PROFESSOR\n\n"
               "OAKES: Good morning. Our witness today is Dr. Margaret Ann Hollis.\n\n"
               "HOLLIS: Thank you. I have been married to Daniel Hollis for ten years.\n\n"
               "OAKES: Please go on with your statement.\n\nHOLLIS: I was at the house that night.\n")
    got = turns(hearing)
    assert {s for s, _ in got} == {"Walter B. Oakes", "Margaret Ann Hollis"}


def test_two_people_of_one_surname_and_no_list_tie_nothing():
    hearing = ("OAKES: Good morning. We will hear from Margaret Hollis and from Daniel Hollis today.\n\n"
               "HOLLIS: Thank you for having me here this morning.\n\n"
               "OAKES: Please go on with your statement.\n\nHOLLIS: I was at the house that night.\n")
    assert {s for s, _ in turns(hearing)} == {"Oakes", "Hollis"}


def test_a_bare_capital_label_is_tied_by_a_titled_introduction():
    debate = ("COOPER: Joining us on stage, please welcome former Ohio Governor Martin Kettering.\n\n"
              "KETTERING: Thank you, it is good to be here tonight.\n\n"
              "COOPER: Governor, your first answer please.\n\nKETTERING: Taxes are too high.\n")
    assert [s for s, _ in turns(debate)] == ["Cooper", "Martin Kettering", "Cooper", "Martin Kettering"]


def test_a_first_full_label_ties_its_surname_though_the_prose_names_another_of_that_surname():
    hearing = ("OAKES: Good morning. Daniel Hollis is in the room with us.\n\n"
               "MARGARET HOLLIS: Thank you for having me here this morning.\n\n"
               "OAKES: Please go on with your statement.\n\nHOLLIS: I was at the house that night.\n")
    assert [s for s, _ in turns(hearing)] == ["Oakes", "Margaret Hollis", "Oakes", "Margaret Hollis"]


def test_a_briefing_with_offices_and_unnamed_questions():
    doc = ("MS. JEAN-PIERRE: Good afternoon, everyone. Press Secretary Karine Jean-Pierre opens.\n\n"
           "Q    Thank you, Karine. A question on energy prices.\n\n"
           "MS. JEAN-PIERRE: Go ahead, the Secretary is here.\n\n"
           "SECRETARY GRANHOLM: Thank you. Energy Secretary Jennifer Granholm speaking on prices.\n\n"
           "Q    A follow-up on gas, if I may.\n\nSECRETARY GRANHOLM: Prices are falling this month.\n\n"
           "Q    And on oil reserves?\n\nMS. JEAN-PIERRE: We will leave it there today.\n")
    got = turns(doc)
    assert [s for s, _ in got] == ["Karine Jean-Pierre", None, "Karine Jean-Pierre", "Jennifer Granholm", None,
                                   "Jennifer Granholm", None, "Karine Jean-Pierre"]


def test_post_headers_with_the_words_below_and_quotes_named_for_whose_earlier_words_they_are():
    doc = ("# [#49 PR](https://x.test/49) `open`: support env override\n\n"
           "#### [plyr4](https://x.test/plyr4) opened issue at [2025-09-16](https://x.test/49):\n\n"
           "this PR adds an override for the endpoint.\n\n"
           "#### [mattduck](https://x.test/mattduck) commented at [2025-09-17](https://x.test/49#1):\n\n"
           "> this PR adds an override\n\nThanks, looks sensible to me.\n\n"
           "#### [plyr4](https://x.test/plyr4) commented at [2025-09-18](https://x.test/49#2):\n\nGreat, thanks.\n\n"
           "#### [mattduck](https://x.test/mattduck) commented at [2025-09-19](https://x.test/49#3):\n\nMerged it.\n")
    # The quoted line is plyr4's words in mattduck's post: kept (never lost), named for plyr4, whose post above
    # holds them (never mattduck).
    assert turns(doc) == [("plyr4", "this PR adds an override for the endpoint."),
                          ("plyr4", "this PR adds an override"),
                          ("mattduck", "Thanks, looks sensible to me."), ("plyr4", "Great, thanks."),
                          ("mattduck", "Merged it.")]


def test_prose_with_colons_is_no_transcript():
    article = ("Photo: Reuters\n\nThe council met on Monday to discuss the harbour. Note: the vote was close.\n\n"
               "Smith said the plan would cost too much. Dear Sir: I write to complain.\n\n"
               "Update: the council has since replied.\n\nSource: the council minutes.\n")
    letter = "Dear Sir:\n\nI write about the lamp.\n\nYours faithfully,\nAnn Lee\n"
    listing = ("Price: 12 pounds\nColour: red\nSize: medium\n\nPrice: 15 pounds\nColour: blue\nSize: large\n\n"
               "Price: 9 pounds\nColour: green\nSize: small\n")
    novel = ("Yes.  She thought it was late.\n\nNo.  He would not come.\n\nYes.  It was all over now.\n\n"
             "No.  Nothing else would do, and yes, no, they knew it.\n")
    for text in (article, letter, listing, novel):
        assert read_labels(Page.of(text)) is None, text[:30]


def test_an_interview_article_keeps_its_layout_and_names():
    text = ("Ann: Hello there, how are you doing today?\n\nBob: Very well, thank you.\n\n"
            "Ann: And the harbour, how is it?\n\nBob: It is busy as ever these days.\n")
    seg = segment(make_doc(text, path="talk.txt"))
    assert seg.source.kind == "transcript"
    assert [p.speaker for p in seg.passages] == ["Ann", "Bob", "Ann", "Bob"]
    assert all(p.speaker_evidence[0].clue is Clue.TURN_LABEL for p in seg.passages)


def test_keys_that_are_ordinary_words_are_no_voices():
    changelog = ("Added: a new export button for the reports page.\nFixed: the crash when the list is empty.\n"
                 "Added: support for dark mode in settings.\nFixed: slow loading of large files.\n"
                 "Added: keyboard shortcuts for navigation.\nFixed: typos in the help pages.\n")
    # Keys no list foresees, which the page also writes as ordinary words ("the cheese", "this wine").
    menu = ("Cheese: a soft goat's cheese from the hills above the valley.\nWine: a dry white, the wine of the "
            "house.\n\nCheese: an aged hard cheese with a nutty finish.\nWine: a light red served cool, a "
            "summer wine.\n\nCheese: a blue from the cave down the road.\nWine: a sweet wine for dessert.\n")
    for text in (changelog, menu):
        assert read_labels(Page.of(text)) is None, text[:30]


def test_markup_is_no_chat():
    html = "<p> first paragraph of the page </p>\n" * 6
    assert read_labels(Page.of(html)) is None


def test_the_manifests_speaker_pattern_reads_an_odd_transcript():
    text = ">> ANN LEE -- Hello there.\n>> BOB -- Hi Ann.\n>> ANN LEE -- How was the crossing?\n"
    assert turns(text) is None
    page = Page.of(text)
    hints = LayoutHints(speaker_pattern=r"^>> (?P<name>[A-Z ]+?) -- (?P<text>.*)$")
    thread = LabelledTurns(Family.SPEECH).find(page, hints)
    assert [(u.speaker, page.text[u.start:u.end]) for u in thread.units] == [
        ("Ann Lee", "Hello there."), ("Bob", "Hi Ann."), ("Ann Lee", "How was the crossing?")]


def test_a_document_that_says_it_is_a_transcript_needs_no_recurrence():
    text = "Inspector Hale: Where were you when the lamp went out?\nMrs Gray: Making tea for the keeper.\n"
    assert turns(text) is None
    page = Page.of(text)
    thread = LabelledTurns(Family.SPEECH).find(page, LayoutHints(kind=Kind.TRANSCRIPT))
    assert [u.speaker for u in thread.units] == ["Inspector Hale", "Mrs Gray"]


def test_caps_names_with_time_stamps_and_cues():
    text = ("ANN LEE (00:01:02): Good evening and welcome.\n[applause]\nBOB ROE [00:01:09]: Thank you, Ann.\n"
            "ANN LEE: Let us start with the harbour.\n(laughter)\nBOB ROE: Gladly, let us.")
    assert turns(text) == [("Ann Lee", "Good evening and welcome."), ("Bob Roe", "Thank you, Ann."),
                           ("Ann Lee", "Let us start with the harbour."), ("Bob Roe", "Gladly, let us.")]


def test_unnamed_questions_and_answers_get_no_invented_speaker():
    got = turns("Q: Where were you born?\nA: By the sea, near the pier.\nQ: And after that?\nA: Inland, sadly.")
    assert len(got) == 4 and {s for s, _ in got} == {None}


def test_an_interview_names_q_and_a_from_its_header_fields():
    page = Page.of("Q: Where were you born?\nA: By the sea, near the pier.\nQ: And after that?\nA: Inland, sadly.")
    page.fields.update({"interviewer": "Leo Marsh", "interviewee": "Sofia Brandt"})
    thread = LabelledTurns(Family.SPEECH).find(page, LayoutHints())
    assert [u.speaker for u in thread.units] == ["Leo Marsh", "Sofia Brandt", "Leo Marsh", "Sofia Brandt"]


def test_prose_with_a_colon_or_two_and_headings_in_capitals_are_no_transcript():
    notes = ("The plan has three parts.\nNote: the first is the hardest.\nWe start in May and finish by the "
             "autumn, weather permitting, with the second part.\nUpdate: the council agreed.\n")
    report = ("SUMMARY\nThe pier reopens in May.\n\nBACKGROUND\nIt closed after the storm.\n\n"
              "COSTS\nRepairs came to two million.\n\nNEXT STEPS\nA survey in the spring.\n")
    assert turns(notes) is None and turns(report) is None


def test_names_alone_above_the_words_in_capitals_or_with_a_colon():
    caps = ("MARA QUILL\nWelcome back.\nMy guest is Ruairi Bell.\n\nRUAIRI BELL\nThe pager goes at any hour.\n\n"
            "MARA QUILL\nAnd your family?\n\nRUAIRI BELL\nThey sleep through it now.\n")
    assert turns(caps) == [("Mara Quill", "Welcome back.\nMy guest is Ruairi Bell."),
                           ("Ruairi Bell", "The pager goes at any hour."), ("Mara Quill", "And your family?"),
                           ("Ruairi Bell", "They sleep through it now.")]
    colons = caps.replace("MARA QUILL\n", "Mara Quill:\n").replace("RUAIRI BELL\n", "Ruairi Bell:\n")
    assert [s for s, _ in turns(colons)] == ["Mara Quill", "Ruairi Bell", "Mara Quill", "Ruairi Bell"]


def test_caps_names_take_the_casing_used_elsewhere():
    assert person_name("OWEN MCDONALD", ["Owen McDonald"]) == "Owen McDonald"
    assert person_name("OWEN PETRIE") == "Owen Petrie" and person_name("Dr. Ann Lee") == "Dr. Ann Lee"


def test_a_few_lines_that_start_like_labels_in_a_long_text_are_prose():
    prose = "The rain kept on through the evening and nobody went out to the harbour.\n" * 60
    lines = ("Charlotte. She had never seen the sea so grey.\n", "Lucas. He came home late and tired.\n")
    novel = prose + lines[0] + prose + lines[1] + prose + lines[0] + prose + lines[1] + prose + lines[0] + lines[1]
    assert read_labels(Page.of(novel)) is None


def test_code_in_fences_is_no_conversation():
    code = "report: BuildReport | None = None\nencoder: Encoder = field()\n" * 5
    doc = "# Settings\n\nThe fields:\n\n```python\n" + code + "```\n\nThat is all there is to it.\n"
    assert read_labels(Page.of(doc)) is None


def test_irssi_weechat_and_bridged_logs():
    irssi = ("12:00 -!- ann [~ann@host] has joined #dev\n12:00 < ann> morning all, is the build green?\n"
             "12:01 <@bob> it is, since last night\n12:02 < ann> great, I will tag the release\n"
             "12:03 <@bob> go ahead, I will watch the mirrors\n12:04 -!- cy is now known as cyril\n")
    weechat = ("2023-01-01 12:00:00\t-->\tann (~ann@host) has joined #dev\n2023-01-01 12:00:05\tann\tmorning all\n"
               "2023-01-01 12:01:00\t@bob\tmorning, the build is green\n2023-01-01 12:02:00\tann\tgreat, tagging now\n"
               "2023-01-01 12:03:00\t@bob\tgo ahead\n")
    for log in (irssi, weechat):
        got = turns(log, Family.CHAT)
        assert [s for s, _ in got] == ["ann", "bob", "ann", "bob"], got
        assert not any("joined" in words or "known as" in words for _, words in got)


def test_a_mail_digest_reads_each_message_as_its_senders_and_a_quotation_as_its_authors():
    digest = ("Today's Topics:\n\n   1. Re: Pruning day (Ruth Amadi)\n\n" + "-" * 40 + "\n\nMessage: 1\n"
              "Date: Sat, 03 Feb 2024 09:15:00 +0000\nFrom: Ruth Amadi <ruth@example.net>\nTo: orchard@example.net\n"
              "Subject: Pruning day\n\nThe pruning day moves to the 17th because of the frost.\n\n" + "-" * 40 +
              "\n\nMessage: 2\nDate: Sat, 03 Feb 2024 11:30:00 +0000\nFrom: Ken Osei <ken@example.net>\n"
              "To: orchard@example.net\nSubject: Re: Pruning day\n\nOn Sat, 3 Feb 2024, Ruth Amadi wrote:\n"
              "> The pruning day moves to the 17th because\nof the frost.\n\nI can bring two more pairs of loppers.\n\n"
              + "-" * 40 + "\n\nMessage: 3\nDate: Sun, 04 Feb 2024 08:00:00 +0000\n"
              "From: maya@example.net (Maya Lind)\nSubject: Re: Pruning day\n\nCount me in for the 17th.\n\n"
              + "-" * 40 + "\n\nMessage: 4\nDate: Sun, 04 Feb 2024 09:00:00 +0000\n"
              "From: Ruth Amadi <ruth@example.net>\nSubject: Re: Pruning day\n\nThank you both, see you there.\n")
    assert turns(digest) == [("Ruth Amadi", "The pruning day moves to the 17th because of the frost."),
                             ("Ruth Amadi", "> The pruning day moves to the 17th because\nof the frost."),
                             ("Ken Osei", "I can bring two more pairs of loppers."),
                             ("Maya Lind", "Count me in for the 17th."),
                             ("Ruth Amadi", "Thank you both, see you there.")]


def test_joint_and_doubled_labels_and_an_old_plays_numbered_speakers():
    minutes = ("dan: shall we review the draft today?\n\nmnot: yes, I read it this morning.\n\n"
               "alex, wseltzer: we will help with the review.\n\ndan: good, then it is settled.\n\n"
               "mnot: I will send notes tonight.\n\ndan: mnot: sorry, that was me again.\n")
    got = turns(minutes)
    assert ("dan", "shall we review the draft today?") in got and (None, "we will help with the review.") in got
    assert got[-1] == ("mnot", "sorry, that was me again.")
    play = ("Macb. So foule and faire a day I haue not seene.\n  Banq. How farre is't call'd to Soris?\n"
            "  1. All haile Macbeth, haile to thee Thane of Glamis.\n"
            "  Macb. Stay you imperfect Speakers, tell me more.\n"
            "  King. Whence cam'st thou, worthy Thane, and what news?\n"
            "  Banq. Were such things here, as we speake about?\n"
            "  Macb. Your Children shall be Kings, and more besides.\n"
            "  King. The king is dead and the king was good.\n")
    got = turns(play)
    assert [s for s, _ in got] == ["Macb", "Banq", None, "Macb", None, "Banq", "Macb", None]


def test_a_name_with_a_stage_direction_before_the_words():
    play = ("ALGERNON [stiffly] I believe it is customary in good society.\n\nLANE [at the door] Yes, sir.\n\n"
            "ALGERNON. Lane, you're a perfect pessimist.\n\nLANE (gravely). I do my best to give satisfaction.\n\n"
            "ALGERNON [reading]. Quite a little epigram, that.\n")
    assert turns(play)[:4] == [("Algernon", "I believe it is customary in good society."), ("Lane", "Yes, sir."),
                               ("Algernon", "Lane, you're a perfect pessimist."),
                               ("Lane", "I do my best to give satisfaction.")]
    title_case = ("Algernon [reading]. Quite a little epigram, that.\n\nLane. Yes, sir, I thought so myself.\n\n"
                  "Algernon. And the cucumber sandwiches, Lane?\n\nLane (gravely). There were no cucumbers, sir.\n")
    assert [s for s, _ in turns(title_case)] == ["Algernon", "Lane", "Algernon", "Lane"]


def test_an_exchange_quoted_inside_an_article_leaves_the_article_prose():
    exchange = ("Ann: Is the pier safe this winter?\n\nBob: It is, the engineers said so in May.\n\n"
                "Ann: And the lamp at the end of it?\n\nBob: Fixed last week, and tested twice.\n\n")
    narration = "The council will meet again in March to decide on the budget for the harbour wall.\n\n" * 12
    assert read_labels(Page.of(exchange)) is not None
    assert read_labels(Page.of("Harbour news\n\n" + exchange + narration)) is None


def test_an_exported_room_with_worded_dates_before_the_names():
    room = ("Thu, Jan 5 2023, 10:00 - Alice: Morning, is the release branch cut yet?\n"
            "Thu, Jan 5 2023, 10:02 - Bob Stone: Not yet, waiting on two reviews.\n"
            "Thu, Jan 5 2023, 10:03 - Carol Wu joined the room\n"
            "Thu, Jan 5 2023, 10:05 - Alice: I can take one of them now.\n"
            "Thu, Jan 5 2023, 10:07 - Bob Stone: Thanks, the other is nearly done.\n")
    assert turns(room) == [("Alice", "Morning, is the release branch cut yet?"),
                           ("Bob Stone", "Not yet, waiting on two reviews."),
                           ("Alice", "I can take one of them now."), ("Bob Stone", "Thanks, the other is nearly done.")]


def test_a_page_of_only_labels_gives_no_name_the_next_labels_line():
    """Each label alone had the next label below it as its "words": the last ``BOB:`` was quoted as Ann's."""
    for text in ("ANN:\nBOB:\nANN:\nBOB:\nANN:\nBOB:\n", "Ann:\nBob:\nAnn:\nBob:\nAnn:\nBob:\n",
                 "HAMLET\nHORATIO\nHAMLET\nHORATIO\nHAMLET\nHORATIO: and so on"):
        passages = segment(make_doc(text)).passages
        assert all(p.speaker is None for p in passages), [(p.speaker, p.text) for p in passages]


def test_a_short_exchange_quoted_mid_article_does_not_hand_the_narration_after_it_to_the_last_speaker():
    """Five formally written turns inside a reported article passed as a short record, which skipped the spread
    and tail checks: the four paragraphs of narration after them were quoted as the mayor's."""
    before = [f"The council met on Tuesday to discuss item {i} of the harbour plan, and residents listened." for i in
              range(8)]
    exchange = ["MAYOR LEE: We will fund the harbour wall this year, I promise you.",
                "COUNCILLOR RAY: With what money, may I ask the mayor?",
                "MAYOR LEE: With the reserve fund that we set aside last spring.",
                "COUNCILLOR RAY: That fund is already spent on the school roof.",
                "MAYOR LEE: Then we will find the money somewhere else, as always."]
    after = [f"After the meeting, residents said point {i} of the plan left them worried about the storms." for i in
             range(4)]
    text = "Harbour wall row\n\nBy Jo Bloggs\n\n" + "\n\n".join([*before, "\n".join(exchange), *after]) + "\n"
    for p in segment(make_doc(text)).passages:
        assert "After the meeting" not in p.text or p.speaker in (None, "Jo Bloggs"), (p.speaker, p.text)


def test_a_label_in_capitals_beyond_ascii_is_title_cased_like_any_other():
    """``ANN LEE:`` was Ann Lee but ``ÉMILE ZOLA:`` stayed in capitals: only A–Z counted as a capital."""
    assert person_name("ÉMILE ZOLA") == "Émile Zola"
    assert person_name("МИХАИЛ ГОРБАЧЁВ") == "Михаил Горбачёв"
    text = ("ÉMILE ZOLA: Je suis là pour parler de la ville.\nŁUKASZ NOWAK: Dobrze, mów dalej, słucham.\n"
            "ÉMILE ZOLA: Merci beaucoup mon ami, vraiment.\nŁUKASZ NOWAK: Proszę bardzo, kolego, mów.\n")
    assert {s for s, _ in turns(text)} == {"Émile Zola", "Łukasz Nowak"}


@pytest.mark.timeout(60)
def test_a_record_of_thousands_of_labels_is_read_in_one_pass_per_question():
    """Each label looked its written form up among all the hits and searched the whole text for itself in lower
    case: 5,000 labels in 440 kB took minutes. Counted once per page, it is a pass or two."""
    rng = random.Random(1)
    names = ["K" + "".join(rng.choices(string.ascii_lowercase, k=7)) for _ in range(5000)]
    lines = [f"{name}: we said a few words about it here" for name in names for _ in range(2)]
    rng.shuffle(lines)
    reading = read_labels(Page.of("\n".join(lines) + "\n"))
    assert reading is not None and len(reading.turns) == len(lines)


def test_a_tab_separated_table_is_no_chat_log():
    """``word<TAB>words`` without a time stamp is a table's row: its first column was read as chat nicks."""
    table = ("Sales by region\n\nnorth\t120 units sold in march\nsouth\t95 units sold in march\n"
             "north\t130 units sold in april\nsouth\t80 units sold in april\nnorth\t140 units sold in may\n"
             "south\t85 units sold in may\n")
    assert turns(table, Family.CHAT) is None
    assert all(p.speaker is None for p in segment(make_doc(table)).passages)


@pytest.mark.timeout(60)
def test_labels_in_capitals_find_their_spelling_in_the_prose_by_lookup():
    """Each label in capitals searched every name the prose spells for its own spelling: 20,000 labels took
    minutes. Looked up, they take seconds, and ``KABC MCDONALD`` still takes the page's ``Kabc McDonald``."""
    rng = random.Random(2)
    names = ["K" + "".join(rng.choices(string.ascii_uppercase, k=7)) for _ in range(20000)]
    lines = [f"{name}: we told Ann Lee{name} and Bob Ray about it" for name in names for _ in range(2)]
    text = "\n".join(["We met Kabcdefg McDonald.", *lines, "KABCDEFG MCDONALD: and so I said it too."]) + "\n"
    reading = read_labels(Page.of(text))
    assert reading is not None and len(reading.turns) == len(lines) + 1
    assert reading.turns[-1].speaker == "Kabcdefg McDonald"  # as the prose spells it, not "Mcdonald"


def test_a_bouncers_line_with_no_nick_ends_the_message_before_it():
    """``<***> Playback Complete.`` has no name in its brackets: it was read as a line of bob's message."""
    log = ("<***> Buffer Playback...\n<ann> hi there\n<bob> hello ann\n<ann> how are you\n<bob> fine thanks\n"
           "<***> Playback Complete.\n")
    assert turns(log, Family.CHAT) == [("ann", "hi there"), ("bob", "hello ann"), ("ann", "how are you"),
                                       ("bob", "fine thanks")]


def test_a_direction_left_open_ends_at_the_next_label():
    """``[inaudible`` never closed: every line after it, labels too, was skipped as one long direction."""
    text = ("ANN LEE: Hello there, welcome to the show today.\nBOB RAY: Thanks for having me on the show.\n"
            "[inaudible\nANN LEE: So tell us about the harbour wall plan.\nBOB RAY: We will build it next spring.\n"
            "ANN LEE: And who pays for it in the end?\nBOB RAY: The council and the port, together.\n")
    got = turns(text)
    assert got is not None and len(got) == 6 and got[-1] == ("Bob Ray", "The council and the port, together.")
    assert all("inaudible" not in words for _, words in got)


def test_a_chinese_transcript_with_full_width_colons_is_read_turn_by_turn():
    """``张伟：你好`` (a full-width colon, no space) was no label, and a line of ideographs counted as one word, so
    every turn looked like a field's value."""
    text = ("张伟：你好，今天怎么样？\n李娜：很好，谢谢你的关心。\n张伟：那太好了，我很高兴。\n"
            "李娜：你呢，这周过得怎么样？\n")
    assert turns(text) == [("张伟", "你好，今天怎么样？"), ("李娜", "很好，谢谢你的关心。"),
                           ("张伟", "那太好了，我很高兴。"), ("李娜", "你呢，这周过得怎么样？")]
    fields = ("作者：张伟\n时间：2023年\n地点：北京\n作者：李娜\n时间：2024年\n地点：上海\n\n"
              "今天我们去了公园，天气很好。\n")
    assert turns(fields) is None  # header fields say a value, not something


def test_a_parenthesis_over_lines_of_verse_is_the_speakers_words_and_a_direction_is_nobodys():
    """A bracket opening a line is a direction over several lines only when its closing mark ends a line: closed
    inside a line with words after it, it is a parenthesis in the speech (seven lines of Macbeth were lost)."""
    text = ("CAPTAIN. Doubtfull it stood, the mercilesse Macdonwald\n(Worthie to be a Rebell, for to that\n"
            "The multiplying Villanies of Nature\nDoe swarme vpon him) from the Westerne Isles\n"
            "Of Kernes and Gallowgrosses is supply'd.\n\nKING. Dismay'd not this our Captaines?\n\n"
            "CAPTAIN. Yes, as Sparrowes, Eagles.\n(Alarum within, and the King\nturns to Rosse.)\n\n"
            "KING. So well thy words become thee.\n")
    got = turns(text)
    assert got is not None
    assert got[0] == ("Captain", text[text.index("Doubtfull"):text.index(".\n\nKING")] + ".")
    assert all("Alarum" not in words for _, words in got)


def test_a_label_seen_once_that_names_nobody_keeps_the_words_after_it():
    """``Lenox.`` once, in a play whose labels are ``Macb.`` and ``Banq.``: a heading's shape, naming nobody, but
    the words after it on its line are still someone's (they were lost)."""
    text = ("Macb. So foule and faire a day I haue not seene.\n\nBanq. How farre is't call'd to Soris?\n\n"
            "Macb. Speake if you can: what are you?\n\nBanq. Good Sir, why doe you start?\n\n"
            "Lenox. What a haste lookes through his eyes?\n\nMacb. Stay you imperfect Speakers, tell me more.\n\n"
            "Banq. The Earth hath bubbles, as the Water ha's.\n")
    got = turns(text)
    assert got is not None
    assert (None, "What a haste lookes through his eyes?") in got


def test_a_transcription_services_labels_with_times_and_a_meter_line_under_each():
    doc = ("Full Transcript\n"
           "Ann Rivera 00:00:00-00:00:04 (4 sec)\nNo Signal (0)\nWelcome back to the show, Mayor.\n"
           "Tom Okafor 00:00:04-00:00:09 (5 sec)\nNo Signal (0.412)\nThank you, it is good to be here.\n"
           "Ann Rivera 00:00:09-00:00:15 (6 sec)\nNo Signal (0)\nLet us start with the budget.\n"
           "Tom Okafor 00:00:15-00:00:30 (15 sec)\nNo Signal (0.207)\nThe budget is balanced this year.\n"
           "Tom Okafor 00:00:30-00:00:41 (11 sec)\nNo Signal (0.9)\nAnd the parks get more than last year.\n")
    got = turns(doc)
    assert [s for s, _ in got] == ["Ann Rivera", "Tom Okafor", "Ann Rivera", "Tom Okafor", "Tom Okafor"]
    assert got[3][1] == "The budget is balanced this year."  # the meter's reading is the label's, nobody's words
    assert all("Signal" not in words for _, words in got)


def test_otter_style_speakers_with_start_times_and_their_words_below():
    doc = ("Speaker 1  0:03\nSo the first thing is the venue.\n\nMaria Lopez  0:09\nWe booked the library.\n\n"
           "Speaker 1  0:15\nGreat, and the date?\n\nMaria Lopez  0:21\nThe second Friday of May.\n")
    assert turns(doc) == [("Speaker 1", "So the first thing is the venue."), ("Maria Lopez", "We booked the library."),
                          ("Speaker 1", "Great, and the date?"), ("Maria Lopez", "The second Friday of May.")]


def test_a_line_of_words_repeated_under_a_few_labels_is_still_someones():
    doc = ("ANN\nYes.\n\nBEN\nWhere were you last night?\n\nANN\nYes.\n\nBEN\nAt the station?\n\nANN\nYes.\n\n"
           "BEN\nAlone?\n\nANN\nNo, with my brother.\n\nBEN\nAnd then?\n\nANN\nWe went home.\n\nBEN\nGood.\n\n"
           "ANN\nYes.\n\nBEN\nThat is all.\n")
    got = turns(doc)
    assert got.count(("Ann", "Yes.")) == 4  # a short reply she gives often is hers, not the label's furniture


def test_an_export_that_stamps_every_line_keeps_the_stamps_out_of_the_words():
    """Re-published Otter exports stamp every line with the same time (``0:00 Ann Lee  00:00`` over ``0:00
    Hello``), a blank line between: the label alone is read, and the words start after their line's stamp."""
    doc = ("0:00 Ann Lee  00:00\n\n0:00 Welcome back to the budget hour.\n\n"
           "0:00 Tom Ruiz  00:07\n\n0:00 Thanks, glad to be here again.\n\n"
           "0:00 Ann Lee  00:12\n\n0:00 Where do the parks stand this year?\n\n"
           "0:00 Tom Ruiz  00:20\n\n0:00 They get more than last year.\n")
    assert turns(doc) == [("Ann Lee", "Welcome back to the budget hour."),
                          ("Tom Ruiz", "Thanks, glad to be here again."),
                          ("Ann Lee", "Where do the parks stand this year?"),
                          ("Tom Ruiz", "They get more than last year.")]


def test_a_transcription_label_in_bold_with_its_time_is_no_bold_label_whose_words_are_a_clock():
    doc = ("**Emma**  0:00  \nToday we talk about systems design.\n\n**Kelly**  0:24  \nWelcome to the show.\n\n"
           "**Emma**  0:32  \nLet us start with load balancing.\n\n**Kelly**  0:46  \nSounds good to me.\n")
    assert [s for s, _ in turns(doc)] == ["Emma", "Kelly", "Emma", "Kelly"]


def test_a_voice_the_service_could_not_tell_is_a_turn_of_nobody_named():
    """``Unknown Speaker`` is Otter's label for every voice it did not identify: different people in one document,
    so a boundary, never a name; a numbered voice (``Speaker 2``) is one voice throughout and keeps its label."""
    doc = ("Maria Lopez  0:00\nSo the first thing is the venue.\n\nUnknown Speaker  0:05\nWe booked the library.\n\n"
           "Maria Lopez  0:09\nGreat, and the date?\n\nUnknown Speaker  0:14\nThe second Friday of May.\n\n"
           "Speaker 2  0:20\nAnd the caterer is confirmed.\n\nSpeaker 2  0:26\nFor sixty people.\n")
    got = turns(doc)
    assert [s for s, _ in got] == ["Maria Lopez", None, "Maria Lopez", None, "Speaker 2", "Speaker 2"]
    assert ("None", "We booked the library.") not in got and (None, "We booked the library.") in got


def test_a_video_calls_saved_chat_pasted_into_minutes_is_read_message_by_message():
    """``18:56:12 From Ann Lee to Everyone : words``: the sender, never the addressee; a sender seen once is one; the
    minutes around the pasted chat are nobody named's, and a stamped line naming nobody ends at its own line."""
    doc = ("## 03.07.2021 - Datasets\nWe discussed the soil databases and the image tiles.\n\n<details>\n"
           "    18:56:12 From Ann Lee to Everyone : https://example.org/soil<br>\n"
           "    19:06:40 From tom ruiz to Everyone : the reads are here<br>\n"
           "    19:09:49 From Dan Wu to Everyone : ViT<br>\n    19:28:32 From Dan Wu to Everyone : Attention<br>\n"
           "    19:30:01 From Dan Wu to Everyone : pixel = [1,2,3]<br>\n"
           "    19:31:02 From Dan Wu to Ann Lee(Direct Message) : see you later<br>\n</details>\n\n"
           "[6:59 PM] <br>\n    config = load(path)<br>\n\nNext meeting: 17.07.2021\n")
    got = turns(doc, Family.CHAT)
    assert [s for s, _ in got if s] == ["Ann Lee", "tom ruiz", "Dan Wu", "Dan Wu", "Dan Wu", "Dan Wu"]
    assert ("Dan Wu", "see you later<br>") in got and not any(s == "Everyone" for s, _ in got)
    assert any(s is None and "config = load(path)" in words for s, words in got)  # not the system line's to drop


def test_a_bloggers_bracketed_gloss_under_each_quoted_line_is_nobodys_and_comments_close_the_record():
    """A post quoting a hearing line by line (``**ANN LEE (R):** words``), each line glossed in brackets and
    emphasis in the senator's voice (``[_What I mean: …_]``, long, with links): the gloss is the blogger's, never
    the senator's. The comment thread after a heading closes the record, however long it runs: its comments are
    their commenters' (each header the permalink's date over the name), never the last senator's."""
    gloss = ("[_What I mean is that I have not read them, and I will not, whatever the [record](http://example.org)"
             " says._]")
    doc = ("## A brief translation of the hearing\n\n"
           f"**ANN LEE (R):** I have read your speeches several times.\n\n{gloss}\n\n"
           "**BO DIAZ (D):** Do you think the statute is clear?\n\n[_I have not read it._]\n\n"
           "**ANN LEE (R):** Is there anything in it about the first trimester?\n\n[_Because I wasn't kidding._]\n\n"
           "**BO DIAZ (D):** Let us talk about the firefighters case.\n\n(_[x-posted](http://example.org/a)._)\n\n"
           "[](https://example.com/about-these-ads/)\n\n### 5 comments\n\n"
           + "".join(f"[July {d}, 2009 at 8:22 pm](http://example.org/#c{d})\n\n**reader{d}**\n\n"
                     f"Thanks for this, it made my day number {d}.\n\nI could not watch it myself.\n\n"
                     for d in range(5)))
    got = turns(doc)
    assert [s for s, _ in got if s] == ["Ann Lee", "Bo Diaz", "Ann Lee", "Bo Diaz", *(f"reader{d}" for d in range(5))]
    assert not any("What I mean" in words or "x-posted" in words or "about-these-ads" in words
                   for s, words in got if s)


def test_an_official_records_labels_are_read_however_long_the_speeches_and_a_reading_is_not_the_speakers():
    """The Congressional Record's typography (``Mr. WARNER.``, ``The PRESIDING OFFICER.``): speeches run for pages,
    few labels among many lines, still a record. ``SEC. 1404.`` in a text read into it names nobody, and what
    follows ``… read as follows:`` is read, not the last speaker's own words: the clerk's, where the record says the
    clerk reads it, else nobody's named."""
    speech = "".join(f"the committee worked on part {i} of the bill with care and in good faith\n" for i in range(150))
    doc = ("  The PRESIDING OFFICER. Under the previous order, the clerk will report the bill.\n"
           "  The assistant legislative clerk read as follows:\n       A bill to authorize appropriations.\n"
           f"  Mr. WARNER. Mr. President, I rise regarding the pending bill.\n{speech}"
           "  Mr. LEVIN. The glory days.\n  Mr. WARNER. Mr. President, I have the floor.\n"
           "  The PRESIDING OFFICER. The Senator from Michigan is recognized.\n"
           f"  Mr. LEVIN. Mr. President, I join with the chairman.\n{speech}[[Page S8540]]\n{speech}"
           "  The Chairman testified before our committee the following:\n"
           "       When you join the military, you join the military.\n"
           "  SEC. 1404. NAVY AND MARINE CORPS PROCUREMENT.\n"
           "  Mr. WARNER. Mr. President, I concur in those observations.\n"
           "  Mr. MILLER of Florida. Mr. President, so do I, and I thank the chairman.\n"
           "  The PRESIDING OFFICER. Without objection, it is so ordered.\n")
    got = turns(doc)
    named = [s.removeprefix("Mr. ") for s, _ in got if s]  # the title is kept or not, the person is the same
    assert named == ["The PRESIDING OFFICER", "assistant legislative clerk", "WARNER", "LEVIN", "WARNER",
                     "The PRESIDING OFFICER", "LEVIN", "LEVIN",  # the page marker splits Levin's speech
                     "WARNER", "MILLER of Florida", "The PRESIDING OFFICER"]
    assert ("assistant legislative clerk", "A bill to authorize appropriations.") in got
    assert not any(s and "join the military" in words for s, words in got)
    assert not any("[[Page" in words for _, words in got)  # the page marker is the record's, nobody's words


def test_call_notes_with_bold_names_over_blank_lines_and_the_newer_call_chat_below_them():
    """Markdown call notes: ``**Mikhail Kalinin**`` alone (a trailing space at times), a blank line, the speech;
    then the call's chat in the newer export, the header alone as a list item (``- 07:58:13 From  Ann Lee  to
    Everyone:``), the message indented below. A sender's lower-case handle (``danny``) in the chat headers is no
    use of a word that would make the notes' ``**Danny**`` an ordinary word."""
    doc = ("# Merge call 7\n\n**Mikhail Kalinin** \n\nWelcome everyone to the call number 7.\n\n**Danny**\n\n"
           "Very nice, how do we test the harder scenarios?\n\n**Mikhail Kalinin**\n\n"
           "With a simulation of the network.\n\n"
           "**Danny**\n\nWe could write fork choice tests for that.\n\n## Zoom chat\n"
           "- 07:58:13 From  Mikhail Kalinin  to  Everyone:\n    Starting in 5 minutes\n"
           "- 07:59:32 From  Gary Schulte  to  Everyone:\n    Have a link to the client?\n"
           "- 08:03:50 From  danny  to  Everyone:\n    https://github.com/ethereum/pm/issues/345\n"
           "- 08:45:56 From  danny  to  Everyone:\n    yeah, rebase onto it\n")
    got = turns(doc)
    assert [s for s, _ in got if s] == ["Mikhail Kalinin", "Danny", "Mikhail Kalinin", "Danny", "Mikhail Kalinin",
                                        "Gary Schulte", "danny", "danny"]
    assert ("Mikhail Kalinin", "Starting in 5 minutes") in got


def test_a_speech_that_starts_with_a_time_keeps_it_when_the_export_stamps_no_line():
    doc = ("Speaker 1  0:03\n10:30 is when the doors open.\n\nMaria Lopez  0:09\nWe booked the library.\n\n"
           "Speaker 1  0:15\nGreat, and the date?\n\nMaria Lopez  0:21\nThe second Friday of May.\n")
    assert turns(doc)[0] == ("Speaker 1", "10:30 is when the doors open.")


def test_a_label_alone_is_no_full_name_and_a_dash_inside_a_bold_label_is_no_part_of_the_name():
    """``- 09:13:58 From  JHM  to  Everyone:`` gave "From JHM" as the one full name ending in JHM; ``**Danny Ryan
    (9:02) -** words`` gave "Danny Ryan -"."""
    chat = "".join(f"- 09:1{i}:58 From  JHM  to  Everyone:\n\tquestion number {i} about the fallback\n\n"
                   for i in range(3)) + "- 09:20:00 From  pari  to  Everyone:\n\tall links are in the doc\n"
    assert [s for s, _ in turns(chat)] == ["Jhm", "Jhm", "Jhm", "pari"]  # initials in capitals, title-cased
    notes = ("**Danny Ryan (9:02) -** Welcome to call number 92, the agenda is in the chat.\n\n"
             "**Paul Hauner (9:05) -** Lighthouse is ready for the shadow fork.\n\n"
             "**Danny Ryan (9:07) -** Great, any other client updates today?\n\n"
             "**Paul Hauner (9:08) -** Nothing else from our side this week.\n")
    assert [s for s, _ in turns(notes)] == ["Danny Ryan", "Paul Hauner", "Danny Ryan", "Paul Hauner"]


HEARING = ("**ANN LEE:** I want to go back through the record of your speeches today.\n\n"
           "**BO KIM:** I have read them all, and I stand by every one of them.\n\n"
           "**ANN LEE:** You have always found a legal basis for every decision?\n\n"
           "**BO KIM:** I have tried to, in every case that came before me.\n\n")


def _comment(when: str, name: str, words: str) -> str:
    return f"[{when}](https://example.org/post/#comment-1)\n\n{name}\n\n\t\t\n\n\t\n\n{words}\n\n\t\t\n\n"


def test_a_blogs_comment_headers_date_over_name_are_turns_of_commenters_who_write_once():
    doc = HEARING + "## 4 comments\n\n" + "".join([
        _comment("July 14, 2009 at 8:22 pm", "**Russell60**", "Thanks for the public service, friend."),
        _comment("July 15, 2009 at 6:04 am", "**rea**", "What an odd question that was to ask her."),
        _comment("July 15, 2009 at 9:50 am", "**[Scott K](http://example.org/)**", "Do they pay in money for this?"),
        _comment("July 15, 2009 at 9:59 am", "human", "Would this require giving a crap about baseball?")])
    got = turns(doc)
    assert ("Russell60", "Thanks for the public service, friend.") in got
    assert ("rea", "What an odd question that was to ask her.") in got
    assert ("Scott K", "Do they pay in money for this?") in got
    assert ("human", "Would this require giving a crap about baseball?") in got
    assert all("2009" not in words for _, words in got)  # the permalink's date is the header's, nobody's words


def test_dates_over_short_lines_without_a_comment_section_are_no_comments():
    doc = HEARING + "".join(_comment(f"July {d}, 2009", "Went fishing", "Caught nothing at all that day, again.")
                            for d in (14, 15, 16, 17))
    assert all(speaker != "Went fishing" for speaker, _ in turns(doc) or [])


def test_a_speakers_label_in_another_markup_inside_a_comment_is_no_commenters_words():
    doc = HEARING + "## 2 comments\n\n" + "".join([
        _comment("July 15, 2009 at 9:50 am", "**dora**",
                 "BO KIM: I have tried to, in every case that came before me.\n\nIsn’t that a dodge, though?"),
        _comment("July 15, 2009 at 9:52 am", "**rea**", "What, you’re going to skip the baseball testimony?"),
        _comment("July 15, 2009 at 9:59 am", "**dora**", "Would this require caring about baseball?"),
        _comment("July 15, 2009 at 10:41 am", "**rea**", "We need to elect her bureau chief.")])
    got = turns(doc)
    assert ("dora", "Isn’t that a dodge, though?") in got
    assert all(not (speaker == "dora" and "BO KIM" in words) for speaker, words in got)


def test_a_paragraph_wholly_quoted_after_a_colon_is_not_the_speakers_even_with_nested_marks():
    doc = HEARING + ("**ANN LEE:** What an odd question. What he told the President in a memo was:\n\n"
                     "“A judge who is a “strict constructionist” will not favour claims of criminal defendants”\n\n"
                     "That is probably not the answer the senator wanted.\n")
    got = turns(doc)
    assert all(not (speaker == "Ann Lee" and "strict" in words) for speaker, words in got)
    assert ("Ann Lee", "That is probably not the answer the senator wanted.") in got


def test_a_records_wrapped_sentence_ending_a_line_before_a_capital_word_is_no_label():
    speech = "  Mr. {0}. Mr. President, I rise today to speak about the fleet we have.\n"
    doc = "".join(speech.format(n) for n in ("WARNER", "LEVIN", "WARNER", "LEVIN", "WARNER")) + (
        "  The Navy has fewer ships than at any time since before World War\n"
        "II. That is before December 7, 1941, and it is a long time ago.\n"
        "  Mr. LEVIN. I thank my friend from Virginia for those words.\n")
    got = turns(doc)
    warner = [words for speaker, words in got if speaker and "WARNER" in speaker.upper()]
    assert any("II. That is before" in words for words in warner)


def test_a_roll_call_merged_into_one_turn_is_cut_at_each_voice_and_named_only_by_a_label():
    """``I'm Kelly. I'm Allie. And I'm Emma.`` under one label: three voices. "Emma" is one of the document's
    labels, so her piece is hers; "Allie" is none, so her piece is nobody's named; nothing stays the label's."""
    doc = ("**Emma**  0:00  \nToday we talk about systems design interviews and how to pass them.\n\n"
           "**Kelly**  0:24  \nWelcome to the podcast. I'm Kelly. I'm Allie. And I'm Emma. And we're debugging it.\n\n"
           "**Emma**  0:32  \nHey, Kelly, have you heard about this new tool for deploying apps?\n\n"
           "**Kelly**  0:40  \nNo, tell me about it, I have not heard of it before.\n\n"
           "**Emma**  0:48  \nIt is a suite of services for building full stack applications.\n")
    got = turns(doc)
    assert ("Kelly", "Welcome to the podcast. I'm Kelly.") in got
    assert (None, "I'm Allie.") in got
    assert ("Emma", "And I'm Emma. And we're debugging it.") in got


def test_one_voice_introducing_itself_stays_one_turn():
    doc = ("**Emma**  0:00  \nHi, I'm Emma, and today we talk about interviews.\n\n"
           "**Kelly**  0:24  \nThanks. I'm Kelly. My friend Ali could not join us today.\n\n"
           "**Emma**  0:32  \nHey, Kelly, have you heard about this new tool for deploying apps?\n\n"
           "**Kelly**  0:40  \nNo, tell me about it, I have not heard of it before.\n")
    got = turns(doc)
    assert ("Kelly", "Thanks. I'm Kelly. My friend Ali could not join us today.") in got


def test_a_turn_under_no_name_that_opens_with_its_full_name_is_that_voices():
    doc = ("0:00 Michael Kennedy  00:00\n\n0:00 Hello and welcome to the show, this is episode ten today.\n\n"
           "0:00 Unknown Speaker  00:10\n\n0:00 And I am Brian Aachen.\n\n"
           "0:00 Michael Kennedy  00:13\n\n0:00 Welcome, great to have you here with us.\n\n"
           "0:00 Unknown Speaker  00:15\n\n0:00 Awesome. Thank you. I'm really excited to be here.\n\n"
           "0:00 Michael Kennedy  00:17\n\n0:00 People mostly know you through your web framework.\n")
    got = turns(doc)
    assert ("Brian Aachen", "And I am Brian Aachen.") in got
    assert (None, "Awesome. Thank you. I'm really excited to be here.") in got  # no name of its own: nobody's


def test_brackets_just_inside_a_quotation_mark_are_quoted_words_not_a_direction():
    doc = HEARING + "**ANN LEE:** Isn’t this actually “[Nobody here gets a fair hearing.  Tell me about it.]”?\n"
    got = turns(doc)
    assert ("Ann Lee", "Isn’t this actually “[Nobody here gets a fair hearing.  Tell me about it.]”?") in got


def test_a_reading_is_the_officer_the_record_says_reads_it_and_nobodys_otherwise():
    speech = "  Mr. {0}. Mr. President, I rise today to speak about the bill before us.\n"
    doc = "".join(speech.format(n) for n in ("WARNER", "LEVIN", "WARNER", "LEVIN", "WARNER")) + (
        "  The assistant legislative clerk read as follows:\n"
        "       A bill to authorize appropriations for fiscal year 2006 for military activities.\n"
        "  Mr. LEVIN. I thank my friend from Virginia, and I move to the amendment.\n"
        "  The amendment is as follows:\n"
        "       On page 303, strike line 3 and all that follows through page 304.\n"
        "  Mr. WARNER. I thank my friend from Michigan for his support today.\n")
    got = turns(doc)
    assert ("assistant legislative clerk",
            "A bill to authorize appropriations for fiscal year 2006 for military activities.") in got
    assert (None, "On page 303, strike line 3 and all that follows through page 304.") in got
