"""Who asks and who answers in an interview, and whose words a quoted mail holds: short synthetic documents, each
rule with a document that must leave the speaker unnamed."""

from __future__ import annotations

from quoth.records import Clue, LayoutHints
from quoth.segment.masthead import read_header_fields
from quoth.segment.page import Page
from quoth.segment.threads.labels import LabelledTurns
from quoth.segment.threads.labels.names import first_named
from quoth.segment.threads.labels.quotes import author
from quoth.segment.threads.labels.shapes import Family

QA = ("Q: How did you get started with the orchard?\n\nA: My grandmother left me forty trees and a ladder.\n\n"
      "Q: What was the hardest winter?\n\nA: The one when the frost came in April and stayed.\n\n"
      "Q: Would you do it again?\n\nA: Every single year, without a doubt.\n")


def read(text: str, fields: bool = False) -> list[tuple[str | None, str, str]]:
    page = Page.of(text)
    if fields:
        read_header_fields(page)
    thread = LabelledTurns(Family.SPEECH).find(page, LayoutHints())
    assert thread is not None
    return [(u.speaker, page.text[u.start:u.end], " ".join(e.detail for e in u.evidence)) for u in thread.units]


def speakers(text: str, fields: bool = False) -> list[str | None]:
    return [s for s, _, _ in read(text, fields)]


def test_the_byline_asks_and_the_one_person_the_introduction_names_answers():
    doc = ("Forty trees and a ladder\n\nBy Ann Lee\n\nIn this interview with Tom Reyes, founder of the Hill "
           "Orchard, we talk about frost.\n\n" + QA)
    got = read(doc)
    assert [s for s, _, _ in got] == ["Ann Lee", "Tom Reyes"] * 3
    assert "byline" in got[0][2] and "interview with Tom Reyes" in got[1][2]


def test_the_cue_nearest_the_first_question_names_the_answerer_not_an_earlier_interview():
    doc = ("[#]: author: (Ann Lee https://example.org/users/annlee)\n\nPreviously I interviewed Juan Rios and "
           "Sander Jansen about their orchards.\n\nFor this article, I contacted Mia Chen, who keeps bees.\n\n"
           "### Meet Mia Chen, beekeeper\n\n" + QA)
    assert speakers(doc) == ["Ann Lee", "Mia Chen"] * 3


def test_an_interview_that_ties_no_one_person_leaves_the_roles_unnamed():
    two = "By Ann Lee\n\nI spoke with Tom Reyes and Mia Chen about the orchard.\n\n" + QA
    assert speakers(two) == [None] * 6
    faq = "Orchard FAQ\n\nBy Ann Lee\n\nAnswers to what visitors ask us most.\n\n" + QA
    assert speakers(faq) == [None] * 6  # a FAQ's author writes both sides: a byline alone names no asker
    authors = "By Ann Lee and Bo Park\n\nAn interview with The Orchard Trust.\n\n" + QA
    assert speakers(authors) == [None] * 6
    title_case = "An Interview With Tom Reyes On Frost And Ladders\n\n" + QA
    assert speakers(title_case) == [None, "Tom Reyes"] * 3


def test_role_labels_take_the_people_the_header_names():
    doc = ("Title: Orchard oral history\nInterviewer: Ann Lee\nInterviewee: Tom Reyes (b. 1950)\n\n"
           + QA.replace("Q:", "Interviewer:").replace("A:", "Respondent:"))
    assert speakers(doc, fields=True) == ["Ann Lee", "Tom Reyes"] * 3
    bare = "Orchard oral history\n\n" + QA.replace("Q:", "Interviewer:").replace("A:", "Respondent:")
    assert speakers(bare) == [None] * 6  # a role is no person's name


def test_a_briefings_questions_from_the_floor_stay_unnamed():
    doc = ("By Ann Lee\n\nAn interview with Tom Reyes.\n\n"
           "MS. PSAKI: Good morning, everyone, a few items at the top.\n\nQ: Will the president travel on Friday?\n\n"
           "MS. PSAKI: He will, and we will share the schedule tonight.\n\nQ: And the weekend?\n\n"
           "MS. PSAKI: Nothing to announce on that yet today.\n\nQ: Any word from the governors on the meeting?\n\n"
           "MR. DEESE: We spoke with several of them this morning and will again.\n\nQ: Thank you, Jen.\n\n"
           "MS. PSAKI: Thank you, everyone, see you on the plane home.\n")
    got = speakers(doc)
    assert got.count(None) == 4 and "Brian Deese" not in got and "Tom Reyes" not in got and "Ann Lee" not in got


def test_the_attribution_names_a_quoted_authors_depth_by_depth_and_the_replier_resumes():
    mail = ("From: Ken Osei <ken@example.net>\nSubject: Re: Pruning day\n\n"
            "On Sat, Feb 3, 2024 at 9:15 AM Ruth Amadi via orchard <orchard@example.net> wrote:\n"
            "> On Fri, 2 Feb 2024, Maya Lind wrote:\n> > Shall we move the pruning day?\n>\n"
            "> Yes, to the 17th because of the frost.\n\nI can bring two more pairs of loppers.\n\n"
            "> And the ladders?\n\nThose too, I have three.\n\n" + "-" * 30 + "\n\n"
            "From: Maya Lind <maya@example.net>\nSubject: Re: Pruning day\n\nCount me in for the 17th.\n\n"
            "Maya\n\nFrom: Bo Park <bo@example.net>\nSubject: Re: Pruning day\n\nAgreed, the 17th it is.\n\n"
            "From: Ruth Amadi <ruth@example.net>\nSubject: Re: Pruning day\n\nThank you all.\n")
    got = [(s, w) for s, w, _ in read(mail)][:6]
    assert got == [("Maya Lind", "> > Shall we move the pruning day?"),
                   ("Ruth Amadi", "> Yes, to the 17th because of the frost."),
                   ("Ken Osei", "I can bring two more pairs of loppers."), ("Ruth Amadi", "> And the ladders?"),
                   ("Ken Osei", "Those too, I have three."), ("Maya Lind", "Count me in for the 17th.\n\nMaya")]
    units = LabelledTurns(Family.SPEECH).find(Page.of(mail), LayoutHints()).units
    assert units[0].evidence[0].clue is Clue.THREAD and "Maya Lind wrote:" in units[0].evidence[0].detail


def test_a_quotation_without_a_readable_author_stays_unnamed():
    mail = ("From: Ken Osei <ken@example.net>\nSubject: Re: Pruning day\n\n"
            "On Sat, 3 Feb 2024, ruth@example.net wrote:\n> The pruning day moves to the 17th.\n\n"
            "Good, and see what James said on the board:\n\n> Ladders are in the shed.\n\nThanks all.\n\n"
            "From: Ruth Amadi <ruth@example.net>\nSubject: Re: Pruning day\n\nThank you both.\n\n"
            "From: Maya Lind <maya@example.net>\nSubject: Re: Pruning day\n\nSee you there.\n\n"
            "From: Bo Park <bo@example.net>\nSubject: Re: Pruning day\n\nAgreed, the 17th it is.\n")
    got = [(s, w) for s, w, _ in read(mail)]
    assert all(not w.startswith(">") for _, w in got)  # nobody's named, and never the replier's
    assert ("Ken Osei", "Thanks all.") in got


def test_attribution_lines_read_as_names_never_as_addresses_or_dates():
    assert author("On Friday, October 20th, 2023 at 7:34 PM, Peter Todd <pete@petertodd.org> wrote:") == "Peter Todd"
    assert author("On Fri Oct 20 18:35:26 UTC 2023, Matt Morehouse via bitcoin-dev wrote:") == "Matt Morehouse"
    assert author("On Sat, Oct 21, 2023 at 1:09?AM Ethan Heilman via bitcoin-dev < bitcoin-dev@x.org> wrote:") == \
        "Ethan Heilman"
    assert author("Jean de la Fontaine <jean@example.fr> a écrit :") == "Jean de la Fontaine"
    assert author("On Mon, 1 Jan 2024 10:00:00 +0000, ann@example.org wrote:") is None
    assert author("On Mon, Jan 1, 2024 at 10:00 AM <ann@example.org> wrote:") is None
    assert author("On Mon, Jan 1, 2024, SUPPORT TEAM wrote:") is None


def test_a_wrapped_attribution_and_a_rewrapped_deeper_line_keep_each_author():
    msgs = "".join(f"From: {n} <{n.split()[0].lower()}@example.net>\nSubject: Re: Ladders\n\nAgreed, see you then.\n\n"
                   for n in ("Bo Park", "Ruth Amadi", "Maya Lind"))
    mail = ("From: Ken Osei <ken@example.net>\nSubject: Re: Ladders\n\n"
            "On Tue, Jan 2, 2024, 8:52 AM Maya Lind <maya@example.net>\nwrote:\n\n"
            "> > Ladders are needed for\n> pruning. That was Ruth's point.\n> I agree with her on that.\n\n"
            "Then we bring them.\n\n" + msgs)
    got = [(s, w) for s, w, _ in read(mail)][:3]
    # "> pruning." is Ruth's sentence re-wrapped a level up: not Maya's; Maya's own line is hers. Ruth's words,
    # her name unread, are kept unnamed (never lost, never Maya's or Ken's), without the quotation marks.
    assert got == [(None, "Ladders are needed for\n> pruning. That was Ruth's point."),
                   ("Maya Lind", "> I agree with her on that."), ("Ken Osei", "Then we bring them.")]


def test_a_surname_label_takes_the_one_first_name_the_prose_writes_before_it():
    turns = ("MR. SULLIVAN: Good morning, a few words on the summit before we land.\n\nQ: Will the leaders meet "
             "alone on Tuesday?\n\nMR. SULLIVAN: They will, for about an hour, and then with their teams.\n\n"
             "Q: And the statement?\n\nMR. SULLIVAN: We expect one at the end of the day, in writing.\n\n"
             "Q: Thank you, Jake.\n\nMR. SULLIVAN: Thank you all, see you on the ground later today.\n")
    one = "We have National Security Advisor Jake Sullivan to take a few questions.\n\n" + turns
    assert set(speakers(one)) == {"Jake Sullivan", None}
    two = "We have Jake Sullivan here, and Senator Dan Sullivan joined us too.\n\n" + turns
    assert "Jake Sullivan" not in speakers(two) and "Dan Sullivan" not in speakers(two)


def test_a_first_name_is_never_a_play_label_or_a_sentence_opening():
    assert first_named("[Follows Algernon into the hall.] Lane bows.", ["ALGERNON."]) == []
    assert first_named("Follows Sullivan out. We hear from Advisor Jake Sullivan.", ["MR. SULLIVAN:"]) == \
        ["Jake Sullivan"]


def test_an_interview_labelling_only_its_questions_gives_the_answers_to_the_person_interviewed():
    body = ("**Q: How did the orchard start?**\n\nMy grandmother left me forty trees.\n\nThen a ladder.\n\n"
            "**Q: What was the hardest winter?**\n\nThe one when the frost came in April.\n\n"
            "**Q: Would you do it again?**\n\nEvery single year.\n\n**Q: And the ladder?**\n\nStill in the shed.\n")
    doc = "[#]: author: \"Ann Lee https://example.org/ann\"\n\nAn interview with orchard founder Tom Reyes\n\n" + body
    got = [(s, w) for s, w, _ in read(doc)]
    assert got[:3] == [("Ann Lee", "How did the orchard start?**"),
                       ("Tom Reyes", "My grandmother left me forty trees.\n\nThen a ladder."),
                       ("Ann Lee", "What was the hardest winter?**")]
    faq = "[#]: author: \"Ann Lee https://example.org/ann\"\n\nOrchard questions, answered.\n\n" + body
    assert {s for s, _, _ in read(faq)} == {None}
