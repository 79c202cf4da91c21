"""Tag shapes read in round 12, each on a short passage written for the case (none is taken from the annotated
works): a conjunction opening the sentence ("When it was over, she …") is nobody's name, the clause after it has
the subject who speaks; a pronoun may be the subject of a compound sentence whose last verb says ("she rose, and
said with a smile—")."""

from quoth.segment.attribution.tags import Ref, tag_before
from tests.helpers import story_speakers


def test_a_conjunction_opening_the_sentence_is_no_name():
    tag = tag_before("When the clock had struck, she looked up from her work, and said with a sigh—")
    assert (tag.ref, tag.words, tag.verb) == (Ref.PRONOUN, "she", "said")
    # a name straight after the conjunction still speaks
    tag = tag_before("When Harriet had gone, Mrs Dale turned to the window, and said:")
    assert tag is not None and tag.ref is Ref.NAME and "Dale" in tag.words
    # a name that opens the sentence is still its subject
    tag = tag_before("The Colonel looked at him sternly, and answered:")
    assert (tag.ref, tag.words) == (Ref.NAME, "The Colonel")


def test_a_pronoun_subject_of_a_compound_sentence_speaks():
    tag = tag_before("Then he folded the letter slowly, and said—")
    assert (tag.ref, tag.words, tag.verb) == (Ref.PRONOUN, "he", "said")
    # another subject in the last clause is the speaker, never the first pronoun
    assert tag_before("He folded the letter, and Mr Lowe said:").words != "He"


def test_my_lady_again_and_again_is_one_person_the_narrator_serves():
    # A servant telling the story calls his mistress "my lady", as he would say "my lord": one person, whom the
    # tags name so; "the lady" alone may be anyone.
    story = [
        "I had served in that house thirty years when my lady sent for me.",
        "“Sit down,” says my lady. “I have a favour to ask.”",
        "“Anything in my power,” says I.",
        "“My nephew comes on Friday,” says my lady.",
        "“I will have the blue room aired,” says I.",
        "“And the horses fed,” says my lady.",
        "“Very good,” says I, and my lady smiled.",
    ]
    got = story_speakers(story)
    assert got[1] == got[3] == got[5] == "my lady"
