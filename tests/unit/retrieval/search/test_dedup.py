from quoth.records import Passage, Role
from quoth.search.searcher import answers
from quoth.segment.chunking import search_text_for

QUESTION = "What kind of software do you use for hardware design?"
ANSWER = "I've been using Eagle for years, and KiCad lately."


def passage(text: str, speaker: str, asked: str = "", where: str = "Meet Håvard") -> Passage:
    search = search_text_for(text, speaker, Role.TURN, None, "Open audio hardware", where, "", asked)
    return Passage("interview.md", 0, len(text), text, speaker, Role.TURN, search)


def test_an_answer_is_never_a_duplicate_of_the_question_it_reads():
    question, answer = passage(QUESTION, "Chris"), passage(ANSWER, "Håvard", asked=QUESTION)
    assert answers(question, answer) and answers(answer, question)


def test_a_heading_or_a_shared_head_is_no_question_answered():
    rationale = passage("Rationale", "Eric")
    under = passage(ANSWER, "Håvard", where="Rationale")
    assert "Rationale" in under.search_text and not answers(rationale, under)  # a section named in its head
    assert not answers(passage(QUESTION, "Chris"), passage(QUESTION, "Dana"))  # one quote said twice
