import pytest

from quoth.search.query import as_statement, asks_who_asked


def test_a_question_about_who_asked_is_recognised():
    assert asks_who_asked("Who asked whether HTTP/2 requires an s in the scheme?")
    assert asks_who_asked("who wanted to know if the budget was ready?")
    assert not asks_who_asked("Who said they would test the compile this week?")
    assert not asks_who_asked("What was asked about the budget?")


@pytest.mark.parametrize(("question", "statement"), [
    ("What is the rationale for f-strings?", "the rationale for f-strings"),
    ("Why did mids say he was resigning?", "mids say he was resigning"),
    ("Who said they would test the win32 compile this week?", "said they would test the win32 compile this week"),
    ("Tabs or spaces?", "Tabs or spaces?"),
    ("  how does Python handle errors ?", "Python handle errors"),
    ("How many people have recently joined Labour?", "How many people have recently joined Labour?"),
])
def test_a_question_as_a_statement(question, statement):
    assert as_statement(question) == statement


def test_a_statement_or_a_bare_question_word_is_left_whole():
    claim = "0-dimensional biomaterials show inductive properties."
    assert as_statement(claim) == claim
    assert as_statement("Why?") == "Why?"
    assert as_statement("Wo ist der Bahnhof?") == "Wo ist der Bahnhof?"  # another language: left whole
