"""Turn-taking round 8: who answers. The one asked a question by name answers it; that answer anchors the turns
around it; a named first-person narrator is the other side of an exchange with one known person; a word before
", sir" is an answer, not a name called. Each on a short passage written for the case (none is taken from the
annotated works)."""

from quoth.segment.attribution.cast import Cast
from quoth.segment.attribution.conversation import Turn, take_turns
from quoth.segment.attribution.vocatives import addressees
from tests.helpers import story_speakers

GENDERS = {"Rolf": "m", "Hugo": "m", "Wilkins": "m", "Bertram": "m", "Agnes": "f"}


def turn(anchor=None, addressed=(), gender=None, asked=(), mentioned=()):
    named = frozenset(addressed) | frozenset(asked)
    return Turn(anchor, named, gender, anchor is None, mentioned=frozenset(mentioned), called=named,
                asked=frozenset(asked))


def sir(addressed=(), anchor=None, gender=None):
    return Turn(anchor, frozenset(addressed), gender, anchor is None, sir=True)


def speakers(turns, **kw) -> dict[int, str]:
    return {k: f.speaker for k, f in take_turns(turns, GENDERS, **kw).items()}


# --- the one asked answers ---------------------------------------------------------------------------------------

def test_an_untagged_question_asking_someone_by_name_is_answered_by_them():
    # Nobody is tagged: "…, Hugo?" and the reply after it is Hugo's; the turn-taking had nobody for it.
    assert speakers([turn(asked=["Hugo"]), turn()])[1] == "Hugo"


def test_the_one_asked_does_not_answer_themselves_nor_against_the_reply():
    # The asker calling their own name quotes someone: no answer read from it.
    assert 1 not in speakers([turn("Hugo", asked=["Hugo"]), turn()])
    # A reply that calls the one asked ("Hugo, I cannot say") is not theirs, nor one whose pronoun is a woman's.
    assert 1 not in speakers([turn(asked=["Hugo"]), turn(addressed=["Hugo"])])
    assert 1 not in speakers([turn(asked=["Hugo"]), turn(gender="f")])


def test_the_answer_anchors_the_turn_taking_when_nobody_else_is_about():
    # Hugo answers the question of turn 0; the turns after go on by turns: his again at 3.
    turns = [turn(asked=["Hugo"]), turn(), turn(), turn()]
    assert speakers(turns) == {1: "Hugo", 3: "Hugo"}
    # With someone else of the scene about (who may be the one asking again), only the answer itself is named.
    assert speakers(turns, scene=frozenset({"Hugo", "Agnes", "Wilkins"})) == {1: "Hugo"}


def test_a_story_names_the_one_asked_by_a_titled_name():
    # "…, Mr. Wilkins?" ends the question: the title's full stop ends no sentence, so the question asks him.
    paras = ["Rolf and Hugo stood before the painting while Mr. Wilkins dusted the shelves.",
             "“Shall I draw the curtains?” said Mr. Wilkins.",
             "“Do,” said Rolf.",
             "“Frightful, isn’t it?” said Hugo.",
             "“Perfectly frightful,” said Rolf.",
             "The light fell full on the canvas, and the three of them looked at it for a long while without a "
             "word, each thinking his own thoughts about the colours and the frame and the price it had fetched.",
             "“Is it the frame? What do you say, Mr. Wilkins?”",
             "“The colours, if I may say so.”",
             "Hugo laughed aloud."]
    got = story_speakers(paras)
    assert got[7] == "Mr. Wilkins"


# --- the narrator answers the one known side ---------------------------------------------------------------------

def test_a_named_narrator_is_the_side_calling_the_one_who_says_sir():
    # Told by Bertram: one side calls Wilkins, the other answers "sir"; nobody else is about: Bertram calls.
    turns = [turn(addressed=["Wilkins"]), sir(), turn(), sir(), turn(), sir()]
    got = speakers(turns, narrator="Bertram", scene=frozenset({"Bertram"}))
    assert got == {0: "Bertram", 1: "Wilkins", 2: "Bertram", 3: "Wilkins", 4: "Bertram", 5: "Wilkins"}


def test_the_narrator_is_no_side_where_someone_else_may_be_it():
    turns = [turn(addressed=["Wilkins"]), sir(), turn(), sir(), turn(), sir()]
    # Someone else in the scene (Agnes) may be the one calling Wilkins.
    got = speakers(turns, narrator="Bertram", scene=frozenset({"Bertram", "Agnes", "Hugo"}))
    assert got == {1: "Wilkins", 3: "Wilkins", 5: "Wilkins"}
    # A third-person pronoun on the calling side ("she said") is never the narrator.
    turns[2] = turn(gender="f")
    assert 0 not in speakers(turns, narrator="Bertram", scene=frozenset({"Bertram"}))
    # Nobody narrating by name (a part read without its scene): the calling side stays open.
    turns[2] = turn()
    assert 0 not in speakers(turns, narrator="Bertram")


# --- a word before "sir" ----------------------------------------------------------------------------------------

STORY = ("Ann Lee came in. Tom Hale looked up. Mr. Holmes was away.\n\n"
         "\"Ann Lee is here,\" said Tom Hale. \"Mr. Holmes is not. Unsuitable, he said.\"\n")


def named(inner: str) -> list[str]:
    return [c.name for c in addressees(inner, Cast.learn(STORY))]


def test_a_bare_word_before_sir_is_an_answer_not_a_call():
    assert named("Ann Lee, sir.") == []
    assert named("Ann Lee, madam, if you please.") == []
    # A titled name before "sir" is called so; a bare name before anything else is called too.
    assert named("Mr. Holmes, sir, I must speak.") == ["Mr. Holmes"]
    assert named("Ann Lee, where were you?") == ["Ann Lee"]


CRIED = ("Ann Lee came in. Mr. Hale looked up.\n\n"
         "\"Ann Lee is here,\" said Mr. Hale. \"Nobody else.\"\n")


def test_a_name_cried_out_alone_calls_a_person_of_known_gender():
    cast = Cast.learn(CRIED)
    assert [c.name for c in addressees("Mr. Hale! There is something in there!", cast)] == ["Mr. Hale"]
    # A word the cast holds without a gender ("Pshaw!", "Nonsense!" may be learnt so) is no sure call.
    assert addressees("Ann Lee! There is something in there!", cast) == []
    # The name cried and then talked about ("Mr. Hale! Mr. Hale is here!") is news of them, not a call.
    assert addressees("Mr. Hale! Mr. Hale is here!", cast) == []


# --- the partner the sieve guessed ------------------------------------------------------------------------------

def guessed(guess=None, anchor=None, addressed=()):
    return Turn(anchor, frozenset(addressed), None, anchor is None, guess=guess)


def test_the_other_side_is_the_one_its_guesses_name():
    # Rolf tagged on the even turns; one odd turn guessed Agnes short of an anchor ("Agnes is the subject of the
    # sentence before"): the odd turns are Agnes's.
    turns = [guessed(anchor="Rolf"), guessed(guess="Agnes"), guessed(anchor="Rolf"), guessed(), guessed()]
    got = speakers(turns)
    assert got[3] == "Agnes" and got[4] == "Rolf"
    # Two guesses naming two people, or a turn of hers calling Agnes by name: nobody for her side.
    turns[3] = guessed(guess="Hugo")
    assert 3 not in speakers(turns)
    turns[3] = guessed(addressed=["Agnes"])
    assert 3 not in speakers(turns)
