"""'"…," I heard Hugo muttering': the one the narrator hears speaking is the speaker, named after the quotation.
Short passages written for the case (none is taken from the annotated works)."""

from quoth.segment.attribution.tags import Ref, tag_after
from tests.helpers import story_speakers


def test_the_one_heard_speaking_after_the_quotation_is_tagged():
    t = tag_after(" I heard Hugo Brandt muttering under his breath.", True)
    assert t is not None and t.ref is Ref.NAME and t.words == "Hugo Brandt"
    t = tag_after(" we heard the Colonel’s voice from the deck.", False)
    assert t is not None and t.words == "Colonel"
    # Heard doing something other than speaking, or hearing a pronoun: no name.
    assert tag_after(" I heard Hugo Brandt coming up the stairs.", True) is None
    assert tag_after(" I heard nothing more.", False) is None


def test_a_heard_speaker_beats_the_subject_of_the_narration_before():
    story = [
        "Rolf Danner and Hugo Brandt stood by the mast. Rolf Danner was coiling a rope.",
        "“It is too late for that,” I heard Hugo Brandt muttering.",
    ]
    assert story_speakers(story)[1] == "Hugo Brandt"
