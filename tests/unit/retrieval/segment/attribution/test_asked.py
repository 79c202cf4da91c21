"""Turn-taking round 7: a reply after a turn that asks a third voice by name is that voice's, not the pair's;
each on a short exchange written for the case (none is taken from the annotated works)."""

from quoth.segment.attribution.conversation import Turn, take_turns
from tests.helpers import story_speakers


def turn(anchor=None, addressed=(), gender=None, asked=()):
    named = frozenset(addressed) | frozenset(asked)
    return Turn(anchor, named, gender, anchor is None, called=named, asked=frozenset(asked))


GENDERS = {"Rolf": "m", "Hugo": "m", "Wilkins": "m"}


def test_the_reply_to_a_question_asking_a_third_voice_is_theirs():
    # Rolf and Hugo talk by turns; Rolf's third turn ends "What do you think, Wilkins?": Wilkins answers.
    turns = [turn("Rolf"), turn("Hugo"), turn(asked=["Wilkins"]), turn(), turn()]
    got = {k: f.speaker for k, f in take_turns(turns, GENDERS).items()}
    assert got[2] == "Rolf" and got[3] == "Wilkins"
    # Without the question the pair's turn-taking goes on: Hugo's turn.
    turns[2] = turn()
    assert take_turns(turns, GENDERS)[3].speaker == "Hugo"


def test_a_third_voice_called_but_not_asked_leaves_the_reply_open():
    # "Good evening, Wilkins!" calls him without asking: he or the pair may answer, so nobody is named.
    turns = [turn("Rolf"), turn("Hugo"), turn(addressed=["Wilkins"]), turn()]
    assert 3 not in take_turns(turns, GENDERS)
    # A reply whose pronoun tag is the wrong gender for the one asked is not theirs.
    turns = [turn("Rolf"), turn("Hugo"), turn(asked=["Wilkins"]), turn(gender="f")]
    assert 3 not in take_turns(turns, GENDERS)


def test_a_story_names_the_servant_asked_by_name():
    # Wilkins speaks once, tagged: he is a voice of the story, and the question that ends Rolf's turn asks him.
    paras = ["Rolf and Hugo stood before the painting while Wilkins dusted the shelves.",
             "“Shall I draw the curtains, sir?” said Wilkins.",
             "“Do,” said Rolf.",
             "The light fell full on the canvas.",
             "“Frightful, isn’t it?” said Rolf.",
             "“Perfectly frightful,” said Hugo.",
             "“Is it the frame, though? Or the colours? What do you say, Wilkins?”",
             "“The colours, sir, if I may say so.”",
             "Hugo laughed aloud."]
    got = story_speakers(paras)
    assert got[7] == "Wilkins"


def sir(addressed=(), anchor=None, gender=None):
    return Turn(anchor, frozenset(addressed), gender, anchor is None, sir=True)


def test_the_side_answering_sir_is_the_one_the_other_side_calls():
    # Nobody tagged: one side calls Wilkins by name once, the other answers "sir" again and again.
    turns = [turn(addressed=["Wilkins"]), sir(), turn(), sir(), turn(), sir()]
    got = {k: f.speaker for k, f in take_turns(turns, GENDERS).items()}
    assert got == {1: "Wilkins", 3: "Wilkins", 5: "Wilkins"}
    # "sir" once only shows nothing; "sir" on the calling side too, neither.
    assert take_turns([turn(addressed=["Wilkins"]), sir(), turn(), turn()], GENDERS) == {}
    assert take_turns([sir(addressed=["Wilkins"]), sir(), turn(), sir()], GENDERS) == {}
    # A pronoun tag of the other gender on the answering side: not Wilkins.
    assert take_turns([turn(addressed=["Wilkins"]), sir(), turn(), sir(gender="f")], GENDERS) == {}


def test_a_clause_of_someone_unnamed_taking_up_the_words_is_a_second_voice():
    from tests.helpers import read_story
    paras = ["Mrs. Thorne and her nephew sat by the fire.",
             "“Is it raining still?” said Mrs. Thorne.",
             "“It is, aunt,” said the young man.",
             "“Then we shall not go out,” said Mrs. Thorne.",
             "“Soon?” Mrs. Thorne whispered, while the young man, glancing at the clock, answered: “As soon as the "
             "rain stops, I promise you.”",
             "The fire crackled."]
    text, _, units = read_story(paras)
    # The second quotation of the fifth paragraph is not lent Mrs. Thorne's tag, nor put in her passage.
    assert not any("rain stops" in text[u.start:u.end] and u.speaker == "Mrs. Thorne" for u in units)
    assert any(text[u.start:u.end].startswith("“Soon?”") and u.speaker == "Mrs. Thorne" for u in units)


def test_a_short_cry_inside_narration_is_words_not_a_scare_quote():
    from quoth.segment.attribution.prose import _scare
    lead = "Presently the shrill call of "
    assert not _scare("Martha!", lead, False) and not _scare("Who's there?", lead, False)
    assert _scare("modern", "He called it ", False)  # a term stays a scare quote
