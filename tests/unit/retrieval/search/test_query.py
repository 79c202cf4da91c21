from quoth.search.query import asks_who_asked


def test_a_question_about_who_asked_is_recognised():
    assert asks_who_asked("Who asked whether HTTP/2 requires an s in the scheme?")
    assert asks_who_asked("who wanted to know if the budget was ready?")
    assert not asks_who_asked("Who said they would test the compile this week?")
    assert not asks_who_asked("What was asked about the budget?")
