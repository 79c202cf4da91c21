from quoth.index.speakers import SpeakerDirectory, SpeakerName
from quoth.search.named import people_named, query_names

FUNCTION_WORDS = frozenset({"all", "who", "what", "did", "the", "was", "is", "say", "about"})
DIRECTORY = SpeakerDirectory([SpeakerName(n, "a.txt", 3) for n in
                              ("Bernie Sanders", "duck", "All", "Rachel Mitchell", "Ford", "Lady Bracknell")])


def test_names_in_a_question_as_speakers_write_them():
    assert query_names("What is Ford's strongest memory?") == ["What", "is", "Ford", "strongest", "memory"]


def test_the_people_a_question_names():
    assert people_named("What did duck think of http://i2p.i2p/?", DIRECTORY, FUNCTION_WORDS) == ["duck"]
    assert people_named("Why did Sanders say that?", DIRECTORY, FUNCTION_WORDS) == ["Bernie Sanders"]
    assert people_named("What is Ford's strongest memory?", DIRECTORY, FUNCTION_WORDS) == ["Ford"]
    # a function word is nobody, even where a play has a speaker "All"
    assert people_named("What did all the witches say?", DIRECTORY, FUNCTION_WORDS) == []
    # the person a question is about is not whose words it wants
    assert people_named("Who was Rachel Mitchell before the hearing?", DIRECTORY, FUNCTION_WORDS) == []
    assert people_named("Why no sandwiches for Lady Bracknell?", DIRECTORY, FUNCTION_WORDS) == []


def test_whom_someone_asked_is_not_whose_words_are_wanted():
    assert people_named("Who asked Ford about the party?", DIRECTORY, FUNCTION_WORDS) == []
    assert people_named("What did Ford answer?", DIRECTORY, FUNCTION_WORDS) == ["Ford"]
