"""Tag shapes read in round 12, each on a short passage written for the case (none is taken from the annotated
works): a conjunction opening the sentence ("When it was over, she …") is nobody's name, the clause after it has
the subject who speaks; a pronoun may be the subject of a compound sentence whose last verb says ("she rose, and
said with a smile—")."""

from quoth.segment.attribution.tags import Ref, tag_before


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
