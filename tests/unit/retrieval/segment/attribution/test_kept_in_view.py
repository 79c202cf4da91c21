"""A speaker the narration after their quotation goes on about ("'…!' muttered Captain Bell; then a slow smile
spread across his face.") is still in view when the next paragraph opens with "he cried": "he" may be him as well
as the other man, so the pronoun is doubted, not given to the other man as the one recent person who fits.
Short passages written for the case (none is taken from the annotated works)."""

from tests.helpers import story_speakers

STORY = [
    "The elder man came up to me, and the younger followed him.",
    "“This,” said he, “is Captain Bell, and I am Jack Reed.”",
    "I bowed and answered:",
    "“I am Bertram Ashby, of London.”",
    "“Then we are friends,” answered Reed, holding out his hand, which I took.",
    "“Ashby, Ashby!” muttered Captain Bell; then a slow smile spread across his face.",
    "“By Jove!” he cried, “you are the cousin.”",
]


def test_a_speaker_the_narration_goes_on_about_stays_a_rival_for_he():
    got = story_speakers(STORY, bar=0.6)
    assert got[3] == "Bertram Ashby"  # "'I am Bertram Ashby,' I answered": the narrator says who they are
    assert got[4] == "Jack Reed" and got[5] == "Captain Bell"
    assert got[6] != "Jack Reed"


def test_a_bare_tag_keeps_no_one_in_view():
    # "muttered Captain Bell." with no narration after it: "he cried" is the other man, the one recent who fits.
    # Merged with round 11's other work the sieve may still doubt it (the narrator, known here only from his own
    # "I am Bertram Ashby", is counted as a second man about): no name is allowed, never Captain Bell's.
    plain = [*STORY[:5], "“Ashby, Ashby!” muttered Captain Bell.", STORY[6]]
    assert story_speakers(plain, bar=0.6)[6] in ("Jack Reed", None)
    assert story_speakers(plain, bar=0.0)[6] == "Jack Reed"  # the guess, under any bar, is the other man
